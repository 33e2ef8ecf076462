import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import type { DeskDeps } from "../desk-deps.js";
import { fail } from "../error-response.js";
import { resolveEntityKey } from "../resolve-entity-key.js";
import { respond } from "../respond.js";
import { EntitiesPageSchema, EntitiesQuery, EntityDetailSchema, IdParam } from "../schemas.js";
import { ERROR_RESPONSES, ERROR_RESPONSES_404 } from "./error-responses.js";

const json = <S>(schema: S) => ({ description: "OK", content: { "application/json": { schema } } });

const list = createRoute({
  method: "get",
  path: "/api/entities",
  summary: "Entities across the store, most documents first",
  request: { query: EntitiesQuery },
  responses: { 200: json(EntitiesPageSchema), ...ERROR_RESPONSES },
});

const one = createRoute({
  method: "get",
  path: "/api/entities/{id}",
  summary: "One entity by KB id, store id (name:…) or any name or alias: KB aliases and relations, coordinates, documents, co-mentions",
  request: { params: IdParam },
  responses: { 200: json(EntityDetailSchema), ...ERROR_RESPONSES_404 },
});

/** GET /api/entities, /api/entities/{id} */
export function entityRoutes(app: OpenAPIHono, deps: DeskDeps): void {
  app.openapi(list, async (c) => {
    const f = c.req.valid("query");
    const page = await deps.store.listEntities(f);
    return respond(c, EntitiesPageSchema, { items: page.items.map(({ key, ...e }) => ({ id: key, ...e })), total: page.total, limit: f.limit, offset: f.offset });
  });

  app.openapi(one, async (c) => {
    const { id } = c.req.valid("param");
    const kb = deps.kb();
    const { key, entry } = resolveEntityKey(kb, id);
    const stored = await deps.store.getEntity(key);
    if (!stored && !entry) throw fail.notFound(`no entity "${id}" in the knowledge base or the store`, "list entities with GET /api/entities?q=…");
    const docs = stored?.docIds.length ? (await deps.store.listDocuments({ ids: stored.docIds, limit: stored.docIds.length })).items : [];
    return respond(c, EntityDetailSchema, {
      id: key,
      kb: entry?.id ?? stored?.kb ?? null,
      name: entry?.name ?? stored!.name,
      type: entry?.type ?? stored!.type,
      aliases: [...(entry?.aliases ?? [])],
      writtenAs: stored?.writtenAs ?? [],
      lat: entry?.lat ?? null,
      lon: entry?.lon ?? null,
      wikidata: entry?.wikidata ?? null,
      relations: (entry?.relations ?? []).map((r) => ({ rel: r.rel, target: r.target, name: kb.get(r.target)?.name ?? r.target })),
      documentCount: stored?.documents ?? 0,
      mentions: stored?.mentions ?? 0,
      documents: docs,
      coMentioned: (stored?.coMentioned ?? []).map(({ key: k, ...x }) => ({ id: k, ...x })),
    });
  });
}
