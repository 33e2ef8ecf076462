import { type Kysely, sql } from "kysely";
import type { EntityDetailRow, EntityRowSummary, Page } from "./news-store.js";
import type { Database } from "./schema.js";

/** A page of entities across the store (entity_index), most documents first. */
export async function listEntities(db: Kysely<Database>, f: { q?: string; type?: string; keys?: readonly string[]; limit?: number; offset?: number } = {}): Promise<Page<EntityRowSummary>> {
  let q = db.selectFrom("entity_index");
  if (f.q) {
    const n = f.q.toLowerCase();
    q = q.where((eb) => eb.or([eb("kb", "=", n), eb(sql`lower(name)`, "like", `%${n.replace(/[%_\\]/g, "")}%`)]));
  }
  if (f.type) q = q.where("type", "=", f.type);
  if (f.keys) q = f.keys.length ? q.where("key", "in", [...f.keys]) : q.where("key", "=", "\u0000");
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const rows = await q.select(["key", "kb", "name", "type", "documents", "mentions"]).orderBy("documents", "desc").orderBy("key").limit(f.limit ?? 50).offset(f.offset ?? 0).execute();
  return { items: rows.map((r) => ({ ...r, documents: Number(r.documents), mentions: Number(r.mentions) })), total };
}

/** How many of an entity's newest documents are read for co-mentions and surface forms (bounds the work per request). */
export const ENTITY_SAMPLE = { coMentionDocs: 2000, writtenAsDocs: 30, documents: 50 } as const;

/**
 * One entity by key (KB id, or `name:<lower-cased name>`): counts, newest documents, how the documents write it,
 * and the entities mentioned in the same documents (counted over its newest ENTITY_SAMPLE.coMentionDocs documents).
 */
export async function getEntity(db: Kysely<Database>, key: string): Promise<EntityDetailRow | null> {
  const e = await db.selectFrom("entity_index").selectAll().where("key", "=", key).executeTakeFirst();
  if (!e) return null;
  // entities_kb_published / entities_name_published: the newest documents are one index range, read in order.
  const newest = await db
    .selectFrom("entities as x")
    .select(["x.doc_id", "x.local_id"])
    .where((eb) => (e.kb ? eb("x.kb", "=", e.kb) : eb.and([eb("x.name", "=", e.name), eb("x.kb", "is", null)])))
    .orderBy("x.published_from", (ob) => ob.desc().nullsLast())
    .limit(ENTITY_SAMPLE.coMentionDocs)
    .execute();
  const docIds = [...new Set(newest.map((r) => r.doc_id))];
  // Surface forms from the newest few documents' mentions.
  const writtenAs = new Set<string>();
  const sample = newest.slice(0, ENTITY_SAMPLE.writtenAsDocs);
  if (sample.length) {
    const docs = await db.selectFrom("documents").select(["id", "analysis"]).where("id", "in", sample.map((r) => r.doc_id)).execute();
    const local = new Map(sample.map((r) => [r.doc_id, r.local_id]));
    for (const d of docs) {
      const ents = (JSON.parse(d.analysis) as { entities: { id: string; mentions: { text?: string }[] }[] }).entities;
      for (const m of ents.find((x) => x.id === local.get(d.id))?.mentions ?? []) if (m.text) writtenAs.add(m.text);
    }
  }
  // Who appears in the same documents, counted in SQL over those documents' entity rows.
  const co = docIds.length
    ? await db
        .selectFrom("entities")
        .select(["kb", (eb) => eb.fn.min("name").as("name"), (eb) => eb.fn.min("type").as("type"), (eb) => eb.fn.count<number>("doc_id").distinct().as("n")])
        .where("doc_id", "in", db.selectFrom("entities as x").select("x.doc_id").where((eb) => (e.kb ? eb("x.kb", "=", e.kb) : eb.and([eb("x.name", "=", e.name), eb("x.kb", "is", null)]))).orderBy("x.published_from", (ob) => ob.desc().nullsLast()).limit(ENTITY_SAMPLE.coMentionDocs))
        .groupBy(["kb", sql`CASE WHEN kb IS NULL THEN lower(name) END`])
        .orderBy("n", "desc")
        .orderBy("kb")
        .limit(21)
        .execute()
    : [];
  return {
    key: e.key, kb: e.kb, name: e.name, type: e.type, documents: Number(e.documents), mentions: Number(e.mentions),
    docIds: docIds.slice(0, ENTITY_SAMPLE.documents), writtenAs: [...writtenAs].sort(),
    coMentioned: co
      .map((r) => ({ key: r.kb ?? `name:${String(r.name).toLowerCase()}`, kb: r.kb, name: String(r.name), type: String(r.type), documents: Number(r.n) }))
      .filter((r) => r.key !== e.key)
      .slice(0, 20),
  };
}
