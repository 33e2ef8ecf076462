import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { buildGraph } from "../build-graph.js";
import type { DeskDeps } from "../desk-deps.js";
import { respond } from "../respond.js";
import { GraphQuery, GraphSchema } from "../schemas.js";
import { ERROR_RESPONSES } from "./error-responses.js";

const route = createRoute({
  method: "get",
  path: "/api/graph",
  summary: "The actor graph: who acts against whom, who works with whom, who speaks for whom",
  request: { query: GraphQuery },
  responses: { 200: { description: "OK", content: { "application/json": { schema: GraphSchema } } }, ...ERROR_RESPONSES },
});

/** GET /api/graph */
export function graphRoutes(app: OpenAPIHono, deps: DeskDeps): void {
  app.openapi(route, async (c) => {
    const { limit, ...f } = c.req.valid("query");
    const kb = deps.kb();
    const rows = await deps.store.graphRows(f);
    const keys = [...new Set([...rows.events.flatMap((e) => [e.actorKb, e.targetKb]), ...rows.speakers.map((s) => s.kb), ...rows.speakers.flatMap((s) => (kb.get(s.kb)?.relations ?? []).map((r) => r.target))])];
    const stored = new Map((await deps.store.listEntities({ keys, limit: keys.length || 1 })).items.map((e) => [e.key, e]));
    return respond(c, GraphSchema, buildGraph(rows, kb, stored, limit));
  });
}
