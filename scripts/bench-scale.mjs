#!/usr/bin/env node
// npm run bench:scale — distributed ingestion on PostgreSQL (docs/scale.md):
// 1. throughput: a synthetic corpus (the ../shared articles, or examples/, varied: paragraphs rotated, numbers and
//    publication dates shifted, so each copy is a new article of a later story) is queued with `sitrep ingest
//    --queue`, then drained by 1, 2 and 4 `sitrep worker` processes; articles per second over the story log's commit
//    times (worker start-up excluded) and over the whole run, CPU per article;
// 2. growth: the per-article cost of one clustering step (32 articles, the worker's default batch) on a store that
//    already holds 100k and 1M articles. The store is grown synthetically: story features from
//    scripts/synthetic-story-features.mjs, bulk-inserted as story log entries (their real size), documents, stories
//    and memberships, and the in-memory index grown with StoryIndex.insert (each article placed in its generated
//    story, skipping the search) and saved as the replica snapshot the steps start from (so the logged entries are
//    there for their size; a process replaying them from nothing would cluster them itself). Above --replica
//    articles (default 100k) the replica holds only the most recent --replica articles: the date window of
//    docs/scale.md, which the replica does not implement yet — that row says so.
// Usage: npm run bench:scale [-- --articles 2000] [-- --workers 1,2,4] [-- --sizes 100000,1000000]
//        [-- --replica 100000] [-- --steps 10] [-- --no-throughput] [-- --no-growth] [-- --json FILE]
// PostgreSQL: $SITREP_TEST_PG_URL, else a throwaway loopback cluster (scripts/pg-server.mjs); every run works in
// its own database, dropped at the end. Runs from source through tsx (no build).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
if (!process.env.SITREP_BENCH_CHILD) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "--expose-gc", "--max-old-space-size=16384", fileURLToPath(import.meta.url), ...args], {
    stdio: "inherit",
    cwd: root,
    env: { ...process.env, SITREP_BENCH_CHILD: "1" },
  });
  process.exit(r.status ?? 1);
}

const ARTICLES = Number(opt("--articles", 2000));
const WORKERS = opt("--workers", "1,2,4").split(",").map(Number);
const SIZES = opt("--sizes", "100000,1000000").split(",").map(Number).sort((a, b) => a - b);
const REPLICA = Number(opt("--replica", 100_000));
const STEPS = Number(opt("--steps", 10));
const BATCH = 32;
const jsonOut = opt("--json", null);

const src = (p) => import(pathToFileURL(join(root, "src", p)).href);
const { pgTestUrl, createTestDatabase, PG_SKIP_REASON } = await src("store/pg-test-server.ts");
const { openStore } = await src("store/open-store.ts");
const { StoryLog } = await src("story-log/story-log.ts");
const { StoryReplica, REPLICA_INDEX_OPTIONS } = await src("story-log/story-replica.ts");
const { StoryIndex } = await src("stories/story-index.ts");
const minhash = await src("stories/minhash.ts");
const { syntheticFeatures } = await import(pathToFileURL(join(root, "scripts", "synthetic-story-features.mjs")).href);
const pg = (await import("pg")).default;

const base = await pgTestUrl();
if (!base) {
  console.log(`bench:scale skipped: ${PG_SKIP_REASON}`);
  process.exit(0);
}
const cpuMs = (c) => (c.user + c.system) / 1000;
const mb = (b) => b / 1048576;
const out = { machine: { cpus: (await import("node:os")).cpus().length, node: process.version }, throughput: [], growth: [] };
const sitrep = [join(root, "src", "cli", "entry.ts")];

async function query(url, text, params = []) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, params)).rows;
  } finally {
    await c.end();
  }
}

// ---------------------------------------------------------------- 1. throughput with 1, 2 and 4 workers
function baseArticles() {
  const shared = resolve(root, "..", "shared", "corpus");
  const list = [];
  if (existsSync(join(shared, "dev.jsonl"))) {
    for (const line of readFileSync(join(shared, "dev.jsonl"), "utf8").split("\n")) if (line.trim()) list.push(JSON.parse(line));
  } else {
    for (const f of readdirSync(join(root, "examples")).filter((f) => f.endsWith(".jsonl"))) {
      for (const line of readFileSync(join(root, "examples", f), "utf8").split("\n")) if (line.trim()) list.push(JSON.parse(line));
    }
  }
  return list.filter((r) => r.text);
}

