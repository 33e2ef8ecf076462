import { isSpace } from "../core/is-space.js";
import { objectList } from "../core/object-list.js";
import type { TrieNode } from "./alias-trie.js";
import { arabicTextKeys, isArabic, latinKey } from "./token-keys.js";
import { findWord, spanHash, wordString, wordTableGeneration } from "./word-table.js";

/** A token of text as the name matcher sees it. */
export interface MatchToken {
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  /** Candidate keys, most literal first (Arabic words get one key per clitic reading). */
  readonly keys: readonly string[];
  /** "word", "acronym" (all capitals or dotted: "U.S.", "IRGC") or "punct" (its key is the character). */
  readonly kind: "word" | "acronym" | "punct";
  /** First letter is a capital (always false for Arabic). */
  readonly cap: boolean;
  /** The first character is an ASCII digit (as raw.charCodeAt(0), without reading the string). */
  readonly digit: boolean;
  readonly arabic: boolean;
  /** An article that a name may carry or not: "al-", "el-", and the sun-letter forms "ash-", "ez-", "at-". */
  readonly article: boolean;
  /** A hyphen joins this token to the next one ("al-Kaabi"). */
  readonly hyphenNext: boolean;
  /** A quotation mark or slash right before / right after the token ("العربية/الحدث", «الجزيرة»). */
  readonly quotedBefore: boolean;
  readonly quotedAfter: boolean;
  /** The facts of the word, shared by every token that spells it (and a place for matchers to remember more). */
  readonly word: WordInfo;
  /**
   * The word's id in the word table (word-table.ts, of the generation current when the tokens were read) when the token
   * is a segment token as it stands, else -1: lets a matcher keep what it learns of a word in an array by id, read
   * without visiting the word's object.
   */
  readonly id: number;
}

