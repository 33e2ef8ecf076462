import type { FramingTerm, Span } from "../../core/doc.js";
import { startsTerm, type FramingLexicon } from "./framing-lexicon.js";

/** Finds loaded terms in `text`; `inQuote` says whether a span lies inside quoted words. */
export function findFraming(text: string, lex: FramingLexicon, inQuote: (span: Span) => boolean, skip: readonly Span[] = []): FramingTerm[] {
  const out: FramingTerm[] = [];
  if (!lex.re) return out;
  const re = lex.re;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (!startsTerm(text, m.index)) {
      re.lastIndex = m.index + 1;
      continue;
    }
    const groups = m.groups ?? {};
    let idx = -1;
    for (const k in groups) if (groups[k] !== undefined) { idx = Number(k.slice(1)); break; }
    if (idx < 0) continue;
    const e = lex.entries[idx];
    // The span is the term itself (without an Arabic clitic in front), plus a plural ending when present.
    const core = groups[`t${idx}`]!;
    const start = m.index + m[0].indexOf(core);
    const end = m.index + m[0].length;
    if (skip.some((s) => s.start <= start && end <= s.end)) continue;
    out.push({ term: text.slice(start, end), start, end, category: e.category, neutral: e.neutral, voice: inQuote({ start, end }) ? "quote" : "outlet" });
  }
  return out;
}
