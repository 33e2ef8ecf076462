// Issue 6: the stories of a corpus must not depend on the order its articles arrive in, nor on how they are cut into
// batches (distributed workers ingest in any order). The fixture articles are written for this test.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Story } from "../../core/corpus.js";
import type { Doc } from "../../core/doc.js";
import { OffsetMap } from "../../core/offset-map.js";
import { extractFeatures } from "../../stories/extract-features.js";
import { StoryIndex, type StoryIndexOptions } from "../../stories/story-index.js";
import { clusterFeatures, clusterStories } from "./cluster-stories.js";

function doc(id: string, lang: string, text: string, published: string | null, kbs: string[]): Doc {
  return {
    id, raw: text, text, offsets: OffsetMap.identity(text.length), diagnostics: [],
    source: { file: id, origin: id, format: "text" },
    language: { code: lang, confidence: 1, basis: "test" },
    published: { value: published ? { date: published, precision: "day", basis: "test" } : null, source: published ? "record" : undefined },
    entities: kbs.map((kb, i) => ({ id: `e${i + 1}`, kb, name: kb, aliases: [], type: "armed_group" as const, mentions: [{ start: 0, end: 1, text: "x" }] })),
  };
}

const ATTACK = ["brigade-north", "northfield-base", "coalition"];
const TRUCE = ["brigade-north", "coalition", "capital-city"];
const PORT = ["harbor-front", "harbor-city", "coastal-navy"];
const SOUTH = ["southern-front", "southgate-base", "coalition"];
const CORPUS = [
  // Monday's rocket attack on the Northfield airbase: English, French and (undated) Arabic reports.
  doc("atk-en1", "en", "Militia fighters fired 12 rockets at the Northfield airbase on Monday, wounding 4 contractors. The Brigade of the North claimed the rocket attack on the coalition base.", "2031-05-05", ATTACK),
  doc("atk-en2", "en", "Twelve rockets struck the Northfield airbase on Monday and 4 contractors were wounded; the Brigade of the North said it fired the rockets at the coalition base.", "2031-05-05", ATTACK),
  doc("atk-en3", "en", "A barrage of 12 rockets hit the coalition's Northfield airbase late on Monday. Four contractors were hurt, base officials said, and the Brigade of the North took responsibility.", "2031-05-06", ATTACK),
  doc("atk-fr1", "fr", "Douze roquettes ont frappé lundi la base aérienne de Northfield, blessant 4 sous-traitants ; la Brigade du Nord a revendiqué le tir de 12 roquettes contre la base de la coalition.", "2031-05-06", ATTACK),
  doc("atk-fr2", "fr", "La Brigade du Nord a revendiqué lundi une attaque de 12 roquettes contre la base de Northfield, qui accueille la coalition ; 4 sous-traitants ont été blessés.", "2031-05-06", ATTACK),
  doc("atk-ar1", "ar", "أطلق مسلحون 12 صاروخا على قاعدة نورثفيلد الجوية يوم الاثنين ما أدى إلى إصابة 4 متعاقدين، وتبنى لواء الشمال الهجوم الصاروخي على قاعدة التحالف.", null, ATTACK),
  doc("atk-ar2", "ar", "تبنى لواء الشمال إطلاق 12 صاروخا على قاعدة نورثفيلد الجوية التي تستضيف قوات التحالف، وأصيب 4 متعاقدين في الهجوم يوم الاثنين.", null, ATTACK),
  // The same week, another group fires rockets at another base: the same kind of event, another story.
  doc("south-en1", "en", "Fighters of the Southern Front fired 7 rockets at the Southgate base on Thursday, damaging a hangar; no one was hurt, the coalition said.", "2031-05-08", SOUTH),
  doc("south-fr1", "fr", "Le Front du Sud a tiré jeudi 7 roquettes sur la base de Southgate, endommageant un hangar sans faire de victimes, selon la coalition.", "2031-05-08", SOUTH),
  // Two weeks later the same brigade announces a truce: same actor, another story.
  doc("truce-en1", "en", "The Brigade of the North announced on Thursday a halt to its operations against the coalition after talks in the capital; the truce will last until the elections, its spokesman said.", "2031-05-22", TRUCE),
  doc("truce-en2", "en", "After negotiations in the capital, the Brigade of the North said on Thursday it was suspending all operations against coalition forces until the elections.", "2031-05-22", TRUCE),
  doc("truce-fr1", "fr", "La Brigade du Nord a annoncé jeudi la suspension de ses opérations contre la coalition après des pourparlers dans la capitale, une trêve qui durera jusqu'aux élections.", "2031-05-23", TRUCE),
  // A month later, a drone strike on a port by another group.
  doc("port-en1", "en", "A drone hit a patrol boat in the port of Harbor City on Saturday, killing 2 sailors of the coastal navy; the Harbor Front movement claimed the strike.", "2031-06-14", PORT),
  doc("port-en2", "en", "Two coastal navy sailors died when an explosive drone struck their patrol boat in Harbor City port on Saturday, and the Harbor Front said it launched it.", "2031-06-14", PORT),
  doc("port-fr1", "fr", "Deux marins de la marine côtière ont été tués samedi quand un drone a frappé leur patrouilleur dans le port de Harbor City ; le Front du port a revendiqué l'attaque.", "2031-06-15", PORT),
];

/** A story partition as sorted member lists, independent of story ids and member order. */
function partition(stories: readonly { readonly documents: readonly string[] }[]): string[] {
  return stories.map((s) => [...s.documents].sort().join(",")).sort();
}

