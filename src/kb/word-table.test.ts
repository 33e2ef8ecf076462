import { test } from "node:test";
import assert from "node:assert/strict";
import { internWord, spanHash, wordString, wordTableGeneration } from "./word-table.js";
import { matchTokens, type MatchToken } from "./match-tokens.js";
import { segmentText, tokenWordIds } from "../stages/segment/segment-text.js";

const intern = (text: string, start = 0, end = text.length) => internWord(text, start, end, spanHash(text, start, end));

test("one id per distinct word, found by its characters wherever they stand", () => {
  const a = intern("the Hashd said", 4, 9);
  assert.equal(wordString(a), "Hashd");
  assert.equal(intern("Hashd"), a);
  assert.equal(intern("xx Hashd", 3), a);
  assert.notEqual(intern("Hash"), a);
  assert.notEqual(intern("hashd"), a);
  assert.equal(wordString(intern("الحشد")), "الحشد");
  // words alike in their first characters, odd and even lengths, long words differing late
  const forms = ["a", "b", "ab", "abc", "abd", "Mohandessin", "Mohandessine", "Mohandessina", "internationalisation", "internationalisatioN", "وبالعراق", "وبالعراقي"];
  const ids = forms.map((f) => intern(f));
  assert.equal(new Set(ids).size, forms.length);
  forms.forEach((f, i) => assert.equal(intern("  " + f + " ", 2, 2 + f.length), ids[i]));
  forms.forEach((f, i) => assert.equal(wordString(ids[i]), f));
});

test("a full table starts again with a new generation, its strings still good", () => {
  const g = wordTableGeneration();
  for (let i = 0; i < 70_000; i++) intern("w" + i);
  assert.equal(wordTableGeneration(), g + 1);
  assert.equal(wordString(intern("Kataib")), "Kataib");
});

test("match tokens read from the segment's word ids are the ones read from the text", () => {
  const texts = [
    "U.S. forces at Today.it said l'Irak d'Al-Tanf, Iraq's Kataʼib al-Kaabi\nthe coalition «الجزيرة» x`y 2,500 A. B.C. site.com.",
    "أكد العميد يحيى رسول أن \"العربية/الحدث\" وبالعراق للقوات",
  ];
  const strip = (t: readonly MatchToken[]) => JSON.stringify(t.map((x) => [x.start, x.end, x.raw, x.keys, x.kind, x.cap, x.arabic, x.article, x.hyphenNext, x.quotedBefore, x.quotedAfter]));
  for (const text of texts) {
    const seg = segmentText(text, "en", new Set());
    const ids = tokenWordIds(seg.tokens);
    assert.ok(ids);
    assert.deepEqual(
      seg.tokens.map((t, i) => wordString(ids[i])),
      seg.tokens.map((t) => t.text),
    );
    assert.equal(strip(matchTokens(text, seg.tokens, ids)), strip(matchTokens(text)));
  }
});

test("each segmentation keeps its tokens' word ids (a batch is segmented before it is read), until the table starts again", () => {
  const a = segmentText("Rockets hit the base on Monday.", "en", new Set());
  const b = segmentText("Le groupe a annoncé une trêve.", "fr", new Set());
  // the earlier document's ids are still its own after the later one was segmented
  for (const seg of [a, b]) {
    const ids = tokenWordIds(seg.tokens);
    assert.ok(ids);
    assert.deepEqual(seg.tokens.map((t, i) => wordString(ids[i])), seg.tokens.map((t) => t.text));
  }
  // a list that no segmentation made has none
  assert.equal(tokenWordIds(a.tokens.slice()), null);
  // once the table starts again, ids of the old generation name other words: none are handed out
  for (let i = 0; i < 70_000; i++) intern("v" + i);
  assert.equal(tokenWordIds(a.tokens), null);
  assert.equal(tokenWordIds(b.tokens), null);
});
