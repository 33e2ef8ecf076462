import { test } from "node:test";
import assert from "node:assert/strict";
import { DocBatcher } from "./doc-batcher.js";
import { createPipeline } from "./pipeline.js";
import { createContext } from "./context.js";
import { OffsetMap } from "./offset-map.js";
import type { Doc } from "./doc.js";
import type { Stage } from "./stage.js";

const up: Stage = { name: "up", version: "1", requires: [], provides: ["text"], run: (d) => ({ ...d, text: d.raw.toUpperCase() }) };
const docOf = (id: string): Doc => ({ id, source: { file: id, origin: id, format: "text" }, raw: id, text: id, offsets: OffsetMap.identity(id.length), diagnostics: [] });

test("the batcher analyses what waits in one runDocs, hands documents on in order and tells progress in reading order", () => {
  const p = createPipeline(["up"], { stages: { up }, corpus: {} });
  const events: string[] = [];
  const b = new DocBatcher(p, createContext(), "continue", (d) => events.push(`done ${d.text}`), (n, label) => events.push(`progress ${n} ${label}`));
  b.progress(1, "bad.bin"); // nothing waits: told at once
  b.add(docOf("a"));
  b.progress(2, "a");
  b.progress(3, "dup"); // read after a: told after a is analysed
  b.add(docOf("b"));
  b.progress(4, "b");
  assert.equal(b.size, 2);
  assert.deepEqual(events, ["progress 1 bad.bin"]);
  b.analyse();
  assert.equal(b.size, 0);
  assert.deepEqual(events, ["progress 1 bad.bin", "done A", "done B", "progress 2 a", "progress 3 dup", "progress 4 b"]);
  b.analyse(); // nothing waits: nothing happens
  assert.equal(events.length, 6);
});
