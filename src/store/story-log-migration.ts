import { type Kysely, type Migration, sql } from "kysely";

/**
 * Migration 005: the story log, the source of truth of story clustering (see docs/scale.md).
 * - story_log: one row per clustering step, in commit order: the batch's story features (JSON) that every process
 *   replays into its in-memory story index;
 * - story_head: the last committed seq, one row; the first write of a clustering transaction (SQLite's write lock);
 * - story_snapshots: a serialised index at some seq (in parts: PostgreSQL's bytea holds 1 GB at most), so a new
 *   process replays only the log after it;
 * - feed_seen: the feed entries `sitrep watch` has enqueued.
 * A store that kept the index as one JSON state row ("corpus-state") gets it as log entry 1, and the row goes.
 */
export function storyLogMigration(dialect: "sqlite" | "postgres"): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("story_log")
        .addColumn("seq", "integer", (c) => c.primaryKey())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("docs", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("entry", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("story_head")
        .addColumn("id", "integer", (c) => c.primaryKey())
        .addColumn("seq", "integer", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("story_snapshots")
        .addColumn("seq", "integer", (c) => c.notNull())
        .addColumn("part", "integer", (c) => c.notNull())
        .addColumn("parts", "integer", (c) => c.notNull())
        .addColumn("data", dialect === "postgres" ? "bytea" : "blob", (c) => c.notNull())
        .addPrimaryKeyConstraint("story_snapshots_pk", ["seq", "part"])
        .execute();
      await db.schema
        .createTable("feed_seen")
        .addColumn("feed", "text", (c) => c.notNull())
        .addColumn("link", "text", (c) => c.notNull())
        .addColumn("seen_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("feed_seen_pk", ["feed", "link"])
        .execute();
      const legacy = await db.selectFrom("state").select("value").where("key", "=", "corpus-state").executeTakeFirst();
      const now = new Date().toISOString();
      if (legacy) {
        // The whole index as it was: replayed with StoryIndex.fromJSON.
        await sql`INSERT INTO story_log (seq, kind, docs, created_at, entry) VALUES (1, 'legacy', 0, ${now}, ${`{"v":1,"kind":"legacy","state":${legacy.value as string}}`})`.execute(db);
        await db.deleteFrom("state").where("key", "=", "corpus-state").execute();
      }
      await db.insertInto("story_head").values({ id: 1, seq: legacy ? 1 : 0 }).execute();
    },
    async down(db: Kysely<any>) {
      for (const t of ["feed_seen", "story_snapshots", "story_head", "story_log"]) await db.schema.dropTable(t).ifExists().execute();
    },
  };
}

/**
 * Migration 006: documents analysed by a worker and waiting for the next clustering step (group commit: one step
 * clusters everything any worker has staged, so the serialised part costs per step, not per worker batch).
 */
export function pendingDocumentsMigration(): Migration {
  return {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable("pending_documents")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("staged_at", "text", (c) => c.notNull())
        .addColumn("item", "text", (c) => c.notNull())
        .addColumn("features", "text", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("pending_documents_staged").on("pending_documents").columns(["staged_at", "id"]).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable("pending_documents").ifExists().execute();
    },
  };
}
