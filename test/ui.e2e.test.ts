// End-to-end: the web UI in Debian's Chromium (playwright-core), against `sitrep serve` over the project's own
// examples/ plus a hostile article written here. Opens every view, uses a filter and the search, follows a story to
// its documents, checks each view shows real content, and saves a screenshot of each to out/screenshots/<view>.png.
// Skipped (with a message) when /usr/bin/chromium is absent, unless SITREP_REQUIRE_BROWSER=1 (CI).
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import type { RunningServer } from "../src/server/start-server.ts";
import type { NewsStore } from "../src/store/news-store.ts";
import { segmentSpans } from "../ui/src/lib/segment-spans.ts";
import { markupRanges } from "../ui/src/lib/markup-ranges.ts";

const root = join(import.meta.dirname, "..");
const CHROMIUM = process.env.SITREP_CHROMIUM ?? "/usr/bin/chromium";
const shots = join(root, "out", "screenshots");
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.SITREP_REQUIRE_BROWSER === "1") throw new Error(`SITREP_REQUIRE_BROWSER=1 but ${CHROMIUM} is missing: apt-get install chromium`);
const skip = haveBrowser ? false : `${CHROMIUM} not found: install Debian's chromium to run the browser tests (set SITREP_REQUIRE_BROWSER=1 to make this a failure)`;

// A hostile article of our own: markup and script in the title and body must show as text and never run. It also
// carries loaded terms, which the examples do not, for the framing layer.
const XSS_TITLE = `Probe <img src=x onerror="window.__xss=1;alert(1)"> rocket report`;
const XSS_ARTICLE = `${XSS_TITLE}

Baghdad, March 2 (Test Wire) -- A rocket struck near a base used by occupation forces in Baghdad on Monday, officials said. <script>window.__xss=2;alert(2)</script> No group claimed the attack.

"<b onmouseover=alert(3)>We will respond</b>," a spokesman for the terrorist militia said.
`;

describe("UI: span segmentation (pure)", () => {
  test("overlapping and nested marks become flat runs with every covering mark", () => {
    const text = "killed three US soldiers";
    const segs = segmentSpans(text.length, [
      { start: 0, end: 24, layer: "event", key: "ev:0", label: "e" },
      { start: 7, end: 24, layer: "entity", key: "ent:e1", label: "a" },
      { start: 13, end: 15, layer: "entity", key: "ent:e2", label: "b" },
      { start: 30, end: 40, layer: "quote", key: "q:0", label: "outside" },
      { start: 5, end: 5, layer: "date", key: "t:0", label: "empty" },
    ]);
    assert.deepEqual(
      segs.map((s) => [text.slice(s.start, s.end), s.marks.map((m) => m.key).sort()]),
      [
        ["killed ", ["ev:0"]],
        ["three ", ["ent:e1", "ev:0"]],
        ["US", ["ent:e1", "ent:e2", "ev:0"]],
        [" soldiers", ["ent:e1", "ev:0"]],
      ],
    );
    assert.equal(segs.map((s) => text.slice(s.start, s.end)).join(""), text);
  });

  test("partial overlaps cut at both boundaries; no marks gives one run", () => {
    const segs = segmentSpans(10, [
      { start: 2, end: 6, layer: "a", key: "a", label: "" },
      { start: 4, end: 8, layer: "b", key: "b", label: "" },
    ]);
    assert.deepEqual(segs.map((s) => [s.start, s.end, s.marks.map((m) => m.key).join("")]), [[0, 2, ""], [2, 4, "a"], [4, 6, "ab"], [6, 8, "b"], [8, 10, ""]]);
    assert.deepEqual(segmentSpans(5, []).map((s) => [s.start, s.end]), [[0, 5]]);
  });

  test("HTML originals: tags, hidden elements and character references are found without parsing", () => {
    const html = `<html><head><title>x</title><script>evil()</script></head><body><p>Iran&rsquo;s &amp; <b>US</b></p></body></html>`;
    const r = markupRanges(html);
    const head = r.find((x) => html.slice(x.start, x.end).startsWith("<head"));
    assert.ok(head && html.slice(head.start, head.end).endsWith("</head>"), "the head and its script are one hidden range");
    assert.deepEqual(r.filter((x) => x.char).map((x) => x.char), ["’", "&"]);
    assert.ok(r.some((x) => x.block && html.slice(x.start, x.end) === "</p>"));
    // Everything outside the ranges is the visible text.
    let visible = "";
    let at = 0;
    for (const x of r) {
      visible += html.slice(at, x.start) + (x.char ?? "");
      at = x.end;
    }
    visible += html.slice(at);
    assert.equal(visible, "Iran’s & US");
  });
});

