import type { CorpusStage } from "../../core/stage.js";

/** Story dates: a document with no date of its own takes a window from its story. (placeholder) */
export const storyDatesStage: CorpusStage = {
  name: "story-dates",
  version: "0.0.1",
  requires: ["stories"],
  provides: [],
  run: (corpus) => corpus,
};
