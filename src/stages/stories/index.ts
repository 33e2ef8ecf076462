import type { CorpusStage } from "../../core/stage.js";
import { StoryIndex, type SerializedStoryIndex } from "../../stories/story-index.js";
import { clusterStories } from "./cluster-stories.js";

/** The corpus state key of the persisted story index. */
export const STORY_INDEX_STATE = "story-index";

/**
 * Stories: clusters across outlets and languages, with translation / copy / rewrite / same-event links.
 * With a persisted index in corpus.state, the batch joins earlier stories and the stories it touches are returned
 * with all their members; the updated index goes back into the state.
 */
export const storiesStage: CorpusStage = {
  name: "stories",
  version: "2.0.0",
  requires: ["entities", "events", "published"],
  provides: ["stories"],
  run(corpus) {
    const saved = corpus.state?.[STORY_INDEX_STATE] as SerializedStoryIndex | undefined;
    if (!corpus.state) return { ...corpus, stories: clusterStories(corpus.docs) };
    const index = saved ? StoryIndex.fromJSON(saved) : new StoryIndex();
    const batch = clusterStories(corpus.docs, {}, index);
    const stories = batch.map((s) => ({ ...s, documents: [...(index.story(s.id)?.members ?? s.documents)] }));
    return { ...corpus, stories, state: { ...corpus.state, [STORY_INDEX_STATE]: index.toJSON() } };
  },
};
