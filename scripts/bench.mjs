#!/usr/bin/env node
// npm run bench — throughput and memory of the whole analysis, per stage, and how both grow with the corpus.
// Corpus: ≥ 10,000 articles made by repeating and varying the articles of ../shared/corpus (read at run time,
// never copied) or, when ../shared is absent, the project's own examples/.
// Usage: npm run bench [-- --n 10000] [-- --json out.json]
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const N = args.includes("--n") ? Number(args[args.indexOf("--n") + 1]) : 10_000;
const jsonOut = args.includes("--json") ? args[args.indexOf("--json") + 1] : null;

if (!process.env.SITREP_BENCH_CHILD) {
  const b = spawnSync("npm", ["run", "-s", "build"], { cwd: root, stdio: "inherit" });
  if (b.status !== 0) process.exit(b.status ?? 1);
  // A fresh process so that peak memory is the analysis's own.
  const r = spawnSync(process.execPath, ["--expose-gc", fileURLToPath(import.meta.url), ...args], { stdio: "inherit", env: { ...process.env, SITREP_BENCH_CHILD: "1" } });
  process.exit(r.status ?? 1);
}

const dist = (p) => import(join(root, "dist", p));
const { createContext } = await dist("core/context.js");
const { createPipeline } = await dist("core/pipeline.js");
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
const wrap = (s) => ({ ...s, run: (x, c) => { const t0 = performance.now(); const r = s.run(x, c); timing.set(s.name, (timing.get(s.name) ?? 0) + performance.now() - t0); return r; } });
const reg = { stages: Object.fromEntries(Object.entries(STAGES.stages).map(([k, s]) => [k, wrap(s)])), corpus: Object.fromEntries(Object.entries(STAGES.corpus).map(([k, s]) => [k, wrap(s)])) };
const pipeline = createPipeline(DEFAULT_PIPELINE, reg);

// Warm-up (loads data, JIT) on a few articles, not counted.
for (const a of articles.slice(0, 20)) pipeline.runDoc(createDoc({ raw: a.text, diagnostics: [], source: { file: a.file, origin: a.file, format: a.format, published: a.published, url: a.url, outlet: a.outlet } }), ctx);
timing.clear();

const checkpoints = [1000, 2500, 5000, 10000, 20000, 50000, 100000].filter((c) => c <= N);
if (!checkpoints.includes(N)) checkpoints.push(N);
const growth = [];
const docs = [];
let peakRss = 0;
t = performance.now();
let lastT = t;
let lastN = 0;
const cpu0 = process.cpuUsage();
for (let i = 0; i < N; i++) {
  const a = articles[i];
  docs.push(pipeline.runDoc(createDoc({ raw: a.text, diagnostics: [], source: { file: a.file, origin: a.file, format: a.format, published: a.published, url: a.url, outlet: a.outlet } }), ctx));
  if (checkpoints.includes(i + 1)) {
    const now = performance.now();
    const rss = process.memoryUsage().rss;
    peakRss = Math.max(peakRss, rss);
    growth.push({ articles: i + 1, perArticleMs: (now - lastT) / (i + 1 - lastN), rssMB: rss / 1e6, heapMB: process.memoryUsage().heapUsed / 1e6 });
    lastT = now;
    lastN = i + 1;
  }
}
const docMs = performance.now() - t;
const cpu = process.cpuUsage(cpu0);
t = performance.now();
pipeline.runCorpus({ docs }, ctx);
const corpusMs = performance.now() - t;
peakRss = Math.max(peakRss, process.memoryUsage().rss);
const maxRssMB = process.resourceUsage().maxRSS / 1024;

const perCore = N / ((cpu.user + cpu.system) / 1e6);
const result = {
  corpus: corpusName, articles: N, avgKB: +(bytes / N / 1024).toFixed(2), kbEntries: kb.size, kbLoadMs: +kbMs.toFixed(1),
  perArticleStages: { seconds: +(docMs / 1000).toFixed(2), articlesPerSecond: +(N / (docMs / 1000)).toFixed(0), articlesPerCpuSecond: +perCore.toFixed(0) },
  corpusStages: { seconds: +(corpusMs / 1000).toFixed(2), perArticleMs: +(corpusMs / N).toFixed(3) },
  wholeAnalysis: { articlesPerSecond: +(N / ((docMs + corpusMs) / 1000)).toFixed(0) },
  peakRssMB: +Math.max(peakRss / 1e6, maxRssMB).toFixed(0),
  stages: Object.fromEntries([...timing].map(([k, ms]) => [k, { ms: +ms.toFixed(0), articlesPerSecond: +(N / (ms / 1000)).toFixed(0) }])),
  growth: growth.map((g) => ({ articles: g.articles, perArticleMs: +g.perArticleMs.toFixed(3), rssMB: +g.rssMB.toFixed(0), heapMB: +g.heapMB.toFixed(0) })),
};

console.log(`sitrep bench — ${N} articles from ${corpusName}, ${result.avgKB} KB on average, one process (one core)`);
console.log(`KB: ${kb.size} entries loaded in ${result.kbLoadMs} ms`);
console.log(`per-article stages: ${result.perArticleStages.articlesPerSecond} articles/s wall, ${result.perArticleStages.articlesPerCpuSecond} articles per CPU-second`);
console.log(`corpus stages (stories, story-dates, merge) over all ${N}: ${result.corpusStages.seconds} s (${result.corpusStages.perArticleMs} ms/article)`);
console.log(`whole analysis: ${result.wholeAnalysis.articlesPerSecond} articles/s; peak RSS ${result.peakRssMB} MB`);
console.log("\nstage           ms total   articles/s");
for (const [k, v] of Object.entries(result.stages)) console.log(`${k.padEnd(15)} ${String(v.ms).padStart(8)}   ${String(v.articlesPerSecond).padStart(10)}`);
console.log("\ngrowth: articles  ms/article (since previous)  RSS MB  heap MB");
for (const g of result.growth) console.log(`        ${String(g.articles).padStart(8)}  ${String(g.perArticleMs).padStart(10)}                 ${String(g.rssMB).padStart(6)}  ${String(g.heapMB).padStart(7)}`);
if (jsonOut) (await import("node:fs")).writeFileSync(jsonOut, JSON.stringify(result, null, 1));
