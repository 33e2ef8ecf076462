import type { StoryRelation } from "../core/corpus.js";
import { averageLink, type LinkEdge } from "./average-link.js";
import { calibratedScore } from "./calibrated-score.js";
import { canonicalOrder, firmDay } from "./canonical-order.js";
import { crossScriptAllowedCached } from "./cross-script-allowed.js";
import { LSH_BANDS, lshBandHashes, lshBandKey } from "./minhash.js";
import { relationKind } from "./relation-kind.js";
import { addToCentroid, emptyCentroid, type StoryCentroid } from "./story-centroid.js";
import type { StoryFeatures } from "./story-features.js";
import { neutralNormOf, prepareFeatures, preparedSimilarity, strongCount, type PreparedFeatures } from "./prepared-features.js";
import { gapFactor, idf, scriptOf, SIMILARITY_WEIGHTS, spanGap, termIdf, type KeyStats, type Similarity } from "./story-similarity.js";

/** Tuning of the index; the defaults are what the stories stage uses. Scores are calibrated (see calibratedScore). */
export interface StoryIndexOptions {
  /** add(): a document joins the story of its best match when that match scores at least this. */
  readonly joinThreshold: number;
  /**
   * consolidate(): stories are the clusters of group-average linkage: two groups merge while the average
   * calibrated score of their pairs is at least this.
   */
  readonly mergeThreshold: number;
  /** Kept for stored indexes of version 1 (the old second-chance attachment); unused. */
  readonly attachThreshold: number;
  /** Below the join threshold but at least this: a separate story, linked as related. */
  readonly relatedThreshold: number;
  /** What a same-story pair in two languages of one script scores, relative to a same-language pair. */
  readonly crossLanguageScale: number;
  /** What a same-story pair in two scripts scores, relative to a same-language pair. */
  readonly crossScriptScale: number;
  /** Postings kept per key (the most recent): bounds the cost of one lookup. */
  readonly maxPosting: number;
  /**
   * Days around an article's own publication days within which its candidates are looked up (when both are dated,
   * not estimated): past two months two reports score at most 0.4 times their similarity (gapFactor), below every
   * join, so older postings are skipped, and a run of them ends the scan (postings are kept in the order stored).
   */
  readonly dayWindow: number;
  /**
   * Eviction from the search structure (not from the stories): a document leaves the postings once its own days end
   * more than `retainDays` before the index's present (the 10th percentile of the own days of the last `retainDocs`
   * documents stored), at least `retainDocs` documents were stored after it, and consolidation has settled it. It
   * stays a member of its story (id, day and title kept). An undated or estimated document counts the present of its
   * storage as its day. 0 keeps every document searchable. Lookups read `dayWindow` days around an article's own
   * days, so the margin past dayWindow is how late (in days) an article may arrive and still find every candidate.
   */
  readonly retainDays: number;
  readonly retainDocs: number;
  /** Candidate documents looked at per added document (the most key weight shared). */
  readonly maxCandidates: number;
  /**
   * Of those, members of one story fully compared at most (the first in candidate order): a big story's best match
   * is among its members that share the most keys, and the rest of the candidates go to other stories.
   */
  readonly maxPerStory: number;
  /** Terms of a document used as lookup keys (its highest tf-idf). */
  readonly lookupTerms: number;
  /** Once the index holds `minDocsForStop` documents, keys in more than this share of them are not looked up. */
  readonly stopShare: number;
  readonly minDocsForStop: number;
  /**
   * consolidate() revisits only the neighbourhood of the documents added since the previous consolidate (a store's
   * ingest batches: the cost stays with the batch instead of the whole index), plus a bounded number of stories
   * last clustered under much older statistics; false revisits every story.
   */
  readonly consolidateTouchedOnly: boolean;
  /** Documents re-clustered together at most by one consolidate() (its cost bound). */
  readonly maxRegion: number;
  /** Up to this many documents, consolidate() compares every pair; above, each document with its candidates. */
  readonly denseRegion: number;
  /** A story is stale, and revisited, once the index has grown by this factor since it was last clustered. */
  readonly staleGrowth: number;
}

/** Default options. */
export const DEFAULT_STORY_INDEX_OPTIONS: StoryIndexOptions = {
  joinThreshold: 0.45,
  mergeThreshold: 0.38,
  attachThreshold: 0.4,
  relatedThreshold: 0.35,
  crossLanguageScale: 0.75,
  crossScriptScale: 0.55,
  maxPosting: 200,
  dayWindow: 60,
  retainDays: 90,
  retainDocs: 5000,
  maxCandidates: 60,
  maxPerStory: 6,
  lookupTerms: 16,
  stopShare: 0.15,
  minDocsForStop: 200,
  consolidateTouchedOnly: false,
  maxRegion: 2000,
  denseRegion: 400,
  staleGrowth: 1.25,
};

