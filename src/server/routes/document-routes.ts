import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { fail } from "../error-response.js";
import type { DeskDeps } from "../desk-deps.js";
import { respond } from "../respond.js";
import { DocumentDetailSchema, DocumentsPageSchema, DocumentsQuery, IdParam, SearchPageSchema, SearchQuery } from "../schemas.js";
import { ERROR_RESPONSES, ERROR_RESPONSES_404 } from "./error-responses.js";

const json = <S>(schema: S) => ({ description: "OK", content: { "application/json": { schema } } });

const search = createRoute({
  method: "get",
  path: "/api/search",
  summary: "Full-text search over titles and texts (every word must match; diacritics folded), best first",
  request: { query: SearchQuery },
  responses: { 200: json(SearchPageSchema), ...ERROR_RESPONSES },
});

const list = createRoute({
  method: "get",
  path: "/api/documents",
  summary: "Documents, newest first, filtered by words, language, outlet, date range or story",
  request: { query: DocumentsQuery },
  responses: { 200: json(DocumentsPageSchema), ...ERROR_RESPONSES },
});

const one = createRoute({
  method: "get",
  path: "/api/documents/{id}",
  summary: "One document: the contract document, the original input its spans index into, and its story",
  request: { params: IdParam },
  responses: { 200: json(DocumentDetailSchema), ...ERROR_RESPONSES_404 },
});

/** GET /api/search, /api/documents, /api/documents/{id} */
export function documentRoutes(app: OpenAPIHono, deps: DeskDeps): void {
  app.openapi(search, async (c) => {
    const { q, limit, offset } = c.req.valid("query");
    const [items, total] = await Promise.all([deps.store.search(q, limit, offset), deps.store.countSearch(q)]);
    return respond(c, SearchPageSchema, {
      items: items.map((h) => ({ id: h.id, file: h.file, title: h.title, outlet: h.outlet ?? null, language: h.language ?? null, published: h.published ?? null, snippet: h.snippet ?? "" })),
      total, limit, offset,
    });
  });

  app.openapi(list, async (c) => {
    const f = c.req.valid("query");
    const page = await deps.store.listDocuments(f);
    return respond(c, DocumentsPageSchema, { ...page, limit: f.limit, offset: f.offset });
  });

  app.openapi(one, async (c) => {
    const { id } = c.req.valid("param");
    const d = await deps.store.getDocument(id);
    if (!d) throw fail.notFound(`no document "${id}"`, "list documents with GET /api/documents");
    return respond(c, DocumentDetailSchema, { document: d.document as never, text: d.original ?? d.text, format: d.format, original: d.original !== null, story: d.story });
  });
}
