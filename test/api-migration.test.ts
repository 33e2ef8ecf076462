// Migration 004 on a store that already holds data: the desk's summaries (entity index, story sizes and dates, event
// places, entity and quote dates) are backfilled from what migrations 001–003 stored, and old documents say they have no original.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Migrator, type MigrationProvider } from "kysely";
import { openStore } from "../src/store/open-store.js";
import type { KyselyStore } from "../src/store/kysely-store.js";
import { migrations } from "../src/store/migrations.js";

test("004_original_text backfills the entity index, story summaries and facets, event places, entity and quote dates", async () => {
  const store = (await openStore(":memory:", { migrate: false })) as KyselyStore;
  const all = migrations("sqlite");
  const provider: MigrationProvider = { getMigrations: async () => all };
  const migrator = new Migrator({ db: store.db, provider, migrationTableName: "sitrep_migrations", migrationLockTableName: "sitrep_migrations_lock" });
  const before = Object.keys(all).filter((k) => k < "004");
  assert.equal((await migrator.migrateTo(before[before.length - 1])).error, undefined);

  const db = store.db as unknown as import("kysely").Kysely<any>;
  const doc = (id: string, date: string) => ({
    id, file: `${id}.txt`, origin: "o", url: null, outlet: "Wire", outlet_kb: null, language: "en", title: id, published_date: date,
    published_precision: "day", published_from: date, published_to: date, ingested_at: "2024-01-01T00:00:00Z", text: "clean text", analysis: JSON.stringify({ id, entities: [] }),
  });
  await db.insertInto("documents").values([doc("d1", "2024-01-28"), doc("d2", "2024-02-03")]).execute();
  await db.insertInto("entities").values([
    { doc_id: "d1", local_id: "e1", kb: "kataib-hezbollah", name: "Kata'ib Hezbollah", type: "armed_group", mentions: 2 },
    { doc_id: "d1", local_id: "e2", kb: "tower-22", name: "Tower 22", type: "facility", mentions: 1 },
    { doc_id: "d2", local_id: "e1", kb: "kataib-hezbollah", name: "Kata'ib Hezbollah", type: "armed_group", mentions: 3 },
    { doc_id: "d2", local_id: "e2", kb: null, name: "Some Brigade", type: "armed_group", mentions: 1 },
  ]).execute();
  const record = JSON.stringify({ type: "ASSAULT", status: "occurred", location: { entity: "e2", text: "Tower 22" }, evidence: { start: 0, end: 5, text: "x" } });
  await db.insertInto("events").values({ doc_id: "d1", idx: 0, type: "ASSAULT", status: "occurred", location_text: "Tower 22", date: "2024-01-28", record }).execute();
  await db.insertInto("quotes").values([
    { doc_id: "d1", idx: 0, speaker_kb: "kataib-hezbollah", speaker_text: "the group", text: "first words" },
    { doc_id: "d2", idx: 0, speaker_kb: "kataib-hezbollah", speaker_text: "the group", text: "later words" },
  ]).execute();
  await db.insertInto("stories").values({ id: "s1", title: "t", updated_at: "2024-01-01", record: JSON.stringify({ relations: [], events: [] }) }).execute();
  await db.insertInto("story_members").values([{ story_id: "s1", doc_id: "d1" }, { story_id: "s1", doc_id: "d2" }]).execute();

  assert.deepEqual(await store.migrate(), ["004_original_text", ...Object.keys(all).filter((k) => k > "004_original_text")]);
  const ents = await store.listEntities();
  assert.deepEqual(ents.items.map((e) => [e.key, e.documents, e.mentions]), [["kataib-hezbollah", 2, 5], ["name:some brigade", 1, 1], ["tower-22", 1, 1]]);
  assert.deepEqual((await store.listStorySummaries()).items.map((s) => [s.id, s.documents, s.first, s.last]), [["s1", 2, "2024-01-28", "2024-02-03"]]);
  assert.equal((await store.queryEvents({ placeKbs: ["tower-22"] })).total, 1);
  assert.deepEqual((await store.getEntity("kataib-hezbollah"))?.docIds, ["d2", "d1"]);
  assert.deepEqual((await store.listQuotes()).items.map((q) => q.text), ["later words", "first words"]);
  assert.deepEqual((await store.graphRows({ since: "2024-02" })).speakers, [{ kb: "kataib-hezbollah", count: 1 }]);
  const d = await store.getDocument("d1");
  assert.deepEqual([d?.original, d?.text], [null, "clean text"]);
  await store.close();
});
