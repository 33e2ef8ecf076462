import { wordTableGeneration } from "../../kb/word-table.js";
import { objectList } from "../../core/object-list.js";

/** A multi-word phrase found in a text by its words. */
export interface PhraseHit<T> {
  readonly start: number;
  readonly end: number;
  /** The matched text, without a clitic prefix. */
  readonly text: string;
  readonly value: T;
}

/** The words of a text, in parallel arrays: word i spans [s[i], e[i]) and folds to w[i] (lower case, ’ → '). */
export interface Words {
  readonly n: number;
  readonly s: readonly number[];
  readonly e: readonly number[];
  readonly w: readonly string[];
  /** sieveKey of each folded word, worked out once for every sieve to read (absent: worked out as needed). */
  readonly k?: readonly number[];
}

const WORD = /[\p{L}\p{N}\p{M}’']+/gu;
// letters that may change under toLowerCase: A-Z, Latin-1 capitals, anything past Latin-1 but Arabic; and ’
const NEEDS_FOLD = /[A-Z\u00c0-\u00de\u0100-\u05ff\u0700-\uffff]/;
/** Lower case, ’ → '. Returns `w` itself when nothing changes (most words: lower-case Latin, Arabic). */
function fold(w: string): string {
  return NEEDS_FOLD.test(w) ? slowFold(w) : w;
}
function slowFold(w: string): string {
  const l = w.toLowerCase();
  return l.includes("’") ? l.replace(/’/g, "'") : l;
}
/** True when text[a, b) is one or more spaces or hyphens (as /^[\s‐‑-]+$/ on the slice). */
function isSep(text: string, a: number, b: number): boolean {
  if (b <= a) return false;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 45 || c === 0x2010 || c === 0x2011) continue;
    if (!WS.test(text[i])) return false;
  }
  return true;
}
const WS = /^\s$/;

/** Splits a text into words once (hyphens separate words: "a-t-il" is a, t, il), for every PhraseIndex to share. */
export function tokenizeWords(text: string): Words {
  const ss: number[] = [];
  const es: number[] = [];
  const w: string[] = [];
  const k: number[] = [];
  const re = new RegExp(WORD.source, WORD.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let x = m[0];
    // a trailing apostrophe is punctuation, not part of the word
    while (x.length > 1 && (x.endsWith("'") || x.endsWith("’"))) x = x.slice(0, -1);
    ss.push(m.index);
    es.push(m.index + x.length);
    const f = fold(x);
    w.push(f);
    k.push(sieveKey(f));
  }
  return { n: w.length, s: ss, e: es, w, k };
}

const HYPHEN = /[-‐‑]/;
const HYPHEN_OR_FOLD = /[-‐‑A-Z\u00c0-\u00de\u0100-\u05ff\u0700-\uffff]/;
const PIECE = /[^-‐‑]+/g;

// Per word-table id (word-table.ts), of generation FOLD_GENERATION: the word folded when it is one word of Words (no
// hyphen), else null, and its sieve key. Words recur from article to article: each is tested, folded and hashed once.
let FOLDED: (string | null | undefined)[] = [];
let FOLD_KEY = new Int32Array(0);
let FOLD_GENERATION = -1;

/** The fold of word `id` (null when a hyphen splits it), its sieve key in FOLD_KEY[id]. */
function foldOfId(id: number, raw: string): string | null {
  if (id >= FOLDED.length) {
    const n = Math.max(id + 1, 2 * FOLDED.length, 4096);
    const keys = new Int32Array(n);
    keys.set(FOLD_KEY);
    FOLD_KEY = keys;
    for (let k = FOLDED.length; k < n; k++) FOLDED.push(undefined);
  }
  let f = FOLDED[id];
  if (f === undefined) {
    f = HYPHEN.test(raw) ? null : fold(raw);
    if (f !== null) FOLD_KEY[id] = sieveKey(f);
    FOLDED[id] = f;
  }
  return f;
}

/**
 * The words of a Doc's tokens (the segment stage's words), for every PhraseIndex to share; `text` is the text the
 * tokens are slices of (their sieve keys are read from it). With `ids`, the tokens' word-table ids (tokenWordIds), a
 * word's fold and key are those remembered for its id.
 */
