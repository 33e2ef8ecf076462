import { test } from "node:test";
import assert from "node:assert/strict";
import { WordBytes } from "./word-bytes.js";
import { internWord, spanHash, wordTableGeneration } from "./word-table.js";

test("word bytes are kept by id, grow for larger ids, and are cleared by clear() and when the word table starts again", () => {
  const wb = new WordBytes(4);
  wb.for(2)[2] = 7;
  assert.equal(wb.for(2)[2], 7);
  // an id past the end: room made, earlier bytes kept
  const big = wb.for(100);
  assert.ok(big.length > 100);
  assert.equal(big[2], 7);
  assert.equal(big[100], 0);
  wb.clear();
  assert.equal(wb.for(2)[2], 0);
  wb.for(3)[3] = 1;
  const g = wordTableGeneration();
  for (let i = 0; i < 70_000; i++) internWord("u" + i, 0, ("u" + i).length, spanHash("u" + i, 0, ("u" + i).length));
  assert.equal(wordTableGeneration(), g + 1);
  assert.equal(wb.for(3)[3], 0, "ids of the old generation name other words");
});
