import type { CorpusStage } from "../../core/stage.js";
import { mergeStoryEvents } from "./merge-events.js";

/** Merge: one event per real-world event within a story, keeping every source's figures. */
export const mergeStage: CorpusStage = {
  name: "merge",
  version: "1.0.0",
  requires: ["stories"],
  provides: ["merged"],
  run: (corpus) => {
    const byId = new Map(corpus.docs.map((d) => [d.id, d]));
    return { ...corpus, stories: (corpus.stories ?? []).map((s) => ({ ...s, events: mergeStoryEvents(s, byId) })) };
  },
};