/** One story as the index keeps it. */
export interface IndexedStory {
  readonly id: string;
  title: string | null;
  /** Members, earliest report first (publication day, then content id; undated last). */
  readonly members: string[];
  firstDay: number | null;
  lastDay: number | null;
  /** Documents the index held when this story was last clustered (consolidate revisits it once the index has grown). */
  checked?: number;
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

/** What consolidate() changed. */
export interface ConsolidateResult {
  /** Stories that no longer exist → the story that took most of their members. */
  readonly moved: Map<string, string>;
  /** Links of the documents that changed story (each to its closest earlier member). */
  readonly relations: StoryRelation[];
  /** Stories whose membership changed (new, grown, shrunk or merged), earliest first. */
  readonly changed: string[];
  /** Documents re-clustered. */
  readonly examined: number;
}

/** The serialised index (plain JSON), for a store to persist. */
export interface SerializedStoryIndex {
  readonly version: 1 | 2 | 3;
  readonly options: StoryIndexOptions;
  readonly n: number;
  readonly nextStory: number;
  readonly df: [string, number][];
  readonly docs: { features: StoryFeatures; story: string }[];
  readonly stories: IndexedStory[];
  readonly postings: [string, string[]][];
  /** Documents added since the last consolidate (version 2). */
  readonly dirty?: string[];
  /** Story ids in the order consolidate() revisits them when stale (version 2). */
  readonly stale?: string[];
  /** Documents evicted from the search structure: [id, story, day, title] (version 3). */
  readonly evicted?: [string, string, number | null, string | null][];
  /** The present and the last eviction horizon (version 3; see StoryIndexOptions.retainDays). */
  readonly present?: number;
  readonly evictedTo?: number;
  /** The keepDay of the stored documents without own days, by id (version 3). */
  readonly keep?: [string, number][];
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
/** Earlier members a document is compared with to find its link (the nearest in time). */
const LINK_WINDOW = 30;

/**
 * An incremental story clusterer. `add(features)` finds candidate stories through inverted indexes (LSH bands over
 * MinHash of shingles, postings of anchors and top terms), compares only those candidates, and joins the best story
 * or starts one: a fast first answer whose cost per document is bounded by the posting and candidate caps.
 * `consolidate()` then re-examines those decisions: it re-clusters the neighbourhood of the new documents from
 * scratch (group-average linkage over calibrated pair scores, under the current statistics, in a canonical order), so
 * the stories it settles on depend on the set of documents, not on the order or the batches they came in.
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
  /**
   * Key → the ordinals of the documents holding it (oldest first; the most recent maxPosting count). A key held by
   * one document keeps its ordinal as a bare number: most LSH band keys are never shared.
   */
  private readonly postings = new Map<string, number | number[]>();
  /** Per LSH band, the band's hash (as a signed 32-bit integer: a small integer to V8, no string) → its posting. */
  private readonly bandPostings: Map<number, number | number[]>[] = Array.from({ length: LSH_BANDS }, () => new Map());
  /** Stored documents by ordinal (the order they were stored in); undefined once evicted. */
  private readonly byOrd: (StoredDoc | undefined)[] = [];
  /** Documents evicted from the search structure: what their stories still need of them (see retainDays). */
  private readonly gone = new Map<string, GoneDoc>();
  /** By ordinal, the day a document's eviction is reckoned from: its last own day, else the present when it was stored. */
  private keepDay = new Int32Array(1024);
  /** The index's present (see retainDays; OPEN_LO until retainDocs documents were stored) and the last eviction horizon. */
  private present = OPEN_LO;
  private evictedTo = OPEN_LO;
  /** By ordinal, a number ordered as the content ids are (see idKey): ties of candidates are broken without reading ids. */
  private idKeys = new Float64Array(1024);
  /** By ordinal, the first and last publication day of a dated document (not an estimate); OPEN_LO/OPEN_HI when unknown. */
  private dayLo = new Int32Array(1024);
  private dayHi = new Int32Array(1024);
  private readonly pending = new Set<string>();
  /** Documents added since the last consolidate(). */
  private readonly dirty = new Set<string>();
  /** Stories in the order they were last clustered (with the index size then); entries of later rounds supersede. */
  private staleQueue: { id: string; checked: number }[] = [];
  /** Posting entries read by candidate lookups since the index was made: the work a lookup does (bounded by maxPosting a key). */
  private postingsRead = 0;

  /** An empty index. */
  constructor(options: Partial<StoryIndexOptions> = {}) {
    this.options = { ...DEFAULT_STORY_INDEX_OPTIONS, ...options };
  }

  /** Documents counted in the key statistics. */
  /** Counters of the work done so far (for benchmarks: each is bounded per article whatever the store's size). */
  work(): { postingsRead: number; searchable: number; evicted: number } {
    return { postingsRead: this.postingsRead, searchable: this.docs.size, evicted: this.gone.size };
  }

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

  /** One story by id, or null. */
  story(id: string): IndexedStory | null {
    return this.storyMap.get(id) ?? null;
  }

  /** The story a document was put in (evicted or not). */
  storyOf(docId: string): string | null {
    return this.docs.get(docId)?.story ?? this.gone.get(docId)?.story ?? null;
  }

  /** A stored document's title (evicted or not). */
  titleOf(docId: string): string | null {
    return this.docs.get(docId)?.p.f.title ?? this.gone.get(docId)?.title ?? null;
  }

  /** True while a document is in the search structure (stored and not evicted). */
  searchable(docId: string): boolean {
    return this.docs.has(docId);
  }

  /**
   * The pooled terms and anchors of a story's members (a summary of the story, null for an unknown story), computed
   * on demand: clustering compares articles, so the index keeps no centroid per story (it cost memory and time on
   * every placement).
   */
  centroid(storyId: string): StoryCentroid | null {
    const st = this.storyMap.get(storyId);
    if (!st) return null;
    const c = emptyCentroid();
    for (const m of st.members) {
      const d = this.docs.get(m);
      if (d) addToCentroid(c, featuresOf(d));
    }
    return c;
  }

  /**
   * A stored document's features weighed under the current statistics: its stored weights while the statistics have
   * not moved since (no document counted since it was stored), else weighed again.
   */
  private fresh(d: StoredDoc): PreparedFeatures {
    return d.pAt === this.count ? d.p : prepareFeatures(featuresOf(d), this);
  }

  /**
   * Candidates of stored documents looked up by the last consolidate(), valid while no document is stored or counted
   * since (the postings and statistics they came from): relatedOf() then reads them instead of looking up again.
   * Kept beside the index, not in it (a snapshot does not carry it). `fresh`: start a new memo for the current state.
   */
  private lookupMemo(fresh: boolean): Map<string, readonly number[]> {
    const token = this.count * 2 ** 26 + this.byOrd.length;
    let m = LOOKUP_MEMO.get(this);
    if (fresh || !m || m.token !== token) LOOKUP_MEMO.set(this, (m = { token, ords: new Map() }));
    return m.ords;
  }

  /** The stored features of a document (null once evicted: the store keeps them). */
  features(docId: string): StoryFeatures | null {
    const d = this.docs.get(docId);
    return d ? featuresOf(d) : null;
  }

  /** Counts a document's keys before it is added: a batch warms its statistics so its first articles are weighed fairly. */
  observe(f: StoryFeatures): void {
    if (this.pending.has(f.id) || this.docs.has(f.id) || this.gone.has(f.id)) return;
    this.pending.add(f.id);
    this.countKeys(f);
  }

  private countKeys(f: StoryFeatures): void {
    this.count++;
    for (const t of Object.keys(f.terms)) this.termDfs.set(t, (this.termDfs.get(t) ?? 0) + 1);
    for (const k of Object.keys(f.anchors)) this.dfs.set(k, (this.dfs.get(k) ?? 0) + 1);
  }

  /** A document's lookup keys: its LSH band hashes, its anchors, its top terms by tf-idf ("t:<stem>"), stop keys left out. */
  private lookupKeys(f: StoryFeatures): LookupKeys {
    const terms = Object.keys(f.terms);
    return this.lookupOf(f.minhash, Object.keys(f.anchors), terms, terms.map((t) => f.terms[t]), ownDays(f));
  }

  /** The lookup keys of a stored document (as lookupKeys gives them for its features, without rebuilding those). */
  private storedLookupKeys(d: StoredDoc): LookupKeys {
    return this.lookupOf(d.p.f.minhash, d.p.anchorKeys, d.p.termKeys, d.termCounts, ownDays(d.p.f));
  }

