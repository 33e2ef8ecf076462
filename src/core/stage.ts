import type { Context } from "./context.js";
import type { Corpus, CorpusLayer } from "./corpus.js";
import type { Doc, Layer } from "./doc.js";

/** A per-article stage: a small declared object over a pure function. */
export interface Stage {
  readonly name: string;
  readonly version: string;
  readonly requires: readonly Layer[];
  readonly provides: readonly Layer[];
  /** Returns a new Doc with the provided layers set. May add diagnostics; throws only on bugs. */
  run(doc: Doc, ctx: Context): Doc;
}

/** A corpus stage: runs over all documents of a batch (stories, merge). */
export interface CorpusStage {
  readonly name: string;
  readonly version: string;
  /** Document layers every doc must have. */
  readonly requires: readonly (Layer | CorpusLayer)[];
  readonly provides: readonly CorpusLayer[];
  run(corpus: Corpus, ctx: Context): Corpus;
}
