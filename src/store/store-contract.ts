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

  test(`${name}: documents page with filters, totals, the original input and the story`, async () => {
    const s = await open();
    await s.putDocuments([
      { doc: fixtureDoc("p1", { published: { date: "2024-01-28", precision: "day", basis: "t" } }), text: "Drones struck the base.", origin: "o", original: "<p>Drones struck the base.</p>", format: "html" },
      { doc: fixtureDoc("p2", { language: "fr", outlet: { name: "Le Journal", aliases: [] }, published: { date: "2024-02", precision: "month", basis: "t" } }), text: "Une frappe.", origin: "o" },
      { doc: fixtureDoc("p3", { published: null }), text: "Undated.", origin: "o" },
    ]);
    await s.putStories([{ id: "st", title: "Drones", documents: ["p1", "p2"], relations: [{ from: "p2", to: "p1", kind: "translation" }] }]);
    const all = await s.listDocuments({ limit: 2 });
    assert.equal(all.total, 3);
    assert.deepEqual(all.items.map((d) => d.id), ["p2", "p1"], "newest first, undated last");
    assert.equal(all.items[1].story, "st");
    assert.deepEqual((await s.listDocuments({ offset: 2 })).items.map((d) => d.id), ["p3"]);
    assert.deepEqual((await s.listDocuments({ language: "fr" })).items.map((d) => d.id), ["p2"]);
    assert.deepEqual((await s.listDocuments({ outlet: "Le Journal" })).items.map((d) => d.id), ["p2"]);
    assert.deepEqual((await s.listDocuments({ since: "2024-02-10" })).items.map((d) => d.id), ["p2"], "a month overlaps a day in it");
    assert.deepEqual((await s.listDocuments({ until: "2024-01" })).items.map((d) => d.id), ["p1"]);
    assert.deepEqual((await s.listDocuments({ story: "st" })).total, 2);
    assert.deepEqual((await s.listDocuments({ q: "drones" })).items.map((d) => d.id), ["p1"]);
    const d = await s.getDocument("p1");
    assert.equal(d?.original, "<p>Drones struck the base.</p>");
    assert.equal(d?.format, "html");
    assert.equal(d?.text, "Drones struck the base.");
    assert.deepEqual(d?.story, { id: "st", title: "Drones" });
    assert.equal(d?.document.id, "p1");
    assert.equal((await s.getDocument("p3"))?.original, null);
    assert.equal(await s.getDocument("nope"), null);
    await s.close();
  });

  test(`${name}: search pages with a total and a plain-text snippet`, async () => {
    const s = await open();
    await s.putDocuments([
      { doc: fixtureDoc("q1"), text: "The drone hit the tower at dawn.", origin: "o" },
      { doc: fixtureDoc("q2"), text: "A second drone was shot down.", origin: "o" },
      { doc: fixtureDoc("q3"), text: "Talks resumed in Baghdad.", origin: "o" },
    ]);
    assert.equal(await s.countSearch("drone"), 2);
    const page = await s.search("drone", 1, 0);
    assert.equal(page.length, 1);
    const next = await s.search("drone", 1, 1);
    assert.notEqual(next[0].id, page[0].id);
    assert.match(page[0].snippet ?? "", /drone/i);
    assert.equal(page[0].outlet, "Example Wire");
    assert.deepEqual((await s.search("drone tower")).map((h) => h.id), ["q1"], "every word must match");
    assert.equal(await s.countSearch("   "), 0);
    await s.close();
  });

  test(`${name}: story summaries page newest first, with languages, outlets and dates; getStory`, async () => {
    const s = await open();
    await s.putDocuments([
      { doc: fixtureDoc("o1", { published: { date: "2020-03-11", precision: "day", basis: "t" } }), text: "t", origin: "o" },
      { doc: fixtureDoc("n1"), text: "t", origin: "o" },
      { doc: fixtureDoc("n2", { language: "fr", outlet: { name: "Le Journal", aliases: [] }, published: { date: "2024-02-02", precision: "day", basis: "t" } }), text: "t", origin: "o" },
    ]);
    await s.putStories([
      { id: "old", title: "Old news", documents: ["o1"], relations: [] },
      { id: "new", title: "New story", documents: ["n1", "n2"], relations: [], events: [{ id: "new-e1", type: "ASSAULT" }] },
    ]);
    const page = await s.listStorySummaries();
    assert.equal(page.total, 2);
    assert.deepEqual(page.items[0], { id: "new", title: "New story", documents: 2, languages: ["en", "fr"], outlets: ["Example Wire", "Le Journal"], first: "2024-01-30", last: "2024-02-02" });
    assert.deepEqual((await s.listStorySummaries({ language: "fr" })).items.map((x) => x.id), ["new"]);
    assert.deepEqual((await s.listStorySummaries({ until: "2021" })).items.map((x) => x.id), ["old"]);
    assert.deepEqual((await s.listStorySummaries({ q: "old" })).items.map((x) => x.id), ["old"]);
    assert.deepEqual((await s.listStorySummaries({ limit: 1, offset: 1 })).items.map((x) => x.id), ["old"]);
    // Moving a member updates both stories' sizes and dates.
    await s.putStories([{ id: "old", title: "Old news", documents: ["o1", "n2"], relations: [] }]);
    const after = new Map((await s.listStorySummaries()).items.map((x) => [x.id, x]));
    assert.equal(after.get("new")?.documents, 1);
    assert.equal(after.get("old")?.last, "2024-02-02");
    const st = await s.getStory("new");
    assert.deepEqual(st?.documents, ["n1"]);
    assert.equal((st?.events?.[0] as { id: string }).id, "new-e1");
    assert.equal(await s.getStory("nope"), null);
    await s.close();
  });

  test(`${name}: events page with every filter and a total`, async () => {
    const s = await open();
    await s.putDocuments([
      { doc: fixtureDoc("v1"), text: "t", origin: "o" },
      { doc: fixtureDoc("v2", { language: "fr", outlet: { name: "Le Journal", aliases: [] } }), text: "t", origin: "o" },
    ]);
    await s.putStories([{ id: "sv", title: null, documents: ["v2"], relations: [] }]);
    const all = await s.queryEvents({ limit: 3 });
    assert.equal(all.total, 4);
    assert.equal(all.items.length, 3);
    assert.equal(all.items[0].index, 0, "newest first: the 2024-01-30 suspension");
    assert.equal((await s.queryEvents({ limit: 3, offset: 3 })).items.length, 1);
    assert.equal((await s.queryEvents({ target: "us-forces" })).total, 4);
    assert.equal((await s.queryEvents({ status: "OCCURRED" })).total, 2);
    assert.equal((await s.queryEvents({ place: "tower" })).total, 2);
    assert.equal((await s.queryEvents({ language: "fr" })).total, 2);
    assert.equal((await s.queryEvents({ outlet: "Le Journal" })).total, 2);
    assert.equal((await s.queryEvents({ until: "2024-01-29" })).total, 2);
    assert.equal((await s.queryEvents({ story: "sv" })).items.every((e) => e.docId === "v2" && e.story === "sv"), true);
    assert.equal((await s.queryEvents({ actorKbs: ["kataib-hezbollah"], dated: true })).total, 2);
    assert.equal((await s.queryEvents({ placeKbs: ["tower-22"] })).total, 0, "the fixture's place is not linked");
    const base = fixtureDoc("v3");
    const t22 = { id: "e3", kb: "tower-22", name: "Tower 22", aliases: [], type: "facility", mentions: [{ start: 70, end: 78, text: "Tower 22" }] };
    const placed = { ...(base.events[1] as object), location: { entity: "e3", text: "Tower 22", lat: 33.3, lon: 38.7 } };
    await s.putDocuments([{ doc: { ...base, entities: [...base.entities, t22], events: [base.events[0], placed] }, text: "t", origin: "o" }]);
    assert.deepEqual((await s.queryEvents({ placeKbs: ["tower-22", "jordan"] })).items.map((e) => [e.docId, e.index]), [["v3", 1]]);
    const light = (await s.listEvents({ actorKbs: ["kataib-hezbollah"], light: true })).sort((a, b) => a.docId.localeCompare(b.docId));
    assert.deepEqual(light.map((x) => x.record).slice(0, 1), [
      { type: "RETREAT", status: "suspended", date: { date: "2024-01-30" }, actor: null, target: null, evidence: { text: "" } },
    ]);
    assert.deepEqual((await s.listEvents({ actorKbs: ["kataib-hezbollah"], light: true, language: "fr" })).map((x) => [x.docId, x.record.type]), [["v2", "RETREAT"]]);
    const refs = await s.listEvents({ refs: [{ docId: "v2", index: 1 }, { docId: "v1", index: 0 }] });
    assert.deepEqual(refs.map((x) => [x.docId, x.index, x.file]), [["v1", 0, "v1.txt"], ["v2", 1, "v2.txt"]]);
    const [e] = (await s.queryEvents({ type: "assault" })).items;
    assert.equal((e.record as { location: { lat: number } }).location.lat, 33.3);
    await s.close();
  });

  test(`${name}: entities across the store, one entity in detail, quotes and graph rows`, async () => {
    const s = await open();
    await s.putDocuments([
      { doc: fixtureDoc("g1"), text: "t", origin: "o" },
      { doc: fixtureDoc("g2", { published: { date: "2024-02-01", precision: "day", basis: "t" } }), text: "t", origin: "o" },
      { doc: fixtureDoc("g3", { entities: [{ id: "e1", kb: null, name: "Unknown Brigade", aliases: [], type: "armed_group", mentions: [{ start: 0, end: 15, text: "Unknown Brigade" }] }], events: [], quotes: [] }), text: "t", origin: "o" },
    ]);
    const ents = await s.listEntities();
    assert.equal(ents.total, 3);
    assert.deepEqual(ents.items.slice(0, 2).map((e) => [e.key, e.documents, e.mentions]).sort(), [["kataib-hezbollah", 2, 2], ["us-forces", 2, 2]]);
    assert.deepEqual((await s.listEntities({ q: "brigade" })).items.map((e) => e.key), ["name:unknown brigade"]);
    assert.equal((await s.listEntities({ type: "state" })).total, 0);
    const kh = await s.getEntity("kataib-hezbollah");
    assert.equal(kh?.documents, 2);
    assert.deepEqual(kh?.docIds, ["g2", "g1"], "newest first");
    assert.deepEqual(kh?.writtenAs, ["Kataib Hezbollah"]);
    assert.deepEqual(kh?.coMentioned.map((c) => [c.key, c.documents]), [["us-forces", 2]]);
    assert.equal((await s.getEntity("name:unknown brigade"))?.docIds[0], "g3");
    assert.equal(await s.getEntity("nobody"), null);
    const quotes = await s.listQuotes({ speaker: "kataib-hezbollah" });
    assert.equal(quotes.total, 2);
    assert.equal(quotes.items[0].docId, "g2");
    assert.equal(quotes.items[0].speakerKb, "kataib-hezbollah");
    assert.equal((await s.listQuotes({ doc: "g1" })).total, 1);
    assert.equal((await s.listQuotes({ speaker: "nobody" })).total, 0);
    const g = await s.graphRows();
    assert.deepEqual(g.events, [{ actorKb: "kataib-hezbollah", targetKb: "us-forces", type: "RETREAT", count: 2 }]);
    assert.deepEqual(g.speakers, [{ kb: "kataib-hezbollah", count: 2 }]);
    assert.deepEqual((await s.graphRows({ type: "ASSAULT" })).events, []);
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

  test(`${name}: full-text search in English, French and Arabic, accents folded`, async () => {
    const s = await open();
    await s.putDocuments([
      { doc: fixtureDoc("en1", { language: "en", title: "Depot hit overnight" }), text: "Drones struck a fuel depot near the northern border overnight, officials said.", origin: "o" },
      { doc: fixtureDoc("fr1", { language: "fr", title: "Un dépôt visé" }), text: "Un dépôt de carburant a été frappé par des drones près de la frontière nord.", origin: "o" },
      { doc: fixtureDoc("ar1", { language: "ar", title: "قصف مستودع وقود" }), text: "قصفت طائرات مسيرة مستودعا للوقود قرب الحدود الشمالية ليلا.", origin: "o" },
    ]);
    const ids = async (q: string) => (await s.search(q)).map((h) => h.id).sort();
    assert.deepEqual(await ids("frappé"), ["fr1"]);
    assert.deepEqual(await ids("frappe"), ["fr1"], "an unaccented query finds the accented word");
    assert.deepEqual(await ids("FRONTIÈRE"), ["fr1"]);
    assert.deepEqual(await ids("depot"), ["en1", "fr1"], "dépôt folds to depot");
    assert.deepEqual(await ids("drones"), ["en1", "fr1"]);
    assert.deepEqual(await ids("fuel depot"), ["en1"]);
    assert.deepEqual(await ids("الحدود"), ["ar1"]);
    assert.deepEqual(await ids("الحدود الشمالية"), ["ar1"]);
    assert.deepEqual(await ids("وقود"), ["ar1"], "a title word");
    assert.deepEqual(await ids("tanks"), []);
    assert.equal(await s.countSearch("drones"), 2);
    const [hit] = await s.search("frappe");
    assert.match(hit.snippet ?? "", /frappé/, "the snippet keeps the text as written");
    await s.close();
  });

  test(`${name}: the story log appends in order, refuses a second entry with a seq, and rolls back with its transaction`, async () => {
    const s = await open();
    assert.equal(await s.storyLogHead(), 0);
    await s.withStoryLock(async (tx) => {
      await tx.putDocuments([{ doc: fixtureDoc("l1"), text: "t", origin: "o" }]);
      await tx.replaceStories([{ id: "s1", title: "T", documents: ["l1"], relations: [], events: [] }], []);
      await tx.appendStoryLog(1, "batch", 1, '{"v":1}');
    });
    assert.equal(await s.storyLogHead(), 1);
    await assert.rejects(s.appendStoryLog(1, "batch", 1, "{}"), "a second entry 1");
    // A throw inside the locked transaction undoes its documents, stories and entry.
    await assert.rejects(
      s.withStoryLock(async (tx) => {
        await tx.putDocuments([{ doc: fixtureDoc("l2"), text: "t", origin: "o" }]);
        await tx.replaceStories([{ id: "s1", title: "T", documents: ["l1", "l2"], relations: [{ from: "l2", to: "l1", kind: "copy" }], events: [] }], []);
        await tx.appendStoryLog(2, "batch", 1, '{"v":1}');
        throw new Error("killed");
      }),
      /killed/,
    );
    assert.equal(await s.storyLogHead(), 1);
    assert.equal(await s.hasDocument("l2"), false);
    assert.deepEqual((await s.listStories()).map((x) => [x.id, x.documents]), [["s1", ["l1"]]]);
    assert.deepEqual((await s.readStoryLog(0, 10)).map((r) => [r.seq, r.kind, r.entry]), [[1, "batch", '{"v":1}']]);
    await s.close();
  });

  test(`${name}: replaceStories moves members, removes emptied stories; storiesOf; snapshots in parts; feed entries`, async () => {
    const s = await open();
    await s.putDocuments(["m1", "m2", "m3"].map((id) => ({ doc: fixtureDoc(id), text: "t", origin: "o" })));
    await s.replaceStories([{ id: "a", title: "A", documents: ["m1", "m2"], relations: [], events: [] }, { id: "b", title: "B", documents: ["m3"], relations: [], events: [] }], []);
    await s.replaceStories([{ id: "a", title: "A", documents: ["m1", "m2", "m3"], relations: [{ from: "m3", to: "m1", kind: "same-event" }], events: [] }], ["b"]);
    assert.deepEqual([...(await s.storiesOf(["m1", "m3", "zz"]))].sort(), [["m1", "a"], ["m3", "a"]]);
    const stories = await s.listStories();
    assert.deepEqual(stories.map((x) => [x.id, [...x.documents].sort(), x.relations.length]), [["a", ["m1", "m2", "m3"], 1]]);
    assert.equal((await s.listStorySummaries()).items[0].documents, 3);
    assert.equal(await s.latestStorySnapshot(), null);
    const bytes = new Uint8Array(3000).map((_, i) => i % 251);
    await s.putStorySnapshot(4, bytes);
    await s.putStorySnapshot(7, bytes.subarray(0, 10));
    await s.putStorySnapshot(9, bytes.subarray(5, 20));
    const snap = await s.latestStorySnapshot();
    assert.equal(snap?.seq, 9);
    assert.deepEqual([...snap!.data], [...bytes.subarray(5, 20)]);
    assert.deepEqual(await s.feedSeen("f", ["x", "y"]), new Set());
    await s.markFeedSeen("f", ["x"]);
    await s.markFeedSeen("f", ["x"]);
    assert.deepEqual(await s.feedSeen("f", ["x", "y"]), new Set(["x"]));
    assert.deepEqual(await s.feedSeen("g", ["x"]), new Set());
    await s.close();
  });
}
