import Database from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
import { SitrepError } from "../core/errors.js";
import { KyselyStore } from "./kysely-store.js";
import type { NewsStore } from "./news-store.js";
import type { Database as Schema } from "./schema.js";

/** The default embedded store file. */
export const DEFAULT_DB = "sitrep.db";

/** Opens (and migrates) a store: a file path or ":memory:" for SQLite; postgres:// URLs are for PostgreSQL. */
export async function openStore(target: string = process.env.SITREP_DATABASE_URL ?? DEFAULT_DB): Promise<NewsStore> {
  if (/^postgres(ql)?:\/\//i.test(target)) {
    throw new SitrepError("E_STORE", "PostgreSQL is not supported by this version yet", "use an SQLite file with --db FILE");
  }
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
  await store.migrate();
  return store;
}
