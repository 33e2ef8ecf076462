// Distributed ingestion on PostgreSQL (issue 9): worker processes fed by the pg-boss queue build the stories and
// events of one sequential run, and a worker killed with SIGKILL inside a clustering step loses nothing.
// Skipped without PostgreSQL (see src/store/pg-test-server.ts), unless SITREP_REQUIRE_PG=1.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { ANALYSIS_QUEUE, openQueue, type ArticleJob } from "../src/queue/analysis-queue.js";
import { pollFeed } from "../src/queue/watch-feeds.js";
import { openStore } from "../src/store/open-store.js";
import { createTestDatabase, PG_SKIP_REASON, pgTestUrl } from "../src/store/pg-test-server.js";
import { STORY_LOCK_KEY } from "../src/store/story-log-store.js";
import { StoryLog } from "../src/story-log/story-log.js";
import { assertConsistent, bcubed, DEV_CORPUS, hasDevCorpus, shuffled, storeState, type StoreState } from "./workers-state.js";

const root = join(import.meta.dirname, "..");
const base = await pgTestUrl();
const skip = !base ? PG_SKIP_REASON : !hasDevCorpus ? "the dev corpus (../shared/corpus/dev.jsonl) is absent" : false;

/** Runs the CLI to the end. */
function sitrep(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "src/cli/entry.ts"), ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 26 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** Starts `sitrep worker` in the background; its stderr (a line per batch) is collected. */
function startWorker(url: string, args: string[], env: Record<string, string> = {}): ChildProcess & { log: string[]; done: Promise<number> } {
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "src/cli/entry.ts"), "worker", "--db", url, "--poll", "0.5", ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const log: string[] = [];
  child.stderr!.on("data", (b: Buffer) => log.push(...b.toString().split("\n").filter(Boolean)));
  child.stdout!.on("data", (b: Buffer) => log.push(...b.toString().split("\n").filter(Boolean)));
  const done = new Promise<number>((resolve) => child.on("exit", (code, sig) => resolve(code ?? (sig ? -1 : 0))));
  return Object.assign(child, { log, done });
}

/** The dev corpus as a JSONL file in a random order (a temporary copy, never in the repository). */
function shuffledCorpus(seed: number): string {
  const lines = readFileSync(DEV_CORPUS, "utf8").split("\n").filter((l) => l.trim());
  const file = join(mkdtempSync(join(tmpdir(), "sitrep-workers-")), "dev-shuffled.jsonl");
  writeFileSync(file, shuffled(lines, seed).join("\n") + "\n");
  return file;
}

/** One sequential run: `sitrep ingest` of the dev corpus in file order, by the same code the workers run. */
let sequential: Promise<{ state: StoreState; documents: number }> | undefined;
function sequentialRun() {
  return (sequential ??= (async () => {
    const db = await createTestDatabase(base!);
    const r = sitrep("ingest", "--db", db.url, DEV_CORPUS, "-q");
    assert.equal(r.code, 0, r.err);
    const store = await openStore(db.url);
    const state = await storeState(store);
    const documents = (await store.stats()).documents;
    await store.close();
    await db.drop();
    return { state, documents };
  })());
}

/**
 * Asserts a store holds the sequential run's documents and events, consistent stories, and — once settled — exactly
 * its stories. Before settle, the stories built step by step (steps made of whatever the workers had staged) are
 * compared too: the partition is reported (identical, or its B-cubed F1 against the sequential one) and must stay
 * close; when it is identical, titles and merged events must be too.
 */
