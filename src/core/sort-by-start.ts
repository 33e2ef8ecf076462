import type { Span } from "./span.js";

/**
 * Sorts spans by start in place, stably (as `xs.sort((a, b) => a.start - b.start)`), cheaply for short lists: an
 * insertion sort allocates nothing, where Array.prototype.sort copies the list into a work array at every call.
 */
export function sortByStart<T extends Span>(xs: T[]): T[] {
  if (xs.length > 64) return xs.sort((a, b) => a.start - b.start);
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i];
    let j = i - 1;
    while (j >= 0 && xs[j].start > x.start) {
      xs[j + 1] = xs[j];
      j--;
    }
    xs[j + 1] = x;
  }
  return xs;
}
