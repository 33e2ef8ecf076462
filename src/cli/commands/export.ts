import { createWriteStream, existsSync, renameSync, rmSync } from "node:fs";
import type { Command } from "commander";
import { SitrepError } from "../../core/errors.js";
import { dumpStore } from "../../store/dump-store.js";
import { KyselyStore } from "../../store/kysely-store.js";
import { DEFAULT_DB, openStore } from "../../store/open-store.js";
import { isPostgresUrl } from "../../store/postgres-store.js";
import { DB_OPTION } from "../with-store.js";

/** `sitrep export`: the whole store as one JSON Lines dump (see dumpStore), for `sitrep import` into either store. */
export function exportCommand(program: Command): void {
  program
    .command("export")
    .description("write the whole store (SQLite or PostgreSQL) as a JSON Lines dump that `sitrep import` loads into either")
    .option(...DB_OPTION)
    .option("--out <file>", "the dump file (default: standard output)")
    .action(async (opts: { db?: string; out?: string }) => {
      const target = opts.db ?? process.env.SITREP_DATABASE_URL ?? DEFAULT_DB;
      if (!isPostgresUrl(target) && target !== ":memory:" && !existsSync(target)) {
        throw new SitrepError("E_USAGE", `there is no store at ${target}`, "name an existing SQLite file or a postgres:// URL with --db");
      }
      // Exporting reads the store as it is: no migration runs, and the dump records the migrations it had.
      const store = await openStore(target, { migrate: false });
      const tmp = opts.out ? `${opts.out}.partial` : null;
      try {
        if (!(store instanceof KyselyStore)) throw new SitrepError("E_STORE", "this store cannot be exported");
        const out = tmp ? createWriteStream(tmp) : process.stdout;
        const write = (line: string) =>
          new Promise<void>((resolve, reject) => {
            if (out.write(line + "\n")) resolve();
            else out.once("drain", resolve).once("error", reject);
          });
        const header = await dumpStore(store, write);
        if (tmp) {
          await new Promise<void>((resolve, reject) => out.end(() => resolve()).once("error", reject));
          renameSync(tmp, opts.out!);
        }
        const rows = header.tables.reduce((a, t) => a + t.rows, 0);
        const c = header.counts;
        process.stderr.write(
          `exported ${c.documents} documents, ${c.stories} stories, ${c.events} events, ${c.entities} entities ` +
            `(${rows} rows in ${header.tables.length} tables) from ${store.dialect}${opts.out ? ` to ${opts.out}` : ""}\n`,
        );
      } catch (e) {
        if (tmp) rmSync(tmp, { force: true });
        throw e;
      } finally {
        await store.close();
      }
    });
}
