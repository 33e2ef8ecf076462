import { scriptOf } from "./story-similarity.js";

/** How far apart two articles' languages are: the same language, another language of the same script, another script. */
export type PairKind = "same" | "cross-language" | "cross-script";

/** The kind of a pair of languages ("und" counts as a language of its own). */
export function pairKind(a: string, b: string): PairKind {
  if (a === b) return "same";
  return scriptOf(a) === scriptOf(b) ? "cross-language" : "cross-script";
}

/** What a same-story pair of each kind typically scores, relative to a same-language pair (see calibratedScore). */
export interface PairScales {
  readonly crossLanguageScale: number;
  readonly crossScriptScale: number;
}

/**
 * A similarity on one scale for every pair kind, for clustering decisions: a report in another language shares no
 * wording and one in another script shares only entity ids, figures, dates and event signatures, so the same story
 * scores lower across languages (about 3/4 of a same-language pair's score) and lower still across scripts (about
 * 1/2); dividing by that share lets one threshold decide for all three. storySimilarity itself stays uncalibrated:
 * it is the graded similarity a reader would give (the SemEval benchmark), not a decision.
 */
export function calibratedScore(score: number, langA: string, langB: string, scales: PairScales): number {
  const kind = pairKind(langA, langB);
  return kind === "same" ? score : score / (kind === "cross-language" ? scales.crossLanguageScale : scales.crossScriptScale);
}
