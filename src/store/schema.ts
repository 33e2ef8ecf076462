import type { Generated } from "kysely";

/** The stored tables (kysely's typed schema). JSON columns hold contract records as text. */
export interface Database {
  documents: {
    id: string;
    file: string;
    origin: string;
    url: string | null;
    outlet: string | null;
    outlet_kb: string | null;
    language: string | null;
    title: string | null;
    published_date: string | null;
    published_precision: string | null;
    /** First and last day of the published interval, for range filters. */
    published_from: string | null;
    published_to: string | null;
    ingested_at: string;
    text: string;
    /** The contract document (JSON). */
    analysis: string;
    /** The input as read, which the contract's spans index into (migration 004; null for older rows). */
    original: string | null;
    /** text, markdown, html or jsonl (migration 004). */
    format: string | null;
  };
  entities: {
    doc_id: string;
    local_id: string;
    kb: string | null;
    name: string;
    type: string;
    mentions: number;
    /** The document's published_from (migration 004). */
    published_from: string | null;
  };
  events: {
    doc_id: string;
    idx: number;
    type: string;
    mode: string | null;
    status: string;
    actor_kb: string | null;
    actor_text: string | null;
    target_kb: string | null;
    target_text: string | null;
    location_text: string | null;
    /** KB id of the place (migration 004). */
    location_kb: string | null;
    lat: number | null;
    lon: number | null;
    date: string | null;
    date_precision: string | null;
    killed: number | null;
    injured: number | null;
    /** The contract event (JSON). */
    record: string;
  };
  quotes: {
    doc_id: string;
    idx: number;
    speaker_kb: string | null;
    speaker_text: string | null;
    text: string;
    /** The document's published_from (migration 004). */
    published_from: string | null;
  };
  stories: {
    id: string;
    title: string | null;
    updated_at: string;
    /** Relations and merged events (JSON). */
    record: string;
    /** Member count and date range, kept by putStories (migration 004). */
    doc_count: Generated<number>;
    first_published: string | null;
    last_published: string | null;
  };
  /** A story's languages and outlets, one row each (migration 004), kept by putStories. */
  story_facets: {
    story_id: string;
    kind: "language" | "outlet";
    value: string;
  };
  /** One row per entity across the store (migration 004), kept by putDocuments. */
  entity_index: {
    /** KB id, or `name:` + the lower-cased name. */
    key: string;
    kb: string | null;
    name: string;
    type: string;
    documents: number;
    mentions: number;
  };
  story_members: {
    story_id: string;
    doc_id: string;
  };
  state: {
    key: string;
    value: string;
  };
  migrations_log: {
    id: Generated<number>;
    name: string;
    applied_at: string;
  };
  /** The story log (migration 005): one clustering step per row, in commit order. */
  story_log: {
    seq: number;
    /** "batch", "rebuild" or "legacy". */
    kind: string;
    /** Documents the step clustered. */
    docs: number;
    created_at: string;
    /** The entry (JSON, src/story-log/story-log-entry.ts). */
    entry: string;
  };
  /** The last committed story log seq (one row, id 1). */
  story_head: {
    id: number;
    seq: number;
  };
  /** A serialised story index at `seq`, in `parts` parts. */
  story_snapshots: {
    seq: number;
    part: number;
    parts: number;
    data: Uint8Array;
  };
  /** Analysed documents waiting for a clustering step (migration 006). */
  pending_documents: {
    id: string;
    staged_at: string;
    /** The document as putDocuments takes it (JSON). */
    item: string;
    /** Its story features (JSON). */
    features: string;
  };
  /** Feed entries `sitrep watch` has enqueued. */
  feed_seen: {
    feed: string;
    link: string;
    seen_at: string;
  };
}
