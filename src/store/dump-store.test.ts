import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Migrator, sql } from "kysely";
import { dumpStore } from "./dump-store.js";
import { KyselyStore } from "./kysely-store.js";
import { loadDump } from "./load-dump.js";
import { migrations } from "./migrations.js";
import type { NewsStore } from "./news-store.js";
import { openStore } from "./open-store.js";
import { createTestDatabase, PG_SKIP_REASON, pgTestUrl } from "./pg-test-server.js";
import { fixtureDoc } from "./store-contract.js";

const base = await pgTestUrl();
const tmp = () => mkdtempSync(join(tmpdir(), "sitrep-dump-"));

/** A store holding a bit of everything: three languages, originals, stories with relations and events, state. */
async function seed(s: NewsStore): Promise<void> {
  const r = await s.putDocuments([
    { doc: fixtureDoc("en1", { language: "en", title: "Depot hit overnight" }), text: "Drones struck a fuel depot near the border.", origin: "feed:a", original: "<p>Drones struck a fuel depot near the border.</p>", format: "html" },
    { doc: fixtureDoc("fr1", { language: "fr", title: "Un dépôt visé", published: { date: "2024-02", precision: "month", basis: "t" } }), text: "Un dépôt a été frappé près de la frontière.", origin: "feed:b", original: "Un dépôt a été frappé près de la frontière.", format: "text" },
    { doc: fixtureDoc("ar1", { language: "ar", title: "قصف مستودع", url: "https://example.org/ar/1" }), text: "قصفت طائرات مسيرة مستودعا قرب الحدود.", origin: "feed:c" },
  ]);
  assert.deepEqual(r.map((x) => x.status), ["inserted", "inserted", "inserted"]);
  await s.putStories([
    { id: "s1", title: "Depot", documents: ["en1", "fr1"], relations: [{ from: "fr1", to: "en1", kind: "translation", score: 0.91 }], events: [{ type: "ASSAULT", sources: ["en1", "fr1"] }] },
    { id: "s2", title: null, documents: ["ar1"], relations: [] },
  ]);
  await s.setState("corpus", JSON.stringify({ next: 3 }));
  await s.setState("empty", "");
}

async function dumpLines(s: NewsStore): Promise<string[]> {
  const lines: string[] = [];
  await dumpStore(s as KyselyStore, (l) => void lines.push(l));
  return lines;
}

async function load(s: NewsStore, lines: readonly string[]) {
  return loadDump(s as KyselyStore, (async function* () {
    yield* lines;
  })());
}

/** The header without what differs between two exports of the same data (when, and from which engine). */
function headerOf(lines: readonly string[]): Record<string, unknown> {
  const { exportedAt, dialect, ...rest } = JSON.parse(lines[0]) as Record<string, unknown>;
  assert.ok(exportedAt && dialect);
  return rest;
}

/** What the store interface reads back, for comparing two stores. */
async function readBack(s: NewsStore) {
  const docs = await s.getDocuments();
  return {
    docs,
    one: await s.getDocument("fr1"),
    stories: (await s.listStories()).map(({ updatedAt, ...x }) => (assert.ok(updatedAt), x)),
    events: await s.listEvents(),
    search: (await s.search("depot")).map((h) => h.id).sort(),
    searchAr: (await s.search("الحدود")).map((h) => h.id),
    entities: await s.listEntities(),
    state: [await s.getState("corpus"), await s.getState("empty")],
    stats: await s.stats(),
  };
}

async function freshPg(): Promise<NewsStore> {
  const db = await createTestDatabase(base!);
  const s = await openStore(db.url, { migrate: false });
  const close = s.close.bind(s);
  return Object.assign(s, { close: async () => (await close(), await db.drop()), url: db.url });
}

test("dump: SQLite → export → import into a new SQLite → export again gives the same lines", async () => {
  const a = await openStore(":memory:");
  await seed(a);
  const first = await dumpLines(a);
  const h = JSON.parse(first[0]);
  assert.equal(h.format, "sitrep-dump");
  assert.deepEqual(h.counts, await a.stats());
  assert.equal(first.length, 1 + h.tables.reduce((n: number, t: { rows: number }) => n + t.rows, 0));
  assert.ok(!h.tables.some((t: { name: string }) => /fts|sitrep_migrations/.test(t.name)), "no index or bookkeeping tables");
  const b = await openStore(":memory:", { migrate: false });
  const r = await load(b, first);
  assert.deepEqual(r.migratedAfter, []);
  const second = await dumpLines(b);
  assert.deepEqual(second.slice(1), first.slice(1));
  assert.deepEqual(headerOf(second), headerOf(first));
  assert.deepEqual(await readBack(b), await readBack(a));
  await a.close();
  await b.close();
});

test("dump: refuses a store that is not empty, a truncated file, and a dump from a newer sitrep", async () => {
  const a = await openStore(":memory:");
  await seed(a);
  const lines = await dumpLines(a);
  await assert.rejects(load(a, lines), /not empty/);
  const b = await openStore(":memory:", { migrate: false });
  await assert.rejects(load(b, lines.slice(0, -1)), /announces \d+ rows, the file holds/);
  assert.equal((await b.stats()).documents, 0, "all or nothing: the failed import left no row");
  assert.equal((await b.getState("corpus")), null);
  const newer = JSON.stringify({ ...JSON.parse(lines[0]), migrations: [...JSON.parse(lines[0]).migrations, "999_future"] });
  await assert.rejects(load(b, [newer, ...lines.slice(1)]), /not a prefix/);
  await assert.rejects(load(b, [JSON.stringify({ ...JSON.parse(lines[0]), version: 99 }), ...lines.slice(1)]), /format version 99/);
  await assert.rejects(load(b, ['{"table":"documents"}']), /not a sitrep dump/);
  await assert.rejects(load(b, [lines[0], "{oops"]), /line 2 of the dump is not JSON/);
  // After all that, the same dump still loads whole.
  await load(b, lines);
  assert.deepEqual(await b.stats(), await a.stats());
  await a.close();
  await b.close();
});

