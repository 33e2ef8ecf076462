// Shapes of the HTTP API (src/server/) and of the analysis contract (shared/contract/ANALYSIS.md) as the UI reads them.
// Fields the UI can live without are optional, so a server that adds or drops a field degrades one panel, not the app.

/** A span into the document's original text: JS string indices, end exclusive. */
export interface Offsets {
  start: number;
  end: number;
}

/** A resolved date: YYYY, YYYY-MM or YYYY-MM-DD with its precision and how it was reached. */
export interface DateValue {
  date: string;
  precision: string;
  basis: string;
}

/** A pointer from an event slot, quote or claim to an entity of the document (or unlinked text). */
export interface SlotRef {
  entity: string | null;
  text: string;
  kb?: string | null;
  name?: string;
  lat?: number | null;
  lon?: number | null;
}

/** One entity of a contract document with its mentions. */
export interface ContractEntity {
  id: string;
  kb: string | null;
  name: string;
  aliases: string[];
  type: string;
  lat?: number;
  lon?: number;
  wikidata?: string;
  discovered?: boolean;
  mentions: (Offsets & { text?: string })[];
}

/** One PLOVER event of a contract document. */
export interface ContractEvent {
  type: string;
  mode?: string | null;
  cameo?: string | null;
  acled?: { event_type: string; sub_event_type: string } | null;
  actor: SlotRef | null;
  target: SlotRef | null;
  location: SlotRef | null;
  date: DateValue | null;
  status: string;
  counts?: Record<string, number>;
  weapon?: string | null;
  attribution?: SlotRef | null;
  tier?: string | null;
  trigger?: Offsets & { text: string };
  evidence: Offsets & { text: string };
}

/** A direct quote. */
export interface ContractQuote extends Offsets {
  text: string;
  speaker: SlotRef | null;
  verb?: string | null;
  chain?: (SlotRef | null)[];
}

/** Indirect speech: speaker, verb, content. */
export interface ContractClaim {
  speaker: SlotRef | null;
  verb: string;
  content: Offsets & { text: string };
  chain: (SlotRef | null)[];
}

/** A loaded term with its neutral alternative. */
export interface ContractFraming extends Offsets {
  term: string;
  category: string;
  neutral: string;
  voice?: string;
}

/** A time expression, when the server includes them. */
export interface ContractTime extends Offsets {
  text?: string;
  value: DateValue | null;
  reason?: string;
}

/** One analysed document in the contract's shape. */
export interface ContractDocument {
  file: string;
  id: string;
  language: string | null;
  title: string | null;
  outlet: { name: string; aliases: string[] } | null;
  url: string | null;
  published: DateValue | null;
  published_reason?: string;
  cites: { name: string; entity: string | null }[];
  entities: ContractEntity[];
  events: ContractEvent[];
  quotes: ContractQuote[];
  claims: ContractClaim[];
  framing: ContractFraming[];
  times?: ContractTime[];
  dateline: (Offsets & { text?: string; place?: string | null; credit?: string | null }) | null;
  diagnostics: { severity: string; code: string; stage: string; message: string }[];
}

// The API's own envelopes come from the server's schemas (type-only: nothing of the server is bundled), so a change
// of shape there fails the UI's typecheck instead of a view at run time.
export type {
  Attribution,
  DocumentSummary,
  EntityDetail,
  EntitySummaryT as EntitySummary,
  EventItem,
  Framing,
  Graph,
  Health,
  MergedEvent,
  SearchHit,
  StanceStepT as StanceStep,
  StorySummary,
  Timeline,
} from "../../../src/server/schemas.js";
import type { DocumentDetail as DocumentDetailT, StoryDetail as StoryDetailT } from "../../../src/server/schemas.js";

/** A page of a list endpoint. */
export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

/** GET /api/documents/:id, with the document read through the UI's contract types. */
export type DocumentDetail = Omit<DocumentDetailT, "document"> & { document: ContractDocument };

/** GET /api/stories/:id */
export type StoryDetail = StoryDetailT;

/** One link of an attribution chain (outlet → cited outlet/agency → source → speaker). */
export type ChainLink = { entity: string | null; text: string; kb?: string | null; name?: string } | string | null;
