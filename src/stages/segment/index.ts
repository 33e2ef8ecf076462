import { partResource } from "../../core/context.js";
import type { Stage } from "../../core/stage.js";
import { segmentText } from "./segment-text.js";

const abbreviationsOf = partResource<ReadonlySet<string>>("abbreviations");

/** Segment: sentences and tokens, with the language's abbreviations. */
export const segmentStage: Stage = {
  name: "segment",
  version: "0.1.0",
  requires: ["text", "language"],
  provides: ["sentences", "tokens"],
  run(doc, ctx) {
    const lang = doc.language?.code ?? "und";
    const abbreviations = abbreviationsOf(ctx, lang, () => new Set(ctx.lang(lang).list("abbreviations")));
    const { sentences, tokens } = segmentText(doc.text, lang, abbreviations);
    return { ...doc, sentences, tokens };
  },
};
