import type { Doc, Sentence } from "../../core/doc.js";

/** A token of a sentence as the event rules see it: normalized forms for lexicon lookup, offsets into doc.text. */
export interface EventToken {
  readonly start: number;
  readonly end: number;
  /** The normalized surface form first, then clitic-stripped variants (Arabic و/ف/ب/ل/ال, French l'/d'). */
  readonly forms: readonly string[];
  readonly isWord: boolean;
}

const AR_DIACRITICS = /[\u064B-\u065F\u0670\u0640]/g;

/** Lower-cases and folds a word the way the lexicons are written (apostrophes, Arabic alef/ya/ta marbuta). */
export function normalizeWord(w: string, lang: string): string {
  let s = w.toLowerCase().replace(/[’`ʼ]/g, "'");
  if (lang === "ar") s = s.replace(AR_DIACRITICS, "").replace(/[أإآٱ]/g, "ا").replace(/ى/g, "ي").replace(/ة/g, "ه");
  return s;
}

/** Arabic variants of a word with its proclitics removed: "والهجمات" → هجمات. */
function arabicForms(w: string): string[] {
  const out = [w];
  let s = w;
  if (s.length > 3 && /^[وف]/.test(s)) out.push((s = s.slice(1)));
  if (s.length > 3 && /^[بلك]/.test(s)) {
    const t = s.slice(1);
    out.push(t);
    if (s.startsWith("لل") && s.length > 4) out.push("ال" + s.slice(2), s.slice(2));
    s = t;
  }
  if (s.length > 4 && s.startsWith("ال")) out.push(s.slice(2));
  return out;
}

/** Tokens of one sentence for the event rules (French elisions split off, Arabic clitic variants added). */
export function sentenceTokens(doc: Doc, sentenceIndex: number, lang: string): EventToken[] {
  const out: EventToken[] = [];
  const s: Sentence = doc.sentences![sentenceIndex];
  for (const t of doc.tokens ?? []) {
    if (t.sentence !== sentenceIndex) continue;
    if (t.start < s.start) continue;
    const norm = normalizeWord(t.text, lang);
    if (lang === "fr" && t.isWord) {
      const m = /^(qu|jusqu|lorsqu|puisqu|[ldjmnstc])'(.+)$/.exec(norm);
      if (m) {
        const cut = m[1].length + 1;
        out.push({ start: t.start, end: t.start + cut, forms: [m[1] + "'"], isWord: true });
        out.push({ start: t.start + cut, end: t.end, forms: [m[2]], isWord: true });
        continue;
      }
    }
    out.push({ start: t.start, end: t.end, forms: lang === "ar" && t.isWord ? arabicForms(norm) : [norm], isWord: t.isWord });
  }
  return out;
}
