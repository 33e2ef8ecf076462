import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from "kysely";
import type { SearchHit } from "./news-store.js";

/**
 * Full-text search and fuzzy names on PostgreSQL.
 *
 * Each document is indexed in its own language: a stored generated column `documents.fts` holds the title (weight A)
 * and the clean text (weight B) parsed with the text-search configuration of the document's language, and a GIN
 * index covers it. The configurations are copies of PostgreSQL's english / french / arabic (simple for any other
 * language) with the unaccent dictionary in front of the stemmer, so "frappé" and "frappe" meet. A query is parsed
 * with `websearch_to_tsquery` ("quoted phrase", or, -word) once per configuration, and each document is matched
 * with its own language's parse, so one query string finds English, French and Arabic documents alike.
 * Entity names get a pg_trgm GIN index on lower(name), for substring and similarity lookups.
 */
export const PG_TS_CONFIGS: Readonly<Record<string, string>> = { en: "sitrep_en", fr: "sitrep_fr", ar: "sitrep_ar" };
/** The configuration of a document in any other language, or with none: no stemming, accents folded. */
export const PG_TS_FALLBACK = "sitrep_simple";

const BASES: readonly [string, string, string][] = [
  ["sitrep_en", "english", "english_stem"],
  ["sitrep_fr", "french", "french_stem"],
  ["sitrep_ar", "arabic", "arabic_stem"],
  [PG_TS_FALLBACK, "simple", "simple"],
];

const cfg = (name: string) => sql`${sql.lit(name)}::regconfig`;

/** The tsvector of a document row, in its language (the generated column's expression). */
function documentVector(): RawBuilder<unknown> {
  const vec = (c: string) => sql`setweight(to_tsvector(${cfg(c)}, coalesce(title, '')), 'A') || setweight(to_tsvector(${cfg(c)}, text), 'B')`;
  const whens = Object.entries(PG_TS_CONFIGS).map(([lang, c]) => sql`WHEN ${sql.lit(lang)} THEN ${vec(c)}`);
  return sql`CASE language ${sql.join(whens, sql` `)} ELSE ${vec(PG_TS_FALLBACK)} END`;
}

/** Migration step: extensions, the four configurations, documents.fts with its GIN index. */
export async function createPgFulltext(db: Kysely<any>): Promise<void> {
  await createPgExtensions(db);
  for (const [name, base, stem] of BASES) {
    await sql`CREATE TEXT SEARCH CONFIGURATION ${sql.id(name)} (COPY = ${sql.raw(`pg_catalog.${base}`)})`.execute(db);
    // Latin words with accents (word, hword) lose them before stemming; ASCII words have none to lose. Arabic
    // diacritics (harakat) and hamza forms are normalised by the Arabic stemmer itself.
    await sql`ALTER TEXT SEARCH CONFIGURATION ${sql.id(name)} ALTER MAPPING FOR hword, hword_part, word WITH unaccent, ${sql.raw(stem)}`.execute(db);
  }
  await sql`ALTER TABLE documents ADD COLUMN fts tsvector GENERATED ALWAYS AS (${documentVector()}) STORED`.execute(db);
  await sql`CREATE INDEX documents_fts ON documents USING gin (fts)`.execute(db);
}

