import type { Dateline } from "../../core/doc.js";

/** Month names of every language folder, folded to lower case → month number. */
export type MonthIndex = ReadonlyMap<string, number>;

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Compiles the dateline patterns for a month index. */
export function datelinePatterns(months: MonthIndex): RegExp[] {
  const names = [...months.keys()].sort((a, b) => b.length - a.length).map(esc).join("|");
  const dash = "\\s*(?:--|[-–—]+|:)\\s*";
  return [
    // "Baghdad, March 6 (RHC)--"  "BAGHDAD, Jan 30 (Reuters) -"  "Baghdad, August 26, 2024 (AFP) —"
    new RegExp(`^(\\p{Lu}[\\p{L}' .-]{1,40}?),\\s*(${names})\\.?\\s+(\\d{1,2})(?:,?\\s+(\\d{4}))?\\s*(?:\\(([^)]{1,40})\\))?${dash}`, "iu"),
    // "Bagdad, 6 mars (AFP) –"  "بغداد، 6 آذار (رويترز) -"
    new RegExp(`^(\\p{L}[\\p{L}' .-]{1,40}?)\\s*[,،]\\s*(\\d{1,2})\\s+(${names})(?:\\s+(\\d{4}))?\\s*(?:\\(([^)]{1,40})\\))?${dash}`, "iu"),
    // "BAGHDAD (Reuters) -"  "Taghrib(APT)–"  "(MENAFN)"
    new RegExp(`^(\\p{L}[\\p{L}' .-]{1,40}?)?\\s*\\(([^)]{1,40})\\)${dash}`, "u"),
  ];
}

/**
 * Finds the dateline at the start of a paragraph:
 *   "Baghdad, August 26 (RHC)-- Iraqi …" → place Baghdad, month 8, day 26, credit RHC
 *   "Taghrib(APT)– Les groupes …"        → place Taghrib, credit APT
 */
export function findDateline(text: string, paragraphStarts: readonly number[], months: MonthIndex, patterns: readonly RegExp[]): Dateline | null {
  for (const start of paragraphStarts.slice(0, 6)) {
    const head = text.slice(start, start + 160);
    const [p1, p2, p3] = patterns;
    let m = p1.exec(head);
    if (m) {
      return {
        start, end: start + m[0].length, text: m[0].trim(),
        place: m[1].trim(), month: months.get(m[2].toLowerCase().replace(/\.$/, "")) ?? months.get(m[2].toLowerCase()) ?? null,
        day: Number(m[3]), year: m[4] ? Number(m[4]) : null, credit: m[5]?.trim() ?? null,
      };
    }
    m = p2.exec(head);
    if (m) {
      return {
        start, end: start + m[0].length, text: m[0].trim(),
        place: m[1].trim(), month: months.get(m[3].toLowerCase().replace(/\.$/, "")) ?? months.get(m[3].toLowerCase()) ?? null,
        day: Number(m[2]), year: m[4] ? Number(m[4]) : null, credit: m[5]?.trim() ?? null,
      };
    }
    m = p3.exec(head);
    // Only a short credit in parentheses: "(RHC)", "(APT)", "(Reuters)", "(MENAFN)"; not "(IRCC) said".
    if (m && m[2].split(/\s+/).length <= 3 && (!m[1] || m[1].split(/\s+/).length <= 3)) {
      return { start, end: start + m[0].length, text: m[0].trim(), place: m[1]?.trim() || null, month: null, day: null, year: null, credit: m[2].trim() };
    }
  }
  return null;
}
