import { test } from "node:test";
import assert from "node:assert/strict";
import { averageLink, type LinkEdge } from "./average-link.js";

const e = (i: number, j: number, w: number): LinkEdge => ({ i, j, w });

test("group-average linkage: two tight groups, a weak bridge between them is not enough", () => {
  const edges = [e(0, 1, 0.9), e(1, 2, 0.8), e(0, 2, 0.7), e(3, 4, 0.9), e(2, 3, 0.5)];
  assert.deepEqual(averageLink(5, edges, 0.4), [[0, 1, 2], [3, 4]]);
  // Single-link would chain them through the 0.5 pair; the average over all six cross pairs is 0.5 / 6.
  assert.deepEqual(averageLink(2, [e(0, 1, 0.39)], 0.4), [[0], [1]]);
});

test("the result does not depend on the order the edges come in", () => {
  const edges = [e(0, 1, 0.6), e(2, 3, 0.6), e(1, 2, 0.6), e(0, 3, 0.1), e(4, 5, 0.45), e(3, 4, 0.44)];
  const want = averageLink(6, edges, 0.4);
  for (const order of [[...edges].reverse(), [edges[2], edges[5], edges[0], edges[4], edges[1], edges[3]]]) assert.deepEqual(averageLink(6, order, 0.4), want);
});

test("ties go to the pair of clusters with the smallest items", () => {
  // 1 is as close to 0 as to 2; it joins 0 first, and 2 then falls below the threshold on average.
  assert.deepEqual(averageLink(3, [e(0, 1, 0.5), e(1, 2, 0.5)], 0.4), [[0, 1], [2]]);
});

test("an undated item takes its cluster's days: it no longer bridges to a cluster two weeks away", () => {
  // 0 and 1 are dated the same day, 2 is undated and close to both, 3 is dated 16 days later and close to 2 only.
  const times = { spans: [[100, 100], [100, 100], null, [116, 116]] as ([number, number] | null)[], firm: [true, true, false, true], gap: (d: number) => (d <= 1 ? 1 : 0.5), estimateFloor: 0.8 };
  const edges = [e(0, 1, 0.8), e(0, 2, 0.95), e(1, 2, 0.95), e(2, 3, 0.9), e(0, 3, 0.3), e(1, 3, 0.3)];
  assert.deepEqual(averageLink(4, edges, 0.4, times), [[0, 1, 2], [3]]);
  // Without the days, the undated item glues the four together.
  assert.deepEqual(averageLink(4, edges, 0.4), [[0, 1, 2, 3]]);
});

test("stages: start clusters, groups that already decided, and a veto", () => {
  const lang = ["en", "en", "fr", "fr"];
  const edges = [e(0, 1, 0.3), e(0, 2, 0.9), e(1, 3, 0.9), e(2, 3, 0.2), e(0, 3, 0.5), e(1, 2, 0.5)];
  const blocks = averageLink(4, edges.filter((x) => lang[x.i] === lang[x.j]), 0.4);
  assert.deepEqual(blocks, [[0], [1], [2], [3]]);
  // Pairs across languages join, but two clusters holding English reports never merge: stage one kept 0 and 1 apart.
  assert.deepEqual(averageLink(4, edges, 0.4, undefined, blocks, lang), [[0, 2], [1, 3]]);
  assert.deepEqual(averageLink(4, edges, 0.4, undefined, blocks, lang, () => false), [[0], [1], [2], [3]]);
  // Without groups, starting from those pairs, the four are one cluster at 0.35 (their cross pairs average 0.375).
  assert.deepEqual(averageLink(4, edges, 0.35, undefined, [[0, 2], [1, 3]]), [[0, 1, 2, 3]]);
});
