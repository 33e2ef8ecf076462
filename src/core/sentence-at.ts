import type { Span } from "./span.js";

/**
 * Binary search over sentences sorted by position: the index of the sentence containing `pos`, or, when `pos` falls
 * between sentences, `-(k + 1)` where k is the index of the next sentence (k = length when none follows).
 */
export function sentenceAt(sentences: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= pos) lo = mid + 1;
    else if (sentences[mid].start > pos) hi = mid - 1;
    else return mid;
  }
  return -(lo + 1);
}
