import { test } from "node:test";
import v8 from "node:v8";
import assert from "node:assert/strict";
import type { Story } from "../core/corpus.js";
import { clusterFeatures } from "../stages/stories/cluster-stories.js";
import { minhashSignature, shingleHashes } from "../stories/minhash.js";
import type { StoryFeatures } from "../stories/story-features.js";
import { StoryIndex, type StoryIndexOptions } from "../stories/story-index.js";
import { StoryReplica } from "./story-replica.js";

/** A small window and retention, so that a few hundred documents see eviction at work. */
const SMALL: Partial<StoryIndexOptions> = { consolidateTouchedOnly: true, dayWindow: 8, retainDays: 9, retainDocs: 60 };

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Synthetic story features (written for the test): a topic's words and anchors, some noise, a day; `noise` 0 repeats the topic. */
function article(id: string, topic: number, day: number | null, rand: () => number, noise = 0.5): StoryFeatures {
  const words: string[] = [];
  for (let i = 0; i < 120; i++) words.push(rand() < noise ? `n${Math.floor(rand() * 5000)}` : `t${topic}x${i % 25}`);
  const terms: Record<string, number> = {};
  for (const w of words) terms[w] = (terms[w] ?? 0) + 1;
  const anchors: Record<string, number> = { [`e:k${topic}`]: 2, [`x:${topic + 10}`]: 1.5 };
  return { id, lang: "en", title: `title ${id}`, outlet: `o${topic % 7}`, cites: [], day, year: 2031, terms, anchors, numbers: [topic + 10], minhash: minhashSignature(shingleHashes(words)), words: words.length };
}

/** Batches of a stream of articles: stories of 1 to 4 articles, 20 articles a day, some undated. */
function batches(count: number, size: number): StoryFeatures[][] {
  const rand = random(7);
  const out: StoryFeatures[][] = [];
  let topic = 0, left = 0;
  for (let n = 0; n < count; n++) {
    if (left-- <= 0) [topic, left] = [topic + 1, Math.floor(rand() * 4)];
    const f = article(`a${String(n).padStart(5, "0")}`, topic, n % 29 === 0 ? null : 20000 + Math.floor(n / 20), rand);
    if (n % size === 0) out.push([]);
    out[out.length - 1].push(f);
  }
  return out.map((b) => b.sort((x, y) => (x.id < y.id ? -1 : 1)));
}

/**
 * A replica's whole state as a snapshot holds it, with maps and sets as ordered entry lists (their order is part of
 * the state) and typed arrays as plain arrays. (Snapshot bytes are not compared: V8 may encode one number as an
 * integer or a double depending on the code that computed it.)
 */
function state(r: StoryReplica): unknown {
  const plain = (x: unknown): unknown => {
    if (x instanceof Map) return ["Map", [...x].map(([k, v]) => [plain(k), plain(v)])];
    if (x instanceof Set) return ["Set", [...x].map(plain)];
    if (ArrayBuffer.isView(x)) return Array.from(x as unknown as ArrayLike<number>);
    if (Array.isArray(x)) return Array.from(x, plain);
    if (x && typeof x === "object") return Object.entries(x).map(([k, v]) => [k, plain(v)]);
    return x;
  };
  return plain(v8.deserialize(r.toSnapshot()));
}

test("eviction is decided by the inputs alone: a replayed replica equals the writer's, and a restored snapshot goes on identically", () => {
  const entries = batches(900, 30);
  const writer = new StoryReplica(new StoryIndex(SMALL), 0);
  const placed = entries.map((b, i) => {
    writer.applyBatch(i + 1, b, []);
    return b.map((f) => [f.id, writer.index.storyOf(f.id)!] as const);
  });
  const { evicted, searchable } = writer.index.work();
  assert.ok(evicted > 500 && searchable + evicted === 900, `${evicted} evicted, ${searchable} searchable`);

  const replayed = new StoryReplica(new StoryIndex(SMALL), 0);
  let snapshot: Uint8Array | null = null;
  entries.forEach((b, i) => {
    replayed.applyBatch(i + 1, b, placed[i]);
    if (i + 1 === 14) snapshot = replayed.toSnapshot();
  });
  assert.deepStrictEqual(state(replayed), state(writer), "the replayed state is the writer's");
  assert.equal(replayed.digest(), writer.digest());

  const restored = StoryReplica.fromSnapshot(snapshot!)!;
  assert.equal(restored.seq, 14);
  for (let i = 14; i < entries.length; i++) restored.applyBatch(i + 1, entries[i], placed[i]);
  assert.deepStrictEqual(state(restored), state(writer), "the restored replica went on as the writer did");
  assert.deepEqual(restored.index.toJSON(), writer.index.toJSON());
});

test("an evicted document stays a member of its story, and a later report joins that story through a searchable member", () => {
  const rand = random(11);
  const idx = new StoryIndex(SMALL);
  const story = (id: string, day: number) => article(id, 99999, day, rand, 0.05);
  let filler = 0;
  let evictedOn: number | null = null;
  for (let day = 20000; day < 20030 && evictedOn === null; day++) {
    const batch = Array.from({ length: 20 }, () => article(`f${String(filler++).padStart(5, "0")}`, filler, day, rand));
    if (day === 20000) batch.push(story("g1", day));
    if (day === 20007) batch.push(story("g2", day));
    clusterFeatures(batch, idx);
    if (day > 20007 && !idx.searchable("g1")) evictedOn = day;
  }
  assert.ok(evictedOn !== null, "g1 was evicted");
  assert.equal(idx.storyOf("g2"), idx.storyOf("g1"));
  assert.ok(idx.searchable("g2"), `g2 is still searchable on day ${evictedOn}`);
  assert.equal(idx.features("g1"), null);
  assert.equal(idx.titleOf("g1"), "title g1");
  // g3 is 8 days past g2 and beyond the window of g1: it joins through g2, and its story still lists g1.
  const stories: Story[] = clusterFeatures([story("g3", evictedOn! + 1)], idx);
  const sid = idx.storyOf("g3")!;
  assert.equal(sid, idx.storyOf("g1"));
  const written = stories.find((s) => s.id === sid)!;
  assert.deepEqual(written.documents, ["g1", "g2", "g3"]);
  assert.equal(idx.story(sid)!.title, "title g1", "the earliest report names the story");
  assert.deepEqual(idx.story(sid)!.members, ["g1", "g2", "g3"]);
  assert.equal(idx.story(sid)!.firstDay, 20000);
  // A copy of an evicted document is a duplicate: nothing changes.
  assert.equal(idx.add(story("g1", 20000)).story, sid);
  assert.equal(idx.work().searchable + idx.work().evicted, idx.n);
  // The JSON form keeps evicted documents too.
  const copy = StoryIndex.fromJSON(JSON.parse(JSON.stringify(idx.toJSON())));
  assert.equal(copy.storyOf("g1"), sid);
  assert.deepEqual(copy.story(sid)!.members, ["g1", "g2", "g3"]);
  assert.equal(copy.searchable("g1"), false);
});

test("retainDays 0 keeps every document searchable", () => {
  const idx = new StoryIndex({ ...SMALL, retainDays: 0 });
  for (const b of batches(300, 30)) clusterFeatures(b, idx);
  assert.deepEqual(idx.work().evicted, 0);
  assert.deepEqual(idx.work().searchable, 300);
});
