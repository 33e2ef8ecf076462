import { type Kysely, Migrator, sql } from "kysely";
import { SitrepError } from "../core/errors.js";
import { DUMP_FORMAT, DUMP_VERSION, type DumpHeader, type DumpRow } from "./dump-store.js";
import type { KyselyStore } from "./kysely-store.js";
import { listTables, type TableInfo } from "./list-tables.js";
import { migrations } from "./migrations.js";

/** What an import wrote. */
export interface LoadResult {
  readonly header: DumpHeader;
  /** Rows written per table, in the dump's order. */
  readonly tables: readonly { name: string; rows: number }[];
  /** Migrations newer than the dump's, run over the imported rows afterwards. */
  readonly migratedAfter: readonly string[];
}

const bad = (msg: string, fix?: string) => new SitrepError("E_INPUT", msg, fix);

/**
 * The tables only use fills (migrations never seed them): a target with a row in any of them is not empty. Other
 * tables may hold rows a migration seeded; the dump's rows replace those.
 */
export const CONTENT_TABLES: readonly string[] = ["documents", "stories", "state"];

/**
 * Loads a dump written by dumpStore into an empty store, of either dialect, in one transaction: all of it or none.
 *
 * The target is first migrated only up to the dump's last migration, the rows are inserted (parents first, with
 * foreign keys checked), every table's row count is checked against the header (a truncated file fails), and then
 * the migrations the dump did not have run over the imported rows, so their backfills apply. A target that is not
 * empty (see CONTENT_TABLES), or is already past the dump's migrations, is refused: importing is copying a store,
 * not merging two.
 * `store` must be opened without migrating (openStore(target, { migrate: false })).
 */
export async function loadDump(store: KyselyStore, lines: AsyncIterable<string>): Promise<LoadResult> {
  const db = store.db as unknown as Kysely<any>;
  const it = lines[Symbol.asyncIterator]();
  const first = await nextLine(it);
  if (first === null) throw bad("the dump is empty", "export one with `sitrep export --out FILE.jsonl`");
  const header = parseLine(first, 1) as DumpHeader;
  if (header.format !== DUMP_FORMAT) throw bad(`not a sitrep dump: the first line's format is ${JSON.stringify(header.format)}`, "export one with `sitrep export`");
  if (header.version > DUMP_VERSION) throw bad(`dump format version ${header.version} is newer than this sitrep reads (${DUMP_VERSION})`, "import with the sitrep that wrote it");

  const migrator = new Migrator({
    db, provider: { getMigrations: async () => migrations(store.dialect) },
    migrationTableName: "sitrep_migrations", migrationLockTableName: "sitrep_migrations_lock",
  });
  const known = (await migrator.getMigrations()).map((m) => m.name);
  const theirs = [...header.migrations];
  if (!theirs.length || theirs.some((m, i) => known[i] !== m)) {
    throw bad(
      `the dump's migrations (${theirs.join(", ") || "none"}) are not a prefix of this sitrep's (${known.join(", ")})`,
      "the dump comes from a newer or different sitrep; import it with that version",
    );
  }
  const applied = await appliedMigrations(db);
  if (applied.length > theirs.length || applied.some((m, i) => theirs[i] !== m)) {
    throw bad(`the target store is at migration ${applied.at(-1)}, past the dump's ${theirs.at(-1)}`, "import into a new, empty database: migrations newer than the dump then run over the imported rows");
  }
  const to = await migrator.migrateTo(theirs[theirs.length - 1]);
  if (to.error) throw new SitrepError("E_STORE", `migration failed: ${(to.error as Error).message}`);

  const tables = new Map((await listTables(db, store.dialect)).map((t) => [t.name, t]));
  for (const t of header.tables) {
    const target = tables.get(t.name);
    if (!target) throw bad(`the dump has table ${t.name}, which this store does not`, "import into a store of the same sitrep version and dialect features");
    const missing = t.columns.filter((c) => !target.columns.some((x) => x.name === c));
    if (missing.length) throw bad(`table ${t.name} in this store lacks the dump's column(s) ${missing.join(", ")}`);
  }
  for (const name of CONTENT_TABLES) {
    if (!tables.has(name)) continue;
    const n = Number((await sql<{ n: number | string }>`SELECT count(*) AS n FROM ${sql.table(name)}`.execute(db)).rows[0].n);
    if (n > 0) throw bad(`the target store is not empty (${name}: ${n} rows)`, "import into a new, empty database; `sitrep ingest` merges articles into an existing one");
  }

  const written = new Map(header.tables.map((t) => [t.name, 0]));
  await db.transaction().execute(async (trx) => {
    // Rows a migration seeded (story_head's first row) give way to the dump's rows of the same table; children first.
    for (const t of [...header.tables].reverse()) await trx.deleteFrom(t.name).execute();
    let batch: { table: TableInfo; rows: Record<string, unknown>[]; bytes: number } | null = null;
    const flush = async () => {
      if (!batch?.rows.length) return;
      await trx.insertInto(batch.table.name).values(batch.rows).execute();
      written.set(batch.table.name, (written.get(batch.table.name) ?? 0) + batch.rows.length);
      batch = null;
    };
    let lineNo = 1;
    for (let line = await nextLine(it); line !== null; line = await nextLine(it)) {
      lineNo++;
      if (!line.trim()) continue;
      const { table, row } = parseLine(line, lineNo) as DumpRow;
      const t = tables.get(table);
      if (!t || !written.has(table)) throw bad(`line ${lineNo}: table ${JSON.stringify(table)} is not in the dump's header`);
      if (batch && batch.table.name !== table) await flush();
      batch ??= { table: t, rows: [], bytes: 0 };
      batch.rows.push(decodeRow(row, t, store.dialect));
      batch.bytes += line.length;
      // Both engines cap a statement's parameters (SQLite 32766); and keep a statement under ~8 MB.
      if ((batch.rows.length + 1) * Object.keys(row).length > 30_000 || batch.bytes > 8_000_000) await flush();
    }
    await flush();
    for (const t of header.tables) {
      if (written.get(t.name) !== t.rows) throw bad(`table ${t.name}: the header announces ${t.rows} rows, the file holds ${written.get(t.name)}`, "the dump is truncated or edited; export it again");
    }
    if (store.dialect === "postgres") await resetSequences(trx, [...tables.values()]);
  });

  const after = await migrator.migrateToLatest();
  if (after.error) throw new SitrepError("E_STORE", `migration after import failed: ${(after.error as Error).message}`);
  return {
    header,
    tables: header.tables.map((t) => ({ name: t.name, rows: written.get(t.name) ?? 0 })),
    migratedAfter: (after.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName),
  };
}

