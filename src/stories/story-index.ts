import type { StoryRelation } from "../core/corpus.js";
import { lshBands } from "./minhash.js";
import { relationKind } from "./relation-kind.js";
import { addToCentroid, centroidPairSimilarity, centroidSimilarity, emptyCentroid, mergeCentroids, type StoryCentroid } from "./story-centroid.js";
import type { StoryFeatures } from "./story-features.js";
import { idf, storySimilarity, type KeyStats, type Similarity } from "./story-similarity.js";

/** Tuning of the index; the defaults are what the stories stage uses. */
export interface StoryIndexOptions {
  /** A document joins the best story scoring at least this. */
  readonly joinThreshold: number;
  /**
   * Two stories whose pooled centroids score at least this merge (checked after each add, against the stories
   * the new article's lookup found): single articles in different languages share few anchors, whole stories many.
   */
  readonly mergeThreshold: number;
  /** Below the join threshold but at least this: a separate story, linked as related. */
  readonly relatedThreshold: number;
  /** Postings kept per key (the most recent): bounds the cost of one lookup. */
  readonly maxPosting: number;
  /** Documents fully compared per added document. */
  readonly maxCandidates: number;
  /** Terms of a document used as lookup keys (its highest tf-idf). */
  readonly lookupTerms: number;
  /** Once the index holds `minDocsForStop` documents, keys in more than this share of them are not looked up. */
  readonly stopShare: number;
  readonly minDocsForStop: number;
}

/** Default options. */
export const DEFAULT_STORY_INDEX_OPTIONS: StoryIndexOptions = {
  joinThreshold: 0.45,
  mergeThreshold: 0.45,
  relatedThreshold: 0.2,
  maxPosting: 200,
  maxCandidates: 60,
  lookupTerms: 16,
  stopShare: 0.15,
  minDocsForStop: 200,
};

/** One story as the index keeps it. */
export interface IndexedStory {
  readonly id: string;
  title: string | null;
  readonly members: string[];
  firstDay: number | null;
  lastDay: number | null;
  /** Pooled terms and anchors of the members. */
  centroid: StoryCentroid;
}

/** What adding one document decided. */
export interface AddResult {
  readonly story: string;
  /** True when the document started a new story. */
  readonly created: boolean;
  /** Links from the new document to members of its story (translation, copy, rewrite, same-event). */
  readonly relations: readonly StoryRelation[];
  /** Near misses in other stories: a follow-up, a reaction, the same actors another day. */
  readonly related: readonly { readonly story: string; readonly doc: string; readonly score: number }[];
  /** Stories absorbed into `story` by this add (their ids no longer exist). */
  readonly merged: readonly string[];
  /** The best comparison made, for explanations. */
  readonly best: (Similarity & { readonly doc: string }) | null;
  /** Documents fully compared (the per-article cost). */
  readonly compared: number;
}

/** The serialised index (plain JSON), for a store to persist. */
export interface SerializedStoryIndex {
  readonly version: 1;
  readonly options: StoryIndexOptions;
  readonly n: number;
  readonly nextStory: number;
  readonly df: [string, number][];
  readonly docs: { features: StoryFeatures; story: string }[];
  readonly stories: IndexedStory[];
  readonly postings: [string, string[]][];
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * An incremental story clusterer: `add(features)` finds candidate stories through inverted indexes
 * (LSH bands over MinHash of shingles, postings of anchors and top terms), compares only those candidates,
 * and joins the best story or starts one. Cost per document is bounded by the posting and candidate caps.
 */
export class StoryIndex implements KeyStats {
  readonly options: StoryIndexOptions;
  private count = 0;
  private nextStory = 1;
  private readonly dfs = new Map<string, number>();
  private readonly docs = new Map<string, { features: StoryFeatures; story: string }>();
  private readonly storyMap = new Map<string, IndexedStory>();
  private readonly postings = new Map<string, string[]>();
  private readonly pending = new Set<string>();

