import type { SourceFormat } from "../core/doc.js";
import { SitrepError } from "../core/errors.js";
import type { SourceItem } from "../ingest/article.js";
import { fetchSource } from "../ingest/fetch-source.js";
import { parseJsonlRecord } from "../ingest/read-sources.js";
import { checkUrl, guardedFetch } from "./guarded-fetch.js";

/** What POST /api/ingest received, after its content type was read. */
export interface IngestInput {
  readonly text?: string;
  readonly html?: string;
  readonly jsonl?: string;
  /** Alone: the address to fetch. With text or html: the article's own address. */
  readonly url?: string;
  readonly file?: string;
  readonly outlet?: string;
  readonly published?: string;
  readonly title?: string;
}

/**
 * The items to ingest from one request: one article (text or HTML), the records of a JSON Lines body, or the page or
 * feed at a URL, fetched with {@link guardedFetch}. A request that is not exactly one of these is a 400.
 */
export function requestItems(input: IngestInput, opts: { allowPrivate: boolean; maxBytes: number; fetch?: typeof fetch }): AsyncIterable<SourceItem> | SourceItem[] {
  const bodies = (["text", "html", "jsonl"] as const).filter((k) => input[k] !== undefined);
  if (bodies.length > 1) throw new SitrepError("E_VALIDATION", `give one of text, html or jsonl, not ${bodies.join(" and ")}`);
  if (!bodies.length) {
    if (!input.url) throw new SitrepError("E_VALIDATION", "nothing to ingest", 'send {"text": …}, {"html": …}, {"jsonl": …} or {"url": …}');
    checkUrl(input.url, opts.allowPrivate);
    return fetchSource(input.url, { maxBytes: opts.maxBytes, fetch: opts.fetch ?? guardedFetch({ allowPrivate: opts.allowPrivate, maxBytes: opts.maxBytes }) });
  }
  const kind = bodies[0];
  const raw = input[kind]!;
  if (raw.trim() === "") throw new SitrepError("E_VALIDATION", `"${kind}" is empty`, "send the article's text");
  if (kind === "jsonl") {
    const items: SourceItem[] = [];
    raw.split(/\r?\n/).forEach((line, i) => {
      const item = parseJsonlRecord(line, input.file ?? "request.jsonl", i + 1, opts.maxBytes);
      if (item) items.push(item);
    });
    return items;
  }
  const format: SourceFormat = kind === "html" ? "html" : "text";
  const file = input.file ?? `api-${new Date().toISOString().replace(/[:.]/g, "-")}.${kind === "html" ? "html" : "txt"}`;
  if (Buffer.byteLength(raw) > opts.maxBytes) {
    return [{ ok: false, failure: { source: { file, origin: "api" }, diagnostics: [{ severity: "error", code: "E_TOO_LARGE", stage: "ingest", message: `${file}: over the ${opts.maxBytes} byte limit for one article` }] } }];
  }
  return [
    {
      ok: true,
      article: {
        raw,
        diagnostics: raw.includes("\uFFFD") ? [{ severity: "warning", code: "W_INVALID_UTF8", stage: "ingest", message: `${file}: text contains U+FFFD replacement characters` }] : [],
        source: { file, origin: "api", format, url: input.url ?? null, outlet: input.outlet ?? null, published: input.published ?? null, title: input.title ?? null },
      },
    },
  ];
}
