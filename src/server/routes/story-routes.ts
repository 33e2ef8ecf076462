import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { framingLens } from "../../output/framing-tables.js";
import { attributionOf } from "../attribution-of.js";
import type { DeskDeps } from "../desk-deps.js";
import { fail } from "../error-response.js";
import { respond } from "../respond.js";
import { IdParam, StoriesPageSchema, StoriesQuery, StoryDetailSchema } from "../schemas.js";
import { ERROR_RESPONSES, ERROR_RESPONSES_404 } from "./error-responses.js";

const json = <S>(schema: S) => ({ description: "OK", content: { "application/json": { schema } } });

/** At most this many of a story's documents are read in full for its attribution and framing. */
export const STORY_DOCS_READ = 200;

const list = createRoute({
  method: "get",
  path: "/api/stories",
  summary: "Stories, newest first, with their size, languages, outlets and date range",
  request: { query: StoriesQuery },
  responses: { 200: json(StoriesPageSchema), ...ERROR_RESPONSES },
});

const one = createRoute({
  method: "get",
  path: "/api/stories/{id}",
  summary: "One story: members and relations, merged events with every source's figures, attribution chains, framing lens",
  request: { params: IdParam },
  responses: { 200: json(StoryDetailSchema), ...ERROR_RESPONSES_404 },
});

/** GET /api/stories, /api/stories/{id} */
export function storyRoutes(app: OpenAPIHono, deps: DeskDeps): void {
  app.openapi(list, async (c) => {
    const f = c.req.valid("query");
    return respond(c, StoriesPageSchema, { ...(await deps.store.listStorySummaries(f)), limit: f.limit, offset: f.offset });
  });

  app.openapi(one, async (c) => {
    const { id } = c.req.valid("param");
    const story = await deps.store.getStory(id);
    if (!story) throw fail.notFound(`no story "${id}"`, "list stories with GET /api/stories");
    const ids = story.documents.slice(0, 500);
    const rows = new Map((await deps.store.listDocuments({ ids, limit: 500 })).items.map((d) => [d.id, d]));
    const docs = await deps.store.getDocuments(ids.slice(0, STORY_DOCS_READ));
    const lens = framingLens(docs);
    return respond(c, StoryDetailSchema, {
      story: {
        id: story.id,
        title: story.title,
        documents: [...story.documents],
        // As in the contract: links inside the story in `relations`, near misses in other stories in `related`.
        relations: story.relations.filter((r) => r.kind !== "related").map((r) => ({ ...r })),
        related: story.relations.filter((r) => r.kind === "related").map((r) => ({ from: r.from, to: r.to, score: r.score ?? null })),
        events: (story.events ?? []) as never[],
      },
      documents: ids.flatMap((d) => (rows.has(d) ? [rows.get(d)!] : [])),
      attribution: docs.map(attributionOf),
      framing: { ...lens, analysed: docs.length, matching: story.documents.length },
    });
  });
}