  /** An empty index. */
  constructor(options: Partial<StoryIndexOptions> = {}) {
    this.options = { ...DEFAULT_STORY_INDEX_OPTIONS, ...options };
  }

  /** Documents counted in the key statistics. */
  get n(): number {
    return this.count;
  }

  /** Documents holding a key. */
  df(key: string): number {
    return this.dfs.get(key) ?? 0;
  }

  /** The stories so far, in creation order. */
  stories(): IndexedStory[] {
    return [...this.storyMap.values()];
  }

  /** The story a document was put in. */
  storyOf(docId: string): string | null {
    return this.docs.get(docId)?.story ?? null;
  }

  /** The stored features of a document. */
  features(docId: string): StoryFeatures | null {
    return this.docs.get(docId)?.features ?? null;
  }

  /** Counts a document's keys before it is added: a batch warms its statistics so its first articles are weighed fairly. */
  observe(f: StoryFeatures): void {
    if (this.pending.has(f.id) || this.docs.has(f.id)) return;
    this.pending.add(f.id);
    this.countKeys(f);
  }

  private countKeys(f: StoryFeatures): void {
    this.count++;
    for (const k of statKeys(f)) this.dfs.set(k, (this.dfs.get(k) ?? 0) + 1);
  }

  private lookupKeys(f: StoryFeatures): { key: string; weight: number }[] {
    const out: { key: string; weight: number }[] = [];
    for (const b of lshBands(f.minhash)) out.push({ key: b, weight: 4 });
    for (const a of Object.keys(f.anchors)) out.push({ key: a, weight: idf(this, a) });
    const terms = Object.entries(f.terms)
      .map(([t, c]) => ({ key: "t:" + t, weight: (1 + Math.log(c)) * idf(this, "t:" + t) }))
      .sort((x, y) => y.weight - x.weight || (x.key < y.key ? -1 : 1))
      .slice(0, this.options.lookupTerms);
    out.push(...terms);
    const { stopShare, minDocsForStop } = this.options;
    return this.count >= minDocsForStop ? out.filter((k) => k.key.startsWith("b") || this.df(k.key) <= stopShare * this.count) : out;
  }

  private candidates(keys: { key: string; weight: number }[]): string[] {
    const acc = new Map<string, number>();
    for (const { key, weight } of keys) for (const id of this.postings.get(key) ?? []) acc.set(id, (acc.get(id) ?? 0) + weight);
    return [...acc]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, this.options.maxCandidates)
      .map(([id]) => id);
  }

  /** Compares a document with the index without adding it: the best story per candidate, best first. */
  query(f: StoryFeatures, keys = this.lookupKeys(f)): { story: string; doc: string; sim: Similarity; score: number; compared: number }[] {
    const perStory = new Map<string, { story: string; doc: string; sim: Similarity; score: number; compared: number }>();
    const cands = this.candidates(keys);
    for (const id of cands) {
      const other = this.docs.get(id);
      if (!other || id === f.id) continue;
      const sim = storySimilarity(f, other.features, this);
      const cur = perStory.get(other.story);
      if (!cur || sim.score > cur.sim.score) perStory.set(other.story, { story: other.story, doc: id, sim, score: sim.score, compared: cands.length });
    }
    // A story is as close as its closest member or its pooled centroid, whichever is closer.
    const L = process.env.LINK ?? "max";
    for (const r of perStory.values()) {
      const st = this.storyMap.get(r.story);
      if (!st || st.centroid.size < 2) continue;
      const c = centroidSimilarity(f, st.centroid, this).score;
      if (L === "max") r.score = Math.max(r.score, c);
      else if (L === "centroid") r.score = c;
      else if (L === "mix") r.score = 0.5 * r.score + 0.5 * c;
      else if (L === "min") r.score = Math.min(r.score, c);
    }
    return [...perStory.values()].sort((a, b) => b.score - a.score || (a.story < b.story ? -1 : 1));
  }

