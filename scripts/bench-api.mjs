#!/usr/bin/env node
// npm run bench:api — latency of the desk's main HTTP routes over a store of 100,000 articles, on loopback.
//
// The store (cached under out/bench-api/, rebuilt with --rebuild or when --n changes):
//   1. The base articles — ../shared/corpus (seeds and dev.jsonl, read at run time, never copied) or, when ../shared
//      is absent, the project's examples/ — go through the full pipeline once (`ingestItems` into a scratch store).
//   2. Copies of those analysed documents, each with its own id, file name and dates shifted by 3 days per copy
//      (publication, event and merged-event dates alike), are written through the store's own putDocuments and
//      putStories (so every index, the entity index and the story summaries are built as in real ingestion) until
//      there are --n documents. Each copy of a base story is its own story. Analysing 100,000 articles one by one would
//      take this 2-core machine the better part of an hour; the API reads stored analyses, so copies load it the same.
// The load: `sitrep serve` from source (a separate process) on 127.0.0.1, then, route by route, --requests requests
// (default 200) with --concurrency in flight (default 4) and at most --seconds per route (default 15), after 3
// warm-up requests. Prints p50 / p95 / max latency and requests per second per route; --json FILE writes them.
// Usage: npm run bench:api [-- --n 100000] [-- --requests 200] [-- --concurrency 4] [-- --seconds 15] [-- --json out.json] [-- --rebuild]
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, def) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : def);
const N = Number(opt("n", 100_000));
const REQUESTS = Number(opt("requests", 200));
const CONCURRENCY = Number(opt("concurrency", 4));
const SECONDS = Number(opt("seconds", 15));
const jsonOut = opt("json", null);
const dir = join(root, "out", "bench-api");
const db = join(dir, `store-${N}.db`);
const STATE_KEY = "bench-api";
const BUILD_VERSION = 1;

