import type { DateValue } from "../../core/doc.js";
import { findAnchorMentions, type Anchor } from "../dates/anchors.js";
import { isoDay } from "../dates/calendar.js";
import { foldLower } from "../dates/time-words.js";
import { normalizeWord } from "./event-tokens.js";

/** Where an event sits: its sentence, its trigger, and the KB ids of its parties. */
export interface AnchorSite {
  readonly text: string;
  readonly sentence: { readonly start: number; readonly end: number };
  readonly trigger: { readonly start: number; readonly end: number };
  readonly parties: readonly (string | null | undefined)[];
  readonly lang: string;
}

/** The longest word of each known event's name, per anchor list and language, normalized as event tokens are. */
const firstWords = new WeakMap<readonly Anchor[], Map<string, ReadonlySet<string>>>();
/** The KB ids that take part in a known event, per anchor list. */
const eventParties = new WeakMap<readonly Anchor[], ReadonlySet<string>>();

function partiesOf(anchors: readonly Anchor[]): ReadonlySet<string> {
  let set = eventParties.get(anchors);
  if (!set) {
    const out = new Set<string>();
    for (const a of anchors) if (a.kind === "event") for (const kb of a.kb) out.add(kb);
    eventParties.set(anchors, (set = out));
  }
  return set;
}

/**
 * True when a sentence may name a known event: one of its words starts a name, or a party of the event takes part
 * in one. Most sentences do not: the anchors' pattern is only run on the others.
 */
export function mayNameAnchor(anchors: readonly Anchor[], lang: string, tokens: readonly { readonly isWord: boolean; readonly forms: readonly string[] }[], parties: readonly (string | null | undefined)[]): boolean {
  const known = partiesOf(anchors);
  for (const p of parties) if (p && known.has(p)) return true;
  let byLang = firstWords.get(anchors);
  if (!byLang) firstWords.set(anchors, (byLang = new Map()));
  let set = byLang.get(lang);
  if (!set) {
    const out = new Set<string>();
    for (const a of anchors) {
      if (a.kind !== "event") continue;
      for (const [alias] of [...(a.langs.get(lang)?.patterns ?? []), ...(a.langs.get("en")?.patterns ?? [])]) {
        // the longest word of the name is the rarest: "the US-led invasion" → "us-led"
        const w = alias.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), "");
        if (w) out.add(normalizeWord(w, lang));
      }
    }
    byLang.set(lang, (set = out));
  }
  for (const t of tokens) if (t.isWord) for (const f of t.forms) if (set.has(f)) return true;
  return false;
}

/** How far (characters) a known event's name may stand from the trigger it dates ("a US-led coalition invaded the country"). */
const NEAR = 60;

/**
 * The date of a known event (data/time/anchors.jsonl) the event is a report of: the anchor's name next to the
 * trigger ("the coalition invaded the country"), or one of its participants as a party of the event with one of its
 * cue words in the sentence ("the assassination of … Qassem Soleimani"). Null when none.
 */
export function anchorDate(site: AnchorSite, anchors: readonly Anchor[]): DateValue | null {
  if (!anchors.some((a) => a.kind === "event")) return null;
  const sentence = site.text.slice(site.sentence.start, site.sentence.end);
  const t0 = site.trigger.start - site.sentence.start, t1 = site.trigger.end - site.sentence.start;
  let hit: Anchor | null = null;
  // the whole list, as loaded: the anchors' regex is built once per list and language
  for (const m of findAnchorMentions(sentence, site.lang, [{ start: 0, end: sentence.length }], anchors)) {
    if (m.anchor.kind === "event" && m.start - t1 <= NEAR && t0 - m.end <= NEAR) {
      hit = m.anchor;
      break;
    }
  }
  if (!hit) {
    const folded = foldLower(sentence);
    hit =
      anchors.find((a) => {
        if (a.kind !== "event") return false;
        if (!site.parties.some((p) => p && a.kb.includes(p))) return false;
        const cues = (a.langs.get(site.lang) ?? a.langs.get("en"))?.cues ?? [];
        return cues.length > 0 && cues.some((c) => folded.includes(c));
      }) ?? null;
  }
  return hit ? { date: isoDay(hit.date), precision: "day", basis: `the known date of ${hit.label}` } : null;
}
