import type { Doc } from "../core/doc.js";
import { dayNumber, daySpan } from "./day-number.js";
import { minhashSignature, shingleHashes } from "./minhash.js";
import { extractNumbers, foldText, prefixStem, wordTokens } from "./normalize-text.js";
import type { StoryFeatures } from "./story-features.js";

const MAX_TERMS = 80;
/** Words at the start (the title and lead) count this many times: they say what the story is. */
const LEAD_WORDS = 15;
const LEAD_WEIGHT = 3;
/** Share of the text counted as its lead, and the weight a first mention there adds. */
const LEAD_SHARE = 0.2;
const LEAD_BONUS = 2;
const MIN_YEAR = 1990;
/** Where a publication date is the article's own, not an estimate. */
const OWN_DATE_SOURCES = new Set(["record", "url", "dateline", "text"]);
const MAX_YEAR = 2040;

/** Folds a name for matching outlets and anchors: "Al-Akhbar" → "akhbar". */
export function foldName(s: string): string {
  return foldText(s)
    .replace(/[^\p{L}\p{N} ]+/gu, " ")
    .replace(/^(?:the|al|el|le|la|les|l)\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Capitalised Latin-script words that do not open a sentence ("Kataib", "Hezbollah", "IRCC"), folded, q→k, and
 * cut to 4 letters so "Jordan"/"Jordanie", "Syria"/"Syrie" and "Iraq"/"Irak" meet across EN/FR/ES/DE.
 */
export function capitalisedNames(text: string): string[] {
  const out: string[] = [];
  const re = /[\p{Lu}][\p{L}'’-]{2,}/gu;
  for (const m of text.matchAll(re)) {
    const i = m.index ?? 0;
    if (i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1])) continue;
    let j = i - 1;
    while (j >= 0 && (text[j] === " " || text[j] === "\t" || text[j] === '"' || text[j] === "«" || text[j] === "“")) j--;
    if (j < 0 || /[.!?\n:;…—–|]/.test(text[j])) continue; // sentence-initial: not a name signal
    const f = foldName(m[0]).replace(/^(?:al|el)[ '-]?(?=\p{L}{4})/u, "").replace(/['’ -]/g, "");
    const k = f.replace(/q/g, "k");
    if (k.length >= 3) out.push(k.length > 4 ? k.slice(0, 4) : k);
  }
  return out;
}

/** The publication year (from a published date of any precision); years named in the text are too noisy for this. */
function mainYear(pubDate: string | null): number | null {
  return pubDate && /^\d{4}/.test(pubDate) ? +pubDate.slice(0, 4) : null;
}

/**
 * The story fingerprint of one analysed document: pure, uses whatever layers are present
 * (text alone works; entity KB ids, resolved dates and events make the anchors sharper).
 */
export function extractFeatures(doc: Doc): StoryFeatures {
  const text = doc.text ?? doc.raw ?? "";
  const folded = foldText(text);
  const tokens = wordTokens(folded);
  const lang = doc.language?.code ?? "und";

  const termCounts = new Map<string, number>();
  const lead = new Set<string>();
  tokens.forEach((t, i) => {
    if (t.length < 3 && !/^\d+$/.test(t)) return;
    const s = prefixStem(t);
    termCounts.set(s, (termCounts.get(s) ?? 0) + (i < LEAD_WORDS ? LEAD_WEIGHT : 1));
    if (i < LEAD_WORDS) lead.add(s);
  });
  const terms: Record<string, number> = {};
  for (const [t, c] of [...termCounts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_TERMS)) terms[t] = c;

  const numbers = extractNumbers(text);
  const pubValue = doc.published?.value ?? null;
  const pubDate = pubValue?.date ?? (doc.source.published && /^\d{4}-\d{2}-\d{2}/.test(doc.source.published) ? doc.source.published.slice(0, 10) : null);
  const day = pubValue ? dayNumber(pubValue) : dayNumber(pubDate);
  const dayEstimated = !!pubValue && !OWN_DATE_SOURCES.has(doc.published?.source ?? "record");
  const span = pubValue ? daySpan(pubValue) : daySpan(pubDate);

  // Raw weights: occurrences, plus a bonus for a first mention in the lead (the title and first lines).
  const raw = new Map<string, number>();
  const add = (k: string, w = 1) => raw.set(k, (raw.get(k) ?? 0) + w);
  const leadEnd = Math.max(200, Math.floor(text.length * LEAD_SHARE));
  for (const n of numbers) {
    if (Number.isInteger(n) && n >= MIN_YEAR && n <= MAX_YEAR) add(`y:${n}`);
    else if (n >= 2 && n < 1e9) add(`x:${n}`);
  }
  for (const name of capitalisedNames(text)) add(`n:${name}`);
  const kbOf = new Map<string, string>();
  for (const e of doc.entities ?? []) {
    const key = e.kb ? `e:${e.kb}` : e.mentions.length && /\p{L}/u.test(e.name) ? `e:~${foldName(e.name)}` : null;
    if (!key) continue;
    if (e.kb) kbOf.set(e.id, e.kb);
    add(key, Math.max(1, e.mentions.length));
    if (e.mentions.some((m) => m.start < leadEnd)) add(key, LEAD_BONUS);
  }
  for (const t of doc.times ?? []) if (t.value?.precision === "day") add(`d:${t.value.date}`, t.start < leadEnd ? 1 + LEAD_BONUS : 1);
  const slotKey = (r: { entity: string | null; text: string } | null | undefined) =>
    !r ? "-" : (r.entity && kbOf.get(r.entity)) || foldName(r.text).split(" ").slice(-2).join(" ") || "-";
  for (const ev of doc.events ?? []) {
    if (ev.tier === "background") continue;
    add(`v:${ev.type}/${ev.status}`, 2); // "v:RETREAT/suspended": what happened, in any language
    add(`v:${ev.type}|${slotKey(ev.actor)}|${slotKey(ev.target)}`, 2);
    if (ev.location) add(`v:${ev.type}@${slotKey(ev.location)}`, 2);
    if (ev.date?.precision === "day") add(`d:${ev.date.date}`, 2);
    for (const [k, v] of Object.entries(ev.counts ?? {})) if (typeof v === "number") add(`v:${k}=${v}`, 2);
  }
  const anchors: Record<string, number> = {};
  for (const [k, w] of [...raw].sort((a, b) => (a[0] < b[0] ? -1 : 1))) anchors[k] = Math.round((1 + Math.log(w)) * 100) / 100;

  const outletName = doc.meta?.outlet?.name ?? doc.source.outlet ?? null;
  return {
    id: doc.id,
    lang,
    title: doc.meta?.title ?? doc.source.title ?? null,
    outlet: outletName ? foldName(outletName) : null,
    cites: [...new Set((doc.meta?.cites ?? []).map((c) => foldName(c.name)))],
    day,
    dayEstimated,
    span,
    year: mainYear(pubDate),
    terms,
    anchors,
    numbers,
    minhash: tokens.length ? minhashSignature(shingleHashes(tokens)) : [],
    words: tokens.length,
    lead: [...lead].sort(),
  };
}
