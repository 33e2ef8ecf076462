// Stories across ingest batches: the story index persists in the store, so a translation ingested later joins
// the story of its original instead of starting a new one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { readSources } from "../src/ingest/read-sources.js";
import { ingestItems } from "../src/ingest.js";
import { openStore } from "../src/store/open-store.js";
import { testContext } from "../src/test-helpers/analyze-text.js";

const examples = join(import.meta.dirname, "..", "examples");

test("an article and its translation ingested in two runs end in one story; re-ingest changes nothing", async () => {
  const store = await openStore(":memory:");
  const ctx = testContext();
  const first = await ingestItems(readSources([join(examples, "tower22-en.md")]), store, ctx);
  assert.equal(first.inserted, 1);
  const second = await ingestItems(readSources([join(examples, "tower22-fr.txt"), join(examples, "kh-suspension-ar.txt")]), store, ctx);
  assert.equal(second.inserted, 2);
  const stories = await store.listStories();
  const ids = new Map((await store.getDocuments()).map((d) => [d.file, d.id]));
  const storyOf = (file: string) => stories.find((s) => s.documents.includes(ids.get(file)!))?.id;
  assert.equal(storyOf("tower22-fr.txt"), storyOf("tower22-en.md"), JSON.stringify(stories, null, 1));
  const together = stories.find((s) => s.id === storyOf("tower22-en.md"))!;
  assert.equal(together.documents.length, 2);
  assert.ok(together.relations.some((r) => r.kind === "translation"), JSON.stringify(together.relations));
  // Every stored document is in exactly one story.
  assert.equal(stories.flatMap((s) => s.documents).length, 3);
  const again = await ingestItems(readSources([examples]), store, ctx);
  assert.equal(again.duplicates, 3);
  assert.equal(again.inserted, 4);
  assert.equal((await store.listStories()).flatMap((s) => s.documents).length, 7);
  await store.close();
});
