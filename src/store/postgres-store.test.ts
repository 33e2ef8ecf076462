import { test } from "node:test";
import assert from "node:assert/strict";
import { type Kysely, sql } from "kysely";
import { openStore } from "./open-store.js";
import { pgFullTextMatch, pgFuzzyName } from "./pg-fulltext.js";
import type { NewsStore } from "./news-store.js";
import { createTestDatabase, PG_SKIP_REASON, pgTestUrl } from "./pg-test-server.js";
import { fixtureDoc, storeContract } from "./store-contract.js";

const base = await pgTestUrl();

/** A store over a fresh database that is dropped when the store is closed. */
async function freshStore(): Promise<NewsStore> {
  const db = await createTestDatabase(base!);
  const s = await openStore(db.url);
  const close = s.close.bind(s);
  return Object.assign(s, { close: async () => (await close(), await db.drop()) });
}

if (!base) {
  test("postgres store", { skip: PG_SKIP_REASON }, () => {});
} else {
  storeContract("postgres", freshStore);

  test("postgres: a document reads back exactly as written (numbers, nulls, key order)", async () => {
    const s = await freshStore();
    const d = fixtureDoc("exact1");
    await s.putDocuments([{ doc: d, text: "t", origin: "o" }]);
    const [back] = await s.getDocuments(["exact1"]);
    assert.equal(JSON.stringify(back), JSON.stringify(d));
    const ev = (await s.listEvents({ type: "ASSAULT" }))[0];
    assert.equal((ev.record as { location: { lat: number } }).location.lat, 33.3);
    await s.close();
  });

  test("postgres: search stems each document in its own language and takes websearch syntax", async () => {
    const s = await freshStore();
    await s.putDocuments([
      { doc: fixtureDoc("en1", { language: "en", title: "Strikes on the border" }), text: "Drones struck a fuel depot near the northern borders overnight.", origin: "o" },
      { doc: fixtureDoc("en2", { language: "en", title: "Talks" }), text: "Negotiators met again; a strike on the depot was mentioned.", origin: "o" },
      { doc: fixtureDoc("fr1", { language: "fr", title: "Un dépôt visé" }), text: "Les forces américaines ont été frappées par des drones près des frontières.", origin: "o" },
      { doc: fixtureDoc("ar1", { language: "ar", title: "قصف مستودع" }), text: "قصفت الطائرات مستودعا للوقود قرب الحدود الشمالية.", origin: "o" },
    ]);
    const ids = async (q: string) => (await s.search(q)).map((h) => h.id);
    // English stems: "border" meets "borders"; the title weighs more than the text ("strike": en1's title, en2's text).
    assert.deepEqual((await ids("border")).sort(), ["en1"]);
    assert.deepEqual(await ids("strike"), ["en1", "en2"]);
    // French stems with accents folded: "frontière" meets "frontières", "américain" meets "américaines".
    assert.deepEqual(await ids("frontière"), ["fr1"]);
    assert.deepEqual(await ids("americain"), ["fr1"]);
    // Arabic: the stemmer drops the article and the diacritics ("حدود" meets "الحدود", "طائرة" meets "الطائرات").
    assert.deepEqual(await ids("حدود"), ["ar1"]);
    assert.deepEqual(await ids("طائرة"), ["ar1"]);
    assert.deepEqual(await ids("الحُدُود"), ["ar1"]);
    // websearch_to_tsquery: "a phrase", or, -not.
    assert.deepEqual(await ids('"fuel depot"'), ["en1"]);
    assert.deepEqual(await ids('"depot fuel"'), []);
    assert.deepEqual((await ids("negotiators or drones")).sort(), ["en1", "en2", "fr1"]);
    assert.deepEqual((await ids("depot -negotiators")).sort(), ["en1", "fr1"], "fr1's title has dépôt");
    assert.deepEqual(await ids("the"), [], "stop words only");
    await s.close();
  });

  test("postgres: search and fuzzy names use their GIN indexes", async () => {
    const s = await freshStore();
    const db = (s as unknown as { db: Kysely<any> }).db;
    // 3,000 documents and 30,000 entity names, so that the planner prefers an index to a scan on its own.
    await sql`INSERT INTO documents (id, file, origin, language, title, ingested_at, text, analysis)
      SELECT 'g' || i, 'g' || i || '.txt', 'o', (ARRAY['en', 'fr', 'ar'])[1 + i % 3], 'Report ' || i, '2024-01-01', 'Routine report number ' || i || ' about supplies', '{}'
      FROM generate_series(1, 3000) i`.execute(db);
    await sql`INSERT INTO entities (doc_id, local_id, kb, name, type, mentions)
      SELECT 'g' || (1 + i % 3000), 'e' || i, NULL, 'Person ' || md5(i::text), 'person', 1 FROM generate_series(1, 30000) i`.execute(db);
    // VACUUM merges GIN's pending list (autovacuum's job on a live server), so the planner sees the real index.
    await sql`VACUUM ANALYZE documents`.execute(db);
    await sql`VACUUM ANALYZE entities`.execute(db);
    const plan = async (q: { sql: string; parameters: readonly unknown[] }) =>
      (await sql<{ "QUERY PLAN": string }>`EXPLAIN ${sql.raw(q.sql.replace(/\$(\d+)/g, (_, n) => `'${String(q.parameters[n - 1]).replace(/'/g, "''")}'`))}`.execute(db)).rows
        .map((x) => x["QUERY PLAN"])
        .join("\n");
    assert.match(await plan(sql`SELECT id FROM documents WHERE ${pgFullTextMatch("drone strike")}`.compile(db)), /Bitmap Index Scan on documents_fts/);
    assert.match(await plan(sql`SELECT name FROM entities WHERE ${pgFuzzyName("kataib hezbolah")}`.compile(db)), /Bitmap Index Scan on entities_name_trgm/);
    await s.close();
  });

  test("postgres: an entity name with no substring match finds names alike by trigrams", async () => {
    const s = await freshStore();
    await s.putDocuments([{ doc: fixtureDoc("t1"), text: "t", origin: "o" }]);
    assert.deepEqual((await s.findEntities("Kataeb Hezbolla")).map((e) => e.kb), ["kataib-hezbollah"]);
    assert.deepEqual((await s.findEntities("hezbolah")).map((e) => e.kb), ["kataib-hezbollah"]);
    // A substring match wins: no fuzzy neighbours are added to it.
    assert.deepEqual((await s.findEntities("us forces")).map((e) => e.kb), ["us-forces"]);
    assert.deepEqual(await s.findEntities("Zzyzx"), []);
    await s.close();
  });

  test("postgres: a bad URL is a store error that hides the password", async () => {
    const u = new URL(base);
    u.port = "1";
    u.password = "secret-pw";
    await assert.rejects(openStore(u.toString()), (e: Error) => /cannot connect to PostgreSQL/.test(e.message) && !e.message.includes("secret-pw"));
  });

  test("postgres: several stores (pools) may open and migrate one new database at once", async () => {
    const db = await createTestDatabase(base);
    const stores = await Promise.all([0, 1, 2, 3].map(() => openStore(db.url)));
    for (const s of stores) assert.deepEqual(await s.migrate(), []);
    await Promise.all(stores.map((s) => s.close()));
    await db.drop();
  });
}
