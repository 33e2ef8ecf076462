import { test } from "node:test";
import assert from "node:assert/strict";
import { centralTitle } from "./central-title.js";

test("centralTitle: the title sharing most words with the others, whatever the order", () => {
  const titles = ["Par Jean Dupont", "Drone strike on a base in northern Iraq", "Militia claims drone strike on base", "Strike on base: militia claims it", null];
  const best = centralTitle(titles);
  assert.equal(best, "Militia claims drone strike on base");
  // the same members in any order get the same title (the only tie-break is order, and there is no tie here)
  for (let k = 0; k < titles.length; k++) assert.equal(centralTitle([...titles.slice(k), ...titles.slice(0, k)]), best);
});

test("centralTitle: on a tie the earlier title; null without titles; a lone title is the title", () => {
  assert.equal(centralTitle(["Talks resume in Baghdad", "Ceasefire holds in the south"]), "Talks resume in Baghdad");
  assert.equal(centralTitle([null, null]), null);
  assert.equal(centralTitle([]), null);
  assert.equal(centralTitle([null, "قصف مستودع للوقود"]), "قصف مستودع للوقود");
});
