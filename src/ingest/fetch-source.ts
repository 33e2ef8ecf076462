import { basename } from "node:path";
import type { Diagnostic } from "../core/doc.js";
import type { SourceItem } from "./article.js";
import { decodeInput } from "./decode-input.js";
import { parseFeed } from "./parse-feed.js";

function fail(url: string, message: string): SourceItem {
  const d: Diagnostic = { severity: "error", code: "E_INPUT", stage: "ingest", message };
  return { ok: false, failure: { source: { file: url, origin: url }, diagnostics: [d] } };
}

async function get(url: string, f: typeof fetch, maxBytes: number): Promise<{ body: Uint8Array; type: string } | string> {
  try {
    const res = await f(url, { redirect: "follow", signal: AbortSignal.timeout(30_000), headers: { "user-agent": "sitrep/0.1" } });
    if (!res.ok) return `${url}: HTTP ${res.status} ${res.statusText}`;
    const len = Number(res.headers.get("content-length") ?? 0);
    if (len > maxBytes) return `${url}: ${len} bytes is over the ${maxBytes} byte limit; raise it with --max-bytes`;
    const body = new Uint8Array(await res.arrayBuffer());
    return { body, type: res.headers.get("content-type") ?? "" };
  } catch (e) {
    return `${url}: cannot fetch (${(e as Error).message}); check the address and the network`;
  }
}

/** Fetches a page, or a feed and then each of its entries. */
export async function* fetchSource(url: string, opts: { maxBytes: number; fetch?: typeof fetch }): AsyncGenerator<SourceItem> {
  const f = opts.fetch ?? fetch;
  const got = await get(url, f, opts.maxBytes);
  if (typeof got === "string") {
    yield fail(url, got);
    return;
  }
  const decoded = decodeInput(got.body, url, opts.maxBytes);
  if (decoded.text === null) {
    yield { ok: false, failure: { source: { file: url, origin: url }, diagnostics: decoded.diagnostics } };
    return;
  }
  const head = decoded.text.slice(0, 2048).toLowerCase();
  const isFeed = /(rss|atom)\+xml|\/xml/.test(got.type) || /<rss[\s>]|<feed[\s>]/.test(head);
  if (isFeed) {
    for (const entry of parseFeed(decoded.text)) {
      if (!entry.link) continue;
      for await (const item of fetchSource(entry.link, opts)) {
        if (item.ok) {
          const s = item.article.source;
          yield {
            ok: true,
            article: {
              ...item.article,
              source: { ...s, title: s.title ?? entry.title, published: s.published ?? entry.published },
            },
          };
        } else yield item;
      }
    }
    return;
  }
  const file = basename(new URL(url).pathname) || new URL(url).host;
  yield { ok: true, article: { raw: decoded.text, diagnostics: decoded.diagnostics, source: { file, origin: url, format: "html", url } } };
}
