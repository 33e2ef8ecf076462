import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { eventsToCsv, eventsToGeoJson } from "../../output/export-events.js";
import type { DeskDeps } from "../desk-deps.js";
import { placesWithin } from "../places-within.js";
import { respond } from "../respond.js";
import { EventsPageSchema, EventsQuery } from "../schemas.js";
import { ERROR_RESPONSES } from "./error-responses.js";
import { z } from "@hono/zod-openapi";

const route = createRoute({
  method: "get",
  path: "/api/events",
  summary: "Events, newest first, filtered; as a JSON page, GeoJSON (events with coordinates) or ACLED-style CSV",
  request: { query: EventsQuery },
  responses: {
    200: {
      description: "OK",
      content: {
        "application/json": { schema: EventsPageSchema },
        "application/geo+json": { schema: z.object({ type: z.literal("FeatureCollection"), features: z.array(z.unknown()) }) },
        "text/csv": { schema: z.string() },
      },
    },
    ...ERROR_RESPONSES,
  },
});

/** GET /api/events */
export function eventRoutes(app: OpenAPIHono, deps: DeskDeps): void {
  app.openapi(route, async (c) => {
    const { format, actor, target, place, ...rest } = c.req.valid("query");
    // A KB id (or a KB place, with the places in it) is matched on the indexed KB columns; any other name on the
    // text as written.
    const kb = deps.kb();
    const places = place ? placesWithin(kb, place) : [];
    const f = {
      ...rest,
      ...(actor ? (kb.get(actor) ? { actorKbs: [actor] } : { actor }) : {}),
      ...(target ? (kb.get(target) ? { targetKbs: [target] } : { target }) : {}),
      ...(place ? (places.length ? { placeKbs: places } : { place }) : {}),
    };
    const page = await deps.store.queryEvents(f);
    if (format === "geojson") return c.body(eventsToGeoJson(page.items), 200, { "Content-Type": "application/geo+json; charset=utf-8", "X-Total-Count": String(page.total) });
    if (format === "csv") return c.body(eventsToCsv(page.items), 200, { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="events.csv"', "X-Total-Count": String(page.total) });
    return respond(c, EventsPageSchema, {
      items: page.items.map((e) => ({
        docId: e.docId, index: e.index ?? 0, file: e.file, outlet: e.outlet, url: e.url, language: e.language ?? null,
        published: e.published ?? null, story: e.story ?? null, event: e.record as never,
      })),
      total: page.total, limit: f.limit, offset: f.offset,
    });
  });
}
