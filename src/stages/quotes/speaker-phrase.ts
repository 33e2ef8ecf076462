import type { Span } from "../../core/doc.js";
export { sortByStart } from "../../core/sort-by-start.js";

/** A piece of text picked out as (part of) a speaker phrase. */
export interface Phrase extends Span {
  readonly text: string;
}

const PARTICLE = /^(?:al|el|as|ash|ad|an|ar|at|az|bin|ibn|bint|abu|abou|abo|de|du|des|la|le|van|von|der)(?:[-‐‑’']|$)/i;
const CAP = /^[\p{Lu}]/u;
// Words that start a sentence or clause with a capital but are not names.
const NOT_NAME = new Set([
  "The", "A", "An", "In", "On", "At", "During", "According", "Earlier", "Later", "But", "And", "Meanwhile", "However",
  "He", "She", "It", "They", "We", "I", "This", "That", "These", "Those", "Amid", "After", "Before", "While", "When",
  "Speaking", "Elsewhere", "Also", "Le", "La", "Les", "Il", "Elle", "Ils", "Elles", "Un", "Une", "Des", "Selon", "Dans",
  "En", "Au", "Aux", "Pour", "Mais", "Et", "Alors", "Lors", "Après", "Avant", "Both", "Each", "All", "Some", "Many",
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April",
  "May", "June", "July", "August", "September", "October", "November", "December", "Lundi", "Mardi", "Mercredi", "Jeudi",
  "Vendredi", "Samedi", "Dimanche", "Nous", "Vous", "Notre", "Nos", "Our", "You", "Your", "My", "Je", "Ce", "Cette",
]);

/** How many words text[start, end) has, with at most `cap` counted (a cheap loop for length checks). */
export function countWords(text: string, start = 0, end = text.length, cap = Infinity): number {
  let n = 0;
  let inWord = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    // letters and digits of any script; ASCII punctuation and spaces end a word
    const letter = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c !== 0x2019 && c !== 0x201c && c !== 0x201d && c !== 0xab && c !== 0xbb && c !== 0x60c && c !== 0x2014 && c !== 0x2013);
    if (letter && !inWord) {
      if (++n >= cap) return n;
      inWord = true;
    } else if (!letter && c !== 39 && c !== 45) inWord = false;
  }
  return n;
}

const WORD_IN = /[\p{L}\p{N}\p{M}][\p{L}\p{N}\p{M}’'\-‐‑.]*/gu;
/** True when w ends in . ’ ' or - (as /[.’'-]$/). */
function endsInTrim(w: string): boolean {
  const c = w.charCodeAt(w.length - 1);
  return c === 46 || c === 0x2019 || c === 39 || c === 45;
}

/** Words of `text[start, end)` with their offsets (letters, digits, apostrophes, hyphens, periods inside), at most `limit`. */
export function wordsIn(text: string, start: number, end: number, limit = Infinity): Phrase[] {
  const out: Phrase[] = [];
  // (one regex for every call: a literal in the body made a RegExp object per call)
  const re = WORD_IN;
  re.lastIndex = start;
  for (let m = re.exec(text); m && m.index < end && out.length < limit; m = re.exec(text)) {
    let w = m[0];
    while (endsInTrim(w) && w.length > 1 && !/^(?:[A-Z]\.)+$/.test(w)) w = w.slice(0, -1);
    const e = Math.min(m.index + w.length, end);
    out.push({ start: m.index, end: e, text: text.slice(m.index, e) });
  }
  return out;
}

/** The last run of capitalised words (with name particles: al-, bin, de) in the span: a person or group name. */
export function lastNameRun(text: string, start: number, end: number, titles: ReadonlySet<string>): Phrase | null {
  const ws = wordsIn(text, start, end);
  let runEnd = -1;
  let runStart = -1;
  for (let i = ws.length - 1; i >= 0; i--) {
    const w = ws[i].text;
    const gap = i < ws.length - 1 ? text.slice(ws[i].end, ws[i + 1].start) : "";
    const joined = runEnd < 0 || /^\s+$/.test(gap) || /^\s*[-‐‑]\s*$/.test(gap);
    const isCap = CAP.test(w) && !NOT_NAME.has(w);
    const isPart = PARTICLE.test(w) && runEnd >= 0;
    if (runEnd < 0) {
      if (isCap || (PARTICLE.test(w) && /[-‐‑’']/.test(w) && /\p{Lu}/u.test(w.replace(/^[^-‐‑’']*[-‐‑’']/, "")))) {
        runEnd = i;
        runStart = i;
      }
      continue;
    }
    if (joined && (isCap || isPart) && !/’s$|'s$/.test(w)) runStart = i;
    else break;
  }
  if (runEnd < 0) return null;
  // strip titles and nationality words from the front: "Iraqi Prime Minister Mohammed Shia al-Sudani"
  let s = runStart;
  while (s < runEnd && titles.has(ws[s].text.replace(/\.$/, ""))) s++;
  if (titles.has(ws[s].text.replace(/\.$/, ""))) return null;
  const a = ws[s].start;
  const b = ws[runEnd].end;
  return { start: a, end: b, text: text.slice(a, b) };
}

/** The phrase around a head word: up to `back` words before it (stopping at a comma) and a short "in/of …" tail. */
export function phraseAround(text: string, head: Span, back: number, lower: number, upper: number): Phrase {
  let a = head.start;
  const before = wordsIn(text, lower, head.start).slice(-back);
  for (let i = before.length - 1; i >= 0; i--) {
    const gap = text.slice(before[i].end, a);
    if (/[,;:.()“”"«»]/.test(gap)) break;
    a = before[i].start;
  }
  let b = head.end;
  const tail = /^(?:\s+(?:in|from|of|at|close to|within|du|de la|de l['’]|des|de|dans|au sein de|proche de|في|من|داخل|ب|مقرب من)\s+[^,.;:“”"«»]{1,60}?)(?=[,.;:“”"«»]|\s+(?:said|told|added|as|that|who|a |qui|que|أن|إن|قال)|$)/u.exec(text.slice(b, upper));
  if (tail) b += tail[0].length;
  while (b > a && /[\s,]/.test(text[b - 1])) b--;
  return { start: a, end: b, text: text.slice(a, b) };
}
