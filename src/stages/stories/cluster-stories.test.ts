import { test } from "node:test";
import assert from "node:assert/strict";
import type { Doc } from "../../core/doc.js";
import { OffsetMap } from "../../core/offset-map.js";
import { clusterStories } from "./cluster-stories.js";

function doc(id: string, lang: string, text: string, published: string | null, kbs: string[]): Doc {
  return {
    id, raw: text, text, offsets: OffsetMap.identity(text.length), diagnostics: [],
    source: { file: id, origin: id, format: "text" },
    language: { code: lang, confidence: 1, basis: "test" },
    published: { value: published ? { date: published, precision: "day", basis: "test" } : null },
    entities: kbs.map((kb, i) => ({ id: `e${i + 1}`, kb, name: kb, aliases: [], type: "armed_group" as const, mentions: [{ start: 0, end: 1, text: "x" }] })),
  };
}

const ATTACK = ["brigade-north", "northfield-base", "coalition"];
const docs = [
  doc("en1", "en", "Militia fighters fired 12 rockets at the Northfield airbase on Monday, wounding 4 contractors. The Brigade of the North claimed the rocket attack on the coalition base.", "2031-05-05", ATTACK),
  doc("en2", "en", "Twelve rockets struck the Northfield airbase on Monday and 4 contractors were wounded; the Brigade of the North said it fired the rockets at the coalition base.", "2031-05-05", ATTACK),
  doc("fr1", "fr", "Douze roquettes ont frappé lundi la base aérienne de Northfield, blessant 4 sous-traitants ; la Brigade du Nord a revendiqué le tir de 12 roquettes contre la base de la coalition.", "2031-05-06", ATTACK),
  // Same actor, same base, two weeks later: a different event.
  doc("en3", "en", "The Brigade of the North announced on Thursday a halt to its operations against the coalition, after talks in the capital; the truce will last until the elections, its spokesman said.", "2031-05-22", ["brigade-north", "coalition"]),
];

test("one story per event across languages; the same actor another week is another story", () => {
  const stories = clusterStories(docs);
  const storyOf = new Map(stories.flatMap((s) => s.documents.map((d) => [d, s.id] as const)));
  assert.equal(storyOf.get("en2"), storyOf.get("en1"));
  assert.equal(storyOf.get("fr1"), storyOf.get("en1"));
  assert.notEqual(storyOf.get("en3"), storyOf.get("en1"));
  assert.equal(new Set(stories.flatMap((s) => s.documents)).size, docs.length); // every document in exactly one story
  const rel = stories.flatMap((s) => s.relations).find((r) => r.from === "fr1" && r.kind !== "related");
  assert.equal(rel?.kind, "translation");
});

test("clustering is deterministic and independent of input order for dated documents", () => {
  const a = clusterStories(docs).map((s) => [...s.documents].sort().join(","));
  const b = clusterStories([...docs].reverse()).map((s) => [...s.documents].sort().join(","));
  assert.deepEqual(a.sort(), b.sort());
});

test("an Arabic block of the story joins the English one through pooled anchors (entity ids, figures)", () => {
  const K = ["brigade-north", "northfield-base", "coalition", "harbor-city"];
  const batch = [
    ...docs.slice(0, 3),
    doc("ar1", "ar", "أطلق مسلحون 12 صاروخا على قاعدة نورثفيلد الجوية يوم الاثنين ما أدى إلى إصابة 4 متعاقدين، وتبنى لواء الشمال الهجوم الصاروخي على قاعدة التحالف.", null, K),
    doc("ar2", "ar", "تبنى لواء الشمال إطلاق 12 صاروخا على قاعدة نورثفيلد الجوية التي تستضيف قوات التحالف، وأصيب 4 متعاقدين في الهجوم يوم الاثنين.", null, K),
    docs[3],
  ];
  const stories = clusterStories(batch);
  const storyOf = new Map(stories.flatMap((s) => s.documents.map((d) => [d, s.id] as const)));
  assert.equal(storyOf.get("ar2"), storyOf.get("ar1"));
  assert.equal(storyOf.get("ar1"), storyOf.get("en1"));
  assert.notEqual(storyOf.get("en3"), storyOf.get("en1"));
});

test("a report citing another outlet links to that outlet's report (a citation chain), even one listed after it", () => {
  const original = { ...doc("akh", "en", "The Northfield Coordination Committee agreed to resume attacks on coalition bases after a meeting of its 12 factions, its statement said on Monday.", "2031-05-05", ["northfield-committee", "coalition"]), source: { file: "akh", origin: "akh", format: "text" as const, outlet: "Al-Akhbar" } };
  const text = "Factions of the Northfield Coordination Committee will resume attacks on coalition bases, al-Akhbar newspaper quoted a source as saying; the 12 factions met on Monday.";
  const citing: Doc = { ...doc("cit", "en", text, "2031-05-05", ["northfield-committee", "coalition"]), meta: { title: null, titleSpan: null, outlet: null, url: null, dateline: null, credits: [], cites: [{ start: 0, end: 1, text: "al-Akhbar", name: "al-Akhbar" }], dateClues: [] } };
  // "akh" sorts first (same day, content id order), so without the citation "cit" would be the one linked to it anyway;
  // make the citing report the earlier one in canonical order to check the link goes to the cited outlet.
  const stories = clusterStories([{ ...citing, id: "a-cit" }, { ...original, id: "b-akh" }]);
  assert.equal(stories.length, 1);
  const link = stories[0].relations.find((r) => r.kind !== "related" && r.from === "a-cit");
  assert.equal(link?.to, "b-akh", JSON.stringify(stories[0].relations));
});
