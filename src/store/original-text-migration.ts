import { type Kysely, type Migration, sql } from "kysely";
import { type EntityRow, indexEntities } from "./index-entities.js";
import { refreshStorySummaries } from "./refresh-story-summaries.js";

/**
 * Migration 004: what the desk (HTTP API and web UI) reads.
 * - documents.original and documents.format: the input as read, which every contract span indexes into, and its
 *   format (text, markdown, html, jsonl), so a viewer can highlight spans in the original text.
 * - stories.doc_count / first_published / last_published and story_facets (its languages and outlets): kept by
 *   putStories, so a page of stories, filtered or not, is an indexed read instead of a grouping of every membership.
 * - entity_index: one row per entity across the store (KB id, or name for an unlinked one) with its document and
 *   mention counts, kept by putDocuments, so entity lists and the actor graph need no grouping of every mention.
 * - entities.published_from and quotes.published_from: the document's date on each row, for an entity's newest
 *   documents, a speaker's newest quotes, and quotes by period.
 * - events.location_kb: the KB id of the event's place, for place filters.
 * - indexes for the API's filters (language, outlet; event type, status, actor, target with the date; speaker).
 * Rows stored before this migration are backfilled; their `original` stays null (the input was not kept).
 */
export function originalTextMigration(dialect: "sqlite" | "postgres"): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema.alterTable("documents").addColumn("original", "text").execute();
      await db.schema.alterTable("documents").addColumn("format", "text").execute();
      // Documents: each filter with the publication interval, so a filtered page reads an index in date order and its
      // count (with a date range or not) never leaves the index. The range index replaces 001's documents_published.
      await db.schema.dropIndex("documents_published").ifExists().execute();
      await db.schema.createIndex("documents_published_range").on("documents").columns(["published_from", "published_to"]).execute();
      await db.schema.createIndex("documents_language").on("documents").columns(["language", "published_from", "published_to"]).execute();
      await db.schema.createIndex("documents_outlet").on("documents").columns(["outlet", "published_from", "published_to"]).execute();
      // Events: each filter with the date, so a filtered page newest first reads an index in order and stops at its
      // limit; and a covering (actor, target, type, date) index for the actor graph's grouping. The single-column
      // type and actor indexes of 001 are prefixes of these.
      await db.schema.dropIndex("events_type").ifExists().execute();
      await db.schema.dropIndex("events_actor").ifExists().execute();
      await db.schema.dropIndex("events_date").ifExists().execute();
      // The full order of an events page (date, then document and index): an unfiltered page reads it and stops.
      await db.schema.createIndex("events_date_order").on("events").columns(["date", "doc_id", "idx"]).execute();
      await db.schema.createIndex("events_type_date").on("events").columns(["type", "status", "date"]).execute();
      await db.schema.createIndex("events_status_date").on("events").columns(["status", "date"]).execute();
      // Covering for a timeline's scan of an actor's events (no table row read) as well as for actor filters.
      await db.schema.createIndex("events_actor_date").on("events").columns(["actor_kb", "date", "type", "status", "target_kb", "doc_id", "idx"]).execute();
      await db.schema.createIndex("events_target_date").on("events").columns(["target_kb", "date"]).execute();
      await db.schema.createIndex("events_pair").on("events").columns(["actor_kb", "target_kb", "type", "date"]).execute();
      // The place's KB id (from the event's location entity), so a place filter is an index range, not a text scan.
      await db.schema.alterTable("events").addColumn("location_kb", "text").execute();
      const locationEntity = dialect === "sqlite" ? sql`json_extract(events.record, '$.location.entity')` : sql`(events.record::json -> 'location' ->> 'entity')`;
      await sql`UPDATE events SET location_kb = (SELECT e.kb FROM entities e WHERE e.doc_id = events.doc_id AND e.local_id = ${locationEntity})`.execute(db);
      await db.schema.createIndex("events_location").on("events").columns(["location_kb", "date"]).execute();
      // Quotes carry their document's date too: a speaker's newest quotes, or the quotes of a period, are index ranges.
      await db.schema.alterTable("quotes").addColumn("published_from", "text").execute();
      await sql`UPDATE quotes SET published_from = (SELECT d.published_from FROM documents d WHERE d.id = quotes.doc_id)`.execute(db);
      await db.schema.createIndex("quotes_speaker").on("quotes").columns(["speaker_kb", "published_from", "doc_id", "idx"]).execute();
      await db.schema.createIndex("quotes_published").on("quotes").columns(["published_from", "doc_id", "idx"]).execute();
      // Entities carry their document's date, so "the newest documents that mention X" is one index range.
      await db.schema.alterTable("entities").addColumn("published_from", "text").execute();
      await sql`UPDATE entities SET published_from = (SELECT d.published_from FROM documents d WHERE d.id = entities.doc_id)`.execute(db);
      await db.schema.createIndex("entities_kb_published").on("entities").columns(["kb", "published_from", "doc_id", "local_id"]).execute();
      await db.schema.createIndex("entities_name_published").on("entities").columns(["name", "published_from", "doc_id", "local_id"]).execute();

      await db.schema.alterTable("stories").addColumn("doc_count", "integer", (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.alterTable("stories").addColumn("first_published", "text").execute();
      await db.schema.alterTable("stories").addColumn("last_published", "text").execute();
      await db.schema.createIndex("stories_last").on("stories").columns(["last_published", "id"]).execute();
      // A story's languages and outlets, one row each, for the story list's filters.
      await db.schema
        .createTable("story_facets")
        .addColumn("story_id", "text", (c) => c.notNull().references("stories.id").onDelete("cascade"))
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("value", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("story_facets_pk", ["story_id", "kind", "value"])
        .execute();
      await db.schema.createIndex("story_facets_value").on("story_facets").columns(["kind", "value", "story_id"]).execute();
      const ids = (await db.selectFrom("stories").select("id").execute()).map((r) => r.id as string);
      for (let i = 0; i < ids.length; i += 1000) await refreshStorySummaries(db, ids.slice(i, i + 1000));

      await db.schema
        .createTable("entity_index")
        .addColumn("key", "text", (c) => c.primaryKey())
        .addColumn("kb", "text")
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("documents", "integer", (c) => c.notNull())
        .addColumn("mentions", "integer", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("entity_index_documents").on("entity_index").columns(["documents", "key"]).execute();
      await db.schema.createIndex("entity_index_type").on("entity_index").columns(["type", "documents"]).execute();
      // Backfill through the same function putDocuments uses, so keys are folded the same way.
      const rows = (await db.selectFrom("entities").select(["doc_id", "kb", "name", "type", "mentions"]).orderBy("doc_id").execute()) as EntityRow[];
      for (let i = 0; i < rows.length; ) {
        // Chunks end on a document boundary, so a document counts once per entity.
        let j = Math.min(i + 5000, rows.length);
        while (j < rows.length && rows[j].doc_id === rows[j - 1].doc_id) j++;
        await indexEntities(db, rows.slice(i, j));
        i = j;
      }
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable("entity_index").ifExists().execute();
      await db.schema.dropTable("story_facets").ifExists().execute();
      for (const i of ["documents_published_range", "documents_language", "documents_outlet", "events_location", "events_type_date", "events_status_date", "events_actor_date", "events_target_date", "events_pair", "quotes_speaker", "quotes_published", "stories_last", "entities_kb_published", "entities_name_published"])
        await db.schema.dropIndex(i).ifExists().execute();
      await db.schema.dropIndex("events_date_order").ifExists().execute();
      await db.schema.createIndex("events_date").on("events").column("date").execute();
      await db.schema.createIndex("events_type").on("events").column("type").execute();
      await db.schema.createIndex("events_actor").on("events").column("actor_kb").execute();
      await db.schema.alterTable("entities").dropColumn("published_from").execute();
      await db.schema.alterTable("events").dropColumn("location_kb").execute();
      await db.schema.alterTable("quotes").dropColumn("published_from").execute();
      await db.schema.createIndex("documents_published").on("documents").column("published_from").execute();
      for (const c of ["doc_count", "first_published", "last_published"]) await db.schema.alterTable("stories").dropColumn(c).execute();
      for (const c of ["original", "format"]) await db.schema.alterTable("documents").dropColumn(c).execute();
    },
  };
}
