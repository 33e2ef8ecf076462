import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeText } from "../../test-helpers/analyze-text.js";

// [language, text, term as found, category, whose voice]
const CASES: [string, string, string, string, "outlet" | "quote"][] = [
  ["en", "The occupiers left the base at night. Officials met in Baghdad on Monday to discuss it.", "occupiers", "delegitimizing label", "outlet"],
  ["en", "Officials met in Baghdad on Monday. “The Zionist regime will pay for this crime,” the commander said.", "Zionist regime", "delegitimizing label", "quote"],
  ["en", "A drone strike assassinated the commander near the airport in Baghdad on Friday night.", "assassinated", "loaded verb", "outlet"],
  ["en", "The US-led occupation forces were attacked near the border with Syria on Sunday.", "US-led occupation forces", "delegitimizing label", "outlet"],
  ["en", "The two anti-terror commanders were killed near Baghdad International Airport in 2020.", "anti-terror commanders", "legitimizing label", "outlet"],
  ["fr", "Les groupes ont attaqué les troupes d'occupation américaines dans le pays arabe lundi soir.", "troupes d'occupation", "delegitimizing label", "outlet"],
  ["fr", "Les alliés ont vaincu le groupe terroriste takfiri en 2017 après une longue guerre.", "takfiri", "delegitimizing label", "outlet"],
  ["ar", "قال المتحدث إن \"قوات الاحتلال ستغادر البلاد قريبا\" خلال مؤتمر صحفي في بغداد.", "قوات الاحتلال", "delegitimizing label", "quote"],
  ["ar", "وأدان البيان العدوان على مواقع الحشد الشعبي في الأنبار مساء الجمعة.", "العدوان", "loaded noun", "outlet"],
];

test("loaded terms are marked with category, neutral wording and voice", () => {
  for (const [lang, text, term, category, voice] of CASES) {
    const doc = analyzeText(text);
    const f = (doc.framing ?? []).find((x) => x.term === term);
    assert.ok(f, `${lang}: "${term}" not found in ${JSON.stringify((doc.framing ?? []).map((x) => x.term))}`);
    assert.equal(f.category, category, term);
    assert.equal(f.voice, voice, term);
    assert.ok(f.neutral, term);
    assert.equal(doc.text.slice(f.start, f.end), term);
  }
});

test("neutral wording is not flagged", () => {
  const doc = analyzeText("US forces withdrew from the base under the occupation law of 1950. Officials in Baghdad said the groups were armed.");
  assert.deepEqual((doc.framing ?? []).map((f) => f.term), []);
});

test("every language folder has a framing lexicon with three columns", async () => {
  const { readFileSync } = await import("node:fs");
  for (const iso of ["en", "fr", "ar"]) {
    const rows = readFileSync(new URL(`../../../data/lang/${iso}/framing.tsv`, import.meta.url), "utf8").split("\n").filter((l) => l.trim() && !l.startsWith("#"));
    assert.ok(rows.length > 10, iso);
    for (const r of rows) assert.equal(r.split("\t").length, 3, `${iso}: ${r}`);
  }
});
