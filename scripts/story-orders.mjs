#!/usr/bin/env node
// Story clustering against the dev gold, and its independence of input order and batching: analyses
// ../shared/corpus/dev.jsonl once (per-article stages), then clusters it in one batch, in batches of 25 and of 10,
// each in the input order and in three shuffled orders, into one persistent index (serialised between batches, as a
// store keeps it). Prints B-cubed P/R/F1 of every run against the gold and against the first run, the pairwise
// agreement of all runs, and (--show) the stories of the first run that mix or split gold clusters, with titles.
// Usage: node scripts/story-orders.mjs [--show] [--touched] [--no-build] [--src]
//   --touched clusters with consolidateTouchedOnly (what a store's replicas use); --src runs from source (tsx).
// Reads ../shared (third-party text: evaluation only; titles are printed, never written to the repository).
import { existsSync, readFileSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sitrepModules } from "./lib/sitrep-modules.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = resolve(process.env.SITREP_SHARED ?? join(root, "..", "shared"));
const args = process.argv.slice(2);
const corpusFile = join(shared, "corpus", "dev.jsonl"), goldFile = join(shared, "gold", "dev.gold.json");
if (!existsSync(corpusFile) || !existsSync(goldFile)) {
  console.log(`story-orders: skipped — ${shared} has no dev corpus and gold.`);
  process.exit(0);
}
const imp = sitrepModules(root, fileURLToPath(import.meta.url), args);
const { analyzeItems } = await imp("analyze.js");
const { createContext } = await imp("core/context.js");
const { readSources } = await imp("ingest/read-sources.js");
const { extractFeatures, StoryIndex } = await imp("stories/index.js");
const { clusterFeatures } = await imp("stages/stories/cluster-stories.js");

const ctx = createContext({ log: { info: () => {}, warn: () => {} } });
const { corpus } = await analyzeItems(readSources([corpusFile]), ctx, { corpus: false, policy: "continue" });
const docs = corpus.docs;
const feats = docs.map((d) => extractFeatures(d));
const gold = JSON.parse(readFileSync(goldFile, "utf8")).documents;
const fileOf = new Map(docs.map((d) => [d.id, d.source.file]));
const goldOf = new Map(docs.map((d) => [d.id, gold[d.source.file]?.cluster ?? d.source.file]));
const options = args.includes("--touched") ? { consolidateTouchedOnly: true } : {};

/** B-cubed precision, recall and F1 of a partition (doc → label) against a reference. */
function bcubed(pred, ref) {
  const ids = [...ref.keys()];
  let p = 0, r = 0;
  for (const a of ids) {
    let pm = 0, gm = 0, both = 0;
    for (const b of ids) {
      const sp = pred.get(a) === pred.get(b), sg = ref.get(a) === ref.get(b);
      if (sp) pm++;
      if (sg) gm++;
      if (sp && sg) both++;
    }
    p += both / pm;
    r += both / gm;
  }
  p /= ids.length;
  r /= ids.length;
  return { p, r, f: (2 * p * r) / (p + r) };
}
/** Deterministic shuffle (mulberry32). */
function shuffled(xs, seed) {
  let s = seed;
  const rand = () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
function run(order, size) {
  let index = new StoryIndex(options);
  for (let i = 0; i < order.length; i += size) {
    clusterFeatures(order.slice(i, i + size), index);
    if (i + size < order.length) index = StoryIndex.fromJSON(JSON.parse(JSON.stringify(index.toJSON())));
  }
  const part = new Map();
  for (const s of index.stories()) for (const m of s.members) part.set(m, s.members[0]);
  return { index, part };
}
const fmt = (x) => `P ${x.p.toFixed(3)} R ${x.r.toFixed(3)} F1 ${x.f.toFixed(3)}`;
const runs = [];
const t0 = Date.now();
for (const size of [feats.length, 25, 10])
  for (const seed of [0, 1, 2, 3]) {
    const name = `${size >= feats.length ? "1 batch" : `batches of ${size}`}, ${seed ? `shuffle ${seed}` : "input order"}`;
    runs.push({ name, ...run(seed ? shuffled(feats, seed) : feats, size) });
  }
for (const r of runs) console.log(`${r.name.padEnd(28)} vs gold ${fmt(bcubed(r.part, goldOf))}   vs first run ${fmt(bcubed(r.part, runs[0].part))}`);
let min = 1, sum = 0, pairs = 0, same = 0;
for (let i = 0; i < runs.length; i++)
  for (let j = i + 1; j < runs.length; j++) {
    const f = bcubed(runs[i].part, runs[j].part).f;
    min = Math.min(min, f);
    sum += f;
    pairs++;
    if (f > 1 - 1e-12) same++;
  }
console.log(`pairwise B-cubed F1 between the ${runs.length} runs: mean ${(sum / pairs).toFixed(3)}, min ${min.toFixed(3)}; identical partitions ${same}/${pairs}  [${((Date.now() - t0) / 1000).toFixed(1)} s]`);

if (args.includes("--show")) {
  const size = new Map();
  for (const g of goldOf.values()) size.set(g, (size.get(g) ?? 0) + 1);
  const title = (id) => {
    const d = docs.find((x) => x.id === id);
    return (d.meta?.title ?? d.text.slice(0, 70)).replace(/\s+/g, " ").slice(0, 70);
  };
  for (const s of runs[0].index.stories()) {
    const counts = new Map();
    for (const m of s.members) counts.set(goldOf.get(m), (counts.get(goldOf.get(m)) ?? 0) + 1);
    const [major, n] = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (counts.size === 1 && n === size.get(major)) continue;
    console.log(`\n${s.id}: ${s.members.length} documents, ${n} of gold ${major} (${size.get(major)})${counts.size > 1 ? ", mixed" : ", split"}`);
    for (const m of s.members) if (counts.size === 1 || goldOf.get(m) !== major) console.log(`  ${fileOf.get(m)} [${goldOf.get(m)}] ${title(m)}`);
  }
}
