import { z } from "@hono/zod-openapi";

/*
 * The HTTP API's request and response schemas (zod 3 with OpenAPI metadata). They validate every request, describe
 * every response in /openapi.json, and give the web UI its types: `import type { DocumentDetail } from ".../schemas.js"`.
 *
 * Conventions:
 * - Lists are pages: { items, total, limit, offset }; `limit` is 1..500 (default 50), `offset` ≥ 0.
 * - Dates in filters are YYYY, YYYY-MM or YYYY-MM-DD; `since` and `until` are inclusive.
 * - Every error is { error: { code, message, issues? } } with an HTTP status (400, 401, 404, 413, 415, 500).
 * - Documents are keyed by their content id (`id`); `file` is the input's name and need not be unique in a store.
 * - Offsets (`start`, `end`) in a document are JavaScript string indices into the ORIGINAL input, which
 *   GET /api/documents/{id} returns as `text` (HTML and Markdown as their source, to be shown as plain text).
 */

// ---------------------------------------------------------------------------------------------------------------
// Shared pieces

/** A date filter: YYYY, YYYY-MM or YYYY-MM-DD. */
export const DateParam = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "a date is YYYY, YYYY-MM or YYYY-MM-DD")
  .refine((d) => {
    const [y, m, day] = d.split("-").map(Number);
    if (m === undefined) return true;
    if (m < 1 || m > 12) return false;
    return day === undefined || (day >= 1 && day <= new Date(Date.UTC(y, m, 0)).getUTCDate());
  }, "no such month or day");

/** Paging query parameters shared by every list. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50).openapi({ param: { name: "limit", in: "query" }, example: 50 }),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0).openapi({ param: { name: "offset", in: "query" }, example: 0 }),
});

/** A page of items. */
export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
}

/** An error response: a stable code and a message that says what was expected and the fix. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: "E_VALIDATION" }),
      message: z.string(),
      /** Validation problems, one line per bad field. */
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi("Error");

/** A span: JS string indices into the original input, end exclusive. */
export const SpanSchema = z.object({ start: z.number().int(), end: z.number().int(), text: z.string().optional() }).passthrough();

/** A reference to an entity from an event slot, quote speaker or claim chain. */
export const SlotSchema = z
  .object({ entity: z.string().nullable(), text: z.string(), lat: z.number().nullable().optional(), lon: z.number().nullable().optional() })
  .passthrough();

/** A resolved date with its precision and the basis in words. */
export const ResolvedDateSchema = z.object({ date: z.string(), precision: z.string(), basis: z.string().optional() }).passthrough();

// ---------------------------------------------------------------------------------------------------------------
// The contract document (../shared/contract/ANALYSIS.md), typed enough for a client; unknown fields pass through.

/** An entity of one document, with its mentions. */
export const ContractEntitySchema = z
  .object({
    id: z.string(),
    kb: z.string().nullable(),
    name: z.string(),
    aliases: z.array(z.string()),
    type: z.string(),
    lat: z.number().optional(),
    lon: z.number().optional(),
    wikidata: z.string().optional(),
    discovered: z.boolean().optional(),
    mentions: z.array(SpanSchema),
  })
  .passthrough()
  .openapi("ContractEntity");

/** A PLOVER event of one document. */
export const ContractEventSchema = z
  .object({
    type: z.string(),
    mode: z.string().nullable().optional(),
    cameo: z.string().nullable().optional(),
    acled: z.object({ event_type: z.string(), sub_event_type: z.string() }).passthrough().nullable().optional(),
    actor: SlotSchema.nullable().optional(),
    target: SlotSchema.nullable().optional(),
    location: SlotSchema.nullable().optional(),
    date: ResolvedDateSchema.nullable().optional(),
    status: z.string(),
    counts: z.record(z.string(), z.number()).optional(),
    weapon: z.string().nullable().optional(),
    attribution: SlotSchema.nullable().optional(),
    tier: z.string().nullable().optional(),
    trigger: SpanSchema.optional(),
    evidence: SpanSchema,
  })
  .passthrough()
  .openapi("ContractEvent");

