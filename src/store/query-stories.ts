import { type Kysely, sql } from "kysely";
import { dateInterval } from "./kysely-store.js";
import type { Page, StoredStory, StoryFilter, StoryRow } from "./news-store.js";
import type { Database } from "./schema.js";

/**
 * A page of story summaries, newest first by their latest member's publication date (stories.last_published, kept
 * by putStories), with each story's languages and outlets read for that page only.
 */
export async function listStorySummaries(db: Kysely<Database>, f: StoryFilter = {}): Promise<Page<StoryRow>> {
  let q = db.selectFrom("stories");
  if (f.q) {
    for (const w of f.q.toLowerCase().split(/\s+/).filter(Boolean)) q = q.where(sql`lower(stories.title)`, "like", `%${w.replace(/[%_\\]/g, "")}%`);
  }
  if (f.since) q = q.where("stories.last_published", ">=", dateInterval(f.since)[0]);
  if (f.until) q = q.where("stories.first_published", "<=", dateInterval(f.until)[1]);
  // Stories with a member in that language / from that outlet (story_facets, kept by putStories).
  const member = (kind: "language" | "outlet", v: string) =>
    q.where(({ exists, selectFrom }) =>
      exists(selectFrom("story_facets as f").select("f.story_id").whereRef("f.story_id", "=", "stories.id").where("f.kind", "=", kind).where("f.value", "=", v)),
    );
  if (f.language) q = member("language", f.language);
  if (f.outlet) q = member("outlet", f.outlet);
  const total = Number((await q.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
  const rows = await q
    .select(["stories.id", "stories.title", "stories.doc_count", "stories.first_published", "stories.last_published"])
    .orderBy("stories.last_published", (ob) => ob.desc().nullsLast())
    .orderBy("stories.id")
    .limit(f.limit ?? 50)
    .offset(f.offset ?? 0)
    .execute();
  const langs = new Map<string, Set<string>>();
  const outlets = new Map<string, Set<string>>();
  if (rows.length) {
    const facets = await db.selectFrom("story_facets").select(["story_id", "kind", "value"]).where("story_id", "in", rows.map((r) => r.id)).execute();
    for (const f of facets) {
      const into = f.kind === "language" ? langs : outlets;
      into.set(f.story_id, (into.get(f.story_id) ?? new Set()).add(f.value));
    }
  }
  return {
    items: rows.map((r) => ({
      id: r.id, title: r.title, documents: Number(r.doc_count),
      languages: [...(langs.get(r.id) ?? [])].sort(), outlets: [...(outlets.get(r.id) ?? [])].sort(),
      first: r.first_published ?? null, last: r.last_published ?? null,
    })),
    total,
  };
}

/** One story with its members (ids, oldest first), relations and merged events; null when unknown. */
export async function getStory(db: Kysely<Database>, id: string): Promise<StoredStory | null> {
  const s = await db.selectFrom("stories").select(["id", "title", "record", "updated_at"]).where("id", "=", id).executeTakeFirst();
  if (!s) return null;
  const members = await db
    .selectFrom("story_members as m")
    .innerJoin("documents as d", "d.id", "m.doc_id")
    .select("m.doc_id")
    .where("m.story_id", "=", id)
    .orderBy("d.published_from")
    .orderBy("d.ingested_at")
    .orderBy("m.doc_id")
    .execute();
  const rec = JSON.parse(s.record) as { relations?: StoredStory["relations"]; events?: unknown[] };
  return { id: s.id, title: s.title, documents: members.map((m) => m.doc_id), relations: rec.relations ?? [], events: rec.events ?? [], updatedAt: s.updated_at };
}
