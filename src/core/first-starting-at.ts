/**
 * Binary search over spans sorted by start: the index of the first whose start is `pos` or later (`list.length` when
 * none is). The spans from there on, while they start before an end, are the ones inside a window.
 */
export function firstStartingAt(list: readonly { readonly start: number }[], pos: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
