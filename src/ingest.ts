import type { Context } from "./core/context.js";
import type { Doc } from "./core/doc.js";
import { DocBatcher } from "./core/doc-batcher.js";
import { DOC_BATCH, type Pipeline } from "./core/pipeline.js";
import { defaultPipeline } from "./analyze.js";
import { createDoc, type ReadFailure, type SourceItem } from "./ingest/article.js";
import type { NewsStore, PutResult } from "./store/news-store.js";
import { StoryLog } from "./story-log/story-log.js";

/** What an ingest run did. */
export interface IngestSummary {
  readonly read: number;
  readonly inserted: number;
  readonly duplicates: number;
  readonly failed: number;
  readonly failures: readonly ReadFailure[];
  readonly results: readonly PutResult[];
  readonly docs: readonly Doc[];
}

/** Options of an ingest run. */
export interface IngestOptions {
  /** The per-article stages (the corpus stages' work is the story log's, below). */
  readonly pipeline?: Pipeline;
  /** Documents per clustering step (default 200). */
  readonly batchSize?: number;
  readonly onProgress?: (done: number, label: string) => void;
  /** The process's story log client (a long-running worker keeps one); a new one by default. */
  readonly storyLog?: StoryLog;
}

/**
 * Analyses items and stores them, in batches: an item already stored (same content id) is skipped before analysis;
 * each batch is then one step of the story log (src/story-log/story-log.ts): under the store's story lock, its new
 * documents are stored, join the stories of everything stored before, and the step is logged — all or nothing.
 */
export async function ingestItems(items: AsyncIterable<SourceItem> | Iterable<SourceItem>, store: NewsStore, ctx: Context, opts: IngestOptions = {}): Promise<IngestSummary> {
  const pipeline = opts.pipeline ?? defaultPipeline();
  const batchSize = opts.batchSize ?? 200;
  // A command-line run ends with a snapshot of the index when it clustered or replayed anything, so the next run
  // loads it instead of replaying the steps (each replayed step costs what clustering it did).
  const log = opts.storyLog ?? new StoryLog({ snapshotEvery: 1 });
  const failures: ReadFailure[] = [];
  const results: PutResult[] = [];
  const allDocs: Doc[] = [];
  let batch: Doc[] = [];
  let read = 0;

  const flush = async () => {
    if (!batch.length) return;
    const step = await log.commit(store, batch);
    results.push(...step.results);
    const stored = new Set(step.results.filter((p) => p.status === "inserted").map((p) => p.id));
    allDocs.push(...batch.filter((d) => stored.has(d.id)));
    batch = [];
  };

  // read documents are analysed DOC_BATCH at a time (within a clustering step), stage by stage (runDocs)
  const batcher = new DocBatcher(pipeline, ctx, "continue", (d) => batch.push(d), opts.onProgress);
  const inBatch = new Set<string>();
  for await (const item of items) {
    read++;
    if (!item.ok) {
      failures.push(item.failure);
      batcher.progress(read, item.failure.source.file);
      continue;
    }
    const start = createDoc(item.article);
    if (inBatch.has(start.id) || (await store.hasDocument(start.id))) {
      results.push({ id: start.id, file: start.source.file, status: "duplicate" });
      batcher.progress(read, item.article.source.file);
      continue;
    }
    inBatch.add(start.id);
    batcher.add(start);
    batcher.progress(read, item.article.source.file);
    if (batcher.size >= DOC_BATCH || batch.length + batcher.size >= batchSize) batcher.analyse();
    if (batch.length >= batchSize) {
      await flush();
      inBatch.clear();
    }
  }
  batcher.analyse();
  await flush();
  if (!opts.storyLog) await log.maybeSnapshot(store);
  const count = (s: PutResult["status"]) => results.filter((r) => r.status === s).length;
  return { read, inserted: count("inserted"), duplicates: count("duplicate"), failed: count("failed") + failures.length, failures, results, docs: allDocs };
}