/** The i-th copy of an article: paragraphs rotated, small numbers shifted, published 41 days later per copy. */
function vary(a, i) {
  const paras = a.text.split(/\n\s*\n/);
  const k = paras.length > 2 ? 1 + (i % (paras.length - 1)) : 0;
  const rotated = k ? [paras[0], ...paras.slice(k), ...paras.slice(1, k)] : paras;
  const text = rotated.join("\n\n").replace(/\b(\d{1,2})\b/g, (m) => String(((Number(m) + i) % 28) + 1)) + `\n\n(${i})`;
  const pub = a.published && /^\d{4}-\d{2}-\d{2}/.test(a.published) ? new Date(Date.parse(a.published.slice(0, 10)) + i * 41 * 86400000).toISOString().slice(0, 10) : a.published;
  return { ...a, id: `${a.id}#${i}`, text, published: pub ?? undefined };
}

function runWorker(url) {
  return new Promise((resolveRun) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...sitrep, "worker", "--db", url, "--until-empty", "--batch", String(BATCH), "--poll", "0.5", "-q"], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    let text = "";
    child.stdout.on("data", (b) => (text += b));
    child.on("exit", (code) => resolveRun({ code, text }));
  });
}

if (!args.includes("--no-throughput")) {
  const bases = baseArticles();
  const dir = mkdtempSync(join(tmpdir(), "sitrep-bench-scale-"));
  const file = join(dir, "corpus.jsonl");
  writeFileSync(file, Array.from({ length: ARTICLES }, (_, i) => JSON.stringify(vary(bases[i % bases.length], Math.floor(i / bases.length)))).join("\n") + "\n");
  console.log(`throughput: ${ARTICLES} articles varied from ${bases.length}, batches of ${BATCH}, on ${out.machine.cpus} cores`);
  for (const w of WORKERS) {
    const db = await createTestDatabase(base);
    try {
      let t = performance.now();
      const q = spawnSync(process.execPath, ["--import", "tsx", ...sitrep, "ingest", "--queue", "--db", db.url, file, "-q"], { cwd: root, encoding: "utf8" });
      if (q.status !== 0) throw new Error(q.stderr);
      const enqueueS = (performance.now() - t) / 1000;
      t = performance.now();
      const runs = await Promise.all(Array.from({ length: w }, () => runWorker(db.url)));
      const wallS = (performance.now() - t) / 1000;
      if (runs.some((r) => r.code !== 0)) throw new Error(`a worker failed: ${runs.map((r) => r.text).join("")}`);
      const sum = (re) => runs.reduce((s, r) => s + Number(re.exec(r.text)?.[1] ?? NaN), 0);
      const workerCpuS = sum(/cpu ([\d.]+) s/), analysisCpuS = sum(/analysis ([\d.]+) s/), clusteringCpuS = sum(/clustering ([\d.]+) s/);
      const log = await query(db.url, "SELECT seq, docs, created_at FROM story_log ORDER BY seq");
      const [st] = await query(db.url, "SELECT count(*)::int AS stories, max(doc_count)::int AS largest, (SELECT count(*)::int FROM documents) AS documents FROM stories");
      const t0 = Date.parse(log[0].created_at), t1 = Date.parse(log.at(-1).created_at);
      const after = log.slice(1).reduce((s, r) => s + r.docs, 0);
      const row = {
        workers: w,
        articles: st.documents,
        steps: log.length,
        articlesPerSecond: after / Math.max(0.001, (t1 - t0) / 1000),
        articlesPerSecondWall: st.documents / wallS,
        wallSeconds: wallS,
        enqueuePerSecond: ARTICLES / enqueueS,
        workerCpuMsPerArticle: (workerCpuS * 1000) / st.documents,
        analysisCpuMsPerArticle: (analysisCpuS * 1000) / st.documents,
        clusteringCpuMsPerArticle: (clusteringCpuS * 1000) / st.documents,
        loadAverage: (await import("node:os")).loadavg()[0],
        stories: st.stories,
        largestStory: st.largest,
      };
      out.throughput.push(row);
      console.log(
        `  ${w} worker${w > 1 ? "s" : " "}: ${row.articlesPerSecond.toFixed(1)} articles/s between first and last commit (${row.articlesPerSecondWall.toFixed(1)}/s over ${wallS.toFixed(0)} s with start-up), ` +
          `${row.workerCpuMsPerArticle.toFixed(1)} ms worker CPU/article (analysis ${row.analysisCpuMsPerArticle.toFixed(1)}, clustering ${row.clusteringCpuMsPerArticle.toFixed(1)}), ${row.steps} steps, ` +
          `${row.stories} stories (largest ${row.largestStory}); enqueue ${row.enqueuePerSecond.toFixed(0)}/s; load average ${row.loadAverage.toFixed(1)}`,
      );
    } finally {
      await db.drop();
    }
  }
}

