
import { partResource, type Context } from "../../core/context.js";
import type { KbEntry } from "../../kb/knowledge-base.js";
import type { Stage } from "../../core/stage.js";
import { loadKb } from "../../kb/load-kb.js";
import { attributeQuotes } from "./attribute-quotes.js";
import { findCitations, kbMediaMatcher, mergeCitations } from "./find-citations.js";
import { loadSpeechLexicon, type SpeechLexicon } from "./speech-lexicon.js";
import { scratchWordsOfTokens, tokenizeWords, type PhraseIndex } from "./phrase-index.js";
import { tokenWordIds } from "../segment/segment-text.js";

export { findQuoteSpans } from "./find-quote-spans.js";

const titlesOf = partResource<ReadonlySet<string>>("speaker-titles");

/** What the quote passes read for one context and language. */
interface QuoteResources {
  readonly ctx: Context;
  readonly iso: string;
  readonly lex: SpeechLexicon;
  readonly titles: ReadonlySet<string>;
  readonly kbm: PhraseIndex<KbEntry>;
}
// the resources of the last context and language asked for (no loader closures made per article to ask again)
let lastResources: QuoteResources | null = null;

function resourcesOf(ctx: Context, iso: string): QuoteResources {
  if (lastResources && lastResources.ctx === ctx && lastResources.iso === iso) return lastResources;
  const kb = ctx.resource("kb", loadKb);
  return (lastResources = {
    ctx, iso, lex: loadSpeechLexicon(ctx, iso),
    titles: titlesOf(ctx, iso, () => new Set(ctx.lang(iso).list("speaker-titles"))),
    kbm: ctx.resource("kb-media-matcher", () => kbMediaMatcher(kb)),
  });
}

/** Quotes and claims with their speakers and attribution chains; adds the media the article cites to meta.cites. */
export const quotesStage: Stage = {
  name: "quotes",
  version: "0.1.0",
  requires: ["sentences", "entities", "meta"],
  provides: ["quotes", "claims"],
  run(doc, ctx) {
    const { lex, titles, kbm } = resourcesOf(ctx, doc.language?.code ?? "und");
    // (scratch arrays: the words are read by this run only)
    const words = doc.tokens?.length ? scratchWordsOfTokens(doc.tokens, doc.text, tokenWordIds(doc.tokens)) : tokenizeWords(doc.text);
    const cites = findCitations(doc, lex, kbm, words);
    const { quotes, claims } = attributeQuotes(doc, lex, titles, cites, words);
    const meta = doc.meta ? { ...doc.meta, cites: mergeCitations(doc.meta.cites, cites) } : doc.meta;
    return { ...doc, meta, quotes, claims };
  },
};