/** A deterministic shuffle (a small linear congruential generator, no Math.random). */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const out = [...xs];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Clusters the corpus in batches of `size` into one persistent index (serialised between batches, as a store does). */
function inBatches(docs: readonly Doc[], size: number, options: Partial<StoryIndexOptions> = {}): string[] {
  let index = new StoryIndex(options);
  for (let i = 0; i < docs.length; i += size) {
    clusterFeatures(docs.slice(i, i + size).map((d) => extractFeatures(d)), index);
    index = StoryIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
  }
  return partition(index.stories().map((s) => ({ documents: s.members })));
}

const storyOf = (stories: readonly Story[], id: string) => stories.find((s) => s.documents.includes(id))?.id;

test("the fixture corpus clusters into its four events across English, French and Arabic", () => {
  const stories = clusterStories(CORPUS);
  for (const id of ["atk-en2", "atk-en3", "atk-fr1", "atk-fr2", "atk-ar1", "atk-ar2"]) assert.equal(storyOf(stories, id), storyOf(stories, "atk-en1"), id);
  for (const id of ["truce-en2", "truce-fr1"]) assert.equal(storyOf(stories, id), storyOf(stories, "truce-en1"), id);
  for (const id of ["port-en2", "port-fr1"]) assert.equal(storyOf(stories, id), storyOf(stories, "port-en1"), id);
  assert.notEqual(storyOf(stories, "truce-en1"), storyOf(stories, "atk-en1"));
  assert.notEqual(storyOf(stories, "port-en1"), storyOf(stories, "atk-en1"));
  assert.equal(storyOf(stories, "south-fr1"), storyOf(stories, "south-en1"));
  assert.notEqual(storyOf(stories, "south-en1"), storyOf(stories, "atk-en1"));
  assert.equal(stories.length, 4);
});

test("issue 6: shuffled input orders give the same stories, and the same story ids in one batch", () => {
  const reference = clusterStories(CORPUS);
  const ids = (stories: readonly Story[]) => stories.map((s) => `${s.id}:${[...s.documents].sort().join(",")}`).sort();
  for (const seed of [1, 2, 3, 4, 5]) {
    const stories = clusterStories(shuffled(CORPUS, seed));
    assert.deepEqual(partition(stories), partition(reference), `seed ${seed}`);
    assert.deepEqual(ids(stories), ids(reference), `seed ${seed}`);
  }
});

test("issue 6: batches of any size, in any order, reach the partition of one batch", () => {
  const reference = partition(clusterStories(CORPUS));
  for (const size of [1, 2, 4, 5]) {
    for (const seed of [7, 8]) {
      const order = shuffled(CORPUS, seed * 31 + size);
      assert.deepEqual(inBatches(order, size), reference, `batches of ${size}, seed ${seed}`);
      assert.deepEqual(inBatches(order, size, { consolidateTouchedOnly: true }), reference, `touched only, batches of ${size}, seed ${seed}`);
    }
  }
});

test("replaying the same batches gives the same index state (a replicated log)", () => {
  const order = shuffled(CORPUS, 99);
  const run = () => {
    const index = new StoryIndex({ consolidateTouchedOnly: true });
    for (let i = 0; i < order.length; i += 3) clusterFeatures(order.slice(i, i + 3).map((d) => extractFeatures(d)), index);
    return JSON.stringify(index.toJSON());
  };
  assert.equal(run(), run());
});

test("a story's title depends on its members only: batches in any order write the title of one batch", () => {
  // each report gets a headline of its own (written for this test); the byline-like one must never name a story
  const headlines: Record<string, string> = {
    "atk-en1": "Rockets hit the Northfield airbase, contractors wounded",
    "atk-en2": "Brigade of the North claims rocket attack on Northfield airbase",
    "atk-en3": "By Jane Doe",
    "atk-fr1": "Des roquettes frappent la base de Northfield",
    "truce-en1": "Brigade of the North announces a truce until the elections",
    "truce-en2": "Northern brigade suspends operations against the coalition",
    "port-en1": "Drone strike kills two sailors in Harbor City port",
    "port-fr1": "Un drone tue deux marins à Harbor City",
  };
  const titled = CORPUS.map((d) => (headlines[d.id] ? { ...d, meta: { title: headlines[d.id], titleSpan: null, outlet: null, url: null, dateline: null, credits: [], cites: [], dateClues: [] } } : d));
  /** The last title each story was written with, by its sorted members. */
  const titles = (batches: readonly Story[][]) => {
    const out = new Map<string, string | null>();
    for (const b of batches) for (const s of b) out.set([...s.documents].sort().join(","), s.title);
    return out;
  };
  const reference = titles([clusterStories(titled)]);
  assert.equal(reference.get("atk-ar1,atk-ar2,atk-en1,atk-en2,atk-en3,atk-fr1,atk-fr2"), "Rockets hit the Northfield airbase, contractors wounded", "the headline sharing most words with the others");
  for (const [size, seed] of [[1, 3], [2, 5], [4, 9]]) {
    const order = shuffled(titled, seed);
    const index = new StoryIndex({ consolidateTouchedOnly: true });
    const written: Story[][] = [];
    for (let i = 0; i < order.length; i += size) written.push(clusterFeatures(order.slice(i, i + size).map((d) => extractFeatures(d)), index));
    const got = titles(written);
    for (const [members, title] of reference) assert.equal(got.get(members), title, `batches of ${size}, seed ${seed}: ${members}`);
  }
});
