/**
 * The distinct token strings seen across articles, each with a small number (its id): words recur from article to
 * article, so a token's string is found here by its characters (a hash worked out while scanning, no slice of the text)
 * and shared, its Map hash already computed for every later look-up of any stage. Ids let later passes keep facts of
 * a word in arrays rather than Maps keyed by strings. The table is bounded: when full it starts again (new ids, a new
 * `wordTableGeneration()`); strings handed out stay valid.
 */

/** Words kept before the table starts again (at most 1 << 16: `pool` holds an id in 16 bits). */
const MAX_WORDS = 1 << 16;
/**
 * Open addressing, two Int32 per slot side by side: the word's hash and where its characters start in `pool` (0:
 * empty). The table starts small and doubles while it fills (at most half full: probes stay short), so its size (8
 * bytes a slot) follows the vocabulary actually met: a probe is a random read, the smaller the table the likelier it
 * is in cache.
 */
let slots = new Int32Array(2 << 12);
let mask = (1 << 12) - 1;
/**
 * Every word one after the other, as its id, its length (low and high 16 bits) and its characters, the characters
 * starting at the position its slot holds: compared as numbers of one array, not as strings of any of V8's forms, and
 * id and length read from the line of the characters (a look-up reads the slot and that line, no third array).
 */
let pool = new Uint16Array(1 << 16);
/** The end of the words in `pool`. */
let poolEnd = 0;
/** Units before a word's characters in `pool`: id, length low, length high. */
const HEAD = 3;
const words: string[] = [];
let generation = 0;

/** Re-inserts every word into a table of `n` slots. */
function rehash(n: number): void {
  const old = slots;
  slots = new Int32Array(2 * n);
  mask = n - 1;
  for (let k = 0; k < old.length; k += 2) {
    if (old[k + 1] === 0) continue;
    let slot = old[k] & mask;
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = old[k];
    slots[2 * slot + 1] = old[k + 1];
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

/**
 * The id of the word text[start, end) (with its hash `h` from spanHash) when the table has it, else -1; adds nothing
 * (so starts no new generation: a reader of a segmentation's ids may look words up while those ids are valid).
 */
export function findWord(text: string, start: number, end: number, h: number): number {
  const len = end - start;
  let slot = h & mask;
  for (;;) {
    const from = slots[2 * slot + 1];
    if (from === 0) return -1;
    if (slots[2 * slot] === h && pool[from - 2] + pool[from - 1] * 0x10000 === len) {
      const off = from - start;
      let k = start;
      while (k < end && pool[off + k] === text.charCodeAt(k)) k++;
      if (k === end) return pool[from - 3];
    }
    slot = (slot + 1) & mask;
  }
}

/** The id of the word text[start, end) (with its hash `h` from spanHash), added when new. */
export function internWord(text: string, start: number, end: number, h: number): number {
  const len = end - start;
  const found = findWord(text, start, end, h);
  if (found >= 0) return found;
  if (words.length >= MAX_WORDS) {
    // start again (a long run meets ever more numbers and rare names)
    slots = new Int32Array(2 << 12);
    mask = (1 << 12) - 1;
    words.length = 0;
    poolEnd = 0;
    generation++;
  }
  if (2 * (words.length + 1) > mask + 1) rehash(2 * (mask + 1));
  const id = words.length;
  const from = poolEnd + HEAD;
  let slot = h & mask;
  if (from + len > pool.length) {
    const grown = new Uint16Array(2 * (from + len));
    grown.set(pool.subarray(0, poolEnd));
    pool = grown;
  }
  pool[from - 3] = id;
  pool[from - 2] = len & 0xffff;
  pool[from - 1] = len >>> 16;
  for (let k = 0; k < len; k++) pool[from + k] = text.charCodeAt(start + k);
  poolEnd = from + len;
  while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
  // a slice of 13 characters or more shares the article's text, which the table would keep alive: keep a copy
  let w = text.slice(start, end);
  if (len >= 13) w = (" " + w).slice(1);
  words.push(w);
  slots[2 * slot] = h;
  slots[2 * slot + 1] = from;
  return id;
}
