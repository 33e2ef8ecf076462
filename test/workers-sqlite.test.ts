// The story log on SQLite (issue 9): stories do not depend on the batches or the order documents come in; a step
// that fails leaves nothing; re-ingest is a no-op; the log, its snapshots and an older store's JSON index replay.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import v8 from "node:v8";
import { Migrator, type MigrationProvider } from "kysely";
import type { Doc } from "../src/core/doc.js";
import { defaultPipeline } from "../src/analyze.js";
import { createDoc } from "../src/ingest/article.js";
import { readSources } from "../src/ingest/read-sources.js";
import { ingestItems } from "../src/ingest.js";
import { openStore } from "../src/store/open-store.js";
import type { KyselyStore } from "../src/store/kysely-store.js";
import { migrations } from "../src/store/migrations.js";
import { documentToContract } from "../src/output/to-contract.js";
import { StoryLog } from "../src/story-log/story-log.js";
import { StoryReplica } from "../src/story-log/story-replica.js";
import { StoryIndex } from "../src/stories/story-index.js";
import { extractFeatures } from "../src/stories/extract-features.js";
import { testContext } from "../src/test-helpers/analyze-text.js";
import { assertConsistent, bcubed, devItems, hasDevCorpus, shuffled, storeState } from "./workers-state.js";

const examples = join(import.meta.dirname, "..", "examples");
const noDev = hasDevCorpus ? false : "the dev corpus (../shared/corpus/dev.jsonl) is absent";

/** The dev corpus analysed once for the whole file (the per-article stages are not what is tested here). */
let analysed: Promise<Doc[]> | undefined;
function devDocs(): Promise<Doc[]> {
  return (analysed ??= (async () => {
    const p = defaultPipeline();
    return (await devItems()).flatMap((it) => (it.ok ? [p.runDoc(createDoc(it.article), testContext(), "continue")] : []));
  })());
}

/** Commits docs in batches of `size` through one story log client, as a worker would. */
async function commitInBatches(docs: readonly Doc[], size: number) {
  const store = await openStore(":memory:");
  const log = new StoryLog();
  for (let i = 0; i < docs.length; i += size) await log.commit(store, docs.slice(i, i + size));
  return store;
}

test("dev corpus: batches in random order give the stories and events of one batch; settle gives it exactly", { skip: noDev }, async () => {
  const docs = await devDocs();
  const one = await commitInBatches(docs, 1000);
  const base = await storeState(one);
  await assertConsistent(one, docs.length);
  for (const [size, seed] of [[10, 1], [3, 2]] as const) {
    const store = await commitInBatches(shuffled(docs, seed), size);
    await assertConsistent(store, docs.length);
    const got = await storeState(store);
    const b3 = bcubed(base.partition, got.partition);
    assert.deepEqual(got.partition, base.partition, `batches of ${size} (seed ${seed}): partition differs, B-cubed F1 ${b3.toFixed(3)}`);
    assert.deepEqual(got.stories, base.stories, "titles and merged events (ids aside)");
    assert.deepEqual(got.events, base.events, "every document's events");
    // Settle re-clusters everything in one canonical step: the same ids, links and events as the one-batch store.
    await new StoryLog().settle(store);
    await assertConsistent(store, docs.length);
    assert.deepEqual((await storeState(store)).exact, base.exact);
    await store.close();
  }
  await one.close();
});

test("re-ingest is a no-op: no document, story or log entry changes", async () => {
  const store = await openStore(":memory:");
  const ctx = testContext();
  const first = await ingestItems(readSources([examples]), store, ctx);
  assert.ok(first.inserted > 3);
  const head = await store.storyLogHead();
  const before = await storeState(store);
  const again = await ingestItems(readSources([examples]), store, ctx);
  assert.equal(again.inserted, 0);
  assert.equal(again.duplicates, first.inserted);
  assert.equal(await store.storyLogHead(), head);
  assert.deepEqual(await storeState(store), before);
  await assertConsistent(store, first.inserted);
  await store.close();
});

test("a step that fails before it commits leaves nothing, and the next step starts from the store", async () => {
  const store = await openStore(":memory:");
  const p = defaultPipeline();
  const docs: Doc[] = [];
  for await (const it of readSources([examples])) if (it.ok) docs.push(p.runDoc(createDoc(it.article), testContext()));
  const ok = new StoryLog();
  await ok.commit(store, docs.slice(0, 2));
  const failing = new StoryLog({
    beforeCommit: async () => {
      throw new Error("killed");
    },
  });
  await assert.rejects(failing.commit(store, docs.slice(2, 5)), /killed/);
  assert.equal((await store.getDocuments()).length, 2, "no document of the failed step");
  assert.equal(await store.storyLogHead(), 1, "no log entry of the failed step");
  assert.equal((await store.listStories()).flatMap((s) => s.documents).length, 2, "no membership of the failed step");
  // The same client, reset, and the other one both carry on from the log.
  await ok.commit(store, docs.slice(2, 4));
  await new StoryLog().commit(store, docs.slice(4));
  await assertConsistent(store, docs.length);
  await store.close();
});

