import type { Command } from "commander";
import { renderReport } from "../../output/render-report.js";
import { storedContract } from "../../output/stored-contract.js";
import { DB_OPTION, withStore } from "../with-store.js";

/** `sitrep report`: the stored situation, stories newest first with their events and sources. */
export function reportCommand(program: Command): void {
  program
    .command("report")
    .description("print the stored situation: stories, newest first, with their events and sources")
    .option(...DB_OPTION)
    .option("--limit <n>", "at most this many stories", (v) => Number(v))
    .option("--json", "the contract JSON of the stored documents and stories")
    .action(async (opts: { db?: string; limit?: number; json?: boolean }) => {
      const out = await withStore(opts.db, (store) => storedContract(store, { limitStories: opts.limit }));
      if (opts.json) process.stdout.write(JSON.stringify(out, null, 1) + "\n");
      else if (!out.documents.length) process.stdout.write("The store is empty: add articles with `sitrep ingest FILE_OR_DIR`, or try `sitrep demo`.\n");
      else process.stdout.write(renderReport(out));
    });
}
