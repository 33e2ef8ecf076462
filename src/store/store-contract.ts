import assert from "node:assert/strict";
import { test } from "node:test";
import type { ContractDocument } from "../output/to-contract.js";
import type { NewsStore } from "./news-store.js";

/** A contract document written for the store tests. */
export function fixtureDoc(id: string, over: Partial<ContractDocument> = {}): ContractDocument {
  return {
    file: `${id}.txt`, id, language: "en", title: `Title ${id}`, outlet: { name: "Example Wire", aliases: [] }, url: null,
    published: { date: "2024-01-30", precision: "day", basis: "test" }, cites: [],
    entities: [
      { id: "e1", kb: "kataib-hezbollah", name: "Kata'ib Hezbollah", aliases: [], type: "armed_group", mentions: [{ start: 0, end: 16, text: "Kataib Hezbollah" }] },
      { id: "e2", kb: "us-forces", name: "US forces", aliases: [], type: "armed_group", mentions: [{ start: 40, end: 49, text: "US forces" }] },
    ],
    events: [
      { type: "RETREAT", mode: "ceasefire", status: "suspended", actor: { entity: "e1", text: "Kataib Hezbollah" }, target: { entity: "e2", text: "US forces" }, location: null, date: { date: "2024-01-30", precision: "day", basis: "test" }, counts: {}, evidence: { start: 0, end: 60, text: "Kataib Hezbollah suspended operations against US forces." } },
      { type: "ASSAULT", mode: "drone", status: "occurred", actor: null, target: { entity: "e2", text: "US forces" }, location: { entity: null, text: "Tower 22", lat: 33.3, lon: 38.7 }, date: { date: "2024-01-28", precision: "day", basis: "test" }, counts: { killed: 3 }, evidence: { start: 61, end: 90, text: "A drone killed three." } },
    ],
    quotes: [{ text: "We suspend operations", start: 5, end: 25, speaker: { entity: "e1", text: "the group" } }],
    claims: [], framing: [], dateline: null, diagnostics: [],
    ...over,
  };
}

/** The store contract: every NewsStore implementation runs these (SQLite now, PostgreSQL later). */
export function storeContract(name: string, open: () => Promise<NewsStore>): void {
  test(`${name}: migrate is idempotent`, async () => {
    const s = await open();
    assert.deepEqual(await s.migrate(), []);
    await s.close();
  });

  test(`${name}: batch writes report per-item status; the same content twice is a duplicate`, async () => {
    const s = await open();
    const a = fixtureDoc("a1");
    const r1 = await s.putDocuments([{ doc: a, text: "t", origin: "o" }, { doc: fixtureDoc("b1"), text: "t", origin: "o" }]);
    assert.deepEqual(r1.map((r) => r.status), ["inserted", "inserted"]);
    const r2 = await s.putDocuments([{ doc: a, text: "t", origin: "o" }]);
    assert.deepEqual(r2.map((r) => r.status), ["duplicate"]);
    assert.equal(await s.hasDocument("a1"), true);
    assert.equal(await s.hasDocument("zz"), false);
    assert.deepEqual((await s.stats()).documents, 2);
    await s.close();
  });

  test(`${name}: a failing item is rolled back alone`, async () => {
    const s = await open();
    // Two entities with the same local id violate the primary key: that document fails, the next is stored.
    const bad = fixtureDoc("bad", { entities: [fixtureDoc("x").entities[0], fixtureDoc("x").entities[0]] });
    const r = await s.putDocuments([{ doc: bad, text: "t", origin: "o" }, { doc: fixtureDoc("good"), text: "t", origin: "o" }]);
    assert.deepEqual(r.map((x) => x.status), ["failed", "inserted"]);
    assert.ok(r[0].error);
    assert.equal(await s.hasDocument("bad"), false);
    assert.equal((await s.getDocuments()).length, 1);
    await s.close();
  });

  test(`${name}: events filter by actor, type and date`, async () => {
    const s = await open();
    await s.putDocuments([{ doc: fixtureDoc("d1"), text: "t", origin: "o" }]);
    assert.equal((await s.listEvents()).length, 2);
    assert.equal((await s.listEvents({ type: "assault" })).length, 1);
    assert.equal((await s.listEvents({ actor: "kataib-hezbollah" })).length, 1);
    assert.equal((await s.listEvents({ actor: "hezbollah" })).length, 1);
    assert.equal((await s.listEvents({ since: "2024-01-29" })).length, 1);
    await s.close();
  });

  test(`${name}: stories keep membership, newest first; entities summarise across documents`, async () => {
    const s = await open();
    await s.putDocuments([
      { doc: fixtureDoc("o1", { published: { date: "2020-03-11", precision: "day", basis: "t" } }), text: "t", origin: "o" },
      { doc: fixtureDoc("n1"), text: "t", origin: "o" },
      { doc: fixtureDoc("n2", { language: "fr" }), text: "t", origin: "o" },
    ]);
    await s.putStories([
      { id: "s1", title: "old", documents: ["o1"], relations: [] },
      { id: "s2", title: "new", documents: ["n1", "n2"], relations: [{ from: "n2", to: "n1", kind: "translation" }] },
    ]);
    const stories = await s.listStories();
    assert.deepEqual(stories.map((x) => [x.id, [...x.documents].sort()]), [["s2", ["n1", "n2"]], ["s1", ["o1"]]]);
    assert.equal(stories[0].relations[0].kind, "translation");
    // Moving a document to another story removes it from the first; an emptied story disappears.
    await s.putStories([{ id: "s3", title: "merged", documents: ["o1", "n1", "n2"], relations: [] }]);
    assert.deepEqual((await s.listStories()).map((x) => x.id), ["s3"]);
    const [kh] = await s.findEntities("kataib-hezbollah");
    assert.equal(kh.documents, 3);
    assert.equal(kh.coMentioned[0].kb, "us-forces");
    await s.close();
  });

  test(`${name}: state round-trips`, async () => {
    const s = await open();
    assert.equal(await s.getState("k"), null);
    await s.setState("k", "1");
    await s.setState("k", "2");
    assert.equal(await s.getState("k"), "2");
    await s.close();
  });
}
