import type { OffsetMap } from "./offset-map.js";
import type { Span, TextSpan } from "./span.js";
export type { Span, TextSpan } from "./span.js";

/** The contract's entity types (see ANALYSIS.md). */
export const ENTITY_TYPES = [
  "person",
  "armed_group",
  "organization",
  "state",
  "government_body",
  "media",
  "place",
  "facility",
  "weapon",
  "event_name",
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The 16 PLOVER event types. */
export const PLOVER_TYPES = [
  "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

/** How the text presents an event. */
export const EVENT_STATUSES = [
  "occurred", "ongoing", "planned", "threatened", "conditional", "suspended", "resumed", "denied",
] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** Input formats the ingest layer recognises. */
export type SourceFormat = "text" | "markdown" | "html" | "jsonl";

/** What the source said about an item before any analysis (JSONL fields, file name, fetched URL). */
export interface SourceInfo {
  /** The input's base name, or a JSONL record's id. */
  readonly file: string;
  /** Where it was read from (path, path#line, or URL), for diagnostics. */
  readonly origin: string;
  readonly format: SourceFormat;
  readonly url?: string | null;
  readonly outlet?: string | null;
  readonly published?: string | null;
  readonly title?: string | null;
}

/** A content problem found while reading or analysing one item. Never thrown: carried on the Doc. */
export interface Diagnostic {
  readonly severity: "error" | "warning" | "info";
  /** Stable code from src/core/errors.ts, e.g. E_EMPTY, W_INVALID_UTF8. */
  readonly code: string;
  /** The stage (or "ingest") that found it. */
  readonly stage: string;
  readonly message: string;
  readonly span?: Span;
}

/** A resolved date with its precision and, in words, how it was reached. */
export interface DateValue {
  /** YYYY-MM-DD, YYYY-MM or YYYY, matching `precision`. */
  readonly date: string;
  readonly precision: "day" | "month" | "year";
  readonly basis: string;
}

/** An outlet or agency as the article names it. */
export interface OutletRef {
  readonly name: string;
  readonly aliases: readonly string[];
  /** KB id when the outlet is known. */
  readonly kb?: string | null;
}

/** "Baghdad, March 6 (RHC)--" */
export interface Dateline extends TextSpan {
  readonly place: string | null;
  /** Month 1-12 and day as written, when present. */
  readonly month: number | null;
  readonly day: number | null;
  readonly year: number | null;
  /** The credit in parentheses or before the dash: "RHC", "APT". */
  readonly credit: string | null;
}

/** An agency or photo credit ("(Photo by AFP)"). */
export interface Credit extends TextSpan {
  readonly kind: "agency" | "photo";
  readonly name: string;
}

/** A source the article cites: "Lebanon's al-Akhbar newspaper quoted …". */
export interface Citation extends TextSpan {
  readonly name: string;
  /** KB id when known. */
  readonly kb?: string | null;
}

/** Article-level metadata found by the metadata stage. */
export interface Metadata {
  readonly title: string | null;
  readonly titleSpan: Span | null;
  readonly outlet: OutletRef | null;
  readonly url: string | null;
  readonly dateline: Dateline | null;
  readonly credits: readonly Credit[];
  readonly cites: readonly Citation[];
  /** Explicit date strings found in metadata (record field, URL path, page meta), most trusted first. */
  readonly dateClues: readonly { readonly value: string; readonly source: string }[];
}

/** The detected language. */
export interface LanguageInfo {
  /** ISO 639-1, or "und" when undetermined. */
  readonly code: string;
  readonly confidence: number;
  readonly basis: string;
}

/** A sentence of the clean text. */
export interface Sentence extends Span {
  /** Index of the paragraph (block separated by blank lines or newlines) it belongs to. */
  readonly paragraph: number;
}

/** A word or punctuation token of the clean text. */
export interface Token extends Span {
  readonly text: string;
  /** Index into Doc.sentences. */
  readonly sentence: number;
  readonly isWord: boolean;
}

/** One mention of an entity. */
export interface Mention extends TextSpan {}

/** An entity found in the document, linked to the KB when possible. */
export interface EntityRecord {
  /** Document-local id: e1, e2, … */
  readonly id: string;
  /** KB id, or null for a discovered name. */
  readonly kb: string | null;
  readonly name: string;
  readonly aliases: readonly string[];
  readonly type: EntityType;
  readonly mentions: readonly Mention[];
  readonly lat?: number | null;
  readonly lon?: number | null;
  readonly wikidata?: string | null;
  /** True when the entity was discovered from context rather than found in the KB. */
  readonly discovered?: boolean;
}

/** A time expression found in the text and resolved (or not) against the publication date. */
export interface TimeExpression extends TextSpan {
  readonly value: DateValue | null;
  /** Why the value is null, when it is. */
  readonly reason?: string;
}

/** The publication date, or null with the reason. */
export interface Published {
  readonly value: DateValue | null;
  readonly reason?: string;
  /** Which clue gave it: record, url, dateline, text, anchors, mentions, story. */
  readonly source?: string;
  /** Earliest and latest dates (YYYY-MM-DD) the text's own evidence allows, when known. */
  readonly notBefore?: string;
  readonly notAfter?: string;
}

/** A pointer from an event slot or a quote to an entity (or to unlinked text). */
export interface SlotRef {
  /** Document-local entity id, or null when the text names no KB/discovered entity. */
  readonly entity: string | null;
  readonly text: string;
  readonly span?: Span;
  /** KB id, when the slot is linked to the KB but the document has no entity for it (a loaded label's referent). */
  readonly kb?: string | null;
  /** The KB entry's name, beside `kb`. */
  readonly name?: string;
}

/** A place slot, with coordinates when the KB knows them. */
export interface PlaceRef extends SlotRef {
  readonly lat?: number | null;
  readonly lon?: number | null;
}

/** Counts an event text gives, with the phrases they came from. */
export interface EventCounts {
  readonly killed?: number;
  readonly injured?: number;
  readonly munitions?: number;
}

/** One figure of an event's toll or munitions, as the text gives it. */
export interface EventFigure {
  readonly kind: "killed" | "injured" | "munitions";
  readonly value: number;
  readonly phrase: TextSpan;
  /** Who gives it ("according to CENTCOM"), when the sentence says. */
  readonly attribution: SlotRef | null;
}

/** A PLOVER-coded event. */
export interface EventRecord {
  readonly type: PloverType;
  readonly mode?: string | null;
  readonly cameo?: string | null;
  readonly acled?: { readonly event_type: string; readonly sub_event_type: string } | null;
  readonly actor: SlotRef | null;
  readonly target: SlotRef | null;
  readonly location: PlaceRef | null;
  readonly date: DateValue | null;
  readonly status: EventStatus;
  readonly counts?: EventCounts;
  /** Phrases the counts came from. */
  readonly countPhrases?: readonly TextSpan[];
  /**
   * Every figure the text gives for the event, with the phrase it came from and who gives it: two sources' tolls are
   * both kept ("25 wounded, CENTCOM said" and "dozens, according to Jordan"). `counts` holds the first of each kind.
   */
  readonly figures?: readonly EventFigure[];
  readonly weapon?: string | null;
  readonly attribution?: SlotRef | null;
  /** The trigger word or phrase. */
  readonly trigger: TextSpan;
  /** One or more sentences in the clean text. */
  readonly evidence: TextSpan;
  /** "core" for the news the article reports, "background" for earlier events it recalls. */
  readonly tier?: "core" | "background";
}

/** A direct quote. */
export interface Quote extends TextSpan {
  readonly speaker: SlotRef | null;
  /** The reporting verb, when one is found ("said", "a déclaré", "قال"). */
  readonly verb?: string | null;
  /** outlet → cited outlet/agency → source → speaker, outermost first (as on the matching Claim). */
  readonly chain?: readonly SlotRef[];
}

/** Indirect speech or a claim: speaker, reporting verb and content. */
export interface Claim {
  readonly speaker: SlotRef | null;
  readonly verb: string;
  readonly content: TextSpan;
  /** outlet → cited outlet/agency → source → speaker, outermost first. */
  readonly chain: readonly SlotRef[];
}

/** A loaded term and a neutral alternative. */
export interface FramingTerm extends Span {
  readonly term: string;
  readonly category: string;
  readonly neutral: string;
  /** Whose words: the outlet's own voice, or inside a quote. */
  readonly voice: "outlet" | "quote";
}

/** A region of the clean text that is not running article prose. */
export interface Region extends Span {
  /** A byline ("By Jane Doe") stays in the text, its names found, but is never a title, an event or a quote. */
  readonly kind: "title" | "caption" | "heading" | "byline";
}

/** A line the clean stage set aside from the article text (a link line, a signature, boilerplate). */
export interface AsideBlock {
  readonly kind: "link" | "signature" | "boilerplate" | "credit";
  readonly text: string;
  /** Offsets into the raw input. */
  readonly start: number;
  readonly end: number;
}

/**
 * The one document every stage reads and extends. Stages never mutate it: each returns a new Doc
 * with its layer added (`{ ...doc, entities }`). All spans point into `text`.
 */
export interface Doc {
  /** Stable content id: hash of the input text. */
  readonly id: string;
  readonly source: SourceInfo;
  /** The input as read (UTF-8 decoded): plain text, Markdown or HTML source. */
  readonly raw: string;
  /** The clean article text, set once by the clean stage. */
  readonly text: string;
  /** Maps `text` positions back to `raw` positions. */
  readonly offsets: OffsetMap;
  /** Title, caption and heading regions of `text` (set by clean): events and quotes skip captions. */
  readonly regions?: readonly Region[];
  /** Lines removed from the text by clean, kept for metadata (the article URL line, the outlet signature). */
  readonly aside?: readonly AsideBlock[];
  readonly meta?: Metadata;
  readonly language?: LanguageInfo;
  readonly sentences?: readonly Sentence[];
  /** A working layer: the per-article stages share it; a pipeline with corpus stages drops it (WORKING_LAYERS). */
  readonly tokens?: readonly Token[];
  readonly entities?: readonly EntityRecord[];
  readonly published?: Published;
  readonly times?: readonly TimeExpression[];
  readonly events?: readonly EventRecord[];
  readonly quotes?: readonly Quote[];
  readonly claims?: readonly Claim[];
  readonly framing?: readonly FramingTerm[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Layers only the per-article stages read. The runDoc of a pipeline with corpus stages returns the Doc without them,
 * so a batch of analysed Docs waiting for the corpus stages does not keep every token alive (about half of a kept
 * Doc's heap); a pipeline of per-article stages alone keeps them (a caller may run more stages on its Docs).
 * No corpus stage may require one.
 */
export const WORKING_LAYERS = ["tokens"] as const;

/** The names of the layers a stage may require or provide. */
export type Layer =
  | "text"
  | "meta"
  | "language"
  | "sentences"
  | "tokens"
  | "entities"
  | "published"
  | "times"
  | "events"
  | "quotes"
  | "claims"
  | "framing";
