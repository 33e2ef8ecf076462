import { test } from "node:test";
import assert from "node:assert/strict";
import type { Doc } from "../core/doc.js";
import { OffsetMap } from "../core/offset-map.js";
import { extractFeatures } from "./extract-features.js";
import { StoryIndex } from "./story-index.js";
import { storySimilarity } from "./story-similarity.js";
import { relationKind } from "./relation-kind.js";

/** A minimal analysed Doc written for the test (no pipeline): text, language, publication date, KB entities. */
function doc(id: string, lang: string, text: string, published: string | null, kbs: string[] = []): Doc {
  return {
    id, raw: text, text, offsets: OffsetMap.identity(text.length), diagnostics: [],
    source: { file: id + ".txt", origin: id, format: "text" },
    language: { code: lang, confidence: 1, basis: "test" },
    published: { value: published ? { date: published, precision: "day", basis: "test" } : null },
    entities: kbs.map((kb, i) => ({ id: `e${i + 1}`, kb, name: kb, aliases: [], type: "armed_group" as const, mentions: [{ start: 0, end: 1, text: "x" }] })),
  };
}

const EN_A = "Militia fighters fired 12 rockets at the Northfield airbase on Monday, wounding 4 contractors, officials said. The Northfield airbase hosts coalition trainers. The Brigade of the North claimed the rocket attack in a statement.";
const EN_A2 = "Twelve rockets hit Northfield airbase on Monday: 12 rockets wounded 4 contractors, officials said, and the Brigade of the North claimed the rocket attack in a statement posted online.";
const FR_A = "Des combattants ont tiré 12 roquettes sur la base aérienne de Northfield lundi, blessant 4 sous-traitants, selon des responsables. La Brigade du Nord a revendiqué l'attaque dans un communiqué.";
const EN_B = "The Brigade of the North announced a halt to its operations on Thursday after talks with the government in the capital, saying the truce would last until the elections.";

test("a rewrite and a translation join one story; another event of the same actor does not", () => {
  const docs = [
    doc("a1", "en", EN_A, "2031-05-05", ["brigade-north", "northfield-base"]),
    doc("a2", "en", EN_A2, "2031-05-05", ["brigade-north", "northfield-base"]),
    doc("a3", "fr", FR_A, "2031-05-06", ["brigade-north", "northfield-base"]),
    doc("b1", "en", EN_B, "2031-05-22", ["brigade-north"]),
  ];
  const idx = new StoryIndex();
  const feats = docs.map(extractFeatures);
  for (const f of feats) idx.observe(f);
  const results = feats.map((f) => idx.add(f));
  assert.equal(results[1].story, results[0].story);
  assert.equal(results[2].story, results[0].story);
  assert.notEqual(results[3].story, results[0].story);
  assert.equal(results[2].relations[0]?.kind, "translation");
  assert.ok(["rewrite", "copy"].includes(results[1].relations[0]?.kind ?? ""), results[1].relations[0]?.kind);
});

test("an exact copy is a copy, and the similarity is symmetric", () => {
  const a = extractFeatures(doc("c1", "en", EN_A, "2031-05-05"));
  const b = extractFeatures(doc("c2", "en", EN_A, "2031-05-05"));
  const idx = new StoryIndex();
  idx.observe(a);
  idx.observe(b);
  const sim = storySimilarity(a, b, idx);
  assert.equal(relationKind(a, b, sim), "copy");
  assert.equal(storySimilarity(b, a, idx).score, sim.score);
});

test("the index serialises to JSON and resumes where it stopped", () => {
  const idx = new StoryIndex();
  const [a, b, c] = [doc("s1", "en", EN_A, "2031-05-05"), doc("s2", "fr", FR_A, "2031-05-05"), doc("s3", "en", EN_A2, "2031-05-05")].map(extractFeatures);
  idx.add(a);
  idx.add(b);
  const copy = StoryIndex.fromJSON(JSON.parse(JSON.stringify(idx.toJSON())));
  assert.equal(copy.n, idx.n);
  assert.equal(copy.add(c).story, idx.add(c).story);
});

test("per-article work is bounded by the candidate cap, not the store size", () => {
  const idx = new StoryIndex({ maxCandidates: 10 });
  for (let i = 0; i < 300; i++) idx.add(extractFeatures(doc(`g${i}`, "en", `${EN_A} Report number ${i}.`, "2031-05-05")));
  const r = idx.add(extractFeatures(doc("last", "en", EN_A2, "2031-05-05")));
  assert.ok(r.compared <= 10, `compared ${r.compared}`);
});

