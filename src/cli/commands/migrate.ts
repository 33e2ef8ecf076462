import type { Command } from "commander";
import { sql } from "kysely";
import { KyselyStore } from "../../store/kysely-store.js";
import { DEFAULT_DB, openStore } from "../../store/open-store.js";
import { DB_OPTION } from "../with-store.js";

/** `sitrep migrate`: applies the store's pending numbered migrations and prints what ran. */
export function migrateCommand(program: Command): void {
  program
    .command("migrate")
    .description("apply the store's pending migrations (SQLite file or postgres:// URL) and print what ran")
    .option(...DB_OPTION)
    .option("--json", "as JSON: {applied: [...]}")
    .action(async (opts: { db?: string; json?: boolean }) => {
      const store = await openStore(opts.db ?? process.env.SITREP_DATABASE_URL ?? DEFAULT_DB, { migrate: false });
      try {
        const applied = await store.migrate();
        const total = store instanceof KyselyStore ? await appliedCount(store) : null;
        if (opts.json) process.stdout.write(JSON.stringify({ applied, total }) + "\n");
        else if (!applied.length) process.stdout.write(`Up to date (${total} migrations applied, ${store.dialect}).\n`);
        else process.stdout.write(applied.map((m) => `applied ${m}\n`).join("") + `${applied.length} migration(s) applied; ${total} in all (${store.dialect}).\n`);
      } finally {
        await store.close();
      }
    });
}

async function appliedCount(store: KyselyStore): Promise<number> {
  return Number((await sql<{ n: number | string }>`SELECT count(*) AS n FROM sitrep_migrations`.execute(store.db)).rows[0].n);
}
