import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { DeskDeps } from "../desk-deps.js";
import { respond } from "../respond.js";
import { HealthSchema } from "../schemas.js";
import { ERROR_RESPONSES } from "./error-responses.js";

const route = createRoute({
  method: "get",
  path: "/api/health",
  summary: "Server version and what the store holds",
  responses: { 200: { description: "OK", content: { "application/json": { schema: HealthSchema } } }, ...ERROR_RESPONSES },
});

/** GET /api/health */
export function healthRoutes(app: OpenAPIHono, deps: DeskDeps): void {
  app.openapi(route, async (c) => respond(c, HealthSchema, { ok: true, version: deps.version, stats: await deps.store.stats() }));
}
