// Phrase matcher: the shortcuts (a token's table bits, positions matched when first asked) find what a plain lookup finds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeText, testContext } from "../../test-helpers/analyze-text.js";
import { loadEventLexicon, type EventLexicon } from "./event-lexicon.js";
import { sentenceTokens, shapeOf, type EventToken } from "./event-tokens.js";
import type { PhraseTable } from "./phrase-matcher.js";

const TEXTS: [string, string][] = [
  ["en", "The militia said it had launched a drone strike on the base, killing two soldiers and wounding five others, and vowed to carry out further attacks."],
  ["fr", "L'armée a affirmé qu'elle avait mené des frappes contre les positions du groupe, tuant trois combattants, et l'a accusé d'avoir attaqué la base."],
];

function tablesOf(lex: EventLexicon): [string, PhraseTable<unknown>][] {
  return Object.entries(lex).filter(([, v]) => v && typeof v === "object" && "findAll" in v) as [string, PhraseTable<unknown>][];
}

for (const [lang, text] of TEXTS) {
  test(`phrase matcher ${lang}: primed tokens (table bits) and unprimed ones find the same phrases in every table`, () => {
    const doc = analyzeText(text, { upTo: "dates" });
    const lex = loadEventLexicon(testContext(), lang);
    // the events stage's path: every word's shape looked up once by the annotator
    const shapes = (doc.tokens ?? []).map((t) => {
      const sh = shapeOf(t.text, t.isWord, lang);
      lex.triggers.mayStartShape(sh, t.isWord);
      return sh;
    });
    for (let si = 0; si < (doc.sentences ?? []).length; si++) {
      const primed = sentenceTokens(doc, si, lang, shapes);
      assert.ok(primed.every((t) => t.by !== undefined));
      // the same tokens without what the matcher kept: it looks every form up itself
      const plain: EventToken[] = primed.map((t) => ({ start: t.start, end: t.end, forms: t.forms, isWord: t.isWord }));
      let found = 0;
      for (const [name, table] of tablesOf(lex)) {
        const a = table.findAll(primed).map((m) => [m.from, m.to, m.value]);
        const b = table.findAll(plain).map((m) => [m.from, m.to, m.value]);
        assert.deepEqual(a, b, `${name}, sentence ${si}`);
        for (let i = 0; i < primed.length; i++) assert.deepEqual(table.matchAt(primed, i), table.matchAt(plain, i), `${name} at ${i}`);
        found += a.length;
      }
      assert.ok(found > 0);
    }
  });
}
