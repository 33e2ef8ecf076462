import type { StoryRelation } from "../core/corpus.js";
import { lshBands } from "./minhash.js";
import { relationKind } from "./relation-kind.js";
import { addToCentroid, centroidPairSimilarity, centroidSimilarity, emptyCentroid, mergeCentroids, type StoryCentroid } from "./story-centroid.js";
import type { StoryFeatures } from "./story-features.js";
import { prepareFeatures, preparedSimilarity, type PreparedFeatures } from "./prepared-features.js";
import { idf, scriptOf, storySimilarity, termIdf, type KeyStats, type Similarity } from "./story-similarity.js";

/** Tuning of the index; the defaults are what the stories stage uses. */
export interface StoryIndexOptions {
  /** A document joins the best story scoring at least this. */
  readonly joinThreshold: number;
  /**
   * consolidate(): two stories with no language in common merge when their pooled anchors (date-scaled) score at
   * least this and each is the other's best match: single articles across languages share few anchors, stories many.
   */
  readonly mergeThreshold: number;
  /** consolidate(): an article left alone joins a story of 3+ whose centroid scores at least this (with a clear margin). */
  readonly attachThreshold: number;
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
  mergeThreshold: 0.3,
  attachThreshold: 0.4,
  relatedThreshold: 0.35,
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
  private readonly termDfs = new Map<string, number>();
  /** One copy of each term and anchor string, shared by every stored document. */
  private readonly interned = new Map<string, string>();
  private readonly docs = new Map<string, StoredDoc>();
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

  /** Documents holding a term. */
  termDf(stem: string): number {
    return this.termDfs.get(stem) ?? 0;
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
    const d = this.docs.get(docId);
    return d ? featuresOf(d) : null;
  }

  /** Counts a document's keys before it is added: a batch warms its statistics so its first articles are weighed fairly. */
  observe(f: StoryFeatures): void {
    if (this.pending.has(f.id) || this.docs.has(f.id)) return;
    this.pending.add(f.id);
    this.countKeys(f);
  }

  private countKeys(f: StoryFeatures): void {
    this.count++;
    for (const t of Object.keys(f.terms)) this.termDfs.set(t, (this.termDfs.get(t) ?? 0) + 1);
    for (const k of Object.keys(f.anchors)) this.dfs.set(k, (this.dfs.get(k) ?? 0) + 1);
  }

  private lookupKeys(f: StoryFeatures): { key: string; weight: number }[] {
    const out: { key: string; weight: number }[] = [];
    for (const b of lshBands(f.minhash)) out.push({ key: b, weight: 4 });
    for (const a of Object.keys(f.anchors)) out.push({ key: a, weight: idf(this, a) });
    const terms = Object.entries(f.terms)
      .map(([t, c]) => ({ key: "t:" + t, weight: (1 + Math.log(c)) * termIdf(this, t) }))
      .sort((x, y) => y.weight - x.weight || (x.key < y.key ? -1 : 1))
      .slice(0, this.options.lookupTerms);
    out.push(...terms);
    const { stopShare, minDocsForStop } = this.options;
    return this.count >= minDocsForStop ? out.filter((k) => k.key.startsWith("b") || (k.key.startsWith("t:") ? this.termDf(k.key.slice(2)) : this.df(k.key)) <= stopShare * this.count) : out;
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
    const pf = prepareFeatures(f, this);
    for (const id of cands) {
      const other = this.docs.get(id);
      if (!other || id === f.id) continue;
      const sim = preparedSimilarity(pf, other.p);
      const cur = perStory.get(other.story);
      if (!cur || sim.score > cur.sim.score) perStory.set(other.story, { story: other.story, doc: id, sim, score: sim.score, compared: cands.length });
    }
    return [...perStory.values()].sort((a, b) => b.score - a.score || (a.story < b.story ? -1 : 1));
  }

