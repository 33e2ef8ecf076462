import type { ContractDocument } from "../output/to-contract.js";

/** A story as stored: members are document ids. */
export interface StoredStory {
  readonly id: string;
  readonly title: string | null;
  readonly documents: readonly string[];
  readonly relations: readonly { from: string; to: string; kind: string; score?: number }[];
  readonly events?: readonly unknown[];
  readonly updatedAt?: string;
}

/** The outcome of writing one item of a batch. */
export interface PutResult {
  readonly id: string;
  readonly file: string;
  readonly status: "inserted" | "duplicate" | "failed";
  readonly error?: string;
}

/** Filters for listing events. */
export interface EventFilter {
  /** KB id or a name as written (matched against actor text). */
  readonly actor?: string;
  readonly type?: string;
  /** YYYY-MM-DD: events dated on or after. */
  readonly since?: string;
  readonly limit?: number;
  /** Actors by KB id: any of these (a group and its members). */
  readonly actorKbs?: readonly string[];
  /** KB id or a name as written (matched against target text). */
  readonly target?: string;
  /** Targets by KB id: any of these. */
  readonly targetKbs?: readonly string[];
  readonly status?: string;
  /** Part of the location as written. */
  readonly place?: string;
  /** Places by KB id: any of these. */
  readonly placeKbs?: readonly string[];
  readonly language?: string;
  /** The outlet's name, case-insensitive. */
  readonly outlet?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD: events dated on or before (the whole month or year for a short date). */
  readonly until?: string;
  /** Only events of this story's documents. */
  readonly story?: string;
  /** Only events that have a date. */
  readonly dated?: boolean;
  /**
   * Light rows for scans of many events (timelines), in no particular order: the record holds only type, status and
   * date (actor, target null; evidence empty), with actorKb and targetKb, read from an index alone; file empty.
   */
  readonly light?: boolean;
  /** Only these events, by document id and index in that document. */
  readonly refs?: readonly { docId: string; index: number }[];
  readonly offset?: number;
}

/** A page of a list, with the total count of what matches. */
export interface Page<T> {
  readonly items: T[];
  readonly total: number;
}

/** Filters for listing documents. */
export interface DocumentFilter {
  /** Full-text query. */
  readonly q?: string;
  readonly language?: string;
  /** The outlet's name, case-insensitive. */
  readonly outlet?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD on the publication date, inclusive. */
  readonly since?: string;
  readonly until?: string;
  readonly story?: string;
  /** Only these document ids. */
  readonly ids?: readonly string[];
  readonly limit?: number;
  readonly offset?: number;
}

/** A document as a list shows it. */
export interface DocumentRow {
  readonly id: string;
  readonly file: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly language: string | null;
  /** The resolved publication date (YYYY, YYYY-MM or YYYY-MM-DD). */
  readonly published: string | null;
  readonly url: string | null;
  readonly story: string | null;
}

/** One stored document with the input its spans index into. */
export interface StoredDocument {
  readonly document: ContractDocument;
  /** The input as read; null when the document was stored before inputs were kept. */
  readonly original: string | null;
  /** The clean text. */
  readonly text: string;
  readonly format: string | null;
  readonly story: { id: string; title: string | null } | null;
}

/** A full-text hit. */
export interface SearchHit {
  readonly id: string;
  readonly file: string;
  readonly title: string | null;
  readonly outlet?: string | null;
  readonly language?: string | null;
  readonly published?: string | null;
  /** Plain text around the match. */
  readonly snippet?: string;
}

/** Filters for listing stories. */
export interface StoryFilter {
  /** Words of the title. */
  readonly q?: string;
  /** Stories with a member in this language / from this outlet. */
  readonly language?: string;
  readonly outlet?: string;
  /** Stories whose members' dates overlap [since, until]. */
  readonly since?: string;
  readonly until?: string;
  readonly limit?: number;
  readonly offset?: number;
}

