import type { StoryFeatures } from "./story-features.js";

/** Terms and anchors kept in a story's centroid (the heaviest). */
export const CENTROID_TERMS = 120;
/** Anchors kept in a story's centroid. */
export const CENTROID_ANCHORS = 80;

/**
 * The pooled fingerprint of a story's members: term weights summed over members, and anchor weights summed over
 * members. It gathers the vocabulary of every language the story was reported in (a summary of the story: its
 * heaviest terms and anchors); clustering itself compares articles (see StoryIndex.consolidate).
 */
export interface StoryCentroid {
  size: number;
  terms: Record<string, number>;
  anchors: Record<string, number>;
  firstDay: number | null;
  lastDay: number | null;
  year: number | null;
}

/** An empty centroid. */
export function emptyCentroid(): StoryCentroid {
  return { size: 0, terms: {}, anchors: {}, firstDay: null, lastDay: null, year: null };
}

/** Keeps the heaviest `keep` entries once the record has grown half as large again (sorting on every add would cost). */
function prune(rec: Record<string, number>, keep: number): Record<string, number> {
  const entries = Object.entries(rec);
  if (entries.length <= keep * 1.5) return rec;
  return Object.fromEntries(entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, keep));
}

/** Adds a member to a centroid (mutates and returns it). */
export function addToCentroid(c: StoryCentroid, f: StoryFeatures): StoryCentroid {
  c.size++;
  for (const [t, n] of Object.entries(f.terms)) c.terms[t] = (c.terms[t] ?? 0) + 1 + Math.log(n);
  for (const [a, w] of Object.entries(f.anchors)) c.anchors[a] = (c.anchors[a] ?? 0) + w;
  c.terms = prune(c.terms, CENTROID_TERMS);
  c.anchors = prune(c.anchors, CENTROID_ANCHORS);
  if (f.day !== null) {
    if (c.firstDay === null || f.day < c.firstDay) c.firstDay = f.day;
    if (c.lastDay === null || f.day > c.lastDay) c.lastDay = f.day;
  }
  if (c.year === null) c.year = f.year;
  return c;
}