/** A quotation with its speaker and, when the text gives one, the chain of who passed it on. */
export const ContractQuoteSchema = z
  .object({
    text: z.string(),
    start: z.number().int(),
    end: z.number().int(),
    speaker: SlotSchema.nullable().optional(),
    verb: z.string().nullable().optional(),
    chain: z.array(SlotSchema.nullable()).optional(),
  })
  .passthrough()
  .openapi("ContractQuote");

/** A reported claim: speaker, verb, content span, attribution chain (outlet → source → speaker). */
export const ContractClaimSchema = z
  .object({ speaker: SlotSchema.nullable().optional(), verb: z.string().nullable().optional(), content: SpanSchema, chain: z.array(SlotSchema.nullable()) })
  .passthrough()
  .openapi("ContractClaim");

/** A loaded term with a neutral alternative; `voice` says whether it is the outlet's words or a quote's. */
export const ContractFramingSchema = z
  .object({ term: z.string(), start: z.number().int(), end: z.number().int(), category: z.string(), neutral: z.string(), voice: z.string().optional() })
  .passthrough()
  .openapi("ContractFraming");

/** One document exactly as `sitrep analyze --json` prints it. */
export const ContractDocumentSchema = z
  .object({
    file: z.string(),
    id: z.string(),
    language: z.string().nullable(),
    title: z.string().nullable(),
    outlet: z.object({ name: z.string(), aliases: z.array(z.string()) }).nullable(),
    url: z.string().nullable(),
    published: ResolvedDateSchema.nullable(),
    published_reason: z.string().optional(),
    cites: z.array(z.object({ name: z.string(), entity: z.string().nullable() }).passthrough()),
    entities: z.array(ContractEntitySchema),
    events: z.array(ContractEventSchema),
    quotes: z.array(ContractQuoteSchema),
    claims: z.array(ContractClaimSchema),
    framing: z.array(ContractFramingSchema),
    dateline: SpanSchema.nullable(),
    diagnostics: z.array(z.object({ severity: z.string(), code: z.string(), stage: z.string(), message: z.string() }).passthrough()),
  })
  .passthrough()
  .openapi("ContractDocument");

/** A story-level event: one real-world event merged across documents, keeping every source's figures. */
export const MergedEventSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    mode: z.string().nullable().optional(),
    status: z.string().optional(),
    actor: SlotSchema.nullable().optional(),
    target: SlotSchema.nullable().optional(),
    location: SlotSchema.nullable().optional(),
    dates: z.array(ResolvedDateSchema).optional(),
    /** Per count kind, every source's figure: { killed: [{ value, doc, attribution }] }. */
    counts: z.record(z.string(), z.array(z.object({ value: z.number(), doc: z.string(), attribution: z.unknown().optional() }).passthrough())).optional(),
    /** The document events merged: { doc: document id, event: index in that document's events }. */
    members: z.array(z.object({ doc: z.string(), event: z.number().int() }).passthrough()).optional(),
    firstReported: z.string().nullable().optional(),
    lastReported: z.string().nullable().optional(),
  })
  .passthrough()
  .openapi("MergedEvent");

/** A story: `documents`, and `from`/`to` of relations, are document ids (join with the summaries for files). */
export const StorySchema = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    documents: z.array(z.string()),
    /** Links inside the story: translation, copy, rewrite, same-event. */
    relations: z.array(z.object({ from: z.string(), to: z.string(), kind: z.string(), score: z.number().optional() }).passthrough()),
    /** Near misses: a member's closest document in another story (a follow-up, a reaction). */
    related: z.array(z.object({ from: z.string(), to: z.string(), score: z.number().nullable() })),
    events: z.array(MergedEventSchema),
  })
  .openapi("Story");

// ---------------------------------------------------------------------------------------------------------------
// Health

