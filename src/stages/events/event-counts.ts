import type { EventCounts, TextSpan } from "../../core/doc.js";
import type { EventLexicon } from "./event-lexicon.js";
import type { EventToken } from "./event-tokens.js";

function numberOf(t: EventToken, lex: EventLexicon): number | "skip" | null {
  const f = t.forms[0];
  if (/^\d{1,3}(,\d{3})*$|^\d+$/.test(f)) {
    const n = Number(f.replace(/,/g, ""));
    return n >= 1900 && n <= 2100 && !f.includes(",") ? null : n;
  }
  if (/^[\u0660-\u0669]+$/.test(f)) return Number([...f].map((c) => c.charCodeAt(0) - 0x660).join(""));
  for (const x of t.forms) {
    const v = lex.numbers.get(x);
    if (v !== undefined) return v;
  }
  return null;
}

/** Killed, injured and munitions counts in tokens, each with the phrase it came from; the first of a kind wins. */
export function findCounts(tokens: readonly EventToken[], text: string, lex: EventLexicon, from = 0, to = tokens.length): { counts: EventCounts; phrases: TextSpan[] } {
  const counts: { killed?: number; injured?: number; munitions?: number } = {};
  const phrases: TextSpan[] = [];
  for (const m of lex.counts.findAll(tokens, from, to)) {
    const { kind, dir } = m.value;
    if (counts[kind] !== undefined) continue;
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
      for (let k = m.from - 1, n = 0; k >= from && n < 5; k--, n++) {
        if (!tokens[k].isWord) break;
        const v = numberOf(tokens[k], lex);
        if (typeof v === "number") {
          found = { n: v, at: k };
          break;
        }
      }
    }
    if (!found || found.n <= 0) continue;
    counts[kind] = found.n;
    const a = Math.min(found.at, m.from), b = Math.max(found.at + 1, m.to);
    phrases.push({ start: tokens[a].start, end: tokens[b - 1].end, text: text.slice(tokens[a].start, tokens[b - 1].end) });
  }
  return { counts, phrases };
}
