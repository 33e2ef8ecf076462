import { test } from "node:test";
import assert from "node:assert/strict";
import { buildTimeline } from "./build-timeline.js";
import { loadStanceRules, stanceOf } from "./stance-rules.js";
import { testContext } from "../test-helpers/analyze-text.js";
import type { StoredEvent } from "../store/news-store.js";

const rules = loadStanceRules(testContext().dataDir);
const ev = (docId: string, date: string, type: string, status: string, actorKb: string | null, targetKb: string | null): StoredEvent => ({
  docId, file: `${docId}.txt`, outlet: null, url: null, actorKb, targetKb,
  record: { type, status, date: { date, precision: "day", basis: "t" }, actor: { entity: "e1", text: actorKb ?? "" }, target: targetKb ? { entity: "e2", text: targetKb } : null, evidence: { text: "…" } },
});

test("stance rules: status first, then type", () => {
  assert.equal(stanceOf(rules, "AGREE", "resumed")?.stance, "resuming");
  assert.equal(stanceOf(rules, "THREATEN", "suspended")?.stance, "suspended");
  assert.equal(stanceOf(rules, "ASSAULT", "occurred")?.stance, "attacking");
  assert.equal(stanceOf(rules, "THREATEN", "threatened")?.stance, "escalating");
  assert.equal(stanceOf(rules, "ACCUSE", "occurred"), null);
});

test("a timeline: truce → escalation → attacks → resumption, one stance per document and date", () => {
  const events = [
    ev("d4", "2024-08-26", "AGREE", "resumed", "faction-a", "foreign-forces"),
    ev("d1", "2020-01-04", "RETREAT", "suspended", "umbrella", "foreign-forces"),
    ev("d1", "2020-01-04", "THREATEN", "conditional", "umbrella", "foreign-forces"), // the same statement: still a halt
    ev("d2", "2021-03-04", "THREATEN", "threatened", "umbrella", "foreign-forces"),
    ev("d3", "2023-10", "ASSAULT", "occurred", "faction-a", null), // unnamed target still counts
    ev("d3", "2024-02-04", "THREATEN", "ongoing", "faction-a", "foreign-forces"),
    ev("d5", "2024-03-01", "ASSAULT", "occurred", "someone-else", "foreign-forces"), // another actor
    ev("d6", "2024-03-02", "ASSAULT", "occurred", "umbrella", "third-party"), // another target
  ];
  const steps = buildTimeline(events, new Set(["umbrella", "faction-a"]), new Set(["foreign-forces"]), rules);
  assert.deepEqual(steps.map((s) => [s.stance, s.from, s.to, s.events.length]), [
    ["suspended", "2020-01-04", "2020-01-04", 1],
    ["escalating", "2021-03-04", "2021-03-04", 1],
    ["attacking", "2023-10", "2024-02-04", 2],
    ["resuming", "2024-08-26", "2024-08-26", 1],
  ]);
});
