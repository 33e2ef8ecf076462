import type { CorpusStage } from "../../core/stage.js";
import { clusterStories } from "./cluster-stories.js";

/** Stories: clusters across outlets and languages, with translation / copy / rewrite / same-event links. */
export const storiesStage: CorpusStage = {
  name: "stories",
  version: "1.0.0",
  requires: ["entities", "events", "published"],
  provides: ["stories"],
  run: (corpus) => ({ ...corpus, stories: clusterStories(corpus.docs) }),
};
