import { test } from "node:test";
import assert from "node:assert/strict";
import { calibratedScore, pairKind } from "./calibrated-score.js";
import { daySpan, dayNumber } from "./day-number.js";
import { dateFactor, SIMILARITY_WEIGHTS } from "./story-similarity.js";
import type { StoryFeatures } from "./story-features.js";

test("pair kinds and calibrated scores: one scale for every language pair", () => {
  const cases: [string, string, string][] = [["en", "en", "same"], ["en", "fr", "cross-language"], ["fr", "es", "cross-language"], ["en", "ar", "cross-script"], ["ar", "el", "cross-script"]];
  for (const [a, b, kind] of cases) assert.equal(pairKind(a, b), kind, `${a}-${b}`);
  const scales = { crossLanguageScale: 0.75, crossScriptScale: 0.5 };
  assert.equal(calibratedScore(0.4, "en", "en", scales), 0.4);
  assert.ok(Math.abs(calibratedScore(0.3, "en", "fr", scales) - 0.4) < 1e-12);
  assert.ok(Math.abs(calibratedScore(0.2, "ar", "en", scales) - 0.4) < 1e-12);
});

test("dates of any precision cover their days; an estimated date costs at most the floor", () => {
  assert.deepEqual(daySpan("2024-01-28"), [dayNumber("2024-01-28"), dayNumber("2024-01-28")]);
  assert.deepEqual(daySpan("2023-11"), [dayNumber("2023-11-01"), dayNumber("2023-11-30")]);
  assert.deepEqual(daySpan("2024"), [dayNumber("2024-01-01"), dayNumber("2024-12-31")]);
  assert.equal(daySpan(null), null);
  const f = (date: string, estimated = false): StoryFeatures => ({ id: date, lang: "en", title: null, outlet: null, cites: [], day: dayNumber(date), dayEstimated: estimated, span: daySpan(date), year: +date.slice(0, 4), terms: {}, anchors: {}, numbers: [], minhash: [], words: 0 });
  assert.equal(dateFactor(f("2024-01-28"), f("2024-01-29")), 1);
  assert.equal(dateFactor(f("2023-11"), f("2023-11-15")), 1); // inside the month
  assert.ok(dateFactor(f("2023-11"), f("2023-03-23")) < 0.5); // months apart
  assert.equal(dateFactor(f("2024-02-08", true), f("2024-08-26")), SIMILARITY_WEIGHTS.estimateFloor);
});
