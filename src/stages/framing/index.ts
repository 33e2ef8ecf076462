import type { Span } from "../../core/doc.js";
import type { Stage } from "../../core/stage.js";
import { findFraming } from "./find-framing.js";
import { loadFramingLexicon } from "./framing-lexicon.js";

const OPEN = "\"“«‘„";
const CLOSE = "\"”»’“";

/** True when the term is wrapped in quotation marks of its own: "the “occupation forces”". */
function wrapped(text: string, s: Span): boolean {
  let i = s.start - 1;
  while (i >= 0 && text[i] === " ") i--;
  let j = s.end;
  while (j < text.length && text[j] === " ") j++;
  return i >= 0 && OPEN.includes(text[i]) && j < text.length && CLOSE.includes(text[j]);
}

/** Framing lens: loaded terms with a neutral alternative, in the outlet's own voice or inside a quote. */
export const framingStage: Stage = {
  name: "framing",
  version: "0.1.0",
  requires: ["tokens", "quotes"],
  provides: ["framing"],
  run(doc, ctx) {
    const iso = doc.language?.code ?? "und";
    const lex = loadFramingLexicon(ctx, iso);
    const quotes = doc.quotes ?? [];
    const inQuote = (s: Span) => quotes.some((q) => q.start <= s.start && s.end <= q.end) || wrapped(doc.text, s);
    const captions = (doc.regions ?? []).filter((r) => r.kind === "caption");
    return { ...doc, framing: findFraming(doc.text, lex, inQuote, captions) };
  },
};
