// pipeline.runDocs (stage by stage over a batch, what analyze, ingest and the queue worker run) gives every document
// exactly what runDoc (article by article) gives it: the later stages read each document's own word ids even though
// the whole batch was segmented first.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import type { Doc } from "../src/core/doc.js";
import { defaultPipeline } from "../src/analyze.js";
import { createDoc } from "../src/ingest/article.js";
import { readSources } from "../src/ingest/read-sources.js";
import { testContext } from "../src/test-helpers/analyze-text.js";

const examples = join(import.meta.dirname, "..", "examples");

async function starts(): Promise<Doc[]> {
  const out: Doc[] = [];
  for await (const it of readSources([examples])) if (it.ok) out.push(createDoc(it.article));
  return out;
}

test("runDocs over batches of any size gives the Docs runDoc gives, in order", async () => {
  const docs = await starts();
  assert.ok(docs.length >= 5, "the examples hold several articles in three languages");
  const p = defaultPipeline();
  const ctx = testContext();
  const one = docs.map((d) => JSON.stringify(p.runDoc(d, ctx, "strict")));
  for (const size of [1, 2, 3, docs.length]) {
    const batched: string[] = [];
    for (let i = 0; i < docs.length; i += size) for (const d of p.runDocs(docs.slice(i, i + size), ctx, "strict")) batched.push(JSON.stringify(d));
    assert.deepEqual(batched, one, `batches of ${size}`);
  }
  // the analyses have substance: events and entities in every language of the examples
  const all = p.runDocs(docs, ctx, "strict");
  assert.ok(all.every((d) => (d.entities?.length ?? 0) > 0));
  assert.deepEqual([...new Set(all.map((d) => d.language?.code))].sort(), ["ar", "en", "fr"]);
  assert.ok(all.filter((d) => (d.events?.length ?? 0) > 0).length >= 3);
});
