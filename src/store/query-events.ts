import { type Kysely, type SelectQueryBuilder, sql } from "kysely";
import { dateInterval } from "./kysely-store.js";
import type { EventFilter, Page, StoredEvent } from "./news-store.js";
import type { Database } from "./schema.js";

const like = (s: string) => `%${s.toLowerCase().replace(/[%_\\]/g, "")}%`;

type EventsQuery = SelectQueryBuilder<Database, "events" | "documents", object>;

/** Whether a filter needs the documents table (language and outlet live there). */
const needsDocuments = (f: EventFilter) => !!(f.language || f.outlet);

/**
 * The events matching a filter (not yet selected, ordered or paged). Joined to documents when `join` is set or the
 * filter needs it; a count or a light scan reads the events table alone (every event has its document).
 */
function filtered(db: Kysely<Database>, f: EventFilter, join: boolean): EventsQuery {
  let q = (join || needsDocuments(f) ? db.selectFrom("events").innerJoin("documents", "documents.id", "events.doc_id") : db.selectFrom("events")) as EventsQuery;
  if (f.type) q = q.where("events.type", "=", f.type.toUpperCase());
  if (f.status) q = q.where("events.status", "=", f.status.toLowerCase());
  if (f.since) q = q.where("events.date", ">=", f.since);
  if (f.until) q = q.where("events.date", "<=", dateInterval(f.until)[1] ?? f.until);
  if (f.dated) q = q.where("events.date", "is not", null);
  if (f.actor) {
    const a = f.actor.toLowerCase();
    q = q.where((eb) => eb.or([eb("events.actor_kb", "=", a), eb(sql`lower(events.actor_text)`, "like", like(a))]));
  }
  const anyOf = (col: "events.actor_kb" | "events.target_kb" | "events.location_kb", ids: readonly string[]) =>
    ids.length ? q.where(col, "in", [...ids]) : q.where(sql<boolean>`1 = 0`);
  if (f.actorKbs) q = anyOf("events.actor_kb", f.actorKbs);
  if (f.target) {
    const t = f.target.toLowerCase();
    q = q.where((eb) => eb.or([eb("events.target_kb", "=", t), eb(sql`lower(events.target_text)`, "like", like(t))]));
  }
  if (f.targetKbs) q = anyOf("events.target_kb", f.targetKbs);
  if (f.place) q = q.where(sql`lower(events.location_text)`, "like", like(f.place));
  if (f.placeKbs) q = anyOf("events.location_kb", f.placeKbs);
  if (f.refs) {
    const refs = f.refs;
    q = refs.length ? q.where((eb) => eb.or(refs.map((r) => eb.and([eb("events.doc_id", "=", r.docId), eb("events.idx", "=", r.index)])))) : q.where(sql<boolean>`1 = 0`);
  }
  if (f.language) q = q.where("documents.language", "=", f.language);
  if (f.outlet) q = q.where("documents.outlet", "=", f.outlet);
  if (f.story) q = q.where("events.doc_id", "in", db.selectFrom("story_members").select("doc_id").where("story_id", "=", f.story));
  return q;
}

/** Light rows (see EventFilter.light): columns of the events table only, in no particular order. */
async function lightRows(db: Kysely<Database>, f: EventFilter): Promise<StoredEvent[]> {
  // Exactly the columns of events_actor_date, so an actor's scan never reads the table.
  let q = filtered(db, f, false).select(["events.doc_id", "events.idx", "events.type", "events.status", "events.date", "events.actor_kb", "events.target_kb"]);
  if (f.limit) q = q.limit(f.limit);
  return (await q.execute()).map((r) => ({
    docId: r.doc_id, index: Number(r.idx), file: "", outlet: null, url: null, actorKb: r.actor_kb, targetKb: r.target_kb,
    record: { type: r.type, status: r.status, date: r.date ? { date: r.date } : null, actor: null, target: null, evidence: { text: "" } },
  }));
}

/** Events matching the filter, newest first (undated last), with their document's file, outlet, language and story. */
export async function listEventRows(db: Kysely<Database>, f: EventFilter = {}): Promise<StoredEvent[]> {
  if (f.light) return lightRows(db, f);
  let q = filtered(db, f, true)
    .leftJoin("story_members", "story_members.doc_id", "events.doc_id")
    .select([
      "events.doc_id", "events.idx", "events.record", "events.actor_kb", "events.target_kb", "documents.file", "documents.outlet",
      "documents.url", "documents.language", "documents.published_date", "story_members.story_id",
    ])
    .orderBy("events.date", (ob) => ob.desc().nullsLast())
    .orderBy("events.doc_id")
    .orderBy("events.idx");
  if (f.limit || f.offset) q = q.limit(f.limit ?? Number.MAX_SAFE_INTEGER);
  if (f.offset) q = q.offset(f.offset);
  return (await q.execute()).map((r) => ({
    docId: r.doc_id, index: Number(r.idx), file: r.file, outlet: r.outlet, url: r.url, language: r.language, published: r.published_date,
    story: r.story_id ?? null, actorKb: r.actor_kb, targetKb: r.target_kb, record: JSON.parse(r.record),
  }));
}

/** A page of events and how many match in all. */
export async function queryEvents(db: Kysely<Database>, f: EventFilter = {}): Promise<Page<StoredEvent>> {
  const total = Number((await filtered(db, f, false).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  return { items: await listEventRows(db, { ...f, limit: f.limit ?? 50 }), total };
}
