// Story clustering and provenance: fingerprints that survive translation, an incremental index, relation kinds.
export { extractFeatures, foldName, capitalisedNames } from "./extract-features.js";
export type { StoryFeatures } from "./story-features.js";
export { storySimilarity, numberOrder, dateFactor, gapFactor, idf, termIdf, blendSimilarity, scriptOf, SIMILARITY_WEIGHTS, type KeyStats, type Similarity } from "./story-similarity.js";
export { prepareFeatures, preparedSimilarity, type PreparedFeatures } from "./prepared-features.js";
export { StoryIndex, DEFAULT_STORY_INDEX_OPTIONS, statKeys, type StoryIndexOptions, type AddResult, type SerializedStoryIndex, type IndexedStory } from "./story-index.js";
export { relationKind, RELATION_THRESHOLDS } from "./relation-kind.js";
export { centroidSimilarity, centroidPairSimilarity, addToCentroid, mergeCentroids, emptyCentroid, type StoryCentroid } from "./story-centroid.js";
export { minhashSignature, minhashJaccard, lshBands, shingleHashes } from "./minhash.js";
export { asciiDigits, foldText, extractNumbers, prefixStem, wordTokens } from "./normalize-text.js";
export { dayNumber, dayString } from "./day-number.js";
