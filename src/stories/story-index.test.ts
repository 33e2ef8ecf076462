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