// ---------------------------------------------------------------- 2. the clustering step as the store grows
/** A stored document for a synthetic article: the columns the store reads, a contract document with no layers. */
function contractOf(f) {
  const date = new Date(f.day * 86400000).toISOString().slice(0, 10);
  return {
    file: f.id, id: f.id, language: f.lang, title: f.title, outlet: { name: f.outlet, aliases: [] }, url: null,
    published: { date, precision: "day", basis: "synthetic" }, cites: [], entities: [], events: [], quotes: [], claims: [], framing: [], dateline: null, diagnostics: [],
  };
}

/** Bulk insert of documents, stories and memberships (unnest: one statement per chunk). */
async function bulkInsert(client, rows, now) {
  const docs = rows.map((r) => r.features);
  const iso = docs.map((f) => new Date(f.day * 86400000).toISOString().slice(0, 10));
  await client.query(
    `INSERT INTO documents (id, file, origin, outlet, language, title, published_date, published_precision, published_from, published_to, ingested_at, text, analysis)
     SELECT id, id, 'synthetic', outlet, lang, title, d, 'day', d, d, $6, '', a FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $7::text[]) AS t(id, outlet, lang, title, d, a)`,
    [docs.map((f) => f.id), docs.map((f) => f.outlet), docs.map((f) => f.lang), docs.map((f) => f.title), iso, now, docs.map((f) => JSON.stringify(contractOf(f)))],
  );
  const stories = new Map();
  rows.forEach((r, i) => {
    const s = stories.get(r.story) ?? { n: 0, first: iso[i], last: iso[i], title: r.features.title };
    s.n++;
    s.last = iso[i];
    stories.set(r.story, s);
  });
  const ids = [...stories.keys()];
  await client.query(
    `INSERT INTO stories (id, title, updated_at, record, doc_count, first_published, last_published)
     SELECT id, title, $3, '{"relations":[],"events":[]}', n, f, l FROM unnest($1::text[], $2::text[], $4::int[], $5::text[], $6::text[]) AS t(id, title, n, f, l)
     ON CONFLICT (id) DO UPDATE SET doc_count = stories.doc_count + excluded.doc_count, last_published = excluded.last_published`,
    [ids, ids.map((id) => stories.get(id).title), now, ids.map((id) => stories.get(id).n), ids.map((id) => stories.get(id).first), ids.map((id) => stories.get(id).last)],
  );
  await client.query(`INSERT INTO story_members (story_id, doc_id) SELECT s, d FROM unnest($1::text[], $2::text[]) AS t(s, d)`, [rows.map((r) => r.story), docs.map((f) => f.id)]);
}

