import type { CorpusStage, Stage } from "../core/stage.js";
import { cleanStage } from "./clean/index.js";
import { metadataStage } from "./metadata/index.js";
import { languageStage } from "./language/index.js";
import { segmentStage } from "./segment/index.js";
import { entitiesStage } from "./entities/index.js";
import { datesStage } from "./dates/index.js";
import { eventsStage } from "./events/index.js";
import { quotesStage } from "./quotes/index.js";
import { framingStage } from "./framing/index.js";
import { storiesStage } from "./stories/index.js";
import { mergeStage } from "./merge/index.js";
import { storyDatesStage } from "./story-dates/index.js";

/** Every stage sitrep knows, by name. */
export const STAGES = {
  stages: {
    clean: cleanStage,
    metadata: metadataStage,
    language: languageStage,
    segment: segmentStage,
    entities: entitiesStage,
    dates: datesStage,
    events: eventsStage,
    quotes: quotesStage,
    framing: framingStage,
  } as Record<string, Stage>,
  corpus: {
    stories: storiesStage,
    "story-dates": storyDatesStage,
    merge: mergeStage,
  } as Record<string, CorpusStage>,
};

/** The default pipeline, in order. */
export const DEFAULT_PIPELINE = [
  "clean", "metadata", "language", "segment", "entities", "dates", "events", "quotes", "framing", "stories", "story-dates", "merge",
] as const;
