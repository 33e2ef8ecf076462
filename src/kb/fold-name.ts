/**
 * Folds a name for lookup: case, Latin and Arabic diacritics, apostrophes and ʿayn, hyphens, a leading article
 * ("the", "al-", "le", "ال" is kept for Arabic), and whitespace.
 *   "Kata'ib Hezbollah" → "kataib hezbollah";  "al-Muhandis" → "muhandis"
 */
export function foldName(s: string): string {
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