// ---------------------------------------------------------------------------------------------------------------
// Child: build the store (runs under tsx, importing the sources).
if (process.env.SITREP_BENCH_API_BUILD) {
  const src = (p) => import(join(root, "src", p));
  const { createContext } = await src("core/context.ts");
  const { openStore } = await src("store/open-store.ts");
  const { ingestItems } = await src("ingest.ts");
  const { readSources } = await src("ingest/read-sources.ts");
  const ctx = createContext({ log: { info() {}, warn() {} } });

  const shared = resolve(root, "..", "shared", "corpus");
  const inputs = existsSync(shared) ? [join(shared, "seeds"), join(shared, "dev.jsonl")] : [join(root, "examples")];
  let t = performance.now();
  const scratch = await openStore(":memory:");
  await ingestItems(readSources(inputs), scratch, ctx);
  const baseDocs = [];
  for (const d of await scratch.getDocuments()) {
    const full = await scratch.getDocument(d.id);
    baseDocs.push({ doc: d, text: full.text, original: full.original ?? full.text, format: full.format ?? "text" });
  }
  const baseStories = await scratch.listStories();
  await scratch.close();
  const analyseMs = performance.now() - t;
  process.stderr.write(`bench:api: ${baseDocs.length} base articles from ${existsSync(shared) ? "../shared/corpus" : "examples/"} analysed in ${(analyseMs / 1000).toFixed(1)} s\n`);

  const shiftDate = (d, days) => {
    if (!d || typeof d !== "string") return d;
    const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(d);
    if (!m) return d;
    const t0 = Date.UTC(+m[1], m[2] ? +m[2] - 1 : 0, m[3] ? +m[3] : 1) + days * 86_400_000;
    const x = new Date(t0).toISOString();
    return m[3] ? x.slice(0, 10) : m[2] ? x.slice(0, 7) : x.slice(0, 4);
  };
  const idOf = (id, k) => createHash("sha256").update(`${id}#${k}`).digest("hex").slice(0, 16);
  const copyDoc = (b, k) => {
    const d = structuredClone(b.doc);
    d.id = idOf(b.doc.id, k);
    d.file = `${b.doc.file}#${k}`;
    if (d.published) d.published.date = shiftDate(d.published.date, 3 * k);
    for (const e of d.events) if (e.date) e.date.date = shiftDate(e.date.date, 3 * k);
    return { doc: d, text: b.text, origin: `bench-api copy ${k} of ${b.doc.file}`, original: b.original, format: b.format };
  };
  const copyStory = (s, k, ids) => {
    const map = (x) => ids.get(x) ?? x;
    const events = structuredClone(s.events ?? []);
    for (const e of events) {
      e.id = `${e.id}~${k}`;
      for (const m of e.members ?? []) m.doc = map(m.doc);
      for (const list of Object.values(e.counts ?? {})) if (Array.isArray(list)) for (const c of list) c.doc = map(c.doc);
      if (Array.isArray(e.dates)) for (const x of e.dates) x.date = shiftDate(x.date, 3 * k);
      if (e.firstReported) e.firstReported = shiftDate(e.firstReported, 3 * k);
      if (e.lastReported) e.lastReported = shiftDate(e.lastReported, 3 * k);
    }
    return { id: `${s.id}~${k}`, title: s.title, documents: s.documents.map(map), relations: s.relations.map((r) => ({ ...r, from: map(r.from), to: map(r.to) })), events };
  };

  mkdirSync(dir, { recursive: true });
  for (const f of readdirSync(dir)) if (f.startsWith(`store-${N}.db`)) rmSync(join(dir, f));
  const store = await openStore(db);
  t = performance.now();
  let written = 0;
  for (let k = 0; written < N; k++) {
    const docs = baseDocs.slice(0, N - written).map((b) => copyDoc(b, k));
    const ids = new Map(docs.map((d, i) => [baseDocs[i].doc.id, d.doc.id]));
    const res = await store.putDocuments(docs);
    const failed = res.filter((r) => r.status !== "inserted");
    if (failed.length) throw new Error(`copy ${k}: ${failed.length} not inserted: ${failed[0].status} ${failed[0].error ?? ""}`);
    await store.putStories(baseStories.filter((s) => s.documents.every((d) => ids.has(d))).map((s) => copyStory(s, k, ids)));
    written += docs.length;
    if (written % 10_000 < baseDocs.length) process.stderr.write(`bench:api: ${written} documents stored (${((performance.now() - t) / 1000).toFixed(0)} s)\n`);
  }
  const stats = await store.stats();
  await store.setState(STATE_KEY, JSON.stringify({ version: BUILD_VERSION, n: N, base: baseDocs.length, built: new Date().toISOString(), writeSeconds: +((performance.now() - t) / 1000).toFixed(1), analyseSeconds: +(analyseMs / 1000).toFixed(1), stats }));
  await store.close();
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------------------------
// Parent: build or reuse the store, start the server, load the routes.
const { default: Database } = await import("better-sqlite3");
const cached = () => {
  if (!existsSync(db)) return null;
  try {
    const s = new Database(db, { readonly: true, fileMustExist: true });
    const row = s.prepare("SELECT value FROM state WHERE key = ?").get(STATE_KEY);
    s.close();
    const info = row ? JSON.parse(row.value) : null;
    return info && info.version === BUILD_VERSION && info.n === N ? info : null;
  } catch {
    return null;
  }
};
let info = args.includes("--rebuild") ? null : cached();
if (!info) {
  process.stderr.write(`bench:api: building a store of ${N} documents in ${join("out", "bench-api")}/ (once; reused afterwards)\n`);
  const b = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), ...args], { cwd: root, stdio: "inherit", env: { ...process.env, SITREP_BENCH_API_BUILD: "1" } });
  if (b.status !== 0) process.exit(b.status ?? 1);
  info = cached();
  if (!info) throw new Error("the store was not built");
} else process.stderr.write(`bench:api: reusing ${join("out", "bench-api", `store-${N}.db`)} (built ${info.built})\n`);

