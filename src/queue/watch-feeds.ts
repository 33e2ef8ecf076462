import type PgBoss from "pg-boss";
import type { SourceItem } from "../ingest/article.js";
import { decodeInput } from "../ingest/decode-input.js";
import { fetchSource } from "../ingest/fetch-source.js";
import { parseFeed } from "../ingest/parse-feed.js";
import type { NewsStore } from "../store/news-store.js";
import { enqueueItems } from "./analysis-queue.js";

/** Options of a feed watcher. */
export interface WatchOptions {
  readonly store: NewsStore;
  readonly boss: PgBoss;
  readonly maxBytes: number;
  /** Fetch implementation (tests pass a local server's). */
  readonly fetch?: typeof fetch;
  readonly jobTimeout?: number;
  readonly log?: (line: string) => void;
}

/** What one poll of one feed did. */
export interface FeedPoll {
  readonly feed: string;
  readonly entries: number;
  /** Entries not seen before. */
  readonly fresh: number;
  /** Jobs sent for them. */
  readonly queued: number;
  /** Fresh entries whose page could not be fetched: tried again next poll. */
  readonly failed: number;
  /** The feed itself could not be read. */
  readonly error?: string;
}

async function readFeed(url: string, f: typeof fetch, maxBytes: number): Promise<string> {
  const res = await f(url, { redirect: "follow", signal: AbortSignal.timeout(30_000), headers: { "user-agent": "sitrep/0.1" } });
  if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
  const decoded = decodeInput(new Uint8Array(await res.arrayBuffer()), url, maxBytes);
  if (decoded.text === null) throw new Error(decoded.diagnostics.map((d) => d.message).join("; "));
  return decoded.text;
}

/**
 * Polls one RSS/Atom feed: entries the store has not seen from it are fetched and enqueued, then remembered
 * (feed_seen), so the next poll skips them; an entry whose page failed is tried again next time.
 */
export async function pollFeed(feed: string, opts: WatchOptions): Promise<FeedPoll> {
  const f = opts.fetch ?? fetch;
  let entries;
  try {
    entries = parseFeed(await readFeed(feed, f, opts.maxBytes)).filter((e) => e.link);
  } catch (e) {
    return { feed, entries: 0, fresh: 0, queued: 0, failed: 0, error: `${feed}: cannot read the feed (${(e as Error).message})` };
  }
  const seen = await opts.store.feedSeen(feed, entries.map((e) => e.link!));
  const fresh = entries.filter((e, i) => !seen.has(e.link!) && entries.findIndex((x) => x.link === e.link) === i);
  let queued = 0, failed = 0;
  for (const entry of fresh) {
    const items: SourceItem[] = [];
    for await (const item of fetchSource(entry.link!, { maxBytes: opts.maxBytes, fetch: f })) {
      if (!item.ok) {
        items.length = 0;
        failed++;
        for (const d of item.failure.diagnostics) opts.log?.(`sitrep: ${d.code} ${d.message}`);
        break;
      }
      const s = item.article.source;
      items.push({ ok: true, article: { ...item.article, source: { ...s, title: s.title ?? entry.title, published: s.published ?? entry.published } } });
    }
    if (!items.length) continue;
    const r = await enqueueItems(opts.boss, opts.store, items, { jobTimeout: opts.jobTimeout });
    queued += r.queued;
    await opts.store.markFeedSeen(feed, [entry.link!]);
  }
  return { feed, entries: entries.length, fresh: fresh.length, queued, failed };
}

/** Polls every feed now, then every `everySeconds` until the signal aborts (or once). */
export async function watchFeeds(feeds: readonly string[], opts: WatchOptions & { everySeconds: number; once?: boolean; signal?: AbortSignal }): Promise<void> {
  for (;;) {
    for (const feed of feeds) {
      if (opts.signal?.aborted) return;
      const p = await pollFeed(feed, opts);
      opts.log?.(p.error ? `sitrep: E_INPUT ${p.error}` : `${new Date().toISOString()} ${feed}: ${p.entries} entries, ${p.fresh} new, ${p.queued} queued${p.failed ? `, ${p.failed} failed (retried next poll)` : ""}`);
    }
    if (opts.once || opts.signal?.aborted) return;
    await new Promise<void>((resolve) => {
      const t = setTimeout(resolve, opts.everySeconds * 1000);
      opts.signal?.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
    });
  }
}

/** "90", "30s", "5m", "2h" → seconds. */
export function parseInterval(v: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|h)?$/.exec(v.trim());
  if (!m) return null;
  const n = Number(m[1]) * (m[2] === "h" ? 3600 : m[2] === "m" ? 60 : 1);
  return n > 0 ? n : null;
}
