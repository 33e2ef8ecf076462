import { test } from "node:test";
import assert from "node:assert/strict";
import type { Doc, EventRecord } from "../../core/doc.js";
import { OffsetMap } from "../../core/offset-map.js";
import { mergeStoryEvents } from "./merge-events.js";

const span = { start: 0, end: 1, text: "x" };
function ev(over: Partial<EventRecord>): EventRecord {
  return { type: "ASSAULT", actor: null, target: { entity: "e1", text: "US forces" }, location: null, date: { date: "2031-01-28", precision: "day", basis: "t" }, status: "occurred", trigger: span, evidence: span, ...over };
}
function doc(id: string, outlet: string, published: string, events: EventRecord[]): Doc {
  return {
    id, raw: "x", text: "x", offsets: OffsetMap.identity(1), diagnostics: [],
    source: { file: id, origin: id, format: "text", outlet, published },
    entities: [{ id: "e1", kb: "us-forces", name: "US forces", aliases: [], type: "armed_group", mentions: [span] }],
    events,
  };
}

test("one real event across outlets keeps every source's figure; another event stays apart", () => {
  const a = doc("a", "Outlet A", "2031-01-28", [ev({ counts: { killed: 2 } })]);
  const b = doc("b", "Outlet B", "2031-01-29", [ev({ counts: { killed: 1 }, attribution: { entity: null, text: "the Pentagon" } }), ev({ type: "THREATEN", status: "threatened", date: null })]);
  const c = doc("c", "Outlet C", "2031-02-09", [ev({ date: { date: "2031-02-09", precision: "day", basis: "t" }, counts: { killed: 5 } })]);
  const story = { id: "s1", title: null, documents: ["a", "b", "c"], relations: [] };
  const merged = mergeStoryEvents(story, new Map([a, b, c].map((d) => [d.id, d])));
  const attack = merged.find((m) => m.type === "ASSAULT" && m.dates[0]?.date === "2031-01-28")!;
  assert.deepEqual(attack.counts.killed?.map((f) => [f.value, f.doc, f.attribution]), [[2, "a", "Outlet A"], [1, "b", "the Pentagon"]]);
  assert.equal(attack.firstReported, "2031-01-28");
  assert.equal(attack.lastReported, "2031-01-29");
  assert.deepEqual(attack.target, { entity: "us-forces", text: "US forces" });
  assert.equal(merged.length, 3); // the Jan 28 attack, the threat, the Feb 9 attack
});

test("an article's two figures from two sources both reach the story, each with its source", () => {
  const fig = (value: number, by: string | null) => ({ kind: "injured" as const, value, phrase: span, attribution: by ? { entity: null, text: by } : null });
  const a = doc("a", "Outlet A", "2031-01-28", [ev({ counts: { injured: 34 }, figures: [fig(34, "according to CENTCOM"), fig(25, "Jordan said")] })]);
  const story = { id: "s1", title: null, documents: ["a"], relations: [] };
  const [m] = mergeStoryEvents(story, new Map([[a.id, a]]));
  assert.deepEqual(m.counts.injured?.map((f) => [f.value, f.attribution]), [[34, "according to CENTCOM"], [25, "Jordan said"]]);
});
