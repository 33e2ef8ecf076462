import type { Story, StoryRelation } from "../core/corpus.js";
import type { Doc } from "../core/doc.js";
import { SitrepError } from "../core/errors.js";
import { documentToContract, type ContractDocument } from "../output/to-contract.js";
import type { NewsStore, PutResult, StoredStory } from "../store/news-store.js";
import type { StoryIndex } from "../stories/story-index.js";
import type { StoryFeatures } from "../stories/story-features.js";
import { extractFeatures } from "../stories/extract-features.js";
import { parseStoryLogEntry, plainFeatures, type StoryLogEntry } from "./story-log-entry.js";
import { canonicalStories, StoryReplica } from "./story-replica.js";
import { mergeRelations, storedStoryEvents } from "./stored-story-record.js";

/** Entries read per query while catching up. */
const PAGE = 200;

/** What one committed clustering step did. */
export interface CommitResult {
  /** Per-item status of the documents (duplicates are documents some earlier step stored). */
  readonly results: readonly PutResult[];
  /** The log entry written, or null when nothing was new. */
  readonly seq: number | null;
  /** Stories the step created or changed. */
  readonly stories: number;
  /** CPU time of the clustering itself (the index's work, synchronous), ms. */
  readonly clusterCpuMs?: number;
}

/** A document as the store takes it. */
export type StoreItem = Parameters<NewsStore["putDocuments"]>[0][number];

/** Options of a story log client. */
export interface StoryLogOptions {
  /** Write a snapshot of the index once this many documents were clustered since the last one (0: never). */
  readonly snapshotEvery?: number;
  /** Fault injection for tests: awaited inside the transaction of a step, after its writes, before it commits. */
  readonly beforeCommit?: () => Promise<void>;
}

/**
 * One process's side of the story log (docs/scale.md): an in-memory replica of the story index, caught up from the
 * store's log, and the one serialised step that clusters a batch. Document analysis runs anywhere, in parallel;
 * `commit` takes the store-wide story lock, replays what other processes logged since, stores the batch's new
 * documents, clusters them, writes their stories and the log entry, and commits — all or nothing.
 */
export class StoryLog {
  private replica: StoryReplica | null = null;
  /** Seq of the newest snapshot this process loaded or wrote, and documents clustered since. */
  private snapshotSeq = 0;
  private sinceSnapshot = 0;
  /** Set once a step changed the replica (so a failure before commit must drop it). */
  private moved = false;
  private readonly snapshotEvery: number;
  private readonly beforeCommit?: () => Promise<void>;

  constructor(opts: StoryLogOptions = {}) {
    this.snapshotEvery = opts.snapshotEvery ?? 20_000;
    this.beforeCommit = opts.beforeCommit;
  }

  /** The replica's seq (0 before the first catch-up). */
  get seq(): number {
    return this.replica?.seq ?? 0;
  }

  /** The replica's index, caught up with `store` (read-only use: explanations, tests, benchmarks). */
  async index(store: NewsStore): Promise<StoryIndex> {
    return (await this.catchUp(store)).index;
  }

  /**
   * Brings the replica to the store's head: from the newest snapshot when this process has none yet, then every
   * entry after it, in order.
   */
  async catchUp(store: NewsStore): Promise<StoryReplica> {
    if (!this.replica) {
      const snap = await store.latestStorySnapshot();
      // (a snapshot another version wrote is skipped: the log is replayed from its start)
      this.replica = (snap && StoryReplica.fromSnapshot(snap.data)) || StoryReplica.empty();
      this.snapshotSeq = this.replica.seq;
      this.sinceSnapshot = 0;
    }
    const replica = this.replica;
    for (;;) {
      const rows = await store.readStoryLog(replica.seq, PAGE);
      // (a rebuild may jump ahead to its snapshot, past rows of this page)
      try {
        for (const row of rows) if (row.seq > replica.seq) await this.apply(store, replica, row.seq, parseStoryLogEntry(row.seq, row.entry));
      } catch (e) {
        // A half-applied entry leaves the index between two states: start again from the store next time.
        this.replica = null;
        throw e;
      }
      if (rows.length < PAGE) return this.replica;
    }
  }

  private async apply(store: NewsStore, replica: StoryReplica, seq: number, e: StoryLogEntry): Promise<void> {
    if (e.kind === "batch") {
      replica.applyBatch(seq, e.features, e.placed);
      this.sinceSnapshot += e.features.length;
    } else if (e.kind === "legacy") {
      const r = StoryReplica.fromLegacy(seq, e.state["story-index"]);
      [replica.index, replica.seq] = [r.index, r.seq];
    } else {
      // A rebuild: the snapshot written right after it when there is one, else the same re-clustering again.
      const snap = await store.latestStorySnapshot();
      const r = snap && snap.seq >= seq ? StoryReplica.fromSnapshot(snap.data) : null;
      if (r) {
        [replica.index, replica.seq] = [r.index, r.seq];
        [this.snapshotSeq, this.sinceSnapshot] = [r.seq, 0];
        return;
      }
      const { index } = canonicalStories(await loggedFeatures(store, seq - 1));
      [replica.index, replica.seq] = [index, seq];
      if (replica.digest() !== e.digest) {
        throw new SitrepError("E_STORY_LOG", `replaying the rebuild at story log entry ${seq} gave another partition than the writer's`, "the clustering code differs from the one that wrote the log; run `sitrep settle` with this version");
      }
    }
  }