export const HealthSchema = z
  .object({
    ok: z.boolean(),
    version: z.string(),
    stats: z.object({ documents: z.number().int(), stories: z.number().int(), events: z.number().int(), entities: z.number().int() }),
  })
  .openapi("Health");

// ---------------------------------------------------------------------------------------------------------------
// Documents and search

/** A document in a list. `published` is the resolved publication date (YYYY, YYYY-MM or YYYY-MM-DD) or null. */
export const DocumentSummarySchema = z
  .object({
    id: z.string(),
    file: z.string(),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    language: z.string().nullable(),
    published: z.string().nullable(),
    url: z.string().nullable(),
    /** The story id the document belongs to. */
    story: z.string().nullable(),
  })
  .openapi("DocumentSummary");

export const DocumentsQuery = PageQuery.extend({
  q: z.string().max(500).optional().openapi({ description: "full-text query (words of the title or text)" }),
  language: z.string().max(10).optional().openapi({ example: "fr" }),
  outlet: z.string().max(200).optional().openapi({ description: "outlet name, exact (case-insensitive)" }),
  since: DateParam.optional(),
  until: DateParam.optional(),
  story: z.string().max(200).optional(),
});
export const DocumentsPageSchema = pageOf(DocumentSummarySchema).openapi("DocumentsPage");

/** A full-text hit; `snippet` is plain text around the match (never HTML; the UI highlights it itself). */
export const SearchHitSchema = z
  .object({
    id: z.string(),
    file: z.string(),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    language: z.string().nullable(),
    published: z.string().nullable(),
    snippet: z.string(),
  })
  .openapi("SearchHit");
export const SearchQuery = PageQuery.extend({ q: z.string().min(1).max(500).openapi({ example: "drone" }) });
export const SearchPageSchema = pageOf(SearchHitSchema).openapi("SearchPage");

export const IdParam = z.object({ id: z.string().min(1).max(500).openapi({ param: { name: "id", in: "path" } }) });

/**
 * One document: the contract document, the original input its spans index into, and its story.
 * `format` says what `text` is (text, markdown, html, jsonl): HTML is returned as source, to be shown as plain text.
 * `original` is false for documents stored before the original input was kept: then `text` is the clean text and
 * spans may not line up.
 */
export const DocumentDetailSchema = z
  .object({
    document: ContractDocumentSchema,
    text: z.string(),
    format: z.string().nullable(),
    original: z.boolean(),
    story: z.object({ id: z.string(), title: z.string().nullable() }).nullable(),
  })
  .openapi("DocumentDetail");

// ---------------------------------------------------------------------------------------------------------------
// Stories

export const StorySummarySchema = z
  .object({
    id: z.string(),
    title: z.string().nullable(),
    /** Number of member documents. */
    documents: z.number().int(),
    languages: z.array(z.string()),
    outlets: z.array(z.string()),
    /** Earliest and latest publication dates of the members (YYYY-MM-DD), null when none is dated. */
    first: z.string().nullable(),
    last: z.string().nullable(),
  })
  .openapi("StorySummary");
export const StoriesQuery = PageQuery.extend({
  q: z.string().max(500).optional().openapi({ description: "words of the story's title" }),
  language: z.string().max(10).optional(),
  outlet: z.string().max(200).optional(),
  since: DateParam.optional(),
  until: DateParam.optional(),
});
export const StoriesPageSchema = pageOf(StorySummarySchema).openapi("StoriesPage");

/** Who a document says it got its news from: the outlet, the sources it cites, and each claim's chain. */
export const AttributionSchema = z
  .object({
    doc: z.string(),
    file: z.string(),
    outlet: z.string().nullable(),
    cites: z.array(z.object({ name: z.string(), entity: z.string().nullable() }).passthrough()),
    /** One chain per claim or quote that has one: outlet → source → … → speaker. */
    chains: z.array(
      z.object({
        kind: z.enum(["claim", "quote"]),
        text: z.string(),
        start: z.number().int(),
        end: z.number().int(),
        chain: z.array(z.object({ entity: z.string().nullable(), text: z.string(), kb: z.string().nullable() })),
      }),
    ),
  })
  .openapi("Attribution");

