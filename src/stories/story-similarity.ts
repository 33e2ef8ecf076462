import { minhashJaccard } from "./minhash.js";
import type { StoryFeatures } from "./story-features.js";

/** Document frequencies the similarity weighs keys by (terms are keyed "t:<stem>", anchors as they are). */
export interface KeyStats {
  /** Documents seen. */
  readonly n: number;
  /** Documents holding the key (0 when unseen). */
  df(key: string): number;
}

/** The parts of a similarity, kept for explanations and relation kinds. */
export interface Similarity {
  /** 0..1, the story-level decision score. */
  readonly score: number;
  /** tf-idf cosine of prefix-stem terms (meaningful within a script). */
  readonly text: number;
  /** idf-weighted cosine of cross-lingual anchors. */
  readonly anchors: number;
  /** MinHash estimate of word 4-shingle Jaccard. */
  readonly jaccard: number;
  /** 1 when the dates agree or are unknown, lower as the publication days or years drift apart. */
  readonly dateFactor: number;
  /** Order-preserving overlap of the two number sequences, 0..1. */
  readonly numberOrder: number;
}

/** Inverse document frequency, smoothed so a key seen everywhere still weighs a little. */
export function idf(stats: KeyStats, key: string): number {
  const df = Math.max(1, stats.df(key));
  return Math.log(1 + (stats.n + 1) / df);
}

function termCosine(a: StoryFeatures, b: StoryFeatures, stats: KeyStats): number {
  let dot = 0, na = 0, nb = 0;
  const w = (c: number, t: string) => (1 + Math.log(c)) * idf(stats, "t:" + t);
  for (const [t, c] of Object.entries(a.terms)) {
    const wa = w(c, t);
    na += wa * wa;
    const cb = b.terms[t];
    if (cb) dot += wa * w(cb, t);
  }
  for (const [t, c] of Object.entries(b.terms)) {
    const wb = w(c, t);
    nb += wb * wb;
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

function anchorCosine(a: StoryFeatures, b: StoryFeatures, stats: KeyStats): number {
  let dot = 0, na = 0, nb = 0;
  for (const [k, wa] of Object.entries(a.anchors)) {
    const i = idf(stats, k);
    na += (wa * i) ** 2;
    const wb = b.anchors[k];
    if (wb) dot += wa * wb * i * i;
  }
  for (const [k, wb] of Object.entries(b.anchors)) nb += (wb * idf(stats, k)) ** 2;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Longest common subsequence of two number lists over the longer length: translations keep figures in order. */
export function numberOrder(a: readonly number[], b: readonly number[]): number {
  const x = a.slice(0, 60), y = b.slice(0, 60);
  if (!x.length || !y.length) return 0;
  let prev = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    const cur = new Array<number>(y.length + 1).fill(0);
    for (let j = 1; j <= y.length; j++) cur[j] = x[i - 1] === y[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], cur[j - 1]);
    prev = cur;
  }
  return prev[y.length] / Math.max(x.length, y.length);
}

/**
 * The date multiplier for a gap in days: reports of one event cluster within a day or two; the same actors
 * three days later are usually a new event (the attack, the group's reaction, the retaliation).
 */
export function gapFactor(gap: number): number {
  const G = (process.env.GAPS ?? "1,0.95,0.8,0.65,0.5,0.5").split(",").map(Number);
  return gap < G.length ? G[gap] : gap <= 14 ? 0.4 : gap <= 60 ? 0.3 : 0.15;
}

/** How far apart two articles are in time, as a multiplier: same days 1, weeks apart ~0.35, other years 0.15. */
export function dateFactor(a: StoryFeatures, b: StoryFeatures): number {
  if (a.day !== null && b.day !== null) {
    const gap = Math.abs(a.day - b.day);
    return gapFactor(gap);
  }
  if (a.year !== null && b.year !== null && a.year !== b.year) return 0.3;
  return 1;
}

/** Weight of text against anchors in the blend, and the boost of cross-language pairs (whose wording differs). */
export const SIMILARITY_WEIGHTS = { text: 0.8, crossLanguage: 1.75 };

/**
 * Blends text and anchor cosines into one 0..1 score: a weighted sum, boosted across languages (their wording
 * cannot match), then a square root, which spreads the low cosines the way human ratings spread.
 */
export function blendSimilarity(text: number, anchors: number, crossLanguage: boolean): number {
  const w = SIMILARITY_WEIGHTS.text;
  const lin = (w * text + (1 - w) * anchors) * (crossLanguage ? SIMILARITY_WEIGHTS.crossLanguage : 1);
  return Math.sqrt(Math.min(1, lin));
}

/**
 * Story similarity of two articles, in any languages: text and anchor evidence blended, scaled by date agreement.
 * The same function scores the SemEval benchmark.
 */
export function storySimilarity(a: StoryFeatures, b: StoryFeatures, stats: KeyStats): Similarity {
  const text = termCosine(a, b, stats);
  const anchors = anchorCosine(a, b, stats);
  const jaccard = a.lang === b.lang ? minhashJaccard(a.minhash, b.minhash) : 0;
  const df = dateFactor(a, b);
  const order = numberOrder(a.numbers, b.numbers);
  const base = Math.max(jaccard, blendSimilarity(text, anchors, a.lang !== b.lang));
  return { score: Math.min(1, base * df), text, anchors, jaccard, dateFactor: df, numberOrder: order };
}
