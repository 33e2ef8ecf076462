import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { SitrepError } from "../core/errors.js";
import { KyselyStore } from "./kysely-store.js";
import type { NewsStore } from "./news-store.js";
import { isPostgresUrl, openPostgresStore } from "./postgres-store.js";
import type { Database as Schema } from "./schema.js";

/** The default embedded store file. */
export const DEFAULT_DB = "sitrep.db";

/**
 * Opens a store and applies pending migrations (unless `migrate: false`, for `sitrep migrate` which reports them):
 * a postgres:// or postgresql:// URL opens PostgreSQL; anything else is an SQLite file path, or ":memory:".
 */
export async function openStore(target: string = process.env.SITREP_DATABASE_URL ?? DEFAULT_DB, opts: { migrate?: boolean } = {}): Promise<NewsStore> {
  if (isPostgresUrl(target)) return openPostgresStore(target, opts);
  let sqlite: Database.Database;
  try {
    sqlite = new Database(target);
  } catch (e) {
    throw new SitrepError("E_STORE", `cannot open ${target}: ${(e as Error).message}`, "check that the folder exists and is writable, or choose another --db");
  }
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  const store = new KyselyStore(new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) }), "sqlite");
  if (opts.migrate !== false) await store.migrate();
  return store;
}
