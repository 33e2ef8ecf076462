import { type Kysely, Migrator, type MigrationProvider, sql } from "kysely";
import type { ContractDocument } from "../output/to-contract.js";
import { SitrepError } from "../core/errors.js";
import { migrations } from "./migrations.js";
import type { Database } from "./schema.js";
import type { EntitySummary, EventFilter, NewsStore, PutResult, StoreStats, StoredEvent, StoredStory } from "./news-store.js";
import type { DocumentFilter, DocumentRow, EntityDetailRow, EntityRowSummary, GraphRows, Page, QuoteRow, SearchHit, StoredDocument, StoryFilter, StoryRow } from "./news-store.js";
import { indexEntities } from "./index-entities.js";
import { refreshStorySummaries, storiesOfDocuments } from "./refresh-story-summaries.js";
import { countSearch, searchDocuments } from "./search-documents.js";
import { pgFuzzyName } from "./pg-fulltext.js";
import { getDocument, listDocuments } from "./query-documents.js";
import { getStory, listStorySummaries } from "./query-stories.js";
import { listEventRows, queryEvents } from "./query-events.js";
import { getEntity, listEntities } from "./query-entities.js";
import { listQuotes } from "./query-quotes.js";
import { graphRows } from "./query-graph.js";
import { appendStoryLog, countPending, deletePending, feedSeen, latestStorySnapshot, lockStories, markFeedSeen, pendingDocuments, stageDocuments, tryLockStories, putStorySnapshot, readStoryLog, replaceStories, storiesOf, storyLogHead, type StoryLogRow } from "./story-log-store.js";

/** First and last day of a YYYY, YYYY-MM or YYYY-MM-DD date. */
export function dateInterval(d: string | null | undefined): [string, string] | [null, null] {
  if (!d) return [null, null];
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(d);
  if (!m) return [null, null];
  if (m[3]) return [d, d];
  if (m[2]) {
    const last = new Date(Date.UTC(+m[1], +m[2], 0)).getUTCDate();
    return [`${m[1]}-${m[2]}-01`, `${m[1]}-${m[2]}-${String(last).padStart(2, "0")}`];
  }
  return [`${m[1]}-01-01`, `${m[1]}-12-31`];
}

type Ev = {
  type: string; mode?: string | null; status: string; date?: { date: string; precision: string } | null;
  actor?: { entity: string | null; text: string } | null; target?: { entity: string | null; text: string } | null;
  location?: { text: string; lat?: number | null; lon?: number | null } | null; counts?: { killed?: number; injured?: number };
};

