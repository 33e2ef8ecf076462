import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { buildTimeline, counterpartSet, withMembers } from "../../timeline/build-timeline.js";
import { loadStanceRules } from "../../timeline/stance-rules.js";
import type { StoredEvent } from "../../store/news-store.js";
import type { DeskDeps } from "../desk-deps.js";
import { fail } from "../error-response.js";
import { respond } from "../respond.js";
import { TimelineQuery, TimelineSchema } from "../schemas.js";
import { ERROR_RESPONSES_404 } from "./error-responses.js";

/** A step lists at most this many of its events (the oldest); `eventCount` says how many it has. */
export const EVENTS_PER_STEP = 10;

const route = createRoute({
  method: "get",
  path: "/api/timeline",
  summary: "An actor's declared stance toward a counterpart over time, with the events and documents behind each step",
  request: { query: TimelineQuery },
  responses: { 200: { description: "OK", content: { "application/json": { schema: TimelineSchema } } }, ...ERROR_RESPONSES_404 },
});

/** GET /api/timeline */
export function timelineRoutes(app: OpenAPIHono, deps: DeskDeps): void {
  app.openapi(route, async (c) => {
    const q = c.req.valid("query");
    const kb = deps.kb();
    const resolve = (name: string) => {
      const e = kb.get(name) ?? kb.lookup(name)[0];
      if (!e) throw fail.notFound(`"${name}" is not in the knowledge base`, "use a KB id or a known name; GET /api/entities?q=… looks names up");
      return e;
    };
    const actor = resolve(q.actor);
    const toward = q.toward ? resolve(q.toward) : null;
    const actors = withMembers(kb, actor.id);
    // Only the actor's dated events are read: the timeline never looks at the rest.
    // The stances come from light rows (columns only); the events shown are then read in full for their sources.
    const events = await deps.store.listEvents({ actorKbs: [...actors], dated: true, light: true });
    const all = buildTimeline(events, actors, toward ? counterpartSet(kb, toward.id) : null, deps.ctx.resource("stance-rules", loadStanceRules));
    const steps = all.slice(-q.limit).map((s) => ({
      ...s,
      eventCount: s.events.length,
      events: s.events.slice(0, EVENTS_PER_STEP),
    }));
    const refs = steps.flatMap((s) => s.events.map((e) => ({ docId: e.docId, index: e.index })));
    const full = new Map<string, StoredEvent>();
    for (let i = 0; i < refs.length; i += 200) for (const e of await deps.store.listEvents({ refs: refs.slice(i, i + 200) })) full.set(`${e.docId}/${e.index}`, e);
    const evidence = (e: StoredEvent | undefined) => ((e?.record as { evidence?: { text?: string } } | undefined)?.evidence?.text ?? "").slice(0, 300);
    return respond(c, TimelineSchema, {
      actor: { id: actor.id, name: actor.name },
      toward: toward ? { id: toward.id, name: toward.name } : null,
      stepCount: all.length,
      steps: steps.map((s) => ({
        ...s,
        events: s.events.map((e) => {
          const f = full.get(`${e.docId}/${e.index}`);
          const r = f?.record as { actor?: { text: string } | null; target?: { text: string } | null } | undefined;
          return { ...e, file: f?.file ?? e.file, outlet: f?.outlet ?? null, actor: r?.actor?.text ?? null, target: r?.target?.text ?? null, evidence: evidence(f) };
        }),
      })),
    });
  });
}
