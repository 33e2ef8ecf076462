import { type Kysely, sql } from "kysely";

/** A stored table as a dump sees it. */
export interface TableInfo {
  readonly name: string;
  /** Writable columns (generated ones left out), in the table's order. */
  readonly columns: readonly { name: string; type: string }[];
  /** Primary-key columns in key order; empty when the table has none. */
  readonly primaryKey: readonly string[];
  /** Tables this one references by foreign key. */
  readonly references: readonly string[];
}

/** Migration bookkeeping, never dumped: the target's own migrations write it. */
export const MIGRATION_TABLES: readonly string[] = ["sitrep_migrations", "sitrep_migrations_lock"];

/**
 * Every table of the store's schema that holds data, parents before children (foreign keys), then by name. Left out:
 * migration bookkeeping, SQLite's internal tables, FTS5 virtual tables and their shadow tables (rebuilt by triggers),
 * and generated columns (PostgreSQL's documents.fts) — all derived from the rest.
 */
export async function listTables(db: Kysely<any>, dialect: "sqlite" | "postgres"): Promise<TableInfo[]> {
  const tables = dialect === "sqlite" ? await sqliteTables(db) : await postgresTables(db);
  return dependencyOrder(tables.filter((t) => !MIGRATION_TABLES.includes(t.name)));
}

async function sqliteTables(db: Kysely<any>): Promise<TableInfo[]> {
  const master = (await sql<{ name: string; sql: string | null }>`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`.execute(db)).rows;
  const virtual = master.filter((t) => /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(t.sql ?? "")).map((t) => t.name);
  const out: TableInfo[] = [];
  for (const t of master) {
    if (virtual.some((v) => t.name === v || t.name.startsWith(`${v}_`))) continue;
    // table_xinfo: hidden 0 = ordinary column, 2/3 = generated.
    const cols = (await sql<{ name: string; type: string; pk: number; hidden: number }>`SELECT name, type, pk, hidden FROM pragma_table_xinfo(${t.name})`.execute(db)).rows;
    const fks = (await sql<{ table: string }>`SELECT "table" FROM pragma_foreign_key_list(${t.name})`.execute(db)).rows;
    out.push({
      name: t.name,
      columns: cols.filter((c) => c.hidden === 0).map((c) => ({ name: c.name, type: c.type.toLowerCase() })),
      primaryKey: cols.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name),
      references: [...new Set(fks.map((f) => f.table))],
    });
  }
  return out;
}

async function postgresTables(db: Kysely<any>): Promise<TableInfo[]> {
  const names = (await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db)).rows.map((r) => r.name);
  const out: TableInfo[] = [];
  for (const name of names) {
    const cols = (await sql<{ name: string; type: string; generated: string }>`
      SELECT column_name AS name, data_type AS type, is_generated AS generated FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ${name} ORDER BY ordinal_position`.execute(db)).rows;
    const pk = (await sql<{ name: string }>`
      SELECT a.attname AS name FROM pg_index i
      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
      WHERE i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident(${name}))::regclass AND i.indisprimary
      ORDER BY array_position(i.indkey, a.attnum)`.execute(db)).rows;
    const fks = (await sql<{ name: string }>`
      SELECT DISTINCT confrelid::regclass::text AS name FROM pg_constraint
      WHERE contype = 'f' AND conrelid = (quote_ident(current_schema()) || '.' || quote_ident(${name}))::regclass`.execute(db)).rows;
    out.push({
      name,
      columns: cols.filter((c) => c.generated !== "ALWAYS").map((c) => ({ name: c.name, type: c.type.toLowerCase() })),
      primaryKey: pk.map((r) => r.name),
      references: fks.map((r) => r.name.replace(/^.*\./, "").replace(/^"|"$/g, "")),
    });
  }
  return out;
}

/** Parents before children; ties (and cycles, which no migration makes) by name. */
function dependencyOrder(tables: TableInfo[]): TableInfo[] {
  const by = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: TableInfo[] = [];
  const visit = (t: TableInfo, path: Set<string>) => {
    if (done.has(t.name) || path.has(t.name)) return;
    path.add(t.name);
    for (const r of [...t.references].sort()) {
      const parent = by.get(r);
      if (parent && r !== t.name) visit(parent, path);
    }
    done.add(t.name);
    out.push(t);
  };
  for (const t of [...tables].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) visit(t, new Set());
  return out;
}
