import { prepareFeatures, preparedSimilarity } from "./prepared-features.js";
import type { StoryFeatures } from "./story-features.js";

/** Document frequencies the similarity weighs keys by. */
export interface KeyStats {
  /** Documents seen. */
  readonly n: number;
  /** Documents holding an anchor (0 when unseen). */
  df(key: string): number;
  /** Documents holding a term (prefix stem). */
  termDf(stem: string): number;
}

/** The parts of a similarity, kept for explanations and relation kinds. */
export interface Similarity {
  /** 0..1, the story-level decision score. */
  readonly score: number;
  /** The score before the date factor. */
  readonly base: number;
  /** tf-idf cosine of prefix-stem terms (meaningful within a script). */
  readonly text: number;
  /** idf-weighted cosine of cross-lingual anchors (across scripts, over the keys every script shares). */
  readonly anchors: number;
  /** MinHash estimate of word 4-shingle Jaccard. */
  readonly jaccard: number;
  /** 1 when the dates agree or are unknown, lower as the publication days or years drift apart. */
  readonly dateFactor: number;
  /** Order-preserving overlap of the two number sequences, 0..1. */
  readonly numberOrder: number;
}

const NON_LATIN: Record<string, string> = { ar: "arab", fa: "arab", ur: "arab", ps: "arab", ku: "arab", he: "hebr", ru: "cyrl", uk: "cyrl", bg: "cyrl", el: "grek", zh: "han", ja: "han", ko: "hang" };

/** The script a language is written in, coarsely ("latn" unless known otherwise). */
export function scriptOf(lang: string): string {
  return NON_LATIN[lang] ?? "latn";
}

/** Inverse document frequency of an anchor, smoothed so a key seen everywhere still weighs a little. */
export function idf(stats: KeyStats, key: string): number {
  return Math.log(1 + (stats.n + 1) / Math.max(1, stats.df(key)));
}

/** Inverse document frequency of a term. */
export function termIdf(stats: KeyStats, stem: string): number {
  return Math.log(1 + (stats.n + 1) / Math.max(1, stats.termDf(stem)));
}

/**
 * Longest common subsequence of two number lists over the shorter length: translations keep figures in order (a
 * translator may add a date or spell a figure out, so the longer list may hold more).
 */
export function numberOrder(a: readonly number[], b: readonly number[]): number {
  const x = a.slice(0, 60), y = b.slice(0, 60);
  if (!x.length || !y.length) return 0;
  let prev = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const cur = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++) cur[j] = x[i - 1] === y[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    prev = cur;
  }
  return prev[y.length] / Math.min(x.length, y.length);
}

const GAP_FACTORS = [1, 1, 0.9, 0.8, 0.7, 0.6];

/**
 * The date multiplier for a gap in days: reports of one event cluster within a day or two; the same actors
 * three days later are usually a new event (the attack, the group's reaction, the retaliation).
 */
export function gapFactor(gap: number): number {
  return gap < GAP_FACTORS.length ? GAP_FACTORS[gap] : gap <= 14 ? 0.6 : gap <= 60 ? 0.5 : 0.4;
}

/** Days between two spans of days (0 when they overlap). */
export function spanGap(a: readonly [number, number], b: readonly [number, number]): number {
  return Math.max(0, Math.max(a[0], b[0]) - Math.min(a[1], b[1]));
}

/**
 * How far apart two articles are in time, as a multiplier: same days 1, a week apart 0.6, other years 0.4-0.5; a date
 * known only to the month or year covers its days ("2023-11" is a month away from "2023-12-31"). An estimated date
 * (from the events a text recalls) can be far off, so it never costs more than estimateFloor.
 */
export function dateFactor(a: StoryFeatures, b: StoryFeatures): number {
  const sa = a.span ?? (a.day !== null ? [a.day, a.day] : null), sb = b.span ?? (b.day !== null ? [b.day, b.day] : null);
  if (sa && sb) {
    const g = gapFactor(spanGap(sa, sb));
    return a.dayEstimated || b.dayEstimated ? Math.max(SIMILARITY_WEIGHTS.estimateFloor, g) : g;
  }
  if (a.year !== null && b.year !== null && a.year !== b.year) return 0.5;
  return 1;
}

/**
 * Weight of text against anchors in the blend, and the boost of cross-language pairs (whose wording differs);
 * how far the anchors' share grows with KB-linked evidence (anchorsMax, reached at strongFull KB entities and event
 * signatures) and shrinks with few anchors (below anchorsFull); the least an estimated day's gap costs.
 */
export const SIMILARITY_WEIGHTS = { text: 0.8, crossLanguage: 1.75, crossScript: 0.5, anchorsMax: 0.5, strongFull: 10, anchorsFull: 20, estimateFloor: 0.8 };

/**
 * The anchors' share of the blend for two articles. KB entities and event signatures are precise evidence, so the
 * more both articles have, the more the anchors decide (up to anchorsMax): conflict reports rich in known actors
 * and places lean on them; general news outside the KB's domain falls back on wording. A few anchors make a noisy
 * cosine, so articles with fewer than anchorsFull lean on wording too.
 */
export function anchorShare(anchorsA: number, anchorsB: number, strongA: number, strongB: number): number {
  const W = SIMILARITY_WEIGHTS;
  const base = 1 - W.text;
  const w = base + (W.anchorsMax - base) * Math.min(1, Math.min(strongA, strongB) / W.strongFull);
  return w * Math.min(1, Math.min(anchorsA, anchorsB) / W.anchorsFull);
}

/**
 * Blends text and anchor cosines into one 0..1 score: a weighted sum (`share` is the anchors' weight, see
 * anchorShare), boosted across languages (their wording cannot match), then a square root, which spreads the low
 * cosines the way human ratings spread. Across scripts (Arabic and English) the text cosine holds only digits, so
 * the anchors alone decide.
 */
export function blendSimilarity(text: number, anchors: number, crossLanguage: boolean, crossScript = false, share = 1 - SIMILARITY_WEIGHTS.text): number {
  if (crossScript) return Math.sqrt(Math.min(1, anchors * SIMILARITY_WEIGHTS.crossScript));
  const lin = ((1 - share) * text + share * anchors) * (crossLanguage ? SIMILARITY_WEIGHTS.crossLanguage : 1);
  return Math.sqrt(Math.min(1, lin));
}

/**
 * Story similarity of two articles, in any languages: text and anchor evidence blended, discounted for a shared page
 * template, scaled by date agreement. The same function scores the SemEval benchmark; clustering decisions put it on
 * one scale across language pairs first (calibratedScore).
 */
export function storySimilarity(a: StoryFeatures, b: StoryFeatures, stats: KeyStats): Similarity {
  return preparedSimilarity(prepareFeatures(a, stats), prepareFeatures(b, stats));
}