  private lookupOf(minhash: ArrayLike<number>, anchors: readonly string[], terms: readonly string[], counts: ArrayLike<number>, days: readonly [number, number] | null): LookupKeys {
    const stop = this.count >= this.options.minDocsForStop ? this.options.stopShare * this.count : Infinity;
    const keys: string[] = [];
    const weights: number[] = [];
    for (const a of anchors) {
      if (this.df(a) > stop) continue;
      keys.push(a);
      weights.push(idf(this, a));
    }
    // The top terms (weight, then stem), chosen before any key string is built.
    const tw = terms.map((t, i) => (1 + Math.log(counts[i])) * termIdf(this, t));
    const order = terms.map((_, i) => i).sort((x, y) => tw[y] - tw[x] || (terms[x] < terms[y] ? -1 : 1));
    for (const i of order.slice(0, this.options.lookupTerms)) {
      if (this.termDf(terms[i]) > stop) continue;
      keys.push("t:" + terms[i]);
      weights.push(tw[i]);
    }
    const w = this.options.dayWindow;
    return { bands: lshBandHashes(minhash), keys, weights, window: days ? [days[0] - w, days[1] + w] : null };
  }

  /**
   * The ordinals of the documents sharing the most key weight with the keys (the top maxCandidates; ties by content
   * id). Scores accumulate in a scratch array indexed by ordinal, and the top ones are selected with a bounded heap:
   * the cost is the postings read (at most maxPosting a key), not the store, and no sort of every candidate.
   */
  private candidateOrds(lookup: LookupKeys): number[] {
    if (ACC.length < this.byOrd.length) {
      const grown = new Float64Array(Math.max(this.byOrd.length, 2 * ACC.length));
      ACC = grown;
    }
    const acc = ACC;
    const touched: number[] = [];
    const cap = this.options.maxPosting;
    const win = lookup.window ?? null;
    const dayLo = this.dayLo, dayHi = this.dayHi;
    const n = lookup.bands.length + lookup.keys.length;
    for (let k = 0; k < n; k++) {
      const band = k < lookup.bands.length;
      const list = band ? this.bandPostings[k].get(lookup.bands[k] | 0) : this.postings.get(lookup.keys[k - lookup.bands.length]);
      const weight = band ? BAND_WEIGHT : lookup.weights[k - lookup.bands.length];
      if (list === undefined) continue;
      if (typeof list === "number") {
        if (win && (dayHi[list] < win[0] || dayLo[list] > win[1])) continue;
        if (acc[list] === 0) touched.push(list);
        acc[list] += weight;
        continue;
      }
      const from = Math.max(0, list.length - cap);
      if (!win) {
        this.postingsRead += list.length - from;
        for (let i = from; i < list.length; i++) {
          const o = list[i];
          if (acc[o] === 0) touched.push(o);
          acc[o] += weight;
        }
        continue;
      }
      // newest first: a document outside the window is passed over; a run of older ones ends the scan
      let old = 0;
      let i = list.length - 1;
      for (; i >= from && old < OLD_RUN; i--) {
        const o = list[i];
        if (dayHi[o] < win[0]) {
          old++;
          continue;
        }
        old = 0;
        if (dayLo[o] > win[1]) continue;
        if (acc[o] === 0) touched.push(o);
        acc[o] += weight;
      }
      this.postingsRead += list.length - 1 - i;
    }
    const docs = this.byOrd, ik = this.idKeys;
    // Better: higher score, then smaller content id (a strict order: ids are unique); the id keys decide most ties.
    const better = (a: number, b: number) => acc[a] > acc[b] || (acc[a] === acc[b] && (ik[a] < ik[b] || (ik[a] === ik[b] && docs[a]!.p.f.id < docs[b]!.p.f.id)));
    const K = this.options.maxCandidates;
    let top: number[];
    if (touched.length <= K) top = touched;
    else {
      // A min-heap (worst on top) of the best K so far.
      const heap: number[] = [];
      for (const o of touched) {
        if (heap.length < K) {
          heap.push(o);
          for (let i = heap.length - 1; i > 0; ) {
            const p = (i - 1) >> 1;
            if (!better(heap[p], heap[i])) break;
            [heap[p], heap[i]] = [heap[i], heap[p]];
            i = p;
          }
        } else if (better(o, heap[0])) {
          heap[0] = o;
          for (let i = 0; ; ) {
            const l = 2 * i + 1, r = l + 1;
            let m = i;
            if (l < K && better(heap[m], heap[l])) m = l;
            if (r < K && better(heap[m], heap[r])) m = r;
            if (m === i) break;
            [heap[m], heap[i]] = [heap[i], heap[m]];
            i = m;
          }
        }
      }
      top = heap;
    }
    const out = [...top].sort((a, b) => (better(a, b) ? -1 : 1));
    for (const o of touched) acc[o] = 0;
    return out;
  }

  /** A pair's score on the one scale every language pair shares (see calibratedScore). */
  private calibrated(sim: Similarity, a: StoryFeatures, b: StoryFeatures): number {
    return calibratedScore(sim.score, a.lang, b.lang, this.options);
  }

  /** Compares a document with the index without adding it: the best story per candidate, best first (calibrated scores). */
  query(f: StoryFeatures, keys: LookupKeys = this.lookupKeys(f), pf = prepareFeatures(f, this), known?: readonly number[]): { story: string; doc: string; sim: Similarity; score: number; compared: number }[] {
    const perStory = new Map<string, { story: string; doc: string; sim: Similarity; score: number; compared: number }>();
    // (known: the candidates of these keys, already looked up on this same index state)
    const cands = known ?? this.candidateOrds(keys);
    const seen = new Map<string, number>();
    let compared = 0;
    for (const o of cands) {
      const other = this.byOrd[o]!;
      const id = other.p.f.id;
      if (id === f.id) continue;
      const n = seen.get(other.story) ?? 0;
      if (n >= this.options.maxPerStory) continue;
      seen.set(other.story, n + 1);
      compared++;
      const sim = preparedSimilarity(pf, other.p, false);
      const score = this.calibrated(sim, f, other.p.f);
      const cur = perStory.get(other.story);
      if (!cur || score > cur.score || (score === cur.score && id < cur.doc)) perStory.set(other.story, { story: other.story, doc: id, sim, score, compared: 0 });
    }
    for (const r of perStory.values()) r.compared = compared;
    return [...perStory.values()].sort((a, b) => b.score - a.score || (a.story < b.story ? -1 : 1));
  }

