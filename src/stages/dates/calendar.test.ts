import { test } from "node:test";
import assert from "node:assert/strict";
import { ymd } from "./calendar.js";

const MS = 86_400_000;
/** ymd by a Date object, as it was: what the arithmetic must give. */
function byDate(n: number): { y: number; m: number; d: number } {
  const dt = new Date(n * MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

test("ymd by arithmetic is the Date's day: every day of ±1,000 years, fractions, the ends of the Date range, NaN", () => {
  for (let n = -365_000; n <= 365_000; n++) assert.deepEqual(ymd(n), byDate(n));
  for (const n of [-100_000_000, 100_000_000, -100_000_001, 100_000_001, NaN, Infinity, -Infinity, 0.5, -0.5, -1e-9, 19_000.9999, -719_468, -719_469])
    assert.deepEqual(ymd(n), byDate(n));
});