async function assertSameAsSequential(url: string, label: string, diagnostic: (m: string) => void) {
  const seq = await sequentialRun();
  const store = await openStore(url);
  try {
    await assertConsistent(store, seq.documents);
    const got = await storeState(store);
    assert.deepEqual(got.events, seq.state.events, `${label}: every document's events`);
    const same = JSON.stringify(got.partition) === JSON.stringify(seq.state.partition);
    const b3 = bcubed(seq.state.partition, got.partition);
    diagnostic(`${label}: stories before settle ${same ? "identical to the sequential run's" : `differ from the sequential run's: B-cubed F1 ${b3.toFixed(3)}, ${got.partition.length} stories against ${seq.state.partition.length}`}`);
    assert.ok(b3 >= 0.9, `${label}: B-cubed F1 ${b3.toFixed(3)} against the sequential run`);
    if (same) assert.deepEqual(got.stories, seq.state.stories, `${label}: titles and merged events`);
    await new StoryLog().settle(store);
    assert.deepEqual((await storeState(store)).exact, seq.state.exact, `${label}: after settle, exactly the sequential run's stories`);
  } finally {
    await store.close();
  }
}

test("4 worker processes over the dev corpus enqueued in random order: the stories and events of one sequential run", { skip, timeout: 300_000 }, async (t) => {
  const db = await createTestDatabase(base!);
  try {
    await sequentialRun();
    const q = sitrep("ingest", "--queue", "--db", db.url, shuffledCorpus(7), "-q");
    assert.equal(q.code, 0, q.err);
    assert.match(q.out, /queued 92 articles/);
    const workers = Array.from({ length: 4 }, () => startWorker(db.url, ["--until-empty", "--batch", "4"]));
    const codes = await Promise.all(workers.map((w) => w.done));
    assert.deepEqual(codes, [0, 0, 0, 0], workers.flatMap((w) => w.log).join("\n"));
    const summary = (w: { log: string[] }, re: RegExp) => Number(re.exec(w.log.find((l) => / analysed in \d+ batches/.test(l)) ?? "")?.[1] ?? NaN);
    const stored = workers.map((w) => summary(w, /(\d+) stored, \d+ already stored/));
    const analysed = workers.map((w) => summary(w, /(\d+) analysed in/));
    assert.equal(stored.reduce((a, b) => a + b, 0), 92, workers.flatMap((w) => w.log).join("\n"));
    assert.equal(analysed.reduce((a, b) => a + b, 0), 92);
    assert.ok(analysed.filter((n) => n > 0).length >= 2, `the analysis was shared: ${analysed.join(", ")}`);
    await assertSameAsSequential(db.url, "4 workers", (m) => t.diagnostic(m));
    // Enqueueing the same corpus again sends nothing: every article is stored.
    const again = sitrep("ingest", "--queue", "--db", db.url, DEV_CORPUS, "-q");
    assert.match(again.out, /queued 0 articles, 92 already stored/);
  } finally {
    await db.drop();
  }
});

test("a worker killed with SIGKILL inside a clustering step loses nothing: its jobs are retried, nothing is stored twice", { skip, timeout: 300_000 }, async (t) => {
  const db = await createTestDatabase(base!);
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  try {
    const q = sitrep("ingest", "--queue", "--db", db.url, shuffledCorpus(11), "--job-timeout", "5", "-q");
    assert.equal(q.code, 0, q.err);
    // The victim (alone) holds each clustering step's transaction open 3 s after writing it; kill it while it holds
    // the story lock in its second step.
    const victim = startWorker(db.url, ["--batch", "8"], { SITREP_FAULT_COMMIT_DELAY_MS: "3000" });
    const inStep = async () => (await admin.query("SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND granted", [STORY_LOCK_KEY])).rowCount! > 0;
    const head = async () => (await admin.query("SELECT seq FROM story_head")).rows[0].seq as number;
    // inside a step after one step committed: the first step's documents stay, this one is cut off mid-way
    let cut = false;
    for (let t = 0; t < 1200 && !cut && victim.exitCode === null; t++) {
      if ((await head()) >= 1 && (await inStep())) cut = true;
      else await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(cut, `the victim never reached a second clustering step:\n${victim.log.join("\n")}`);
    const written = await admin.query("SELECT count(*)::int AS n FROM documents");
    victim.kill("SIGKILL");
    assert.equal(await victim.done, -1);
    // Nothing of the open step is visible: only the first step's documents, each with its story.
    const after = await admin.query("SELECT (SELECT count(*)::int FROM documents) AS docs, (SELECT count(*)::int FROM story_members) AS members, (SELECT coalesce(sum(docs), 0)::int FROM story_log) AS logged");
    assert.deepEqual(after.rows[0], { docs: written.rows[0].n, members: written.rows[0].n, logged: written.rows[0].n });
    assert.ok(written.rows[0].n > 0, "the first step committed");
    assert.ok(((await admin.query("SELECT count(*)::int AS n FROM pending_documents")).rows[0].n as number) > 0, "the cut step's documents are still staged");
    // A new worker finishes the queue; the killed step's jobs come back when they expire.
    const rescuer = startWorker(db.url, ["--until-empty", "--batch", "8"]);
    assert.equal(await rescuer.done, 0, rescuer.log.join("\n"));
    const jobs = await admin.query("SELECT state, count(*)::int AS n FROM sitrep_queue.job GROUP BY state ORDER BY state");
    assert.deepEqual(jobs.rows, [{ state: "completed", n: 92 }]);
    await assertSameAsSequential(db.url, "after the kill", (m) => t.diagnostic(m));
  } finally {
    await admin.end();
    await db.drop();
  }
});

test("sitrep watch: a feed's new entries are fetched and queued once; a page that failed is tried again next poll", { skip: base ? false : PG_SKIP_REASON, timeout: 120_000 }, async () => {
  const db = await createTestDatabase(base!);
  const pages: Record<string, { status: number; body: string }> = {
    "/a": { status: 200, body: "<html><body><article><p>Rockets struck a base in Anbar province on Monday, officials said.</p></article></body></html>" },
    "/b": { status: 503, body: "busy" },
  };
  let feedBody = "";
  const server = createServer((req, res) => {
    if (req.url === "/feed.xml") return res.writeHead(200, { "content-type": "application/rss+xml" }).end(feedBody);
    const p = pages[req.url ?? ""];
    res.writeHead(p?.status ?? 404, { "content-type": "text/html" }).end(p?.body ?? "");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const item = (path: string, title: string) => `<item><title>${title}</title><link>${origin}${path}</link><pubDate>Mon, 02 Mar 2020 10:00:00 GMT</pubDate></item>`;
  feedBody = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${item("/a", "A")}${item("/b", "B")}</channel></rss>`;
  const store = await openStore(db.url);
  const boss = await openQueue(db.url);
  try {
    const opts = { store, boss, maxBytes: 1_000_000 };
    const first = await pollFeed(`${origin}/feed.xml`, opts);
    assert.deepEqual({ ...first, feed: undefined }, { feed: undefined, entries: 2, fresh: 2, queued: 1, failed: 1 });
    const again = await pollFeed(`${origin}/feed.xml`, opts);
    assert.deepEqual([again.fresh, again.queued, again.failed], [1, 0, 1], "only the failed entry is tried again");
    pages["/b"] = { status: 200, body: "<html><body><article><p>A drone hit a depot near the border on Tuesday.</p></article></body></html>" };
    const third = await pollFeed(`${origin}/feed.xml`, opts);
    assert.deepEqual([third.fresh, third.queued, third.failed], [1, 1, 0]);
    assert.equal((await pollFeed(`${origin}/feed.xml`, opts)).fresh, 0);
    const jobs = await boss.fetch<ArticleJob>(ANALYSIS_QUEUE, { batchSize: 10 });
    assert.deepEqual(jobs.map((j) => j.data.article.source.title).sort(), ["A", "B"], "the entry's title travels with the page");
  } finally {
    await boss.stop({ graceful: false, wait: true });
    await store.close();
    server.close();
    await db.drop();
  }
});
