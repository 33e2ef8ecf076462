/**
 * A half-open range [start, end) of JavaScript string indices (UTF-16 code units).
 * Inside the pipeline spans point into `Doc.text` (the clean text); the output layer maps them
 * back into the original input through `Doc.offsets`.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A span together with the text it covers. */
export interface TextSpan extends Span {
  readonly text: string;
}

/** True when two spans share at least one position. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** True when `outer` contains `inner` entirely. */
export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}
