import type { Command } from "commander";
import { join } from "node:path";
import { createContext, packageRoot } from "../../core/context.js";
import { readSources } from "../../ingest/read-sources.js";
import { ingestItems } from "../../ingest.js";
import { renderReport } from "../../output/render-report.js";
import { storedContract } from "../../output/stored-contract.js";
import { printFailures } from "../print-failures.js";
import { withStore } from "../with-store.js";

/** `sitrep demo`: ingests the project's own example articles (EN/FR/AR) into the store and prints the report. */
export function demoCommand(program: Command): void {
  program
    .command("demo")
    .description("ingest the bundled example articles (English, French, Arabic) and print the situation report")
    .option("--db <file>", "the store to fill (default ./sitrep.db)")
    .option("--json", "print the contract JSON instead of the report")
    .action(async (opts: { db?: string; json?: boolean }) => {
      const ctx = createContext();
      const examples = join(packageRoot(), "examples");
      const out = await withStore(opts.db, async (store) => {
        const s = await ingestItems(readSources([examples]), store, ctx);
        process.stderr.write(`demo: ${s.inserted} example article(s) ingested, ${s.duplicates} already stored\n`);
        printFailures(s.failures, s.docs);
        return storedContract(store);
      });
      process.stdout.write(opts.json ? JSON.stringify(out, null, 1) + "\n" : renderReport(out));
    });
}