const server = spawn(process.execPath, ["--import", "tsx", join(root, "src", "cli", "entry.ts"), "serve", "--db", db, "--port", "0"], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
const base = await new Promise((ok, fail) => {
  let out = "";
  server.stdout.on("data", (b) => {
    out += b;
    const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
    if (m) ok(m[0]);
  });
  server.once("exit", (c) => fail(new Error(`sitrep serve exited with ${c} before listening`)));
});
const stop = () => server.kill("SIGTERM");
process.on("exit", stop);

const getJson = async (path) => {
  const r = await fetch(base + path);
  if (!r.ok) throw new Error(`${path}: HTTP ${r.status} ${await r.text()}`);
  return r.json();
};

// Ids to ask for, spread over the store.
const pick = (xs, i) => xs[(i * 7919) % xs.length];
const docIds = [];
for (const off of [0, Math.floor(N / 3), Math.floor((2 * N) / 3), N - 200]) docIds.push(...(await getJson(`/api/documents?limit=200&offset=${Math.max(0, off)}`)).items.map((d) => d.id));
const storyIds = (await getJson("/api/stories?limit=500&offset=100")).items.map((s) => s.id);
const entities = (await getJson("/api/entities?limit=30")).items.filter((e) => e.kb).map((e) => e.kb);
const outlets = [...new Set((await getJson("/api/documents?limit=500")).items.map((d) => d.outlet).filter(Boolean))];
const words = ["drone", "rockets", "base", "resistance", "attaque", "قاعدة", "ceasefire", "Baghdad", "killed", "statement"];
const mid = (await getJson(`/api/documents?limit=1&offset=${Math.floor(N / 2)}`)).items[0]?.published?.slice(0, 4) ?? "2025";

const routes = [
  ["documents (newest page)", () => "/api/documents?limit=50"],
  ["documents (language+since, deep page)", (i) => `/api/documents?language=fr&since=${mid}&limit=50&offset=${(i % 20) * 50}`],
  ["search", (i) => `/api/search?q=${encodeURIComponent(pick(words, i))}&limit=20`],
  ["events (type+status)", (i) => `/api/events?type=${pick(["ASSAULT", "THREATEN", "RETREAT", "ACCUSE"], i)}&status=${pick(["occurred", "threatened", "suspended"], i)}&limit=50`],
  ["events (actor+since)", (i) => `/api/events?actor=${pick(entities, i)}&since=${mid}&limit=50`],
  ["events (place, geojson)", () => `/api/events?place=baghdad&format=geojson&limit=200`],
  ["stories (newest page)", () => "/api/stories?limit=50"],
  ["stories (language)", (i) => `/api/stories?language=${pick(["ar", "fr", "en"], i)}&limit=50`],
  ["story detail", (i) => `/api/stories/${encodeURIComponent(pick(storyIds, i))}`],
  ["document detail", (i) => `/api/documents/${pick(docIds, i)}`],
  ["entities (page)", (i) => `/api/entities?limit=50&offset=${(i % 10) * 50}`],
  ["entity detail", (i) => `/api/entities/${pick(entities, i)}`],
  ["quotes", (i) => `/api/quotes?speaker=${pick(entities, i)}&limit=50`],
  ["timeline", (i) => `/api/timeline?actor=${pick(["iraqi-resistance", "kataib-hezbollah", "united-states"], i)}&toward=${pick(["us-forces", "iraqi-resistance", "israel"], i)}`],
  ["graph", (i) => `/api/graph?limit=300${i % 2 ? `&since=${mid}` : ""}`],
  ["framing (outlet)", (i) => `/api/framing?outlet=${encodeURIComponent(pick(outlets, i))}`],
];

// The server's CPU time (user + system) from /proc, in ms: latency on a shared machine includes waiting for a core.
const tick = 1000 / Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim() || 100);
const serverCpuMs = () => {
  try {
    const f = readFileSync(`/proc/${server.pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(f[11]) + Number(f[12])) * tick;
  } catch {
    return NaN;
  }
};

const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const results = [];
console.log(`sitrep bench:api — ${info.stats.documents} documents, ${info.stats.stories} stories, ${info.stats.events} events, ${info.stats.entities} entity mentions; ${base} (loopback)`);
console.log(`store: ${info.base} base articles analysed by the full pipeline, copied to ${N} (dates shifted 3 days per copy); ${REQUESTS} requests per route, ${CONCURRENCY} in flight, ≤ ${SECONDS} s per route\n`);
console.log("route                                   n    p50 ms   p95 ms   max ms    req/s   KB/resp   server CPU ms/req");
for (const [name, path] of routes) {
  for (let i = 0; i < 3; i++) await (await fetch(base + path(i))).arrayBuffer();
  const times = [];
  let bytes = 0;
  let next = 0;
  let errors = 0;
  const cpu0 = serverCpuMs();
  const t0 = performance.now();
  const deadline = t0 + SECONDS * 1000;
  const worker = async () => {
    while (next < REQUESTS && performance.now() < deadline) {
      const i = next++;
      const s = performance.now();
      const r = await fetch(base + path(i));
      const b = await r.arrayBuffer();
      times.push(performance.now() - s);
      bytes += b.byteLength;
      if (!r.ok) errors++;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const wall = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  const cpu = (serverCpuMs() - cpu0) / times.length;
  const row = { route: name, example: path(0), requests: times.length, errors, p50: +pct(times, 50).toFixed(1), p95: +pct(times, 95).toFixed(1), max: +times[times.length - 1].toFixed(1), rps: +(times.length / wall).toFixed(1), kbPerResponse: +(bytes / times.length / 1024).toFixed(1), serverCpuMsPerRequest: +cpu.toFixed(1) };
  results.push(row);
  console.log(`${name.padEnd(38)} ${String(row.requests).padStart(4)} ${String(row.p50).padStart(9)} ${String(row.p95).padStart(8)} ${String(row.max).padStart(8)} ${String(row.rps).padStart(8)} ${String(row.kbPerResponse).padStart(9)} ${String(row.serverCpuMsPerRequest).padStart(12)}${errors ? `  (${errors} errors)` : ""}`);
}
stop();
const cpus = (await import("node:os")).cpus();
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ store: info, requestsPerRoute: REQUESTS, concurrency: CONCURRENCY, secondsCap: SECONDS, machine: { cpus: cpus.length, model: cpus[0]?.model }, routes: results }, null, 1));
if (results.some((r) => r.errors)) process.exitCode = 1;
