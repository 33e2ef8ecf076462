import type { Corpus, Story } from "../core/corpus.js";
import type { Doc, EventRecord, SlotRef, Span } from "../core/doc.js";
import type { ReadFailure } from "../ingest/article.js";

/** The JSON shape of ../shared/contract/ANALYSIS.md, one document. */
export interface ContractDocument {
  file: string;
  id: string;
  language: string | null;
  title: string | null;
  outlet: { name: string; aliases: string[] } | null;
  url: string | null;
  published: { date: string; precision: string; basis: string } | null;
  published_reason?: string;
  cites: { name: string; entity: string | null }[];
  entities: unknown[];
  events: unknown[];
  quotes: unknown[];
  claims: unknown[];
  framing: unknown[];
  /** Every time expression with its resolved value (or null and the reason); an addition to the contract. */
  times?: unknown[];
  dateline: unknown;
  diagnostics: { severity: string; code: string; stage: string; message: string }[];
}

/** The whole contract output. */
export interface ContractOutput {
  documents: ContractDocument[];
  stories: {
    id: string;
    title: string | null;
    documents: string[];
    relations: { from: string; to: string; kind: string }[];
    /** Near misses: a member's closest document in another story (a follow-up, a reaction). */
    related?: { from: string; to: string; score: number | null }[];
    events?: unknown[];
  }[];
  failures: { file: string; origin: string; diagnostics: { severity: string; code: string; message: string }[] }[];
}

/** Maps a clean-text span to the original input. */
function orig(doc: Doc, span: Span): { start: number; end: number } {
  return doc.offsets.spanToOriginal(span);
}

function slot(ref: SlotRef | null | undefined): Record<string, unknown> | null {
  if (!ref) return null;
  const { span: _span, ...rest } = ref;
  return { ...rest };
}

function event(doc: Doc, e: EventRecord): Record<string, unknown> {
  const ev = orig(doc, e.evidence);
  return {
    type: e.type,
    mode: e.mode ?? null,
    cameo: e.cameo ?? null,
    acled: e.acled ?? null,
    actor: slot(e.actor),
    target: slot(e.target),
    location: slot(e.location),
    date: e.date,
    status: e.status,
    counts: e.counts ?? {},
    // every figure with the phrase it came from and who gives it (two sources' counts are both kept)
    ...(e.figures?.length
      ? { figures: e.figures.map((f) => ({ kind: f.kind, value: f.value, phrase: { ...orig(doc, f.phrase), text: f.phrase.text }, attribution: slot(f.attribution) })) }
      : {}),
    weapon: e.weapon ?? null,
    attribution: slot(e.attribution),
    tier: e.tier ?? null,
    trigger: { ...orig(doc, e.trigger), text: e.trigger.text },
    evidence: { start: ev.start, end: ev.end, text: e.evidence.text },
  };
}

/** One Doc in the contract's shape, with every offset mapped back to the original input. */
export function documentToContract(doc: Doc): ContractDocument {
  const m = doc.meta;
  const entityOf = (kb: string | null | undefined) => (kb ? (doc.entities ?? []).find((e) => e.kb === kb)?.id ?? null : null);
  return {
    file: doc.source.file,
    id: doc.id,
    language: doc.language?.code ?? null,
    title: m?.title ?? null,
    outlet: m?.outlet ? { name: m.outlet.name, aliases: [...m.outlet.aliases] } : null,
    url: m?.url ?? null,
    published: doc.published?.value ?? null,
    ...(doc.published && !doc.published.value && doc.published.reason ? { published_reason: doc.published.reason } : {}),
    cites: (m?.cites ?? []).map((c) => ({ name: c.name, entity: entityOf(c.kb) })),
    entities: (doc.entities ?? []).map((e) => ({
      id: e.id,
      kb: e.kb,
      name: e.name,
      aliases: [...e.aliases],
      type: e.type,
      ...(e.lat != null && e.lon != null ? { lat: e.lat, lon: e.lon } : {}),
      ...(e.wikidata ? { wikidata: e.wikidata } : {}),
      ...(e.discovered ? { discovered: true } : {}),
      mentions: e.mentions.map((x) => ({ ...orig(doc, x), text: x.text })),
    })),
    events: (doc.events ?? []).map((e) => event(doc, e)),
    quotes: (doc.quotes ?? []).map((q) => ({
      text: q.text, ...orig(doc, q), speaker: slot(q.speaker), verb: q.verb ?? null,
      ...(q.chain ? { chain: q.chain.map((r) => slot(r)) } : {}),
    })),
    claims: (doc.claims ?? []).map((c) => ({
      speaker: slot(c.speaker),
      verb: c.verb,
      content: { ...orig(doc, c.content), text: c.content.text },
      chain: c.chain.map((r) => slot(r)),
    })),
    framing: (doc.framing ?? []).map((f) => ({ term: f.term, ...orig(doc, f), category: f.category, neutral: f.neutral, voice: f.voice })),
    times: (doc.times ?? []).map((t) => ({ text: t.text, ...orig(doc, t), value: t.value ? { ...t.value } : null, ...(t.reason ? { reason: t.reason } : {}) })),
    dateline: m?.dateline ? { ...m.dateline, ...orig(doc, m.dateline) } : null,
    diagnostics: doc.diagnostics.map((d) => ({ severity: d.severity, code: d.code, stage: d.stage, message: d.message })),
  };
}

function storyToContract(story: Story, fileOf: Map<string, string>): ContractOutput["stories"][number] {
  const f = (id: string) => fileOf.get(id) ?? id;
  return {
    id: story.id,
    title: story.title,
    documents: story.documents.map(f),
    // Links inside the story use the contract's kinds; near misses in other stories go to `related`.
    relations: story.relations.filter((r) => r.kind !== "related").map((r) => ({ from: f(r.from), to: f(r.to), kind: r.kind, ...(r.score != null ? { score: r.score } : {}) })),
    related: story.relations.filter((r) => r.kind === "related").map((r) => ({ from: f(r.from), to: f(r.to), score: r.score ?? null })),
    ...(story.events ? { events: story.events as unknown[] } : {}),
  };
}

/** The whole analysis in the contract's shape. Every document is in exactly one story. */
export function toContract(corpus: Corpus, failures: readonly ReadFailure[] = []): ContractOutput {
  const fileOf = new Map(corpus.docs.map((d) => [d.id, d.source.file]));
  const stories = corpus.stories ?? corpus.docs.map((d, i) => ({ id: `s${i + 1}`, title: d.meta?.title ?? null, documents: [d.id], relations: [] }));
  return {
    documents: corpus.docs.map(documentToContract),
    stories: stories.map((s) => storyToContract(s, fileOf)),
    failures: failures.map((f) => ({
      file: f.source.file,
      origin: f.source.origin,
      diagnostics: f.diagnostics.map((d) => ({ severity: d.severity, code: d.code, message: d.message })),
    })),
  };
}
