// foldName's results, by name (cleared when large)
const FOLDED = new Map<string, string>();

/**
 * Folds a name for lookup: case, Latin and Arabic diacritics, apostrophes and ʿayn, hyphens, a leading article
 * ("the", "al-", "le", "ال" is kept for Arabic), and whitespace.
 *   "Kata'ib Hezbollah" → "kataib hezbollah";  "al-Muhandis" → "muhandis"
 */
export function foldName(s: string): string {
  // the same names (an outlet and its aliases, the media an article cites) are folded article after article
  let f = FOLDED.get(s);
  if (f === undefined) {
    if (FOLDED.size > 20_000) FOLDED.clear();
    f = fold(s);
    // (a long name, or its fold, may be a slice of an article: the memo keeps copies of its own)
    if (f.length >= 13) f = (" " + f).slice(1);
    FOLDED.set(s.length >= 13 ? (" " + s).slice(1) : s, f);
  }
  return f;
}

function fold(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f\u064b-\u065f\u0670\u0640]/g, "")
    .toLowerCase()
    .replace(/[’'`ʿʾ‘"“”«»]/g, "")
    .replace(/[-‐‑–—_.]/g, " ")
    .replace(/^(the|al|el|le|la|les|l)\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}
