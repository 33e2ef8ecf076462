import type { DateValue } from "../../core/doc.js";
import { findAnchorMentions, type Anchor, type AnchorMention } from "../dates/anchors.js";
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
  return partyOfAnchor(anchors, parties) || wordOfAnchor(anchors, lang, tokens);
}

/** True when a party takes part in a known event (mayNameAnchor's first test). */
export function partyOfAnchor(anchors: readonly Anchor[], parties: readonly (string | null | undefined)[]): boolean {
  const known = partiesOf(anchors);
  for (const p of parties) if (p && known.has(p)) return true;
  return false;
}

/** True when a word of the sentence starts a known event's name (mayNameAnchor's second test: the same for every event of a sentence). */
export function wordOfAnchor(anchors: readonly Anchor[], lang: string, tokens: readonly { readonly isWord: boolean; readonly forms: readonly string[] }[]): boolean {
  const set = anchorWords(anchors, lang);
  for (const t of tokens) if (t.isWord) for (const f of t.forms) if (set.has(f)) return true;
  return false;
}

/** The longest word of each known event's name (of the language, and English), normalized as event tokens are: what wordOfAnchor looks for. */
export function anchorWords(anchors: readonly Anchor[], lang: string): ReadonlySet<string> {
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
  return set;
}

/** The anchor mentions of the sentence last asked about, and its folded text: the events of a sentence are dated one after another. */
interface SentenceAnchors {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly lang: string;
  readonly anchors: readonly Anchor[];
  readonly mentions: readonly AnchorMention[];
  readonly folded: string;
}
let lastSentence: SentenceAnchors | null = null;

function sentenceAnchors(site: AnchorSite, anchors: readonly Anchor[]): SentenceAnchors {
  const l = lastSentence;
  if (l && l.text === site.text && l.start === site.sentence.start && l.end === site.sentence.end && l.lang === site.lang && l.anchors === anchors) return l;
  const sentence = site.text.slice(site.sentence.start, site.sentence.end);
  // the whole list, as loaded: the anchors' regex is built once per list and language
  // (folded once: the anchors' search and the cue test below read the same folded text)
  const folded = foldLower(sentence);
  const mentions = findAnchorMentions(sentence, site.lang, [{ start: 0, end: sentence.length }], anchors, folded);
  lastSentence = { text: site.text, start: site.sentence.start, end: site.sentence.end, lang: site.lang, anchors, mentions, folded };
  return lastSentence;
}

/** Whether an anchor list holds a known event, per list. */
const withEvents = new WeakMap<readonly Anchor[], boolean>();

/** How far (characters) a known event's name may stand from the trigger it dates ("a US-led coalition invaded the country"). */
const NEAR = 60;

/**
 * The date of a known event (data/time/anchors.jsonl) the event is a report of: the anchor's name next to the
 * trigger ("the coalition invaded the country"), or one of its participants as a party of the event with one of its
 * cue words in the sentence ("the assassination of … Qassem Soleimani"). Null when none.
 */
export function anchorDate(site: AnchorSite, anchors: readonly Anchor[]): DateValue | null {
  let any = withEvents.get(anchors);
  if (any === undefined) withEvents.set(anchors, (any = anchors.some((a) => a.kind === "event")));
  if (!any) return null;
  const t0 = site.trigger.start - site.sentence.start, t1 = site.trigger.end - site.sentence.start;
  let hit: Anchor | null = null;
  const seen = sentenceAnchors(site, anchors);
  for (const m of seen.mentions) {
    if (m.anchor.kind === "event" && m.start - t1 <= NEAR && t0 - m.end <= NEAR) {
      hit = m.anchor;
      break;
    }
  }
  if (!hit) {
    const folded = seen.folded;
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
