import { minhashJaccard } from "./minhash.js";
import type { StoryFeatures } from "./story-features.js";
import { blendSimilarity, dateFactor, idf, numberOrder, scriptOf, termIdf, type KeyStats, type Similarity } from "./story-similarity.js";

/**
 * Features ready for fast comparison: terms and anchors as sorted keys with unit-length tf-idf weights (idf as of
 * preparation). Arrays rather than objects: a million stored articles would not fit as dictionaries.
 */
export interface PreparedFeatures {
  readonly f: StoryFeatures;
  readonly termKeys: readonly string[];
  readonly termUnit: Float32Array;
  readonly anchorKeys: readonly string[];
  readonly anchorUnit: Float32Array;
}

function unitVector(entries: [string, number][]): { keys: string[]; unit: Float32Array } {
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let norm = 0;
  for (const [, w] of entries) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  return { keys: entries.map((e) => e[0]), unit: Float32Array.from(entries, (e) => e[1] / norm) };
}

/** Weighs a document's terms and anchors by the current statistics, sorted for merge-join dot products. */
export function prepareFeatures(f: StoryFeatures, stats: KeyStats): PreparedFeatures {
  const t = unitVector(Object.entries(f.terms).map(([k, c]) => [k, (1 + Math.log(c)) * termIdf(stats, k)]));
  const a = unitVector(Object.entries(f.anchors).map(([k, w]) => [k, w * idf(stats, k)]));
  return { f, termKeys: t.keys, termUnit: t.unit, anchorKeys: a.keys, anchorUnit: a.unit };
}

/** Dot product of two sorted sparse vectors. */
function sortedDot(ak: readonly string[], av: Float32Array, bk: readonly string[], bv: Float32Array): number {
  let i = 0, j = 0, dot = 0;
  while (i < ak.length && j < bk.length) {
    const x = ak[i], y = bk[j];
    if (x === y) dot += av[i++] * bv[j++];
    else if (x < y) i++;
    else j++;
  }
  return dot;
}

/** storySimilarity over prepared features: the same score, computed with merge joins. */
export function preparedSimilarity(a: PreparedFeatures, b: PreparedFeatures): Similarity {
  const text = sortedDot(a.termKeys, a.termUnit, b.termKeys, b.termUnit);
  const anchors = sortedDot(a.anchorKeys, a.anchorUnit, b.anchorKeys, b.anchorUnit);
  const jaccard = a.f.lang === b.f.lang ? minhashJaccard(a.f.minhash, b.f.minhash) : 0;
  const df = dateFactor(a.f, b.f);
  const order = numberOrder(a.f.numbers, b.f.numbers);
  const base = Math.max(jaccard, blendSimilarity(text, anchors, a.f.lang !== b.f.lang, scriptOf(a.f.lang) !== scriptOf(b.f.lang)));
  return { score: Math.min(1, base * df), text, anchors, jaccard, dateFactor: df, numberOrder: order };
}
