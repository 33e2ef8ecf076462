// The desk's HTTP API (issue 8): every route over a store filled with the project's examples/, bad requests,
// unknown ids, tokens, size limits, URL ingestion, and hostile article text that must come back only as JSON text.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import type { z } from "zod";
import { readSources } from "../src/ingest/read-sources.js";
import { ingestItems } from "../src/ingest.js";
import { openStore } from "../src/store/open-store.js";
import type { NewsStore } from "../src/store/news-store.js";
import { testContext } from "../src/test-helpers/analyze-text.js";
import { createApp } from "../src/server/create-app.js";
import { startServer } from "../src/server/start-server.js";
import * as S from "../src/server/schemas.js";

const examples = join(import.meta.dirname, "..", "examples");
const noUi = join(tmpdir(), "sitrep-no-ui-here");

let store: NewsStore;
let app: ReturnType<typeof createApp>;

before(async () => {
  store = await openStore(":memory:");
  await ingestItems(readSources([examples]), store, testContext());
  app = createApp({ store, ctx: testContext(), uiDir: noUi });
});
after(async () => store.close());

/** GET a JSON route, check the status, and check the body against its schema. */
async function get<T extends z.ZodTypeAny>(path: string, schema: T, status = 200, init?: RequestInit): Promise<z.infer<T>> {
  const r = await app.request(path, init);
  const text = await r.text();
  assert.equal(r.status, status, `${path}: ${text.slice(0, 300)}`);
  assert.match(r.headers.get("content-type") ?? "", /^application\/json/);
  const body = JSON.parse(text);
  const parsed = schema.safeParse(body);
  assert.ok(parsed.success, `${path}: ${parsed.success ? "" : JSON.stringify(parsed.error.issues.slice(0, 3))}`);
  return body;
}

