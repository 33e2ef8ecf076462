import type PgBoss from "pg-boss";
import type { Context } from "../core/context.js";
import type { Doc } from "../core/doc.js";
import { DOC_BATCH, type Pipeline } from "../core/pipeline.js";
import { defaultPipeline } from "../analyze.js";
import { createDoc } from "../ingest/article.js";
import { openStore } from "../store/open-store.js";
import { StoryLog } from "../story-log/story-log.js";
import { ANALYSIS_QUEUE, openQueue, requirePostgres, type ArticleJob, type QueueOptions } from "./analysis-queue.js";

/** Options of one worker process. */
export interface WorkerOptions extends QueueOptions {
  /** The PostgreSQL store (and queue). */
  readonly url: string;
  readonly ctx: Context;
  readonly pipeline?: Pipeline;
  /** Jobs fetched and analysed together (default 32). */
  readonly batchSize?: number;
  /** Seconds between polls of an empty queue (default 1; pg-boss's minimum is 0.5). */
  readonly pollSeconds?: number;
  /** Stop once no job is waiting, retrying or active anywhere (benchmarks, tests, one-off backfills). */
  readonly untilEmpty?: boolean;
  /** Stop (gracefully: the batch in hand is finished) when this aborts. */
  readonly signal?: AbortSignal;
  /** Snapshot the story index every this many clustered documents (default 20,000). */
  readonly snapshotEvery?: number;
  /** One line per batch. */
  readonly log?: (line: string) => void;
  /**
   * Only analyse and stage: no story index in memory, no clustering steps (other workers run them). Analysis
   * machines then need no memory for the index.
   */
  readonly analyseOnly?: boolean;
  /** Fault injection for tests: awaited inside the story-lock transaction, before it commits. */
  readonly beforeCommit?: () => Promise<void>;
}

/** What a worker did until it stopped. */
export interface WorkerSummary {
  /** Job batches analysed, and their new documents. */
  readonly batches: number;
  readonly analysed: number;
  /** Clustering steps this worker ran, and the documents they stored (staged by any worker). */
  readonly steps: number;
  readonly stored: number;
  readonly duplicates: number;
  readonly failed: number;
  /** CPU time of the process, ms (user + system); of it, in the per-article stages and in the story index's clustering. */
  readonly cpuMs: number;
  readonly analysisCpuMs: number;
  readonly clusteringCpuMs: number;
}

/**
 * Processes analysis jobs until stopped. Two loops share the process:
 * - jobs: fetch a batch, analyse each article (one already stored is skipped), stage the batch in the store
 *   (committed at once); then pg-boss completes the jobs. A throw fails the batch, and pg-boss retries its jobs with
 *   backoff; a worker killed mid-batch leaves its jobs active until they expire (the job timeout), then they are
 *   retried — staging twice is harmless.
 * - clustering: whenever documents are staged and no other process is running a step, run one over all of them
 *   (group commit): store, cluster, log and unstage in one transaction under the story lock. Killed mid-step, the
 *   transaction rolls back and the documents stay staged for the next step.
 */
