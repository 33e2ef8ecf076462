import type { CorpusStage } from "../../core/stage.js";

/** Merge: one event per real-world event within a story. (placeholder) */
export const mergeStage: CorpusStage = {
  name: "merge",
  version: "0.0.1",
  requires: ["stories"],
  provides: ["merged"],
  run: (corpus) => corpus,
};