/** A request that must fail with the API's error shape. */
async function fails(path: string, status: number, code: string, init?: RequestInit, on = app) {
  const r = await on.request(path, init);
  const text = await r.text();
  assert.equal(r.status, status, `${path}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text);
  assert.ok(S.ErrorSchema.safeParse(body).success, text);
  assert.equal(body.error.code, code);
  assert.ok(body.error.message.length > 5);
  return body as z.infer<typeof S.ErrorSchema>;
}

const postJson = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({ method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });

describe("read routes", () => {
  test("GET /api/health counts what the store holds", async () => {
    const h = await get("/api/health", S.HealthSchema);
    assert.equal(h.ok, true);
    assert.deepEqual(h.stats, await store.stats());
    assert.ok(h.stats.documents >= 7);
  });

  test("GET /openapi.json documents every route with its parameters", async () => {
    const r = await app.request("/openapi.json");
    assert.equal(r.status, 200);
    const doc = (await r.json()) as { openapi: string; paths: Record<string, Record<string, { parameters?: { name: string }[] }>>; components: { schemas: Record<string, unknown> } };
    assert.match(doc.openapi, /^3\./);
    for (const p of ["/api/health", "/api/search", "/api/documents", "/api/documents/{id}", "/api/stories", "/api/stories/{id}", "/api/events", "/api/entities", "/api/entities/{id}", "/api/quotes", "/api/framing", "/api/timeline", "/api/graph"])
      assert.ok(doc.paths[p]?.get, `GET ${p}`);
    assert.ok(doc.paths["/api/ingest"]?.post);
    const names = doc.paths["/api/events"].get.parameters!.map((x) => x.name);
    for (const n of ["actor", "target", "type", "status", "place", "language", "outlet", "since", "until", "story", "limit", "offset", "format"]) assert.ok(names.includes(n), n);
    assert.ok(doc.components.schemas.ContractDocument && doc.components.schemas.Error);
  });

  test("GET /api/search: full-text, paged, with a total and plain snippets", async () => {
    const all = await get("/api/search?q=drone", S.SearchPageSchema);
    assert.ok(all.total >= 2, JSON.stringify(all));
    assert.ok(all.items.every((h) => h.snippet.length > 0));
    const first = await get("/api/search?q=drone&limit=1", S.SearchPageSchema);
    const second = await get("/api/search?q=drone&limit=1&offset=1", S.SearchPageSchema);
    assert.equal(first.items.length, 1);
    assert.notEqual(first.items[0].id, second.items[0].id);
    assert.equal((await get("/api/search?q=zzzunknownword", S.SearchPageSchema)).total, 0);
    // Diacritics folded: "américains" is found as "americains".
    assert.ok((await get("/api/search?q=americains", S.SearchPageSchema)).items.some((h) => h.language === "fr"));
  });

  test("bad parameters are 400 with the issues named", async () => {
    const e = await fails("/api/search", 400, "E_VALIDATION");
    assert.equal(e.error.issues?.[0].path, "q");
    await fails("/api/search?q=x&limit=0", 400, "E_VALIDATION");
    await fails("/api/documents?limit=abc", 400, "E_VALIDATION");
    await fails("/api/documents?offset=-1", 400, "E_VALIDATION");
    await fails("/api/documents?since=last-week", 400, "E_VALIDATION");
    await fails("/api/events?format=xml", 400, "E_VALIDATION");
    await fails("/api/events?until=2024-13", 400, "E_VALIDATION");
    await fails("/api/timeline", 400, "E_VALIDATION");
    await fails("/api/graph?limit=0", 400, "E_VALIDATION");
    await fails("/api/no-such-route", 404, "E_NOT_FOUND");
  });

  test("GET /api/documents: newest first, filtered by language, outlet, dates, story and words", async () => {
    const all = await get("/api/documents", S.DocumentsPageSchema);
    assert.equal(all.total, (await store.stats()).documents);
    const dates = all.items.map((d) => d.published).filter(Boolean) as string[];
    assert.deepEqual(dates, [...dates].sort().reverse());
    const fr = await get("/api/documents?language=fr", S.DocumentsPageSchema);
    assert.ok(fr.total >= 1 && fr.items.every((d) => d.language === "fr"));
    const wire = await get(`/api/documents?outlet=${encodeURIComponent("Sitrep Wire")}`, S.DocumentsPageSchema);
    assert.ok(wire.total >= 1 && wire.items.every((d) => d.outlet === "Sitrep Wire"));
    const y2021 = await get("/api/documents?since=2021&until=2021-12", S.DocumentsPageSchema);
    assert.ok(y2021.total >= 1 && y2021.items.every((d) => d.published!.startsWith("2021")));
    const story = all.items[0].story!;
    const inStory = await get(`/api/documents?story=${story}`, S.DocumentsPageSchema);
    assert.ok(inStory.items.every((d) => d.story === story));
    const words = await get("/api/documents?q=rockets", S.DocumentsPageSchema);
    assert.ok(words.total >= 1);
    const past = await get("/api/documents?offset=1000", S.DocumentsPageSchema);
    assert.deepEqual([past.items.length, past.total], [0, all.total]);
  });

  test("GET /api/documents/{id}: the contract document and the original text its spans index into", async () => {
    const list = await get("/api/documents?limit=100", S.DocumentsPageSchema);
    let html = 0;
    for (const s of list.items) {
      const d = await get(`/api/documents/${s.id}`, S.DocumentDetailSchema);
      assert.equal(d.document.id, s.id);
      assert.equal(d.original, true);
      assert.equal(d.story?.id, s.story);
      // Every span of the contract points into `text`: the analyst's highlight lands on the words.
      for (const e of d.document.entities) for (const m of e.mentions) assert.equal(d.text.slice(m.start, m.end), m.text, `${s.file} ${e.name}`);
      for (const q of d.document.quotes) assert.ok(d.text.slice(q.start, q.end).length > 0);
      if (d.format === "html") {
        html++;
        assert.match(d.text, /<\/?[a-z]+/i, "HTML is returned as its source, to be shown as text");
      }
    }
    assert.equal(html, 1);
    await fails("/api/documents/does-not-exist", 404, "E_NOT_FOUND");
  });

  test("GET /api/stories and /api/stories/{id}: summaries; members, merged events, attribution, framing", async () => {
    const page = await get("/api/stories", S.StoriesPageSchema);
    assert.equal(page.total, (await store.stats()).stories);
    const multi = page.items.find((s) => s.languages.length > 1);
    assert.ok(multi, "the examples hold a story across languages");
    assert.ok(multi.first! <= multi.last!);
    const d = await get(`/api/stories/${multi.id}`, S.StoryDetailSchema);
    assert.equal(d.story.documents.length, multi.documents);
    assert.deepEqual(d.documents.map((x) => x.id).sort(), [...d.story.documents].sort());
    assert.ok(d.story.relations.every((r) => d.story.documents.includes(r.from) && d.story.documents.includes(r.to)));
    assert.ok(d.story.related.every((r) => d.story.documents.includes(r.from) && !d.story.documents.includes(r.to)));
    assert.ok(d.story.events.length > 0);
    assert.equal(d.attribution.length, d.documents.length);
    assert.equal(d.framing.analysed, d.documents.length);
    assert.deepEqual((await get("/api/stories?language=ar", S.StoriesPageSchema)).items.every((s) => s.languages.includes("ar")), true);
    assert.equal((await get("/api/stories?since=2030", S.StoriesPageSchema)).total, 0);
    await fails("/api/stories/nope", 404, "E_NOT_FOUND");
  });

  test("GET /api/events: every filter, evidence spans, GeoJSON and CSV", async () => {
    const all = await get("/api/events?limit=500", S.EventsPageSchema);
    assert.equal(all.total, (await store.stats()).events);
    const ev = all.items.find((e) => e.event.location?.lat != null)!;
    assert.ok(ev, "some event has coordinates");
    const doc = await get(`/api/documents/${ev.docId}`, S.DocumentDetailSchema);
    assert.equal(doc.text.slice(ev.event.evidence.start, ev.event.evidence.end).replace(/\s+/g, " ").length > 0, true);
    const check = async (q: string, pred: (e: S.EventItem) => boolean) => {
      const p = await get(`/api/events?${q}`, S.EventsPageSchema);
      assert.ok(p.total > 0, q);
      assert.ok(p.items.every(pred), q);
      return p;
    };
    await check("type=assault", (e) => e.event.type === "ASSAULT");
    await check("status=occurred", (e) => e.event.status === "occurred");
    await check("actor=kataib-hezbollah", (e) => /kata|كتائب/i.test(e.event.actor?.text ?? ""));
    await check("target=us-forces", (e) => e.event.target !== null);
    // Not a KB name: matched on the location as written.
    const part = ev.event.location!.text.slice(1, 4).toLowerCase();
    await check(`place=${encodeURIComponent(part)}`, (e) => (e.event.location?.text ?? "").toLowerCase().includes(part));
    // A KB place counts the places located in it: Tower 22 is in Jordan.
    await check("place=jordan", (e) => ["Tower 22", "Tour 22", "البرج 22", "Jordan", "Jordanie", "الأردن"].some((p) => (e.event.location?.text ?? "").includes(p)));
    await check("language=fr", (e) => e.language === "fr");
    await check(`outlet=${encodeURIComponent("Sitrep Wire")}`, (e) => e.outlet === "Sitrep Wire");
    await check("since=2024-01-29&until=2024-01-31", (e) => e.event.date!.date >= "2024-01-29" && e.event.date!.date <= "2024-01-31");
    await check(`story=${ev.story}`, (e) => e.story === ev.story);
    const paged = await get("/api/events?limit=2&offset=2", S.EventsPageSchema);
    assert.deepEqual(paged.items.map((e) => `${e.docId}/${e.index}`), all.items.slice(2, 4).map((e) => `${e.docId}/${e.index}`));

    const geo = await app.request("/api/events?format=geojson&limit=500");
    assert.match(geo.headers.get("content-type")!, /application\/geo\+json/);
    const fc = (await geo.json()) as { type: string; features: { geometry: { coordinates: number[] } }[] };
    assert.equal(fc.type, "FeatureCollection");
    assert.ok(fc.features.length > 0 && fc.features.every((f) => f.geometry.coordinates.length === 2));
    const csv = await app.request("/api/events?format=csv&type=ASSAULT");
    assert.match(csv.headers.get("content-type")!, /text\/csv/);
    assert.match((await csv.text()).split("\n")[0], /^event_date,event_type/);
  });

  test("GET /api/entities and /api/entities/{id}: by KB id, by an alias in Arabic, KB-only, unknown", async () => {
    const page = await get("/api/entities?limit=5", S.EntitiesPageSchema);
    assert.ok(page.total > 5);
    assert.ok(page.items[0].documents >= page.items[4].documents);
    assert.ok((await get("/api/entities?type=state", S.EntitiesPageSchema)).items.every((e) => e.type === "state"));
    assert.ok((await get("/api/entities?q=hezbollah", S.EntitiesPageSchema)).items.some((e) => e.id === "kataib-hezbollah"));
    const kh = await get("/api/entities/kataib-hezbollah", S.EntityDetailSchema);
    assert.ok(kh.documentCount >= 2 && kh.documents.length === Math.min(50, kh.documentCount));
    assert.ok(kh.aliases.includes("كتائب حزب الله"));
    assert.ok(kh.writtenAs.length > 0);
    assert.ok(kh.coMentioned.some((c) => c.id === "us-forces"));
    assert.ok(kh.relations.some((r) => r.rel === "member of"));
    const byAlias = await get(`/api/entities/${encodeURIComponent("كتائب حزب الله")}`, S.EntityDetailSchema);
    assert.equal(byAlias.id, "kataib-hezbollah");
    const place = await get("/api/entities/baghdad", S.EntityDetailSchema);
    assert.ok(place.lat !== null && place.lon !== null);
    await fails(`/api/entities/${encodeURIComponent("Nobody Anywhere Brigade")}`, 404, "E_NOT_FOUND");
  });

  test("GET /api/quotes: speakers and documents, filtered", async () => {
    const all = await get("/api/quotes", S.QuotesPageSchema);
    assert.ok(all.total >= 1);
    const q = all.items.find((x) => x.speakerKb)!;
    const by = await get(`/api/quotes?speaker=${q.speakerKb}`, S.QuotesPageSchema);
    assert.ok(by.items.every((x) => x.speakerKb === q.speakerKb || (x.speaker ?? "").toLowerCase().includes(q.speakerKb!)));
    const inDoc = await get(`/api/quotes?doc=${q.docId}`, S.QuotesPageSchema);
    assert.ok(inDoc.items.every((x) => x.docId === q.docId));
  });

  test("GET /api/framing: per outlet, per story, per entity", async () => {
    const all = await get("/api/framing", S.FramingSchema);
    assert.equal(all.analysed, (await store.stats()).documents);
    assert.ok(all.naming.length > 0);
    const story = (await get("/api/stories", S.StoriesPageSchema)).items[0];
    const one = await get(`/api/framing?story=${story.id}`, S.FramingSchema);
    assert.equal(one.matching, story.documents);
    const kh = await get("/api/framing?entity=kataib-hezbollah", S.FramingSchema);
    assert.ok(kh.naming.every((r) => r.kb === "kataib-hezbollah"));
    await fails("/api/framing?story=nope", 404, "E_NOT_FOUND");
  });

  test("GET /api/timeline: stance steps with the documents behind them", async () => {
    const t = await get("/api/timeline?actor=iraqi-resistance&toward=us-forces", S.TimelineSchema);
    assert.equal(t.actor.id, "iraqi-resistance");
    assert.ok(t.steps.length >= 2, JSON.stringify(t.steps.map((s) => s.stance)));
    assert.equal(t.stepCount, t.steps.length);
    assert.ok(t.steps.every((s) => s.events.length <= 10 && s.eventCount >= s.events.length && s.events.every((e) => e.evidence.length > 0)));
    const last = await get("/api/timeline?actor=iraqi-resistance&toward=us-forces&limit=1", S.TimelineSchema);
    assert.deepEqual([last.steps.length, last.stepCount, last.steps[0].stance], [1, t.stepCount, t.steps[t.steps.length - 1].stance]);
    for (const s of t.steps) for (const e of s.events) assert.ok(await store.hasDocument(e.docId));
    await fails("/api/timeline?actor=nobody-at-all", 404, "E_NOT_FOUND");
  });

  test("GET /api/graph: nodes and typed edges between them", async () => {
    const g = await get("/api/graph", S.GraphSchema);
    assert.ok(g.edges.length > 0);
    const ids = new Set(g.nodes.map((n) => n.id));
    assert.ok(g.edges.every((e) => ids.has(e.source) && ids.has(e.target)));
    assert.ok(g.edges.some((e) => e.kind === "acts-against"));
    assert.ok(g.edges.some((e) => e.kind === "speaks-for"));
    const assaults = await get("/api/graph?type=ASSAULT&limit=3", S.GraphSchema);
    assert.ok(assaults.edges.length <= 3 && assaults.edges.every((e) => e.kind === "acts-against"));
  });
});

describe("POST /api/ingest", () => {
  const article = "Baghdad, March 4 -- A drone struck a warehouse near the airport road on Tuesday, the Iraqi Interior Ministry said. Nobody was hurt.";

  test("JSON text is analysed and stored; the same text again is a duplicate", async () => {
    const s = await openStore(":memory:");
    const a = createApp({ store: s, ctx: testContext(), uiDir: noUi });
    const r = await a.request("/api/ingest", postJson({ text: article, file: "warehouse.txt", outlet: "Desk Test Wire", published: "2024-03-05" }));
    const body = S.IngestResultSchema.parse(await r.json());
    assert.equal(r.status, 200);
    assert.deepEqual([body.inserted, body.duplicates, body.failed], [1, 0, 0]);
    assert.equal(body.documents[0].file, "warehouse.txt");
    const again = S.IngestResultSchema.parse(await (await a.request("/api/ingest", postJson({ text: article }))).json());
    assert.deepEqual([again.inserted, again.duplicates], [0, 1]);
    const d = S.DocumentDetailSchema.parse(await (await a.request(`/api/documents/${body.documents[0].id}`)).json());
    assert.equal(d.text, article);
    await s.close();
  });

  test("raw text/plain, text/html and application/x-ndjson bodies; a bad JSONL line is reported, the rest stored", async () => {
    const s = await openStore(":memory:");
    const a = createApp({ store: s, ctx: testContext(), uiDir: noUi });
    const plain = await a.request("/api/ingest?outlet=Desk%20Test%20Wire&file=plain.txt", { method: "POST", headers: { "content-type": "text/plain; charset=utf-8" }, body: article });
    assert.equal(S.IngestResultSchema.parse(await plain.json()).documents[0].outlet, "Desk Test Wire");
    const html = await a.request("/api/ingest", { method: "POST", headers: { "content-type": "text/html" }, body: `<html><body><h1>Warehouse hit</h1><p>${article} Extra line for a new id.</p></body></html>` });
    assert.equal(S.IngestResultSchema.parse(await html.json()).inserted, 1);
    const lines = [JSON.stringify({ id: "line-1", text: `${article} First copy.` }), "{not json", JSON.stringify({ id: "line-3", text: `${article} Third copy.` })].join("\n");
    const nd = S.IngestResultSchema.parse(await (await a.request("/api/ingest", { method: "POST", headers: { "content-type": "application/x-ndjson" }, body: lines })).json());
    assert.deepEqual([nd.inserted, nd.failed], [2, 1]);
    assert.equal(nd.failures[0].diagnostics[0].code, "E_JSONL");
    await s.close();
  });

  test("bad requests: nothing, two bodies, broken JSON, an unsupported type, a file: URL", async () => {
    await fails("/api/ingest", 400, "E_VALIDATION", postJson({}));
    await fails("/api/ingest", 400, "E_VALIDATION", postJson({ text: "a", html: "<p>b</p>" }));
    await fails("/api/ingest", 400, "E_VALIDATION", postJson({ text: "   " }));
    await fails("/api/ingest", 400, "E_VALIDATION", postJson({ text: 42 }));
    await fails("/api/ingest", 400, "E_VALIDATION", { method: "POST", headers: { "content-type": "application/json" }, body: "{oops" });
    await fails("/api/ingest", 415, "E_MEDIA_TYPE", { method: "POST", headers: { "content-type": "application/pdf" }, body: "%PDF-1.4" });
    await fails("/api/ingest", 400, "E_VALIDATION", postJson({ url: "file:///etc/passwd" }));
  });

  test("a body over the limit is 413", async () => {
    const small = createApp({ store, ctx: testContext(), uiDir: noUi, maxBodyBytes: 1000 });
    await fails("/api/ingest", 413, "E_TOO_LARGE", postJson({ text: "x".repeat(5000) }), small);
    await fails("/api/ingest", 413, "E_TOO_LARGE", { method: "POST", headers: { "content-type": "text/plain" }, body: "y".repeat(5000) }, small);
  });

  test("URLs on loopback and private addresses are refused unless allowed", async () => {
    for (const url of ["http://127.0.0.1:9/x", "http://localhost/x", "http://10.1.2.3/", "http://169.254.169.254/latest/meta-data/", "http://[::1]/x", "http://[::ffff:127.0.0.1]/x", "http://192.168.1.1/"])
      await fails("/api/ingest", 403, "E_URL_REFUSED", postJson({ url }));
  });

  test("with private URLs allowed, a page on the loopback is fetched and stored", async () => {
    const page = `<html><head><title>Drone strike on a depot</title></head><body><article><h1>Drone strike on a depot</h1><p>${article}</p></article></body></html>`;
    let server!: Server;
    const port = await new Promise<number>((res) => {
      server = createServer((req, rsp) => {
        if (req.url === "/page") {
          rsp.writeHead(200, { "content-type": "text/html; charset=utf-8" });
          rsp.end(page);
        } else {
          rsp.writeHead(302, { location: "http://127.0.0.1/page" });
          rsp.end();
        }
      }).listen(0, "127.0.0.1", () => res((server.address() as AddressInfo).port));
    });
    try {
      const s = await openStore(":memory:");
      const open = createApp({ store: s, ctx: testContext(), uiDir: noUi, allowPrivate: true });
      const r = S.IngestResultSchema.parse(await (await open.request("/api/ingest", postJson({ url: `http://127.0.0.1:${port}/page` }))).json());
      assert.equal(r.inserted, 1, JSON.stringify(r));
      assert.equal(r.documents[0].url, `http://127.0.0.1:${port}/page`);
      await s.close();
    } finally {
      server.close();
    }
  });
});