/** Undoes {@link createPgFulltext} (the extensions stay: other things may use them). */
export async function dropPgFulltext(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE documents DROP COLUMN IF EXISTS fts`.execute(db);
  for (const [name] of BASES) await sql`DROP TEXT SEARCH CONFIGURATION IF EXISTS ${sql.id(name)}`.execute(db);
}

/** unaccent and pg_trgm: already there on a server set up by scripts/pg-server.mjs; both are trusted extensions. */
export async function createPgExtensions(db: Kysely<any>): Promise<void> {
  for (const ext of ["unaccent", "pg_trgm"]) {
    try {
      await sql`CREATE EXTENSION IF NOT EXISTS ${sql.id(ext)}`.execute(db);
    } catch (e) {
      throw new Error(
        `PostgreSQL extension ${ext} is missing and cannot be created (${(e as Error).message}); ` +
          `as a superuser run CREATE EXTENSION ${ext}; in this database, or give this role CREATE on it`,
      );
    }
  }
}

/** Migration step: the trigram index on entity names (substring and fuzzy lookups). */
export async function createPgNameIndex(db: Kysely<any>): Promise<void> {
  await createPgExtensions(db);
  await sql`CREATE INDEX entities_name_trgm ON entities USING gin (lower(name) gin_trgm_ops)`.execute(db);
}

/** Whether the words of `query` leave anything to search for (a query of punctuation or stop words only does not). */
function hasWords(query: string): boolean {
  return /[\p{L}\p{N}]/u.test(query);
}

/**
 * A WHERE condition on `documents` (the table or an alias `documents`): the document matches `query` as parsed in
 * the document's own language. Index-backed: one GIN bitmap per language, OR-ed.
 */
export function pgFullTextMatch(query: string, table = "documents"): Expression<SqlBool> {
  if (!hasWords(query)) return sql<SqlBool>`false`;
  const t = sql.ref(table);
  const langs = Object.keys(PG_TS_CONFIGS);
  const parts = Object.entries(PG_TS_CONFIGS).map(
    ([lang, c]) => sql`(${t}.language = ${sql.lit(lang)} AND ${t}.fts @@ websearch_to_tsquery(${cfg(c)}, ${query}))`,
  );
  parts.push(
    sql`((${t}.language IS NULL OR ${t}.language NOT IN (${sql.join(langs.map((l) => sql.lit(l)))})) AND ${t}.fts @@ websearch_to_tsquery(${cfg(PG_TS_FALLBACK)}, ${query}))`,
  );
  return sql<SqlBool>`(${sql.join(parts, sql` OR `)})`;
}

/** The query parsed in the configuration of the row's language (for ranking and headlines). */
function rowQuery(query: string, table: string): RawBuilder<unknown> {
  const t = sql.ref(table);
  const whens = Object.entries(PG_TS_CONFIGS).map(([lang, c]) => sql`WHEN ${sql.lit(lang)} THEN websearch_to_tsquery(${cfg(c)}, ${query})`);
  return sql`CASE ${t}.language ${sql.join(whens, sql` `)} ELSE websearch_to_tsquery(${cfg(PG_TS_FALLBACK)}, ${query}) END`;
}

/** The configuration of the row's language. */
function rowConfig(table: string): RawBuilder<unknown> {
  const t = sql.ref(table);
  const whens = Object.entries(PG_TS_CONFIGS).map(([lang, c]) => sql`WHEN ${sql.lit(lang)} THEN ${cfg(c)}`);
  return sql`CASE ${t}.language ${sql.join(whens, sql` `)} ELSE ${cfg(PG_TS_FALLBACK)} END`;
}

/** ts_rank of the row for `query` (title words weigh more than text words). */
export function pgRank(query: string, table = "documents"): RawBuilder<number> {
  return sql<number>`ts_rank(${sql.ref(table)}.fts, ${rowQuery(query, table)})`;
}

/**
 * Full-text search, best first (ts_rank, then id), with a plain-text snippet from ts_headline (no markup: callers
 * highlight, as on SQLite). Headlines are computed for the returned page only.
 */
export async function pgSearchDocuments(db: Kysely<any>, query: string, limit = 20, offset = 0): Promise<SearchHit[]> {
  if (!hasWords(query)) return [];
  const r = await sql<SearchHit>`
    SELECT p.id, p.file, p.title, p.outlet, p.language, p.published,
           ts_headline(${rowConfig("p")}, p.text, ${rowQuery(query, "p")},
                       'StartSel="", StopSel="", MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
    FROM (
      SELECT d.id, d.file, d.title, d.outlet, d.language, d.published_date AS published, d.text, ${pgRank(query, "d")} AS rank
      FROM documents d WHERE ${pgFullTextMatch(query, "d")}
      ORDER BY rank DESC, d.id LIMIT ${limit} OFFSET ${offset}
    ) p ORDER BY p.rank DESC, p.id`.execute(db);
  return r.rows;
}

/** How many documents match `query`. */
export async function pgCountSearch(db: Kysely<any>, query: string): Promise<number> {
  if (!hasWords(query)) return 0;
  const r = await sql<{ n: string }>`SELECT count(*) AS n FROM documents WHERE ${pgFullTextMatch(query)}`.execute(db);
  return Number(r.rows[0].n);
}

/**
 * A WHERE condition on `entities` for a fuzzy name: trigram similarity of the whole name (≥ 0.3, "Kataeb Hezbolla"
 * → "Kata'ib Hezbollah") or of the best-matching part of it (word similarity ≥ 0.6, "hezbolah"). Uses the trigram
 * index; `name` is expected lower-cased.
 */
export function pgFuzzyName(name: string, table = "entities"): Expression<SqlBool> {
  const col = sql`lower(${sql.ref(`${table}.name`)})`;
  return sql<SqlBool>`(${col} % ${name} OR ${name} <% ${col})`;
}