test("dump: an older dump loads, then the newer migrations run over its rows (their backfills apply)", async () => {
  // A store at migration 002, as an older sitrep left it, with rows written in that schema.
  const old = (await openStore(":memory:", { migrate: false })) as KyselyStore;
  const migrator = new Migrator({ db: old.db, provider: { getMigrations: async () => migrations("sqlite") }, migrationTableName: "sitrep_migrations", migrationLockTableName: "sitrep_migrations_lock" });
  assert.equal((await migrator.migrateTo("002_fulltext")).error, undefined);
  const d = fixtureDoc("old1");
  await sql`INSERT INTO documents (id, file, origin, language, title, ingested_at, text, analysis) VALUES ('old1', 'old1.txt', 'o', 'en', ${d.title}, '2024-01-31T00:00:00.000Z', 'An old report about a depot.', ${JSON.stringify(d)})`.execute(old.db);
  await sql`INSERT INTO entities (doc_id, local_id, kb, name, type, mentions) VALUES ('old1', 'e1', 'kataib-hezbollah', 'Kata''ib Hezbollah', 'armed_group', 2)`.execute(old.db);
  const lines = await dumpLines(old);
  assert.deepEqual(JSON.parse(lines[0]).migrations, ["001_initial", "002_fulltext"]);
  const fresh = await openStore(":memory:", { migrate: false });
  const r = await load(fresh, lines);
  assert.ok(r.migratedAfter.includes("004_original_text"), r.migratedAfter.join());
  const ents = await fresh.listEntities();
  assert.deepEqual(ents.items.map((e) => [e.key, e.documents, e.mentions]), [["kataib-hezbollah", 1, 2]], "004's backfill ran over the imported rows");
  assert.deepEqual((await fresh.search("depot")).map((h) => h.id), ["old1"]);
  await old.close();
  await fresh.close();
});

if (!base) {
  test("dump between SQLite and PostgreSQL", { skip: PG_SKIP_REASON }, () => {});
} else {
  test("dump: SQLite → PostgreSQL → SQLite, every export the same lines, every read the same", async () => {
    const a = await openStore(":memory:");
    await seed(a);
    const fromSqlite = await dumpLines(a);
    const pg = await freshPg();
    await load(pg, fromSqlite);
    const fromPg = await dumpLines(pg);
    assert.equal(JSON.parse(fromPg[0]).dialect, "postgres");
    assert.deepEqual(fromPg.slice(1), fromSqlite.slice(1));
    assert.deepEqual(headerOf(fromPg), headerOf(fromSqlite));
    const c = await openStore(":memory:", { migrate: false });
    await load(c, fromPg);
    const again = await dumpLines(c);
    assert.deepEqual(again.slice(1), fromSqlite.slice(1));
    const expected = await readBack(a);
    assert.deepEqual(await readBack(pg), expected);
    assert.deepEqual(await readBack(c), expected);
    // The imported PostgreSQL store goes on working: new writes, and a re-import refused.
    assert.deepEqual((await pg.putDocuments([{ doc: fixtureDoc("new1"), text: "A new depot report.", origin: "o" }])).map((x) => x.status), ["inserted"]);
    assert.deepEqual((await pg.search("depot")).map((h) => h.id).sort(), ["en1", "fr1", "new1"]);
    await assert.rejects(load(pg, fromSqlite), /not empty/);
    await Promise.all([a.close(), pg.close(), c.close()]);
  });
}

const root = join(import.meta.dirname, "..", "..");
function sitrep(...args: string[]): { code: number; out: string; err: string } {
  const { SITREP_DATABASE_URL: _, ...env } = process.env;
  const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "src/cli/entry.ts"), ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28, env });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

test("cli: sitrep migrate, export and import", async () => {
  // Few processes on purpose: each is a TypeScript start-up; the in-process tests above cover the cases.
  const dir = tmp();
  const src = join(dir, "a.db");
  let r = sitrep("migrate", "--db", src);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /applied 001_initial\n[^]*migration\(s\) applied; \d+ in all \(sqlite\)\.\n$/);
  const s = await openStore(src);
  assert.deepEqual(await s.migrate(), [], "sitrep migrate applied them all");
  await seed(s);
  await s.close();
  const file = join(dir, "a.jsonl");
  r = sitrep("export", "--db", src, "--out", file);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /exported 3 documents, 2 stories, 6 events, 6 entities/);
  const lines = readFileSync(file, "utf8").trimEnd().split("\n");
  const pg = base ? await createTestDatabase(base) : null;
  const target = pg?.url ?? join(dir, "b.db");
  r = sitrep("import", file, "--db", target);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^imported 3 documents, 2 stories, 6 events, 6 entities \(\d+ rows in \d+ tables\) from a sqlite dump into (sqlite|postgres)\n/);
  r = sitrep("import", file, "--db", target);
  assert.equal(r.code, 2);
  assert.match(r.err, /not empty/);
  // Exported again, to standard output: the same rows.
  r = sitrep("export", "--db", target);
  assert.deepEqual(r.out.trimEnd().split("\n").slice(1), lines.slice(1));
  await pg?.drop();
  r = sitrep("export", "--db", join(dir, "missing.db"));
  assert.equal(r.code, 2);
  assert.match(r.err, /there is no store at/);
});
