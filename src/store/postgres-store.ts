import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { SitrepError } from "../core/errors.js";
import { KyselyStore } from "./kysely-store.js";
import type { Database as Schema } from "./schema.js";

/** True for a PostgreSQL connection URL (postgres:// or postgresql://). */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparsable PostgreSQL URL)";
  }
}

/**
 * Opens the PostgreSQL store at `url` (kysely's PostgresDialect over a pg Pool) and applies pending migrations.
 * `$SITREP_PG_POOL` sets the pool size (default 10). Migrations take an advisory lock, so many processes may open
 * the same database at once.
 */
export async function openPostgresStore(url: string, opts: { migrate?: boolean } = {}): Promise<KyselyStore> {
  const max = Number(process.env.SITREP_PG_POOL) || 10;
  const pool = new pg.Pool({ connectionString: url, max, application_name: "sitrep" });
  // An idle client that loses its server (restart, dropped database) must not crash the process; the next query fails instead.
  pool.on("error", () => {});
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end().catch(() => {});
    throw new SitrepError(
      "E_STORE",
      `cannot connect to PostgreSQL at ${redactUrl(url)}: ${(e as Error).message}`,
      "check that the server runs and the URL's host, port, database, user and password are right",
    );
  }
  const store = new KyselyStore(new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) }), "postgres");
  if (opts.migrate !== false) {
    try {
      await store.migrate();
    } catch (e) {
      await store.close().catch(() => {});
      throw e;
    }
  }
  return store;
}
