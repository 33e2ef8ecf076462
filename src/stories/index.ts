// Story clustering and provenance: fingerprints that survive translation, an incremental index, relation kinds.
export { extractFeatures, foldName, capitalisedNames } from "./extract-features.js";
export type { StoryFeatures } from "./story-features.js";
export { storySimilarity, numberOrder, dateFactor, gapFactor, spanGap, idf, termIdf, blendSimilarity, anchorShare, scriptOf, SIMILARITY_WEIGHTS, type KeyStats, type Similarity } from "./story-similarity.js";
export { prepareFeatures, preparedSimilarity, type PreparedFeatures } from "./prepared-features.js";
export { StoryIndex, DEFAULT_STORY_INDEX_OPTIONS, statKeys, type StoryIndexOptions, type AddResult, type ConsolidateResult, type SerializedStoryIndex, type IndexedStory } from "./story-index.js";
export { relationKind, RELATION_THRESHOLDS } from "./relation-kind.js";
export { addToCentroid, emptyCentroid, type StoryCentroid } from "./story-centroid.js";
export { minhashSignature, minhashJaccard, lshBands, shingleHashes } from "./minhash.js";
export { asciiDigits, foldText, extractNumbers, prefixStem, wordTokens } from "./normalize-text.js";
export { dayNumber, dayString, daySpan } from "./day-number.js";
export { averageLink, type LinkEdge, type LinkTimes } from "./average-link.js";
export { calibratedScore, pairKind, type PairKind, type PairScales } from "./calibrated-score.js";
export { canonicalOrder, firmDay } from "./canonical-order.js";
export { crossScriptAllowed } from "./cross-script-allowed.js";
