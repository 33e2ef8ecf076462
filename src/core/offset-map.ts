import type { Span } from "./span.js";

/**
 * Maps positions in a derived text (the clean text) back to positions in the original input.
 * The derived text is a sequence of pieces: runs copied verbatim from the original, and synthetic
 * characters (a newline joining two kept blocks, a decoded HTML entity) that map to a single original position.
 */
export class OffsetMap {
  /** Piece starts in the derived text, ascending. */
  private readonly from: number[];
  /** Piece starts in the original text. */
  private readonly to: number[];
  /** 1 when the piece is copied verbatim (positions advance together), 0 when synthetic. */
  private readonly copied: Uint8Array;
  /** Length of the derived text. */
  readonly length: number;

  constructor(from: number[], to: number[], copied: number[], length: number) {
    this.from = from;
    this.to = to;
    this.copied = Uint8Array.from(copied);
    this.length = length;
  }

  /** The identity map over a text of `length` code units. */
  static identity(length: number): OffsetMap {
    return new OffsetMap([0], [0], [1], length);
  }

  /** The original position of derived position `i` (0 ≤ i ≤ length). */
  toOriginal(i: number): number {
    const { from, to, copied } = this;
    let lo = 0;
    let hi = from.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (from[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    return copied[lo] ? to[lo] + (i - from[lo]) : to[lo];
  }

  /** Maps a derived span to the original; a span ending inside a synthetic piece ends at that piece's origin. */
  spanToOriginal(span: Span): Span {
    const start = this.toOriginal(span.start);
    const end = span.end > span.start ? this.toOriginal(span.end - 1) + 1 : start;
    return { start, end: Math.max(start, end) };
  }
}

/** Builds a derived text piece by piece while recording where each piece came from. */
export class TextBuilder {
  private text = "";
  private readonly from: number[] = [];
  private readonly to: number[] = [];
  private readonly copied: number[] = [];

  /** Appends `original.slice(start, end)` verbatim. */
  copy(original: string, start: number, end: number): void {
    if (end <= start) return;
    this.push(this.text.length, start, 1);
    this.text += original.slice(start, end);
  }

  /** Appends text that is not a verbatim copy (e.g. a decoded entity) and maps it to `originalAt`. */
  insert(str: string, originalAt: number): void {
    if (!str) return;
    this.push(this.text.length, originalAt, 0);
    this.text += str;
  }

  /** Length of the text built so far. */
  get length(): number {
    return this.text.length;
  }

  /** The last character appended, or "" when empty. */
  get last(): string {
    return this.text.length ? this.text[this.text.length - 1] : "";
  }

  /** Removes trailing characters matching `re` (a single-char class such as /[ \t]/). */
  trimEnd(re: RegExp): void {
    let n = this.text.length;
    while (n > 0 && re.test(this.text[n - 1])) n--;
    if (n === this.text.length) return;
    this.text = this.text.slice(0, n);
    while (this.from.length && this.from[this.from.length - 1] >= n) {
      this.from.pop();
      this.to.pop();
      this.copied.pop();
    }
  }

  private push(fromAt: number, toAt: number, copied: number): void {
    // Merge with the previous piece when it continues it exactly.
    const k = this.from.length - 1;
    if (k >= 0 && copied && this.copied[k] && this.to[k] + (fromAt - this.from[k]) === toAt) return;
    if (k >= 0 && this.from[k] === fromAt) {
      this.to[k] = toAt;
      this.copied[k] = copied;
      return;
    }
    this.from.push(fromAt);
    this.to.push(toAt);
    this.copied.push(copied);
  }

  /** The text and its map to the original. */
  build(): { text: string; offsets: OffsetMap } {
    const from = this.from.length ? this.from : [0];
    const to = this.to.length ? this.to : [0];
    const copied = this.copied.length ? this.copied : [1];
    return { text: this.text, offsets: new OffsetMap(from, to, copied, this.text.length) };
  }
}
