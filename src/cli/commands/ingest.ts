import type { Command } from "commander";
import { createContext } from "../../core/context.js";
import { readSources } from "../../ingest/read-sources.js";
import { ingestItems } from "../../ingest.js";
import { countInputs } from "../count-inputs.js";
import { createProgress } from "../progress.js";
import { printFailures } from "../print-failures.js";
import { DB_OPTION, withStore } from "../with-store.js";
import { enqueueItems, openQueue, requirePostgres } from "../../queue/analysis-queue.js";

/** `sitrep ingest FILE_OR_DIR|URL|FEED_URL...` */
export function ingestCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command("ingest")
    .description("analyse articles and store them (re-ingesting the same text is a no-op)")
    .argument("<inputs...>", "files, directories, .jsonl files, or http(s) URLs of pages or RSS/Atom feeds")
    .option(...DB_OPTION)
    .option("--max-bytes <n>", "largest single article in bytes", (v) => Number(v), 5_000_000)
    .option("--json", "print the per-item results as JSON")
    .option("-q, --quiet", "no progress bar")
    .option("--queue", "do not analyse here: send one job per article to the PostgreSQL queue for `sitrep worker`")
    .option("--job-timeout <seconds>", "with --queue: a job still in progress after this long is retried (its worker died)", (v) => Number(v), 300)
    .addHelpText("after", `
Examples:
  sitrep ingest examples/                    store the example articles in ./sitrep.db
  sitrep ingest --db team.db news.jsonl      one article per JSON line: {"id","url"?,"outlet"?,"published"?,"text"|"html"}
  sitrep ingest --queue --db postgres://sitrep@db/news news.jsonl    queue the articles for \`sitrep worker\`
Exit code: 0 when every item was stored or already there, 1 when some items failed (the others are stored).`)
    .action(async (inputs: string[], opts: { db?: string; maxBytes: number; json?: boolean; quiet?: boolean; queue?: boolean; jobTimeout: number }) => {
      const total = await countInputs(inputs);
      const bar = createProgress(total, { quiet: opts.quiet });
      if (opts.queue) {
        const url = requirePostgres(opts.db ?? process.env.SITREP_DATABASE_URL, "sitrep ingest --queue");
        const q = await withStore(url, async (store) => {
          const boss = await openQueue(url, { jobTimeout: opts.jobTimeout });
          try {
            return await enqueueItems(boss, store, readSources(inputs, { maxBytes: opts.maxBytes }), { jobTimeout: opts.jobTimeout, onProgress: (n, l) => bar.tick(n, l) });
          } finally {
            await boss.stop({ graceful: false, wait: true });
          }
        });
        bar.done("");
        if (opts.json) process.stdout.write(JSON.stringify({ ...q, failures: q.failures.map((f) => ({ file: f.source.file, origin: f.source.origin, diagnostics: f.diagnostics })) }, null, 1) + "\n");
        else process.stdout.write(`queued ${q.queued} articles, ${q.stored} already stored, ${q.failures.length} unreadable (of ${q.read} items)\n`);
        printFailures(q.failures);
        if (q.failures.length) setExit(1);
        return;
      }
      const ctx = createContext();
      const summary = await withStore(opts.db, (store) =>
        ingestItems(readSources(inputs, { maxBytes: opts.maxBytes }), store, ctx, { onProgress: (n, l) => bar.tick(n, l) }),
      );
      bar.done("");
      if (opts.json) {
        process.stdout.write(JSON.stringify({ ...summary, docs: undefined, failures: summary.failures.map((f) => ({ file: f.source.file, origin: f.source.origin, diagnostics: f.diagnostics })) }, null, 1) + "\n");
      } else {
        process.stdout.write(`ingested ${summary.inserted} new, ${summary.duplicates} already stored, ${summary.failed} failed (of ${summary.read} items)\n`);
        for (const r of summary.results.filter((x) => x.status === "failed")) process.stderr.write(`sitrep: E_STORE ${r.file}: ${r.error}\n`);
      }
      printFailures(summary.failures, summary.docs);
      if (summary.failed) setExit(1);
    });
}
