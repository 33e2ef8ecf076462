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
}

/** An event row with where it came from. */
export interface StoredEvent {
  readonly docId: string;
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
  putDocuments(docs: readonly { doc: ContractDocument; text: string; origin: string }[]): Promise<PutResult[]>;
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
  /** Full-text search over titles and texts. */
  search(query: string, limit?: number): Promise<{ id: string; file: string; title: string | null }[]>;
  getState(key: string): Promise<string | null>;
  setState(key: string, value: string): Promise<void>;
  stats(): Promise<StoreStats>;
  close(): Promise<void>;
}