  /**
   * Stores a batch of analysed documents and clusters the new ones, in one transaction under the story lock.
   * A document already stored (same content id) is a duplicate and changes nothing; a throw leaves nothing behind.
   */
  async commit(store: NewsStore, docs: readonly Doc[]): Promise<CommitResult> {
    // The per-document work happens before the lock.
    const items = docs.map((d) => ({ doc: documentToContract(d), text: d.text, origin: d.source.origin, original: d.raw, format: d.source.format }));
    return this.commitPrepared(store, items, docs.map((d) => extractFeatures(d)));
  }

  /** commit() for documents already in their stored form, with their story features (benchmarks grow stores this way). */
  async commitPrepared(store: NewsStore, items: readonly StoreItem[], featureList: readonly StoryFeatures[]): Promise<CommitResult> {
    return this.guard(() => store.withStoryLock((tx) => this.step(tx, items, featureList)));
  }

  /**
   * Stages analysed documents for the next clustering step (a worker's half of group commit): committed at once,
   * outside the story lock; whichever process runs the next step (drain) stores and clusters them.
   */
  async stage(store: NewsStore, docs: readonly Doc[]): Promise<void> {
    await store.stageDocuments(
      docs.map((d) => ({
        id: d.id,
        item: JSON.stringify({ doc: documentToContract(d), text: d.text, origin: d.source.origin, original: d.raw, format: d.source.format } satisfies StoreItem),
        features: JSON.stringify(plainFeatures(extractFeatures(d))),
      })),
    );
  }

  /**
   * One clustering step over everything staged (up to `max` documents), unless another process is running one:
   * then null at once (that process, or the next step, takes what is staged). The step stores the documents,
   * clusters them, logs the step and unstages them in one transaction.
   */
  async drain(store: NewsStore, max = 2000): Promise<(CommitResult & { staged: number }) | null> {
    const out = await this.guard(() =>
      store.tryWithStoryLock(async (tx) => {
        const rows = await tx.pendingDocuments(max);
        if (!rows.length) return null;
        const items = rows.map((r) => JSON.parse(r.item) as StoreItem);
        const r = await this.step(tx, items, rows.map((row) => JSON.parse(row.features) as StoryFeatures));
        await tx.deletePending(rows.map((row) => row.id));
        return { ...r, staged: rows.length };
      }),
    );
    return out.ran ? out.value : null;
  }

  /** Runs a locked operation; if it fails after the replica moved, the replica is dropped (the log did not move). */
  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    const seq = this.replica?.seq;
    this.moved = false;
    try {
      return await fn();
    } catch (e) {
      if (this.moved || this.replica?.seq !== seq) this.replica = null;
      throw e;
    }
  }

  /** The clustering step, inside the story lock: catch up, store, cluster the new documents, write, log. */
  private async step(tx: NewsStore, items: readonly StoreItem[], featureList: readonly StoryFeatures[]): Promise<CommitResult> {
    const features = new Map(featureList.map((f) => [f.id, plainFeatures(f)]));
    const replica = await this.catchUp(tx);
    const results = await tx.putDocuments(items);
    const batch = results.filter((r) => r.status === "inserted").map((r) => features.get(r.id)!);
    if (!batch.length) return { results, seq: null, stories: 0 };
    batch.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.moved = true;
    const seq = replica.seq + 1;
    const c0 = process.cpuUsage();
    const stories = replica.applyBatch(seq, batch, []);
    const c = process.cpuUsage(c0);
    const placed = batch.map((f) => [f.id, replica.index.storyOf(f.id)!] as const);
    await writeStories(tx, replica.index, stories, new Map(items.map((i) => [i.doc.id, i.doc])));
    await tx.appendStoryLog(seq, "batch", batch.length, JSON.stringify({ v: 1, kind: "batch", features: batch, placed } satisfies StoryLogEntry));
    await this.beforeCommit?.();
    this.sinceSnapshot += batch.length;
    return { results, seq, stories: stories.length, clusterCpuMs: (c.user + c.system) / 1000 };
  }

  /** Writes a snapshot when enough documents were clustered since the last one; returns its seq, or null. */
  async maybeSnapshot(store: NewsStore, force = false): Promise<number | null> {
    if (!this.replica || this.replica.seq === this.snapshotSeq) return null;
    if (!force && (!this.snapshotEvery || this.sinceSnapshot < this.snapshotEvery)) return null;
    const seq = this.replica.seq;
    await store.putStorySnapshot(seq, this.replica.toSnapshot());
    [this.snapshotSeq, this.sinceSnapshot] = [seq, 0];
    return seq;
  }

  /**
   * Re-clusters every logged document canonically (one step over all of them, as a one-batch ingest would), rewrites
   * every story, logs the rebuild and snapshots it. Stories then depend on the set of documents only, not on the
   * order or the batches they arrived in. Costs time and memory in proportion to the store.
   */
  async settle(store: NewsStore): Promise<{ seq: number; documents: number; stories: number }> {
    const out = await this.guard(() =>
      store.withStoryLock(async (tx) => {
        const head = (await this.catchUp(tx)).seq;
        const feats = await loggedFeatures(tx, head);
        this.moved = true;
        const { index, stories } = canonicalStories(feats);
        const replica = new StoryReplica(index, head + 1);
        this.replica = replica;
        await writeStories(tx, index, stories, new Map(), { all: true });
        await tx.appendStoryLog(replica.seq, "rebuild", feats.length, JSON.stringify({ v: 1, kind: "rebuild", docs: feats.length, digest: replica.digest() } satisfies StoryLogEntry));
        return { seq: replica.seq, documents: feats.length, stories: index.stories().length };
      }),
    );
    await this.maybeSnapshot(store, true);
    return out;
  }
}