  /** Adds a document: joins the best matching story or starts one, and says how it relates to the members. */
  add(f: StoryFeatures): AddResult {
    const existing = this.docs.get(f.id) ?? this.gone.get(f.id);
    if (existing) return { story: existing.story, created: false, relations: [], related: [], best: null, compared: 0 };
    if (this.pending.has(f.id)) this.pending.delete(f.id);
    else this.countKeys(f);

    const keys = this.lookupKeys(f);
    const pf = prepareFeatures(f, this);
    const ranked = this.query(f, keys, pf);
    const compared = ranked[0]?.compared ?? 0;
    const top = ranked[0];
    let story: IndexedStory;
    let created = false;
    const relations: StoryRelation[] = [];
    if (top && top.score >= this.options.joinThreshold) {
      story = this.storyMap.get(top.story)!;
      const to = this.citedMember(f, story.members) ?? top.doc;
      const toF = featuresOf(this.docs.get(to)!);
      const sim = preparedSimilarity(pf, to === top.doc ? this.docs.get(to)!.p : this.fresh(this.docs.get(to)!));
      relations.push({ from: f.id, to, kind: relationKind(f, toF, sim), score: r3(sim.score) });
    } else {
      story = this.newStory();
      created = true;
    }
    this.place(f, story, keys, pf);
    this.dirty.add(f.id);
    this.evictOld();

    const related = ranked
      .filter((r) => r.story !== story.id && r.score >= this.options.relatedThreshold)
      .slice(0, 1)
      .map((r) => ({ story: r.story, doc: r.doc, score: r3(r.sim.score) }));
    return { story: story.id, created, relations, related, best: top ? { ...top.sim, doc: top.doc } : null, compared };
  }

  /**
   * Stores a document in a given story (or a new one) without searching: restoring a persisted store, or growing
   * a synthetic one for benchmarks. Returns the story id.
   */
  insert(f: StoryFeatures, storyId?: string): string {
    const existing = this.docs.get(f.id) ?? this.gone.get(f.id);
    if (existing) return existing.story;
    if (this.pending.has(f.id)) this.pending.delete(f.id);
    else this.countKeys(f);
    let story = storyId ? this.storyMap.get(storyId) : undefined;
    if (!story) story = this.newStory(storyId);
    this.place(f, story, this.lookupKeys(f));
    this.evictOld();
    return story.id;
  }

  private newStory(id = `s${this.nextStory++}`): IndexedStory {
    const story: IndexedStory = { id, title: null, members: [], firstDay: null, lastDay: null };
    this.storyMap.set(story.id, story);
    this.checkedNow(story);
    return story;
  }

  /** Puts a document into a story: members, title, days, postings. */
  private place(f: StoryFeatures, story: IndexedStory, keys: LookupKeys, pf?: PreparedFeatures): void {
    story.members.push(f.id);
    if (!story.title && f.title) story.title = f.title;
    if (f.day !== null) {
      if (story.firstDay === null || f.day < story.firstDay) {
        story.firstDay = f.day;
        if (f.title) story.title = f.title; // the earliest report names the story
      }
      if (story.lastDay === null || f.day > story.lastDay) story.lastDay = f.day;
    }
    const stored = this.compact(f, story.id, this.byOrd.length, pf);
    this.docs.set(f.id, stored);
    this.storeOrd(stored);
    keys.bands.forEach((h, b) => this.post(this.bandPostings[b], h | 0, stored.ord));
    for (const key of keys.keys) this.post(this.postings, key, stored.ord);
    for (const a of stored.p.anchorKeys) this.post(this.postings, a, stored.ord);
  }

  /**
   * Re-examines the clustering: of every document (consolidateTouchedOnly false, up to maxRegion documents), or
   * around the documents added since the last call and the members of a few stale stories. A region holds whole
   * stories: the new documents' and those of every document they could merge with (a calibrated score of at least
   * mergeThreshold). Inside it, stories are rebuilt by group-average linkage from single documents, with weights
   * under the current statistics, so the result depends on the documents, not on the order they came in. Story ids
   * carry over to the new cluster holding most of their members; the rest get new ids.
   */
  consolidate(): ConsolidateResult {
    const full = !this.options.consolidateTouchedOnly && this.docs.size <= this.options.maxRegion;
    const seeds = full ? [...this.docs.keys()] : this.consolidationSeeds();
    this.dirty.clear();
    if (!seeds.length) return { moved: new Map(), relations: [], changed: [], examined: 0 };
    const fresh = new Map<string, PreparedFeatures>();
    const prep = (id: string): PreparedFeatures => {
      let p = fresh.get(id);
      if (!p) fresh.set(id, (p = this.fresh(this.docs.get(id)!)));
      return p;
    };
    // Pairs of firmly dated articles carry their date factor; a pair with an undated or estimated side is weighed
    // by the spans of the clusters it joins instead (averageLink's times), and by the gap of coarser own dates.
    // Pairs keyed by their ordinals (a number: no string built per pair).
    const memo = new Map<number, number>();
    const span = this.byOrd.length;
    const score = (a: string, b: string) => {
      const oa = this.docs.get(a)!.ord, ob = this.docs.get(b)!.ord;
      const key = oa < ob ? oa * span + ob : ob * span + oa;
      const hit = memo.get(key);
      if (hit !== undefined) return hit;
      const s = pairScore(a, b);
      memo.set(key, s);
      return s;
    };
    const pairScore = (a: string, b: string) => {
      const pa = prep(a), pb = prep(b);
      const sim = preparedSimilarity(pa, pb, false);
      if (firmDay(pa.f) && firmDay(pb.f)) return calibratedScore(sim.score, pa.f.lang, pb.f.lang, this.options);
      // A date of its own known only to the month or year still counts here ("2023-11" against March 2023).
      const own = !!pa.f.span && !!pb.f.span && !pa.f.dayEstimated && !pb.f.dayEstimated;
      const coarse = own ? gapFactor(spanGap(pa.f.span!, pb.f.span!)) : pa.f.year !== null && pb.f.year !== null && pa.f.year !== pb.f.year ? 0.5 : 1;
      return calibratedScore(sim.base * coarse, pa.f.lang, pb.f.lang, this.options);
    };
    // A document's candidates, looked up once: region() and clusterRegion() both read them, on the same index.
    const found = new Map<string, string[]>();
    const lookedUp = this.lookupMemo(true);
    const cands = (id: string) => {
      let c = found.get(id);
      if (!c) {
        const ords = this.candidateOrds(this.storedLookupKeys(this.docs.get(id)!));
        lookedUp.set(id, ords);
        found.set(id, (c = ords.map((o) => this.byOrd[o]!.p.f.id)));
      }
      return c;
    };
    if (full) return this.rewrite(this.clusterRegion(seeds, score, cands), seeds.length);
    const region = this.region(seeds, score, cands);
    return this.rewrite(this.clusterRegion([...region], score, cands), region.size);
  }

  /** Compares two stored documents in canonical order (a method, not a closure: the index must stay serialisable). */
  private byCanonical(a: string, b: string): number {
    return canonicalOrder(this.docs.get(a)!.p.f, this.docs.get(b)!.p.f);
  }

