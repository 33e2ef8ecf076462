import type { Context } from "../../core/context.js";
import { literalUnits, phraseAlternation } from "./phrase-alternation.js";

const FOLD: Record<string, string> = { "أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", "’": "'", "ʼ": "'" };

/** Folds text for date matching without changing its length: digits to ASCII, Arabic letter variants, apostrophes. */
const TO_FOLD = /[\u0660-\u0669\u06f0-\u06f9أإآةى’ʼ]/;
export function foldForDates(s: string): string {
  if (!TO_FOLD.test(s)) return s;
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9أإآةى’ʼ]/g, (ch) => {
    const c = ch.charCodeAt(0);
    if (c >= 0x660 && c <= 0x669) return String.fromCharCode(48 + c - 0x660);
    if (c >= 0x6f0 && c <= 0x6f9) return String.fromCharCode(48 + c - 0x6f0);
    return FOLD[ch] ?? ch;
  });
}

/** foldForDates and lower case, still without changing the length (a character whose lower case is longer stays). */
export function foldLower(s: string): string {
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