/** The features of every document logged up to `upTo`, from batch entries and a legacy index. */
export async function loggedFeatures(store: NewsStore, upTo: number): Promise<StoryFeatures[]> {
  const out = new Map<string, StoryFeatures>();
  let after = 0;
  while (after < upTo) {
    const rows = await store.readStoryLog(after, PAGE);
    if (!rows.length) break;
    for (const row of rows) {
      if (row.seq > upTo) return [...out.values()];
      const e = parseStoryLogEntry(row.seq, row.entry);
      if (e.kind === "batch") for (const f of e.features) out.set(f.id, f);
      else if (e.kind === "legacy") for (const d of e.state["story-index"]?.docs ?? []) out.set(d.features.id, d.features);
      after = row.seq;
    }
  }
  return [...out.values()];
}

/**
 * Writes the stories a step changed, each whole: all its members (from the index), its relations, its title and its
 * merged events (from the stored documents of every member). Relations: the index recomputes a member's link when
 * it clusters it, so a document's new links replace its stored ones; a document the step did not relink keeps what
 * the store had (from its story, or from a story it was merged out of), as long as the link stays inside its story.
 * Stories the step emptied are removed.
 */
async function writeStories(tx: NewsStore, index: StoryIndex, stories: readonly Story[], fresh: ReadonlyMap<string, ContractDocument>, opts: { all?: boolean } = {}): Promise<void> {
  const whole = stories.map((s) => ({ s, members: index.story(s.id)?.members ?? [...s.documents] }));
  const allMembers = whole.flatMap((w) => w.members);
  const touchedIds = new Set(stories.map((s) => s.id));
  const old: StoryRelation[][] = [];
  const absorbed = new Set<string>();
  if (!opts.all) {
    const prior = new Set((await tx.storiesOf(allMembers)).values());
    for (const s of stories) prior.add(s.id);
    for (const id of prior) {
      if (!touchedIds.has(id)) absorbed.add(id);
      const rec = await tx.getStory(id);
      if (rec) old.push(rec.relations as StoryRelation[]);
    }
  }
  const fresher = stories.flatMap((s) => s.relations);
  const relinked = new Set(fresher.filter((r) => r.kind !== "related").map((r) => r.from));
  const rerelated = new Set(fresher.filter((r) => r.kind === "related").map((r) => r.from));
  const kept = old.flat().filter((r) => !(r.kind === "related" ? rerelated : relinked).has(r.from));
  // Every relation belongs to the story its source document is in now; a link stays inside it, a near miss outside.
  const byStory = new Map<string, StoryRelation[]>();
  for (const r of mergeRelations(kept, fresher)) {
    const sid = index.storyOf(r.from);
    if (!sid || !touchedIds.has(sid)) continue;
    if ((r.kind === "related") === (index.storyOf(r.to) === sid)) continue;
    byStory.set(sid, [...(byStory.get(sid) ?? []), r]);
  }
  const stored = new Map(fresh);
  const missing = allMembers.filter((m) => !stored.has(m));
  for (let i = 0; i < missing.length; i += 1000) for (const c of await tx.getDocuments(missing.slice(i, i + 1000))) stored.set(c.id, c);
  const out: StoredStory[] = whole.map(({ s, members }) => ({
    id: s.id,
    title: s.title,
    documents: members,
    relations: byStory.get(s.id) ?? [],
    events: storedStoryEvents(s.id, members, stored),
  }));
  await tx.replaceStories(out, [...absorbed], opts);
}
