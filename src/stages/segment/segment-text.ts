import type { Sentence, Token } from "../../core/doc.js";

/** Sentences and tokens of a text. */
export interface Segmentation {
  readonly sentences: Sentence[];
  readonly tokens: Token[];
}

const sentenceSegmenters = new Map<string, Intl.Segmenter>();
const wordSegmenters = new Map<string, Intl.Segmenter>();

function segmenter(cache: Map<string, Intl.Segmenter>, lang: string, granularity: "sentence" | "word"): Intl.Segmenter {
  let s = cache.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang === "und" ? "en" : lang, { granularity });
    cache.set(lang, s);
  }
  return s;
}

/**
 * Splits text into sentences (Intl.Segmenter, then re-joined after known abbreviations such as "U.S." or "Gen.",
 * and never across a paragraph break) and word tokens. Paragraphs are separated by newlines.
 */
export function segmentText(text: string, lang: string, abbreviations: ReadonlySet<string>): Segmentation {
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let pos = 0;
  const paragraphs: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/\n+/g)) {
    if (m.index! > pos) paragraphs.push({ start: pos, end: m.index! });
    pos = m.index! + m[0].length;
  }
  if (pos < text.length) paragraphs.push({ start: pos, end: text.length });

  const sseg = segmenter(sentenceSegmenters, lang, "sentence");
  for (const p of paragraphs) {
    const ptext = text.slice(p.start, p.end);
    let pending: { start: number; end: number } | null = null;
    for (const s of sseg.segment(ptext)) {
      const start = p.start + s.index;
      const end = start + s.segment.length;
      const trimmed = s.segment.trimEnd();
      if (pending) pending.end = end;
      else pending = { start, end };
      // "the U.S. military" — Intl.Segmenter may split after an abbreviation; join back.
      const lastWord = /([\p{L}.]+)\.$/u.exec(trimmed)?.[1] ?? "";
      const nextChar = text[end] ?? "";
      if (lastWord && abbreviations.has(lastWord) && end < p.end && !/\p{Lu}/u.test(nextChar === " " ? text[end + 1] ?? "" : nextChar)) continue;
      if (lastWord && abbreviations.has(lastWord) && /^(U\.S|U\.K|U\.N|Gen|Lt|Col|Dr|Mr|Mrs|Ms|Brig|Maj|Capt|Sgt|Adm|St|M|Mme|Pr)$/.test(lastWord) && end < p.end) continue;
      let e = pending.end;
      while (e > pending.start && /\s/.test(text[e - 1])) e--;
      if (e > pending.start) sentences.push({ start: pending.start, end: e, paragraph });
      pending = null;
    }
    if (pending) {
      let e = pending.end;
      while (e > pending.start && /\s/.test(text[e - 1])) e--;
      if (e > pending.start) sentences.push({ start: pending.start, end: e, paragraph });
    }
    paragraph++;
  }

  const tokens: Token[] = [];
  const wseg = segmenter(wordSegmenters, lang, "word");
  sentences.forEach((s, si) => {
    for (const w of wseg.segment(text.slice(s.start, s.end))) {
      if (!w.segment.trim()) continue;
      const start = s.start + w.index;
      tokens.push({ start, end: start + w.segment.length, text: w.segment, sentence: si, isWord: !!w.isWordLike });
    }
  });
  return { sentences, tokens };
}
