import { type Kysely, sql } from "kysely";
import type { StoredStory } from "./news-store.js";
import { refreshStorySummaries } from "./refresh-story-summaries.js";
import type { Database } from "./schema.js";

/** The PostgreSQL advisory lock that serialises clustering steps across every process of one database. */
export const STORY_LOCK_KEY = 7_305_001;

/** Largest part of a stored snapshot (PostgreSQL's bytea holds at most 1 GB; smaller parts stream better). */
const SNAPSHOT_PART = 64 * 1024 * 1024;

/** A row of the story log. */
export interface StoryLogRow {
  readonly seq: number;
  readonly kind: string;
  readonly entry: string;
}

function chunks<T>(xs: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/**
 * Takes the story lock inside the current transaction, held until it commits or rolls back: PostgreSQL's
 * transaction-scoped advisory lock; on SQLite a first write, which takes the database's single write lock (a
 * deferred transaction that wrote first cannot hit SQLITE_BUSY_SNAPSHOT later).
 */
export async function lockStories(trx: Kysely<Database>, dialect: "sqlite" | "postgres"): Promise<void> {
  if (dialect === "postgres") await sql`SELECT pg_advisory_xact_lock(${STORY_LOCK_KEY})`.execute(trx);
  else await trx.updateTable("story_head").set({ seq: sql`seq` }).where("id", "=", 1).execute();
}

/** Takes the story lock if it is free (PostgreSQL); SQLite's write lock is waited for, as by lockStories. */
export async function tryLockStories(trx: Kysely<Database>, dialect: "sqlite" | "postgres"): Promise<boolean> {
  if (dialect === "sqlite") {
    await lockStories(trx, dialect);
    return true;
  }
  const r = await sql<{ ok: boolean }>`SELECT pg_try_advisory_xact_lock(${STORY_LOCK_KEY}) AS ok`.execute(trx);
  return r.rows[0]?.ok === true;
}

/** Stages documents for the next clustering step; one staged already stays as it was. */
export async function stageDocuments(db: Kysely<Database>, rows: readonly { id: string; item: string; features: string }[]): Promise<void> {
  const now = new Date().toISOString();
  for (const part of chunks(rows, 200)) {
    await db
      .insertInto("pending_documents")
      .values(part.map((r) => ({ id: r.id, staged_at: now, item: r.item, features: r.features })))
      .onConflict((oc) => oc.column("id").doNothing())
      .execute();
  }
}

/** Staged documents, oldest first. */
export async function pendingDocuments(db: Kysely<Database>, limit: number): Promise<{ id: string; item: string; features: string }[]> {
  return db.selectFrom("pending_documents").select(["id", "item", "features"]).orderBy("staged_at").orderBy("id").limit(limit).execute();
}

/** How many documents are staged. */
export async function countPending(db: Kysely<Database>): Promise<number> {
  return Number((await db.selectFrom("pending_documents").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
}

/** Unstages documents. */
export async function deletePending(db: Kysely<Database>, ids: readonly string[]): Promise<void> {
  for (const part of chunks(ids, 5000)) await db.deleteFrom("pending_documents").where("id", "in", part).execute();
}

/** Entries with seq > after, oldest first. */
export async function readStoryLog(db: Kysely<Database>, after: number, limit: number): Promise<StoryLogRow[]> {
  const rows = await db.selectFrom("story_log").select(["seq", "kind", "entry"]).where("seq", ">", after).orderBy("seq").limit(limit).execute();
  return rows.map((r) => ({ seq: Number(r.seq), kind: r.kind, entry: r.entry }));
}

/** The last committed seq (0 for an empty log). */
export async function storyLogHead(db: Kysely<Database>): Promise<number> {
  const r = await db.selectFrom("story_head").select("seq").where("id", "=", 1).executeTakeFirst();
  return Number(r?.seq ?? 0);
}

/** Appends entry `seq` and moves the head; the primary key refuses a second entry with the same seq. */
export async function appendStoryLog(db: Kysely<Database>, seq: number, kind: string, docs: number, entry: string): Promise<void> {
  await db.insertInto("story_log").values({ seq, kind, docs, created_at: new Date().toISOString(), entry }).execute();
  await db.updateTable("story_head").set({ seq }).where("id", "=", 1).execute();
}

/** The newest complete snapshot, or null. */
export async function latestStorySnapshot(db: Kysely<Database>): Promise<{ seq: number; data: Uint8Array } | null> {
  const heads = await db
    .selectFrom("story_snapshots")
    .select(["seq", "parts", (eb) => eb.fn.countAll<number>().as("n")])
    .groupBy(["seq", "parts"])
    .orderBy("seq", "desc")
    .execute();
  const head = heads.find((h) => Number(h.n) === Number(h.parts));
  if (!head) return null;
  const parts: Uint8Array[] = [];
  for (let p = 0; p < Number(head.parts); p++) {
    const r = await db.selectFrom("story_snapshots").select("data").where("seq", "=", head.seq).where("part", "=", p).executeTakeFirstOrThrow();
    parts.push(r.data);
  }
  return { seq: Number(head.seq), data: parts.length === 1 ? parts[0] : Buffer.concat(parts) };
}

/** Stores a snapshot at `seq` (a second writer of the same seq is ignored) and drops all but the two newest. */
export async function putStorySnapshot(db: Kysely<Database>, seq: number, data: Uint8Array): Promise<void> {
  const parts = Math.max(1, Math.ceil(data.length / SNAPSHOT_PART));
  await db.transaction().execute(async (trx) => {
    for (let p = 0; p < parts; p++) {
      const part = data.subarray(p * SNAPSHOT_PART, (p + 1) * SNAPSHOT_PART);
      await trx
        .insertInto("story_snapshots")
        .values({ seq, part: p, parts, data: Buffer.from(part.buffer, part.byteOffset, part.byteLength) })
        .onConflict((oc) => oc.columns(["seq", "part"]).doNothing())
        .execute();
    }
    const keep = await trx.selectFrom("story_snapshots").select("seq").distinct().orderBy("seq", "desc").limit(2).execute();
    if (keep.length === 2) await trx.deleteFrom("story_snapshots").where("seq", "<", keep[1].seq).execute();
  });
}

/** The current story of each document that has one. */
export async function storiesOf(db: Kysely<Database>, docIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const part of chunks([...new Set(docIds)], 5000)) {
    const rows = await db.selectFrom("story_members").select(["doc_id", "story_id"]).where("doc_id", "in", part).execute();
    for (const r of rows) out.set(r.doc_id, r.story_id);
  }
  return out;
}

/**
 * Writes stories as the story log decided them: each story gets exactly the members listed (moved from wherever they
 * were), its title, relations and merged events; `removed` stories (absorbed by a merge, left with no member) go.
 * With `all`, every stored story is replaced (a rebuild).
 */
export async function replaceStories(db: Kysely<Database>, stories: readonly StoredStory[], removed: readonly string[], all = false): Promise<void> {
  const now = new Date().toISOString();
  if (all) {
    await db.deleteFrom("story_members").execute();
    await db.deleteFrom("stories").execute();
  }
  for (const s of stories) {
    if (!all) for (const part of chunks(s.documents, 5000)) await db.deleteFrom("story_members").where("doc_id", "in", part).execute();
    const record = JSON.stringify({ relations: s.relations, events: s.events ?? [] });
    await db
      .insertInto("stories")
      .values({ id: s.id, title: s.title, updated_at: now, record })
      .onConflict((oc) => oc.column("id").doUpdateSet({ title: s.title, updated_at: now, record }))
      .execute();
    for (const part of chunks(s.documents, 500)) await db.insertInto("story_members").values(part.map((d) => ({ story_id: s.id, doc_id: d }))).execute();
  }
  for (const part of chunks(removed, 5000)) {
    await db
      .deleteFrom("stories")
      .where("id", "in", part)
      .where("id", "not in", db.selectFrom("story_members").select("story_id").where("story_id", "in", part))
      .execute();
  }
  await refreshStorySummaries(db, stories.map((s) => s.id));
}

/** Which of these entries of a feed were recorded as seen. */
export async function feedSeen(db: Kysely<Database>, feed: string, links: readonly string[]): Promise<Set<string>> {
  const seen = new Set<string>();
  for (const part of chunks([...new Set(links)], 500)) {
    for (const r of await db.selectFrom("feed_seen").select("link").where("feed", "=", feed).where("link", "in", part).execute()) seen.add(r.link);
  }
  return seen;
}

/** Records entries of a feed as seen (again is harmless). */
export async function markFeedSeen(db: Kysely<Database>, feed: string, links: readonly string[]): Promise<void> {
  const now = new Date().toISOString();
  for (const part of chunks([...new Set(links)], 500)) {
    await db
      .insertInto("feed_seen")
      .values(part.map((link) => ({ feed, link, seen_at: now })))
      .onConflict((oc) => oc.columns(["feed", "link"]).doNothing())
      .execute();
  }
}
