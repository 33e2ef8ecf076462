#!/usr/bin/env node
// npm run bench — throughput and memory of the whole analysis, per stage, and how both grow with the corpus.
// Corpus: ≥ 10,000 articles made by repeating and varying the articles of ../shared/corpus (read at run time,
// never copied) or, when ../shared is absent, the project's own examples/.
// Usage: npm run bench [-- --n 10000] [-- --json out.json] [-- --src] [-- --per-article-only [--no-keep]] [-- --batch B]
// --batch B: articles per runDocs call (default: the pipeline's DOC_BATCH, what the commands use; 1 = article by article).
// --src runs the stages from source through tsx (no build into dist/), so several checkouts of work can measure at once.
// Articles per CPU-second (process.cpuUsage over the per-article loop) is the figure to compare: wall time on a shared
// machine counts the time other processes hold the core.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const N = args.includes("--n") ? Number(args[args.indexOf("--n") + 1]) : 10_000;
const jsonOut = args.includes("--json") ? args[args.indexOf("--json") + 1] : null;
const fromSource = args.includes("--src");
// --per-article-only skips the corpus stages (stories, story-dates, merge): for profiling the per-article stages.
const perArticleOnly = args.includes("--per-article-only");
// --no-keep drops each analysed Doc at once (with --per-article-only): what retaining a batch costs in GC.
const noKeep = args.includes("--no-keep") && perArticleOnly;
const batchArg = args.includes("--batch") ? Number(args[args.indexOf("--batch") + 1]) : null;
if (batchArg !== null && !(Number.isInteger(batchArg) && batchArg >= 1)) {
  console.error("bench: --batch takes a whole number of articles, 1 or more (1 = article by article)");
  process.exit(2);
}

