#!/usr/bin/env node
// Story clustering cost as the store grows: grows one StoryIndex with synthetic articles (stored with insert(),
// their story given, skipping the search) and, at 10k, 100k and 1M stored articles, times 2,000 real
// add() calls — lookup, candidate comparison, story decision — then the consolidate() that settles them (the
// re-clustering of their neighbourhood, as after an ingest batch), and reads the heap after a full GC.
// The synthetic articles look like real fingerprints: Zipf-distributed word stems around a per-story topic,
// entity/number anchors, MinHash signatures, publication days advancing through time; stories of 1 to 20 articles.
// Usage: node scripts/bench-stories.mjs [--sizes 10000,100000,1000000] [--no-build] [--src] [--json] [--profile DIR]  (about 8 min per
// 100k on 2 busy cores; 1M needs ~12 GB of heap and most of an hour). --src runs from source through tsx.
import { spawnSync } from "node:child_process";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const fromSource = args.includes("--src");
if (typeof globalThis.gc !== "function") {
  // Re-run with a collectable heap and room for a million articles (and the TypeScript loader for --src).
  const r = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=16384", ...(fromSource ? ["--import", "tsx"] : []), fileURLToPath(import.meta.url), ...args], { stdio: "inherit" });
  process.exit(r.status ?? 1);
}
if (!fromSource && !args.includes("--no-build")) {
  const b = spawnSync("npm", ["run", "-s", "build"], { cwd: root, stdio: "inherit" });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const sizes = (args.includes("--sizes") ? args[args.indexOf("--sizes") + 1] : "10000,100000,1000000").split(",").map(Number);
const { StoryIndex, minhashSignature, shingleHashes } = await import(pathToFileURL(fromSource ? join(root, "src", "stories", "index.ts") : join(root, "dist", "stories", "index.js")).href);

// The synthetic articles: the model bench:scale uses too (scripts/synthetic-story-features.mjs).
const { syntheticFeatures } = await import(pathToFileURL(join(root, "scripts", "synthetic-story-features.mjs")).href);
const synthetic = syntheticFeatures({ minhashSignature, shingleHashes });

// --options '{"maxPerStory":6}': index options other than the defaults (to compare their cost and accuracy)
const index = new StoryIndex(args.includes("--options") ? JSON.parse(args[args.indexOf("--options") + 1]) : {});
const rows = [];
// Garbage-collection time inside the measured phases: a heap of several GB makes a major collection cost seconds.
const { PerformanceObserver } = await import("node:perf_hooks");
let gcMs = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) gcMs += e.duration; }).observe({ entryTypes: ["gc"] });
// --profile DIR: a CPU profile (.cpuprofile, for Chrome DevTools or speedscope) of the measured add() and consolidate()
// calls at each size, the growth phase left out.
const profileDir = args.includes("--profile") ? args[args.indexOf("--profile") + 1] : null;
const session = profileDir ? new (await import("node:inspector")).Session() : null;
const post = (method, params = {}) => new Promise((ok, fail) => session.post(method, params, (err, r) => (err ? fail(err) : ok(r))));
if (session) {
  session.connect();
  await post("Profiler.enable");
}
const t0 = Date.now();
for (const target of sizes) {
  while (synthetic.count < target) {
    const { features, story } = synthetic.next();
    index.insert(features, story);
  }
  globalThis.gc();
  // Typed arrays' backing stores live outside the JS heap: "external" counts them.
  const { heapUsed: heap, external, rss } = process.memoryUsage();
  const N = 2000;
  let compared = 0;
  // the measured articles, with the synthetic story each was written for
  const batchTruth = new Map();
  const batch = Array.from({ length: N }, () => {
    const { features, story } = synthetic.next();
    batchTruth.set(features.id, story);
    return features;
  });
  // CPU time of this process as well as wall time: on a shared machine the wall clock also counts other processes.
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  await new Promise((r) => setTimeout(r, 0)); // deliver the GC entries of the growth phase
  gcMs = 0;
  if (session) await post("Profiler.start");
  const read0 = index.work().postingsRead;
  const s = process.hrtime.bigint(), s1 = cpu();
  for (const f of batch) compared += index.add(f).compared;
  const read1 = index.work().postingsRead;
  const ms = Number(process.hrtime.bigint() - s) / 1e6, cpuMs = cpu() - s1;
  const c0 = process.hrtime.bigint(), c1 = cpu();
  const settled = index.consolidate();
  const cms = Number(process.hrtime.bigint() - c0) / 1e6, ccpu = cpu() - c1;
  // Quality of the decisions on the measured articles: pairs of them put in one story, against their synthetic stories
  // (pairwise precision and recall), so that a cheaper lookup can be seen to cost no accuracy.
  const pairs = (key) => {
    const groups = new Map();
    for (const f of batch) {
      const k = key(f.id);
      groups.set(k, (groups.get(k) ?? 0) + 1);
    }
    return groups;
  };
  const both = new Map();
  for (const f of batch) {
    const k = `${index.storyOf(f.id)} ${batchTruth.get(f.id)}`;
    both.set(k, (both.get(k) ?? 0) + 1);
  }
  const count = (m) => [...m.values()].reduce((a, n) => a + (n * (n - 1)) / 2, 0);
  const agree = count(both), predicted = count(pairs((id) => index.storyOf(id))), real = count(pairs((id) => batchTruth.get(id)));
  const pairP = predicted ? agree / predicted : 1, pairR = real ? agree / real : 1;
  // the work itself, apart from its time: posting entries read by the lookups of add() and of consolidate()
  const readAdd = (read1 - read0) / N, readConsolidate = (index.work().postingsRead - read1) / N;
  if (session) {
    const { profile } = await post("Profiler.stop");
    const { writeFileSync, mkdirSync } = await import("node:fs");
    mkdirSync(profileDir, { recursive: true });
    writeFileSync(join(profileDir, `stories-${target}.cpuprofile`), JSON.stringify(profile));
  }
  await new Promise((r) => setTimeout(r, 0));
  const gc = gcMs;
  rows.push({ stored: target, msPerArticle: ms / N, cpuMsPerArticle: cpuMs / N, comparedPerArticle: compared / N, postingsReadPerAdd: readAdd, pairPrecision: pairP, pairRecall: pairR, postingsReadPerConsolidated: readConsolidate, consolidateMsPerArticle: cms / N, consolidateCpuMsPerArticle: ccpu / N, examined: settled.examined, gcMsPerArticle: gc / N, heapMB: heap / 1048576, externalMB: external / 1048576, rssMB: rss / 1048576, bytesPerArticle: heap / target, heapAndExternalPerArticle: (heap + external) / target, stories: index.stories().length, searchable: index.work().searchable ?? null });
  const r = rows[rows.length - 1];
  console.log(`${String(target).padStart(9)} stored: add ${r.msPerArticle.toFixed(3)} ms/article (cpu ${r.cpuMsPerArticle.toFixed(3)}), ${r.comparedPerArticle.toFixed(1)} compared and ${r.postingsReadPerAdd.toFixed(0)} postings read/article; consolidate ${r.consolidateMsPerArticle.toFixed(3)} ms/article (cpu ${r.consolidateCpuMsPerArticle.toFixed(3)}, ${r.examined} re-clustered, ${r.postingsReadPerConsolidated.toFixed(0)} postings read/article); pairs P/R ${(r.pairPrecision * 100).toFixed(1)}/${(r.pairRecall * 100).toFixed(1)}%; GC ${r.gcMsPerArticle.toFixed(3)} ms/article of both; heap ${r.heapMB.toFixed(0)} MB (${(r.bytesPerArticle / 1024).toFixed(2)} KB/article) + external ${r.externalMB.toFixed(0)} MB (${(r.heapAndExternalPerArticle / 1024).toFixed(2)} KB/article with it), RSS ${r.rssMB.toFixed(0)} MB, ${r.stories} stories${r.searchable != null ? `, ${r.searchable} documents searchable` : ""}  [${((Date.now() - t0) / 1000).toFixed(0)} s]`);
}
if (args.includes("--json")) console.log("BENCH " + JSON.stringify(rows));