/** Loaded terms per outlet (with counts and neutral alternatives). */
export const OutletFramingSchema = z
  .object({
    outlet: z.string(),
    documents: z.number().int(),
    terms: z.array(z.object({ term: z.string(), category: z.string(), neutral: z.string(), count: z.number().int(), inQuotes: z.number().int() })),
  })
  .openapi("OutletFraming");

/** How each outlet names one entity: surface forms and counts. */
export const NamingRowSchema = z
  .object({
    entity: z.string(),
    kb: z.string().nullable(),
    byOutlet: z.array(z.object({ outlet: z.string(), names: z.array(z.object({ text: z.string(), count: z.number().int() })) })),
  })
  .openapi("NamingRow");

/**
 * The framing lens over a set of documents: `analysed` of the `matching` documents were read (the newest ones, at
 * most `limit` per request, 500 by default).
 */
export const FramingSchema = z
  .object({ terms: z.array(OutletFramingSchema), naming: z.array(NamingRowSchema), analysed: z.number().int(), matching: z.number().int() })
  .openapi("Framing");

export const StoryDetailSchema = z
  .object({
    story: StorySchema,
    documents: z.array(DocumentSummarySchema),
    attribution: z.array(AttributionSchema),
    framing: FramingSchema,
  })
  .openapi("StoryDetail");

// ---------------------------------------------------------------------------------------------------------------
// Events

export const EventsQuery = PageQuery.extend({
  actor: z.string().max(200).optional().openapi({ description: "KB id, or part of the actor's name as written" }),
  target: z.string().max(200).optional().openapi({ description: "KB id, or part of the target's name as written" }),
  type: z.string().max(40).optional().openapi({ description: "PLOVER type, e.g. ASSAULT (case-insensitive)" }),
  status: z.string().max(40).optional().openapi({ description: "occurred, ongoing, planned, threatened, conditional, suspended, resumed, denied" }),
  place: z.string().max(200).optional().openapi({ description: "a KB place (id or name: the places located in it count too), else part of the location as written" }),
  language: z.string().max(10).optional(),
  outlet: z.string().max(200).optional(),
  since: DateParam.optional(),
  until: DateParam.optional(),
  story: z.string().max(200).optional(),
  format: z.enum(["json", "geojson", "csv"]).default("json"),
});

/** An event with where it came from; `event.evidence` is the span in the document's original input. */
export const EventItemSchema = z
  .object({
    docId: z.string(),
    /** The event's index in its document's `events`. */
    index: z.number().int(),
    file: z.string(),
    outlet: z.string().nullable(),
    url: z.string().nullable(),
    language: z.string().nullable(),
    published: z.string().nullable(),
    story: z.string().nullable(),
    event: ContractEventSchema,
  })
  .openapi("EventItem");
export const EventsPageSchema = pageOf(EventItemSchema).openapi("EventsPage");

// ---------------------------------------------------------------------------------------------------------------
// Entities

export const EntitiesQuery = PageQuery.extend({
  q: z.string().max(200).optional().openapi({ description: "part of the name, or a KB id" }),
  type: z.string().max(40).optional().openapi({ example: "armed_group" }),
});

/** An entity across the store. `id` is the KB id, or `name:<name>` for an entity not in the KB. */
export const EntitySummarySchema = z
  .object({
    id: z.string(),
    kb: z.string().nullable(),
    name: z.string(),
    type: z.string(),
    documents: z.number().int(),
    mentions: z.number().int(),
  })
  .openapi("EntitySummary");
export const EntitiesPageSchema = pageOf(EntitySummarySchema).openapi("EntitiesPage");

