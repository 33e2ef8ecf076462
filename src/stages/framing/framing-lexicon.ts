import { partResource, type Context } from "../../core/context.js";

/** One compiled framing term: the regex finds it, the row says what it is. */
export interface FramingEntry {
  readonly term: string;
  readonly category: string;
  readonly neutral: string;
}

/** A language's framing lexicon compiled to one alternation, longest term first. */
export interface FramingLexicon {
  readonly entries: readonly FramingEntry[];
  /**
   * Global, sticky-free regex; group `t<i>` is entry i. It does not check the start of a term: a match preceded by a
   * letter or digit is dropped by the finder, which then goes on from the next character (see startsTerm).
   */
  readonly re: RegExp | null;
}

const LETTER_OR_DIGIT_LAST = /[\p{L}\p{N}]$/u;
/**
 * True when a term may start at `i`: the code point before it is no letter or digit (the lookbehind
 * (?<![\p{L}\p{N}]) the regex once opened with: over a whole text, the engine ran it at every character).
 */
export function startsTerm(text: string, i: number): boolean {
  return i === 0 || !LETTER_OR_DIGIT_LAST.test(text.slice(Math.max(0, i - 2), i));
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Turns a lexicon term into a pattern: apostrophes and hyphens in any form, any run of spaces. */
export function termPattern(term: string): string {
  return term
    .split(/\s+/)
    .map((w) =>
      escape(w)
        .replace(/['’]/g, "['’]")
        .replace(/-/g, "[-‐‑ ]"),
    )
    .join("\\s+");
}

const lexiconOf = partResource<FramingLexicon>("framing-lexicon");

/** Loads and compiles `framing.tsv` (term, category, neutral) of one language, once per context. */
export function loadFramingLexicon(ctx: Context, iso: string): FramingLexicon {
  return lexiconOf(ctx, iso, () => {
    const entries = ctx
      .lang(iso)
      .table("framing")
      .filter((r) => r.length >= 3 && r[0])
      .map((r) => ({ term: r[0], category: r[1], neutral: r[2] }))
      .sort((a, b) => b.term.length - a.term.length);
    if (!entries.length) return { entries, re: null };
    // Arabic words take clitics in front (و ف ب ل ك); Latin-script words may take a plural -s/-es after.
    const pre = iso === "ar" ? "(?:[وفبلك]{1,2})?" : "";
    const post = iso === "ar" ? "" : "(?:e?s)?";
    const alts = entries.map((e, i) => `(?<t${i}>${termPattern(e.term)})`).join("|");
    const re = new RegExp(`${pre}(?:${alts})${post}(?![\\p{L}\\p{N}])`, "giu");
    return { entries, re };
  });
}