if (!process.env.SITREP_BENCH_CHILD) {
  if (!fromSource) {
    const b = spawnSync("npm", ["run", "-s", "build"], { cwd: root, stdio: "inherit" });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  // A fresh process so that peak memory is the analysis's own, with the V8 flags `sitrep ingest` runs with.
  const { ANALYSIS_NODE_FLAGS } = await import("../bin/node-flags.js");
  const node = [...(fromSource ? ["--import", "tsx"] : []), "--expose-gc", ...ANALYSIS_NODE_FLAGS];
  const r = spawnSync(process.execPath, [...node, ...process.execArgv, fileURLToPath(import.meta.url), ...args], { stdio: "inherit", env: { ...process.env, SITREP_BENCH_CHILD: "1" } });
  process.exit(r.status ?? 1);
}

const dist = (p) => import(fromSource ? join(root, "src", p.replace(/\.js$/, ".ts")) : join(root, "dist", p));
const { createContext } = await dist("core/context.js");
const { createPipeline, DOC_BATCH } = await dist("core/pipeline.js");
const { createDoc } = await dist("ingest/article.js");
const { STAGES, DEFAULT_PIPELINE } = await dist("stages/registry.js");
const { loadKb } = await dist("kb/load-kb.js");

// ---- the base articles
const shared = resolve(root, "..", "shared", "corpus");
const base = [];
if (existsSync(shared)) {
  for (const f of readdirSync(join(shared, "seeds")).sort()) base.push({ text: readFileSync(join(shared, "seeds", f), "utf8"), format: "text", file: f });
  for (const line of readFileSync(join(shared, "dev.jsonl"), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    base.push({ text: r.text, format: "jsonl", file: r.id, published: r.published ?? null, url: r.url ?? null, outlet: r.outlet ?? null });
  }
} else {
  for (const f of readdirSync(join(root, "examples")).sort()) {
    const p = join(root, "examples", f);
    if (f.endsWith(".jsonl")) for (const line of readFileSync(p, "utf8").split("\n").filter(Boolean)) { const r = JSON.parse(line); base.push({ text: r.text, format: "jsonl", file: r.id, published: r.published ?? null }); }
    else base.push({ text: readFileSync(p, "utf8"), format: f.endsWith(".html") ? "html" : "text", file: f });
  }
}
const corpusName = existsSync(shared) ? `../shared corpus (${base.length} articles)` : `examples/ (${base.length} articles)`;

// Variation: rotate paragraphs and shift numbers so every copy is a distinct article with a distinct content id.
function vary(a, i) {
  const paras = a.text.split(/\n\s*\n/);
  const k = paras.length > 2 ? 1 + (i % (paras.length - 1)) : 0;
  const rotated = k ? [paras[0], ...paras.slice(1 + k - 1), ...paras.slice(1, 1 + k - 1)] : paras;
  const text = rotated.join("\n\n").replace(/\b(\d{1,2})\b/, (m) => String((Number(m) + i) % 28 + 1)) + `\n\n(${i})`;
  return { ...a, text, file: `${a.file}#${i}` };
}
const articles = Array.from({ length: N }, (_, i) => vary(base[i % base.length], Math.floor(i / base.length)));
const bytes = articles.reduce((s, a) => s + Buffer.byteLength(a.text), 0);

// ---- KB load time (cold, in this process)
let t = performance.now();
const kb = loadKb(join(root, "data"));
const kbMs = performance.now() - t;

// ---- timed stages
const ctx = createContext({ log: { info() {}, warn() {} } });
const timing = new Map();
const cpuTiming = new Map();
// Wall and CPU time of each stage over each batch: runDocs calls a stage on every doc of the batch in a row, so the
// clocks are read before its first call and after its last (not around each doc's call: a clock read is a system call).
// The CPU time is the main thread's own (Linux: /proc/thread-self/schedstat, read with one pread), so a stage is not
// charged for the garbage collector's and compiler's helper threads that run meanwhile; elsewhere it falls back to
// process.cpuUsage, which counts every thread.
let threadFd = null;
try {
  threadFd = (await import("node:fs")).openSync("/proc/thread-self/schedstat", "r");
} catch {
  threadFd = null;
}
const schedBuf = Buffer.alloc(64);
const { readSync } = await import("node:fs");
/** CPU milliseconds of the main thread (or of the process, without /proc). */
const cpuNow = threadFd !== null
  ? () => {
      const n = readSync(threadFd, schedBuf, 0, 64, 0);
      return Number(schedBuf.toString("latin1", 0, n).split(" ")[0]) / 1e6;
    }
  : () => {
      const c = process.cpuUsage();
      return (c.user + c.system) / 1000;
    };
const cpuScope = threadFd !== null ? "main thread" : "process";
// the size of the runDocs batch under way (1 for the corpus stages), and how far each stage is through it
let batchLen = 1;
const calls = new Map();
const started = new Map();
const wrap = (s) => ({ ...s, run: (x, c) => {
  const k = calls.get(s.name) ?? 0;
  if (k === 0) started.set(s.name, [cpuNow(), performance.now()]);
  const r = s.run(x, c);
  if (k + 1 < batchLen) calls.set(s.name, k + 1);
  else {
    const [c0, t0] = started.get(s.name);
    timing.set(s.name, (timing.get(s.name) ?? 0) + performance.now() - t0);
    cpuTiming.set(s.name, (cpuTiming.get(s.name) ?? 0) + cpuNow() - c0);
    calls.set(s.name, 0);
  }
  return r;
} });
/** pipeline.runDocs of the articles, with the stage clocks told the batch's size. */
const runBatch = (arts) => {
  batchLen = arts.length;
  const out = pipeline.runDocs(arts.map(startDoc), ctx);
  batchLen = 1;
  return out;
};
const reg = { stages: Object.fromEntries(Object.entries(STAGES.stages).map(([k, s]) => [k, wrap(s)])), corpus: Object.fromEntries(Object.entries(STAGES.corpus).map(([k, s]) => [k, wrap(s)])) };
const pipeline = createPipeline(DEFAULT_PIPELINE, reg);

const startDoc = (a) => createDoc({ raw: a.text, diagnostics: [], source: { file: a.file, origin: a.file, format: a.format, published: a.published, url: a.url, outlet: a.outlet } });
// Warm-up (loads data, JIT) on a few articles, not counted.
runBatch(articles.slice(0, 20));
timing.clear();
cpuTiming.clear();

const checkpoints = [1000, 2500, 5000, 10000, 20000, 50000, 100000].filter((c) => c <= N);
if (!checkpoints.includes(N)) checkpoints.push(N);
const growth = [];
const docs = [];
let peakRss = 0;
t = performance.now();
let lastT = t;
let lastN = 0;
// The heap the analysis keeps, measured after full collections (the child runs with --expose-gc).
globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const cpu0 = process.cpuUsage();
const main0 = cpuNow();
let lastCpu = cpu0;
let lastMain = main0;
// The articles go through the stages BATCH at a time (pipeline.runDocs), as `sitrep analyze` and `ingest` run them;
// a batch ends at each checkpoint.
const BATCH = batchArg ?? DOC_BATCH;
for (let i = 0; i < N; ) {
  const size = Math.min(BATCH, N - i, checkpoints.find((c) => c > i) - i);
  const batch = runBatch(articles.slice(i, i + size));
  if (!noKeep) for (const doc of batch) docs.push(doc);
  const end = i + size;
  if (checkpoints.includes(end)) {
    const now = performance.now();
    const c = process.cpuUsage();
    const rss = process.memoryUsage().rss;
    peakRss = Math.max(peakRss, rss);
    const cpuMs = (c.user + c.system - lastCpu.user - lastCpu.system) / 1000;
    const mainNow = cpuNow();
    growth.push({ articles: end, perArticleMs: (now - lastT) / (end - lastN), perArticleCpuMs: cpuMs / (end - lastN), perArticleMainMs: (mainNow - lastMain) / (end - lastN), rssMB: rss / 1e6, heapMB: process.memoryUsage().heapUsed / 1e6 });
    lastT = now;
    lastCpu = c;
    lastMain = mainNow;
    lastN = end;
  }
  i = end;
}
const docMs = performance.now() - t;
const cpu = process.cpuUsage(cpu0);
const mainMs = cpuNow() - main0;
globalThis.gc?.();
const keptKB = globalThis.gc ? (process.memoryUsage().heapUsed - heapBefore) / 1e3 / N : null;
t = performance.now();
if (!perArticleOnly) pipeline.runCorpus({ docs }, ctx);
const corpusMs = performance.now() - t;
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const maxRssMB = process.resourceUsage().maxRSS / 1024;

const perCore = N / ((cpu.user + cpu.system) / 1e6);
const result = {
  corpus: corpusName, articles: N, batch: BATCH, avgKB: +(bytes / N / 1024).toFixed(2), kbEntries: kb.size, kbLoadMs: +kbMs.toFixed(1),
  perArticleStages: { seconds: +(docMs / 1000).toFixed(2), articlesPerSecond: +(N / (docMs / 1000)).toFixed(0), articlesPerCpuSecond: +perCore.toFixed(0) },
  // The last stretch of the run (JIT warm, memos filled): what a long-running ingest sustains. The whole-run figure
  // above also pays the start (the first thousand articles cost about twice as much).
  steadyState: growth.length > 1 ? { fromArticle: growth.at(-2).articles, articlesPerCpuSecond: +(1000 / growth.at(-1).perArticleCpuMs).toFixed(0), cpuMsPerArticle: +growth.at(-1).perArticleCpuMs.toFixed(3) } : null,
  // What the run cost beyond N articles at the steady rate: a once-per-process cost (V8 compiling the hot code, first
  // uses of the lexicons), so a batch of n articles takes about startCpuSeconds + n × the steady CPU ms per article.
  startCpuSeconds: growth.length > 1 ? +(((cpu.user + cpu.system) / 1000 - N * growth.at(-1).perArticleCpuMs) / 1000).toFixed(2) : null,
  corpusStages: { seconds: +(corpusMs / 1000).toFixed(2), perArticleMs: +(corpusMs / N).toFixed(3) },
  wholeAnalysis: { articlesPerSecond: +(N / ((docMs + corpusMs) / 1000)).toFixed(0) },
  peakRssMB: +Math.max(peakRss / 1e6, maxRssMB).toFixed(0),
  // Every analysed Doc is kept (the corpus stages need them all), so heap growth per article is what a batch costs.
  heapKBPerArticle: growth.length > 1 ? +(((growth.at(-1).heapMB - growth[0].heapMB) * 1e3) / (growth.at(-1).articles - growth[0].articles)).toFixed(1) : null,
  // after a full collection: what each analysed article keeps alive (0 with --no-keep: the memos only)
  keptHeapKBPerArticle: keptKB === null ? null : +keptKB.toFixed(1),
  cpuScope,
  mainThreadCpuMsPerArticle: threadFd !== null ? +(mainMs / N).toFixed(4) : null,
  otherThreadsCpuMsPerArticle: threadFd !== null ? +(((cpu.user + cpu.system) / 1000 - mainMs) / N).toFixed(4) : null,
  stages: Object.fromEntries([...timing].map(([k, ms]) => {
    const cpuMs = cpuTiming.get(k) ?? 0;
    return [k, { ms: +ms.toFixed(0), cpuMs: +cpuMs.toFixed(0), cpuMsPerArticle: +(cpuMs / N).toFixed(4), articlesPerSecond: +(N / (ms / 1000)).toFixed(0), articlesPerCpuSecond: +(N / (cpuMs / 1000)).toFixed(0) }];
  })),
  growth: growth.map((g) => ({ articles: g.articles, perArticleMs: +g.perArticleMs.toFixed(3), perArticleCpuMs: +g.perArticleCpuMs.toFixed(3), perArticleMainThreadMs: threadFd !== null ? +g.perArticleMainMs.toFixed(3) : null, rssMB: +g.rssMB.toFixed(0), heapMB: +g.heapMB.toFixed(0) })),
};

console.log(`sitrep bench — ${N} articles from ${corpusName}, ${result.avgKB} KB on average, one process (one core), ${BATCH} per batch`);
console.log(`KB: ${kb.size} entries loaded in ${result.kbLoadMs} ms`);
console.log(`per-article stages: ${result.perArticleStages.articlesPerSecond} articles/s wall, ${result.perArticleStages.articlesPerCpuSecond} articles per CPU-second`);
if (result.steadyState) console.log(`  steady state (articles ${result.steadyState.fromArticle + 1}–${N}): ${result.steadyState.articlesPerCpuSecond} articles per CPU-second (${result.steadyState.cpuMsPerArticle} CPU ms/article)`);
if (result.startCpuSeconds !== null) console.log(`  start-up: ${result.startCpuSeconds} CPU-s once per process (compiling, first lexicon uses): n articles ≈ ${result.startCpuSeconds} s + n × ${result.steadyState.cpuMsPerArticle} ms of CPU`);
console.log(`corpus stages (stories, story-dates, merge) over all ${N}: ${result.corpusStages.seconds} s (${result.corpusStages.perArticleMs} ms/article)`);
console.log(`whole analysis: ${result.wholeAnalysis.articlesPerSecond} articles/s; peak RSS ${result.peakRssMB} MB; heap ${result.heapKBPerArticle} KB per kept article (${result.keptHeapKBPerArticle} KB after a full GC)`);
console.log(`\nstage           wall ms   articles/s     CPU ms  CPU ms/article  articles/CPU-s   (CPU: ${cpuScope})`);
for (const [k, v] of Object.entries(result.stages)) console.log(`${k.padEnd(15)} ${String(v.ms).padStart(7)}   ${String(v.articlesPerSecond).padStart(10)}   ${String(v.cpuMs).padStart(8)}  ${v.cpuMsPerArticle.toFixed(4).padStart(14)}  ${String(v.articlesPerCpuSecond).padStart(14)}`);
const stageCpu = Object.entries(result.stages).filter(([k]) => !(k in STAGES.corpus)).reduce((a, [, v]) => a + v.cpuMs, 0);
const processMs = (cpu.user + cpu.system) / 1000;
if (threadFd !== null) {
  console.log(`${"(main, other)".padEnd(15)} ${"".padStart(7)}   ${"".padStart(10)}   ${String(Math.round(mainMs - stageCpu)).padStart(8)}  ${((mainMs - stageCpu) / N).toFixed(4).padStart(14)}                   main thread outside the stages: the loop, Doc creation, clock reads`);
  console.log(`${"(other threads)".padEnd(15)} ${"".padStart(7)}   ${"".padStart(10)}   ${String(Math.round(processMs - mainMs)).padStart(8)}  ${((processMs - mainMs) / N).toFixed(4).padStart(14)}                   the garbage collector's and compiler's helper threads`);
}
console.log("\ngrowth: articles  wall ms/article  CPU ms/article  main thread ms/article (since previous)  RSS MB  heap MB");
for (const g of result.growth) console.log(`        ${String(g.articles).padStart(8)}  ${String(g.perArticleMs).padStart(15)}  ${String(g.perArticleCpuMs).padStart(14)}  ${String(g.perArticleMainThreadMs ?? "").padStart(22)}                   ${String(g.rssMB).padStart(6)}  ${String(g.heapMB).padStart(7)}`);
if (jsonOut) (await import("node:fs")).writeFileSync(jsonOut, JSON.stringify(result, null, 1));