  /**
   * Clusters a set of documents from scratch: every pair compared (or, above denseRegion documents, each document
   * with its candidates), then group-average linkage in two stages.
   */
  private clusterRegion(docs: readonly string[], score: (a: string, b: string) => number, cands: (id: string) => readonly string[]): string[][] {
    const ids = [...docs].sort((a, b) => this.byCanonical(a, b));
    const pos = new Map(ids.map((id, i) => [id, i]));
    const edges: LinkEdge[] = [];
    if (ids.length <= this.options.denseRegion) {
      for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) edges.push({ i, j, w: score(ids[i], ids[j]) });
    } else {
      const seen = new Set<number>();
      for (let i = 0; i < ids.length; i++) {
        for (const c of cands(ids[i])) {
          const j = pos.get(c);
          if (j === undefined || j === i) continue;
          const [a, b] = i < j ? [i, j] : [j, i];
          const key = a * ids.length + b;
          if (seen.has(key)) continue;
          seen.add(key);
          edges.push({ i: a, j: b, w: score(ids[a], ids[b]) });
        }
      }
    }
    const fs = ids.map((id) => this.docs.get(id)!.p.f);
    // Clusters' spans come from days: a month-dated report joined to undated ones would stretch them over its month.
    const times = { spans: fs.map((f) => (f.day !== null ? ([f.day, f.day] as const) : null)), firm: fs.map(firmDay), gap: gapFactor, estimateFloor: SIMILARITY_WEIGHTS.estimateFloor };
    // Two stages: wording decides within each language first; then whole language blocks meet, their pooled pairs
    // outweighing the noise of any single cross-language pair, and only blocks with no language in common (the first
    // stage has already kept those apart).
    const lang = fs.map((f) => f.lang);
    const script = lang.map(scriptOf);
    const M = this.options.mergeThreshold;
    const blocks = averageLink(ids.length, edges.filter((e) => lang[e.i] === lang[e.j]), M, times);
    return averageLink(ids.length, edges, M, times, blocks, lang, crossScriptAllowedCached(script)).map((c) => c.map((i) => ids[i]));
  }

  /** The documents consolidate() starts from: the new ones, and the members of a few stale stories. */
  private consolidationSeeds(): string[] {
    const out = [...this.dirty].filter((id) => this.docs.has(id));
    // Stories clustered under much older statistics get another look, a bounded number per call (oldest first).
    const budget = Math.min(200, Math.max(50, out.length));
    let taken = 0, head = 0;
    const q = this.staleQueue;
    for (; head < q.length && taken < budget; head++) {
      const { id, checked } = q[head];
      const st = this.storyMap.get(id);
      if (!st || (st.checked ?? 0) !== checked) continue; // gone, or clustered again since (a later entry)
      if (checked * this.options.staleGrowth >= this.count) break;
      for (const m of st.members) if (this.docs.has(m)) out.push(m), taken++;
    }
    q.splice(0, head); // cheap next to the re-clustering it starts: the entries taken are few
    return out;
  }

  /** Notes that a story was clustered now (it becomes stale once the index has grown by staleGrowth). */
  private checkedNow(story: IndexedStory): void {
    story.checked = this.count;
    this.staleQueue.push({ id: story.id, checked: this.count });
    // Drop superseded entries now and then (amortised: the queue at most doubles the stories).
    if (this.staleQueue.length > 2 * this.storyMap.size + 1000) this.staleQueue = this.staleQueue.filter((e) => this.storyMap.get(e.id)?.checked === e.checked);
  }

  /**
   * The documents to re-cluster: the seeds' stories, then, breadth first, the stories of every document a member
   * scores at least mergeThreshold with (found through the lookup keys). Closed under both, the region clusters
   * exactly as the whole index would; but a news stream's similarity graph percolates, so the growth stops at
   * maxRegion documents (the seeds' own stories always go in), and a story the cap cut through is left out whole.
   */
  private region(seeds: readonly string[], score: (a: string, b: string) => number, cands: (id: string) => readonly string[]): Set<string> {
    const region = new Set<string>();
    const queue: string[] = [];
    const addStory = (id: string) => {
      for (const m of this.storyMap.get(this.docs.get(id)!.story)?.members ?? [id]) {
        if (region.has(m) || !this.docs.has(m)) continue; // (an evicted member stays where it is)
        region.add(m);
        queue.push(m);
      }
    };
    for (const id of [...new Set(seeds)].filter((x) => this.docs.has(x)).sort((a, b) => this.byCanonical(a, b))) addStory(id);
    const M = this.options.mergeThreshold;
    for (let q = 0; q < queue.length && region.size < this.options.maxRegion; q++) {
      const id = queue[q];
      for (const c of cands(id)) {
        if (region.size >= this.options.maxRegion) break;
        if (!region.has(c) && score(id, c) >= M) addStory(c);
      }
    }
    return region;
  }

