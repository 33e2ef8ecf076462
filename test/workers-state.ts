// Helpers of the workers tests: what "the same stories and events" means, and the invariants every store keeps.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { SourceItem } from "../src/ingest/article.js";
import { readSources } from "../src/ingest/read-sources.js";
import type { NewsStore, StoredStory } from "../src/store/news-store.js";
import { StoryLog } from "../src/story-log/story-log.js";

/** The dev corpus beside the project (third-party text, read at run time only), or null when absent. */
export const DEV_CORPUS = join(import.meta.dirname, "..", "..", "shared", "corpus", "dev.jsonl");
export const hasDevCorpus = existsSync(DEV_CORPUS);

/** The dev corpus's items. */
export async function devItems(): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const it of readSources([DEV_CORPUS])) out.push(it);
  return out;
}

/** A seeded shuffle (LCG), so a failure reproduces. */
export function shuffled<T>(xs: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const r = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** A story's members as one key. */
const key = (s: StoredStory) => [...s.documents].sort().join(",");

/** What a store holds, in forms that compare across runs. */
export interface StoreState {
  /** Sets of document sets. */
  readonly partition: string[];
  /** Per story (by members): title and merged events with their story-derived ids left out. */
  readonly stories: Record<string, { title: string | null; events: unknown[] }>;
  /** Every stored event of every document. */
  readonly events: string[];
  /** Exactly as stored, ids and relations included. */
  readonly exact: StoredStory[];
}

export async function storeState(store: NewsStore): Promise<StoreState> {
  const list = await store.listStories();
  const stories: StoreState["stories"] = {};
  for (const s of list) stories[key(s)] = { title: s.title, events: (s.events ?? []).map((e) => ({ ...(e as object), id: undefined })) };
  const events = (await store.listEvents()).map((e) => JSON.stringify([e.docId, e.record])).sort();
  const exact = list.map((s) => ({ id: s.id, title: s.title, documents: [...s.documents].sort(), relations: [...s.relations].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))), events: s.events })).sort((a, b) => a.id.localeCompare(b.id));
  return { partition: list.map(key).sort(), stories, events, exact };
}

/** B-cubed F1 of two partitions (1 when equal). */
export function bcubed(a: readonly string[], b: readonly string[]): number {
  const sets = (p: readonly string[]) => new Map(p.flatMap((c) => c.split(",").map((d) => [d, new Set(c.split(","))] as const)));
  const A = sets(a), B = sets(b);
  let p = 0, r = 0;
  for (const [d, x] of A) {
    const y = B.get(d) ?? new Set([d]);
    let both = 0;
    for (const e of x) if (y.has(e)) both++;
    p += both / y.size;
    r += both / x.size;
  }
  return A.size ? (2 * (p / A.size) * (r / A.size)) / (p / A.size + r / A.size) : 1;
}

/**
 * What every store must hold whatever the order and concurrency: every document in exactly one story, no story
 * without members, every member of a story of two or more linked to another member (no lost link), links inside
 * their story and near misses outside it, and a replica replayed from the story log alone giving the stored stories.
 */
export async function assertConsistent(store: NewsStore, documents: number): Promise<void> {
  const stories = await store.listStories();
  const docs = (await store.getDocuments()).map((d) => d.id);
  assert.equal(docs.length, documents, "documents stored");
  assert.equal(new Set(docs).size, docs.length, "each document stored once");
  const storyOf = new Map<string, string>();
  for (const s of stories) {
    assert.ok(s.documents.length > 0, `story ${s.id} has members`);
    for (const d of s.documents) {
      assert.ok(!storyOf.has(d), `document ${d} is in stories ${storyOf.get(d)} and ${s.id}`);
      storyOf.set(d, s.id);
    }
  }
  assert.deepEqual([...storyOf.keys()].sort(), [...docs].sort(), "every stored document is in a story");
  for (const s of stories) {
    for (const r of s.relations) {
      assert.equal(storyOf.get(r.from), s.id, `relation ${r.from}→${r.to} is kept with its source's story`);
      if (r.kind === "related") assert.notEqual(storyOf.get(r.to), s.id, `near miss ${r.from}→${r.to} points outside its story`);
      else assert.equal(storyOf.get(r.to), s.id, `link ${r.from}→${r.to} stays inside story ${s.id}`);
    }
    if (s.documents.length < 2) continue;
    const linked = new Set(s.relations.filter((r) => r.kind !== "related").flatMap((r) => [r.from, r.to]));
    for (const d of s.documents) assert.ok(linked.has(d), `member ${d} of story ${s.id} has a link`);
  }
  // The log is the truth: a process that replays it from nothing holds exactly the stored partition.
  const index = await new StoryLog().index(store);
  const replayed = index.stories().map((s) => [...s.members].sort().join(",")).sort();
  assert.deepEqual(replayed, stories.map(key).sort(), "a replica replayed from the story log holds the stored stories");
  const logged = await store.readStoryLog(0, 1_000_000);
  const batchDocs = logged.filter((r) => r.kind === "batch").flatMap((r) => (JSON.parse(r.entry) as { features: { id: string }[] }).features.map((f) => f.id));
  assert.equal(new Set(batchDocs).size, batchDocs.length, "each document clustered by exactly one step");
}
