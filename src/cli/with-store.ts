import { openStore, DEFAULT_DB } from "../store/open-store.js";
import type { NewsStore } from "../store/news-store.js";

/** The --db option's description, shared by every command that reads the store. */
export const DB_OPTION = ["--db <file|url>", `the store: an SQLite file or a postgres:// URL (default ./${DEFAULT_DB}, or $SITREP_DATABASE_URL)`] as const;

/** Opens the store named by --db, runs `fn`, and always closes it. */
export async function withStore<T>(db: string | undefined, fn: (store: NewsStore) => Promise<T>): Promise<T> {
  const store = await openStore(db ?? process.env.SITREP_DATABASE_URL ?? DEFAULT_DB);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
