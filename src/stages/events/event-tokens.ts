import type { Doc, Sentence } from "../../core/doc.js";

/** A token of a sentence as the event rules see it: normalized forms for lexicon lookup, offsets into doc.text. */
export interface EventToken {
  readonly start: number;
  readonly end: number;
  /** The normalized surface form first, then clitic-stripped variants (Arabic و/ف/ب/ل/ال, French l'/d'). */
  readonly forms: readonly string[];
  readonly isWord: boolean;
  /** The first three characters of each form, the key of the lexicons' stem index. */
  readonly keys?: readonly string[];
}

const AR_DIACRITICS = /[\u064B-\u065F\u0670\u0640]/g;

/** Lower-cases and folds a word the way the lexicons are written (apostrophes, Arabic alef/ya/ta marbuta). */
export function normalizeWord(w: string, lang: string): string {
  let s = w.toLowerCase();
  if (s.includes("’") || s.includes("`") || s.includes("ʼ")) s = s.replace(/[’`ʼ]/g, "'");
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

function mk(start: number, end: number, forms: string[], isWord: boolean): EventToken {
  return { start, end, forms, isWord };
}

/** Tokens of one sentence for the event rules (French elisions split off, Arabic clitic variants added). */
export function sentenceTokens(doc: Doc, sentenceIndex: number, lang: string): EventToken[] {
  const out: EventToken[] = [];
  const s: Sentence = doc.sentences![sentenceIndex];
  const all = doc.tokens ?? [];
  // tokens are in text order: start at the sentence's first one
  let lo = 0, hi = all.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (all[mid].start < s.start) lo = mid + 1;
    else hi = mid;
  }
  for (let ti = lo; ti < all.length && all[ti].start < s.end; ti++) {
    const t = all[ti];
    if (t.sentence !== sentenceIndex) continue;
    const norm = normalizeWord(t.text, lang);
    if (lang === "fr" && t.isWord) {
      const m = /^(qu|jusqu|lorsqu|puisqu|[ldjmnstc])'(.+)$/.exec(norm);
      if (m) {
        const cut = m[1].length + 1;
        out.push(mk(t.start, t.start + cut, [m[1] + "'"], true));
        out.push(mk(t.start + cut, t.end, [m[2]], true));
        continue;
      }
    }
    out.push(mk(t.start, t.end, lang === "ar" && t.isWord ? arabicForms(norm) : [norm], t.isWord));
  }
  return out;
}
