import type { ContractDocument, Offsets } from "../api/types";
import { locateText, quotedPhrases } from "./locate-text";
import type { Mark } from "./segment-spans";

/** The highlight layers of the document view, with their legend labels. */
export const LAYERS: readonly { id: string; label: string }[] = [
  { id: "entity", label: "Entities" },
  { id: "date", label: "Dates" },
  { id: "event", label: "Event evidence" },
  { id: "quote", label: "Quotes & claims" },
  { id: "framing", label: "Loaded terms" },
];

/** Which toggle a mark's layer answers to (triggers go with events, claims with quotes). */
export function layerGroup(layer: string): string {
  return layer === "trigger" ? "event" : layer === "claim" ? "quote" : layer;
}

const slotText = (s: { text: string } | null | undefined) => s?.text ?? "";

/**
 * Every span of a contract document as marks: entity mentions, dates (time expressions when the server sends them,
 * else the dateline and each event's dated phrase), event evidence and triggers, quotes, claims, loaded terms.
 */
export function documentMarks(doc: ContractDocument, text: string): Mark[] {
  const out: Mark[] = [];
  for (const e of doc.entities ?? []) {
    for (const m of e.mentions ?? []) out.push({ start: m.start, end: m.end, layer: "entity", key: `ent:${e.id}`, label: `${e.name} · ${e.type}${e.kb ? ` · kb:${e.kb}` : e.discovered ? " · discovered" : ""}`, tone: `et-${e.type}` });
  }
  (doc.times ?? []).forEach((t, i) => {
    out.push({ start: t.start, end: t.end, layer: "date", key: `t:${i}`, label: t.value ? `${t.value.date} (${t.value.precision}) — ${t.value.basis}` : `unresolved${t.reason ? `: ${t.reason}` : ""}` });
  });
  if (doc.dateline && doc.dateline.end > doc.dateline.start) out.push({ start: doc.dateline.start, end: doc.dateline.end, layer: "date", key: "dateline", label: `dateline${doc.dateline.place ? ` · ${doc.dateline.place}` : ""}` });
  (doc.events ?? []).forEach((ev, i) => {
    const label = `${ev.type}${ev.mode ? `/${ev.mode}` : ""} · ${ev.status} · ${slotText(ev.actor) || "?"} → ${slotText(ev.target) || "?"}`;
    if (ev.evidence) out.push({ start: ev.evidence.start, end: ev.evidence.end, layer: "event", key: `ev:${i}`, label, tone: `st-${ev.status}` });
    if (ev.trigger) out.push({ start: ev.trigger.start, end: ev.trigger.end, layer: "trigger", key: `ev:${i}`, label: `trigger “${ev.trigger.text}” · ${label}` });
    // The date's own phrase ("dimanche"), when its basis quotes one found inside the evidence: the dates layer.
    if (!doc.times && ev.date && ev.evidence) {
      const at = quotedPhrases(ev.date.basis).map((p) => locateText(text, p, ev.evidence)).find((x) => x && x.start >= ev.evidence.start && x.end <= ev.evidence.end);
      if (at) out.push({ start: at.start, end: at.end, layer: "date", key: `ev:${i}.date`, label: `${ev.date.date} (${ev.date.precision}) — ${ev.date.basis}` });
    }
  });
  (doc.quotes ?? []).forEach((q, i) => {
    out.push({ start: q.start, end: q.end, layer: "quote", key: `q:${i}`, label: `quote · ${q.speaker?.text ?? "unnamed speaker"}` });
  });
  (doc.claims ?? []).forEach((c, i) => {
    if (c.content) out.push({ start: c.content.start, end: c.content.end, layer: "claim", key: `cl:${i}`, label: `claim · ${c.speaker?.text ?? "unnamed"} ${c.verb}` });
  });
  (doc.framing ?? []).forEach((f, i) => {
    out.push({ start: f.start, end: f.end, layer: "framing", key: `fr:${i}`, label: `loaded term “${f.term}” · ${f.category} · neutral: ${f.neutral}${f.voice === "quote" ? " · in a quote" : ""}` });
  });
  return out;
}

/**
 * The evidence of one field of the side panel, located in the original text: "title", "outlet", "published",
 * "ev:2.actor", "ev:2.date", "span:120-180"… Null when the field has no place in the text (the record's metadata).
 */
export function fieldEvidence(doc: ContractDocument, text: string, key: string): Offsets | null {
  const span = /^span:(\d+)-(\d+)$/.exec(key);
  if (span) return { start: Number(span[1]), end: Number(span[2]) };
  if (key.startsWith("find:")) return locateText(text, key.slice(5));
  if (key === "title") return locateText(text, doc.title);
  if (key === "outlet") {
    for (const n of [doc.outlet?.name, ...(doc.outlet?.aliases ?? [])]) {
      const at = locateText(text, n);
      if (at) return at;
    }
    return null;
  }
  if (key === "published") {
    if (/dateline/i.test(doc.published?.basis ?? "") && doc.dateline) return doc.dateline;
    for (const p of quotedPhrases(doc.published?.basis)) {
      const at = locateText(text, p);
      if (at) return at;
    }
    return null;
  }
  const ev = /^ev:(\d+)\.(\w+)$/.exec(key);
  if (ev) {
    const e = doc.events?.[Number(ev[1])];
    if (!e) return null;
    const slot = ev[2];
    if (slot === "date") {
      for (const p of quotedPhrases(e.date?.basis)) {
        const at = locateText(text, p, e.evidence);
        if (at) return at;
      }
      return null;
    }
    if (slot === "actor" || slot === "target" || slot === "location" || slot === "attribution") return locateText(text, e[slot]?.text, e.evidence);
    if (slot === "weapon") return locateText(text, e.weapon, e.evidence);
    if (slot === "trigger") return e.trigger ?? null;
  }
  return null;
}
