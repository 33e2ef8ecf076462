import { test } from "node:test";
import assert from "node:assert/strict";
import { cleanHtml, decodeEntities } from "./clean-html.js";
import { loadCleanPatterns } from "./clean-patterns.js";
import { testContext } from "../../test-helpers/analyze-text.js";

const patterns = loadCleanPatterns(testContext().dataDir);
const html = `<!doctype html><html><head><title>Strikes hit depots | Example Wire</title>
<meta property="og:site_name" content="Example Wire"><meta property="article:published_time" content="2024-02-03T08:00:00Z">
<link rel="canonical" href="https://example.org/2024/02/03/strikes"><script>var x = "<p>not text</p>";</script></head>
<body><nav>Home | World</nav><article><h1>Strikes hit depots</h1>
<p>Baghdad, February 3 (Example Wire) &mdash; Aircraft struck three depots near the border on Friday, the army&rsquo;s spokesman said.</p>
<p>Officials said 16 people were killed.</p></article><footer>&copy; Example Wire</footer></body></html>`;

test("cleanHtml keeps the article, drops script/nav/footer, reads the head", () => {
  const r = cleanHtml(html, patterns);
  assert.ok(!r.text.includes("not text"));
  assert.ok(!r.text.includes("Home | World"));
  assert.ok(!r.text.includes("©"));
  assert.match(r.text, /^Strikes hit depots\n\nBaghdad, February 3 \(Example Wire\) — Aircraft struck/);
  assert.deepEqual(r.htmlMeta, { title: "Strikes hit depots", url: "https://example.org/2024/02/03/strikes", published: "2024-02-03T08:00:00Z", siteName: "Example Wire" });
});

test("cleanHtml offsets point into the HTML source, entities included", () => {
  const r = cleanHtml(html, patterns);
  const i = r.text.indexOf("army’s");
  const o = r.offsets.spanToOriginal({ start: i, end: i + "army’s".length });
  assert.equal(html.slice(o.start, o.end), "army&rsquo;s");
  const j = r.text.indexOf("16 people");
  const o2 = r.offsets.spanToOriginal({ start: j, end: j + 9 });
  assert.equal(html.slice(o2.start, o2.end), "16 people");
});

test("broken HTML still yields its text", () => {
  const r = cleanHtml("<html><body><p>Rockets hit the base <b>on Monday<p>Two were hurt</div></span>", patterns);
  assert.match(r.text, /Rockets hit the base on Monday/);
  assert.match(r.text, /Two were hurt/);
});

test("decodeEntities handles named, decimal and hex references", () => {
  assert.equal(decodeEntities("a&amp;b &#1576; &#x627; &unknown;"), "a&b ب ا &unknown;");
});
