import type { Command } from "commander";
import { SitrepError } from "../../core/errors.js";
import { openQueue, requirePostgres } from "../../queue/analysis-queue.js";
import { parseInterval, watchFeeds } from "../../queue/watch-feeds.js";
import { openStore } from "../../store/open-store.js";

/** `sitrep watch FEED...`: polls feeds and enqueues their new entries. */
export function watchCommand(program: Command): void {
  program
    .command("watch")
    .description("poll RSS/Atom feeds and queue their new entries for the workers (PostgreSQL)")
    .argument("<feeds...>", "http(s) URLs of RSS or Atom feeds")
    .option("--db <url>", "the PostgreSQL store and queue (default $SITREP_DATABASE_URL)")
    .option("--every <interval>", "time between polls: 90, 30s, 5m, 1h", "5m")
    .option("--once", "poll each feed once and exit")
    .option("--max-bytes <n>", "largest single article in bytes", (v) => Number(v), 5_000_000)
    .option("--job-timeout <seconds>", "a job still in progress after this long is retried (its worker died)", (v) => Number(v), 300)
    .addHelpText("after", `
Entries already queued from a feed are remembered in the store, so each poll fetches only new pages.
Stops on SIGINT or SIGTERM. Run \`sitrep worker\` to process the queue.
Example:
  sitrep watch --db postgres://sitrep@db/news --every 10m https://example.org/feed.xml`)
    .action(async (feeds: string[], opts: { db?: string; every: string; once?: boolean; maxBytes: number; jobTimeout: number }) => {
      const url = requirePostgres(opts.db ?? process.env.SITREP_DATABASE_URL, "sitrep watch");
      const every = parseInterval(opts.every);
      if (every === null) throw new SitrepError("E_USAGE", `--every must be a number of seconds or like 30s, 5m, 1h; got "${opts.every}"`);
      const bad = feeds.find((f) => !/^https?:\/\//i.test(f));
      if (bad) throw new SitrepError("E_USAGE", `"${bad}" is not an http(s) URL`, "give the address of an RSS or Atom feed");
      const store = await openStore(url);
      const boss = await openQueue(url, { jobTimeout: opts.jobTimeout }).catch(async (e) => {
        await store.close();
        throw e;
      });
      const stop = new AbortController();
      const onSignal = () => stop.abort();
      process.on("SIGINT", onSignal);
      process.on("SIGTERM", onSignal);
      try {
        await watchFeeds(feeds, { store, boss, maxBytes: opts.maxBytes, jobTimeout: opts.jobTimeout, everySeconds: every, once: opts.once, signal: stop.signal, log: (l) => process.stderr.write(l + "\n") });
      } finally {
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
        await boss.stop({ graceful: false, wait: true });
        await store.close();
      }
    });
}
