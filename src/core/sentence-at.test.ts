import { test } from "node:test";
import assert from "node:assert/strict";
import { sentenceAt } from "./sentence-at.js";

test("sentenceAt finds the containing sentence, or encodes the next one", () => {
  const ss = [{ start: 0, end: 10 }, { start: 12, end: 20 }, { start: 25, end: 30 }];
  assert.equal(sentenceAt(ss, 0), 0);
  assert.equal(sentenceAt(ss, 9), 0);
  assert.equal(sentenceAt(ss, 12), 1);
  assert.equal(sentenceAt(ss, 10), -2); // between 0 and 1: next is 1
  assert.equal(sentenceAt(ss, 22), -3);
  assert.equal(sentenceAt(ss, 30), -4); // after the last
  assert.equal(sentenceAt([], 5), -1);
});
