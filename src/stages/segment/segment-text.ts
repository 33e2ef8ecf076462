import type { Sentence, Token } from "../../core/doc.js";
import { isSpace } from "../../core/is-space.js";
import { objectList } from "../../core/object-list.js";
import { internWord, spanHash, wordString, wordTableGeneration } from "../../kb/word-table.js";

/** Sentences and tokens of a text. */
export interface Segmentation {
  readonly sentences: Sentence[];
  readonly tokens: Token[];
}

/**
 * A candidate boundary: sentence-final punctuation (and any closing quotes or brackets) before white space; or, in
 * text run together ("the base.The statement", "بجروح.وقال"), a stop glued between a word of two or more lower-case
 * or Arabic letters and a capitalised or Arabic word (so "U.S.", "3.5", "site.com", "Ph.D" are no boundaries).
 */
const BOUNDARY = /[.!?؟…]+["”’»)\]]*\s+|(?<=[\p{Ll}\u0621-\u064A]{2})[.!?؟](?=\p{Lu}\p{Ll}|[\u0621-\u064A]{2})/gu;
const BOUNDARY_AT = new RegExp(BOUNDARY.source, "uy");
/** A stop: what both readings of BOUNDARY begin with. */
const STOP = /[.!?\u061f\u2026]/g;
// The first stop at or after STOP_FROM in the text being segmented is at STOP_AT (-1: none): a search that ended past
// a paragraph is not made again from the paragraph's next call, nor from the next paragraphs before that stop.
let STOP_FROM = -1;
let STOP_AT = -1;

/** The index of the first stop in `text` at or after i, or -1. */
function stopAt(text: string, i: number): number {
  if (STOP_FROM >= 0 && i >= STOP_FROM && (STOP_AT < 0 || i <= STOP_AT)) return STOP_AT;
  STOP.lastIndex = i;
  STOP_FROM = i;
  STOP_AT = STOP.test(text) ? STOP.lastIndex - 1 : -1;
  return STOP_AT;
}

/**
 * BOUNDARY's next match in `para` from `from`: both its readings begin with a stop (. ! ? ؟ …), so the regex is tried
 * only where one stands, not at every position of the paragraph (its look-behind made every position a costly try).
 * The stops are looked for in `text`, of which `para` is the slice from `pos`, by a regex of the stops (its compiled
 * scan reads the characters a few times faster than a loop of charCodeAt).
 */
function nextBoundary(text: string, pos: number, para: string, from: number): RegExpExecArray | null {
  const n = pos + para.length;
  for (let i = stopAt(text, pos + from); i >= 0 && i < n; i = stopAt(text, i + 1)) {
    BOUNDARY_AT.lastIndex = i - pos;
    const m = BOUNDARY_AT.exec(para);
    if (m) return m;
  }
  return null;
}
/** What may start a sentence: an upper-case letter, a digit, an opening quote or bracket, or a letter of a caseless script. */
const STARTER = /["“‘«(\[\p{Lu}\p{N}\p{Script=Arabic}]/u;
/**
 * Tokens are words, numbers (with inner separators: 2,500 / 2.5 / 1-2), and single punctuation marks, i.e. the matches
 * of /[\p{L}\p{M}\p{N}]+(?:[’'.,\-‐][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu, found by the scanner below
 * (a third of the regex's time: no match objects).
 */
const LMN_RE = /^[\p{L}\p{M}\p{N}]$/u;
const LN_RE = /^[\p{L}\p{N}]$/u;
const SPACE_RE = /^\s$/u;
// Character classes of BMP code units, filled on first use: bit 1 = letter, mark or digit (L, M, N); bit 2 = letter or
// digit (L, N); bit 4 = white space; bit 8 = filled.
const CLASS = new Uint8Array(0x10000);
function classOf(c: number): number {
  let v = CLASS[c];
  if (!v) {
    const ch = String.fromCharCode(c);
    v = 8 | (LMN_RE.test(ch) ? 1 : 0) | (LN_RE.test(ch) ? 2 : 0) | (SPACE_RE.test(ch) ? 4 : 0);
    // a lone surrogate is none of these (the scanner reads pairs itself)
    if (c >= 0xd800 && c <= 0xdfff) v = 8;
    CLASS[c] = v;
  }
  return v;
}
const ASTRAL_LMN = new Map<number, boolean>();
/** Is the code point at i (a surrogate pair when it is one) a letter, mark or digit? Its length in code units is in the sign. */
function lmnAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      const cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
      let v = ASTRAL_LMN.get(cp);
      if (v === undefined) ASTRAL_LMN.set(cp, (v = LMN_RE.test(String.fromCodePoint(cp))));
      return v ? 2 : -2;
    }
  }
  return classOf(c) & 1 ? 1 : -1;
}
/** The end of the run of letters, marks and digits starting at i (i itself when there is none). */
function runEnd(text: string, i: number, end: number): number {
  for (;;) {
    if (i >= end) return end;
    // ASCII letters and digits first: most of a text
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57)) {
      i++;
      continue;
    }
    const l = lmnAt(text, i);
    if (l < 0 || i + l > end) return i;
    i += l;
  }
}
/** ’ ' . , - ‐ (a comparison chain, not a Set look-up per word). */
const isJoiner = (c: number): boolean => c === 46 || c === 44 || c === 45 || c === 39 || c === 0x2019 || c === 0x2010;

