/**
 * Whether two clusters may merge across scripts. Across scripts only anchors speak (entity ids, figures, dates,
 * event signatures), and a follow-up shares nearly all of them with the event it follows, so one pair of articles is
 * weak evidence: a merge that brings a new script together needs two articles on each side, or three on one.
 */
export function crossScriptAllowed(a: readonly number[], b: readonly number[], script: readonly string[]): boolean {
  const sa = new Set(a.map((i) => script[i])), sb = new Set(b.map((i) => script[i]));
  if ([...sb].every((s) => sa.has(s)) || [...sa].every((s) => sb.has(s))) return true;
  const small = Math.min(a.length, b.length), large = Math.max(a.length, b.length);
  return small >= 2 || large >= 3;
}