  /** Adds a document: joins the best matching story or starts one, and says how it relates to the members. */
  add(f: StoryFeatures): AddResult {
    const existing = this.docs.get(f.id);
    if (existing) return { story: existing.story, created: false, relations: [], related: [], best: null, compared: 0 };
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
      const toF = featuresOf(this.docs.get(to)!);
      const sim = to === top.doc ? top.sim : storySimilarity(f, toF, this);
      relations.push({ from: f.id, to, kind: relationKind(f, toF, sim), score: r3(sim.score) });
    } else {
      story = { id: `s${this.nextStory++}`, title: null, members: [], firstDay: null, lastDay: null, centroid: emptyCentroid() };
      this.storyMap.set(story.id, story);
      created = true;
    }
    this.place(f, story, keys);

    const related = ranked
      .filter((r) => r.story !== story.id && r.score >= this.options.relatedThreshold)
      .slice(0, 1)
      .map((r) => ({ story: r.story, doc: r.doc, score: r3(r.score) }));
    return { story: story.id, created, relations, related, best: top ? { ...top.sim, doc: top.doc } : null, compared };
  }

  /**
   * Stores a document in a given story (or a new one) without searching: restoring a persisted store, or growing
   * a synthetic one for benchmarks. Returns the story id.
   */
  insert(f: StoryFeatures, storyId?: string): string {
    const existing = this.docs.get(f.id);
    if (existing) return existing.story;
    if (this.pending.has(f.id)) this.pending.delete(f.id);
    else this.countKeys(f);
    let story = storyId ? this.storyMap.get(storyId) : undefined;
    if (!story) {
      story = { id: storyId ?? `s${this.nextStory++}`, title: null, members: [], firstDay: null, lastDay: null, centroid: emptyCentroid() };
      this.storyMap.set(story.id, story);
    }
    this.place(f, story, this.lookupKeys(f));
    return story.id;
  }

  /** Puts a document into a story: members, centroid (from the second member on), title, days, postings. */
  private place(f: StoryFeatures, story: IndexedStory, keys: { key: string }[]): void {
    story.members.push(f.id);
    if (story.members.length === 2) {
      // A singleton keeps no centroid (its own features serve); pool both members when the second arrives.
      const first = this.docs.get(story.members[0]);
      if (first) addToCentroid(story.centroid, featuresOf(first));
    }
    if (story.members.length >= 2) addToCentroid(story.centroid, f);
    if (!story.title && f.title) story.title = f.title;
    if (f.day !== null) {
      if (story.firstDay === null || f.day < story.firstDay) {
        story.firstDay = f.day;
        if (f.title) story.title = f.title; // the earliest report names the story
      }
      if (story.lastDay === null || f.day > story.lastDay) story.lastDay = f.day;
    }
    const stored = this.compact(f, story.id);
    this.docs.set(f.id, stored);
    for (const { key } of keys) this.post(key, f.id);
    for (const a of stored.p.anchorKeys) this.post(a, f.id);
  }

  private languages(st: IndexedStory): Set<string> {
    return new Set(st.members.map((m) => this.docs.get(m)?.p.f.lang ?? "und"));
  }

  /**
   * Merges stories whose pooled centroids match mutually and strongly (call it after a batch, or now and then in a
   * stream). Candidates come from each story's lookup keys, so the cost stays bounded. Returns absorbed → survivor.
   */
  consolidate(): { moved: Map<string, string>; relations: StoryRelation[] } {
    const out = new Map<string, string>();
    const relations: StoryRelation[] = [];
    let changed = true;
    while (changed) {
      changed = false;
      const order = [...this.storyMap.values()].filter((s) => s.centroid.size >= 2).sort((a, b) => b.centroid.size - a.centroid.size || (a.id < b.id ? -1 : 1));
      for (const st of order) {
        if (!this.storyMap.has(st.id)) continue;
        const cands = new Set<string>();
        for (const m of st.members.slice(0, 20)) {
          const d = this.docs.get(m);
          const f = d ? featuresOf(d) : null;
          if (f) for (const id of this.candidates(this.lookupKeys(f))) { const s2 = this.docs.get(id)?.story; if (s2) cands.add(s2); }
        }
        const before = new Set(st.members);
        const absorbed = this.mergeInto(st, [...cands]);
        for (const a of absorbed) out.set(a, st.id);
        if (absorbed.length) {
          const link = this.bestLink(st.members.filter((m) => !before.has(m)), [...before]);
          if (link) relations.push(link);
        }
        if (absorbed.length) changed = true;
      }
    }
    // Second chance for articles left alone: a mature story's pooled centroid may recognise what no single member did.
    const S = this.options.attachThreshold;
    for (const st of [...this.storyMap.values()].filter((s) => s.members.length === 1)) {
      const d0 = this.docs.get(st.members[0]);
      if (!d0) continue;
      const f = featuresOf(d0);
      const scores: { story: IndexedStory; score: number }[] = [];
      const seen = new Set<string>();
      for (const id of this.candidates(this.lookupKeys(f))) {
        const sid = this.docs.get(id)?.story;
        if (!sid || sid === st.id || seen.has(sid)) continue;
        seen.add(sid);
        const other = this.storyMap.get(sid);
        if (!other || other.members.length < 3) continue;
        const langs = this.languages(other);
        const crossLanguage = !langs.has(f.lang);
        const crossScript = ![...langs].some((l) => scriptOf(l) === scriptOf(f.lang));
        scores.push({ story: other, score: centroidSimilarity(f, other.centroid, this, { crossLanguage, crossScript }).score });
      }
      scores.sort((a, b) => b.score - a.score);
      const [best, second] = scores;
      if (!best || best.score < S || (second && best.score - second.score < 0.05)) continue;
      const link = this.bestLink([f.id], best.story.members);
      if (link) relations.push(link);
      best.story.members.push(f.id);
      addToCentroid(best.story.centroid, f);
      this.docs.get(f.id)!.story = best.story.id;
      this.storyMap.delete(st.id);
      out.set(st.id, best.story.id);
    }
    return { moved: out, relations };
  }

  /** The closest pair between newcomers and members (at most 20 of each), as a relation from the newcomer. */
  private bestLink(newcomers: readonly string[], members: readonly string[]): StoryRelation | null {
    let best: { from: StoredDoc; to: StoredDoc; sim: Similarity } | null = null;
    for (const a of newcomers.slice(0, 20)) {
      const da = this.docs.get(a);
      if (!da) continue;
      for (const b of members.slice(0, 20)) {
        const db = this.docs.get(b);
        if (!db || a === b) continue;
        const sim = preparedSimilarity(da.p, db.p);
        if (!best || sim.score > best.sim.score) best = { from: da, to: db, sim };
      }
    }
    if (!best) return null;
    const fa = featuresOf(best.from), fb = featuresOf(best.to);
    return { from: fa.id, to: fb.id, kind: relationKind(fa, fb, best.sim), score: r3(best.sim.score) };
  }

  /**
   * How strongly two stories written in different scripts belong together: their pooled anchors (entity ids,
   * figures, event signatures, dates), date-scaled. Stories sharing a script get 0: the article-level pass has
   * already compared their wording, and their pooled names would flatter them.
   */
  private pairScore(a: IndexedStory, b: IndexedStory): number {
    const la = this.languages(a);
    if ([...this.languages(b)].some((l) => la.has(l))) return 0;
    const sim = centroidPairSimilarity(a.centroid, b.centroid, this, true);
    return sim.anchors * sim.dateFactor;
  }

  /**
   * Merges into `story` the candidate story it matches best when that match is mutual (the candidate has no closer
   * story among the same candidates) and scores at least mergeThreshold; returns the absorbed ids.
   */
  private mergeInto(story: IndexedStory, candidates: readonly string[]): string[] {
    const absorbed: string[] = [];
    if (story.centroid.size < 2) return absorbed;
    const M = this.options.mergeThreshold;
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

  private intern(s: string): string {
    const hit = this.interned.get(s);
    if (hit !== undefined) return hit;
    this.interned.set(s, s);
    return s;
  }

  /**
   * The stored form of a document: weights prepared once (idf as of now), key strings shared across documents,
   * the signature as a Uint32Array, at most 30 numbers; the term and anchor dictionaries are dropped.
   */
  private compact(f: StoryFeatures, story: string): StoredDoc {
    const lite: StoryFeatures = { ...f, terms: {}, anchors: {}, numbers: f.numbers.slice(0, 30), minhash: Uint32Array.from(f.minhash) };
    const p = prepareFeatures({ ...f, terms: f.terms, anchors: f.anchors }, this);
    const termKeys = p.termKeys.map((k) => this.intern(k));
    const anchorKeys = p.anchorKeys.map((k) => this.intern(k));
    return {
      p: { f: lite, termKeys, termUnit: p.termUnit, anchorKeys, anchorUnit: p.anchorUnit },
      termCounts: Float32Array.from(termKeys, (k) => f.terms[k]),
      anchorWeights: Float32Array.from(anchorKeys, (k) => f.anchors[k]),
      story,
    };
  }

  /** The member whose outlet the new article cites ("… al-Akhbar newspaper quoted"), if any. */
  private citedMember(f: StoryFeatures, story: IndexedStory): string | null {
    if (!f.cites.length) return null;
    for (const id of story.members) {
      const o = this.docs.get(id)?.p.f.outlet;
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
      df: [...[...this.termDfs].map(([t, n]): [string, number] => ["t:" + t, n]), ...this.dfs],
      docs: [...this.docs.values()].map((d) => ({ features: { ...featuresOf(d), minhash: Array.from(d.p.f.minhash) }, story: d.story })),
      stories: [...this.storyMap.values()].map((s) => ({ ...s, members: [...s.members], centroid: structuredClone(s.centroid) })),
      postings: [...this.postings].map(([k, v]) => [k, [...v]]),
    };
  }

  /** Rebuilds an index from toJSON's output. */
  static fromJSON(data: SerializedStoryIndex): StoryIndex {
    const idx = new StoryIndex(data.options);
    idx.count = data.n;
    idx.nextStory = data.nextStory;
    for (const [k, v] of data.df) if (k.startsWith("t:")) idx.termDfs.set(k.slice(2), v);
    else idx.dfs.set(k, v);
    for (const d of data.docs) idx.docs.set(d.features.id, idx.compact(d.features, d.story));
    for (const s of data.stories) idx.storyMap.set(s.id, { ...s, members: [...s.members], centroid: structuredClone(s.centroid) });
    for (const [k, v] of data.postings) idx.postings.set(k, [...v]);
    return idx;
  }
}

/** A stored document: prepared weights for comparison, raw counts to rebuild its features, its story. */
interface StoredDoc {
  readonly p: PreparedFeatures;
  readonly termCounts: Float32Array;
  readonly anchorWeights: Float32Array;
  story: string;
}

/** Rebuilds full features from a stored document. */
function featuresOf(d: StoredDoc): StoryFeatures {
  const terms: Record<string, number> = {};
  d.p.termKeys.forEach((k, i) => (terms[k] = d.termCounts[i]));
  const anchors: Record<string, number> = {};
  d.p.anchorKeys.forEach((k, i) => (anchors[k] = Math.round(d.anchorWeights[i] * 100) / 100));
  return { ...d.p.f, terms, anchors };
}

/** The keys a document contributes to the statistics: its terms ("t:<stem>") and anchors. */
export function statKeys(f: StoryFeatures): string[] {
  return [...Object.keys(f.terms).map((t) => "t:" + t), ...Object.keys(f.anchors)];
}
