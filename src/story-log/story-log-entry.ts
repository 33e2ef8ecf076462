import { SitrepError } from "../core/errors.js";
import type { SerializedStoryIndex } from "../stories/story-index.js";
import type { StoryFeatures } from "../stories/story-features.js";

/**
 * One clustering step of the story log, as stored (JSON in story_log.entry):
 * - "batch": the story features of the documents one step clustered (sorted by id), replayed with clusterFeatures;
 *   `placed` is where each of them ended (doc id → story id), so a replay can check it reached the same state;
 * - "rebuild": the canonical re-clustering of every document logged before it (`sitrep settle`), replayed by
 *   re-clustering the same features; `digest` checks the result;
 * - "legacy": the whole index as the JSON state row of older stores kept it, replayed with StoryIndex.fromJSON.
 */
export type StoryLogEntry =
  | { readonly v: 1; readonly kind: "batch"; readonly features: readonly StoryFeatures[]; readonly placed: readonly (readonly [string, string])[] }
  | { readonly v: 1; readonly kind: "rebuild"; readonly docs: number; readonly digest: string }
  | { readonly v: 1; readonly kind: "legacy"; readonly state: { readonly "story-index"?: SerializedStoryIndex } };

/** Parses a stored entry, checking its version and kind. */
export function parseStoryLogEntry(seq: number, text: string): StoryLogEntry {
  let e: StoryLogEntry;
  try {
    e = JSON.parse(text) as StoryLogEntry;
  } catch (err) {
    throw new SitrepError("E_STORY_LOG", `story log entry ${seq} is not valid JSON (${(err as Error).message})`, "restore the database from a backup");
  }
  if (e?.v !== 1 || !["batch", "rebuild", "legacy"].includes(e.kind)) {
    throw new SitrepError("E_STORY_LOG", `story log entry ${seq} has version ${String(e?.v)} and kind ${String(e?.kind)}`, "this database was written by a newer sitrep; upgrade");
  }
  return e;
}

/** Features as plain JSON (the index keeps MinHash signatures as Uint32Array). */
export function plainFeatures(f: StoryFeatures): StoryFeatures {
  return f.minhash instanceof Uint32Array ? { ...f, minhash: Array.from(f.minhash) } : f;
}