describe("safety", () => {
  const payload = 'Officials said <script>alert("x")</script> and <img src=x onerror=alert(1)> were found. A drone struck Erbil on Monday.';

  test("an XSS payload in an article comes back only as JSON-escaped text, never as markup", async () => {
    const s = await openStore(":memory:");
    const a = createApp({ store: s, ctx: testContext(), uiDir: noUi });
    const ing = S.IngestResultSchema.parse(await (await a.request("/api/ingest", postJson({ text: payload, title: "<b>bold</b> title" }))).json());
    const id = ing.documents[0].id;
    for (const path of [`/api/documents/${id}`, "/api/documents", "/api/search?q=alert", "/api/events", `/api/quotes?doc=${id}`, "/api/ingest"]) {
      const r = path === "/api/ingest" ? await a.request(path, postJson({ text: payload })) : await a.request(path);
      const raw = await r.text();
      assert.match(r.headers.get("content-type")!, /^application\/json/, path);
      assert.equal(r.headers.get("x-content-type-options"), "nosniff", path);
      assert.ok(!/[<>]/.test(raw), `${path} carries no markup characters: ${raw.slice(0, 200)}`);
    }
    const d = S.DocumentDetailSchema.parse(JSON.parse(await (await a.request(`/api/documents/${id}`)).text()));
    assert.equal(d.text, payload, "the exact text survives, as text");
    const hit = S.SearchPageSchema.parse(await (await a.request("/api/search?q=alert")).json());
    assert.ok(hit.items[0].snippet.includes("<script>"), "snippets are plain text, escaped only in transit");
    // Errors name what was asked for, escaped like everything else.
    const nf = await a.request(`/api/documents/${encodeURIComponent("<img src=x onerror=alert(1)>")}`);
    assert.equal(nf.status, 404);
    const nfRaw = await nf.text();
    assert.ok(!/[<>]/.test(nfRaw) && JSON.parse(nfRaw).error.message.includes("<img src=x"), nfRaw);
    // The UI's pages never echo the path or the article.
    const ui = await a.request(`/documents/${id}?q=<script>alert(1)</script>`);
    assert.ok(!(await ui.text()).includes("<script>alert"));
    await s.close();
  });

  test("the UI is served with a strict CSP, assets by type, a SPA fallback, and a message when it is not built", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sitrep-ui-"));
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "index.html"), '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>');
    writeFileSync(join(dir, "assets", "app.js"), "console.log('desk');");
    const a = createApp({ store, ctx: testContext(), uiDir: dir });
    for (const path of ["/", "/stories/s1", "/documents/abc?lang=fr"]) {
      const r = await a.request(path);
      assert.equal(r.status, 200);
      assert.match(r.headers.get("content-type")!, /text\/html/);
      const csp = r.headers.get("content-security-policy")!;
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self'(;|$)/);
      assert.ok(!/unsafe-inline|unsafe-eval/.test(csp));
      assert.equal(r.headers.get("x-content-type-options"), "nosniff");
      assert.match(await r.text(), /id="root"/);
    }
    const js = await a.request("/assets/app.js");
    assert.match(js.headers.get("content-type")!, /text\/javascript/);
    assert.match(js.headers.get("cache-control")!, /immutable/);
    assert.equal((await a.request("/assets/missing.js")).status, 404);
    assert.equal((await a.request("/..%2f..%2fpackage.json")).status, 404);
    const none = await app.request("/");
    assert.match(await none.text(), /web UI is not built/);
    assert.match(none.headers.get("content-security-policy")!, /default-src 'self'/);
  });

  test("with a token: the API needs it (bearer or the cookie set by /?token=); the UI files do not", async () => {
    const token = "s3cret-token-for-tests";
    const a = createApp({ store, ctx: testContext(), uiDir: noUi, token });
    await fails("/api/health", 401, "E_UNAUTHORIZED", undefined, a);
    await fails("/openapi.json", 401, "E_UNAUTHORIZED", undefined, a);
    await fails("/api/health", 401, "E_UNAUTHORIZED", { headers: { authorization: "Bearer wrong-token" } }, a);
    await fails("/api/ingest", 401, "E_UNAUTHORIZED", postJson({ text: "x" }), a);
    assert.equal((await a.request("/api/health", { headers: { authorization: `Bearer ${token}` } })).status, 200);
    assert.equal((await a.request("/")).status, 200);
    const login = await a.request(`/stories?token=${token}&lang=fr`);
    assert.equal(login.status, 302);
    assert.equal(login.headers.get("location"), "/stories?lang=fr");
    const cookie = login.headers.get("set-cookie")!;
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Strict/i);
    assert.equal((await a.request("/api/health", { headers: { cookie: cookie.split(";")[0] } })).status, 200);
    await fails("/?token=wrong", 401, "E_UNAUTHORIZED", undefined, a);
  });

  test("without a token, foreign Host headers (DNS rebinding) and cross-site writes are refused", async () => {
    await fails("/api/health", 403, "E_FORBIDDEN", { headers: { host: "attacker.example" } });
    assert.equal((await app.request("http://127.0.0.1:8787/api/health")).status, 200);
    await fails("/api/ingest", 403, "E_FORBIDDEN", postJson({ text: "x" }, { origin: "https://attacker.example" }));
    await fails("/api/ingest", 403, "E_FORBIDDEN", postJson({ text: "x" }, { "sec-fetch-site": "cross-site" }));
  });

  test("startServer binds the loopback, and refuses any other address without a token", async () => {
    await assert.rejects(startServer({ store, ctx: testContext(), host: "0.0.0.0", port: 0 }), /without a token/);
    const srv = await startServer({ store, ctx: testContext(), port: 0, uiDir: noUi });
    try {
      assert.match(srv.url, /^http:\/\/127\.0\.0\.1:\d+$/);
      const r = await fetch(`${srv.url}/api/health`);
      assert.equal(r.status, 200);
      assert.equal(((await r.json()) as { ok: boolean }).ok, true);
    } finally {
      await srv.close();
    }
    const open = await startServer({ store, ctx: testContext(), host: "0.0.0.0", port: 0, token: "another-long-token", uiDir: noUi });
    try {
      const port = open.port;
      assert.equal((await fetch(`http://127.0.0.1:${port}/api/health`)).status, 401);
      assert.equal((await fetch(`http://127.0.0.1:${port}/api/health`, { headers: { authorization: "Bearer another-long-token" } })).status, 200);
    } finally {
      await open.close();
    }
  });
});