// French elisions split off a word: "l'Irak", "d'Al-Tanf", "qu'il"
const ELISION = /^(l|d|j|n|m|t|s|c|qu|jusqu|lorsqu|puisqu)['’ʼ`](?=\p{L})/iu;
// English possessive: "Iraq's"
const POSSESSIVE = /['’ʼ`]s$/iu;
const ALWAYS_ARTICLE = new Set(["al", "el"]);
const SUN_ARTICLE = new Set(["ad", "ag", "an", "ar", "as", "ash", "at", "az", "ed", "en", "er", "es", "et", "ez", "ul", "ud", "us", "ut"]);

// By character code (indexing a string with text[i] makes a new string for every Arabic letter), in a table rather
// than a Set (two or three look-ups per token): bit 1 a hyphen, bit 2 a quotation mark or slash.
const HYPHEN = 1;
const QUOTE = 2;
const JOINS = new Uint8Array(0x10000);
for (const ch of "-‐‑") JOINS[ch.charCodeAt(0)] |= HYPHEN;
for (const ch of "\"“”«»'’‘/") JOINS[ch.charCodeAt(0)] |= QUOTE;
// A token's flags, in one number: what its place tells (ARTICLE … QUOTED_AFTER), then what its word tells (W_PUNCT …,
// WordInfo.bits), so that the passes reading every token's kind, case and script do not visit the word's object (one
// scattered object per word: a cache miss per token in the first pass that reads it).
const ARTICLE = 1;
const HYPHEN_NEXT = 2;
const QUOTED_BEFORE = 4;
const QUOTED_AFTER = 8;
const W_PUNCT = 16;
const W_ACRONYM = 32;
const W_CAP = 64;
const W_ARABIC = 128;
const W_ALWAYS = 256;
const W_SUN = 512;
const W_PURE = 1024;
const W_DIGIT = 4096;
/** Set in WORD_BITS for an id whose bits are known (so that a word of no fact is not 0, "not known yet"). */
const KNOWN = 2048;

/** What a token is, from its characters alone: the same word recurs across articles, so it is worked out once. */
export interface WordInfo {
  readonly keys: readonly string[];
  readonly kind: "word" | "acronym" | "punct";
  readonly cap: boolean;
  readonly arabic: boolean;
  /** "al", "el": an article wherever it stands. */
  readonly always: boolean;
  /** "ash", "ez", … (not an acronym): an article when a hyphen joins it to the next word. */
  readonly sun: boolean;
  /** Every character is a letter, mark or digit of the BMP: the word is one match token as it stands. */
  readonly pure: boolean;
  /** The facts above as bits (W_PUNCT …): a token keeps them in its own flags, read with no visit to this object. */
  readonly bits: number;
  /**
   * The children of the trie root `startsOf` under each of the word's keys, and whether there is one (remembered by the
   * name search for the KB's trie: a Map look-up per token per article otherwise).
   */
  startsOf: TrieNode | null;
  children: readonly (TrieNode | undefined)[] | null;
  starts: boolean;
  /** The word's facts in the lexicon `lexOf` (a stage's per-language word lists), remembered by that stage. */
  lexOf: object | null;
  lex: unknown;
}
// A memo of word → WordInfo; cleared when it grows large.
const WORD_MEMO = new Map<string, WordInfo>();
function wordInfo(raw: string): WordInfo {
  let w = WORD_MEMO.get(raw);
  if (w) return w;
  if (WORD_MEMO.size > 200_000) WORD_MEMO.clear();
  // The memo keeps its own copy of a long word: a slice of 13 characters or more shares the article's text, which the
  // memo would otherwise keep alive.
  if (raw.length >= 13) raw = (" " + raw).slice(1);
  const c0 = raw.charCodeAt(0);
  const arabic = c0 >= 0x600 && c0 <= 0x6ff ? true : c0 < 128 ? false : isArabic(raw);
  const punct = raw.length === 1 && (c0 < 128 ? !/[A-Za-z0-9]/.test(raw) : !/[\p{L}\p{N}]/u.test(raw));
  if (punct) {
    w = { keys: [raw], kind: "punct", cap: false, arabic: false, always: false, sun: false, pure: false, bits: W_PUNCT, startsOf: null, children: null, starts: false, lexOf: null, lex: null };
  } else {
    const first = raw[0];
    const cap = !arabic && first !== first.toLowerCase();
    const dotted = cap && raw.length > 2 && raw[1] === "." && /^\p{Lu}(?:\.\p{Lu})+\.?$/u.test(raw);
    const acronym = cap && (dotted || (raw.length >= 2 && raw === raw.toUpperCase() && !/\d/.test(raw)));
    const lowerRaw = raw.length <= 3 ? raw.toLowerCase() : "";
    const keys = arabic ? arabicTextKeys(raw) : [latinKey(dotted ? raw.replace(/\./g, "") : raw)];
    const always = !arabic && lowerRaw !== "" && ALWAYS_ARTICLE.has(lowerRaw);
    const sun = !arabic && lowerRaw !== "" && !acronym && SUN_ARTICLE.has(lowerRaw);
    const pure = allWordChars(raw);
    const bits =
      (acronym ? W_ACRONYM : 0) | (cap ? W_CAP : 0) | (arabic ? W_ARABIC : 0) | (always ? W_ALWAYS : 0) | (sun ? W_SUN : 0) | (pure ? W_PURE : 0) |
      (c0 >= 48 && c0 <= 57 ? W_DIGIT : 0);
    w = {
      keys, kind: acronym ? "acronym" : "word", cap, arabic, always, sun, pure, bits,
      startsOf: null, children: null, starts: false, lexOf: null, lex: null,
    };
  }
  WORD_MEMO.set(raw, w);
  return w;
}

function allWordChars(raw: string): boolean {
  for (let k = 0; k < raw.length; k++) if (!isWordChar(raw.charCodeAt(k))) return false;
  return true;
}

// The WordInfo of each word-table id (word-table.ts), of generation INFO_GENERATION: an array index rather than a
// Map look-up of the word's string; and its bits | KNOWN (0 while INFO has none yet), read without visiting the object.
let INFO: (WordInfo | null)[] = [];
let WORD_BITS = new Uint16Array(4096);
let INFO_GENERATION = -1;
/** An array of n nulls (filled, so that V8 keeps it a plain array, not a dictionary, when it is filled out of order). */
const nulls = (n: number): null[] => new Array<null>(n).fill(null);
// The WordInfo of each one-character punctuation token below U+0800 (Latin and Arabic punctuation), by character code.
const PUNCT: (WordInfo | null)[] = nulls(0x800);

function makeToken(raw: string, start: number, text: string): MatchToken {
  const w = wordInfo(raw);
  return tokenOf(w, w.bits, -1, raw, start, text);
}

/**
 * A MatchToken in six fields (half the memory of one field per fact: every token of every article is one): its kind,
 * case, script and what its place tells are bits of `flags`, its keys are read from the word's facts.
 */
class CompactToken implements MatchToken {
  constructor(
    public start: number,
    public end: number,
    public raw: string,
    public word: WordInfo,
    private flags: number,
    public id: number,
  ) {}
  /** Makes this (reused) object another token. */
  reset(start: number, end: number, raw: string, word: WordInfo, flags: number, id: number): this {
    this.start = start;
    this.end = end;
    this.raw = raw;
    this.word = word;
    this.flags = flags;
    this.id = id;
    return this;
  }
  get keys(): readonly string[] {
    return this.word.keys;
  }
  get kind(): "word" | "acronym" | "punct" {
    return this.flags & W_PUNCT ? "punct" : this.flags & W_ACRONYM ? "acronym" : "word";
  }
  get cap(): boolean {
    return (this.flags & W_CAP) !== 0;
  }
  get arabic(): boolean {
    return (this.flags & W_ARABIC) !== 0;
  }
  get digit(): boolean {
    return (this.flags & W_DIGIT) !== 0;
  }
  get article(): boolean {
    return (this.flags & ARTICLE) !== 0;
  }
  get hyphenNext(): boolean {
    return (this.flags & HYPHEN_NEXT) !== 0;
  }
  get quotedBefore(): boolean {
    return (this.flags & QUOTED_BEFORE) !== 0;
  }
  get quotedAfter(): boolean {
    return (this.flags & QUOTED_AFTER) !== 0;
  }
}

/**
 * Token objects reused from article to article (a document's match tokens die with its entity pass: an allocation
 * of hundreds of objects per article otherwise), while `poolNext` >= 0: the next one to hand out.
 */
const POOL: CompactToken[] = [];
const POOL_MAX = 20_000;
let poolNext = -1;
/**
 * The list of the last call with `reuse`, filled again by the next (its backing store kept: a list grown by push from
 * empty for every article was most of this pass's allocation).
 */
const REUSED: MatchToken[] = objectList<MatchToken>();

function newToken(start: number, end: number, raw: string, w: WordInfo, flags: number, id: number): CompactToken {
  if (poolNext < 0 || poolNext >= POOL_MAX) return new CompactToken(start, end, raw, w, flags, id);
  const t = poolNext < POOL.length ? POOL[poolNext].reset(start, end, raw, w, flags, id) : (POOL[poolNext] = new CompactToken(start, end, raw, w, flags, id));
  poolNext++;
  return t;
}

/**
 * text.charCodeAt(i), or -1 outside the text (no entry of any table, no letter, no mark): charCodeAt past either end
 * (NaN) made optimised code bail out ("out of bounds") and be compiled again.
 */
function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : -1;
}

/** The token of word `w` (of bits `bits`, w.bits; of word-table id `id` or -1) spelt `raw` at `start`. */
function tokenOf(w: WordInfo, bits: number, id: number, raw: string, start: number, text: string): MatchToken {
  const end = start + raw.length;
  bits &= W_PUNCT | W_ACRONYM | W_CAP | W_ARABIC | W_ALWAYS | W_SUN | W_PURE | W_DIGIT;
  if (bits & W_PUNCT) return newToken(start, end, raw, w, bits, id);
  // (codeAt past either end is -1: no entry of the table)
  const after = JOINS[codeAt(text, end)] | 0;
  const hyphenNext = (after & HYPHEN) !== 0 && end + 1 < text.length && !isSpace(text.charCodeAt(end + 1));
  const article = (bits & W_ALWAYS) !== 0 || ((bits & W_SUN) !== 0 && hyphenNext);
  const flags =
    bits |
    (article ? ARTICLE : 0) |
    (hyphenNext ? HYPHEN_NEXT : 0) |
    ((JOINS[codeAt(text, start - 1)] | 0) & QUOTE ? QUOTED_BEFORE : 0) |
    (after & QUOTE ? QUOTED_AFTER : 0);
  return newToken(start, end, raw, w, flags, id);
}

// Character classes, filled lazily: 1 = part of a word (letter, mark, digit), 2 = not.
const WORD_CHAR = new Uint8Array(0x10000);
function isWordChar(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  if (c >= 0xd800 && c <= 0xdfff) return false;
  let v = WORD_CHAR[c];
  if (!v) WORD_CHAR[c] = v = /[\p{L}\p{M}\p{N}]/u.test(String.fromCharCode(c)) ? 1 : 2;
  return v === 1;
}
const isUpperAscii = (c: number) => c >= 65 && c <= 90;
const DOT = 46;
// characters that join or surround words without being tokens: hyphens, slash, quotes, apostrophes, "_", "#"
// (by character code in a table, as JOINS: a Set look-up per character and per word was a hash probe each)
const TRANSPARENT_CHARS = new Uint8Array(0x10000);
for (const ch of "-‐‑–—/\"“”«»'’‘`ʼ_#") TRANSPARENT_CHARS[ch.charCodeAt(0)] = 1;
const APOSTROPHE_CHARS = new Uint8Array(0x10000);
for (const ch of "'’ʼ`") APOSTROPHE_CHARS[ch.charCodeAt(0)] = 1;
/** Is c (a UTF-16 code unit, or -1) one of ’ ' ʼ ` ? */
const isApostrophe = (c: number): boolean => c >= 0 && APOSTROPHE_CHARS[c] === 1;
const TLD = /^\.(?:com|net|org|it|fr|ir|iq|cu|tv|news|info|co|uk)(?![\p{L}\p{N}])/u;

/** Is one of text[start, end) an apostrophe (’ ' ʼ `)? */
function hasApostrophe(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (APOSTROPHE_CHARS[text.charCodeAt(k)] === 1) return true;
  return false;
}

/** The end of the word starting at i: letters/digits with inner apostrophes ("Kata'ib"), a dotted acronym ("U.S."), a web name ("Today.it"). */
function wordEnd(text: string, i: number): number {
  const n = text.length;
  // "U.S.", "D.C."
  if (isUpperAscii(codeAt(text, i)) && codeAt(text, i + 1) === DOT && isUpperAscii(codeAt(text, i + 2))) {
    let j = i + 1;
    while (codeAt(text, j) === DOT && isUpperAscii(codeAt(text, j + 1))) j += 2;
    if (!isWordChar(codeAt(text, j))) return codeAt(text, j) === DOT ? j + 1 : j;
  }
  let j = i;
  for (;;) {
    while (j < n && isWordChar(text.charCodeAt(j))) j++;
    if (j + 1 < n && isApostrophe(text.charCodeAt(j)) && isWordChar(text.charCodeAt(j + 1))) {
      j++;
      continue;
    }
    break;
  }
  if (codeAt(text, j) === DOT) {
    const m = TLD.exec(text.slice(j, j + 8));
    if (m) j += m[0].length;
  }
  return j;
}

/** True when the newline at i only wraps a sentence: a word before it, a lowercase or Arabic word after it. */
function wrappedLine(text: string, i: number): boolean {
  const prev = codeAt(text, i - 1);
  const next = text[i + 1];
  if (next === undefined || next === "\n" || !isWordChar(prev)) return false;
  const nc = next.charCodeAt(0);
  return (nc >= 0x600 && nc <= 0x6ff) || (next !== next.toUpperCase() && next === next.toLowerCase());
}

/**
 * Tokenises text for name matching: words, dotted acronyms and punctuation, with elisions and possessives split off.
 * `spans` are other tokens of the same text in text order (the segment stage's): a word that is one of them takes its
 * string rather than a new slice. `spanIds`, their word-table ids (when known), let a span that is a plain word
 * (letters, marks, digits) become its token without re-reading its characters or looking its string up. With
 * `reuse`, the tokens are objects of the previous call with `reuse`: for a caller done with those before it calls again.
 */
export function matchTokens(
  text: string,
  spans?: readonly { readonly start: number; readonly end: number; readonly text: string }[],
  spanIds?: Int32Array | null,
  reuse = false,
): MatchToken[] {
  if (!reuse) return readTokens(text, spans, spanIds);
  // objects of the tokens of the last call with `reuse` are handed out again (that caller is done with them)
  poolNext = 0;
  try {
    return readTokens(text, spans, spanIds);
  } finally {
    poolNext = -1;
  }
}

/** The token of word-table id `id` (of the generation of INFO), spelt `raw` at `start`. */
function tokenOfId(id: number, raw: string, start: number, text: string): MatchToken {
  if (id >= INFO.length) growInfo(id);
  let bits = WORD_BITS[id];
  if (bits === 0) bits = WORD_BITS[id] = (INFO[id] = wordInfo(wordString(id))).bits | KNOWN;
  return tokenOf(INFO[id]!, bits, id, raw, start, text);
}

/** Makes room in INFO and WORD_BITS for word id `id`. */
function growInfo(id: number): void {
  const n = Math.max(id + 1, 2 * INFO.length);
  INFO = INFO.concat(nulls(n - INFO.length));
  const bits = new Uint16Array(n);
  bits.set(WORD_BITS);
  WORD_BITS = bits;
}

function readTokens(
  text: string,
  spans: readonly { readonly start: number; readonly end: number; readonly text: string }[] | undefined,
  spanIds: Int32Array | null | undefined,
): MatchToken[] {
  // tokens are written at out[count] (an append past the end), the length set at the end: a reused list keeps its store
  const out = poolNext >= 0 ? REUSED : objectList<MatchToken>();
  let count = 0;
  const n = text.length;
  let cur = 0;
  const nSpans = spans ? spans.length : 0;
  const ids = spans && spanIds ? spanIds : null;
  if (ids && INFO_GENERATION !== wordTableGeneration()) {
    INFO = nulls(4096);
    WORD_BITS = new Uint16Array(4096);
    INFO_GENERATION = wordTableGeneration();
  }
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      // a line wrapped mid-sentence ("لقناة\nالجزيرة", "the\ncoalition") does not end the name being read
      if (!wrappedLine(text, i)) out[count++] = tokenOf(PUNCT[10] ?? (PUNCT[10] = wordInfo("\n")), W_PUNCT, -1, "\n", i, text);
      i++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 0xa0 || TRANSPARENT_CHARS[c] === 1 || (c > 127 && isSpace(c))) {
      i++;
      continue;
    }
    if (!isWordChar(c)) {
      // one punctuation character (a surrogate pair stays whole)
      const len = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      if (c < 0x800) {
        // by character code: no slice, no Map look-up (the WordInfo's key is the character)
        const w = PUNCT[c] ?? (PUNCT[c] = wordInfo(text.slice(i, i + 1)));
        out[count++] = tokenOf(w, w.bits, -1, w.keys[0], i, text);
      } else out[count++] = makeToken(text.slice(i, i + len), i, text);
      i += len;
      continue;
    }
    if (ids) {
      while (cur < nSpans && spans![cur].start < i) cur++;
      if (cur < nSpans && spans![cur].start === i) {
        // a span that is a plain word, followed by no apostrophe, nor by a "." and a letter ("Today.it"), is what wordEnd
        // would read
        const id = ids[cur];
        if (id >= INFO.length) growInfo(id);
        let bits = WORD_BITS[id];
        if (bits === 0) bits = WORD_BITS[id] = (INFO[id] = wordInfo(wordString(id))).bits | KNOWN;
        const end = spans![cur].end;
        const d = end < n ? text.charCodeAt(end) : 32;
        if (bits & W_PURE && (d === DOT ? !isWordChar(codeAt(text, end + 1)) : !isApostrophe(d) && !isWordChar(d))) {
          out[count++] = tokenOf(INFO[id]!, bits, id, spans![cur].text, i, text);
          i = end;
          continue;
        }
      }
    }
    const end = wordEnd(text, i);
    if (ids && !hasApostrophe(text, i, end)) {
      // no elision or possessive to split off: a word the table knows ("Iran" of "Iran-backed", "Unis" of
      // "États-Unis") is its token as the fast path makes it, by its id (no slice, no look-up by string)
      const id = findWord(text, i, end, spanHash(text, i, end));
      if (id >= 0) {
        out[count++] = tokenOfId(id, wordString(id), i, text);
        i = end;
        continue;
      }
    }
    // text.slice(i, end), as a span's own string when a span is exactly that (no closure made per call for it)
    while (cur < nSpans && spans![cur].start < i) cur++;
    let raw = cur < nSpans && spans![cur].start === i && spans![cur].end === end ? spans![cur].text : text.slice(i, end);
    let start = i;
    i = end;
    if (raw.length > 2 && /['’ʼ`]/.test(raw)) {
      const el = ELISION.exec(raw);
      if (el) {
        start += el[0].length;
        raw = raw.slice(el[0].length);
      }
      const poss = POSSESSIVE.exec(raw);
      if (poss && raw.length > 3) raw = raw.slice(0, raw.length - poss[0].length);
    }
    if (!raw) continue;
    // ("Iran" of "Iran's", "attaque" of "l'attaque": by its id when the table knows the word)
    const id = ids ? findWord(text, start, start + raw.length, spanHash(text, start, start + raw.length)) : -1;
    out[count++] = id >= 0 ? tokenOfId(id, raw, start, text) : makeToken(raw, start, text);
  }
  if (out.length !== count) out.length = count;
  return out;
}

/** The keys of a name written in the KB, articles dropped: "Abu Mahdi al-Muhandis" → ["abu", "mahdi", "muhandis"]. */
export function nameKeys(name: string): string[] {
  const toks = matchTokens(name);
  const keys: string[] = [];
  toks.forEach((t, i) => {
    if (t.article && i < toks.length - 1) return;
    // a leading "the"/"le"/"la"/"les" is not part of a name
    if (keys.length === 0 && /^(the|le|la|les|l)$/i.test(t.raw) && i < toks.length - 1) return;
    keys.push(t.keys[0]);
  });
  return keys;
}
