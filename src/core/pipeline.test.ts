import { test } from "node:test";
import assert from "node:assert/strict";
import { createPipeline } from "./pipeline.js";
import { SitrepError } from "./errors.js";
import type { CorpusStage, Stage } from "./stage.js";
import { createContext } from "./context.js";
import { OffsetMap } from "./offset-map.js";

const a: Stage = { name: "a", version: "1", requires: [], provides: ["text"], run: (d) => ({ ...d, text: d.raw.toUpperCase() }) };
const b: Stage = { name: "b", version: "1", requires: ["text"], provides: ["language"], run: (d) => ({ ...d, language: { code: "en", confidence: 1, basis: "t" } }) };
const boom: Stage = { name: "boom", version: "1", requires: [], provides: ["meta"], run: () => { throw new Error("kaput"); } };
const registry = { stages: { a, b, boom }, corpus: {} };
const doc = { id: "x", source: { file: "f", origin: "f", format: "text" as const }, raw: "hi", text: "hi", offsets: OffsetMap.identity(2), diagnostics: [] };

test("createPipeline rejects unknown, duplicate and unmet stages with coded errors", () => {
  assert.throws(() => createPipeline(["nope"], registry), (e: unknown) => e instanceof SitrepError && e.code === "E_STAGE_UNKNOWN");
  assert.throws(() => createPipeline(["a", "a"], registry), (e: unknown) => e instanceof SitrepError && e.code === "E_STAGE_DUPLICATE");
  assert.throws(() => createPipeline(["b", "a"], registry), (e: unknown) => e instanceof SitrepError && e.code === "E_STAGE_REQUIRES");
});

test("runDoc records a throwing stage as a diagnostic and goes on under 'continue'", () => {
  const p = createPipeline(["boom", "a", "b"], registry);
  const out = p.runDoc(doc, createContext(), "continue");
  assert.equal(out.text, "HI");
  assert.equal(out.language?.code, "en");
  assert.deepEqual(out.diagnostics.map((d) => [d.code, d.stage]), [["E_STAGE_FAILED", "boom"]]);
  assert.throws(() => p.runDoc(doc, createContext(), "strict"), /kaput/);
});

test("table lists requires and provides", () => {
  assert.deepEqual(createPipeline(["a", "b"], registry).table().map((r) => `${r.name}:${r.requires}>${r.provides}`), ["a:>text", "b:text>language"]);
});

test("a pipeline with corpus stages hands its Docs on without their working layers, which no corpus stage may require", () => {
  const seg: Stage = { name: "seg", version: "1", requires: [], provides: ["sentences", "tokens"], run: (d) => ({ ...d, sentences: [{ start: 0, end: 2, paragraph: 0 }], tokens: [{ start: 0, end: 2, text: "hi", sentence: 0, isWord: true }] }) };
  const seen: number[] = [];
  const count: Stage = { name: "count", version: "1", requires: ["tokens"], provides: ["meta"], run: (d) => { seen.push(d.tokens?.length ?? -1); return d; } };
  const batch: CorpusStage = { name: "batch", version: "1", requires: ["sentences"], provides: [], run: (c) => c };
  const reg = { stages: { seg, count }, corpus: { batch } };
  const out = createPipeline(["seg", "count", "batch"], reg).runDoc(doc, createContext(), "strict");
  assert.deepEqual(seen, [1]);
  assert.equal(out.tokens, undefined);
  assert.equal(out.sentences?.length, 1);
  // per-article stages alone: the caller may run more stages on the Doc, which keeps its tokens
  assert.equal(createPipeline(["seg", "count"], reg).runDoc(doc, createContext(), "strict").tokens?.length, 1);
  const reader: CorpusStage = { name: "reader", version: "1", requires: ["tokens"], provides: [], run: (c) => c };
  assert.throws(() => createPipeline(["seg", "reader"], { stages: { seg }, corpus: { reader } }), (e: unknown) => e instanceof SitrepError && e.code === "E_STAGE_REQUIRES");
});

test("runDocs gives each doc what runDoc gives it, running stage by stage over the batch", () => {
  const order: string[] = [];
  const trace = (name: string, provides: Stage["provides"], requires: Stage["requires"] = []): Stage => ({
    name, version: "1", requires, provides,
    run: (d) => {
      order.push(`${name}:${d.id}`);
      return name === "up" ? { ...d, text: d.raw.toUpperCase() } : d;
    },
  });
  const reg = { stages: { up: trace("up", ["text"]), boom, lang: trace("lang", ["language"], ["text"]) }, corpus: {} };
  const p = createPipeline(["up", "boom", "lang"], reg);
  const docs = ["x", "y", "z"].map((id) => ({ ...doc, id, raw: `doc ${id}` }));
  const batched = p.runDocs(docs, createContext(), "continue");
  // stage-major: every doc through one stage before the next stage starts
  assert.deepEqual(order, ["up:x", "up:y", "up:z", "lang:x", "lang:y", "lang:z"]);
  order.length = 0;
  const single = docs.map((d) => p.runDoc(d, createContext(), "continue"));
  assert.deepEqual(batched, single);
  assert.deepEqual(batched.map((d) => [d.text, d.diagnostics.map((x) => x.stage)]), [["DOC X", ["boom"]], ["DOC Y", ["boom"]], ["DOC Z", ["boom"]]]);
  // the input list is not changed, and a strict run still stops at the throw
  assert.equal(docs[0].text, "hi");
  assert.throws(() => p.runDocs(docs, createContext(), "strict"), /kaput/);
  assert.deepEqual(p.runDocs([], createContext()), []);
});