/** A story as a list shows it. */
export interface StoryRow {
  readonly id: string;
  readonly title: string | null;
  readonly documents: number;
  readonly languages: string[];
  readonly outlets: string[];
  readonly first: string | null;
  readonly last: string | null;
}

/** An entity across the store, as a list shows it; `key` is the KB id or `name:<lower-cased name>`. */
export interface EntityRowSummary {
  readonly key: string;
  readonly kb: string | null;
  readonly name: string;
  readonly type: string;
  readonly documents: number;
  readonly mentions: number;
}

/** One entity across the store: counts, newest documents, surface forms, and who appears with it. */
export interface EntityDetailRow extends EntityRowSummary {
  /** The newest documents that mention it. */
  readonly docIds: string[];
  /** Surface forms in a sample of those documents. */
  readonly writtenAs: string[];
  readonly coMentioned: { key: string; kb: string | null; name: string; type: string; documents: number }[];
}

/** A stored quote with where it appeared. */
export interface QuoteRow {
  readonly docId: string;
  readonly index: number;
  readonly file: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly language: string | null;
  readonly text: string;
  readonly speaker: string | null;
  readonly speakerKb: string | null;
}

/** Aggregated links between KB entities, for the actor graph. */
export interface GraphRows {
  /** Event actor → target pairs by PLOVER type, counted. */
  readonly events: { actorKb: string; targetKb: string; type: string; count: number }[];
  /** Quoted speakers (KB ids), counted. */
  readonly speakers: { kb: string; count: number }[];
}

/** An event row with where it came from. */
export interface StoredEvent {
  readonly docId: string;
  /** The event's index in its document's events. */
  readonly index?: number;
  readonly language?: string | null;
  readonly published?: string | null;
  readonly story?: string | null;
  readonly file: string;
  readonly outlet: string | null;
  readonly url: string | null;
  /** KB ids of the actor and target, when linked. */
  readonly actorKb: string | null;
  readonly targetKb: string | null;
  readonly record: Record<string, unknown>;
}

/** An entity across the store: how often, where, and with whom. */
export interface EntitySummary {
  readonly kb: string | null;
  readonly name: string;
  readonly type: string;
  readonly aliases: readonly string[];
  readonly documents: number;
  readonly mentions: number;
  readonly files: readonly string[];
  readonly coMentioned: readonly { name: string; kb: string | null; documents: number }[];
}

/** Counts of what the store holds. */
export interface StoreStats {
  readonly documents: number;
  readonly stories: number;
  readonly events: number;
  readonly entities: number;
}

/** The one store interface; SQLite now, PostgreSQL later, one contract test suite for both. */
export interface NewsStore {
  readonly dialect: "sqlite" | "postgres";
  /** Applies pending numbered migrations; returns their names. */
  migrate(): Promise<string[]>;
  /** Writes documents; each item gets its own status, a failing item never undoes the others. */
  putDocuments(docs: readonly { doc: ContractDocument; text: string; origin: string; original?: string; format?: string }[]): Promise<PutResult[]>;
  hasDocument(id: string): Promise<boolean>;
  /** Contract documents by id (all when ids is omitted), in ingestion order. */
  getDocuments(ids?: readonly string[]): Promise<ContractDocument[]>;
  /** Writes stories, replacing the membership of the documents they list. */
  putStories(stories: readonly StoredStory[]): Promise<void>;
  /** Stories, newest first by their latest member's publication date. */
  listStories(opts?: { limit?: number }): Promise<StoredStory[]>;
  listEvents(filter?: EventFilter): Promise<StoredEvent[]>;
  /** Entities whose name or KB id matches (case-insensitive). */
  findEntities(name: string): Promise<EntitySummary[]>;
  /** Full-text search over titles and texts: every word must match (diacritics folded), best first. */
  search(query: string, limit?: number, offset?: number): Promise<SearchHit[]>;
  /** How many documents search() would find in all. */
  countSearch(query: string): Promise<number>;
  /** A page of document summaries, newest first, filtered. */
  listDocuments(filter?: DocumentFilter): Promise<Page<DocumentRow>>;
  /** One document with its original input, or null. */
  getDocument(id: string): Promise<StoredDocument | null>;
  /** A page of story summaries, newest first by their latest member. */
  listStorySummaries(filter?: StoryFilter): Promise<Page<StoryRow>>;
  /** One story, or null. */
  getStory(id: string): Promise<StoredStory | null>;
  /** A page of events (newest first) and how many match in all. */
  queryEvents(filter?: EventFilter): Promise<Page<StoredEvent>>;
  /** A page of entities across the store, most documents first. */
  listEntities(filter?: { q?: string; type?: string; keys?: readonly string[]; limit?: number; offset?: number }): Promise<Page<EntityRowSummary>>;
  /** One entity by KB id or `name:<name>` key, or null. */
  getEntity(key: string): Promise<EntityDetailRow | null>;
  /** A page of quotes, newest documents first. */
  listQuotes(filter?: { speaker?: string; speakerKbs?: readonly string[]; outlet?: string; doc?: string; limit?: number; offset?: number }): Promise<Page<QuoteRow>>;
  /** Actor → target event counts and quoted speakers, for the actor graph. */
  graphRows(filter?: { since?: string; until?: string; type?: string }): Promise<GraphRows>;
  getState(key: string): Promise<string | null>;
  setState(key: string, value: string): Promise<void>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;

