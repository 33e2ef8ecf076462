/**
 * Token keys for matching names across spellings. Both sides (KB aliases and article text) go through the
 * same functions, so a key only has to be stable, not pretty:
 *   "Kata'ib" → "kataib", "Suleimani"/"Soleimani" → "suleimani", "Qassem"/"Qasem" → "qasem",
 *   "القوات"/"والقوات"/"للقوات" → "قوات", "الأمريكية" → "امريكيه".
 */

const ARABIC = /[\u0600-\u06ff]/;
const LATIN_MARKS = /[\u0300-\u036f]/g;
const APOSTROPHES = /[’'`ʿʾ‘ʼ]/g;
const AR_MARKS = /[\u064b-\u065f\u0670\u0640\u06d6-\u06ed]/g;
const DOUBLE = /([^0-9])\1/u;
const DOUBLE_ALL = /([^0-9])\1+/gu;

/** True when the string contains Arabic letters. */
export function isArabic(s: string): boolean {
  return ARABIC.test(s);
}

/** Normalises Latin spelling: case, diacritics, apostrophes/ʿayn, doubled letters, ou/o → u. */
export function latinKey(token: string): string {
  let s = token.toLowerCase();
  // most words are plain ASCII letters: skip the Unicode work
  if (!/^[a-z0-9]*$/.test(s)) {
    s = s.normalize("NFKD").replace(LATIN_MARKS, "").replace(APOSTROPHES, "");
    s = s.replace(/ß/g, "ss").replace(/æ/g, "ae").replace(/œ/g, "oe");
  }
  // double letters (not digits): "Hassan"/"Hasan", "Ezzor"/"Ezor", "Kaabi"/"Ka'bi" (a regex, not a loop of `+=`: a key
  // built one character at a time is a deep rope of strings, slow to hash and compare in every Map lookup)
  let out = DOUBLE.test(s) ? s.replace(DOUBLE_ALL, "$1") : s;
  // vowel spellings that vary between English and French transliterations: "Moussawi"/"Musawi", "Soleimani"/"Suleimani"
  if (out.length > 3 && out.includes("o")) out = out.replace(/ou/g, "u").replace(/o/g, "u");
  return out;
}

/** Normalises Arabic letters: diacritics, tatweel, alef/ya/ta-marbuta/hamza variants. */
export function arabicLetters(token: string): string {
  return token
    .replace(AR_MARKS, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه")
    .replace(/ؤ/g, "و")
    .replace(/ئ/g, "ي")
    .replace(/[“”"«»]/g, "");
}

/** The lookup key of an Arabic word written without clitics: letters normalised (the article ال is kept:
 * "الحدث" the outlet is not "حدث" "it happened"). */
export function arabicKey(token: string): string {
  return arabicLetters(token);
}

/**
 * Keys an Arabic word of running text may stand for, once conjunction and preposition clitics are removed:
 * "وبالعراق" → ["وبالعراق", "بالعراق", "العراق"], "للقوات" (li + al) → ["للقوات", "القوات"]. The first key is the word.
 */
export function arabicTextKeys(token: string): string[] {
  const s = arabicLetters(token);
  const keys = [s];
  const add = (k: string) => k.length >= 2 && !keys.includes(k) && keys.push(k);
  const bases = [s];
  if (/^[وف]/.test(s) && s.length > 3) add(s.slice(1)), bases.push(s.slice(1));
  for (const b of bases) {
    if (b.startsWith("لل") && b.length > 4) add("ال" + b.slice(2));
    else if (/^[بلك]/.test(b) && b.length > 3) add(b.slice(1));
  }
  return keys;
}

/** The key of one token of either script (text side uses arabicTextKeys for the clitic variants). */
export function tokenKey(token: string): string {
  return isArabic(token) ? arabicKey(token) : latinKey(token);
}
