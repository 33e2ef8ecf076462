import { minhashJaccard } from "./minhash.js";
import type { StoryFeatures } from "./story-features.js";
import { anchorShare, blendSimilarity, dateFactor, idf, numberOrder, scriptOf, termIdf, type KeyStats, type Similarity } from "./story-similarity.js";

/**
 * Features ready for fast comparison: terms, anchors and lead stems as sorted keys with unit-length tf-idf weights
 * (idf as of preparation). Arrays rather than objects: a million stored articles would not fit as dictionaries.
 */
export interface PreparedFeatures {
  readonly f: StoryFeatures;
  readonly termKeys: readonly string[];
  readonly termUnit: Float32Array;
  readonly anchorKeys: readonly string[];
  readonly anchorUnit: Float32Array;
  /**
   * Norm of the script-neutral part of the unit anchor vector (KB entities, figures, years, days, event signatures):
   * across scripts only those keys can meet, so the cosine is taken over them (an English text's Latin names would
   * otherwise dilute every comparison with an Arabic one).
   */
  readonly neutralNorm: number;
  /** KB-linked entities and event signatures among the anchors (precise evidence; see anchorShare). */
  readonly strong: number;
  /** The lead's stems, sorted, with unit-length idf weights (empty when the features carry no lead). */
  readonly leadKeys: readonly string[];
  readonly leadUnit: Float32Array;
}

/** How many keys are KB entities or event signatures. */
export function strongCount(keys: readonly string[]): number {
  let n = 0;
  for (const k of keys) if ((k.startsWith("e:") && k[2] !== "~") || k.startsWith("v:")) n++;
  return n;
}

/** Anchor keys that read the same in every script: KB ids, figures, years, days, event signatures. */
export function isNeutralKey(k: string): boolean {
  return k.startsWith("e:") ? k[2] !== "~" : k.startsWith("x:") || k.startsWith("y:") || k.startsWith("d:") || k.startsWith("v:");
}

/** Norm of the neutral keys' share of a unit vector. */
export function neutralNormOf(keys: readonly string[], unit: Float32Array): number {
  let s = 0;
  keys.forEach((k, i) => {
    if (isNeutralKey(k)) s += unit[i] * unit[i];
  });
  return Math.sqrt(s);
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
  const l = unitVector((f.lead ?? []).map((k) => [k, termIdf(stats, k)]));
  return { f, termKeys: t.keys, termUnit: t.unit, anchorKeys: a.keys, anchorUnit: a.unit, neutralNorm: neutralNormOf(a.keys, a.unit), strong: strongCount(a.keys), leadKeys: l.keys, leadUnit: l.unit };
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

/**
 * storySimilarity over prepared features: the same score, computed with merge joins. `withOrder: false` skips the
 * figure alignment (only relation kinds read it; clustering compares many pairs).
 */
export function preparedSimilarity(a: PreparedFeatures, b: PreparedFeatures, withOrder = true): Similarity {
  const text = sortedDot(a.termKeys, a.termUnit, b.termKeys, b.termUnit);
  const crossScript = scriptOf(a.f.lang) !== scriptOf(b.f.lang);
  const dot = sortedDot(a.anchorKeys, a.anchorUnit, b.anchorKeys, b.anchorUnit);
  const anchors = crossScript ? (a.neutralNorm && b.neutralNorm ? Math.min(1, dot / (a.neutralNorm * b.neutralNorm)) : 0) : dot;
  const jaccard = a.f.lang === b.f.lang ? minhashJaccard(a.f.minhash, b.f.minhash) : 0;
  const df = dateFactor(a.f, b.f);
  const order = withOrder ? numberOrder(a.f.numbers, b.f.numbers) : 0;
  const share = anchorShare(a.anchorKeys.length, b.anchorKeys.length, a.strong, b.strong);
  // Long word sequences shared beyond what the leads and the anchors share are a page template (a cookie banner, a
  // press office's footer around another headline), not a story: they count against the pair. Copies of one report
  // share their lead and anchors as much as their wording.
  const agree = a.leadKeys.length && b.leadKeys.length ? Math.min(anchors, sortedDot(a.leadKeys, a.leadUnit, b.leadKeys, b.leadUnit)) : anchors;
  const template = jaccard > agree ? 1 - Math.sqrt(jaccard - agree) : 1;
  const base = Math.min(1, blendSimilarity(text, anchors, a.f.lang !== b.f.lang, crossScript, share) * template);
  return { score: Math.min(1, base * df), base, text, anchors, jaccard, dateFactor: df, numberOrder: order };
}
