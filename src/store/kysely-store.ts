import { type Kysely, Migrator, type MigrationProvider, sql } from "kysely";
import type { ContractDocument } from "../output/to-contract.js";
import { SitrepError } from "../core/errors.js";
import { migrations } from "./migrations.js";
import type { Database } from "./schema.js";
import type { EntitySummary, EventFilter, NewsStore, PutResult, StoreStats, StoredEvent, StoredStory } from "./news-store.js";

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

  async putDocuments(items: readonly { doc: ContractDocument; text: string; origin: string }[]): Promise<PutResult[]> {
    const results: PutResult[] = [];
    await this.db.transaction().execute(async (trx) => {
      for (const { doc, text, origin } of items) {
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
              ingested_at: new Date().toISOString(), text, analysis: JSON.stringify(doc),
            })
            .execute();
          const ents = doc.entities as { id: string; kb: string | null; name: string; type: string; mentions: unknown[] }[];
          if (ents.length)
            await trx.insertInto("entities").values(ents.map((e) => ({ doc_id: doc.id, local_id: e.id, kb: e.kb, name: e.name, type: e.type, mentions: e.mentions.length }))).execute();
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
                  location_text: e.location?.text ?? null, lat: e.location?.lat ?? null, lon: e.location?.lon ?? null,
                  date: e.date?.date ?? null, date_precision: e.date?.precision ?? null,
                  killed: e.counts?.killed ?? null, injured: e.counts?.injured ?? null, record: JSON.stringify(e),
                })),
              )
              .execute();
          const qs = doc.quotes as { text: string; speaker?: { entity: string | null; text: string } | null }[];
          if (qs.length)
            await trx
              .insertInto("quotes")
              .values(qs.map((q, idx) => ({ doc_id: doc.id, idx, speaker_kb: kbOf(q.speaker?.entity), speaker_text: q.speaker?.text ?? null, text: q.text })))
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
    await this.db.transaction().execute(async (trx) => {
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
    });
  }

  async listStories(opts: { limit?: number } = {}): Promise<StoredStory[]> {
    const rows = await this.db
      .selectFrom("stories")
      .innerJoin("story_members", "story_members.story_id", "stories.id")
      .innerJoin("documents", "documents.id", "story_members.doc_id")
      .select(["stories.id", "stories.title", "stories.record", "stories.updated_at", "documents.id as doc", "documents.published_to"])
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
    let q = this.db
      .selectFrom("events")
      .innerJoin("documents", "documents.id", "events.doc_id")
      .select(["events.doc_id", "events.record", "events.actor_kb", "events.target_kb", "documents.file", "documents.outlet", "documents.url"]);
    if (filter.type) q = q.where("events.type", "=", filter.type.toUpperCase());
    if (filter.since) q = q.where("events.date", ">=", filter.since);
    if (filter.actor) {
      const a = filter.actor.toLowerCase();
      q = q.where((eb) => eb.or([eb("events.actor_kb", "=", a), eb(eb.fn("lower", ["events.actor_text"]), "like", `%${a}%`)]));
    }
    q = q.orderBy("events.date", "desc").orderBy("events.doc_id").orderBy("events.idx");
    if (filter.limit) q = q.limit(filter.limit);
    return (await q.execute()).map((r) => ({ docId: r.doc_id, file: r.file, outlet: r.outlet, url: r.url, actorKb: r.actor_kb, targetKb: r.target_kb, record: JSON.parse(r.record) }));
  }

  async findEntities(name: string): Promise<EntitySummary[]> {
    const n = name.toLowerCase();
    const rows = await this.db
      .selectFrom("entities")
      .innerJoin("documents", "documents.id", "entities.doc_id")
      .select(["entities.doc_id", "entities.local_id", "entities.kb", "entities.name", "entities.type", "entities.mentions", "documents.file", "documents.analysis"])
      .where((eb) => eb.or([eb("entities.kb", "=", n), eb(eb.fn("lower", ["entities.name"]), "like", `%${n}%`)]))
      .execute();
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

  async search(query: string, limit = 20): Promise<{ id: string; file: string; title: string | null }[]> {
    if (this.dialect !== "sqlite") throw new SitrepError("E_STORE", "full-text search on PostgreSQL is not built yet", "use the SQLite store");
    const q = query.replace(/["]/g, " ").trim();
    if (!q) return [];
    const phrase = `"${q}"`;
    const r = await sql<{ id: string; file: string; title: string | null }>`
      SELECT d.id, d.file, d.title FROM documents_fts f JOIN documents d ON d.rowid = f.rowid
      WHERE documents_fts MATCH ${phrase} ORDER BY rank LIMIT ${limit}`.execute(this.db);
    return r.rows;
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
}