  // The story log (docs/scale.md): the ordered clustering steps every process replays into its story index.
  /**
   * Runs `fn` in one transaction that holds the store-wide story lock (PostgreSQL: an advisory lock; SQLite: the
   * write lock); `tx` is this store bound to that transaction. A throw rolls everything back.
   */
  withStoryLock<T>(fn: (tx: NewsStore) => Promise<T>): Promise<T>;
  /** Story log entries with seq > after, oldest first, at most `limit`. */
  readStoryLog(after: number, limit: number): Promise<{ seq: number; kind: string; entry: string }[]>;
  /** The last committed seq (0 when empty). */
  storyLogHead(): Promise<number>;
  /** Appends entry `seq` (one past the head; the key refuses a second entry with the same seq). */
  appendStoryLog(seq: number, kind: string, docs: number, entry: string): Promise<void>;
  /** The newest complete snapshot of the story index, or null. */
  latestStorySnapshot(): Promise<{ seq: number; data: Uint8Array } | null>;
  /** Stores a snapshot of the story index as of `seq`; older ones are dropped (the two newest stay). */
  putStorySnapshot(seq: number, data: Uint8Array): Promise<void>;
  /** The current story of each listed document that has one. */
  storiesOf(docIds: readonly string[]): Promise<Map<string, string>>;
  /**
   * Writes stories as decided: each gets exactly its listed members (moved from wherever they were), title, relations
   * and events, as given (no accumulation); `removed` stories left with no member go; `all` replaces every story.
   */
  replaceStories(stories: readonly StoredStory[], removed: readonly string[], opts?: { all?: boolean }): Promise<void>;
  /** Like withStoryLock, but returns `{ ran: false }` at once when another process holds the lock. */
  tryWithStoryLock<T>(fn: (tx: NewsStore) => Promise<T>): Promise<{ ran: true; value: T } | { ran: false }>;
  /** Stages analysed documents for the next clustering step (a document staged already is left as it is). */
  stageDocuments(rows: readonly { id: string; item: string; features: string }[]): Promise<void>;
  /** Staged documents, oldest first, at most `limit`. */
  pendingDocuments(limit: number): Promise<{ id: string; item: string; features: string }[]>;
  /** How many documents are staged. */
  countPending(): Promise<number>;
  /** Unstages documents (a clustering step took them). */
  deletePending(ids: readonly string[]): Promise<void>;
  /** Which of these entries of a feed `sitrep watch` has already enqueued. */
  feedSeen(feed: string, links: readonly string[]): Promise<Set<string>>;
  /** Records entries of a feed as enqueued. */
  markFeedSeen(feed: string, links: readonly string[]): Promise<void>;
}
