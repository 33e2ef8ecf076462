import type { AsideBlock, Diagnostic, Region } from "../../core/doc.js";
import { type OffsetMap, TextBuilder } from "../../core/offset-map.js";
import { matchesAny, type CleanPatterns } from "./clean-patterns.js";
import { isSpace } from "../../core/is-space.js";

/** The clean text of a plain-text or Markdown article, with its regions and what was set aside. */
export interface CleanResult {
  readonly text: string;
  readonly offsets: OffsetMap;
  readonly regions: readonly Region[];
  readonly aside: readonly AsideBlock[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Zero-width, bidi and other invisible format characters that break matching. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/;
/** Markdown markers inside a line: "*" emphasis and inline code ("_" emphasis: see underscoreMark). */
const INLINE_MARK = /\*{1,3}|`/;
const ALNUM = /[\p{L}\p{N}]/u;

/**
 * True when the run of underscores s[i, j) is a Markdown emphasis mark: it opens an emphasis (no letter or digit
 * before it, a non-space after it: "__Breaking__", "_Erbil_") or closes one (a non-space before, no letter or digit
 * after). A run inside a word ("al_Asad", "PMF__statement"), alone between spaces ("hit __ base") or longer than three
 * is text. Outside [lo, hi) counts as a space (the ends of a line).
 */
function underscoreMark(s: string, i: number, j: number, lo = 0, hi = s.length): boolean {
  if (j - i > 3) return false;
  const before = i > lo ? s[i - 1] : " ";
  const after = j < hi ? s[j] : " ";
  const opens = !/\s/.test(after) && !ALNUM.test(before);
  const closes = !/\s/.test(before) && !ALNUM.test(after);
  return opens || closes;
}
/** A line ending in a word that cannot end a sentence or a heading was wrapped: "claimed by the" ⏎ "Islamic Resistance". */
const WRAP_WORD = /\s(?:the|a|an|of|by|to|in|on|at|and|or|with|for|from|as|de|du|des|la|le|les|et|à|au|aux|en|par|pour|sur|dans|avec)$/i;
/** WRAP_WORD matches within the last 5 characters of a line (a space and a word of at most 4): the tail it is run on. */
const WRAP_TAIL = 6;
/** /[.!?:;"”»)\]]$/ on the line raw[l.start, l.end): its last character closes a sentence. */
function endsSentence(raw: string, l: { start: number; end: number }): boolean {
  return l.end > l.start && '.!?:;"”»)]'.includes(raw[l.end - 1]);
}
const LINK_LINE = /^<?(https?:\/\/[^\s<>]+)>?$/i;
const RULE_LINE = /^(?:[-*_=]\s*){3,}$/;
const HEADING = /^#{1,6}\s+/;
const QUOTE_MARK = /^>\s?/;

interface Line {
  start: number; // raw offset of the first content char (after markers)
  end: number; // raw offset after the last content char
  heading: boolean;
  blankBefore: boolean;
  /** stripMarks of the content */
  plain: string;
  /** The content has a character copyLine drops or checks (a mark, an invisible character). */
  marked: boolean;
  /** A byline ("By Jane Doe"): kept as a region, never the title. */
  byline: boolean;
}

/** Content of a line with leading markdown block markers and surrounding whitespace removed. */
function lineContent(raw: string, start: number, end: number): { start: number; end: number; heading: boolean } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(raw[s])) s++;
  while (e > s && /\s/.test(raw[e - 1])) e--;
  let heading = false;
  const head = raw.slice(s, Math.min(e, s + 8));
  const h = HEADING.exec(head);
  if (h) {
    heading = true;
    s += h[0].length;
  } else {
    const q = QUOTE_MARK.exec(head);
    if (q) s += q[0].length;
  }
  return { start: s, end: e, heading };
}

/** Characters copyLine must look at: invisible ones and markdown marks; everything else is copied in runs. */
const SPECIAL = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD*_`]/g;

/** Appends raw[start, end) to the builder, dropping inline markdown marks and invisible characters. */
function copyLine(b: TextBuilder, raw: string, start: number, end: number, removed: { n: number }): void {
  let runStart = start;
  SPECIAL.lastIndex = start;
  for (let m = SPECIAL.exec(raw); m && m.index < end; m = SPECIAL.exec(raw)) {
    const i = m.index;
    const ch = raw[i];
    if (ch !== "*" && ch !== "_" && ch !== "`") {
      b.copy(raw, runStart, i);
      removed.n++;
      runStart = i + 1;
      continue;
    }
    if (ch === "_") {
      // the whole run of underscores is one mark, or text
      let j = i + 1;
      while (j < end && raw.charCodeAt(j) === 95) j++;
      if (underscoreMark(raw, i, j, start, end)) {
        b.copy(raw, runStart, i);
        runStart = j;
      }
      SPECIAL.lastIndex = j;
      continue;
    }
    const mark = INLINE_MARK.exec(raw.slice(i, Math.min(end, i + 3)));
    if (mark && mark.index === 0) {
      b.copy(raw, runStart, i);
      runStart = i + mark[0].length;
      SPECIAL.lastIndex = runStart;
    }
  }
  b.copy(raw, runStart, end);
}

const INVISIBLE_ALL = new RegExp(INVISIBLE.source, "g");
/** Any character stripMarks may remove. */
const MARKED = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD*_`]/;

/** Removes markdown marks and invisible characters from a short string (titles, aside text). */
export function stripMarks(s: string): string {
  // most lines have none: trimming is all there is to do
  return MARKED.test(s) ? stripMarked(s) : s.trim();
}

/** stripMarks of a string that has a character MARKED finds. */
function stripMarked(s: string): string {
  const t = s.replace(/[*`]+/g, "");
  return t.replace(/_+/g, (run: string, i: number) => (underscoreMark(t, i, i + run.length) ? "" : run)).replace(INVISIBLE_ALL, "").trim();
}

