import { createReadStream, promises as fs } from "node:fs";
import { basename, extname, join } from "node:path";
import { createInterface } from "node:readline";
import type { Diagnostic, SourceFormat } from "../core/doc.js";
import type { SourceItem } from "./article.js";
import { decodeInput } from "./decode-input.js";
import { fetchSource } from "./fetch-source.js";

/** Options for reading sources. */
export interface ReadOptions {
  /** Largest single article, in bytes (default 5 MB). */
  readonly maxBytes?: number;
  /** Fetch implementation for URLs (tests pass a stub server's fetch). */
  readonly fetch?: typeof fetch;
}

export const DEFAULT_MAX_BYTES = 5_000_000;
const TEXT_EXT = new Set([".txt", ".text"]);
const MD_EXT = new Set([".md", ".markdown"]);
const HTML_EXT = new Set([".html", ".htm", ".xhtml"]);
const JSONL_EXT = new Set([".jsonl", ".ndjson"]);

/** The format of a file by its extension, sniffing the content when the extension says nothing. */
export function formatOf(path: string, head: string): SourceFormat {
  const ext = extname(path).toLowerCase();
  if (TEXT_EXT.has(ext)) return "text";
  if (MD_EXT.has(ext)) return "markdown";
  if (HTML_EXT.has(ext)) return "html";
  if (JSONL_EXT.has(ext)) return "jsonl";
  const h = head.trimStart().slice(0, 512).toLowerCase();
  if (h.startsWith("<!doctype html") || h.startsWith("<html") || /<(head|body|article|div|p)[\s>]/.test(h)) return "html";
  if (h.startsWith("{")) return "jsonl";
  return "text";
}

function fail(file: string, origin: string, diagnostics: readonly Diagnostic[]): SourceItem {
  return { ok: false, failure: { source: { file, origin }, diagnostics } };
}

function err(code: string, message: string): Diagnostic {
  return { severity: "error", code, stage: "ingest", message };
}

/** Lists the files under a directory, recursively, in a stable order; hidden files are skipped. */
async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const entries = await fs.readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listFiles(p)));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

/** Reads one JSON Lines record into an item; a malformed line is a failure naming the line. */
export function parseJsonlRecord(line: string, origin: string, lineNo: number, maxBytes: number): SourceItem | null {
  const where = `${origin}:${lineNo}`;
  if (line.trim() === "") return null;
  if (line.length > maxBytes) return fail(`${basename(origin)}:${lineNo}`, where, [err("E_TOO_LARGE", `${where}: record over the ${maxBytes} byte limit`)]);
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (e) {
    return fail(`${basename(origin)}:${lineNo}`, where, [
      err("E_JSONL", `${where}: not valid JSON (${(e as Error).message}); each line must be one object {"id", "text" | "html", …}`),
    ]);
  }
  if (!rec || typeof rec !== "object" || Array.isArray(rec)) {
    return fail(`${basename(origin)}:${lineNo}`, where, [err("E_JSONL", `${where}: expected a JSON object per line`)]);
  }
  const r = rec as Record<string, unknown>;
  const str = (k: string) => (typeof r[k] === "string" && (r[k] as string).trim() !== "" ? (r[k] as string) : null);
  const id = str("id") ?? (typeof r.id === "number" ? String(r.id) : null) ?? `${basename(origin)}:${lineNo}`;
  const text = str("text");
  const html = str("html");
  if (!text && !html) {
    return fail(id, where, [err("E_EMPTY", `${where}: record "${id}" has no "text" or "html" field with content`)]);
  }
  const diagnostics: Diagnostic[] = [];
  const raw = (text ?? html) as string;
  if (raw.includes("\uFFFD")) {
    diagnostics.push({ severity: "warning", code: "W_INVALID_UTF8", stage: "ingest", message: `${where}: text contains U+FFFD replacement characters` });
  }
  return {
    ok: true,
    article: {
      raw,
      diagnostics,
      source: {
        file: id,
        origin: where,
        format: text ? "jsonl" : "html",
        url: str("url"),
        outlet: str("outlet"),
        published: str("published"),
        title: str("title"),
      },
    },
  };
}

async function* readJsonl(path: string, maxBytes: number): AsyncGenerator<SourceItem> {
  const rl = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of rl) {
    n++;
    const item = parseJsonlRecord(line, path, n, maxBytes);
    if (item) yield item;
  }
}

async function* readFile(path: string, maxBytes: number): AsyncGenerator<SourceItem> {
  const file = basename(path);
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (e) {
    yield fail(file, path, [err("E_INPUT", `${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); check the path`)]);
    return;
  }
  const ext = extname(path).toLowerCase();
  if (JSONL_EXT.has(ext)) {
    yield* readJsonl(path, maxBytes);
    return;
  }
  if (stat.size > maxBytes) {
    yield fail(file, path, [
      err("E_TOO_LARGE", `${path}: ${(stat.size / 1e6).toFixed(1)} MB is over the ${(maxBytes / 1e6).toFixed(1)} MB limit for one article; raise it with --max-bytes if this really is one article`),
    ]);
    return;
  }
  const buf = await fs.readFile(path);
  const decoded = decodeInput(buf, path, maxBytes);
  if (decoded.text === null) {
    yield fail(file, path, decoded.diagnostics);
    return;
  }
  const format = formatOf(path, decoded.text.slice(0, 1024));
  if (format === "jsonl") {
    let n = 0;
    for (const line of decoded.text.split(/\r?\n/)) {
      n++;
      const item = parseJsonlRecord(line, path, n, maxBytes);
      if (item) yield item;
    }
    return;
  }
  yield { ok: true, article: { raw: decoded.text, diagnostics: decoded.diagnostics, source: { file, origin: path, format } } };
}

/**
 * Reads every input: files, directories (recursively), JSON Lines, and http(s) URLs of pages or RSS/Atom feeds.
 * Never throws for a bad item: it yields a failure naming the item, and goes on.
 */
export async function* readSources(inputs: readonly string[], opts: ReadOptions = {}): AsyncGenerator<SourceItem> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const input of inputs) {
    if (/^https?:\/\//i.test(input)) {
      yield* fetchSource(input, { maxBytes, fetch: opts.fetch });
      continue;
    }
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      yield fail(basename(input), input, [err("E_INPUT", `${input}: no such file or directory; give a file, a directory, or an http(s) URL`)]);
      continue;
    }
    if (stat.isDirectory()) {
      for (const f of await listFiles(input)) yield* readFile(f, maxBytes);
    } else {
      yield* readFile(input, maxBytes);
    }
  }
}