test("consolidate() re-examines the greedy decisions: the stories depend on the documents, not their order", () => {
  const docs = [
    doc("a1", "en", EN_A, "2031-05-05", ["brigade-north", "northfield-base"]),
    doc("a2", "en", EN_A2, "2031-05-05", ["brigade-north", "northfield-base"]),
    doc("a3", "fr", FR_A, "2031-05-06", ["brigade-north", "northfield-base"]),
    doc("b1", "en", EN_B, "2031-05-22", ["brigade-north"]),
  ].map(extractFeatures);
  const partition = (idx: StoryIndex) => idx.stories().map((s) => [...s.members].sort().join(",")).sort();
  const runs = [docs, [...docs].reverse(), [docs[3], docs[2], docs[0], docs[1]]].map((order) => {
    const idx = new StoryIndex();
    for (const f of order) idx.add(f); // no observe(): the statistics grow as documents come
    const r = idx.consolidate();
    assert.ok(r.examined >= 4);
    return partition(idx);
  });
  assert.deepEqual(runs[1], runs[0]);
  assert.deepEqual(runs[2], runs[0]);
  assert.deepEqual(runs[0], ["a1,a2,a3", "b1"]);
});

test("consolidate() reports stories that went away and the ones it changed", () => {
  const [a, b, c] = [doc("m1", "en", EN_A, "2031-05-05", ["brigade-north", "northfield-base"]), doc("m2", "fr", FR_A, "2031-05-05", ["brigade-north", "northfield-base"]), doc("m3", "en", EN_A2, "2031-05-05", ["brigade-north", "northfield-base"])].map(extractFeatures);
  const idx = new StoryIndex();
  const s1 = idx.insert(a);
  const s2 = idx.insert(b); // restored apart, as an older store might hold them
  idx.add(c);
  const r = idx.consolidate();
  assert.equal(idx.storyOf("m2"), idx.storyOf("m1"));
  const gone = [s1, s2].find((s) => !idx.story(s));
  assert.ok(gone && r.moved.get(gone) === idx.storyOf("m1"), JSON.stringify([...r.moved]));
  assert.ok(r.changed.includes(idx.storyOf("m1")!));
  assert.ok(r.relations.some((x) => x.from === "m2" || x.to === "m2"));
});

test("the serialised index keeps the documents still to consolidate, and survives structured cloning", async () => {
  const idx = new StoryIndex({ consolidateTouchedOnly: true });
  const [a, b] = [doc("k1", "en", EN_A, "2031-05-05"), doc("k2", "en", EN_A2, "2031-05-05")].map(extractFeatures);
  idx.add(a);
  idx.add(b);
  const json = JSON.parse(JSON.stringify(idx.toJSON()));
  assert.deepEqual(json.dirty.sort(), ["k1", "k2"]);
  const copy = StoryIndex.fromJSON(json);
  assert.deepEqual(copy.consolidate().changed, idx.consolidate().changed);
  const { serialize, deserialize } = await import("node:v8");
  const clone = Object.setPrototypeOf(deserialize(serialize(idx)), StoryIndex.prototype) as StoryIndex;
  assert.equal(clone.storyOf("k2"), idx.storyOf("k2"));
  // An index saved by version 1 comes back with today's options.
  const v1 = StoryIndex.fromJSON({ ...json, version: 1, options: { ...json.options, mergeThreshold: 0.3 } });
  assert.equal(v1.options.mergeThreshold, new StoryIndex().options.mergeThreshold);
});

test("a lookup reaches stored reports within the day window only, unless the new report's day is an estimate", () => {
  const idx = new StoryIndex({ dayWindow: 60 });
  const first = extractFeatures(doc("w1", "en", EN_A, "2031-05-05", ["brigade-north", "northfield-base"]));
  idx.observe(first);
  const story = idx.add(first).story;
  const at = (id: string, date: string, estimated = false) => {
    const f = extractFeatures(doc(id, "en", EN_A2, date, ["brigade-north", "northfield-base"]));
    return idx.query(estimated ? { ...f, dayEstimated: true } : f).map((r) => r.story);
  };
  assert.deepEqual(at("w2", "2031-06-20"), [story], "46 days later: a candidate");
  assert.deepEqual(at("w3", "2031-04-01"), [story], "34 days earlier: a candidate");
  assert.deepEqual(at("w4", "2031-08-20"), [], "107 days later: outside the window");
  assert.deepEqual(at("w5", "2031-08-20", true), [story], "an estimated day bounds nothing");
});
