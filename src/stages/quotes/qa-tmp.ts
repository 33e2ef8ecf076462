import { analyzeText } from "../../test-helpers/analyze-text.js";
const t = process.argv[2];
const d = analyzeText(t, { format: "text" });
for (const e of d.entities ?? []) console.log("E", e.name, e.type, e.mentions.map((m) => m.text));
for (const q of d.quotes ?? []) console.log("Q", q.speaker?.text, q.speaker?.entity, q.verb, q.text.slice(0, 50));
for (const c of d.claims ?? []) console.log("C", c.speaker?.text, c.verb, c.content.text.slice(0, 50), c.chain.map((x) => x.text));
console.log(d.meta?.cites);
import { findQuoteSpans } from "./find-quote-spans.js";
import { preAttribution, postAttribution } from "./find-attribution.js";
import { loadSpeechLexicon } from "./speech-lexicon.js";
import { testContext } from "../../test-helpers/analyze-text.js";
const lex = loadSpeechLexicon(testContext(), "en");
console.log(d.language, d.sentences?.map((s) => d.text.slice(s.start, s.end)));
for (const q of findQuoteSpans(d.text)) {
  console.log(q, postAttribution(d.text, q.close, d.text.length, lex), preAttribution(d.text, 0, q.open, lex, 0));
}
