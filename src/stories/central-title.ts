/** Words of a title that carry content: letters only, lower-cased, four letters or more (most function words go). */
function titleWords(title: string): Set<string> {
  const out = new Set<string>();
  for (const m of title.toLowerCase().matchAll(/[\p{L}\p{M}]{4,}/gu)) out.add(m[0]);
  return out;
}

/**
 * The story's title: the member title that shares the most words with the other members' titles (the sum of each of
 * its content words' support among the other titles, over the square root of its word count, so a long title does
 * not win on length alone); on a tie, the earlier one in the given order (the story's canonical order). A function of
 * the members' titles only — not of corpus statistics or of the steps that built the story — so the same members
 * always get the same title. Linear in the titles' words. Null when no member has a title.
 *   ["Strike on base", "Drone strike on US base in Iraq", "Par X"] → "Drone strike on US base in Iraq"
 */
export function centralTitle(titles: readonly (string | null)[]): string | null {
  const words = titles.map((t) => (t ? titleWords(t) : null));
  const support = new Map<string, number>();
  for (const ws of words) if (ws) for (const w of ws) support.set(w, (support.get(w) ?? 0) + 1);
  let best: string | null = null;
  let bestScore = -1;
  titles.forEach((t, i) => {
    const ws = words[i];
    if (!t || !ws) return;
    let shared = 0;
    for (const w of ws) shared += support.get(w)! - 1;
    const score = ws.size ? shared / Math.sqrt(ws.size) : 0;
    if (score > bestScore) [best, bestScore] = [t, score];
  });
  return best;
}
