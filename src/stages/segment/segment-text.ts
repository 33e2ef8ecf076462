import type { Sentence, Token } from "../../core/doc.js";

/** Sentences and tokens of a text. */
export interface Segmentation {
  readonly sentences: Sentence[];
  readonly tokens: Token[];
}

/** A run of sentence-final punctuation, closing quotes or brackets, then whitespace: a candidate boundary. */
const BOUNDARY = /[.!?؟…]+["”’»)\]]*\s+/g;
/** What may start a sentence: an upper-case letter, a digit, an opening quote or bracket, or a letter of a caseless script. */
const STARTER = /["“‘«(\[\p{Lu}\p{N}\p{Script=Arabic}]/u;
/** Words, numbers (with inner separators: 2,500 / 2.5 / 1-2), and single punctuation marks. */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:[’'.,\-‐][\p{L}\p{M}\p{N}]+)*|[^\s\p{L}\p{M}\p{N}]/gu;

/**
 * Splits text into sentences and tokens with rules, not a model: a sentence ends at . ! ? ؟ … (and any closing
 * quote) followed by space and a sentence starter, unless the word before the period is a known abbreviation
 * ("Gen.", "U.S.") or an initial; sentences never cross a paragraph (line) break.
 *   "The U.S. military said. Then" → ["The U.S. military said.", "Then"]
 */
export function segmentText(text: string, _lang: string, abbreviations: ReadonlySet<string>): Segmentation {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let pos = 0;
  const push = (s: number, e: number) => {
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) sentences.push({ start: s, end: e, paragraph });
  };
  while (pos < text.length) {
    let pEnd = text.indexOf("\n", pos);
    if (pEnd < 0) pEnd = text.length;
    if (pEnd > pos && text.slice(pos, pEnd).trim()) {
      const para = text.slice(pos, pEnd);
      let start = 0;
      BOUNDARY.lastIndex = 0;
      for (let m = BOUNDARY.exec(para); m; m = BOUNDARY.exec(para)) {
        const end = m.index + m[0].length;
        if (end >= para.length || !STARTER.test(para[end])) continue;
        if (m[0][0] === ".") {
          const word = /([\p{L}.]+)$/u.exec(para.slice(Math.max(start, m.index - 20), m.index))?.[1] ?? "";
          // "Gen. Smith", "U.S. Army", "J. Smith": not a boundary.
          if (abbreviations.has(word) || /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) continue;
        }
        push(pos + start, pos + m.index + m[0].trimEnd().length);
        start = end;
      }
      push(pos + start, pEnd);
      paragraph++;
    }
    pos = pEnd + 1;
  }

  const tokens: Token[] = [];
  sentences.forEach((s, si) => {
    TOKEN.lastIndex = s.start;
    const slice = text.slice(s.start, s.end);
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
      const start = s.start + m.index;
      tokens.push({ start, end: start + m[0].length, text: m[0], sentence: si, isWord: /[\p{L}\p{N}]/u.test(m[0][0]) });
    }
  });
  return { sentences, tokens };
}