export const EntityDetailSchema = z
  .object({
    id: z.string(),
    kb: z.string().nullable(),
    name: z.string(),
    type: z.string(),
    /** KB aliases in every script. */
    aliases: z.array(z.string()),
    /** How the stored documents write it (from a sample of them). */
    writtenAs: z.array(z.string()),
    lat: z.number().nullable(),
    lon: z.number().nullable(),
    wikidata: z.string().nullable(),
    relations: z.array(z.object({ rel: z.string(), target: z.string(), name: z.string() })),
    documentCount: z.number().int(),
    mentions: z.number().int(),
    /** The newest documents that mention it (at most 50). */
    documents: z.array(DocumentSummarySchema),
    coMentioned: z.array(z.object({ id: z.string(), kb: z.string().nullable(), name: z.string(), type: z.string(), documents: z.number().int() })),
  })
  .openapi("EntityDetail");

// ---------------------------------------------------------------------------------------------------------------
// Quotes

export const QuotesQuery = PageQuery.extend({
  speaker: z.string().max(200).optional().openapi({ description: "KB id, or part of the speaker's name as written" }),
  outlet: z.string().max(200).optional(),
  doc: z.string().max(200).optional().openapi({ description: "a document id" }),
});
export const QuoteItemSchema = z
  .object({
    docId: z.string(),
    index: z.number().int(),
    file: z.string(),
    outlet: z.string().nullable(),
    published: z.string().nullable(),
    language: z.string().nullable(),
    text: z.string(),
    /** The speaker as written, and the KB id when linked. */
    speaker: z.string().nullable(),
    speakerKb: z.string().nullable(),
  })
  .openapi("QuoteItem");
export const QuotesPageSchema = pageOf(QuoteItemSchema).openapi("QuotesPage");

// ---------------------------------------------------------------------------------------------------------------
// Framing

export const FramingQuery = z.object({
  outlet: z.string().max(200).optional(),
  story: z.string().max(200).optional(),
  entity: z.string().max(200).optional().openapi({ description: "only the naming of this entity (KB id or part of the name)" }),
  limit: z.coerce.number().int().min(1).max(2000).default(500).openapi({ description: "read at most this many documents, the newest that match" }),
});

// ---------------------------------------------------------------------------------------------------------------
// Timeline

export const TimelineQuery = z.object({
  actor: z.string().min(1).max(200).openapi({ description: "KB id or name of the actor (its member groups count too)", example: "iraqi-resistance" }),
  toward: z.string().max(200).optional().openapi({ example: "us-forces" }),
  limit: z.coerce.number().int().min(1).max(1000).default(100).openapi({ description: "at most this many steps, the most recent" }),
});
/** One stance step; `events` lists the first (oldest) 10 of its `eventCount` events. */
export const StanceStepSchema = z
  .object({
    stance: z.string(),
    from: z.string(),
    to: z.string(),
    eventCount: z.number().int(),
    events: z.array(
      z.object({
        docId: z.string(),
        /** The event's index in its document's events. */
        index: z.number().int(),
        type: z.string(),
        status: z.string(),
        date: z.string(),
        actor: z.string().nullable(),
        target: z.string().nullable(),
        file: z.string(),
        outlet: z.string().nullable(),
        evidence: z.string(),
      }),
    ),
  })
  .openapi("StanceStep");
export const TimelineSchema = z
  .object({
    actor: z.object({ id: z.string(), name: z.string() }),
    toward: z.object({ id: z.string(), name: z.string() }).nullable(),
    /** The most recent `limit` steps, oldest first. */
    steps: z.array(StanceStepSchema),
    /** How many steps the whole timeline has. */
    stepCount: z.number().int(),
  })
  .openapi("Timeline");

// ---------------------------------------------------------------------------------------------------------------
// Graph

export const GraphQuery = z.object({
  since: DateParam.optional(),
  until: DateParam.optional(),
  type: z.string().max(40).optional().openapi({ description: "only events of this PLOVER type" }),
  limit: z.coerce.number().int().min(1).max(2000).default(300).openapi({ description: "at most this many edges (heaviest first)" }),
});
export const GraphSchema = z
  .object({
    nodes: z.array(z.object({ id: z.string(), name: z.string(), type: z.string(), documents: z.number().int() })),
    /** acts-against: hostile event actor → target; allies-with: cooperation events; speaks-for: quoted speaker → the body they represent (KB). */
    edges: z.array(z.object({ source: z.string(), target: z.string(), kind: z.enum(["acts-against", "allies-with", "speaks-for"]), count: z.number().int() })),
  })
  .openapi("Graph");

