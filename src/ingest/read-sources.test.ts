import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readSources } from "./read-sources.js";
import type { SourceItem } from "./article.js";

async function collect(inputs: string[], maxBytes?: number): Promise<SourceItem[]> {
  const out: SourceItem[] = [];
  for await (const i of readSources(inputs, { maxBytes })) out.push(i);
  return out;
}

test("a batch of bad inputs: each bad item gets a diagnostic naming it, the good ones are read", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-in-"));
  writeFileSync(join(dir, "a-good.txt"), "Rockets hit a base near the airport on Monday, officials said.");
  writeFileSync(join(dir, "b-empty.txt"), "");
  writeFileSync(join(dir, "c-binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]));
  writeFileSync(join(dir, "d-latin1.txt"), Buffer.concat([Buffer.from("Caf"), Buffer.from([0xe9]), Buffer.from(" attack reported in the city centre.")]));
  writeFileSync(join(dir, "e-broken.html"), "<html><body><p>Drone strike reported <b>near the border<p>Two killed</div>");
  writeFileSync(join(dir, "f-records.jsonl"), ['{"id":"r1","text":"A convoy was hit."}', "{not json", '{"id":"r3"}', '{"id":"r4","text":"Talks resumed."}'].join("\n"));
  writeFileSync(join(dir, "g-huge.txt"), Buffer.alloc(50 * 1024 * 1024, 0x61));
  writeFileSync(join(dir, "h-bidi.txt"), "A\u202Eattack\u202C was\u200B reported.");
  const items = await collect([dir, join(dir, "missing.txt")]);
  const ok = items.filter((i) => i.ok).map((i) => (i.ok ? i.article.source.file : ""));
  assert.deepEqual(ok, ["a-good.txt", "d-latin1.txt", "e-broken.html", "r1", "r4", "h-bidi.txt"]);
  const bad = items.flatMap((i) => (i.ok ? [] : [[i.failure.source.file, i.failure.diagnostics[0].code]]));
  assert.deepEqual(bad, [
    ["b-empty.txt", "E_EMPTY"],
    ["c-binary.txt", "E_BINARY"],
    ["f-records.jsonl:2", "E_JSONL"],
    ["r3", "E_EMPTY"],
    ["g-huge.txt", "E_TOO_LARGE"],
    ["missing.txt", "E_INPUT"],
  ]);
  const latin1 = items.find((i) => i.ok && i.article.source.file === "d-latin1.txt");
  assert.ok(latin1?.ok && latin1.article.diagnostics[0].code === "W_INVALID_UTF8");
  // Every failure message names where the item came from.
  for (const i of items) if (!i.ok) assert.ok(i.failure.diagnostics[0].message.includes(i.failure.source.origin.split(":")[0]));
});

test("JSONL records keep their metadata fields", async () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-in-"));
  writeFileSync(join(dir, "x.jsonl"), JSON.stringify({ id: "k1", url: "https://e.org/a", outlet: "e.org", published: "2024-01-31", title: "T", text: "Body." }) + "\n");
  const [item] = await collect([join(dir, "x.jsonl")]);
  assert.ok(item.ok);
  assert.deepEqual(item.article.source, { file: "k1", origin: join(dir, "x.jsonl") + ":1", format: "jsonl", url: "https://e.org/a", outlet: "e.org", published: "2024-01-31", title: "T" });
});
