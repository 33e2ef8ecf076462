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
  };
  entities: {
    doc_id: string;
    local_id: string;
    kb: string | null;
    name: string;
    type: string;
    mentions: number;
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
  };
  stories: {
    id: string;
    title: string | null;
    updated_at: string;
    /** Relations and merged events (JSON). */
    record: string;
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
}
