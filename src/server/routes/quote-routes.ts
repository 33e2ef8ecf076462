import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { DeskDeps } from "../desk-deps.js";
import { respond } from "../respond.js";
import { QuotesPageSchema, QuotesQuery } from "../schemas.js";
import { ERROR_RESPONSES } from "./error-responses.js";

const route = createRoute({
  method: "get",
  path: "/api/quotes",
  summary: "Quotes with their speakers and documents, newest first",
  request: { query: QuotesQuery },
  responses: { 200: { description: "OK", content: { "application/json": { schema: QuotesPageSchema } } }, ...ERROR_RESPONSES },
});

/** GET /api/quotes */
export function quoteRoutes(app: OpenAPIHono, deps: DeskDeps): void {
  app.openapi(route, async (c) => {
    const { speaker, ...f } = c.req.valid("query");
    // A KB id is matched on the indexed speaker column; any other name on the speaker as written.
    const who = speaker ? (deps.kb().get(speaker) ? { speakerKbs: [speaker] } : { speaker }) : {};
    return respond(c, QuotesPageSchema, { ...(await deps.store.listQuotes({ ...f, ...who })), limit: f.limit, offset: f.offset });
  });
}
