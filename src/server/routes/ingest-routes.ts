import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { SitrepError } from "../../core/errors.js";
import { ingestItems } from "../../ingest.js";
import type { DeskDeps } from "../desk-deps.js";
import { summariseIssues } from "../error-response.js";
import { assertPublicHost } from "../guarded-fetch.js";
import { requestItems, type IngestInput } from "../request-items.js";
import { respond } from "../respond.js";
import { ErrorSchema, IngestMetaQuery, IngestRequestSchema, IngestResultSchema } from "../schemas.js";
import { ERROR_RESPONSES } from "./error-responses.js";

/** Raw body content types and what they hold. */
const RAW: Record<string, "text" | "html" | "jsonl"> = {
  "text/plain": "text",
  "text/markdown": "text",
  "text/html": "html",
  "application/xhtml+xml": "html",
  "application/x-ndjson": "jsonl",
  "application/jsonl": "jsonl",
  "application/x-jsonlines": "jsonl",
  "application/jsonlines": "jsonl",
};

const errorOf = (description: string) => ({ description, content: { "application/json": { schema: ErrorSchema } } });

const route = createRoute({
  method: "post",
  path: "/api/ingest",
  summary: "Analyse and store articles: text, HTML, JSON Lines, or the page or feed at a URL",
  description:
    "JSON {text|html|jsonl|url, file?, outlet?, url?, published?, title?}, or a raw body as text/plain, text/html or " +
    "application/x-ndjson with the metadata as query parameters. URLs resolving to private, loopback or link-local " +
    "addresses are refused unless the server allows them. Each item gets a status; a bad item never stops the others.",
  request: {
    query: IngestMetaQuery,
    body: {
      required: false,
      content: {
        "application/json": { schema: IngestRequestSchema },
        "text/plain": { schema: z.string() },
        "text/html": { schema: z.string() },
        "application/x-ndjson": { schema: z.string() },
      },
    },
  },
  responses: {
    200: { description: "What was stored, what was already there, and what failed with its diagnostics", content: { "application/json": { schema: IngestResultSchema } } },
    ...ERROR_RESPONSES,
    403: errorOf("The URL resolves to a private, loopback or link-local address"),
    413: errorOf("The body is over the server's size limit"),
    415: errorOf("Unsupported content type"),
  },
});

/** POST /api/ingest */
export function ingestRoutes(app: OpenAPIHono, deps: DeskDeps): void {
  app.openapi(route, async (c) => {
    const type = (c.req.header("content-type") ?? "").split(";")[0].trim().toLowerCase();
    let input: IngestInput;
    if (type === "application/json" || type.endsWith("+json")) {
      input = c.req.valid("json") as IngestInput;
    } else if (RAW[type]) {
      const meta = IngestMetaQuery.safeParse(c.req.query());
      if (!meta.success) throw Object.assign(new SitrepError("E_VALIDATION", "invalid query parameters"), { issues: summariseIssues(meta.error) });
      input = { ...meta.data, [RAW[type]]: await c.req.text() };
    } else {
      throw new SitrepError("E_MEDIA_TYPE", `cannot ingest a body of type "${type || "(none)"}"`, `send application/json, ${Object.keys(RAW).join(", ")}`);
    }
    if (input.url && input.text === undefined && input.html === undefined && input.jsonl === undefined) await assertPublicHost(input.url, deps.allowPrivate);
    const items = requestItems(input, { allowPrivate: deps.allowPrivate, maxBytes: deps.maxArticleBytes });
    const s = await deps.serial(() => ingestItems(items, deps.store, deps.ctx));
    const inserted = s.results.filter((r) => r.status === "inserted").map((r) => r.id);
    const documents = inserted.length ? (await deps.store.listDocuments({ ids: inserted, limit: inserted.length })).items : [];
    return respond(c, IngestResultSchema, {
      read: s.read, inserted: s.inserted, duplicates: s.duplicates, failed: s.failed,
      items: s.results.map((r) => ({ id: r.id, file: r.file, status: r.status, ...(r.error ? { error: r.error } : {}) })),
      failures: s.failures.map((f) => ({ file: f.source.file, origin: f.source.origin, diagnostics: f.diagnostics.map((d) => ({ severity: d.severity, code: d.code, message: d.message })) })),
      documents,
    });
  });
}
