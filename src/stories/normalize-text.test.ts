import { test } from "node:test";
import assert from "node:assert/strict";
import { asciiDigits, extractNumbers, foldText, prefixStem, wordTokens } from "./normalize-text.js";

test("numbers survive scripts and separators", () => {
  const cases: [string, number[]][] = [
    ["2,500 troops", [2500]],
    ["2 500 soldats", [2500]],
    ["٢٥٠٠ جندي", [2500]],
    ["killed 3, wounded 34", [3, 34]],
    ["1.5 million", [1.5]],
  ];
  for (const [text, want] of cases) assert.deepEqual(extractNumbers(text), want, text);
  assert.equal(asciiDigits("۳ و ٤"), "3 و 4");
});

test("folding and prefix stems join inflections and scripts' variants", () => {
  assert.equal(foldText("Kataëb"), "kataeb");
  assert.equal(foldText("أعلنت"), "اعلنت");
  assert.equal(prefixStem("suspension"), prefixStem("suspends"));
  assert.equal(prefixStem(foldText("l’armée")), "armee");
  assert.equal(prefixStem("والقوات"), prefixStem("القوات"));
  // Arabic pronoun and plural suffixes: "its operations" and "operations" share a stem.
  assert.equal(prefixStem(foldText("عملياتها")), prefixStem(foldText("عمليات")));
  assert.equal(prefixStem(foldText("هجماتها")), prefixStem(foldText("هجمات")));
  assert.deepEqual(wordTokens("美国军队"), ["美国", "国军", "军队"]);
});
