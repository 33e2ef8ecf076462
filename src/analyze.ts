import type { Context } from "./core/context.js";
import type { Corpus } from "./core/corpus.js";
import type { Doc } from "./core/doc.js";
import { DocBatcher } from "./core/doc-batcher.js";
import { createPipeline, DOC_BATCH, type Pipeline, type RunPolicy } from "./core/pipeline.js";
import { createDoc, type ReadFailure, type SourceItem } from "./ingest/article.js";
import { DEFAULT_PIPELINE, STAGES } from "./stages/registry.js";

/** The result of analysing a batch. */
export interface BatchResult {
  readonly corpus: Corpus;
  /** Items that could not be read at all. */
  readonly failures: readonly ReadFailure[];
}

/** Progress callback: items done so far (total unknown while streaming). */
export type Progress = (done: number, label: string) => void;

/** Builds the default pipeline (or the named stages), validated. */
export function defaultPipeline(names: readonly string[] = DEFAULT_PIPELINE): Pipeline {
  return createPipeline(names, STAGES);
}

/** Runs the per-article stages on every item of a source, then the corpus stages on the batch. */
export async function analyzeItems(
  items: AsyncIterable<SourceItem> | Iterable<SourceItem>,
  ctx: Context,
  opts: { pipeline?: Pipeline; policy?: RunPolicy; onProgress?: Progress; corpus?: boolean } = {},
): Promise<BatchResult> {
  const pipeline = opts.pipeline ?? defaultPipeline();
  const docs: Doc[] = [];
  const failures: ReadFailure[] = [];
  const seen = new Set<string>();
  // read documents are analysed DOC_BATCH at a time, stage by stage (runDocs)
  const batcher = new DocBatcher(pipeline, ctx, opts.policy, (d) => docs.push(d), opts.onProgress);
  let n = 0;
  for await (const item of items) {
    n++;
    if (!item.ok) {
      failures.push(item.failure);
      batcher.progress(n, item.failure.source.file);
      continue;
    }
    const start = createDoc(item.article);
    // The same content twice in one batch is analysed once (content id).
    if (!seen.has(start.id)) {
      seen.add(start.id);
      batcher.add(start);
    }
    batcher.progress(n, item.article.source.file);
    if (batcher.size >= DOC_BATCH) batcher.analyse();
  }
  batcher.analyse();
  const corpus = opts.corpus === false ? { docs } : pipeline.runCorpus({ docs }, ctx, opts.policy);
  return { corpus, failures };
}
