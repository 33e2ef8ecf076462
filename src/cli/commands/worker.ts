import { spawn } from "node:child_process";
import type { Command } from "commander";
import { createContext } from "../../core/context.js";
import { SitrepError } from "../../core/errors.js";
import { requirePostgres } from "../../queue/analysis-queue.js";
import { runWorker } from "../../queue/run-worker.js";

/** A positive integer option. */
function positive(name: string) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new SitrepError("E_USAGE", `${name} must be a whole number of at least 1, got "${v}"`);
    return n;
  };
}

/**
 * Runs `count` worker processes (this command again, one worker each) and waits for them; SIGINT and SIGTERM are
 * passed on, so each finishes the batch in hand. Returns the worst exit code.
 */
async function runChildren(count: number, argv: readonly string[]): Promise<number> {
  const args = [...process.execArgv, process.argv[1], "worker", ...argv];
  const children = Array.from({ length: count }, () => spawn(process.execPath, args, { stdio: "inherit" }));
  const forward = (sig: NodeJS.Signals) => () => children.forEach((c) => c.exitCode === null && c.kill(sig));
  const onInt = forward("SIGINT"), onTerm = forward("SIGTERM");
  process.on("SIGINT", onInt);
  process.on("SIGTERM", onTerm);
  const codes = await Promise.all(children.map((c) => new Promise<number>((resolve) => c.on("exit", (code, sig) => resolve(code ?? (sig ? 1 : 0))))));
  process.off("SIGINT", onInt);
  process.off("SIGTERM", onTerm);
  return Math.max(0, ...codes);
}

/** `sitrep worker`: processes analysis jobs from the PostgreSQL queue. */
export function workerCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command("worker")
    .description("process queued articles: analyse them and store them, clustering stories with every other worker (PostgreSQL)")
    .option("--db <url>", "the PostgreSQL store and queue (default $SITREP_DATABASE_URL)")
    .option("--concurrency <n>", "worker processes to run from this command", positive("--concurrency"), 1)
    .option("--batch <n>", "jobs fetched and analysed together", positive("--batch"), 32)
    .option("--poll <seconds>", "seconds between polls of an empty queue (at least 0.5)", (v) => Number(v), 1)
    .option("--until-empty", "stop once no job is waiting, retrying or in progress anywhere (and nothing is staged)")
    .option("--analyse-only", "analyse and stage only; other workers run the clustering steps (no story index in memory)")
    .option("--snapshot-every <n>", "snapshot the story index every n clustered documents", positive("--snapshot-every"), 20_000)
    .option("-q, --quiet", "no line per batch")
    .addHelpText("after", `
Stops on SIGINT or SIGTERM after finishing the batch in hand. Run as many workers, on as many machines, as the load
needs: analysis runs in parallel; clustering runs one step at a time over everything the workers have staged (one
transaction under a store-wide lock, taken by whichever worker is free).
Examples:
  sitrep ingest --queue --db postgres://sitrep@db/news feeds.jsonl
  sitrep worker --db postgres://sitrep@db/news --concurrency 4`)
    .action(async (opts: { db?: string; concurrency: number; batch: number; poll: number; untilEmpty?: boolean; analyseOnly?: boolean; snapshotEvery: number; quiet?: boolean }) => {
      const url = requirePostgres(opts.db ?? process.env.SITREP_DATABASE_URL, "sitrep worker");
      if (opts.concurrency > 1) {
        const argv = ["--db", url, "--batch", String(opts.batch), "--poll", String(opts.poll), "--snapshot-every", String(opts.snapshotEvery)];
        if (opts.untilEmpty) argv.push("--until-empty");
        if (opts.quiet) argv.push("--quiet");
        if (opts.analyseOnly) argv.push("--analyse-only");
        setExit(await runChildren(opts.concurrency, argv));
        return;
      }
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.on("SIGINT", onSignal);
      process.on("SIGTERM", onSignal);
      // Fault injection for the kill tests: hold each step's transaction open this long before it commits.
      const hold = Number(process.env.SITREP_FAULT_COMMIT_DELAY_MS ?? 0);
      try {
        const summary = await runWorker({
          url,
          ctx: createContext(),
          batchSize: opts.batch,
          pollSeconds: opts.poll,
          untilEmpty: opts.untilEmpty,
          analyseOnly: opts.analyseOnly,
          snapshotEvery: opts.snapshotEvery,
          signal: stop.signal,
          log: opts.quiet ? undefined : (line) => process.stderr.write(line + "\n"),
          beforeCommit: hold > 0 ? () => new Promise((r) => setTimeout(r, hold)) : undefined,
        });
        process.stdout.write(
          `worker ${process.pid}: ${summary.analysed} analysed in ${summary.batches} batches; ${summary.stored} stored, ${summary.duplicates} already stored, ${summary.failed} failed in ${summary.steps} clustering steps; cpu ${(summary.cpuMs / 1000).toFixed(1)} s (analysis ${(summary.analysisCpuMs / 1000).toFixed(1)} s, clustering ${(summary.clusteringCpuMs / 1000).toFixed(1)} s)\n`,
        );
        if (summary.failed) setExit(1);
      } finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
      }
    });
}