  /** Replaces the stories of a re-clustered region by its new clusters, keeping ids where most members stay. */
  private rewrite(clusters: readonly string[][], examined: number): ConsolidateResult {
    const moved = new Map<string, string>();
    const relations: StoryRelation[] = [];
    const changed = new Set<string>();
    const prepared = new Map<string, PreparedFeatures>();
    const oldStory = new Map<string, string>();
    for (const c of clusters) for (const id of c) oldStory.set(id, this.docs.get(id)!.story);
    const oldMembers = new Map<string, string[]>();
    for (const sid of new Set(oldStory.values())) oldMembers.set(sid, [...(this.storyMap.get(sid)?.members ?? [])]);
    // Each cluster, earliest first, takes the old id most of its members had (if no earlier cluster took it).
    const taken = new Set<string>();
    const idOf: string[] = [];
    clusters.forEach((c, k) => {
      const votes = new Map<string, number>();
      for (const id of c) votes.set(oldStory.get(id)!, (votes.get(oldStory.get(id)!) ?? 0) + 1);
      const best = [...votes].filter(([sid]) => !taken.has(sid)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
      if (best) taken.add(best[0]);
      idOf[k] = best?.[0] ?? "";
    });
    // Evicted members are not re-clustered: they stay in their story, which lives on while it has any.
    const evictedOf = (sid: string) => (oldMembers.get(sid) ?? []).filter((m) => !this.docs.has(m));
    for (const sid of oldMembers.keys()) {
      if (taken.has(sid)) continue;
      const kept = evictedOf(sid);
      if (!kept.length) {
        this.storyMap.delete(sid);
        continue;
      }
      changed.add(sid);
      this.rebuild(this.storyMap.get(sid)!, kept);
    }
    clusters.forEach((c, k) => {
      const members = [...c];
      let story = idOf[k] ? this.storyMap.get(idOf[k]) : undefined;
      const before = story ? (oldMembers.get(story.id) ?? []).filter((m) => this.docs.has(m)) : [];
      const same = story && before.length === members.length && before.every((m) => oldStory.get(m) === story!.id) && members.every((m) => oldStory.get(m) === story!.id);
      if (!story) story = this.newStory();
      else members.push(...evictedOf(story.id));
      if (!same) changed.add(story.id);
      this.rebuild(story, members);
      for (const m of members) {
        const d = this.docs.get(m);
        if (d && d.story !== story.id) {
          d.story = story.id;
          const link = this.linkOf(m, story, prepared);
          if (link) relations.push(link);
        }
      }
    });
    // A story that disappeared points to the story that took most of its members.
    for (const [sid, members] of oldMembers) {
      if (this.storyMap.has(sid)) continue;
      const votes = new Map<string, number>();
      for (const m of members) {
        const s = this.docs.get(m)?.story;
        if (s) votes.set(s, (votes.get(s) ?? 0) + 1);
      }
      const best = [...votes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
      if (best) moved.set(sid, best[0]);
    }
    return { moved, relations, changed: [...changed].filter((s) => this.storyMap.has(s)), examined };
  }

  /** Sets a story's members (canonical order), title and days from scratch. */
  private rebuild(story: IndexedStory, members: readonly string[]): void {
    const feats = members.map((m) => this.docs.get(m)?.p.f ?? { id: m, ...this.gone.get(m)! }).sort(canonicalOrder);
    story.members.length = 0;
    story.members.push(...feats.map((f) => f.id));
    const dated = feats.filter((f) => f.day !== null);
    story.firstDay = dated.length ? dated[0].day : null;
    story.lastDay = dated.length ? dated[dated.length - 1].day : null;
    // The earliest report names the story.
    story.title = feats.find((f) => f.title)?.title ?? null;
    this.checkedNow(story);
  }

  /**
   * The link of a member to the story: to the member whose outlet it cites (a citation chain), else to its closest
   * earlier member (canonical order, the nearest LINK_WINDOW), else, for the first member, to its closest later one.
   */
  linkOf(docId: string, story: IndexedStory | string, prepared = new Map<string, PreparedFeatures>(), citedIn?: (f: StoryFeatures) => string | null, position?: number): StoryRelation | null {
    const st = typeof story === "string" ? this.storyMap.get(story) : story;
    const d = this.docs.get(docId);
    if (!st || !d) return null;
    // (links() passes the member's position and a citation index of the story)
    const at = position ?? st.members.indexOf(docId);
    // (evicted members are passed over: the nearest searchable ones, earlier, else later)
    const live = (m: string) => m !== docId && this.docs.has(m);
    let earlier: string[] = [];
    for (let i = at - 1; i >= 0 && earlier.length < LINK_WINDOW; i--) if (live(st.members[i])) earlier.push(st.members[i]);
    earlier.reverse();
    if (!earlier.length) earlier = st.members.filter(live).slice(0, LINK_WINDOW);
    if (!earlier.length) return null;
    const prep = (id: string) => {
      let p = prepared.get(id);
      if (!p) prepared.set(id, (p = this.fresh(this.docs.get(id)!)));
      return p;
    };
    const pf = prep(docId);
    // A citation chain: the member whose outlet the article cites, earlier or not.
    const cited = citedIn ? citedIn(pf.f) : this.citedMember(pf.f, st.members);
    let best: { id: string; sim: Similarity; score: number } | null = null;
    for (const m of cited ? [cited] : earlier) {
      if (!this.docs.has(m)) continue;
      const po = prep(m);
      // (the score does not read the figures' alignment: only the chosen pair's kind needs it)
      const sim = preparedSimilarity(pf, po, false);
      const score = this.calibrated(sim, pf.f, po.f);
      if (!best || score > best.score) best = { id: m, sim, score };
    }
    if (!best) return null;
    const sim = preparedSimilarity(pf, prep(best.id));
    return { from: docId, to: best.id, kind: relationKind(pf.f, prep(best.id).f, sim), score: r3(sim.score) };
  }

  /** Every member's link within a story (the first member has none unless it cites a later one). */
  links(storyId: string): StoryRelation[] {
    const st = this.storyMap.get(storyId);
    if (!st) return [];
    const prepared = new Map<string, PreparedFeatures>();
    const out: StoryRelation[] = [];
    const cited = this.citedFinder(st.members);
    st.members.forEach((m, i) => {
      const d = this.docs.get(m);
      if (!d || (i === 0 && !cited(d.p.f))) return; // (an evicted member keeps the link it had)
      const link = this.linkOf(m, st, prepared, cited, i);
      if (link) out.push(link);
    });
    return out;
  }

  /** The best near miss of a document in another story (calibrated score at least relatedThreshold), or null. */
  relatedOf(docId: string): { story: string; doc: string; score: number } | null {
    const d = this.docs.get(docId);
    if (!d) return null;
    const known = this.lookupMemo(false).get(docId);
    const best = this.query(d.p.f, known ? NO_LOOKUP : this.storedLookupKeys(d), this.fresh(d), known).find((r) => r.story !== d.story && r.score >= this.options.relatedThreshold);
    return best ? { story: best.story, doc: best.doc, score: r3(best.sim.score) } : null;
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
  private compact(f: StoryFeatures, story: string, ord: number, prepared?: PreparedFeatures): StoredDoc {
    const lite: StoryFeatures = { ...f, lang: this.intern(f.lang), outlet: f.outlet === null ? null : this.intern(f.outlet), cites: f.cites.map((c) => this.intern(c)), terms: NO_KEYS, anchors: NO_KEYS, numbers: f.numbers.slice(0, 30) };
    // Weighed with the anchor weights as stored (single precision, read back to two decimals), so the stored weights
    // are exactly what weighing featuresOf() again under the same statistics gives (see fresh()). `prepared`: the same
    // features already weighed by add(), used when no anchor weight changes in storage.
    const anchors: Record<string, number> = {};
    let exact = true;
    for (const [k, w] of Object.entries(f.anchors)) {
      anchors[k] = Math.round(Math.fround(w) * 100) / 100;
      if (anchors[k] !== w) exact = false;
    }
    const p = prepared && exact ? prepared : prepareFeatures({ ...f, anchors }, this);
    const termKeys = p.termKeys.map((k) => this.intern(k));
    const anchorKeys = p.anchorKeys.map((k) => this.intern(k));
    const leadKeys = p.leadKeys.map((k) => this.intern(k));
    // The signature and every weight in one buffer (one allocation, one backing store), as views.
    const T = termKeys.length, A = anchorKeys.length, L = leadKeys.length, S = f.minhash.length;
    const buf = new ArrayBuffer(4 * (S + 2 * T + 2 * A + L));
    const minhash = new Uint32Array(buf, 0, S);
    minhash.set(f.minhash);
    let at = 4 * S;
    const view = (n: number, from: ArrayLike<number>) => {
      const v = new Float32Array(buf, at, n);
      v.set(from);
      at += 4 * n;
      return v;
    };
    const termUnit = view(T, p.termUnit), anchorUnit = view(A, p.anchorUnit), leadUnit = view(L, p.leadUnit);
    const termCounts = view(T, termKeys.map((k) => f.terms[k]));
    const anchorWeights = view(A, anchorKeys.map((k) => f.anchors[k]));
    return {
      p: { f: { ...lite, minhash, lead: leadKeys }, termKeys, termUnit, anchorKeys, anchorUnit, neutralNorm: neutralNormOf(anchorKeys, anchorUnit), strong: strongCount(anchorKeys), leadKeys, leadUnit },
      termCounts,
      anchorWeights,
      story,
      ord,
      pAt: this.count,
    };
  }

  /** The member whose outlet the new article cites ("… al-Akhbar newspaper quoted"), if any. */
  private citedMember(f: StoryFeatures, members: readonly string[]): string | null {
    if (!f.cites.length) return null;
    for (const id of members) {
      const o = this.docs.get(id)?.p.f.outlet;
      if (o && id !== f.id && f.cites.includes(o)) return id;
    }
    return null;
  }

  /**
   * citedMember over one member list, for many articles: the members of each outlet (the first two, in member
   * order) are indexed once, so each question costs the article's citations, not the story's size.
   */
  private citedFinder(members: readonly string[]): (f: StoryFeatures) => string | null {
    let byOutlet: Map<string, [number, string][]> | null = null;
    return (f) => {
      if (!f.cites.length) return null;
      if (!byOutlet) {
        byOutlet = new Map();
        members.forEach((id, i) => {
          const o = this.docs.get(id)?.p.f.outlet;
          if (!o) return;
          const list = byOutlet!.get(o);
          if (!list) byOutlet!.set(o, [[i, id]]);
          else if (list.length < 2) list.push([i, id]);
        });
      }
      let best: [number, string] | null = null;
      for (const c of f.cites) {
        const hit = byOutlet.get(c)?.find(([, id]) => id !== f.id);
        if (hit && (!best || hit[0] < best[0])) best = hit;
      }
      return best ? best[1] : null;
    };
  }

  /** Registers a stored document under its ordinal. */
  private storeOrd(d: StoredDoc): void {
    this.byOrd.push(d);
    if (this.idKeys.length < this.byOrd.length) {
      const grown = new Float64Array(2 * this.idKeys.length);
      grown.set(this.idKeys);
      this.idKeys = grown;
    }
    this.idKeys[d.ord] = idKey(d.p.f.id);
    if (this.dayLo.length < this.byOrd.length) {
      const lo = new Int32Array(this.idKeys.length), hi = new Int32Array(this.idKeys.length), keep = new Int32Array(this.idKeys.length);
      lo.set(this.dayLo);
      hi.set(this.dayHi);
      keep.set(this.keepDay);
      [this.dayLo, this.dayHi, this.keepDay] = [lo, hi, keep];
    }
    const span = ownDays(d.p.f);
    this.dayLo[d.ord] = span ? span[0] : OPEN_LO;
    this.dayHi[d.ord] = span ? span[1] : OPEN_HI;
    // (an undated document stored before the index has a present is given the first one; see evictOld)
    this.keepDay[d.ord] = span ? span[1] : this.present;
  }

  /**
   * Every EVICT_CHECK documents stored: moves the index's present (see retainDays) and, once the eviction horizon
   * has advanced a tenth of retainDays since the last sweep, evicts. Decided by the sequence of documents stored only (their
   * own days, ordinals and whether consolidation has settled them), never by a clock: replicas evict alike.
   */
  private evictOld(): void {
    const { retainDays, retainDocs } = this.options;
    const len = this.byOrd.length;
    if (retainDays <= 0 || len % Math.max(1, Math.min(EVICT_CHECK, retainDocs)) !== 0 || len < retainDocs) return;
    const recent: number[] = [];
    for (let o = Math.max(0, len - Math.max(retainDocs, 1)); o < len; o++) if (this.dayLo[o] !== OPEN_LO) recent.push(this.dayLo[o]);
    if (!recent.length) return;
    recent.sort((a, b) => a - b);
    const q = recent[Math.floor(recent.length / 10)];
    if (q <= this.present) return;
    if (this.present === OPEN_LO) for (let o = 0; o < len; o++) if (this.keepDay[o] === OPEN_LO) this.keepDay[o] = q;
    this.present = q;
    const horizon = q - retainDays;
    if (this.evictedTo !== OPEN_LO && horizon < this.evictedTo + Math.max(1, Math.floor(retainDays / EVICT_STEPS))) return;
    this.evictedTo = horizon;
    this.evictBefore(horizon, len - retainDocs);
  }

  /**
   * Evicts the settled documents stored before ordinal `cut` whose keepDay is before `horizon`: out of the postings,
   * the document map and the ordinal table, into `gone` (story, day, title). Stories keep them as members.
   */
  private evictBefore(horizon: number, cut: number): void {
    let n = 0;
    for (const d of this.docs.values()) {
      if (d.ord >= cut || this.keepDay[d.ord] >= horizon || this.dirty.has(d.p.f.id)) continue;
      this.docs.delete(d.p.f.id);
      this.gone.set(d.p.f.id, { story: d.story, day: d.p.f.day, title: d.p.f.title });
      this.byOrd[d.ord] = undefined;
      n++;
    }
    if (!n) return;
    const byOrd = this.byOrd;
    const purge = <K>(postings: Map<K, number | number[]>) => {
      for (const [k, list] of postings) {
        if (typeof list === "number") {
          if (byOrd[list] === undefined) postings.delete(k);
          continue;
        }
        let w = 0;
        for (let i = 0; i < list.length; i++) if (byOrd[list[i]] !== undefined) list[w++] = list[i];
        if (w === list.length) continue;
        if (w === 0) postings.delete(k);
        else if (w === 1) postings.set(k, list[0]);
        else list.length = w;
      }
    };
    for (const m of this.bandPostings) purge(m);
    purge(this.postings);
  }

  /** Appends a document's ordinal to a key's posting; a full posting drops its oldest half at once (amortised). */
  private post<K>(postings: Map<K, number | number[]>, key: K, ord: number): void {
    const list = postings.get(key);
    if (list === undefined) {
      postings.set(key, ord);
      return;
    }
    if (typeof list === "number") {
      if (list !== ord) postings.set(key, [list, ord]);
      return;
    }
    if (list[list.length - 1] === ord) return;
    list.push(ord);
    // Readers take the last maxPosting entries; the older ones are dropped once they are as many again.
    if (list.length >= 2 * this.options.maxPosting) list.splice(0, list.length - this.options.maxPosting);
  }

  /** The document ids of a posting, oldest first (at most maxPosting). */
  private postingIds(list: number | number[] | undefined): string[] {
    if (list === undefined) return [];
    const ords = typeof list === "number" ? [list] : list.slice(Math.max(0, list.length - this.options.maxPosting));
    return ords.map((o) => this.byOrd[o]!.p.f.id);
  }

  /** Plain JSON of the whole index. */
  toJSON(): SerializedStoryIndex {
    return {
      version: 3,
      options: this.options,
      n: this.count,
      nextStory: this.nextStory,
      df: [...[...this.termDfs].map(([t, n]): [string, number] => ["t:" + t, n]), ...this.dfs],
      docs: [...this.docs.values()].map((d) => ({ features: { ...featuresOf(d), minhash: Array.from(d.p.f.minhash) }, story: d.story })),
      stories: [...this.storyMap.values()].map((s) => ({ ...s, members: [...s.members] })),
      postings: [
        ...this.bandPostings.flatMap((m, b) => [...m].map(([h, list]): [string, string[]] => [lshBandKey(b, h >>> 0), this.postingIds(list)])),
        ...[...this.postings].map(([k, list]): [string, string[]] => [k, this.postingIds(list)]),
      ],
      dirty: [...this.dirty],
      stale: this.staleQueue.filter((e) => this.storyMap.get(e.id)?.checked === e.checked).map((e) => e.id),
      evicted: [...this.gone].map(([id, g]) => [id, g.story, g.day, g.title]),
      present: this.present,
      evictedTo: this.evictedTo,
      keep: [...this.docs.values()].filter((d) => !ownDays(d.p.f)).map((d) => [d.p.f.id, this.keepDay[d.ord]]),
    };
  }

  /** Rebuilds an index from toJSON's output (an index of version 1 takes today's default options). */
  static fromJSON(data: SerializedStoryIndex): StoryIndex {
    const idx = new StoryIndex(data.version >= 2 ? data.options : {});
    idx.count = data.n;
    idx.nextStory = data.nextStory;
    for (const [k, v] of data.df) if (k.startsWith("t:")) idx.termDfs.set(k.slice(2), v);
    else idx.dfs.set(k, v);
    idx.present = data.present ?? OPEN_LO;
    idx.evictedTo = data.evictedTo ?? OPEN_LO;
    const keep = new Map(data.keep ?? []);
    for (const d of data.docs) {
      const stored = idx.compact(d.features, d.story, idx.byOrd.length);
      idx.docs.set(d.features.id, stored);
      idx.storeOrd(stored);
      const k = keep.get(d.features.id);
      if (k !== undefined) idx.keepDay[stored.ord] = k;
    }
    for (const [id, story, day, title] of data.evicted ?? []) idx.gone.set(id, { story, day, title });
    // (an index serialised before centroids were computed on demand carries one per story: dropped)
    for (const { centroid: _, ...s } of data.stories as (IndexedStory & { centroid?: unknown })[]) idx.storyMap.set(s.id, { ...s, members: [...s.members] });
    const byId = new Map(data.stories.map((s) => [s.id, s]));
    idx.staleQueue = data.stale
      ? data.stale.flatMap((id) => (byId.has(id) ? [{ id, checked: byId.get(id)!.checked ?? 0 }] : []))
      : data.stories.map((s) => ({ id: s.id, checked: s.checked ?? 0 })).sort((a, b) => a.checked - b.checked || (a.id < b.id ? -1 : 1));
    for (const [k, v] of data.postings) {
      const band = /^b(\d+):([0-9a-z]+)$/.exec(k);
      for (const id of v) {
        const d = idx.docs.get(id);
        if (!d) continue;
        if (band) idx.post(idx.bandPostings[Number(band[1])], parseInt(band[2], 36) | 0, d.ord);
        else idx.post(idx.postings, k, d.ord);
      }
    }
    for (const id of data.dirty ?? []) idx.dirty.add(id);
    return idx;
  }
}

/** A stored document: prepared weights for comparison, raw counts to rebuild its features, its story. */
interface StoredDoc {
  readonly p: PreparedFeatures;
  readonly termCounts: Float32Array;
  readonly anchorWeights: Float32Array;
  story: string;
  /** Its ordinal: the position in which it was stored (postings hold ordinals). */
  readonly ord: number;
  /** The number of documents counted in the statistics when `p` was weighed. */
  readonly pAt: number;
}

/**
 * A number that orders strings as they compare (by UTF-16 code units), weakly: a < b implies idKey(a) <= idKey(b).
 * The first six code units, a byte each; a unit past 255 counts as 255 and ends the key (later units would not
 * order it). Equal keys leave the decision to the strings themselves.
 */
export function idKey(id: string): number {
  let k = 0;
  let i = 0;
  for (; i < 6 && i < id.length; i++) {
    const c = id.charCodeAt(i);
    k = k * 256 + Math.min(c, 255);
    if (c >= 255) {
      i++;
      break;
    }
  }
  for (; i < 6; i++) k *= 256;
  return k;
}

/** A document's lookup keys: its LSH band hashes (band b at index b), then anchors and "t:" terms with their weights. */
interface LookupKeys {
  readonly bands: readonly number[];
  readonly keys: readonly string[];
  readonly weights: readonly number[];
  /** The days a candidate's own days must reach into, or null (an undated or estimated article: any day). */
  readonly window?: readonly [number, number] | null;
}

/** No lookup keys (for a query whose candidates are known). */
const NO_LOOKUP: LookupKeys = { bands: [], keys: [], weights: [], window: null };

/** dayLo/dayHi of a document whose days are unknown or estimated: it is in every window. */
const OPEN_LO = -(2 ** 31), OPEN_HI = 2 ** 31 - 1;
/** Postings older than the window in a row that end a scan (a few stored out of date order are passed over). */
const OLD_RUN = 8;
/**
 * Documents stored between two moves of the index's present (fewer when retainDocs is smaller), and the sweeps per
 * retainDays (the eviction horizon advances retainDays / EVICT_STEPS days between two: 9 by default).
 */
const EVICT_CHECK = 1024, EVICT_STEPS = 10;

/** What the index keeps of an evicted document: its story's member list still names it. */
interface GoneDoc {
  readonly story: string;
  readonly day: number | null;
  readonly title: string | null;
}

/** The publication days of an article that bound its candidates: its own date's span, not an estimate; else null. */
function ownDays(f: StoryFeatures): readonly [number, number] | null {
  if (f.dayEstimated) return null;
  if (f.span) return f.span;
  return f.day !== null ? [f.day, f.day] : null;
}

/** The lookup weight of a shared LSH band. */
const BAND_WEIGHT = 4;

/** The terms and anchors of a stored document's features: kept as arrays in PreparedFeatures instead (one shared empty record). */
const NO_KEYS: Readonly<Record<string, number>> = Object.freeze({});

/** See StoryIndex.lookupMemo. */
const LOOKUP_MEMO = new WeakMap<StoryIndex, { token: number; ords: Map<string, readonly number[]> }>();

/** Scratch scores of candidateOrds(), by ordinal (all zero between calls; shared: an index works synchronously). */
let ACC = new Float64Array(1024);

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
