import type { Kysely, SelectQueryBuilder } from "kysely";
import type { ContractDocument } from "../output/to-contract.js";
import { dateInterval } from "./kysely-store.js";
import type { DocumentFilter, DocumentRow, Page, StoredDocument } from "./news-store.js";
import type { Database } from "./schema.js";
import { fullTextMatch } from "./search-documents.js";

/** A page of document summaries, newest first (undated last), and how many match in all. */
export async function listDocuments(db: Kysely<Database>, dialect: "sqlite" | "postgres", f: DocumentFilter = {}): Promise<Page<DocumentRow>> {
  // The count reads documents alone (the story membership only when filtering on it); the page joins it for `story`.
  const filters = <Q extends SelectQueryBuilder<Database, "documents" | "story_members", object>>(q: Q): Q => {
    let r = q as SelectQueryBuilder<Database, "documents" | "story_members", object>;
    if (f.q) r = r.where(fullTextMatch(dialect, f.q));
    if (f.language) r = r.where("documents.language", "=", f.language);
    if (f.outlet) r = r.where("documents.outlet", "=", f.outlet);
    if (f.since) r = r.where("documents.published_to", ">=", dateInterval(f.since)[0]);
    if (f.until) r = r.where("documents.published_from", "<=", dateInterval(f.until)[1]);
    if (f.story) r = r.where("documents.id", "in", db.selectFrom("story_members").select("story_members.doc_id").where("story_members.story_id", "=", f.story));
    if (f.ids) r = f.ids.length ? r.where("documents.id", "in", [...f.ids]) : r.where("documents.id", "=", "\u0000");
    return r as Q;
  };
  const counted = filters(db.selectFrom("documents") as unknown as SelectQueryBuilder<Database, "documents" | "story_members", object>);
  const total = Number((await counted.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const rows = await filters(db.selectFrom("documents").leftJoin("story_members", "story_members.doc_id", "documents.id"))
    .select([
      "documents.id", "documents.file", "documents.title", "documents.outlet", "documents.language",
      "documents.published_date as published", "documents.url", "story_members.story_id as story",
    ])
    .orderBy("documents.published_from", (ob) => ob.desc().nullsLast())
    .orderBy("documents.id", "desc")
    .limit(f.limit ?? 50)
    .offset(f.offset ?? 0)
    .execute();
  return { items: rows.map((r) => ({ ...r, story: r.story ?? null })), total };
}

/** One document with its original input, clean text, format and story; null when the id is unknown. */
export async function getDocument(db: Kysely<Database>, id: string): Promise<StoredDocument | null> {
  const r = await db
    .selectFrom("documents")
    .leftJoin("story_members", "story_members.doc_id", "documents.id")
    .leftJoin("stories", "stories.id", "story_members.story_id")
    .select(["documents.analysis", "documents.original", "documents.text", "documents.format", "stories.id as story_id", "stories.title as story_title"])
    .where("documents.id", "=", id)
    .executeTakeFirst();
  if (!r) return null;
  return {
    document: JSON.parse(r.analysis) as ContractDocument,
    original: r.original ?? null,
    text: r.text,
    format: r.format ?? null,
    story: r.story_id ? { id: r.story_id, title: r.story_title ?? null } : null,
  };
}
