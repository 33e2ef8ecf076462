import { type Expression, type Kysely, type SqlBool, sql } from "kysely";
import type { Database } from "./schema.js";
import type { SearchHit } from "./news-store.js";
import { pgCountSearch, pgFullTextMatch, pgSearchDocuments } from "./pg-fulltext.js";

/** The words of a query as an FTS5 expression: every word must match ("drone tower" → "drone" "tower"). */
export function ftsQuery(query: string): string | null {
  const words = query
    .split(/[\s"]+/)
    .map((w) => w.replace(/[*^:(){}[\]]/g, ""))
    .filter((w) => w !== "");
  return words.length ? words.map((w) => `"${w}"`).join(" ") : null;
}

/**
 * A WHERE condition on `documents` for a full-text query. SQLite: the FTS5 index (migration 002). PostgreSQL: the
 * per-language tsvector and its GIN index (migration 002, pg-fulltext.ts).
 */
export function fullTextMatch(dialect: "sqlite" | "postgres", query: string): Expression<SqlBool> {
  const q = ftsQuery(query);
  if (q === null) return sql<SqlBool>`1 = 0`;
  if (dialect === "sqlite") return sql<SqlBool>`documents.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ${q})`;
  return pgFullTextMatch(query);
}

/** Full-text search, best first, with a plain-text snippet around the match (no markup: callers highlight). */
export async function searchDocuments(db: Kysely<Database>, dialect: "sqlite" | "postgres", query: string, limit = 20, offset = 0): Promise<SearchHit[]> {
  const q = ftsQuery(query);
  if (q === null) return [];
  if (dialect === "sqlite") {
    const r = await sql<SearchHit>`
      SELECT d.id, d.file, d.title, d.outlet, d.language, d.published_date AS published,
             snippet(documents_fts, 1, '', '', '…', 24) AS snippet
      FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
      WHERE documents_fts MATCH ${q} ORDER BY rank LIMIT ${limit} OFFSET ${offset}`.execute(db);
    return r.rows;
  }
  return pgSearchDocuments(db, query, limit, offset);
}

/** How many documents match a full-text query. */
export async function countSearch(db: Kysely<Database>, dialect: "sqlite" | "postgres", query: string): Promise<number> {
  const q = ftsQuery(query);
  if (q === null) return 0;
  if (dialect === "sqlite") return Number((await sql<{ n: number }>`SELECT count(*) AS n FROM documents_fts WHERE documents_fts MATCH ${q}`.execute(db)).rows[0].n);
  return pgCountSearch(db, query);
}

/** About 200 characters of text around the first word of the query that occurs in it. */
export function snippetOf(text: string, query: string): string {
  const lower = text.toLowerCase();
  const found = query.toLowerCase().split(/\s+/).filter(Boolean).map((w) => lower.indexOf(w)).filter((i) => i >= 0);
  const at = found.length ? Math.min(...found) : 0;
  const from = Math.max(0, at - 80);
  return `${from > 0 ? "…" : ""}${text.slice(from, from + 200).replace(/\s+/g, " ").trim()}${from + 200 < text.length ? "…" : ""}`;
}