if (!args.includes("--no-growth")) {
  const db = await createTestDatabase(base);
  const client = new pg.Client({ connectionString: db.url });
  try {
    const setup = await openStore(db.url);
    await setup.close();
    await client.connect();
    const gen = syntheticFeatures(minhash, { prefix: "d" });
    const now = new Date().toISOString();
    let seq = 0;
    let index = new StoryIndex(REPLICA_INDEX_OPTIONS);
    let windowed = false;
    for (const size of SIZES) {
      const t0 = performance.now();
      if (size > REPLICA && !windowed) {
        // From here the replica holds the most recent REPLICA articles only.
        index = new StoryIndex(REPLICA_INDEX_OPTIONS);
        windowed = true;
      }
      while (gen.count < size) {
        const chunk = [];
        for (let i = 0; i < 1000 && gen.count < size; i++) chunk.push(gen.next());
        for (const r of chunk) if (!windowed || gen.count - chunk.length + chunk.indexOf(r) + 1 > size - REPLICA) index.insert(r.features, r.story);
        await client.query("BEGIN");
        await bulkInsert(client, chunk, now);
        seq++;
        const entry = JSON.stringify({ v: 1, kind: "batch", features: chunk.map((r) => r.features), placed: chunk.map((r) => [r.features.id, r.story]) });
        await client.query("INSERT INTO story_log (seq, kind, docs, created_at, entry) VALUES ($1, 'batch', $2, $3, $4)", [seq, chunk.length, now, entry]);
        await client.query("UPDATE story_head SET seq = $1 WHERE id = 1", [seq]);
        await client.query("COMMIT");
        if (gen.count % 50_000 === 0) console.log(`  grown to ${gen.count} articles [${((performance.now() - t0) / 1000).toFixed(0)} s]`);
      }
      await client.query("ANALYZE");
      globalThis.gc();
      const heap = process.memoryUsage().heapUsed;
      let t = performance.now();
      const snapshot = new StoryReplica(index, seq).toSnapshot();
      const serializeS = (performance.now() - t) / 1000;
      const setupStore = await openStore(db.url);
      await setupStore.putStorySnapshot(seq, snapshot);
      await setupStore.close();
      const snapshotMB = mb(snapshot.length);
      // A worker starting on this store: loads the snapshot, then runs the steps.
      const store = await openStore(db.url);
      const log = new StoryLog({ snapshotEvery: 0 });
      t = performance.now();
      await log.catchUp(store);
      const loadS = (performance.now() - t) / 1000;
      const steps = [];
      for (let k = 0; k < STEPS; k++) {
        const batch = Array.from({ length: BATCH }, () => gen.next().features);
        const items = batch.map((f) => ({ doc: contractOf(f), text: "", origin: "synthetic" }));
        const c = process.cpuUsage();
        const s = performance.now();
        const r = await log.commitPrepared(store, items, batch);
        steps.push({ ms: performance.now() - s, cpu: cpuMs(process.cpuUsage(c)), stories: r.stories });
        seq = r.seq;
      }
      await store.close();
      const [dbSize] = await query(db.url, "SELECT pg_database_size(current_database())::bigint AS b, (SELECT pg_total_relation_size('story_log'))::bigint AS log");
      const msPer = steps.reduce((s, x) => s + x.ms, 0) / (STEPS * BATCH);
      const cpuPer = steps.reduce((s, x) => s + x.cpu, 0) / (STEPS * BATCH);
      const row = {
        stored: size,
        replicaArticles: index.n,
        windowed,
        stepMsPerArticle: msPer,
        stepCpuMsPerArticle: cpuPer,
        stepMsMedian: steps.map((x) => x.ms).sort((a, b) => a - b)[Math.floor(STEPS / 2)],
        replicaHeapMB: mb(heap),
        replicaKBPerArticle: heap / 1024 / index.n,
        snapshotMB,
        snapshotSerializeS: serializeS,
        snapshotLoadS: loadS,
        databaseMB: mb(Number(dbSize.b)),
        storyLogMB: mb(Number(dbSize.log)),
      };
      out.growth.push(row);
      console.log(
        `  ${size} stored${windowed ? ` (replica: last ${REPLICA})` : ""}: clustering step ${row.stepMsPerArticle.toFixed(2)} ms/article wall, ${row.stepCpuMsPerArticle.toFixed(2)} ms CPU (median step ${row.stepMsMedian.toFixed(0)} ms for ${BATCH}); ` +
          `replica heap ${row.replicaHeapMB.toFixed(0)} MB (${row.replicaKBPerArticle.toFixed(1)} KB/article), snapshot ${snapshotMB.toFixed(0)} MB (write ${serializeS.toFixed(1)} s, load ${loadS.toFixed(1)} s); database ${row.databaseMB.toFixed(0)} MB, story log ${row.storyLogMB.toFixed(0)} MB`,
      );
    }
  } finally {
    await client.end().catch(() => {});
    await db.drop();
  }
}

if (jsonOut) writeFileSync(jsonOut, JSON.stringify(out, null, 1) + "\n");
console.log("BENCH " + JSON.stringify(out));
