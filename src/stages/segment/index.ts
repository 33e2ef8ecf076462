import { partResource, type Context } from "../../core/context.js";
import type { Stage } from "../../core/stage.js";
import { segmentText } from "./segment-text.js";

const abbreviationsOf = partResource<ReadonlySet<string>>("abbreviations");
// the abbreviations of the last context and language asked for (no loader closure made per article to ask again)
let last: { ctx: Context; lang: string; abbreviations: ReadonlySet<string> } | null = null;

function abbreviationsFor(ctx: Context, lang: string): ReadonlySet<string> {
  if (last && last.ctx === ctx && last.lang === lang) return last.abbreviations;
  last = { ctx, lang, abbreviations: abbreviationsOf(ctx, lang, () => new Set(ctx.lang(lang).list("abbreviations"))) };
  return last.abbreviations;
}

/** Segment: sentences and tokens, with the language's abbreviations. */
export const segmentStage: Stage = {
  name: "segment",
  version: "0.1.0",
  requires: ["text", "language"],
  provides: ["sentences", "tokens"],
  run(doc, ctx) {
    const lang = doc.language?.code ?? "und";
    const { sentences, tokens } = segmentText(doc.text, lang, abbreviationsFor(ctx, lang));
    return { ...doc, sentences, tokens };
  },
};
