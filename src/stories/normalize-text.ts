// Language-neutral text normalisation for story fingerprints: digits of every script to ASCII, diacritics folded,
// Arabic letter variants unified, and a cheap prefix "stem" so inflected forms share a term without a stemmer.

const DIGIT_BLOCKS = [0x0660, 0x06f0, 0x0966, 0xff10]; // Arabic-Indic, Persian, Devanagari, full-width

/** Maps Arabic-Indic, Persian, Devanagari and full-width digits to ASCII: "٢٥٠٠" → "2500". */
export function asciiDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\uff10-\uff19]/g, (c) => {
    const cp = c.codePointAt(0)!;
    for (const base of DIGIT_BLOCKS) if (cp >= base && cp <= base + 9) return String(cp - base);
    return c;
  });
}

/** Lower-cases, folds Latin diacritics and Arabic variants (أإآ→ا, ة→ه, ى→ي, harakat and tatweel dropped). */
export function foldText(s: string): string {
  return asciiDigits(s)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ة/g, "ه")
    .replace(/ى/g, "ي")
    .replace(/[’'`ʿʾ‘]/g, "'")
    .toLowerCase();
}

const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Splits folded text into word tokens (letters/digits, inner apostrophes and hyphens kept); a run of Chinese or
 * Japanese characters, written without spaces, gives its character bigrams instead.
 */
export function wordTokens(folded: string): string[] {
  const out: string[] = [];
  for (const w of folded.match(WORD) ?? []) {
    if (w.length > 1 && CJK.test(w)) for (let i = 0; i + 1 < w.length; i++) out.push(w.slice(i, i + 2));
    else out.push(w);
  }
  return out;
}

/** Letters a prefix stem keeps (5 scored best on the SemEval sample among 5, 6 and 7). */
export const STEM_LENGTH = 5;

const ARABIC_PREFIX = /^(?:وال|بال|كال|فال|لل|ال|و(?=ال))/;
/** Arabic plural and pronoun suffixes: "عملياتها" (its operations) → "عملي", beside "عمليات" → "عملي". */
const ARABIC_SUFFIX = /(?:هما|كما|هم|هن|ها|كم|نا|ات|ون|ين|ان|يه|ه|ي)$/;

/**
 * A prefix stem: Arabic article/conjunction prefixes and (on words over four letters) plural and pronoun suffixes
 * dropped, Latin elisions ("l'armée") and a leading "al-" dropped, then the first STEM_LENGTH letters kept. Crude,
 * but it joins "suspend/suspends/suspension" with no stemmer.
 */
export function prefixStem(token: string): string {
  let t = token;
  if (/[\u0600-\u06ff]/.test(t)) {
    t = t.replace(ARABIC_PREFIX, "");
    for (let k = 0; k < 2 && t.length > 4; k++) t = t.replace(ARABIC_SUFFIX, ""); // "عملياتها" → "عمليات" → "عملي"
  }
  else t = t.replace(/^(?:[ldjnmstc]|qu)'/, "").replace(/^(?:al|el)-/, "");
  return t.length > STEM_LENGTH ? t.slice(0, STEM_LENGTH) : t;
}

/**
 * Numbers written in the text, normalised across scripts and separators:
 * "2,500", "2 500", "2.500" and "٢٥٠٠" all give 2500; decimals are kept as written ("1.5").
 */
export function extractNumbers(text: string): number[] {
  const s = asciiDigits(text);
  const out: number[] = [];
  const re = /\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+(?!\d)|\d+(?:[.,]\d+)?/g;
  for (const m of s.matchAll(re)) {
    const raw = m[0];
    let v: number;
    if (/^\d{1,3}(?:[,.\u00a0\u202f ]\d{3})+$/.test(raw)) v = Number(raw.replace(/[,.\u00a0\u202f ]/g, ""));
    else v = Number(raw.replace(",", "."));
    if (Number.isFinite(v)) out.push(v);
  }
  return out;
}