async function nextLine(it: AsyncIterator<string>): Promise<string | null> {
  const r = await it.next();
  return r.done ? null : r.value;
}

function parseLine(line: string, n: number): unknown {
  try {
    return JSON.parse(line);
  } catch (e) {
    throw bad(`line ${n} of the dump is not JSON: ${(e as Error).message}`, "the dump is damaged; export it again");
  }
}

/** The migrations a store has applied (none when it is new). */
async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  try {
    return (await sql<{ name: string }>`SELECT name FROM sitrep_migrations ORDER BY name`.execute(db)).rows.map((r) => r.name);
  } catch {
    return [];
  }
}

/** A dumped row as the target binds it: bytes back to a Buffer, objects as JSON text, booleans as 0/1 on SQLite. */
function decodeRow(row: Record<string, unknown>, t: TableInfo, dialect: "sqlite" | "postgres"): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (!t.columns.some((c) => c.name === k)) throw bad(`table ${t.name} has no column ${k}`);
    if (v !== null && typeof v === "object") {
      const b = (v as { $bytes?: unknown }).$bytes;
      out[k] = typeof b === "string" ? Buffer.from(b, "base64") : JSON.stringify(v);
    } else if (typeof v === "boolean" && dialect === "sqlite") out[k] = v ? 1 : 0;
    else out[k] = v;
  }
  return out;
}

/** After rows arrive with their own ids, serial and identity columns continue above the largest. */
async function resetSequences(db: Kysely<any>, tables: readonly TableInfo[]): Promise<void> {
  for (const t of tables) {
    for (const c of t.columns) {
      if (!/^(integer|bigint|smallint)$/.test(c.type)) continue;
      const seq = (await sql<{ s: string | null }>`SELECT pg_get_serial_sequence(${t.name}, ${c.name}) AS s`.execute(db)).rows[0].s;
      if (seq) await sql`SELECT setval(${seq}::regclass, coalesce((SELECT max(${sql.ref(c.name)}) FROM ${sql.table(t.name)}), 0) + 1, false)`.execute(db);
    }
  }
}
