import { isSpace } from "../../core/is-space.js";

/** A stretch of text between quotation marks. Offsets are into the text given. */
export interface QuoteSpan {
  /** Position of the opening mark. */
  readonly open: number;
  /** Position of the closing mark, or the paragraph end when the quote is left open. */
  readonly close: number;
  /** The quoted words, trimmed: [start, end). */
  readonly start: number;
  readonly end: number;
  /** Nesting depth: 0 for an outer quote. */
  readonly depth: number;
  /** True when the quote runs on over a paragraph break (“… ¶ “…”). */
  readonly multiParagraph: boolean;
}

type Kind = "curly" | "guillemet" | "straight" | "single" | "straight-single";
interface Open {
  kind: Kind;
  pos: number;
  multi: boolean;
}

const LETTER = /[\p{L}\p{N}]/u;
const isLetter = (c: string | undefined) => !!c && LETTER.test(c);
/** LETTER of each UTF-16 unit, worked out on first use: 1 yes, 2 no (a lone surrogate is no letter, as LETTER tests it). */
const LETTER_CODE = new Uint8Array(0x10000);
/** isLetter(text[i]) by the character's code, without a string for it (false outside the text). */
function isLetterAt(text: string, i: number): boolean {
  // (bounds tested first: charCodeAt outside the text made optimised code bail out, "out of bounds")
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  let v = LETTER_CODE[c];
  if (!v) LETTER_CODE[c] = v = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
  return v === 1;
}
/** /\s/.test(text[i]) by the character's code, without a string for it (i inside the text). */
const isSpaceAt = (text: string, i: number): boolean => isSpace(text.charCodeAt(i));
/** True when text[s, e) holds a character that is not white space (as /\S/ on the slice, without the slice). */
function hasNonSpace(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (!isSpaceAt(text, i)) return true;
  return false;
}
/** A quotation mark or apostrophe: the marks a quote opens or closes with (one character each). */
const MARK = /["“”«»‘’']/g;

/** An open mark that may run on over a paragraph break: not a single quote or an apostrophe. */
const spansParagraphs = (o: Open): boolean => o.kind !== "single" && o.kind !== "straight-single";

/** The mark kind that opens at position i (used to see whether a paragraph starts with a continued quote). */
function openerKind(ch: string | undefined): Kind | null {
  // (a switch: a loop over the keys of a kind → characters record made an array per call)
  switch (ch) {
    case "“":
    case "”":
      return "curly";
    case "«":
      return "guillemet";
    case '"':
      return "straight";
    case "‘":
      return "single";
    case "'":
      return "straight-single";
    default:
      return null;
  }
}

/**
 * Finds quotations in EN/FR/AR press text: “…”, «…» (nested), "…", ‘…’ and '…' (on word boundaries), Arabic ”…”
 * used as an opener, and quotes that run over paragraph breaks (a paragraph left open whose successor opens again).
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  // the paragraphs that hold more than white space: start and end, two numbers each
  const paras: number[] = [];
  for (let s = 0; s <= text.length; ) {
    let e = text.indexOf("\n", s);
    if (e < 0) e = text.length;
    if (hasNonSpace(text, s, e)) paras.push(s, e);
    s = e + 1;
  }
  const stack: Open[] = [];
  const emit = (o: Open, close: number) => {
    let a = o.pos + 1;
    let b = close;
    while (a < b && isSpaceAt(text, a)) a++;
    while (b > a && isSpaceAt(text, b - 1)) b--;
    if (b > a) out.push({ open: o.pos, close, start: a, end: b, depth: stack.length, multiParagraph: o.multi });
  };
  const find = (k: Kind) => {
    for (let j = stack.length - 1; j >= 0; j--) if (stack[j].kind === k) return j;
    return -1;
  };
  const closeAt = (j: number, i: number) => {
    while (stack.length > j + 1) emit(stack.pop()!, i);
    emit(stack.pop()!, i);
  };
  for (let p = 0; p < paras.length; p += 2) {
    const ps = paras[p];
    const pe = paras[p + 1];
    // (one stack for all the paragraphs: it is empty at a paragraph's start unless a quote was carried over)
    let first = ps;
    while (first < pe && isSpaceAt(text, first)) first++;
    // the marks of the paragraph: MARK.test leaves lastIndex just past the next one (an exec made a match array per
    // apostrophe; a loop over the character codes was slower than the regex's scan: measured)
    MARK.lastIndex = ps;
    while (MARK.test(text)) {
      const i = MARK.lastIndex - 1;
      if (i >= pe) break;
      const c = text[i];
      // (whether the characters around the mark are letters, by their codes)
      const prevLetter = isLetterAt(text, i - 1);
      const nextLetter = isLetterAt(text, i + 1);
      // a continued quote: this paragraph reopens with the mark that was left open
      if (i === first && stack.length && openerKind(c) === stack[stack.length - 1].kind && nextLetter) continue;
      const top = stack[stack.length - 1];
      if (c === "“") {
        // an Arabic text may close with “ after opening with ”
        if (top?.kind === "curly" && !nextLetter) closeAt(stack.length - 1, i);
        else stack.push({ kind: "curly", pos: i, multi: false });
      } else if (c === "”") {
        const j = find("curly");
        if (j >= 0) closeAt(j, i);
        else if (nextLetter) stack.push({ kind: "curly", pos: i, multi: false });
      } else if (c === "«") stack.push({ kind: "guillemet", pos: i, multi: false });
      else if (c === "»") {
        const j = find("guillemet");
        if (j >= 0) closeAt(j, i);
        // a reversed guillemet glued to the next word opens: « tient »des groupes armés … »
        else if (nextLetter) stack.push({ kind: "guillemet", pos: i, multi: false });
      } else if (c === '"') {
        const j = find("straight");
        if (j >= 0) closeAt(j, i);
        else stack.push({ kind: "straight", pos: i, multi: false });
      } else if (c === "‘") {
        if (!prevLetter) stack.push({ kind: "single", pos: i, multi: false });
      } else if (c === "’") {
        const j = find("single");
        if (j >= 0 && !nextLetter) closeAt(j, i);
      } else if (c === "'") {
        const j = find("straight-single");
        if (j >= 0 && !nextLetter && !(i === 0 || isSpaceAt(text, i - 1))) closeAt(j, i);
        else if (!prevLetter && nextLetter) stack.push({ kind: "straight-single", pos: i, multi: false });
      }
    }
    // Left open at the paragraph end: carried when the next paragraph reopens with the same mark, else closed here.
    const nextPara = p + 2 < paras.length;
    let nextFirst = nextPara ? paras[p + 2] : -1;
    if (nextPara) while (nextFirst < paras[p + 3] && isSpaceAt(text, nextFirst)) nextFirst++;
    // a stray apostrophe never spans a paragraph (dropped in place, in order)
    let kept = 0;
    for (let q = 0; q < stack.length; q++) if (spansParagraphs(stack[q])) stack[kept++] = stack[q];
    stack.length = kept;
    if (stack.length && nextPara && openerKind(text[nextFirst]) === stack[stack.length - 1].kind && isLetter(text[nextFirst + 1])) {
      stack[stack.length - 1].multi = true;
    } else {
      while (stack.length) emit(stack.pop()!, pe);
    }
  }
  return out.sort((a, b) => a.open - b.open);
}
