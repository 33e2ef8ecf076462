import { type Kysely, type SelectQueryBuilder, sql } from "kysely";
import type { Page, QuoteRow } from "./news-store.js";
import type { Database } from "./schema.js";

/** A page of quotes with their speakers and documents, newest documents first. */
export async function listQuotes(db: Kysely<Database>, f: { speaker?: string; speakerKbs?: readonly string[]; outlet?: string; doc?: string; limit?: number; offset?: number } = {}): Promise<Page<QuoteRow>> {
  // Counted on the quotes alone (the documents only for an outlet filter); the page joins them for file and outlet.
  const filters = <Q extends SelectQueryBuilder<Database, "quotes" | "documents", object>>(q: Q): Q => {
    let r = q as SelectQueryBuilder<Database, "quotes" | "documents", object>;
    if (f.speaker) {
      const s = f.speaker.toLowerCase();
      r = r.where((eb) => eb.or([eb("quotes.speaker_kb", "=", s), eb(sql`lower(quotes.speaker_text)`, "like", `%${s.replace(/[%_\\]/g, "")}%`)]));
    }
    if (f.speakerKbs) r = f.speakerKbs.length ? r.where("quotes.speaker_kb", "in", [...f.speakerKbs]) : r.where(sql<boolean>`1 = 0`);
    if (f.outlet) r = r.where("documents.outlet", "=", f.outlet);
    if (f.doc) r = r.where("quotes.doc_id", "=", f.doc);
    return r as Q;
  };
  const base = f.outlet ? db.selectFrom("quotes").innerJoin("documents", "documents.id", "quotes.doc_id") : db.selectFrom("quotes");
  const total = Number((await filters(base as unknown as SelectQueryBuilder<Database, "quotes" | "documents", object>).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const q = filters(db.selectFrom("quotes").innerJoin("documents", "documents.id", "quotes.doc_id"));
  const rows = await q
    .select(["quotes.doc_id", "quotes.idx", "quotes.text", "quotes.speaker_text", "quotes.speaker_kb", "documents.file", "documents.outlet", "documents.published_date", "documents.language"])
    .orderBy("quotes.published_from", (ob) => ob.desc().nullsLast())
    .orderBy("quotes.doc_id", "desc")
    .orderBy("quotes.idx")
    .limit(f.limit ?? 50)
    .offset(f.offset ?? 0)
    .execute();
  return {
    items: rows.map((r) => ({
      docId: r.doc_id, index: Number(r.idx), file: r.file, outlet: r.outlet, published: r.published_date, language: r.language,
      text: r.text, speaker: r.speaker_text, speakerKb: r.speaker_kb,
    })),
    total,
  };
}