// ---------------------------------------------------------------------------------------------------------------
// Ingest

/**
 * POST /api/ingest as JSON: exactly one of `text`, `html`, `jsonl` (JSON Lines, one article per line) or, alone,
 * `url` (fetched; private and loopback addresses are refused unless the server allows them). With `text` or `html`,
 * `url` is the article's own address (metadata). Raw bodies are accepted too: text/plain, text/html,
 * application/x-ndjson (query parameters file, outlet, url, published, title).
 */
export const IngestRequestSchema = z
  .object({
    text: z.string().optional(),
    html: z.string().optional(),
    jsonl: z.string().optional(),
    url: z.string().url().max(2000).optional(),
    file: z.string().max(300).optional(),
    outlet: z.string().max(300).optional(),
    published: z.string().max(40).optional(),
    title: z.string().max(1000).optional(),
  })
  .openapi("IngestRequest");

export const IngestMetaQuery = z.object({
  file: z.string().max(300).optional(),
  outlet: z.string().max(300).optional(),
  url: z.string().url().max(2000).optional(),
  published: z.string().max(40).optional(),
  title: z.string().max(1000).optional(),
});

export const IngestResultSchema = z
  .object({
    read: z.number().int(),
    inserted: z.number().int(),
    duplicates: z.number().int(),
    failed: z.number().int(),
    items: z.array(z.object({ id: z.string(), file: z.string(), status: z.enum(["inserted", "duplicate", "failed"]), error: z.string().optional() })),
    failures: z.array(
      z.object({ file: z.string(), origin: z.string(), diagnostics: z.array(z.object({ severity: z.string(), code: z.string(), message: z.string() })) }),
    ),
    /** The documents stored by this request. */
    documents: z.array(DocumentSummarySchema),
  })
  .openapi("IngestResult");

// ---------------------------------------------------------------------------------------------------------------
// Inferred types for clients

export type ErrorBody = z.infer<typeof ErrorSchema>;
export type Health = z.infer<typeof HealthSchema>;
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;
export type DocumentsPage = z.infer<typeof DocumentsPageSchema>;
export type SearchHit = z.infer<typeof SearchHitSchema>;
export type SearchPage = z.infer<typeof SearchPageSchema>;
export type ContractDocumentT = z.infer<typeof ContractDocumentSchema>;
export type ContractEventT = z.infer<typeof ContractEventSchema>;
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;
export type StorySummary = z.infer<typeof StorySummarySchema>;
export type StoriesPage = z.infer<typeof StoriesPageSchema>;
export type Story = z.infer<typeof StorySchema>;
export type MergedEvent = z.infer<typeof MergedEventSchema>;
export type StoryDetail = z.infer<typeof StoryDetailSchema>;
export type Attribution = z.infer<typeof AttributionSchema>;
export type Framing = z.infer<typeof FramingSchema>;
export type EventItem = z.infer<typeof EventItemSchema>;
export type EventsPage = z.infer<typeof EventsPageSchema>;
export type EntitySummaryT = z.infer<typeof EntitySummarySchema>;
export type EntitiesPage = z.infer<typeof EntitiesPageSchema>;
export type EntityDetail = z.infer<typeof EntityDetailSchema>;
export type QuoteItem = z.infer<typeof QuoteItemSchema>;
export type QuotesPage = z.infer<typeof QuotesPageSchema>;
export type StanceStepT = z.infer<typeof StanceStepSchema>;
export type Timeline = z.infer<typeof TimelineSchema>;
export type Graph = z.infer<typeof GraphSchema>;
export type IngestRequest = z.infer<typeof IngestRequestSchema>;
export type IngestResult = z.infer<typeof IngestResultSchema>;
