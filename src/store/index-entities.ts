import { type Kysely, sql } from "kysely";

/** An entity row as written to the `entities` table. */
export interface EntityRow {
  readonly doc_id: string;
  readonly kb: string | null;
  readonly name: string;
  readonly type: string;
  readonly mentions: number;
}

/** The key of an entity across the store: its KB id, or `name:` and its name lower-cased when it is not linked. */
export function entityKey(e: { kb: string | null; name: string }): string {
  return e.kb ?? `name:${e.name.toLowerCase()}`;
}

/**
 * Adds entity rows to `entity_index` (documents and mentions per entity across the store), in one upsert.
 * Rows are folded per key first: one statement may not touch a row twice on PostgreSQL. The name and type of the
 * first document that named an entity stay.
 */
export async function indexEntities(db: Kysely<any>, rows: readonly EntityRow[]): Promise<void> {
  const by = new Map<string, { key: string; kb: string | null; name: string; type: string; docs: Set<string>; mentions: number }>();
  for (const r of rows) {
    const key = entityKey(r);
    const e = by.get(key) ?? { key, kb: r.kb, name: r.name, type: r.type, docs: new Set<string>(), mentions: 0 };
    e.docs.add(r.doc_id);
    e.mentions += r.mentions;
    by.set(key, e);
  }
  if (!by.size) return;
  const values = [...by.values()].map((e) => ({ key: e.key, kb: e.kb, name: e.name, type: e.type, documents: e.docs.size, mentions: e.mentions }));
  // Both SQLite and PostgreSQL cap the parameters of one statement; 6 per row, so 1000 rows a statement.
  for (let i = 0; i < values.length; i += 1000) {
    await db
      .insertInto("entity_index")
      .values(values.slice(i, i + 1000))
      .onConflict((oc) =>
        oc.column("key").doUpdateSet({
          documents: sql`entity_index.documents + excluded.documents`,
          mentions: sql`entity_index.mentions + excluded.mentions`,
        }),
      )
      .execute();
  }
}