describe("UI in the browser", { skip }, () => {
  let dir = "";
  let server: RunningServer | null = null;
  let store: NewsStore | null = null;
  let base = "";
  let browser: Browser | null = null;
  let page: Page;
  const dialogs: string[] = [];
  const problems: string[] = [];

  before(async () => {
    const build = spawnSync(process.execPath, [join(root, "scripts/build-ui.mjs"), "--if-stale", "--no-typecheck"], { cwd: root, encoding: "utf8" });
    assert.equal(build.status, 0, `building the UI failed:\n${build.stdout}\n${build.stderr}`);
    dir = mkdtempSync(join(tmpdir(), "sitrep-ui-"));
    const articles = join(dir, "articles");
    cpSync(join(root, "examples"), articles, { recursive: true });
    writeFileSync(join(articles, "xss-probe.txt"), XSS_ARTICLE);
    const db = join(dir, "ui.db");
    const ingest = spawnSync(process.execPath, ["--import", "tsx", join(root, "src/cli/entry.ts"), "ingest", articles, "--db", db, "--quiet"], { cwd: root, encoding: "utf8" });
    assert.equal(ingest.status, 0, `ingest failed:\n${ingest.stdout}\n${ingest.stderr}`);
    // The desk in this process, on a free loopback port.
    const { openStore } = await import("../src/store/open-store.ts");
    const { startServer } = await import("../src/server/start-server.ts");
    store = await openStore(db);
    server = await startServer({ store, host: "127.0.0.1", port: 0 });
    base = server.url;
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      // Playwright gives every launch a fresh, empty profile directory. The machine's network is closed:
      // no background connections.
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    page = await context.newPage();
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    // Offline by design: every request the UI makes goes to the desk itself.
    page.on("request", (r) => {
      if (!r.url().startsWith(base + "/")) problems.push(`request off the desk: ${r.url()}`);
    });
    page.on("console", (m) => {
      if (m.type() === "error" && !/status of 404/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    mkdirSync(shots, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const open = async (path: string) => {
    await page.goto(base + path);
    await page.waitForSelector("header.top");
  };

  test("stories list: real stories, a filter in the URL that survives a reload", async () => {
    await open("/");
    await page.waitForSelector("table.stories tbody tr");
    assert.match(new URL(page.url()).pathname, /^\/stories$/);
    const titles = await page.locator("table.stories .story-link").allTextContents();
    assert.ok(titles.some((t) => /Tower 22|Tour 22/.test(t)), `stories: ${titles.join(" | ")}`);
    assert.ok(titles.length >= 4);
    await shot("stories");

    await page.selectOption("form.filters select[name=language]", "fr");
    await page.waitForURL(/language=fr/);
    await page.waitForFunction(() => [...document.querySelectorAll("table.stories tbody tr")].every((r) => r.textContent!.includes("FR")));
    const frRows = await page.locator("table.stories tbody tr").count();
    assert.ok(frRows >= 1 && frRows < titles.length, `FR stories: ${frRows}`);
    await page.reload();
    await page.waitForSelector("table.stories tbody tr");
    assert.equal(await page.locator("form.filters select[name=language]").inputValue(), "fr");
    assert.equal(await page.locator("table.stories tbody tr").count(), frRows);
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes("language"));
  });

  test("story view: documents side by side, relations, merged events with each source's figures, framing", async () => {
    await open("/stories");
    await page.locator("table.stories .story-link", { hasText: /Tower 22|Tour 22/ }).first().click();
    await page.waitForSelector(".story-view .lang-col");
    assert.match(page.url(), /\/stories\/[^/?]+$/);
    const langs = await page.locator(".lang-col").evaluateAll((els) => els.map((e) => e.getAttribute("data-lang")));
    assert.ok(langs.includes("en") && langs.includes("fr"), `language columns: ${langs.join(", ")}`);
    await page.waitForSelector(".member .doc-text");
    assert.ok((await page.locator(".member").count()) >= 2);
    assert.match(await page.locator("ul.relations").innerText(), /translation/);
    assert.ok((await page.locator("table.merged tbody tr").count()) >= 1);
    assert.match(await page.locator("table.merged").innerText(), /killed\s+3 per \S+/);
    assert.ok((await page.locator("#h-fr ~ table.naming tbody tr, section:has(#h-fr) table.naming tbody tr").count()) >= 1, "the framing lens lists at least one actor");
    await shot("story");

    // Follow the story to a document.
    await page.locator(".lang-col[data-lang=fr] .member-title").first().click();
    await page.waitForSelector(".doc-view .doc-text");
    assert.match(page.url(), /\/documents\//);
    assert.match(await page.locator(".reader h1").innerText(), /Tour 22/);
  });

  test("document view: highlighted layers, field evidence, layer toggles, overlapping spans", async () => {
    await open("/search?q=Tour%2022&language=fr");
    await page.locator(".result-title", { hasText: "Tour 22" }).first().click();
    await page.waitForSelector(".doc-view .doc-text .m-entity");
    const url = new URL(page.url());
    assert.ok((await page.locator(".doc-text .m-entity").count()) > 3);
    assert.ok((await page.locator(".doc-text .m-event").count()) > 0);
    // Segments tile the text: the rendered text is the original's, whatever overlaps.
    const shown = await page.locator(".doc-text").innerText();
    assert.match(shown, /Résistance islamique en Irak/);
    assert.ok((await page.locator(".doc-text .m-entity.m-event").count()) > 0, "entity mentions inside event evidence render as overlapping segments");
    // Selecting an event outlines its evidence and the URL keeps it.
    await page.locator(".event-card .ev-head").first().click();
    await page.waitForURL(/sel=ev%3A0|sel=ev:0/);
    assert.ok((await page.locator(".doc-text .sel").count()) > 0);
    // A slot: its words are located in the evidence.
    await page.locator(".event-card").first().locator("button.slot").first().click();
    await page.waitForSelector(".doc-text .m-field.sel, .doc-text .sel");
    await page.locator(".field button.fk", { hasText: "published" }).click();
    await shot("document");
    // Toggling a layer off removes its highlights, and back on restores them.
    await page.locator("label.layer.lg-entity input").uncheck();
    await page.waitForURL(/hide=entity/);
    assert.equal(await page.locator(".doc-text .m-entity").count(), 0);
    await page.locator("label.layer.lg-entity input").check();
    assert.ok((await page.locator(".doc-text .m-entity").count()) > 0);
    assert.equal(url.origin, base);
  });

  test("document view: Arabic right to left, HTML shown as text", async () => {
    await open("/search?language=ar");
    await page.locator(".result-title").first().click();
    await page.waitForSelector(".doc-view .doc-text");
    assert.equal(await page.locator(".doc-text").getAttribute("dir"), "rtl");
    assert.match(await page.locator(".doc-text").innerText(), /كتائب حزب الله/);
    await shot("document-ar");
    await open("/search?q=85%20targets");
    await page.locator(".result-title").first().click();
    await page.waitForSelector(".doc-view .doc-text.html");
    const text = await page.locator(".doc-text").innerText();
    assert.match(text, /US forces struck more than 85 targets/);
    assert.doesNotMatch(text, /<p>|window\.tracking/, "markup and the page's script stay hidden");
  });

  test("events timeline: marks on a time axis, a type filter, a click opens the evidence", async () => {
    await open("/events");
    await page.waitForSelector(".timeline-chart .ev-mark");
    const all = await page.locator(".timeline-chart .ev-mark").count();
    assert.ok(all >= 10, `marks: ${all}`);
    assert.ok((await page.locator("table.events-table tbody tr").count()) >= all);
    await shot("events");
    await page.selectOption("form.filters select[name=type]", "ASSAULT");
    await page.waitForURL(/type=ASSAULT/);
    await page.waitForFunction(() => [...document.querySelectorAll("table.events-table .type")].every((e) => e.textContent === "ASSAULT"));
    // Dragging across the axis zooms to that period: since/until in the URL.
    const box = (await page.locator(".timeline-chart svg").boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.9, box.y + 40);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.95, box.y + 45, { steps: 4 });
    await page.mouse.move(box.x + box.width - 4, box.y + 45, { steps: 4 });
    await page.mouse.up();
    await page.waitForURL((u) => u.searchParams.has("since") && u.searchParams.has("until"));
    await page.waitForSelector(".timeline-chart .ev-mark");
    await shot("events-zoomed");
    // The mark drawn last is on top of any it overlaps.
    await page.locator(".timeline-chart .ev-mark").last().click();
    await page.waitForURL(/\/documents\/.*sel=ev/);
    await page.waitForSelector(".doc-text .sel");
  });

  test("map: offline country shapes, events by place, click lists them", async () => {
    await open("/map");
    await page.waitForSelector(".map-chart .place");
    assert.ok((await page.locator(".map-chart path.country").count()) > 150, "world-atlas countries are drawn");
    const places = await page.locator(".map-chart .place").count();
    assert.ok(places >= 3, `places: ${places}`);
    await shot("map");
    await page.locator(".map-chart .place").first().click();
    await page.waitForURL(/at=/);
    await page.waitForSelector(".map-side table.events-table tbody tr");
    await page.locator(".map-side .ev-open").first().click();
    await page.waitForURL(/\/documents\//);
  });

  test("actor graph: actors and relations, a click shows the entity", async () => {
    await open("/graph");
    await page.waitForSelector(".graph-chart .node");
    assert.ok((await page.locator(".graph-chart .node").count()) >= 3);
    assert.ok((await page.locator(".graph-chart .edge").count()) >= 2);
    const name = (await page.locator(".graph-chart .node .node-label").first().textContent()) ?? "";
    await page.locator(".graph-chart .node").first().click();
    await page.waitForURL(/focus=/);
    await page.waitForSelector(".entity-panel h2");
    assert.equal((await page.locator(".entity-panel h2").innerText()).trim(), name.trim());
    await page.waitForSelector(".entity-panel .doc-list li");
    await shot("graph");
  });

  test("stance timeline: truce and attacks in order, with the evidence behind each step", async () => {
    await open("/stance");
    await page.waitForSelector(".suggest a.chip");
    await page.fill("input[name=actor]", "kataib-hezbollah");
    await page.locator("form.filters button.apply").click();
    await page.waitForURL(/actor=kataib-hezbollah/);
    await page.waitForSelector("ol.stance-strip .step");
    const stances = await page.locator("ol.stance-strip .step-chip strong").allTextContents();
    assert.ok(stances.includes("suspended"), `stances: ${stances.join(" → ")}`);
    assert.ok((await page.locator(".step-card li").count()) >= stances.length);
    await shot("stance");
    await page.locator(".step-card a.said").first().click();
    await page.waitForURL(/\/documents\//);
    await page.waitForSelector(".doc-text .sel");
  });

  test("search from the header: snippets as text with the words marked", async () => {
    await open("/stories");
    await page.fill("header form.search input", "drone");
    await page.press("header form.search input", "Enter");
    await page.waitForURL(/\/search\?q=drone/);
    await page.waitForSelector("li.result");
    assert.ok((await page.locator("li.result").count()) >= 2);
    assert.ok((await page.locator("p.snippet mark").count()) >= 1);
    await shot("search");
    // Search plus a filter: only matching French documents.
    await page.selectOption("form.filters select[name=language]", "fr");
    await page.waitForURL(/language=fr/);
    await page.waitForFunction(() => document.querySelectorAll("li.result").length > 0 && [...document.querySelectorAll("li.result .lang")].every((e) => e.textContent === "FR"));
    await open("/search?q=zzzqqxxnothing");
    await page.waitForSelector(".state.empty");
  });

  test("hostile article text shows as text; nothing runs", async () => {
    await open("/search?q=Probe");
    await page.waitForSelector("li.result");
    await page.locator("li.result .result-title").first().click();
    await page.waitForSelector(".doc-view .doc-text");
    const text = await page.locator(".doc-text").innerText();
    assert.ok(text.includes("<script>window.__xss=2;alert(2)</script>"), "the script tag shows as text");
    assert.ok(text.includes('<img src=x onerror="window.__xss=1;alert(1)">'));
    assert.equal(await page.locator(".doc-view img, .doc-view script, .doc-view b").count(), 0);
    // Its loaded terms are highlighted and listed with their neutral alternative.
    assert.deepEqual(await page.locator(".doc-text .m-framing").allTextContents(), ["occupation forces", "terrorist militia"]);
    await page.locator("button.term", { hasText: "terrorist militia" }).click();
    await page.waitForSelector(".doc-text .m-framing.sel");
    assert.match(await page.locator("button.term.sel").innerText(), /armed group/);
    await shot("document-framing");
    await open("/stories?q=Probe");
    await page.waitForSelector("table.stories tbody tr");
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? null), null);
    assert.deepEqual(dialogs, []);
    await shot("xss");
  });

  test("a server with a token: the UI asks for it, takes it from #token= or the header field, then loads", async () => {
    const { startServer } = await import("../src/server/start-server.ts");
    const token = "ui-e2e-token-0123456789";
    const guarded = await startServer({ store: store!, host: "127.0.0.1", port: 0, token });
    const context = await browser!.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const p = await context.newPage();
      await p.goto(`${guarded.url}/stories`);
      await p.waitForSelector(".state.error");
      assert.match(await p.locator(".state.error").innerText(), /E_UNAUTHORIZED/);
      await p.fill("header .token input", token);
      await p.press("header .token input", "Enter");
      await p.waitForSelector("table.stories tbody tr");
      // A fresh tab of the same session: the token from the address's fragment, then gone from the address.
      const q = await context.newPage();
      await q.goto(`${guarded.url}/events#token=${token}`);
      await q.waitForSelector(".timeline-chart .ev-mark");
      assert.equal(new URL(q.url()).hash, "");
    } finally {
      await context.close();
      await guarded.close();
    }
  });

  test("errors and empty states are shown, and no view logged an error", async () => {
    await open("/stories/no-such-story");
    await page.waitForSelector(".state.error");
    assert.match(await page.locator(".state.error").innerText(), /404|not found|no story/i);
    await open("/documents/no-such-document");
    await page.waitForSelector(".state.error");
    assert.deepEqual(problems, []);
  });
});
