import PgBoss from "pg-boss";
import { SitrepError } from "../core/errors.js";
import type { Article, ReadFailure, SourceItem } from "../ingest/article.js";
import { contentId } from "../ingest/content-id.js";
import type { NewsStore } from "../store/news-store.js";
import { isPostgresUrl } from "../store/postgres-store.js";

/** The pg-boss queue of articles to analyse and store: one job per article. */
export const ANALYSIS_QUEUE = "sitrep-analysis";
/** pg-boss keeps its tables in this schema of the store's database. */
export const QUEUE_SCHEMA = "sitrep_queue";

/** A job's payload: the article as read (its text or HTML, where it came from, what reading it found). */
export interface ArticleJob {
  readonly article: Article;
}

/** How a queue's jobs are retried. */
export interface QueueOptions {
  /** Tries after the first (default 5), each after a delay that doubles from retryDelay seconds (default 5). */
  readonly retryLimit?: number;
  readonly retryDelay?: number;
  /**
   * A job still active this long after it started is taken as lost (its worker was killed) and retried (default
   * 300 s: more than a batch takes). Set when the job is enqueued.
   */
  readonly jobTimeout?: number;
  /** How often a running pg-boss looks for expired jobs (default 10 s: one cheap query). */
  readonly maintenanceSeconds?: number;
}

/** The error for the queue commands on an SQLite store. */
export function requirePostgres(url: string | undefined, command: string): string {
  if (!url || !isPostgresUrl(url)) {
    throw new SitrepError(
      "E_QUEUE",
      `${command} needs a PostgreSQL store (the job queue lives in it); got ${url ? `"${url}"` : "the default SQLite file"}`,
      "pass --db postgres://user:pass@host/db (or set $SITREP_DATABASE_URL), or ingest directly with `sitrep ingest FILES` on SQLite",
    );
  }
  return url;
}

/** Starts pg-boss on the store's database and makes sure the analysis queue exists. */
export async function openQueue(url: string, opts: QueueOptions = {}): Promise<PgBoss> {
  const timeout = opts.jobTimeout ?? 300;
  const boss = new PgBoss({
    connectionString: url,
    schema: QUEUE_SCHEMA,
    application_name: "sitrep-queue",
    max: 4,
    schedule: false,
    maintenanceIntervalSeconds: opts.maintenanceSeconds ?? 10,
  });
  // pg-boss reports background errors (a lost connection) as events; without a listener they would crash the process.
  boss.on("error", (e) => process.stderr.write(`sitrep: queue: ${e.message}\n`));
  try {
    await boss.start();
    await boss.createQueue(ANALYSIS_QUEUE, {
      name: ANALYSIS_QUEUE,
      // "short": a second job with the same singleton key (the content id) is dropped while the first waits.
      policy: "short",
      retryLimit: opts.retryLimit ?? 5,
      retryDelay: opts.retryDelay ?? 5,
      retryBackoff: true,
      expireInSeconds: timeout,
    });
  } catch (e) {
    await boss.stop({ graceful: false, wait: true }).catch(() => {});
    if (e instanceof SitrepError) throw e;
    throw new SitrepError("E_QUEUE", `cannot start the job queue: ${(e as Error).message}`, "check the PostgreSQL URL and that the role may create a schema");
  }
  return boss;
}

/** What enqueueing did. */
export interface EnqueueSummary {
  readonly read: number;
  /** Jobs sent (a job for an article already waiting in the queue is dropped by the queue itself). */
  readonly queued: number;
  /** Articles already stored: not sent. */
  readonly stored: number;
  readonly failures: readonly ReadFailure[];
}

/**
 * Sends one job per readable article, in chunks; an article whose content id is stored already is skipped, and
 * one waiting in the queue is dropped by it (singleton key = content id). The article travels whole in the job
 * (up to the reader's --max-bytes, 5 MB by default: PostgreSQL's jsonb holds far more).
 */
export async function enqueueItems(
  boss: PgBoss,
  store: NewsStore,
  items: AsyncIterable<SourceItem> | Iterable<SourceItem>,
  opts: { jobTimeout?: number; onProgress?: (done: number, label: string) => void } = {},
): Promise<EnqueueSummary> {
  const failures: ReadFailure[] = [];
  let read = 0, queued = 0, stored = 0;
  let chunk: PgBoss.JobInsert<ArticleJob>[] = [];
  const flush = async () => {
    if (!chunk.length) return;
    await boss.insert(chunk);
    queued += chunk.length;
    chunk = [];
  };
  for await (const item of items) {
    read++;
    if (!item.ok) {
      failures.push(item.failure);
      opts.onProgress?.(read, item.failure.source.file);
      continue;
    }
    const id = contentId(item.article.raw);
    opts.onProgress?.(read, item.article.source.file);
    if (await store.hasDocument(id)) {
      stored++;
      continue;
    }
    chunk.push({ name: ANALYSIS_QUEUE, data: { article: item.article }, singletonKey: id, ...(opts.jobTimeout ? { expireInSeconds: opts.jobTimeout } : {}) });
    if (chunk.length >= 200) await flush();
  }
  await flush();
  return { read, queued, stored, failures };
}
