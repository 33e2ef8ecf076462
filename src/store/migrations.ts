import { type Kysely, type Migration, sql } from "kysely";
import { originalTextMigration } from "./original-text-migration.js";
import { pendingDocumentsMigration, storyLogMigration } from "./story-log-migration.js";
import { createPgFulltext, createPgNameIndex, dropPgFulltext } from "./pg-fulltext.js";

/**
 * The numbered migrations, in order. Written with kysely's schema builder so the same list serves SQLite and
 * PostgreSQL; a dialect-specific step checks `dialect` (full-text search differs).
 */
export function migrations(dialect: "sqlite" | "postgres"): Record<string, Migration> {
  return {
    "001_initial": {
      async up(db: Kysely<any>) {
        await db.schema
          .createTable("documents")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("file", "text", (c) => c.notNull())
          .addColumn("origin", "text", (c) => c.notNull())
          .addColumn("url", "text")
          .addColumn("outlet", "text")
          .addColumn("outlet_kb", "text")
          .addColumn("language", "text")
          .addColumn("title", "text")
          .addColumn("published_date", "text")
          .addColumn("published_precision", "text")
          .addColumn("published_from", "text")
          .addColumn("published_to", "text")
          .addColumn("ingested_at", "text", (c) => c.notNull())
          .addColumn("text", "text", (c) => c.notNull())
          .addColumn("analysis", "text", (c) => c.notNull())
          .execute();
        await db.schema.createIndex("documents_published").on("documents").column("published_from").execute();
        await db.schema
          .createTable("entities")
          .addColumn("doc_id", "text", (c) => c.notNull().references("documents.id").onDelete("cascade"))
          .addColumn("local_id", "text", (c) => c.notNull())
          .addColumn("kb", "text")
          .addColumn("name", "text", (c) => c.notNull())
          .addColumn("type", "text", (c) => c.notNull())
          .addColumn("mentions", "integer", (c) => c.notNull())
          .addPrimaryKeyConstraint("entities_pk", ["doc_id", "local_id"])
          .execute();
        await db.schema.createIndex("entities_kb").on("entities").column("kb").execute();
        await db.schema.createIndex("entities_name").on("entities").column("name").execute();
        await db.schema
          .createTable("events")
          .addColumn("doc_id", "text", (c) => c.notNull().references("documents.id").onDelete("cascade"))
          .addColumn("idx", "integer", (c) => c.notNull())
          .addColumn("type", "text", (c) => c.notNull())
          .addColumn("mode", "text")
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("actor_kb", "text")
          .addColumn("actor_text", "text")
          .addColumn("target_kb", "text")
          .addColumn("target_text", "text")
          .addColumn("location_text", "text")
          // PostgreSQL's real is 4 bytes (33.3 would read back 33.29999923706055); SQLite's real is 8.
          .addColumn("lat", dialect === "postgres" ? "double precision" : "real")
          .addColumn("lon", dialect === "postgres" ? "double precision" : "real")
          .addColumn("date", "text")
          .addColumn("date_precision", "text")
          .addColumn("killed", "integer")
          .addColumn("injured", "integer")
          .addColumn("record", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("events_pk", ["doc_id", "idx"])
          .execute();
        await db.schema.createIndex("events_type").on("events").column("type").execute();
        await db.schema.createIndex("events_actor").on("events").column("actor_kb").execute();
        await db.schema.createIndex("events_date").on("events").column("date").execute();
        await db.schema
          .createTable("quotes")
          .addColumn("doc_id", "text", (c) => c.notNull().references("documents.id").onDelete("cascade"))
          .addColumn("idx", "integer", (c) => c.notNull())
          .addColumn("speaker_kb", "text")
          .addColumn("speaker_text", "text")
          .addColumn("text", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("quotes_pk", ["doc_id", "idx"])
          .execute();
        await db.schema
          .createTable("stories")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("title", "text")
          .addColumn("updated_at", "text", (c) => c.notNull())
          .addColumn("record", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createTable("story_members")
          .addColumn("story_id", "text", (c) => c.notNull().references("stories.id").onDelete("cascade"))
          .addColumn("doc_id", "text", (c) => c.notNull().references("documents.id").onDelete("cascade"))
          .addPrimaryKeyConstraint("story_members_pk", ["doc_id"])
          .execute();
        await db.schema.createIndex("story_members_story").on("story_members").column("story_id").execute();
        await db.schema
          .createTable("state")
          .addColumn("key", "text", (c) => c.primaryKey())
          .addColumn("value", "text", (c) => c.notNull())
          .execute();
      },
      async down(db: Kysely<any>) {
        for (const t of ["state", "story_members", "stories", "quotes", "events", "entities", "documents"]) await db.schema.dropTable(t).ifExists().execute();
      },
    },
    "002_fulltext": {
      async up(db: Kysely<any>) {
        if (dialect === "sqlite") {
          // FTS5 over the clean text and the title; kept in step by triggers.
          await sql`CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`.execute(db);
          await sql`CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END`.execute(db);
          await sql`CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); END`.execute(db);
        } else {
          // A generated tsvector per document in its language's configuration (unaccent + stemmer), GIN-indexed.
          await createPgFulltext(db);
        }
      },
      async down(db: Kysely<any>) {
        if (dialect === "sqlite") await sql`DROP TABLE IF EXISTS documents_fts`.execute(db);
        else await dropPgFulltext(db);
      },
    },
    "003_name_trigrams": {
      // PostgreSQL: a pg_trgm index on lower(entities.name), for substring and fuzzy name lookups. SQLite has no
      // such index; its name lookups scan (LIKE '%…%' cannot use a b-tree anyway).
      async up(db: Kysely<any>) {
        if (dialect === "postgres") await createPgNameIndex(db);
      },
      async down(db: Kysely<any>) {
        if (dialect === "postgres") await sql`DROP INDEX IF EXISTS entities_name_trgm`.execute(db);
      },
    },
    "004_original_text": originalTextMigration(dialect),
    "005_story_log": storyLogMigration(dialect),
    "006_pending_documents": pendingDocumentsMigration(),
  };
}