export function wordsOfTokens(tokens: readonly { start: number; end: number; text: string; isWord: boolean }[], text?: string, ids?: Int32Array | null): Words {
  if (ids) return wordsOfIds(tokens, ids, wordArrays(tokens.length), false);
  const a = wordArrays(tokens.length);
  let j = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t.isWord) continue;
    // most words are plain lower case: one test, nothing to fold or split (a regex test reads a token, a slice of the
    // text, faster than a loop over its character codes: measured)
    const plain = !HYPHEN_OR_FOLD.test(t.text);
    if (plain || !HYPHEN.test(t.text)) {
      const f = plain ? t.text : slowFold(t.text);
      // (a plain word's key read from the text itself: the token's string is a slice of it, slower to read)
      j = pushWord(a, j, t.start, t.end, f, plain && text !== undefined && t.end - t.start === f.length ? sieveKeyAt(text, t.start, t.end) : sieveKey(f));
      continue;
    }
    j = pushPieces(t, j, a);
  }
  return wordsOf(a, j);
}

/** The four parallel arrays of Words while they are filled. */
interface WordArrays {
  readonly s: number[];
  readonly e: number[];
  readonly w: string[];
  readonly k: number[];
}

/** Word arrays sized once for one word a token (a hyphenated token may add more: the arrays then grow). */
function wordArrays(n: number): WordArrays {
  return { s: new Array<number>(n), e: new Array<number>(n), w: new Array<string>(n), k: new Array<number>(n) };
}

/** Writes one word at index j; gives the next free index. */
function pushWord(a: WordArrays, j: number, start: number, end: number, folded: string, key: number): number {
  a.s[j] = start;
  a.e[j] = end;
  a.k[j] = key;
  a.w[j] = folded;
  return j + 1;
}

/** The Words of the first n words written. */
function wordsOf(a: WordArrays, n: number): Words {
  a.s.length = a.e.length = a.w.length = a.k.length = n;
  return { n, s: a.s, e: a.e, w: a.w, k: a.k };
}

/**
 * The hyphen-separated pieces of a token ("a-t-il", "al-Akhbar": hyphens separate words here, as in tokenizeWords),
 * folded, written from index j; gives the next free index.
 */
function pushPieces(t: { start: number; text: string }, j: number, a: WordArrays): number {
  PIECE.lastIndex = 0;
  for (let m = PIECE.exec(t.text); m; m = PIECE.exec(t.text)) {
    const f = fold(m[0]);
    j = pushWord(a, j, t.start + m.index, t.start + m.index + m[0].length, f, sieveKey(f));
  }
  return j;
}

// The arrays that scratchWordsOfTokens writes, article after article.
const SCRATCH: WordArrays = { s: [], e: [], w: [], k: [] };

/**
 * wordsOfTokens with word ids, written into arrays shared from call to call (the four arrays were the stage's largest
 * allocation, ~8.7 KB an article): the Words given are valid until the next call, and their arrays may run on past
 * `n` (every reader stops at `n`). For a caller that drops them before it calls again: the quotes stage's run.
 */
export function scratchWordsOfTokens(tokens: readonly { start: number; end: number; text: string; isWord: boolean }[], text: string, ids: Int32Array | null): Words {
  return ids ? wordsOfIds(tokens, ids, SCRATCH, true) : wordsOfTokens(tokens, text, ids);
}

/** wordsOfTokens by the tokens' word ids: the same words, folds and keys, written into `a` (kept at its length when `keep`). */
function wordsOfIds(tokens: readonly { start: number; end: number; text: string; isWord: boolean }[], ids: Int32Array, a: WordArrays, keep: boolean): Words {
  if (FOLD_GENERATION !== wordTableGeneration()) {
    FOLDED = [];
    FOLD_KEY = new Int32Array(0);
    PIECES = [];
    FOLD_GENERATION = wordTableGeneration();
  }
  let j = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    if (!t.isWord) continue;
    const id = ids[k];
    const f = foldOfId(id, t.text);
    if (f !== null) {
      j = pushWord(a, j, t.start, t.end, f, FOLD_KEY[id]);
      continue;
    }
    const ps = piecesOfId(id, t.text);
    for (let q = 0; q < ps.f.length; q++) j = pushWord(a, j, t.start + ps.at[q], t.start + ps.at[q] + ps.len[q], ps.f[q], ps.k[q]);
  }
  return keep ? { n: j, s: a.s, e: a.e, w: a.w, k: a.k } : wordsOf(a, j);
}

