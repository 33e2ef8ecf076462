import type { Offsets } from "../api/types";

/**
 * Where `needle` occurs in `text`, preferring an occurrence inside `within` (an event's evidence sentence) and an
 * exact-case match over a case-insensitive one. Null when the text does not contain it.
 */
export function locateText(text: string, needle: string | null | undefined, within?: Offsets | null): Offsets | null {
  const n = (needle ?? "").trim();
  if (!n) return null;
  const tries: [string, string][] = [
    [text, n],
    [text.toLowerCase(), n.toLowerCase()],
  ];
  for (const [hay, nd] of tries) {
    if (within) {
      const i = hay.slice(within.start, within.end).indexOf(nd);
      if (i >= 0) return { start: within.start + i, end: within.start + i + nd.length };
    }
  }
  for (const [hay, nd] of tries) {
    const i = hay.indexOf(nd);
    if (i >= 0) return { start: i, end: i + nd.length };
  }
  return null;
}

/** The phrases a date's basis quotes ("'Wednesday evening': the most recent…" → ["Wednesday evening"]), longest first. */
export function quotedPhrases(basis: string | null | undefined): string[] {
  if (!basis) return [];
  const out: string[] = [];
  for (const m of basis.matchAll(/'([^']{2,80})'/g)) out.push(m[1]);
  const url = /URL date (\d{4}\/\d{2}\/\d{2}|\d{4}-\d{2}-\d{2})/.exec(basis);
  if (url) out.push(url[1]);
  return out.sort((a, b) => b.length - a.length);
}
