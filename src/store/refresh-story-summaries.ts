import { type Kysely, sql } from "kysely";

/** The ids of the stories the given documents belong to now (before putStories moves them). */
export async function storiesOfDocuments(db: Kysely<any>, docIds: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  for (let i = 0; i < docIds.length; i += 5000) {
    const rows = await db.selectFrom("story_members").select("story_id").distinct().where("doc_id", "in", docIds.slice(i, i + 5000)).execute();
    for (const r of rows) out.add(r.story_id as string);
  }
  return [...out];
}

/**
 * Recomputes the size, date range, languages and outlets of the given stories (stories.doc_count, first_published,
 * last_published; story_facets) from their members, so a page of stories, newest first, filtered or not, reads indexes.
 */
export async function refreshStorySummaries(db: Kysely<any>, storyIds: readonly string[]): Promise<void> {
  const ids = [...new Set(storyIds)];
  for (let i = 0; i < ids.length; i += 5000) {
    await db
      .updateTable("stories")
      .set({
        doc_count: sql`(SELECT count(*) FROM story_members m WHERE m.story_id = stories.id)`,
        first_published: sql`(SELECT min(d.published_from) FROM story_members m JOIN documents d ON d.id = m.doc_id WHERE m.story_id = stories.id)`,
        last_published: sql`(SELECT max(d.published_to) FROM story_members m JOIN documents d ON d.id = m.doc_id WHERE m.story_id = stories.id)`,
      })
      .where("id", "in", ids.slice(i, i + 5000))
      .execute();
    const chunk = ids.slice(i, i + 5000);
    await db.deleteFrom("story_facets").where("story_id", "in", chunk).execute();
    for (const kind of ["language", "outlet"] as const) {
      await db
        .insertInto("story_facets")
        .columns(["story_id", "kind", "value"])
        .expression(
          db
            .selectFrom("story_members as m")
            .innerJoin("documents as d", "d.id", "m.doc_id")
            .select(["m.story_id", sql.lit(kind).as("kind"), `d.${kind}`])
            .distinct()
            .where("m.story_id", "in", chunk)
            .where(`d.${kind}`, "is not", null),
        )
        .execute();
    }
  }
}