/** The hyphen-separated pieces of a word (pushPieces' words, at offsets into the word). */
interface Pieces {
  readonly at: number[];
  readonly len: number[];
  readonly f: string[];
  readonly k: number[];
}
// Per word-table id of a hyphenated word ("al-Sudani", "a-t-il"), of generation FOLD_GENERATION: its pieces, split,
// folded and keyed once (they recur from article to article; the split was a regex exec per piece).
let PIECES: (Pieces | undefined)[] = [];

function piecesOfId(id: number, raw: string): Pieces {
  if (id >= PIECES.length) for (let k = PIECES.length; k <= id; k++) PIECES.push(undefined);
  let ps = PIECES[id];
  if (ps === undefined) {
    ps = { at: [], len: [], f: [], k: [] };
    PIECE.lastIndex = 0;
    for (let m = PIECE.exec(raw); m; m = PIECE.exec(raw)) {
      const f = fold(m[0]);
      ps.at.push(m.index);
      ps.len.push(m[0].length);
      ps.f.push(f);
      ps.k.push(sieveKey(f));
    }
    PIECES[id] = ps;
  }
  return ps;
}

/** A phrase of the index: its folded words, its value, and its place in its first word's longest-first list. */
interface Entry<T> {
  readonly words: string[];
  readonly value: T;
  readonly rank: number;
}

/** The phrases that share a first word, longest first, split by their second word so that few are compared. */
interface Group<T> {
  readonly singles: Entry<T>[];
  readonly bySecond: Map<string, Entry<T>[]>;
  /** Phrases whose second word is "ل" (it matches any word that starts with ل). */
  readonly lam: Entry<T>[];
}

type Best<T> = { n: number; cut: number; value: T; end: number } | null;

const SIEVE_BITS = 16;
/** A hash of a word from its length and three of its characters, for the sieve (no string hash to compute). */
export function sieveKey(w: string): number {
  return sieveKeyAt(w, 0, w.length);
}
/** sieveKey(s.slice(a, b)), without the slice. */
function sieveKeyAt(s: string, a: number, b: number): number {
  const n = b - a;
  return (Math.imul(s.charCodeAt(a), 0x9e3779b1) ^ Math.imul(s.charCodeAt(b - 1), 0x85ebca6b) ^ Math.imul(s.charCodeAt(a + (n >> 1)), 0xc2b2ae35) ^ n) >>> (32 - SIEVE_BITS);
}

/**
 * A set of words that answers "surely not in it" for most other words from their length and three characters, without
 * the string hash and probe of a Map look-up; "maybe" still needs the look-up.
 */
export class WordSieve {
  /** Bit k is set when a word of sieveKey k was added (read directly by hot loops). */
  readonly bits = new Uint32Array(1 << (SIEVE_BITS - 5));
  add(w: string): void {
    const k = sieveKey(w);
    this.bits[k >>> 5] |= 1 << (k & 31);
  }
  mayHave(w: string): boolean {
    return this.mayHaveKey(sieveKey(w));
  }
  /** mayHave of a word by its sieveKey (Words.k). */
  mayHaveKey(k: number): boolean {
    return (this.bits[k >>> 5] & (1 << (k & 31))) !== 0;
  }
}

