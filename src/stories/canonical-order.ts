import type { StoryFeatures } from "./story-features.js";

/** Canonical order of documents: publication day (undated last), then content id; never the order they arrived in. */
export function canonicalOrder(a: { id: string; day: number | null }, b: { id: string; day: number | null }): number {
  if (a.day !== b.day) {
    if (a.day === null) return 1;
    if (b.day === null) return -1;
    return a.day - b.day;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** True when an article's publication day is its own (not an estimate). */
export function firmDay(f: StoryFeatures): boolean {
  return f.day !== null && !f.dayEstimated;
}
