/**
 * Whether two clusters may merge across scripts. Across scripts only anchors speak (entity ids, figures, dates,
 * event signatures), and a follow-up shares nearly all of them with the event it follows, so one pair of articles is
 * weak evidence: a merge that brings a new script together needs two articles on each side, or three on one.
 */
export function crossScriptAllowed(a: readonly number[], b: readonly number[], script: readonly string[]): boolean {
  return scriptsAllowed(new Set(a.map((i) => script[i])), new Set(b.map((i) => script[i])), a.length, b.length);
}

/** crossScriptAllowed over the two clusters' sets of scripts and sizes (for a caller that keeps the sets). */
export function scriptsAllowed(sa: ReadonlySet<string>, sb: ReadonlySet<string>, sizeA: number, sizeB: number): boolean {
  if ([...sb].every((s) => sa.has(s)) || [...sa].every((s) => sb.has(s))) return true;
  const small = Math.min(sizeA, sizeB), large = Math.max(sizeA, sizeB);
  return small >= 2 || large >= 3;
}

/**
 * crossScriptAllowed with each cluster's set of scripts computed once per member list: averageLink asks about a
 * cluster again for every neighbour it has, and a merged cluster is a new list.
 */
export function crossScriptAllowedCached(script: readonly string[]): (a: readonly number[], b: readonly number[]) => boolean {
  const sets = new WeakMap<readonly number[], Set<string>>();
  const setOf = (m: readonly number[]) => {
    let s = sets.get(m);
    if (!s) sets.set(m, (s = new Set(m.map((i) => script[i]))));
    return s;
  };
  return (a, b) => scriptsAllowed(setOf(a), setOf(b), a.length, b.length);
}