/**
 * Finds phrases by their words rather than by one big alternation: each text word is looked up by its first word,
 * then the following words are compared (spaces or hyphens between them). A phrase word "ل" matches a word that
 * starts with it (Arabic "وفقاً للبيان"). `prefixes` are clitics glued to the first word (Arabic و ف, French l').
 */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, Group<T>>();

  /** Clitics glued to the first word, in an array of one shape whether empty or not (see objectList). */
  private readonly prefixes: readonly string[];

  /**
   * Every word that may start a phrase: a first word, or a prefix glued to one. A text word the sieve has not starts
   * none, and is passed over without the Map look-ups (most words of a text).
   */
  private readonly sieve = new WordSieve();

  constructor(entries: readonly { phrase: string; value: T }[], prefixes: readonly string[] = []) {
    const ps = ["" as string];
    ps.length = 0;
    for (const p of prefixes) ps.push(p);
    this.prefixes = ps;
    const lists = new Map<string, { words: string[]; value: T }[]>();
    for (const e of entries) {
      const words = e.phrase.split(/[\s‐‑-]+/).map(fold).filter(Boolean);
      if (!words.length) continue;
      const list = lists.get(words[0]) ?? [];
      list.push({ words, value: e.value });
      lists.set(words[0], list);
    }
    for (const [first, list] of lists) {
      list.sort((a, b) => b.words.length - a.words.length);
      const g: Group<T> = { singles: [], bySecond: new Map(), lam: [] };
      list.forEach((x, rank) => {
        const entry: Entry<T> = { words: x.words, value: x.value, rank };
        if (x.words.length === 1) g.singles.push(entry);
        else if (x.words[1] === "ل") g.lam.push(entry);
        else {
          const l = g.bySecond.get(x.words[1]) ?? [];
          l.push(entry);
          g.bySecond.set(x.words[1], l);
        }
      });
      this.byFirst.set(first, g);
      this.sieve.add(first);
      for (const p of ps) this.sieve.add(p + first);
    }
  }

  /** Every phrase in text[start, end), longest first at each word, not overlapping. */
  find(text: string, start = 0, end = text.length, words: Words = tokenizeWords(text)): PhraseHit<T>[] {
    const out = objectList<PhraseHit<T>>();
    const { n, s: ws, w: ww, k: wk } = words;
    const bits = this.sieve.bits;
    let i = 0;
    while (i < n && ws[i] < start) i++;
    for (; i < n && ws[i] < end; i++) {
      const key = wk !== undefined ? wk[i] : sieveKey(ww[i]);
      if ((bits[key >>> 5] & (1 << (key & 31))) === 0) continue;
      const w = ww[i];
      let best: Best<T> = null;
      const direct = this.byFirst.get(w);
      if (direct) best = this.longest(text, words, i, direct, 0, end, best);
      for (const p of this.prefixes) {
        if (w.length > p.length + 1 && w.startsWith(p)) {
          const l = this.byFirst.get(w.slice(p.length));
          if (l) best = this.longest(text, words, i, l, p.length, end, best);
        }
      }
      if (best) {
        const a = ws[i] + best.cut;
        out.push({ start: a, end: best.end, text: text.slice(a, best.end), value: best.value });
        i += best.n - 1;
      }
    }
    return out;
  }

  /**
   * The first phrase of the group, in longest-first order, that matches at word i and is longer than `best`
   * (the phrases whose second word is not the text's next word cannot match, and are not compared).
   */
  private longest(text: string, words: Words, i: number, g: Group<T>, cut: number, end: number, best: Best<T>): Best<T> {
    const floor = best ? best.n : 0;
    let found: Entry<T> | null = null;
    let foundEnd = 0;
    // up to three lists to try: the phrases with the text's next word second, those with "ل" second, one-word phrases
    let list2: Entry<T>[] | undefined;
    let list3: Entry<T>[] | undefined;
    if (i + 1 < words.n) {
      const next = words.w[i + 1];
      list2 = g.bySecond.get(next);
      if (g.lam.length && next.startsWith("ل")) list3 = g.lam;
    }
    for (let l = 0; l < 3; l++) {
      const list = l === 0 ? list2 : l === 1 ? list3 : g.singles;
      if (!list) continue;
      for (const c of list) {
        if (found && c.rank >= found.rank) break;
        if (c.words.length <= floor) continue;
        const e = this.matchEnd(text, words, i, c.words, end);
        if (e >= 0) {
          found = c;
          foundEnd = e;
          break;
        }
      }
    }
    return found ? { n: found.words.length, cut, value: found.value, end: foundEnd } : best;
  }

  /** Where the phrase `pw` ends when it matches at word i (and ends by `end`), else -1. */
  private matchEnd(text: string, words: Words, i: number, pw: readonly string[], end: number): number {
    const { n, s: ws, e: we, w: ww } = words;
    let e = we[i];
    for (let k = 1; k < pw.length; k++) {
      const j = i + k;
      const fw = pw[k];
      if (j >= n || !(ww[j] === fw || (fw === "ل" && ww[j].startsWith("ل"))) || !isSep(text, we[j - 1], ws[j])) return -1;
      e = fw === "ل" ? ws[j] + 1 : we[j];
    }
    return e <= end ? e : -1;
  }
}
