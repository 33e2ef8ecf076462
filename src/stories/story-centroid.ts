import type { StoryFeatures } from "./story-features.js";
import { blendSimilarity, gapFactor, idf, termIdf, type KeyStats } from "./story-similarity.js";

/** Terms and anchors kept in a story's centroid (the heaviest). */
export const CENTROID_TERMS = 120;
/** Anchors kept in a story's centroid. */
export const CENTROID_ANCHORS = 80;

/**
 * The pooled fingerprint of a story's members: term weights summed over members, and for each anchor the number
 * of members holding it. It gathers the vocabulary of every language the story was reported in, so an Arabic
 * article can meet an English story through its earlier Arabic members and the shared anchors.
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

/** Pools `b` into `a` (mutates and returns a): the centroid of a merged story. */
export function mergeCentroids(a: StoryCentroid, b: StoryCentroid): StoryCentroid {
  a.size += b.size;
  for (const [t, n] of Object.entries(b.terms)) a.terms[t] = (a.terms[t] ?? 0) + n;
  for (const [k, n] of Object.entries(b.anchors)) a.anchors[k] = (a.anchors[k] ?? 0) + n;
  a.terms = prune(a.terms, CENTROID_TERMS);
  a.anchors = prune(a.anchors, CENTROID_ANCHORS);
  for (const d of [b.firstDay, b.lastDay]) {
    if (d === null) continue;
    if (a.firstDay === null || d < a.firstDay) a.firstDay = d;
    if (a.lastDay === null || d > a.lastDay) a.lastDay = d;
  }
  if (a.year === null) a.year = b.year;
  return a;
}

/** Date agreement of an article with a story's span of days (1 inside or near it, lower further away). */
export function centroidDateFactor(f: StoryFeatures, c: StoryCentroid): number {
  if (f.day !== null && c.firstDay !== null && c.lastDay !== null) {
    const gap = f.day < c.firstDay ? c.firstDay - f.day : f.day > c.lastDay ? f.day - c.lastDay : 0;
    return gapFactor(gap);
  }
  if (f.year !== null && c.year !== null && f.year !== c.year) return 0.5;
  return 1;
}

/** Similarity of an article to a story's centroid: tf-idf cosine of terms and anchors, blended (across languages or scripts when the story has no member in the article's), date-scaled. */
export function centroidSimilarity(
  f: StoryFeatures,
  c: StoryCentroid,
  stats: KeyStats,
  opts: { crossLanguage?: boolean; crossScript?: boolean } = {},
): { score: number; text: number; anchors: number } {
  let dot = 0, na = 0, nc = 0;
  for (const [t, n] of Object.entries(f.terms)) {
    const w = termIdf(stats, t);
    const wa = (1 + Math.log(n)) * w;
    na += wa * wa;
    const cn = c.terms[t];
    if (cn) dot += wa * cn * w;
  }
  for (const [t, n] of Object.entries(c.terms)) {
    const w = n * termIdf(stats, t);
    nc += w * w;
  }
  const text = na && nc ? dot / Math.sqrt(na * nc) : 0;
  let adot = 0, aa = 0, ac = 0;
  for (const [k, w] of Object.entries(f.anchors)) aa += (w * idf(stats, k)) ** 2;
  for (const [k, n] of Object.entries(c.anchors)) {
    const i = idf(stats, k);
    const w = i * (n / c.size);
    ac += w * w;
    const fw = f.anchors[k];
    if (fw) adot += w * fw * i;
  }
  const anchors = aa && ac ? adot / Math.sqrt(aa * ac) : 0;
  const blend = blendSimilarity(text, anchors, opts.crossLanguage ?? false, opts.crossScript ?? false);
  return { score: Math.min(1, blend * centroidDateFactor(f, c)), text, anchors };
}

function weightedCosine(a: Record<string, number>, b: Record<string, number>, weight: (k: string) => number): number {
  let dot = 0, na = 0, nb = 0;
  for (const [k, x] of Object.entries(a)) {
    const w = weight(k);
    na += (x * w) ** 2;
    const y = b[k];
    if (y) dot += x * y * w * w;
  }
  for (const [k, y] of Object.entries(b)) nb += (y * weight(k)) ** 2;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Similarity of two stories' centroids: pooled anchors meet across languages far more reliably than single articles. */
export function centroidPairSimilarity(
  a: StoryCentroid,
  b: StoryCentroid,
  stats: KeyStats,
  crossLanguage: boolean,
): { score: number; text: number; anchors: number; dateFactor: number } {
  const text = weightedCosine(a.terms, b.terms, (k) => termIdf(stats, k));
  const anchors = weightedCosine(a.anchors, b.anchors, (k) => idf(stats, k));
  let df = 1;
  if (a.firstDay !== null && b.firstDay !== null && a.lastDay !== null && b.lastDay !== null) {
    const gap = Math.max(0, Math.max(a.firstDay, b.firstDay) - Math.min(a.lastDay, b.lastDay));
    df = gapFactor(gap);
  } else if (a.year !== null && b.year !== null && a.year !== b.year) df = 0.5;
  return { score: Math.min(1, blendSimilarity(text, anchors, crossLanguage) * df), text, anchors, dateFactor: df };
}
