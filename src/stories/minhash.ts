import { fnv1a, mix32 } from "./hash.js";

/** MinHash signature length and LSH banding: 16 bands of 4 rows, an S-curve around Jaccard 0.5. */
export const MINHASH_SIZE = 64;
/** Rows per LSH band. */
export const LSH_ROWS = 4;

const SEEDS = Array.from({ length: MINHASH_SIZE }, (_, i) => mix32(0x9e3779b9 * (i + 1)));

/** Word k-shingles of a token list, hashed to 32 bits: ["a","b","c","d"] with k=3 → 2 hashes. */
export function shingleHashes(tokens: readonly string[], k = 4): number[] {
  const out = new Set<number>();
  if (tokens.length < k) {
    if (tokens.length) out.add(fnv1a(tokens.join(" ")));
    return [...out];
  }
  for (let i = 0; i + k <= tokens.length; i++) out.add(fnv1a(tokens.slice(i, i + k).join(" ")));
  return [...out];
}

/** The MinHash signature of a set of 32-bit hashes (all 0xffffffff when the set is empty). */
export function minhashSignature(hashes: readonly number[]): number[] {
  const sig = new Array<number>(MINHASH_SIZE).fill(0xffffffff);
  for (const h of hashes) {
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const v = mix32(h ^ SEEDS[i]);
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of two signatures: the share of equal positions. */
export function minhashJaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (!a.length || !b.length || a[0] === 0xffffffff || b[0] === 0xffffffff) return 0;
  let eq = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a[i] === b[i]) eq++;
  return eq / MINHASH_SIZE;
}

/** LSH bands of a signature. */
export const LSH_BANDS = MINHASH_SIZE / LSH_ROWS;

/** The hash of each LSH band of a signature (band b at index b; none for an empty text). */
export function lshBandHashes(sig: ArrayLike<number>): number[] {
  if (!sig.length || sig[0] === 0xffffffff) return [];
  const out: number[] = [];
  for (let b = 0; b < LSH_BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < LSH_ROWS; r++) h = mix32(h ^ sig[b * LSH_ROWS + r]);
    out.push(h);
  }
  return out;
}

/** The key of band b with hash h ("b3:1a2b…"). */
export function lshBandKey(b: number, h: number): string {
  return `b${b}:${h.toString(36)}`;
}

/** LSH band keys of a signature ("b3:1a2b…"); two texts sharing a key are near-duplicate candidates. */
export function lshBands(sig: ArrayLike<number>): string[] {
  return lshBandHashes(sig).map((h, b) => lshBandKey(b, h));
}