// The word ids of the tokens being segmented, in a buffer reused from text to text (copied out for each text's tokens).
let ids = new Int32Array(4096);
/**
 * The word ids of each segmentation's tokens, with the word-table generation they belong to. Kept per token list (not
 * for the last segmentation only): pipeline.runDocs segments a whole batch before the later stages read any of it.
 */
const idsOfTokens = new WeakMap<readonly Token[], { readonly ids: Int32Array; readonly generation: number }>();

/**
 * The word-table ids (word-table.ts) of `tokens`, one per token, when they are the tokens of a segmentation and the
 * table has not started again since (a later pass of the same document reads them); else null.
 */
export function tokenWordIds(tokens: readonly Token[]): Int32Array | null {
  const kept = idsOfTokens.get(tokens);
  return kept !== undefined && kept.generation === wordTableGeneration() ? kept.ids : null;
}

// The word id of each one-character token below U+0800 (punctuation, a letter or digit standing alone: a token in five
// or six), by character code, of word-table generation CHAR_GENERATION: no hash and table probe for them.
const CHAR_IDS = new Int32Array(0x800).fill(-1);
let CHAR_GENERATION = -1;

/** The word id of the one-character token text[i] (of code c < 0x800). */
function charWordId(text: string, i: number, c: number): number {
  if (CHAR_GENERATION !== wordTableGeneration()) {
    CHAR_IDS.fill(-1);
    CHAR_GENERATION = wordTableGeneration();
  }
  let id = CHAR_IDS[c];
  if (id < 0) {
    id = internWord(text, i, i + 1, spanHash(text, i, i + 1));
    // (interning may have started a new generation: the id is of the current one)
    if (CHAR_GENERATION === wordTableGeneration()) CHAR_IDS[c] = id;
  }
  return id;
}

/**
 * The tokens of the text being segmented, written by index up to a count, reused from text to text: a text's tokens
 * are copied out in a list of their number. (A list grown by push from empty copied itself at every growth, ~1.5 times
 * the tokens' number of slots thrown away per text, and the kept list had up to half again as many slots as tokens.)
 */
const SCRATCH: Token[] = objectList<Token>();

/** Writes the tokens of text[start, end) (one sentence) to SCRATCH from index `n`, their word ids to `ids`; returns the new count. */
function tokenize(text: string, start: number, end: number, sentence: number, n: number): number {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    const cls = classOf(c);
    if (cls & 4) {
      i++;
      continue;
    }
    let j = runEnd(text, i, end);
    if (j > i) {
      // inner separators: "2,500", "al-Asad", "Kata'ib", each followed by more letters or digits
      while (j < end && isJoiner(text.charCodeAt(j))) {
        const k = runEnd(text, j + 1, end);
        if (k === j + 1) break;
        j = k;
      }
    } else {
      // one punctuation mark or symbol (a surrogate pair stays whole)
      const d = i + 1 < end ? text.charCodeAt(i + 1) : 0;
      j = c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? i + 2 : i + 1;
    }
    // the token's string is the word table's (no slice of the text for a word seen before)
    const id = j === i + 1 && c < 0x800 ? charWordId(text, i, c) : internWord(text, i, j, spanHash(text, i, j));
    if (n === ids.length) {
      const grown = new Int32Array(2 * n);
      grown.set(ids);
      ids = grown;
    }
    ids[n] = id;
    SCRATCH[n++] = { start: i, end: j, text: wordString(id), sentence, isWord: (cls & 2) !== 0 };
    i = j;
  }
  return n;
}

