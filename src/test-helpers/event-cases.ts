// Shared by the events stage's table-driven tests: one sentence of our own, run through the pipeline up to the dates
// stage, with its entities set by name so that a case does not depend on the KB.
import type { Doc, EntityRecord, EntityType, EventRecord } from "../core/doc.js";
import { eventsStage } from "../stages/events/index.js";
import { analyzeText, testContext } from "./analyze-text.js";

/** An entity of a case: its name as written, its type, and its KB id when the case needs one. */
export type Ent = [name: string, type: EntityType, kb?: string];

/** A headline per language that names nothing the case body is about. */
const HEADLINES: Record<string, string> = {
  en: "A headline about something else",
  fr: "Un titre qui parle d'autre chose",
  ar: "عنوان عن موضوع آخر",
};

/** The events of `body` (under a neutral headline in its language, or `title`), every mention of each entity tagged. */
export function eventsOf(body: string, ents: Ent[], opts: { published?: string; title?: string; lang?: string } = {}): { doc: Doc; events: readonly EventRecord[] } {
  const text = `${opts.title ?? HEADLINES[opts.lang ?? "en"]}\n\n${body}`;
  const base = analyzeText(text, { upTo: "dates", published: opts.published ?? "2024-02-01" });
  const entities: EntityRecord[] = ents.map(([name, type, kb], i) => {
    const mentions = [];
    for (let at = base.text.indexOf(name); at >= 0; at = base.text.indexOf(name, at + name.length)) mentions.push({ start: at, end: at + name.length, text: name });
    return { id: `e${i + 1}`, kb: kb ?? null, name, aliases: [], type, mentions };
  });
  const doc = eventsStage.run({ ...base, entities }, testContext());
  return { doc, events: doc.events ?? [] };
}

/** The name of the entity a slot points at, or `text:…` for a slot with no entity, or null. */
export const slotName = (doc: Doc, ref: { entity: string | null; text: string } | null | undefined): string | null =>
  ref ? (doc.entities ?? []).find((e) => e.id === ref.entity)?.name ?? `text:${ref.text}` : null;
