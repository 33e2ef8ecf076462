/** A weighted pair of items (indices into a canonical order), i < j. */
export interface LinkEdge {
  readonly i: number;
  readonly j: number;
  readonly w: number;
}

/** When the items happened, for clusters to be compared by their spans of days. */
export interface LinkTimes {
  /** The days each item's date covers ([first, last]), or null when unknown. */
  readonly spans: readonly (readonly [number, number] | null)[];
  /** Whether each item's date is its own (true) or an estimate (false). */
  readonly firm: readonly boolean[];
  /** The multiplier for a gap in days between two clusters' spans (1 for overlapping spans). */
  readonly gap: (days: number) => number;
  /** The least a gap costs when one of the spans rests on estimated days only. */
  readonly estimateFloor: number;
}

/**
 * Group-average agglomerative clustering: repeatedly merges the two clusters with the highest average pair weight
 * (pairs without an edge weigh 0) while it is at least `threshold`. Average linkage resists the chaining of
 * single-link clustering (a follow-up that shares actors with two stories does not glue them together) and needs no
 * fixed number of clusters.
 *
 * With `times`, a pair with an item not firmly dated is weighed by the gap between the two clusters' spans of days:
 * an undated report takes the days of the cluster it is in, so an undated Arabic report of Monday's attack, once
 * with Monday's reports, no longer bridges them to the same group's truce two weeks later. Spans come from firm
 * dates; a cluster with estimated dates only has a soft span (its gaps cost at most estimateFloor). (Pairs of two
 * firmly dated items carry their own date factor in `w`.)
 *
 * The result depends only on the items' order and the edges, never on the order edges are given: ties go to the pair
 * of clusters with the smallest first items, and each cluster's sums accumulate in merge order, itself canonical.
 * Clusters are returned as ascending item lists, ordered by their first item. `start` gives initial clusters (a
 * partition of some items; the others start alone), for clustering in stages. With `groups`, two clusters holding
 * items of a common group never merge: a stage that already clustered each group alone has decided those pairs.
 * `allow` can veto a merge of two clusters (given their items).
 */