export async function runWorker(opts: WorkerOptions): Promise<WorkerSummary> {
  const url = requirePostgres(opts.url, "sitrep worker");
  const pipeline = opts.pipeline ?? defaultPipeline();
  const log = opts.log ?? (() => {});
  const cpu0 = process.cpuUsage();
  const store = await openStore(url);
  let boss: PgBoss | null = null;
  const totals = { batches: 0, analysed: 0, steps: 0, stored: 0, duplicates: 0, failed: 0, analysisCpuMs: 0, clusteringCpuMs: 0 };
  const cpuSince = (c: NodeJS.CpuUsage) => {
    const d = process.cpuUsage(c);
    return (d.user + d.system) / 1000;
  };
  let stopping = false;
  let clustering: Promise<void> = Promise.resolve();
  try {
    const storyLog = new StoryLog({ snapshotEvery: opts.snapshotEvery, beforeCommit: opts.beforeCommit });
    if (!opts.analyseOnly) await storyLog.catchUp(store);
    boss = await openQueue(url, opts);
    const b = boss;
    let busy = false;
    const handler = async (jobs: PgBoss.Job<ArticleJob>[]) => {
      busy = true;
      try {
        const t0 = performance.now();
        let cpu = 0;
        const docs: Doc[] = [];
        const starts: Doc[] = [];
        const inBatch = new Set<string>();
        let duplicates = 0;
        for (const job of jobs) {
          const start = createDoc(job.data.article);
          if (inBatch.has(start.id) || (await store.hasDocument(start.id))) {
            duplicates++;
            continue;
          }
          inBatch.add(start.id);
          starts.push(start);
        }
        // analysed stage by stage, DOC_BATCH at a time; runDocs is synchronous: its CPU time is these documents' alone
        for (let i = 0; i < starts.length; i += DOC_BATCH) {
          const c0 = process.cpuUsage();
          for (const d of pipeline.runDocs(starts.slice(i, i + DOC_BATCH), opts.ctx, "continue")) docs.push(d);
          cpu += cpuSince(c0);
        }
        if (docs.length) await storyLog.stage(store, docs);
        totals.batches++;
        totals.analysed += docs.length;
        totals.duplicates += duplicates;
        totals.analysisCpuMs += cpu;
        log(`worker ${process.pid}: ${jobs.length} jobs: ${docs.length} analysed and staged, ${duplicates} already stored, in ${Math.round(performance.now() - t0)} ms (cpu ${Math.round(cpu)} ms)`);
      } finally {
        busy = false;
      }
    };

    // The clustering loop: a step whenever something is staged; a busy lock means another process is on it.
    const cluster = async () => {
      while (!stopping) {
        let ran = false;
        try {
          if ((await store.countPending()) > 0) {
            const t0 = performance.now();
            const step = await storyLog.drain(store);
            if (step) {
              const cpu = step.clusterCpuMs ?? 0;
              totals.clusteringCpuMs += cpu;
              ran = true;
              const stored = step.results.filter((r) => r.status === "inserted").length;
              const failed = step.results.filter((r) => r.status === "failed");
              totals.steps++;
              totals.stored += stored;
              totals.duplicates += step.results.filter((r) => r.status === "duplicate").length;
              totals.failed += failed.length;
              log(`worker ${process.pid}: clustering step ${step.seq ?? "-"}: ${stored} stored of ${step.staged} staged, ${step.stories} stories changed, in ${Math.round(performance.now() - t0)} ms (cpu ${Math.round(cpu)} ms)`);
              for (const f of failed) log(`worker ${process.pid}: E_STORE ${f.file}: ${f.error}`);
              await storyLog.maybeSnapshot(store);
            }
          }
        } catch (e) {
          log(`worker ${process.pid}: clustering step failed, will retry: ${(e as Error).message}`);
        }
        if (!ran) await new Promise((r) => setTimeout(r, 250));
      }
    };
    if (!opts.analyseOnly) clustering = cluster();

    await b.work<ArticleJob>(ANALYSIS_QUEUE, { batchSize: opts.batchSize ?? 32, pollingIntervalSeconds: opts.pollSeconds ?? 1 }, handler);
    await new Promise<void>((resolve) => {
      if (opts.signal?.aborted) return resolve();
      opts.signal?.addEventListener("abort", () => resolve(), { once: true });
      if (opts.untilEmpty) {
        let quiet = 0;
        const timer = setInterval(async () => {
          try {
            // created, retry and active jobs (an active one of a killed worker comes back when it expires), and staged documents
            const pending = (await b.getQueueSize(ANALYSIS_QUEUE, { before: "completed" })) + (opts.analyseOnly ? 0 : await store.countPending());
            quiet = pending === 0 && !busy ? quiet + 1 : 0;
            if (quiet >= 2) {
              clearInterval(timer);
              resolve();
            }
          } catch {
            /* a failed check is retried on the next tick */
          }
        }, 500);
        opts.signal?.addEventListener("abort", () => clearInterval(timer), { once: true });
      }
    });
    await b.stop({ graceful: true, wait: true, timeout: 120_000 });
    boss = null;
    stopping = true;
    await clustering;
    // What this worker staged last is clustered before it goes (another worker would take it too).
    if (!opts.analyseOnly) {
      while ((await store.countPending()) > 0 && (await storyLog.drain(store))) totals.steps++;
      await storyLog.maybeSnapshot(store);
    }
  } finally {
    stopping = true;
    await clustering.catch(() => {});
    if (boss) await boss.stop({ graceful: false, wait: true }).catch(() => {});
    await store.close();
  }
  const c = process.cpuUsage(cpu0);
  return { ...totals, cpuMs: (c.user + c.system) / 1000 };
}
