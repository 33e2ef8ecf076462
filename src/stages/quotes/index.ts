
import { partResource } from "../../core/context.js";
import type { Stage } from "../../core/stage.js";
import { loadKb } from "../../kb/load-kb.js";
import { attributeQuotes } from "./attribute-quotes.js";
import { findCitations, kbMediaMatcher, mergeCitations } from "./find-citations.js";
import { loadSpeechLexicon } from "./speech-lexicon.js";
import { tokenizeWords, wordsOfTokens } from "./phrase-index.js";
import { tokenWordIds } from "../segment/segment-text.js";

export { findQuoteSpans } from "./find-quote-spans.js";

const titlesOf = partResource<ReadonlySet<string>>("speaker-titles");

/** Quotes and claims with their speakers and attribution chains; adds the media the article cites to meta.cites. */
export const quotesStage: Stage = {
  name: "quotes",
  version: "0.1.0",
  requires: ["sentences", "entities", "meta"],
  provides: ["quotes", "claims"],
  run(doc, ctx) {
    const iso = doc.language?.code ?? "und";
    const lex = loadSpeechLexicon(ctx, iso);
    const titles = titlesOf(ctx, iso, () => new Set(ctx.lang(iso).list("speaker-titles")));
    const kb = ctx.resource("kb", loadKb);
    const kbm = ctx.resource("kb-media-matcher", () => kbMediaMatcher(kb));
    const words = doc.tokens?.length ? wordsOfTokens(doc.tokens, doc.text, tokenWordIds(doc.tokens)) : tokenizeWords(doc.text);
    const cites = findCitations(doc, lex, kbm, words);
    const { quotes, claims } = attributeQuotes(doc, lex, titles, cites, words);
    const meta = doc.meta ? { ...doc.meta, cites: mergeCitations(doc.meta.cites, cites) } : doc.meta;
    return { ...doc, meta, quotes, claims };
  },
};