/** True when text[start, end) is all white space (what trim() removes): no trimmed copy to test. */
function blank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

const LETTER_RE = /^\p{L}$/u;
// \p{L} of each BMP code unit, filled on first use: 1 a letter, 2 not.
const LETTER = new Uint8Array(0x10000);
function isLetterUnit(c: number): boolean {
  let v = LETTER[c];
  if (!v) LETTER[c] = v = LETTER_RE.test(String.fromCharCode(c)) ? 1 : 2;
  return v === 1;
}
const WORD_BEFORE = /([\p{L}.]+)$/u;

/**
 * The run of letters and periods that ends at `to` in s[from, to) (as /([\p{L}.]+)$/u on the slice), scanning back from
 * `to`: no slice and regex per candidate boundary. A surrogate (an astral letter?) leaves it to the regex.
 */
function wordBefore(s: string, from: number, to: number): string {
  let k = to;
  while (k > from) {
    const c = s.charCodeAt(k - 1);
    if (c >= 0xd800 && c <= 0xdfff) return WORD_BEFORE.exec(s.slice(from, to))?.[1] ?? "";
    if (c !== 46 && !isLetterUnit(c)) break;
    k--;
  }
  return k < to ? s.slice(k, to) : "";
}

/** Appends the sentence text[s, e) of paragraph `paragraph`, white space trimmed, unless nothing is left. */
function pushSentence(text: string, s: number, e: number, paragraph: number, sentences: Sentence[]): void {
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e > s) sentences.push({ start: s, end: e, paragraph });
}

/**
 * Splits text into sentences and tokens with rules, not a model: a sentence ends at . ! ? ؟ … (and any closing
 * quote) followed by space and a sentence starter, unless the word before the period is a known abbreviation
 * ("Gen.", "U.S.") or an initial; sentences never cross a paragraph (line) break.
 *   "The U.S. military said. Then" → ["The U.S. military said.", "Then"]
 */
export function segmentText(text: string, _lang: string, abbreviations: ReadonlySet<string>): Segmentation {
  const sentences: Sentence[] = [];
  // (no stop known yet in this text)
  STOP_FROM = -1;
  let paragraph = 0;
  let pos = 0;
  while (pos < text.length) {
    let pEnd = text.indexOf("\n", pos);
    if (pEnd < 0) pEnd = text.length;
    if (pEnd > pos && !blank(text, pos, pEnd)) {
      const para = text.slice(pos, pEnd);
      let start = 0;
      for (let m = nextBoundary(text, pos, para, 0); m; m = nextBoundary(text, pos, para, m.index + m[0].length)) {
        const end = m.index + m[0].length;
        if (end >= para.length || !STARTER.test(para[end])) continue;
        if (m[0][0] === ".") {
          const word = wordBefore(para, Math.max(start, m.index - 20), m.index);
          // "Gen. Smith", "U.S. Army", "J. Smith": not a boundary.
          if (abbreviations.has(word) || /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) continue;
        }
        pushSentence(text, pos + start, pos + m.index + m[0].trimEnd().length, paragraph, sentences);
        start = end;
      }
      pushSentence(text, pos + start, pEnd, paragraph, sentences);
      paragraph++;
    }
    pos = pEnd + 1;
  }

  const generation = wordTableGeneration();
  let n = 0;
  for (let si = 0; si < sentences.length; si++) n = tokenize(text, sentences[si].start, sentences[si].end, si, n);
  const tokens = SCRATCH.slice(0, n);
  // ids of one generation only (the table may have started again mid-text)
  if (wordTableGeneration() === generation) idsOfTokens.set(tokens, { ids: ids.slice(0, tokens.length), generation });
  return { sentences, tokens };
}
