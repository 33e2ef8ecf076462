import type { Context } from "./core/context.js";
import type { Doc } from "./core/doc.js";
import type { Pipeline } from "./core/pipeline.js";
import { defaultPipeline } from "./analyze.js";
import { createDoc, type ReadFailure, type SourceItem } from "./ingest/article.js";
import { documentToContract, toContract } from "./output/to-contract.js";
import type { NewsStore, PutResult } from "./store/news-store.js";

/** Where the corpus stages' state (the story index) is kept in the store. */
const STATE_KEY = "corpus-state";

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

/**
 * Analyses items and stores them, in batches: an item already stored (same content id) is skipped before analysis;
 * each batch's documents are written with per-item status, then the corpus stages group the batch into stories.
 */
export async function ingestItems(
  items: AsyncIterable<SourceItem> | Iterable<SourceItem>,
  store: NewsStore,
  ctx: Context,
  opts: { pipeline?: Pipeline; batchSize?: number; onProgress?: (done: number, label: string) => void } = {},
): Promise<IngestSummary> {
  const pipeline = opts.pipeline ?? defaultPipeline();
  const batchSize = opts.batchSize ?? 200;
  const failures: ReadFailure[] = [];
  const results: PutResult[] = [];
  const allDocs: Doc[] = [];
  let batch: Doc[] = [];
  let read = 0;

  const flush = async () => {
    if (!batch.length) return;
    const put = await store.putDocuments(batch.map((d) => ({ doc: documentToContract(d), text: d.text, origin: d.source.origin })));
    results.push(...put);
    const stored = new Set(put.filter((p) => p.status === "inserted").map((p) => p.id));
    const docs = batch.filter((d) => stored.has(d.id));
    allDocs.push(...docs);
    if (docs.length) {
      // The story index persists in the store, so this batch joins the stories of earlier ones.
      const saved = await store.getState(STATE_KEY);
      const state = saved ? (JSON.parse(saved) as Record<string, unknown>) : {};
      const corpus = pipeline.runCorpus({ docs, state }, ctx);
      if (corpus.state) await store.setState(STATE_KEY, JSON.stringify(corpus.state));
      const contract = toContract(corpus);
      const byFile = new Map(docs.map((d) => [d.source.file, d.id]));
      await store.putStories(
        contract.stories.map((s) => ({
          id: s.id,
          title: s.title,
          documents: s.documents.map((f) => byFile.get(f) ?? f),
          relations: s.relations.map((r) => ({ ...r, from: byFile.get(r.from) ?? r.from, to: byFile.get(r.to) ?? r.to })),
          events: s.events,
        })),
      );
    }
    batch = [];
  };

  const inBatch = new Set<string>();
  for await (const item of items) {
    read++;
    if (!item.ok) {
      failures.push(item.failure);
      opts.onProgress?.(read, item.failure.source.file);
      continue;
    }
    const start = createDoc(item.article);
    if (inBatch.has(start.id) || (await store.hasDocument(start.id))) {
      results.push({ id: start.id, file: start.source.file, status: "duplicate" });
      opts.onProgress?.(read, item.article.source.file);
      continue;
    }
    inBatch.add(start.id);
    batch.push(pipeline.runDoc(start, ctx, "continue"));
    opts.onProgress?.(read, item.article.source.file);
    if (batch.length >= batchSize) {
      await flush();
      inBatch.clear();
    }
  }
  await flush();
  const count = (s: PutResult["status"]) => results.filter((r) => r.status === s).length;
  return { read, inserted: count("inserted"), duplicates: count("duplicate"), failed: count("failed") + failures.length, failures, results, docs: allDocs };
}