test("a replica restored from a snapshot equals one replayed from the log, and goes on identically", { skip: noDev }, async () => {
  const docs = await devDocs();
  const store = await openStore(":memory:");
  const writer = new StoryLog();
  for (let i = 0; i < 60; i += 12) await writer.commit(store, docs.slice(i, i + 12));
  await writer.maybeSnapshot(store, true);
  await writer.commit(store, docs.slice(60, 75));
  const fromSnapshot = new StoryLog();
  const replayed = new StoryReplica(new StoryIndex({ consolidateTouchedOnly: true }), 0);
  for (const row of await store.readStoryLog(0, 1000)) {
    const e = JSON.parse(row.entry);
    replayed.applyBatch(row.seq, e.features, e.placed);
  }
  const a = await fromSnapshot.index(store);
  assert.equal((await store.latestStorySnapshot())?.seq, 5);
  assert.deepEqual(a.toJSON(), replayed.index.toJSON());
  // in the writer's order (by id): the index's key counts keep the order they were first seen in
  const rest = docs.slice(75).map((d) => extractFeatures(d)).sort((x, y) => (x.id < y.id ? -1 : 1));
  const rowsA = replayed.applyBatch(7, rest, []);
  await fromSnapshot.commit(store, docs.slice(75));
  assert.deepEqual((await fromSnapshot.index(store)).toJSON(), replayed.index.toJSON());
  assert.ok(rowsA.length > 0);
  await assertConsistent(store, docs.length);
  await store.close();
});

test("a snapshot another version of the index wrote is skipped: the log alone rebuilds the same stories", { skip: noDev }, async () => {
  const docs = await devDocs();
  const store = await openStore(":memory:");
  const writer = new StoryLog();
  for (let i = 0; i < 40; i += 10) await writer.commit(store, docs.slice(i, i + 10));
  const expected = (await writer.index(store)).toJSON();
  // a snapshot in a format this version does not read, newer than every log entry
  await store.putStorySnapshot(await store.storyLogHead(), v8.serialize({ v: 1, seq: await store.storyLogHead(), index: {} }));
  assert.equal(StoryReplica.fromSnapshot((await store.latestStorySnapshot())!.data), null);
  assert.deepEqual((await new StoryLog().index(store)).toJSON(), expected);
  await store.close();
});

test("an older store's JSON story index becomes story log entry 1 and later batches join its stories", async () => {
  const store = (await openStore(":memory:")) as KyselyStore;
  const p = defaultPipeline();
  const docs: Doc[] = [];
  for await (const it of readSources([join(examples, "tower22-en.md"), join(examples, "tower22-fr.txt")])) if (it.ok) docs.push(p.runDoc(createDoc(it.article), testContext()));
  // Back to migration 004, with the index kept the old way: one JSON state row, the story rows beside it.
  const provider: MigrationProvider = { getMigrations: async () => migrations("sqlite") };
  const migrator = new Migrator({ db: store.db, provider, migrationTableName: "sitrep_migrations", migrationLockTableName: "sitrep_migrations_lock" });
  assert.equal((await migrator.migrateTo("004_original_text")).error, undefined);
  const old = new StoryIndex();
  await store.putDocuments([{ doc: documentToContract(docs[0]), text: docs[0].text, origin: docs[0].source.origin }]);
  old.add(extractFeatures(docs[0]));
  const sid = old.storyOf(docs[0].id)!;
  await store.putStories([{ id: sid, title: "t", documents: [docs[0].id], relations: [] }]);
  await store.setState("corpus-state", JSON.stringify({ "story-index": old.toJSON() }));
  assert.deepEqual((await store.migrate()).slice(0, 1), ["005_story_log"]);
  assert.equal(await store.getState("corpus-state"), null);
  assert.equal(await store.storyLogHead(), 1);
  await new StoryLog().commit(store, docs.slice(1));
  const stories = await store.listStories();
  assert.equal(stories.length, 1, JSON.stringify(stories));
  assert.deepEqual([...stories[0].documents].sort(), docs.map((d) => d.id).sort());
  await store.close();
});
