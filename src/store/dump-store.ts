import { readFileSync } from "node:fs";
import { type Kysely, type RawBuilder, sql } from "kysely";
import type { KyselyStore } from "./kysely-store.js";
import { listTables, type TableInfo } from "./list-tables.js";
import type { StoreStats } from "./news-store.js";

/** The first line of a dump. */
export interface DumpHeader {
  readonly format: typeof DUMP_FORMAT;
  readonly version: number;
  /** The sitrep version that wrote it. */
  readonly sitrep: string;
  /** The store it came from. */
  readonly dialect: "sqlite" | "postgres";
  readonly exportedAt: string;
  /** The migrations the source had applied, in order. */
  readonly migrations: readonly string[];
  /** Every dumped table in the order its rows follow, with its columns and row count. */
  readonly tables: readonly { name: string; columns: readonly string[]; rows: number }[];
  readonly counts: StoreStats;
}

/** One row line of a dump: `{"table":"documents","row":{…}}`, the row's keys sorted. */
export interface DumpRow {
  readonly table: string;
  readonly row: Record<string, unknown>;
}

export const DUMP_FORMAT = "sitrep-dump";
/** Bumped when a reader of the previous version could no longer read the dump. */
export const DUMP_VERSION = 1;

/** The version in package.json (src/store/ and dist/store/ are both two folders below it). */
export function sitrepVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

/**
 * Writes the whole store as JSON Lines: a {@link DumpHeader}, then every row of every table (see listTables:
 * everything but migration bookkeeping, full-text indexes and generated columns, which the target rebuilds), parents
 * before children, each table in primary-key order (byte order for text keys on both stores), so the same data gives
 * the same lines on SQLite and PostgreSQL. Generic on purpose: a table or column a later migration adds is dumped
 * without a change here. The read is one snapshot (a read-only repeatable-read transaction on PostgreSQL, a read
 * transaction on SQLite) streamed in pages, so a large store is not held in memory.
 *
 * Values: text and numbers as they are; PostgreSQL bigint as a number, json/jsonb as its JSON text, timestamps as
 * ISO strings; bytes as {"$bytes": base64}.
 */
export async function dumpStore(store: KyselyStore, write: (line: string) => void | Promise<void>): Promise<DumpHeader> {
  const db = store.db as unknown as Kysely<any>;
  const run = async (trx: Kysely<any>): Promise<DumpHeader> => {
    if (store.dialect === "postgres") await sql`SET TRANSACTION READ ONLY`.execute(trx);
    const tables = await listTables(trx, store.dialect);
    const migrations = (await sql<{ name: string }>`SELECT name FROM sitrep_migrations ORDER BY name`.execute(trx)).rows.map((r) => r.name);
    const counted: { name: string; columns: string[]; rows: number }[] = [];
    for (const t of tables) {
      const n = (await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(t.name)}`.execute(trx)).rows[0].n;
      counted.push({ name: t.name, columns: t.columns.map((c) => c.name).sort(), rows: Number(n) });
    }
    const rowsOf = (name: string) => counted.find((c) => c.name === name)?.rows ?? 0;
    const header: DumpHeader = {
      format: DUMP_FORMAT, version: DUMP_VERSION, sitrep: sitrepVersion(), dialect: store.dialect, exportedAt: new Date().toISOString(),
      migrations, tables: counted,
      counts: { documents: rowsOf("documents"), stories: rowsOf("stories"), events: rowsOf("events"), entities: rowsOf("entities") },
    };
    await write(JSON.stringify(header));
    for (const t of tables) {
      for await (const row of streamTable(trx, store.dialect, t)) await write(JSON.stringify({ table: t.name, row: encodeRow(row, t) } satisfies DumpRow));
    }
    return header;
  };
  if (store.dialect === "postgres") return db.transaction().setIsolationLevel("repeatable read").execute(run);
  return db.transaction().execute(run);
}

/** The rows of a table in primary-key order (all columns when it has no key). */
async function* streamTable(trx: Kysely<any>, dialect: "sqlite" | "postgres", t: TableInfo): AsyncGenerator<Record<string, unknown>> {
  const keys = t.primaryKey.length ? t.primaryKey : t.columns.map((c) => c.name);
  const typeOf = (c: string) => t.columns.find((x) => x.name === c)?.type ?? "";
  if (dialect === "sqlite") {
    // better-sqlite3 iterates the statement: one row in memory at a time.
    const q = keys.reduce((q, k) => q.orderBy(k), trx.selectFrom(t.name).select(t.columns.map((c) => c.name)));
    yield* q.stream();
    return;
  }
  // PostgreSQL: a cursor in the snapshot transaction, 500 rows a fetch; text keys in byte order (COLLATE "C").
  const order: RawBuilder<unknown>[] = keys.map((k) => (/^(text|character varying|character)$/.test(typeOf(k)) ? sql`${sql.id(k)} COLLATE "C"` : sql`${sql.id(k)}`));
  const cols = sql.join(t.columns.map((c) => sql.id(c.name)));
  await sql`DECLARE sitrep_dump NO SCROLL CURSOR FOR SELECT ${cols} FROM ${sql.table(t.name)} ORDER BY ${sql.join(order)}`.execute(trx);
  try {
    for (;;) {
      const r = await sql<Record<string, unknown>>`FETCH FORWARD 500 FROM sitrep_dump`.execute(trx);
      if (!r.rows.length) break;
      yield* r.rows;
    }
  } finally {
    await sql`CLOSE sitrep_dump`.execute(trx);
  }
}

/** A row as a dump writes it: keys sorted, values made JSON-safe (see dumpStore). */
function encodeRow(row: Record<string, unknown>, t: TableInfo): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(row).sort()) {
    const type = t.columns.find((c) => c.name === k)?.type ?? "";
    const v = row[k];
    if (v === null || v === undefined) out[k] = null;
    else if (Buffer.isBuffer(v) || v instanceof Uint8Array) out[k] = { $bytes: Buffer.from(v).toString("base64") };
    else if (v instanceof Date) out[k] = v.toISOString();
    else if (typeof v === "bigint") out[k] = Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
    else if (type === "bigint" && typeof v === "string" && Number.isSafeInteger(Number(v))) out[k] = Number(v);
    else if (type === "json" || type === "jsonb") out[k] = JSON.stringify(v); // pg hands json back parsed
    else out[k] = v;
  }
  return out;
}
