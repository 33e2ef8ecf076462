import type { EventCounts, TextSpan } from "../../core/doc.js";
import type { EventLexicon } from "./event-lexicon.js";
import type { EventToken } from "./event-tokens.js";

function numberOf(t: EventToken, lex: EventLexicon): number | "skip" | null {
  // "و25" (and 25): a one-letter coordinator written onto the figure
  let f = t.forms[0];
  if (f.length > 1 && lex.coordinators.has(f[0]) && /^[\d\u0660-\u0669]+$/.test(f.slice(1))) f = f.slice(1);
  // (the figures' patterns tried only on a word that starts with a digit of theirs: most words are read off the table)
  const c = f.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    if (/^\d{1,3}(,\d{3})*$|^\d+$/.test(f)) {
      const n = Number(f.replace(/,/g, ""));
      return n >= 1900 && n <= 2100 && !f.includes(",") ? null : n;
    }
  } else if (c >= 0x660 && c <= 0x669 && /^[\u0660-\u0669]+$/.test(f)) return Number([...f].map((c) => c.charCodeAt(0) - 0x660).join(""));
  for (const x of t.forms) {
    const v = lex.numbers.get(x);
    if (v !== undefined) return v;
  }
  return null;
}

/** A word of letters and dots ending in one or two letters: "u.s", "uk". */
const ABBREVIATION = /^(?:\p{L}\.)*\p{L}{1,2}$/u;

/** A full stop ending an abbreviation ("U.S.", "U.K."): a dot touching a short word of letters and dots. */
function abbreviationDot(tokens: readonly EventToken[], k: number): boolean {
  const t = tokens[k], p = tokens[k - 1];
  if (t.forms[0] !== "." || !p || !p.isWord || p.end !== t.start) return false;
  // a word without a dot is an abbreviation only of one or two letters (at most four UTF-16 units): the full stop after
  // a longer word, the common case, is told at once. (The regex's compiled code is dropped by the collector and
  // compiled again, for its letter class, at tens of microseconds, when next used: rarely used, it is compiled nearly
  // every time.)
  const w = p.forms[0];
  if (w.length > 4 && !w.includes(".")) return false;
  return ABBREVIATION.test(w);
}

/**
 * The figure closest before token `start`, across at most `words` words of the same phrase (abbreviation dots
 * included; the word of another count stops the walk: "3 killed and 25 wounded"), as its value and position.
 */
function figureBefore(tokens: readonly EventToken[], lex: EventLexicon, start: number, from: number, words: number): { n: number; at: number } | null {
  for (let k = start, n = 0; k >= from && n < words; k--) {
    if (!tokens[k].isWord) {
      if (abbreviationDot(tokens, k)) continue;
      return null;
    }
    n++;
    if (lex.counts.matchAt(tokens, k).length) return null;
    const v = numberOf(tokens[k], lex);
    if (typeof v === "number") return { n: v, at: k };
  }
  return null;
}

type Counted = { counts: EventCounts; phrases: TextSpan[]; figures: { kind: "killed" | "injured" | "munitions"; value: number; phrase: TextSpan }[] };
const NO_COUNTS: Counted = Object.freeze({ counts: Object.freeze({}), phrases: Object.freeze([]) as unknown as TextSpan[], figures: Object.freeze([]) as unknown as Counted["figures"] });

/** Killed, injured and munitions counts in tokens, each with the phrase it came from; the first of a kind wins. */
export function findCounts(
  tokens: readonly EventToken[],
  text: string,
  lex: EventLexicon,
  from = 0,
  to = tokens.length,
): Counted {
  const found = lex.counts.findAll(tokens, from, to);
  // most sentences name no figure: one shared (frozen) empty answer
  if (!found.length) return NO_COUNTS;
  const counts: { killed?: number; injured?: number; munitions?: number } = {};
  const phrases: TextSpan[] = [];
  // every figure, a kind given twice too ("34 wounded, per CENTCOM; 25, per Jordan"): the first of each is the count
  const figures: { kind: "killed" | "injured" | "munitions"; value: number; phrase: TextSpan }[] = [];
  for (const m of found) {
    const { kind, dir } = m.value;
    let found: { n: number; at: number } | null = null;
    if (dir === "after" || dir === "both") {
      for (let k = m.to, n = 0; k < to && n < 5; k++, n++) {
        if (!tokens[k].isWord) break;
        const v = numberOf(tokens[k], lex);
        if (typeof v === "number") {
          found = { n: v, at: k };
          break;
        }
        if (v !== "skip") break;
      }
    }
    if (!found && (dir === "before" || dir === "both")) {
      // "Three U.S. service members were killed": back across the subject, its abbreviation dots included
      found = figureBefore(tokens, lex, m.from - 1, from, 7);
    }
    if (!found || found.n <= 0) continue;
    // "two Americans and one Briton were killed", "wounding five soldiers and a contractor": coordinated figures add up
    let first = found.at;
    let last = found.at;
    if (found.at < m.from) {
      const k0 = found.at - 1;
      if (k0 > from && lex.coordinators.has(tokens[k0].forms[0])) {
        const other = figureBefore(tokens, lex, k0 - 1, from, 5);
        if (other && other.n > 0) (found = { n: found.n + other.n, at: found.at }), (first = other.at);
      }
    } else {
      for (let k = found.at + 1, n = 0; k + 1 < to && n < 5; k++) {
        if (!tokens[k].isWord) {
          if (abbreviationDot(tokens, k)) continue;
          break;
        }
        n++;
        if (lex.counts.matchAt(tokens, k).length) break;
        if (lex.coordinators.has(tokens[k].forms[0])) {
          const v = numberOf(tokens[k + 1], lex);
          if (typeof v === "number" && v > 0) (found = { n: found.n + v, at: found.at }), (last = k + 1);
          break;
        }
      }
    }
    const a = Math.min(first, m.from), b = Math.max(last + 1, m.to);
    const phrase = { start: tokens[a].start, end: tokens[b - 1].end, text: text.slice(tokens[a].start, tokens[b - 1].end) };
    figures.push({ kind, value: found.n, phrase });
    if (counts[kind] !== undefined) continue;
    counts[kind] = found.n;
    phrases.push(phrase);
  }
  return { counts, phrases, figures };
}
