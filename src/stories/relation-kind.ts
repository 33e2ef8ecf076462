import type { RelationKind } from "../core/corpus.js";
import type { Similarity } from "./story-similarity.js";
import type { StoryFeatures } from "./story-features.js";

/** Thresholds of the relation kinds (exported so tests and docs show them). */
export const RELATION_THRESHOLDS = { copy: 0.6, rewrite: 0.2, rewriteText: 0.55, translationAnchors: 0.3, translationNumbers: 0.3, translationLength: 0.45 };

/**
 * How `a` relates to `b` inside one story: a translation (other language, the same anchors and figures in the
 * same order, similar length), a copy (same language, near-identical shingles), a rewrite (same language,
 * much shared wording), else an independent report of the same event.
 */
export function relationKind(a: StoryFeatures, b: StoryFeatures, sim: Similarity): RelationKind {
  const T = RELATION_THRESHOLDS;
  if (a.lang !== b.lang && a.lang !== "und" && b.lang !== "und") {
    const len = Math.min(a.words, b.words) / Math.max(1, a.words, b.words);
    // A translation keeps the figures: none on either side is no evidence; figures on one side only rule it out.
    const [na, nb] = [a.numbers.length, b.numbers.length];
    const figures = na + nb === 0 ? T.translationNumbers : Math.min(na, nb) === 0 ? 0 : sim.numberOrder;
    if (len >= T.translationLength && sim.anchors >= T.translationAnchors && figures >= T.translationNumbers) return "translation";
    return "same-event";
  }
  if (sim.jaccard >= T.copy) return "copy";
  if (sim.jaccard >= T.rewrite || sim.text >= T.rewriteText) return "rewrite";
  return "same-event";
}
