import { test } from "node:test";
import assert from "node:assert/strict";
import { firstStartingAt } from "./first-starting-at.js";

test("firstStartingAt: the first span starting at or after a position, ties to the first of equals", () => {
  const spans = [{ start: 2 }, { start: 5 }, { start: 5 }, { start: 9 }];
  const expected = (pos: number) => {
    const i = spans.findIndex((s) => s.start >= pos);
    return i < 0 ? spans.length : i;
  };
  for (let pos = -1; pos <= 11; pos++) assert.equal(firstStartingAt(spans, pos), expected(pos), `pos ${pos}`);
  assert.equal(firstStartingAt([], 3), 0);
});