/** The store over any kysely dialect; SQLite and PostgreSQL differ only in what `dialect` switches. */
export class KyselyStore implements NewsStore {
  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: "sqlite" | "postgres",
  ) {}

  async migrate(): Promise<string[]> {
    const all = migrations(this.dialect);
    const provider: MigrationProvider = { getMigrations: async () => all };
    const migrator = new Migrator({ db: this.db, provider, migrationTableName: "sitrep_migrations", migrationLockTableName: "sitrep_migrations_lock" });
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw new SitrepError("E_STORE", `migration failed: ${(error as Error).message}`, "the database may be from a newer sitrep; use a new --db file");
    return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
  }

  async putDocuments(items: readonly { doc: ContractDocument; text: string; origin: string; original?: string; format?: string }[]): Promise<PutResult[]> {
    const results: PutResult[] = [];
    await this.inTransaction(async (trx) => {
      for (const { doc, text, origin, original, format } of items) {
        const exists = await trx.selectFrom("documents").select("id").where("id", "=", doc.id).executeTakeFirst();
        if (exists) {
          results.push({ id: doc.id, file: doc.file, status: "duplicate" });
          continue;
        }
        // A savepoint per item: a failing item is rolled back alone and the batch goes on.
        await sql`SAVEPOINT item`.execute(trx);
        try {
          const [from, to] = dateInterval(doc.published?.date);
          const outletKb = (doc as { outlet_kb?: string | null }).outlet_kb ?? null;
          await trx
            .insertInto("documents")
            .values({
              id: doc.id, file: doc.file, origin, url: doc.url, outlet: doc.outlet?.name ?? null, outlet_kb: outletKb,
              language: doc.language, title: doc.title, published_date: doc.published?.date ?? null,
              published_precision: doc.published?.precision ?? null, published_from: from, published_to: to,
              ingested_at: new Date().toISOString(), text, analysis: JSON.stringify(doc), original: original ?? null, format: format ?? null,
            })
            .execute();
          const ents = doc.entities as { id: string; kb: string | null; name: string; type: string; mentions: unknown[] }[];
          if (ents.length)
            await trx.insertInto("entities").values(ents.map((e) => ({ doc_id: doc.id, local_id: e.id, kb: e.kb, name: e.name, type: e.type, mentions: e.mentions.length, published_from: from }))).execute();
          await indexEntities(trx, ents.map((e) => ({ doc_id: doc.id, kb: e.kb, name: e.name, type: e.type, mentions: e.mentions.length })));
          const kbOf = (id: string | null | undefined) => (id ? ents.find((e) => e.id === id)?.kb ?? null : null);
          const evs = doc.events as Ev[];
          if (evs.length)
            await trx
              .insertInto("events")
              .values(
                evs.map((e, idx) => ({
                  doc_id: doc.id, idx, type: e.type, mode: e.mode ?? null, status: e.status,
                  actor_kb: kbOf(e.actor?.entity), actor_text: e.actor?.text ?? null,
                  target_kb: kbOf(e.target?.entity), target_text: e.target?.text ?? null,
                  location_text: e.location?.text ?? null, location_kb: kbOf((e.location as { entity?: string | null } | null)?.entity), lat: e.location?.lat ?? null, lon: e.location?.lon ?? null,
                  date: e.date?.date ?? null, date_precision: e.date?.precision ?? null,
                  killed: e.counts?.killed ?? null, injured: e.counts?.injured ?? null, record: JSON.stringify(e),
                })),
              )
              .execute();
          const qs = doc.quotes as { text: string; speaker?: { entity: string | null; text: string } | null }[];
          if (qs.length)
            await trx
              .insertInto("quotes")
              .values(qs.map((q, idx) => ({ doc_id: doc.id, idx, speaker_kb: kbOf(q.speaker?.entity), speaker_text: q.speaker?.text ?? null, text: q.text, published_from: from })))
              .execute();
          await sql`RELEASE SAVEPOINT item`.execute(trx);
          results.push({ id: doc.id, file: doc.file, status: "inserted" });
        } catch (e) {
          await sql`ROLLBACK TO SAVEPOINT item`.execute(trx);
          await sql`RELEASE SAVEPOINT item`.execute(trx);
          results.push({ id: doc.id, file: doc.file, status: "failed", error: (e as Error).message });
        }
      }
    });
    return results;
  }

  async hasDocument(id: string): Promise<boolean> {
    return !!(await this.db.selectFrom("documents").select("id").where("id", "=", id).executeTakeFirst());
  }

  async getDocuments(ids?: readonly string[]): Promise<ContractDocument[]> {
    let q = this.db.selectFrom("documents").select(["analysis"]).orderBy("ingested_at").orderBy("id");
    if (ids) {
      if (!ids.length) return [];
      q = q.where("id", "in", [...ids]);
    }
    return (await q.execute()).map((r) => JSON.parse(r.analysis) as ContractDocument);
  }

  async putStories(stories: readonly StoredStory[]): Promise<void> {
    const now = new Date().toISOString();
    await this.inTransaction(async (trx) => {
      const before = await storiesOfDocuments(trx, stories.flatMap((s) => s.documents));
      for (const s of stories) {
        await trx.deleteFrom("story_members").where("doc_id", "in", [...s.documents]).execute();
        await trx.deleteFrom("story_members").where("story_id", "=", s.id).execute();
        const exists = await trx.selectFrom("stories").select(["id", "record"]).where("id", "=", s.id).executeTakeFirst();
        // Relations accumulate across batches (a later article links to earlier ones); merged events are replaced.
        const old = exists ? ((JSON.parse(exists.record) as { relations?: StoredStory["relations"] }).relations ?? []) : [];
        const key = (r: StoredStory["relations"][number]) => `${r.from}|${r.to}|${r.kind}`;
        const fresh = new Set(s.relations.map(key));
        const record = JSON.stringify({ relations: [...old.filter((r) => !fresh.has(key(r))), ...s.relations], events: s.events ?? [] });
        if (exists) await trx.updateTable("stories").set({ title: s.title, updated_at: now, record }).where("id", "=", s.id).execute();
        else await trx.insertInto("stories").values({ id: s.id, title: s.title, updated_at: now, record }).execute();
        if (s.documents.length) await trx.insertInto("story_members").values(s.documents.map((d) => ({ story_id: s.id, doc_id: d }))).execute();
      }
      // A story left with no member is gone.
      await trx.deleteFrom("stories").where("id", "not in", trx.selectFrom("story_members").select("story_id")).execute();
      await refreshStorySummaries(trx, [...before, ...stories.map((s) => s.id)]);
    });
  }

  async listStories(opts: { limit?: number } = {}): Promise<StoredStory[]> {
    const rows = await this.db
      .selectFrom("stories")
      .innerJoin("story_members", "story_members.story_id", "stories.id")
      .innerJoin("documents", "documents.id", "story_members.doc_id")
      .select(["stories.id", "stories.title", "stories.record", "stories.updated_at", "documents.id as doc", "documents.published_to"])
      // Members oldest first, then by id: the same order on SQLite and PostgreSQL (without it, each engine's join order).
      .orderBy("documents.published_from", (ob) => ob.asc().nullsFirst())
      .orderBy("documents.id")
      .execute();
    const by = new Map<string, { s: StoredStory; newest: string }>();
    for (const r of rows) {
      let e = by.get(r.id);
      if (!e) {
        const rec = JSON.parse(r.record) as { relations: StoredStory["relations"]; events: unknown[] };
        e = { s: { id: r.id, title: r.title, documents: [], relations: rec.relations, events: rec.events, updatedAt: r.updated_at }, newest: "" };
        by.set(r.id, e);
      }
      (e.s.documents as string[]).push(r.doc);
      if ((r.published_to ?? "") > e.newest) e.newest = r.published_to ?? "";
    }
    const list = [...by.values()].sort((a, b) => b.newest.localeCompare(a.newest) || a.s.id.localeCompare(b.s.id)).map((e) => e.s);
    return opts.limit ? list.slice(0, opts.limit) : list;
  }

  async listEvents(filter: EventFilter = {}): Promise<StoredEvent[]> {
    return listEventRows(this.db, filter);
  }

  async findEntities(name: string): Promise<EntitySummary[]> {
    const n = name.toLowerCase();
    const query = () =>
      this.db
        .selectFrom("entities")
        .innerJoin("documents", "documents.id", "entities.doc_id")
        .select(["entities.doc_id", "entities.local_id", "entities.kb", "entities.name", "entities.type", "entities.mentions", "documents.file", "documents.analysis"])
        // Oldest document first, the same on SQLite and PostgreSQL.
        .orderBy("documents.published_from", (ob) => ob.asc().nullsFirst())
        .orderBy("entities.doc_id")
        .orderBy("entities.local_id");
    let rows = await query()
      .where((eb) => eb.or([eb("entities.kb", "=", n), eb(eb.fn("lower", ["entities.name"]), "like", `%${n}%`)]))
      .execute();
    // Nothing by KB id or substring: on PostgreSQL, names alike by trigrams ("Kataeb Hezbolla" → Kata'ib Hezbollah).
    if (!rows.length && this.dialect === "postgres") rows = await query().where(pgFuzzyName(n)).execute();
    const groups = new Map<string, typeof rows>();
    for (const r of rows) {
      const k = r.kb ?? `name:${r.name.toLowerCase()}`;
      groups.set(k, [...(groups.get(k) ?? []), r]);
    }
    const out: EntitySummary[] = [];
    for (const rs of groups.values()) {
      const aliases = new Set<string>();
      const co = new Map<string, { name: string; kb: string | null; documents: number }>();
      for (const r of rs) {
        const doc = JSON.parse(r.analysis) as ContractDocument;
        const ents = doc.entities as { id: string; kb: string | null; name: string; mentions: { text: string }[] }[];
        for (const e of ents) {
          if (e.id === r.local_id) for (const m of e.mentions) aliases.add(m.text);
          else {
            const k = e.kb ?? e.name;
            const c = co.get(k) ?? { name: e.name, kb: e.kb, documents: 0 };
            c.documents++;
            co.set(k, c);
          }
        }
      }
      out.push({
        kb: rs[0].kb, name: rs[0].name, type: rs[0].type, aliases: [...aliases].sort(),
        documents: new Set(rs.map((r) => r.doc_id)).size, mentions: rs.reduce((a, r) => a + r.mentions, 0),
        files: [...new Set(rs.map((r) => r.file))], coMentioned: [...co.values()].sort((a, b) => b.documents - a.documents).slice(0, 15),
      });
    }
    return out.sort((a, b) => b.documents - a.documents);
  }

  async search(query: string, limit = 20, offset = 0): Promise<SearchHit[]> {
    return searchDocuments(this.db, this.dialect, query, limit, offset);
  }

  async countSearch(query: string): Promise<number> {
    return countSearch(this.db, this.dialect, query);
  }

  async listDocuments(filter: DocumentFilter = {}): Promise<Page<DocumentRow>> {
    return listDocuments(this.db, this.dialect, filter);
  }

  async getDocument(id: string): Promise<StoredDocument | null> {
    return getDocument(this.db, id);
  }

  async listStorySummaries(filter: StoryFilter = {}): Promise<Page<StoryRow>> {
    return listStorySummaries(this.db, filter);
  }

  async getStory(id: string): Promise<StoredStory | null> {
    return getStory(this.db, id);
  }

  async queryEvents(filter: EventFilter = {}): Promise<Page<StoredEvent>> {
    return queryEvents(this.db, filter);
  }

  async listEntities(filter: { q?: string; type?: string; keys?: readonly string[]; limit?: number; offset?: number } = {}): Promise<Page<EntityRowSummary>> {
    return listEntities(this.db, filter);
  }

  async getEntity(key: string): Promise<EntityDetailRow | null> {
    return getEntity(this.db, key);
  }

  async listQuotes(filter: { speaker?: string; speakerKbs?: readonly string[]; outlet?: string; doc?: string; limit?: number; offset?: number } = {}): Promise<Page<QuoteRow>> {
    return listQuotes(this.db, filter);
  }

  async graphRows(filter: { since?: string; until?: string; type?: string } = {}): Promise<GraphRows> {
    return graphRows(this.db, filter);
  }

  async getState(key: string): Promise<string | null> {
    return (await this.db.selectFrom("state").select("value").where("key", "=", key).executeTakeFirst())?.value ?? null;
  }

  async setState(key: string, value: string): Promise<void> {
    await this.db.insertInto("state").values({ key, value }).onConflict((oc) => oc.column("key").doUpdateSet({ value })).execute();
  }

  async stats(): Promise<StoreStats> {
    const count = async (t: "documents" | "stories" | "events" | "entities") =>
      Number((await this.db.selectFrom(t).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
    return { documents: await count("documents"), stories: await count("stories"), events: await count("events"), entities: await count("entities") };
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }

  async withStoryLock<T>(fn: (tx: NewsStore) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      await lockStories(trx, this.dialect);
      return fn(new KyselyStore(trx, this.dialect));
    });
  }

  async readStoryLog(after: number, limit: number): Promise<StoryLogRow[]> {
    return readStoryLog(this.db, after, limit);
  }

  async storyLogHead(): Promise<number> {
    return storyLogHead(this.db);
  }

  async appendStoryLog(seq: number, kind: string, docs: number, entry: string): Promise<void> {
    await appendStoryLog(this.db, seq, kind, docs, entry);
  }

  async latestStorySnapshot(): Promise<{ seq: number; data: Uint8Array } | null> {
    return latestStorySnapshot(this.db);
  }

  async putStorySnapshot(seq: number, data: Uint8Array): Promise<void> {
    await putStorySnapshot(this.db, seq, data);
  }

  async storiesOf(docIds: readonly string[]): Promise<Map<string, string>> {
    return storiesOf(this.db, docIds);
  }

  async replaceStories(stories: readonly StoredStory[], removed: readonly string[], opts: { all?: boolean } = {}): Promise<void> {
    await this.inTransaction((trx) => replaceStories(trx, stories, removed, opts.all));
  }

  async tryWithStoryLock<T>(fn: (tx: NewsStore) => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }> {
    return this.db.transaction().execute(async (trx) => {
      if (!(await tryLockStories(trx, this.dialect))) return { ran: false as const };
      return { ran: true as const, value: await fn(new KyselyStore(trx, this.dialect)) };
    });
  }

  async stageDocuments(rows: readonly { id: string; item: string; features: string }[]): Promise<void> {
    await stageDocuments(this.db, rows);
  }

  async pendingDocuments(limit: number): Promise<{ id: string; item: string; features: string }[]> {
    return pendingDocuments(this.db, limit);
  }

  async countPending(): Promise<number> {
    return countPending(this.db);
  }

  async deletePending(ids: readonly string[]): Promise<void> {
    await deletePending(this.db, ids);
  }

  async feedSeen(feed: string, links: readonly string[]): Promise<Set<string>> {
    return feedSeen(this.db, feed, links);
  }

  async markFeedSeen(feed: string, links: readonly string[]): Promise<void> {
    await markFeedSeen(this.db, feed, links);
  }

  /** Runs `fn` in a new transaction, or in the current one when this store is bound to one (withStoryLock). */
  private inTransaction<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
    return this.db.isTransaction ? fn(this.db) : this.db.transaction().execute(fn);
  }
}