/**
 * Cleans a plain-text or Markdown article: drops boilerplate lines, markdown rules and markers, invisible characters;
 * sets aside link and signature lines; marks the title and photo captions as regions. Paragraphs are joined by "\n\n".
 *   "*Image not found or type unknown*" → dropped
 *   "<https://www.radiohc.cu/…>"        → aside (link)
 *   "In this photo, … (Photo by AFP)"   → caption region
 */
export function cleanText(raw: string, patterns: CleanPatterns, opts: { title?: string | null } = {}): CleanResult {
  const lines: Line[] = [];
  const aside: AsideBlock[] = [];
  let blank = true;
  let pos = 0;
  while (pos <= raw.length) {
    let nl = raw.indexOf("\n", pos);
    if (nl < 0) nl = raw.length;
    const c = lineContent(raw, pos, nl);
    const content = raw.slice(c.start, c.end);
    // (one scan of the line for marks: stripMarks would scan it again)
    const marked = MARKED.test(content);
    const plain = marked ? stripMarked(content) : content.trim();
    if (!plain || RULE_LINE.test(content.trim())) {
      blank = true;
    } else if (LINK_LINE.test(plain)) {
      aside.push({ kind: "link", text: LINK_LINE.exec(plain)![1], start: c.start, end: c.end });
      blank = true;
    } else if (matchesAny(patterns.boilerplate, patterns.anyBoilerplate, plain)) {
      aside.push({ kind: "boilerplate", text: plain, start: c.start, end: c.end });
      blank = true;
    } else {
      const byline = plain.length <= 250 && matchesAny(patterns.bylines, patterns.anyByline, plain);
      lines.push({ start: c.start, end: c.end, heading: c.heading, blankBefore: blank, plain, marked, byline });
      blank = false;
    }
    pos = nl + 1;
  }

  // A bold or heading line alone at the very end, after a link line or rule, is the outlet's signature.
  const last = lines[lines.length - 1];
  if (last && lines.length > 2) {
    const content = raw.slice(last.start, last.end);
    const words = stripMarks(content).split(/\s+/).length;
    const marked = /^\*\*.*\*\*$/.test(content) || last.heading;
    if (marked && words <= 6 && !/[.!?:]$/.test(stripMarks(content))) {
      aside.push({ kind: "signature", text: stripMarks(content), start: last.start, end: last.end });
      lines.pop();
    }
  }

  // The title: the first heading, else the first line after any byline; a very short first line before it is a
  // breadcrumb; a byline is neither.
  let titleIdx = -1;
  if (!opts.title) {
    let lead = 0;
    while (lead < 2 && lines[lead]?.byline) lead++;
    titleIdx = lines.findIndex((l) => l.heading && !l.byline);
    if (titleIdx < 0 || titleIdx > 3) titleIdx = lead;
    const first = lines[lead];
    if (titleIdx === lead && (!first || first.byline)) titleIdx = -1;
    else if (titleIdx === lead && lines.length > lead + 1) {
      const words = pieces(stripMarks(raw.slice(first.start, first.end)), 41);
      const next = lines[lead + 1];
      const nextWords = pieces(stripMarks(raw.slice(next.start, next.end)), 41);
      const firstIsTitleLike = !/[.!?]["”»]?$/.test(raw.slice(first.start, first.end).trim());
      if (words <= 3 && nextWords >= 4 && nextWords <= 30 && lines.length > lead + 2) {
        aside.push({ kind: "boilerplate", text: stripMarks(raw.slice(first.start, first.end)), start: first.start, end: first.end });
        lines.splice(lead, 1);
      } else if (!firstIsTitleLike || words > 40) {
        titleIdx = -1;
      }
    }
    // A lone paragraph is the article, not its title; nor is a first line longer than any headline.
    const t = titleIdx >= 0 ? lines[titleIdx] : null;
    if (t && (lines.length < lead + 2 || t.end - t.start > 250)) titleIdx = -1;
  }

  const b = new TextBuilder();
  const regions: Region[] = [];
  const removed = { n: 0 };
  let inCaption = -1;
  lines.forEach((l, i) => {
    // A hard-wrapped line (the previous one stops mid-sentence, this one goes on in lower case) joins with a space.
    const prev = i > 0 ? lines[i - 1] : null;
    const wrapped = prev && !l.blankBefore && i !== titleIdx + 1 && !endsSentence(raw, prev) && (/^[*_]*\p{Ll}/u.test(raw.slice(l.start, l.end)) || WRAP_WORD.test(raw.slice(Math.max(prev.start, prev.end - WRAP_TAIL), prev.end)));
    if (b.length) b.insert(wrapped ? " " : l.blankBefore || i === titleIdx + 1 ? "\n\n" : "\n", l.start);
    const startAt = b.length;
    // (a line without marks is copied whole: the search for the next mark would otherwise run on to the end of the text)
    if (l.marked) copyLine(b, raw, l.start, l.end, removed);
    else b.copy(raw, l.start, l.end);
    const endAt = b.length;
    const plain = l.plain;
    const lower = lowerHead(plain, patterns.captionOpenerMax);
    if (i === titleIdx) regions.push({ kind: "title", start: startAt, end: endAt });
    else if (l.byline) regions.push({ kind: "byline", start: startAt, end: endAt });
    else if (l.heading) regions.push({ kind: "heading", start: startAt, end: endAt });
    const opens = patterns.captionOpeners.some((o) => lower.startsWith(o));
    const credit = matchesAny(patterns.photoCredits, patterns.anyPhotoCredit, plain);
    if (opens || inCaption >= 0 || credit) {
      const from = inCaption >= 0 ? inCaption : startAt;
      if (credit || (!opens && l.blankBefore && inCaption >= 0)) {
        regions.push({ kind: "caption", start: from, end: endAt });
        inCaption = -1;
      } else inCaption = from;
    } else if (i > 0 && i !== titleIdx && !l.byline && isCaptionLike(plain, lines, i, raw)) {
      regions.push({ kind: "caption", start: startAt, end: endAt });
    }
  });
  if (inCaption >= 0) regions.push({ kind: "caption", start: inCaption, end: b.length });
  const { text, offsets } = b.build();
  const diagnostics: Diagnostic[] = [];
  if (removed.n) {
    diagnostics.push({
      severity: "warning",
      code: "W_CONTROL_CHARS",
      stage: "clean",
      message: `${removed.n} zero-width, bidi or soft-hyphen character(s) removed`,
    });
  }
  if (!text.trim()) diagnostics.push({ severity: "warning", code: "W_NO_TEXT", stage: "clean", message: "no article text left after cleaning" });
  return { text, offsets, regions: regions.sort((a, b2) => a.start - b2.start), aside, diagnostics };
}

/**
 * s.split(/\s+/).length (a run of white space more, a piece more), counted only up to `cap`: the title test reads
 * whole paragraphs, and needs no array of their words.
 */
function pieces(s: string, cap: number): number {
  let n = 1;
  for (let k = 0; k < s.length && n <= cap; k++) if (isSpace(s.charCodeAt(k)) && !isSpace(s.charCodeAt(k + 1))) n++;
  return n;
}

const ASCII = /^[\x00-\x7f]*$/;
/**
 * A prefix of s.toLowerCase() at least `n` characters long (or all of it): the caption openers are tested against the
 * start of every line, and lowering a whole paragraph made a copy of it. An ASCII head lowers alone (ASCII letters
 * lower one by one, whatever follows); any other is lowered whole, as before (a character may lower to two, or by
 * what follows it).
 */
function lowerHead(s: string, n: number): string {
  if (s.length <= n + 1) return s.toLowerCase();
  const head = s.slice(0, n + 1);
  return ASCII.test(head) ? head.toLowerCase() : s.toLowerCase();
}

/**
 * A short line with no sentence punctuation between two prose paragraphs reads as a photo caption
 * ("Nujaba Movement's Secretary-General Akram al-Kaabi"), not as prose.
 */
function isCaptionLike(plain: string, lines: readonly Line[], i: number, raw: string): boolean {
  // plain.split(/\s+/).length, without the array (plain is trimmed)
  let words = 1;
  // (counted only as far as the 11th word: a paragraph is no caption, and need not be read to the end)
  for (let k = 0; k < plain.length && words <= 10; k++) if (isSpace(plain.charCodeAt(k)) && !isSpace(plain.charCodeAt(k + 1))) words++;
  if (words > 10 || /[.!?:;"”»،؟]$/.test(plain) || /["“”«»]/.test(plain)) return false;
  const prev = lines[i - 1];
  const next = lines[i + 1];
  if (!prev || !next) return false;
  const prose = (l: Line) => /[.!?"”»]$/.test(raw.slice(l.start, l.end).trim()) && pieces(raw.slice(l.start, l.end), 13) > 12;
  return prose(prev) && prose(next);
}
