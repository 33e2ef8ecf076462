import type { Command } from "commander";
import { analyzeItems } from "../../analyze.js";
import { createContext } from "../../core/context.js";
import { readSources } from "../../ingest/read-sources.js";
import { toContract } from "../../output/to-contract.js";
import { renderReport } from "../../output/render-report.js";
import { countInputs } from "../count-inputs.js";
import { createProgress } from "../progress.js";
import { printFailures } from "../print-failures.js";

/** `sitrep analyze FILE_OR_DIR... [--json]` */
export function analyzeCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command("analyze")
    .description("analyse articles and print the situation (no store): text/Markdown, HTML pages, JSON Lines, URLs")
    .argument("<inputs...>", "files, directories, .jsonl files, or http(s) URLs of pages or feeds")
    .option("--json", "print the analysis contract JSON (see docs/ANALYSIS contract) instead of a report")
    .option("--max-bytes <n>", "largest single article in bytes", (v) => Number(v), 5_000_000)
    .option("-q, --quiet", "no progress bar")
    .addHelpText(
      "after",
      `
Examples:
  sitrep analyze examples/                 a readable situation report of the example articles
  sitrep analyze feed.jsonl --json > a.json   contract JSON: documents, entities, events, quotes, stories
Exit code: 0 when every item was analysed, 1 when some items failed (the others are still printed).`,
    )
    .action(async (inputs: string[], opts: { json?: boolean; maxBytes: number; quiet?: boolean }) => {
      const ctx = createContext();
      const total = await countInputs(inputs);
      const bar = createProgress(total, { quiet: opts.quiet });
      const { corpus, failures } = await analyzeItems(readSources(inputs, { maxBytes: opts.maxBytes }), ctx, { onProgress: (n, l) => bar.tick(n, l) });
      bar.done("");
      const out = toContract(corpus, failures);
      if (opts.json) process.stdout.write(JSON.stringify(out, null, 1) + "\n");
      else process.stdout.write(renderReport(out));
      printFailures(failures, corpus.docs);
      if (failures.length) setExit(1);
    });
}