  /** Adds a document: joins the best matching story or starts one, and says how it relates to the members. */
  add(f: StoryFeatures): AddResult {
    const existing = this.docs.get(f.id);
    if (existing) return { story: existing.story, created: false, relations: [], related: [], merged: [], best: null, compared: 0 };
    if (this.pending.has(f.id)) this.pending.delete(f.id);
    else this.countKeys(f);

    const keys = this.lookupKeys(f);
    const ranked = this.query(f, keys);
    const compared = ranked[0]?.compared ?? 0;
    const top = ranked[0];
    let story: IndexedStory;
    let created = false;
    const relations: StoryRelation[] = [];
    if (top && top.score >= this.options.joinThreshold) {
      story = this.storyMap.get(top.story)!;
      const to = this.citedMember(f, story) ?? top.doc;
      const toF = this.docs.get(to)!.features;
      const sim = to === top.doc ? top.sim : storySimilarity(f, toF, this);
      relations.push({ from: f.id, to, kind: relationKind(f, toF, sim), score: r3(sim.score) });
    } else {
      story = { id: `s${this.nextStory++}`, title: null, members: [], firstDay: null, lastDay: null, centroid: emptyCentroid() };
      this.storyMap.set(story.id, story);
      created = true;
    }
    story.members.push(f.id);
    addToCentroid(story.centroid, f);
    if (!story.title && f.title) story.title = f.title;
    if (f.day !== null) {
      if (story.firstDay === null || f.day < story.firstDay) {
        story.firstDay = f.day;
        if (f.title) story.title = f.title; // the earliest report names the story
      }
      if (story.lastDay === null || f.day > story.lastDay) story.lastDay = f.day;
    }
    this.docs.set(f.id, { features: f, story: story.id });
    for (const { key } of keys) this.post(key, f.id);
    for (const a of Object.keys(f.anchors)) this.post(a, f.id);

    const merged = process.env.NOADDMERGE ? [] : this.mergeInto(story, ranked.map((r) => r.story));
    const related = ranked
      .filter((r) => r.story !== story.id && r.score >= this.options.relatedThreshold)
      .slice(0, 3)
      .map((r) => ({ story: r.story, doc: r.doc, score: r3(r.score) }));
    return { story: story.id, created, relations, related: related.filter((r) => !merged.includes(r.story)), merged, best: top ? { ...top.sim, doc: top.doc } : null, compared };
  }

  private languages(st: IndexedStory): Set<string> {
    return new Set(st.members.map((m) => this.docs.get(m)?.features.lang ?? "und"));
  }

  /**
   * Merges stories whose pooled centroids match mutually and strongly (call it after a batch, or now and then in a
   * stream). Candidates come from each story's lookup keys, so the cost stays bounded. Returns absorbed → survivor.
   */
  consolidate(): Map<string, string> {
    const out = new Map<string, string>();
    let changed = true;
    while (changed) {
      changed = false;
      const order = [...this.storyMap.values()].filter((s) => s.centroid.size >= +(process.env.MINSZ ?? 2)).sort((a, b) => b.centroid.size - a.centroid.size);
      for (const st of order) {
        if (!this.storyMap.has(st.id)) continue;
        const cands = new Set<string>();
        for (const m of st.members.slice(0, 20)) {
          const f = this.docs.get(m)?.features;
          if (f) for (const id of this.candidates(this.lookupKeys(f))) { const s2 = this.docs.get(id)?.story; if (s2) cands.add(s2); }
        }
        const absorbed = this.mergeInto(st, [...cands]);
        for (const a of absorbed) out.set(a, st.id);
        if (absorbed.length) changed = true;
      }
    }
    return out;
  }

  private pairScore(a: IndexedStory, b: IndexedStory): number {
    const la = this.languages(a);
    const cross = ![...this.languages(b)].some((l) => la.has(l));
    const sim = centroidPairSimilarity(a.centroid, b.centroid, this, cross);
    // Across languages only the anchors can speak; the text cosine of names alone would flatter them.
    return cross ? Math.min(sim.score, Math.sqrt(sim.anchors)) * (process.env.MA ? 1 : 1) : sim.score;
  }

