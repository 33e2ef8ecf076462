import { createReadStream, existsSync } from "node:fs";
import { createInterface } from "node:readline";
import type { Command } from "commander";
import { SitrepError } from "../../core/errors.js";
import { KyselyStore } from "../../store/kysely-store.js";
import { loadDump } from "../../store/load-dump.js";
import { DEFAULT_DB, openStore } from "../../store/open-store.js";
import { DB_OPTION } from "../with-store.js";

/** `sitrep import FILE.jsonl`: loads a `sitrep export` dump into a new, empty store of either kind. */
export function importCommand(program: Command): void {
  program
    .command("import")
    .description("load a `sitrep export` dump into a new, empty store (SQLite file or postgres:// URL); all or nothing")
    .argument("<file>", "the dump (JSON Lines), or - for standard input")
    .option(...DB_OPTION)
    .option("--json", "as JSON: rows per table and the migrations run after")
    .action(async (file: string, opts: { db?: string; json?: boolean }) => {
      if (file !== "-" && !existsSync(file)) throw new SitrepError("E_USAGE", `there is no file ${file}`, "name a dump written by `sitrep export --out FILE`");
      const store = await openStore(opts.db ?? process.env.SITREP_DATABASE_URL ?? DEFAULT_DB, { migrate: false });
      try {
        if (!(store instanceof KyselyStore)) throw new SitrepError("E_STORE", "this store cannot import");
        const input = file === "-" ? process.stdin : createReadStream(file, { encoding: "utf8" });
        const r = await loadDump(store, createInterface({ input, crlfDelay: Infinity }));
        if (opts.json) {
          process.stdout.write(JSON.stringify({ from: r.header.dialect, to: store.dialect, tables: r.tables, migratedAfter: r.migratedAfter }) + "\n");
          return;
        }
        const c = r.header.counts;
        process.stdout.write(
          `imported ${c.documents} documents, ${c.stories} stories, ${c.events} events, ${c.entities} entities ` +
            `(${r.tables.reduce((a, t) => a + t.rows, 0)} rows in ${r.tables.length} tables) from a ${r.header.dialect} dump into ${store.dialect}\n`,
        );
        for (const m of r.migratedAfter) process.stdout.write(`then applied ${m}\n`);
      } finally {
        await store.close();
      }
    });
}