export function averageLink(
  n: number,
  edges: readonly LinkEdge[],
  threshold: number,
  times?: LinkTimes,
  start?: readonly (readonly number[])[],
  groups?: readonly string[],
  allow?: (a: readonly number[], b: readonly number[]) => boolean,
): number[][] {
  const size = new Array<number>(n).fill(1);
  const members: (number[] | null)[] = Array.from({ length: n }, (_, i) => [i]);
  // Per cluster: the span of its firm dates (lo, hi) and of every date, estimates included (elo, ehi).
  const lo: (number | null)[] = Array.from({ length: n }, (_, i) => (times?.firm[i] ? times.spans[i]?.[0] ?? null : null));
  const hi: (number | null)[] = Array.from({ length: n }, (_, i) => (times?.firm[i] ? times.spans[i]?.[1] ?? null : null));
  const elo: (number | null)[] = Array.from({ length: n }, (_, i) => times?.spans[i]?.[0] ?? null);
  const ehi: (number | null)[] = Array.from({ length: n }, (_, i) => times?.spans[i]?.[1] ?? null);
  const widen = (k: number, i: number) => {
    for (const [l, h] of [[lo, hi], [elo, ehi]]) {
      if (l[i] === null) continue;
      l[k] = l[k] === null ? l[i] : Math.min(l[k]!, l[i]!);
      h[k] = h[k] === null ? h[i] : Math.max(h[k]!, h[i]!);
    }
  };
  // Start from given clusters (each keyed by its smallest item) instead of single items.
  const key = Array.from({ length: n }, (_, i) => i);
  for (const group of start ?? []) {
    const sorted = [...group].sort((x, y) => x - y);
    const k = sorted[0];
    if (k === undefined) continue;
    for (const i of sorted) {
      key[i] = k;
      if (i === k) continue;
      members[i] = null;
      size[k]++;
      widen(k, i);
    }
    members[k] = sorted;
  }
  // Each cluster is keyed by its smallest item; sums[a] maps a neighbour cluster to [dated pairs' sum, other pairs' sum].
  const sums: Map<number, [number, number]>[] = Array.from({ length: n }, () => new Map());
  const open = (i: number, j: number) => !!times && !(times.firm[i] && times.firm[j] && times.spans[i] && times.spans[j]);
  const sorted = [...edges].sort((x, y) => x.i - y.i || x.j - y.j);
  for (const { i, j, w } of sorted) {
    if (key[i] === key[j] || !(w > 0)) continue;
    const k = open(i, j) ? 1 : 0;
    const [a, b] = key[i] < key[j] ? [key[i], key[j]] : [key[j], key[i]];
    for (const [x, y] of [[a, b], [b, a]]) {
      const s = sums[x].get(y) ?? [0, 0];
      s[k] += w;
      sums[x].set(y, s);
    }
  }
  const spanFactor = (a: number, b: number) => {
    if (!times) return 1;
    if (lo[a] !== null && lo[b] !== null) return times.gap(Math.max(0, Math.max(lo[a]!, lo[b]!) - Math.min(hi[a]!, hi[b]!)));
    if (elo[a] === null || elo[b] === null) return 1;
    return Math.max(times.estimateFloor, times.gap(Math.max(0, Math.max(elo[a]!, elo[b]!) - Math.min(ehi[a]!, ehi[b]!))));
  };
  const groupsOf: (Set<string> | null)[] = members.map((m) => (groups && m ? new Set(m.map((i) => groups[i])) : null));
  const disjoint = (a: number, b: number) => {
    const ga = groupsOf[a], gb = groupsOf[b];
    if (!ga || !gb) return true;
    for (const g of ga) if (gb.has(g)) return false;
    return true;
  };
  const heap = new PairHeap();
  const version = new Array<number>(n).fill(0);
  const push = (a: number, b: number, s: readonly [number, number]) => {
    const [x, y] = a < b ? [a, b] : [b, a];
    const link = (s[0] + (s[1] ? s[1] * spanFactor(x, y) : 0)) / (size[x] * size[y]);
    if (link >= threshold && disjoint(x, y) && (!allow || allow(members[x]!, members[y]!))) heap.push({ link, a: x, b: y, va: version[x], vb: version[y] });
  };
  for (let a = 0; a < n; a++) for (const [b, s] of sums[a]) if (a < b) push(a, b, s);
  for (;;) {
    const top = heap.pop();
    if (!top) break;
    const { a, b } = top;
    if (!members[a] || !members[b] || version[a] !== top.va || version[b] !== top.vb) continue; // stale entry
    // Merge b into a (a < b, so the merged cluster keeps the smallest item as its key).
    members[a] = [...members[a]!, ...members[b]!];
    members[b] = null;
    size[a] += size[b];
    if (groupsOf[a] && groupsOf[b]) for (const g of groupsOf[b]!) groupsOf[a]!.add(g);
    if (lo[b] !== null) {
      lo[a] = lo[a] === null ? lo[b] : Math.min(lo[a]!, lo[b]!);
      hi[a] = hi[a] === null ? hi[b] : Math.max(hi[a]!, hi[b]!);
    }
    version[a]++;
    sums[a].delete(b);
    sums[b].delete(a);
    for (const [c, s] of sums[b]) {
      const sa = sums[a].get(c) ?? [0, 0];
      sums[a].set(c, [sa[0] + s[0], sa[1] + s[1]]);
      const sc = sums[c];
      const ca = sc.get(a) ?? [0, 0];
      sc.set(a, [ca[0] + s[0], ca[1] + s[1]]);
      sc.delete(b);
    }
    sums[b].clear();
    for (const [c, s] of [...sums[a]].sort((x, y) => x[0] - y[0])) if (members[c]) push(a, c, s);
  }
  return members.filter((m): m is number[] => !!m).map((m) => m.sort((x, y) => x - y));
}

interface Entry {
  readonly link: number;
  readonly a: number;
  readonly b: number;
  readonly va: number;
  readonly vb: number;
}

/** Highest link first; on a tie the pair with the smaller first, then second, cluster key. */
function before(x: Entry, y: Entry): boolean {
  return x.link > y.link || (x.link === y.link && (x.a < y.a || (x.a === y.a && x.b < y.b)));
}

/** A binary max-heap of candidate merges. */
class PairHeap {
  private readonly xs: Entry[] = [];
  push(e: Entry): void {
    const xs = this.xs;
    xs.push(e);
    let i = xs.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!before(xs[i], xs[p])) break;
      [xs[i], xs[p]] = [xs[p], xs[i]];
      i = p;
    }
  }
  pop(): Entry | undefined {
    const xs = this.xs;
    if (!xs.length) return undefined;
    const top = xs[0];
    const last = xs.pop()!;
    if (xs.length) {
      xs[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < xs.length && before(xs[l], xs[m])) m = l;
        if (r < xs.length && before(xs[r], xs[m])) m = r;
        if (m === i) break;
        [xs[i], xs[m]] = [xs[m], xs[i]];
        i = m;
      }
    }
    return top;
  }
}
