import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readSources } from "./read-sources.js";
import type { SourceItem } from "./article.js";

// A loopback server with a page, an RSS feed listing it and a missing page; bounded to this test.
async function withServer(fn: (base: string) => Promise<void>): Promise<void> {
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (req.url === "/a.html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end("<html><head><title>Base shelled</title></head><body><article><p>Mortar rounds hit a base on Tuesday, a spokesman said.</p></article></body></html>");
    } else if (req.url === "/feed.xml") {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
        <item><title>Base shelled</title><link>${base}/a.html</link><pubDate>Tue, 30 Jan 2024 10:00:00 GMT</pubDate></item>
        <item><title>Gone</title><link>${base}/missing.html</link></item></channel></rss>`);
    } else {
      res.writeHead(404);
      res.end("not found");
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  try {
    await fn(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.close();
  }
}

test("a feed URL yields its entries' pages with the feed's title and date; a 404 is a failure naming the URL", async () => {
  await withServer(async (base) => {
    const items: SourceItem[] = [];
    for await (const i of readSources([`${base}/feed.xml`])) items.push(i);
    assert.equal(items.length, 2);
    const [ok, bad] = items;
    assert.ok(ok.ok);
    assert.equal(ok.article.source.format, "html");
    assert.equal(ok.article.source.url, `${base}/a.html`);
    assert.equal(ok.article.source.published, "Tue, 30 Jan 2024 10:00:00 GMT");
    assert.match(ok.article.raw, /Mortar rounds/);
    assert.ok(!bad.ok);
    assert.match(bad.failure.diagnostics[0].message, /missing\.html: HTTP 404/);
  });
});