  /**
   * Merges into `story` the candidate story it matches best when that match is mutual (the candidate has no closer
   * story among the same candidates) and scores at least mergeThreshold; returns the absorbed ids.
   */
  private mergeInto(story: IndexedStory, candidates: readonly string[]): string[] {
    const absorbed: string[] = [];
    if (story.centroid.size < 2) return absorbed;
    const M = +(process.env.MERGE ?? this.options.mergeThreshold);
    const pool = [...new Set(candidates)].filter((id) => id !== story.id).map((id) => this.storyMap.get(id)).filter((s): s is IndexedStory => !!s && s.centroid.size >= 2);
    let best: IndexedStory | null = null;
    let bestScore = -1;
    for (const t of pool) {
      const sc = this.pairScore(story, t);
      if (sc > bestScore) [best, bestScore] = [t, sc];
    }
    if (!best || bestScore < M) return absorbed;
    for (const u of pool) if (u !== best && this.pairScore(best, u) > bestScore) return absorbed; // not mutual
    const other = best;
    for (const m of other.members) {
      story.members.push(m);
      const d = this.docs.get(m);
      if (d) d.story = story.id;
    }
    mergeCentroids(story.centroid, other.centroid);
    if (other.firstDay !== null && (story.firstDay === null || other.firstDay < story.firstDay)) {
      story.firstDay = other.firstDay;
      story.title = other.title ?? story.title;
    }
    if (other.lastDay !== null && (story.lastDay === null || other.lastDay > story.lastDay)) story.lastDay = other.lastDay;
    this.storyMap.delete(other.id);
    absorbed.push(other.id);
    return absorbed;
  }

  /** The member whose outlet the new article cites ("… al-Akhbar newspaper quoted"), if any. */
  private citedMember(f: StoryFeatures, story: IndexedStory): string | null {
    if (!f.cites.length) return null;
    for (const id of story.members) {
      const o = this.docs.get(id)?.features.outlet;
      if (o && f.cites.includes(o)) return id;
    }
    return null;
  }

  private post(key: string, id: string): void {
    let list = this.postings.get(key);
    if (!list) this.postings.set(key, (list = []));
    if (list[list.length - 1] === id) return;
    list.push(id);
    if (list.length > this.options.maxPosting) list.splice(0, list.length - this.options.maxPosting);
  }

  /** Plain JSON of the whole index. */
  toJSON(): SerializedStoryIndex {
    return {
      version: 1,
      options: this.options,
      n: this.count,
      nextStory: this.nextStory,
      df: [...this.dfs],
      docs: [...this.docs.values()],
      stories: [...this.storyMap.values()].map((s) => ({ ...s, members: [...s.members], centroid: structuredClone(s.centroid) })),
      postings: [...this.postings].map(([k, v]) => [k, [...v]]),
    };
  }

  /** Rebuilds an index from toJSON's output. */
  static fromJSON(data: SerializedStoryIndex): StoryIndex {
    const idx = new StoryIndex(data.options);
    idx.count = data.n;
    idx.nextStory = data.nextStory;
    for (const [k, v] of data.df) idx.dfs.set(k, v);
    for (const d of data.docs) idx.docs.set(d.features.id, { features: d.features, story: d.story });
    for (const s of data.stories) idx.storyMap.set(s.id, { ...s, members: [...s.members], centroid: structuredClone(s.centroid) });
    for (const [k, v] of data.postings) idx.postings.set(k, [...v]);
    return idx;
  }
}

/** The keys a document contributes to the statistics: its terms ("t:") and anchors. */
export function statKeys(f: StoryFeatures): string[] {
  return [...Object.keys(f.terms).map((t) => "t:" + t), ...Object.keys(f.anchors)];
}
