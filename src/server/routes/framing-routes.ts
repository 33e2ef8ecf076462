import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { framingLens } from "../../output/framing-tables.js";
import type { DeskDeps } from "../desk-deps.js";
import { fail } from "../error-response.js";
import { respond } from "../respond.js";
import { FramingQuery, FramingSchema } from "../schemas.js";
import { ERROR_RESPONSES_404 } from "./error-responses.js";


const route = createRoute({
  method: "get",
  path: "/api/framing",
  summary: "The framing lens: loaded terms per outlet, and how each outlet names the actors (over the newest `limit` matching documents)",
  request: { query: FramingQuery },
  responses: { 200: { description: "OK", content: { "application/json": { schema: FramingSchema } } }, ...ERROR_RESPONSES_404 },
});

/** GET /api/framing */
export function framingRoutes(app: OpenAPIHono, deps: DeskDeps): void {
  app.openapi(route, async (c) => {
    const { outlet, story, entity, limit } = c.req.valid("query");
    if (story && !(await deps.store.getStory(story))) throw fail.notFound(`no story "${story}"`, "list stories with GET /api/stories");
    const page = await deps.store.listDocuments({ outlet, story, limit });
    const docs = await deps.store.getDocuments(page.items.map((d) => d.id));
    return respond(c, FramingSchema, { ...framingLens(docs, entity), analysed: docs.length, matching: page.total });
  });
}
