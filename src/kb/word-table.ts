/**
 * The distinct token strings seen across articles, each with a small number (its id): words recur from article to
 * article, so a token's string is found here by its characters (a hash worked out while scanning, no slice of the text)
 * and shared, its Map hash already computed for every later look-up of any stage. Ids let later passes keep facts of
 * a word in arrays rather than Maps keyed by strings. The table is bounded: when full it starts again (new ids, a new
 * `wordTableGeneration()`); strings handed out stay valid.
 */

/** Words kept before the table starts again. */
const MAX_WORDS = 1 << 16;
/**
 * Open addressing, four Int32 per slot, side by side (one cache line per probe): the word's hash, its id + 1 (0:
 * empty), and where its characters are in POOL and how many. The table starts small and doubles while it fills (at
 * most half full: probes stay short), so its size follows the vocabulary actually met.
 */
let slots = new Int32Array(4 << 12);
let mask = (1 << 12) - 1;
/** The characters of every word, one after the other: compared as numbers of one array, not as strings of any of V8's forms. */
let pool = new Uint16Array(1 << 16);
let poolEnd = 0;
const words: string[] = [];
let generation = 0;

/** Re-inserts every word into a table of `n` slots. */
function rehash(n: number): void {
  const old = slots;
  slots = new Int32Array(4 * n);
  mask = n - 1;
  for (let k = 0; k < old.length; k += 4) {
    if (old[k + 1] === 0) continue;
    let slot = old[k] & mask;
    while (slots[4 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots.set(old.subarray(k, k + 4), 4 * slot);
  }
}

/** Bumped each time the table starts again: ids of an earlier generation name other words. */
export function wordTableGeneration(): number {
  return generation;
}

/** The string of word `id` (of the current generation). */
export function wordString(id: number): string {
  return words[id];
}

/** The hash of text[start, end) that `internWord` expects (FNV-1a over the UTF-16 code units). */
export function spanHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let k = start; k < end; k++) h = Math.imul(h ^ text.charCodeAt(k), 16777619);
  return h;
}

/** The id of the word text[start, end) (with its hash `h` from spanHash), added when new. */
export function internWord(text: string, start: number, end: number, h: number): number {
  const len = end - start;
  let slot = h & mask;
  for (;;) {
    const at = 4 * slot;
    const s = slots[at + 1];
    if (s === 0) break;
    if (slots[at] === h && slots[at + 3] === len) {
      const off = slots[at + 2] - start;
      let k = start;
      while (k < end && pool[off + k] === text.charCodeAt(k)) k++;
      if (k === end) return s - 1;
    }
    slot = (slot + 1) & mask;
  }
  if (words.length >= MAX_WORDS) {
    // start again (a long run meets ever more numbers and rare names)
    slots = new Int32Array(4 << 12);
    mask = (1 << 12) - 1;
    poolEnd = 0;
    words.length = 0;
    generation++;
  }
  if (2 * (words.length + 1) > mask + 1) rehash(2 * (mask + 1));
  if (poolEnd + len > pool.length) {
    const grown = new Uint16Array(2 * (poolEnd + len));
    grown.set(pool.subarray(0, poolEnd));
    pool = grown;
  }
  for (let k = 0; k < len; k++) pool[poolEnd + k] = text.charCodeAt(start + k);
  slot = h & mask;
  while (slots[4 * slot + 1] !== 0) slot = (slot + 1) & mask;
  const id = words.length;
  // a slice of 13 characters or more shares the article's text, which the table would keep alive: keep a copy
  let w = text.slice(start, end);
  if (len >= 13) w = (" " + w).slice(1);
  words.push(w);
  const at = 4 * slot;
  slots[at] = h;
  slots[at + 1] = id + 1;
  slots[at + 2] = poolEnd;
  slots[at + 3] = len;
  poolEnd += len;
  return id;
}
