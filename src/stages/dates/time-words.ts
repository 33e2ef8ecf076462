import type { Context } from "../../core/context.js";
import { literalUnits, phraseAlternation } from "./phrase-alternation.js";

const FOLD: Record<string, string> = { "أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", "’": "'", "ʼ": "'" };

/** Folds text for date matching without changing its length: digits to ASCII, Arabic letter variants, apostrophes. */
const TO_FOLD = /[\u0660-\u0669\u06f0-\u06f9أإآةى’ʼ]/;
export function foldForDates(s: string): string {
  if (!TO_FOLD.test(s)) return s;
  return (s.length >= FOLD_BY_TABLE ? foldByTable(s) : null) ?? s.replace(/[\u0660-\u0669\u06f0-\u06f9أإآةى’ʼ]/g, (ch) => {
    const c = ch.charCodeAt(0);
    if (c >= 0x660 && c <= 0x669) return String.fromCharCode(48 + c - 0x660);
    if (c >= 0x6f0 && c <= 0x6f9) return String.fromCharCode(48 + c - 0x6f0);
    return FOLD[ch] ?? ch;
  });
}

/**
 * From this length on (a whole text), foldForDates maps the text's code units through FOLD_CODE into a buffer and
 * decodes it: the replace above calls its callback once per letter to fold, which in an Arabic text is one character
 * in ten or so (measured on the Arabic texts of the dev corpus: 2.3× the time of the table).
 */
const FOLD_BY_TABLE = 256;
/** foldForDates of each UTF-16 code unit (the folds are all of one code unit to one). */
const FOLD_CODE = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) FOLD_CODE[c] = c;
for (let c = 0x660; c <= 0x669; c++) FOLD_CODE[c] = 48 + c - 0x660;
for (let c = 0x6f0; c <= 0x6f9; c++) FOLD_CODE[c] = 48 + c - 0x6f0;
for (const [from, to] of Object.entries(FOLD)) FOLD_CODE[from.charCodeAt(0)] = to.charCodeAt(0);
let foldBuffer = new Uint16Array(4096);
const UTF16 = new TextDecoder("utf-16le");
/** foldForDates of s by FOLD_CODE, or null when s has a surrogate (the decoder would make a lone one U+FFFD). */
function foldByTable(s: string): string | null {
  const n = s.length;
  if (n > foldBuffer.length) foldBuffer = new Uint16Array(Math.max(n, 2 * foldBuffer.length));
  let surrogates = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((c & 0xf800) === 0xd800) surrogates = true;
    foldBuffer[i] = FOLD_CODE[c];
  }
  return surrogates ? null : UTF16.decode(foldBuffer.subarray(0, n));
}

/** foldForDates and lower case, still without changing the length (a character whose lower case is longer stays). */
export function foldLower(s: string): string {
  if (s.length >= FOLD_BY_TABLE && NOT_LATIN1.test(s)) {
    const table = foldLowerByTable(s);
    if (table !== null) return table;
  }
  const f = foldForDates(s);
  const l = f.toLowerCase();
  if (l.length === f.length) return l;
  let out = "";
  for (const ch of f) {
    const c = ch.toLowerCase();
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

/**
 * Of a long text that is not all Latin-1 (curly quotes and dashes make most English texts so), foldLower reads each
 * code unit's fold and lower case off FOLD_LOWER in one pass: toLowerCase of such a string goes through ICU, slower
 * than the table, and the fold was a pass of its own. (An all Latin-1 text is left to toLowerCase's fast path.)
 */
const NOT_LATIN1 = /[^\u0000-\u00ff]/;
/**
 * foldForDates then toLowerCase of each code unit, plus one (filled on first use; 0: not known yet), or -1 where the lower
 * case of the text is not that of its code units one by one: a surrogate, a capital sigma (its lower case depends on the
 * letter after it), a character whose lower case is longer ("İ"). A text with one of these takes foldLower's own way.
 */
const FOLD_LOWER = new Int32Array(0x10000);
function foldLowerUnit(c: number): number {
  if ((c & 0xf800) === 0xd800 || c === 0x3a3) return -1;
  const lower = String.fromCharCode(FOLD_CODE[c]).toLowerCase();
  return lower.length === 1 ? lower.charCodeAt(0) + 1 : -1;
}
function foldLowerByTable(s: string): string | null {
  const n = s.length;
  if (n > foldBuffer.length) foldBuffer = new Uint16Array(Math.max(n, 2 * foldBuffer.length));
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    let v = FOLD_LOWER[c];
    if (v === 0) FOLD_LOWER[c] = v = foldLowerUnit(c);
    if (v < 0) return null;
    foldBuffer[i] = v - 1;
  }
  return UTF16.decode(foldBuffer.subarray(0, n));
}

/** The lookup key of a matched word: folded, lower case, single spaces. */
export function wordKey(s: string): string {
  return foldForDates(s).toLowerCase().replace(/\s+/g, " ").trim();
}

/** The date words of one language, from data/lang/<iso>/time-words.tsv and months.tsv. */
export interface TimeWords {
  readonly lang: string;
  /** word class → (word key → value) */
  readonly classes: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Regex alternation (non-capturing) of a class's words, longest first; a never-matching group when empty. */
  alt(cls: string): string;
  /** The value of a matched word of a class, or undefined. */
  get(cls: string, word: string | undefined): string | undefined;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Builds the TimeWords of a language from its word tables. */
export function buildTimeWords(lang: string, rows: readonly (readonly string[])[], monthRows: readonly (readonly string[])[]): TimeWords {
  const classes = new Map<string, Map<string, string>>();
  const add = (cls: string, value: string, word: string) => {
    let m = classes.get(cls);
    if (!m) classes.set(cls, (m = new Map()));
    const k = wordKey(word);
    if (k && !m.has(k)) m.set(k, value);
  };
  for (const row of rows) if (row.length >= 3) for (const w of row.slice(2)) add(row[0], row[1], w);
  for (const row of monthRows) for (const w of row.slice(1)) add("month", row[0], w);
  const alts = new Map<string, string>();
  return {
    lang,
    classes,
    alt(cls) {
      let a = alts.get(cls);
      if (a === undefined) {
        const words = [...(classes.get(cls)?.keys() ?? [])].sort((x, y) => y.length - x.length);
        // factored by common prefixes (the same matches as the sorted list, much faster to run)
        const factored = words.length ? phraseAlternation(words.map(literalUnits)) : null;
        a = !words.length ? "(?!)" : factored !== null ? `(?:${factored})` : `(?:${words.map((w) => esc(w).replace(/ /g, "\\s+")).join("|")})`;
        alts.set(cls, a);
      }
      return a;
    },
    get(cls, word) {
      if (word === undefined) return undefined;
      const m = classes.get(cls);
      // Fast path: words matched in folded lower-case text are keys already (bar runs of spaces).
      return m?.get(word) ?? m?.get(wordKey(word));
    },
  };
}

/** Loads (once per context) the date words of a language. */
export function timeWords(ctx: Context, lang: string): TimeWords {
  return ctx.resource(`time-words:${lang}`, () => buildTimeWords(lang, ctx.lang(lang).table("time-words"), ctx.lang(lang).table("months")));
}
