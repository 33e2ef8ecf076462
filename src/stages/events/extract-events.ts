import type { DateValue, Doc, EntityType, Sentence, EventFigure, EventRecord, PloverType, SlotRef, PlaceRef, TextSpan, EventCounts, TimeExpression, Token } from "../../core/doc.js";
import type { EventLexicon, EventTables, TriggerEntry } from "./event-lexicon.js";
import type { PhraseMatch } from "./phrase-matcher.js";
import type { Candidate, MentionIndex, SentenceView } from "./sentence-view.js";
import { buildMentionIndex, buildSentenceView, candidate, NO_ROLES, resolveAnaphor } from "./sentence-view.js";
import { sentenceTokensIn, TokenPool, wordsAnswer, type EventToken, type WordQuestion } from "./event-tokens.js";
import { clauseOf, DETERMINERS, resolveSlots, type TriggerSite } from "./resolve-slots.js";
import { eventStatus } from "./event-status.js";
import { findCounts } from "./event-counts.js";
import { findAttribution, findSpeaker } from "./find-attribution.js";
import { joinFigures, LEAD_BASIS, mergedCounts, mergeEvents, withFigures, type EventNotes, type SideOf } from "./merge-events.js";
import { refineAcled } from "./refine-acled.js";
import { applyResponsibility, type ResponsibilityLink } from "./apply-responsibility.js";
import { anchorDate, anchorWords, partyOfAnchor, wordOfAnchor } from "./anchor-date.js";
import type { Anchor } from "../dates/anchors.js";
import { ACTOR_TYPES, type Slots } from "./resolve-slots.js";
import { objectList } from "../../core/object-list.js";

/** How far (in tokens) a governor ("agreed to", "vowed to") reaches for the event it governs. */
const GOVERNOR_REACH = 25;
/** Who can be quoted as the author of a statement. */
const SPEAKERS: ReadonlySet<string> = new Set(["person", "armed_group", "organization", "government_body", "state"]);
/** Uses of force: triggers of these in one clause are one event ("continue its operations to drive out …"). */
const FORCE: ReadonlySet<PloverType | null> = new Set(["ASSAULT", "COERCE"]);
/** Commas, as tokens. */
const COMMAS: ReadonlySet<string> = new Set([",", "،"]);
/** Quotation marks, as tokens. */
const QUOTE_MARKS: ReadonlySet<string> = new Set(['"', "“", "”", "«", "»"]);
/** Types a statement performs: without a subject of their own, the sentence's speaker is their actor. */
const SPOKEN: ReadonlySet<PloverType> = new Set(["THREATEN", "ACCUSE", "REJECT", "REQUEST"]);
/** Statement types: a governor of one of these starts an event of its own. */
const STATEMENTS: ReadonlySet<PloverType> = new Set(["THREATEN", "AGREE", "ACCUSE", "REJECT", "REQUEST"]);

interface Item {
  main: PhraseMatch<TriggerEntry>;
  absorbed: PhraseMatch<TriggerEntry>[];
}

function slot(c: Candidate | null): SlotRef | null {
  if (!c) return null;
  // a party named only by a loaded label: no entity of the document, the KB entry it stands for
  if (!c.entity.id) return { entity: null, text: c.text, span: { start: c.start, end: c.end }, kb: c.entity.kb, name: c.entity.name };
  return { entity: c.entity.id, text: c.text, span: { start: c.start, end: c.end } };
}

function place(c: Candidate | null): PlaceRef | null {
  if (!c) return null;
  return { entity: c.entity.id, text: c.text, span: { start: c.start, end: c.end }, lat: c.entity.lat ?? null, lon: c.entity.lon ?? null };
}

/** daysBefore answers by day count, then date: publication dates recur, and a Date parse costs more than a lookup. */
const daysBeforeMemo = new Map<number, Map<string, string>>();

function daysBefore(date: string, days: number): string {
  let byDate = daysBeforeMemo.get(days);
  if (!byDate) daysBeforeMemo.set(days, (byDate = new Map()));
  let out = byDate.get(date);
  if (out !== undefined) return out;
  const d = new Date(date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date);
  d.setUTCDate(d.getUTCDate() - days);
  out = d.toISOString().slice(0, 10);
  if (byDate.size >= 10_000) byDate.clear();
  byDate.set(date, out);
  return out;
}

/** PLOVER codes by type, then by mode ("-" without one), per table: no key string built and hashed per event. */
const ploverMemo = new WeakMap<EventTables["plover"], Map<string, Map<string, EventTables["plover"] extends ReadonlyMap<string, infer C> ? C | undefined : never>>>();

/** The code of type/mode, else of the type without a mode (as the table is keyed: "ASSAULT/aerial", "ASSAULT/-"). */
function ploverCode(tables: EventTables, type: PloverType, mode: string | null) {
  let byType = ploverMemo.get(tables.plover);
  if (!byType) ploverMemo.set(tables.plover, (byType = new Map()));
  let byMode = byType.get(type);
  if (!byMode) byType.set(type, (byMode = new Map()));
  const k = mode || "";
  if (byMode.has(k)) return byMode.get(k);
  const code = (mode ? tables.plover.get(`${type}/${mode}`) : undefined) ?? tables.plover.get(`${type}/-`);
  byMode.set(k, code);
  return code;
}

/** A trigger entry that makes an event ("attacked") or governs one ("claimed responsibility for"), not a blocker. */
const isTrigger = (v: TriggerEntry) => v.type !== null || v.role === "gi";

/** The document's time expressions that have a value (one list map, empty or not: see objectList). */
function timesWithValue(doc: Doc): TimeExpression[] {
  const out = objectList<TimeExpression>();
  const all = doc.times ?? [];
  for (let k = 0; k < all.length; k++) if (all[k].value) out.push(all[k]);
  return out;
}

/** Body sentences: not inside the title or a caption. */
function bodySentences(doc: Doc): number[] {
  const sentences = doc.sentences ?? [];
  const regions = doc.regions ?? [];
  const out: number[] = [];
  // (plain loops: no closure, no index list made and filtered)
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    let skipped = false;
    for (let k = 0; k < regions.length && !skipped; k++) {
      const r = regions[k];
      skipped = (r.kind === "title" || r.kind === "caption" || r.kind === "byline") && s.start < r.end && r.start < s.end;
    }
    if (!skipped) out.push(i);
  }
  return out;
}

/** The date the lead reports (a day in its first three body sentences, within the week before publication), else the publication date. */
function leadDateOf(doc: Doc, body: readonly number[], times: readonly TimeExpression[]): DateValue | null {
  const sentences = doc.sentences ?? [];
  const published = doc.published?.value ?? null;
  const week = published ? daysBefore(published.date, 8) : null;
  const lead: Sentence[] = objectList();
  for (let k = 0; k < body.length && k < 3; k++) lead.push(sentences[body[k]]);
  const dl = doc.meta?.dateline;
  // (plain loops: no closure per time expression)
  for (const x of times) {
    if (dl && x.start >= dl.start && x.end <= dl.end) continue;
    let inLead = false;
    for (let k = 0; k < lead.length && !inLead; k++) inLead = x.start >= lead[k].start && x.end <= lead[k].end;
    if (!inLead || x.value!.precision !== "day") continue;
    if (!published || published.precision !== "day" || (x.value!.date <= published.date && x.value!.date >= week!)) return x.value;
  }
  return published;
}

/**
 * An event's date and tier: the time expression of its sentence nearest the trigger; an old date (over 30 days
 * before publication) or a tier cue makes it background; a core event undated in its sentence takes the lead's date.
 */
function dateAndTier(
  times: readonly TimeExpression[],
  s: { readonly start: number; readonly end: number },
  trigPos: number,
  tierCue: boolean,
  published: DateValue | null,
  cutoff: string | null,
  leadDate: DateValue | null,
  dateline: { readonly start: number; readonly end: number } | null = null,
  aside: readonly (readonly [number, number])[] = [],
): { date: DateValue | null; tier: "core" | "background" } {
  // "Baghdad, March 6 (RHC)-- …": the dateline says when the report was filed, not when its events happened
  // the time expression of the sentence nearest the trigger (the first of equals)
  let near: TimeExpression | null = null;
  for (const x of times) {
    if (x.start < s.start || x.end > s.end || (dateline && x.start >= dateline.start && x.end <= dateline.end)) continue;
    // ("X, who was behind Sunday's attack, announced …": the day of a relative clause is its own event's)
    if (aside.some(([a, b]) => x.start >= a && x.end <= b)) continue;
    if (!near || Math.abs(x.start - trigPos) < Math.abs(near.start - trigPos)) near = x;
  }
  let date: DateValue | null = near?.value ?? null;
  const tier: "core" | "background" = tierCue || (date && cutoff && date.date < cutoff.slice(0, date.date.length) && date.date !== published?.date.slice(0, date.date.length)) ? "background" : "core";
  // the news itself, undated in its sentence: the date the lead reports, saying so
  if (!date && tier === "core" && leadDate) date = { ...leadDate, basis: `${LEAD_BASIS}${leadDate.basis}` };
  return { date, tier };
}

/**
 * Dates the undated core events of a document dated after the events stage ran (story-dates): each takes its
 * sentence's time expression, else the lead's date, by the rules the events stage uses. Other events are kept as they are.
 */
export function redateEvents(doc: Doc): readonly EventRecord[] | null {
  const evs = doc.events ?? [];
  // an event dated by the lead when the document had no day of its own is dated again too
  const leadDated = (e: EventRecord) => !!e.date && e.date.basis.startsWith(LEAD_BASIS);
  if (!evs.some((e) => (!e.date || leadDated(e)) && e.tier !== "background")) return null;
  const sentences = doc.sentences ?? [];
  const times = timesWithValue(doc);
  const published = doc.published?.value ?? null;
  const cutoff = published ? daysBefore(published.date, 30) : null;
  const leadDate = leadDateOf(doc, bodySentences(doc), times);
  let changed = false;
  const out = evs.map((e) => {
    if ((e.date && !leadDated(e)) || e.tier === "background") return e;
    const s = sentences.find((x) => e.trigger.start >= x.start && e.trigger.start < x.end);
    if (!s) return e;
    // a core event had no tier cue: only a date found now can make it background
    const { date, tier } = dateAndTier(times, s, e.trigger.start, false, published, cutoff, leadDate, doc.meta?.dateline ?? null);
    if (!date || (e.date && date.date === e.date.date)) return e;
    changed = true;
    return { ...e, date, tier };
  });
  return changed ? out : null;
}

/**
 * The party a responsibility statement names and who makes it: "X claimed responsibility" (X, itself); "Y blamed X
 * for …" (X, Y); "Iran bears responsibility", "X is suspected to have been behind" (the subject, the sentence's
 * speaker); "bore the footprints of X", "carried out by X" (the party after the trigger, the speaker).
 */
function responsibility(
  v: SentenceView,
  site: TriggerSite,
  slots: Slots,
  resp: NonNullable<TriggerEntry["resp"]>,
  relative: boolean,
  speaker: () => Candidate | null,
): { party: Candidate | null; accuser: Candidate | null } {
  const party = (c: Candidate | null | undefined) => (c && ACTOR_TYPES.has(c.entity.type) && !c.hyphenated && !c.roles.has("location") ? c : null);
  // ("a blâmé le groupe pour l'attaque": the party may be named again by an anaphor)
  if (resp === "object") return { party: party(slots.target) ?? party(v.candidates.find((c) => c.from >= site.to && c.from - site.to <= 2 && c.anaphor)), accuser: slots.actor };
  if (resp === "after") {
    const after = v.candidates.find((c) => c.from >= site.to && c.from - site.to <= 6 && !!party(c) && c.from < (site.limit ?? Infinity));
    return { party: after ?? null, accuser: speaker() };
  }
  // the subject; in a passive clause ("X has been singled out by US officials as …") the agent blames it
  let subject = party(slots.passive ? slots.target : slots.actor);
  // "Kataib Hezbollah, who is suspected to have been behind …": the noun the relative clause hangs on
  if (!subject && relative) {
    const c = v.candidates.filter((x) => x.to <= site.clauseStart).pop();
    if (c && party(c) && v.tokens.slice(c.to, site.clauseStart - 1).every((x) => /^[,،]$/.test(x.forms[0]))) subject = c;
  }
  if (resp === "claim") return { party: subject, accuser: subject };
  return { party: subject, accuser: slots.passive && slots.actor ? slots.actor : speaker() };
}

/** Figures with their source (fields written out in the record's order: a spread per figure is a slow copy). */
function attributed(figures: readonly Omit<EventFigure, "attribution">[], by: SlotRef | null): EventFigure[] {
  const out: EventFigure[] = [];
  for (const f of figures) out.push({ kind: f.kind, value: f.value, phrase: f.phrase, attribution: by });
  return out;
}

/** A trigger site's merged triggers when it has none (shared, read-only; not frozen: for…of over a frozen list is slower). */
const NONE_MERGED: TriggerSite["merged"] = objectList();

/** "killed", "tués", "مقتل" alone: the toll of an attack, not an attack of its own. */
function isToll(it: Item): boolean {
  const v = it.main.value;
  return v.weak && v.type === "ASSAULT" && v.mode === null && it.absorbed.length === 0;
}

/** The trigger group of the attack a toll belongs to: the nearest attack before it in the sentence, else after it. */
function tollOwner(items: readonly Item[], ii: number): number | undefined {
  // ("claimed responsibility for the drone attack, which killed …": a claim's attack too)
  const attack = (k: number) =>
    k !== ii && (items[k].main.value.type === "ASSAULT" || (items[k].main.value.role === "gi" && items[k].absorbed.some((a) => a.value.type === "ASSAULT"))) && !isToll(items[k]);
  for (let k = ii - 1; k >= 0; k--) if (attack(k)) return k;
  for (let k = ii + 1; k < items.length; k++) if (attack(k)) return k;
  return undefined;
}

/** True when the leading adverbial of the sentence ("In response to …,", "En réponse à …,") ends between two positions. */
function openerBetween(v: SentenceView, from: number, to: number): boolean {
  if (v.marks[0] !== "opener") return false;
  for (let k = 1; k < to; k++) if (!v.tokens[k].isWord && (v.tokens[k].forms[0] === "," || v.tokens[k].forms[0] === "،")) return k >= from;
  return false;
}

/** The first party named right after a conditional cue of the sentence ("if", "si", "إذا"), or null. */
function conditionParty(v: SentenceView, lex: EventLexicon, actor: Candidate | null): Candidate | null {
  for (const m of lex.cues.findAll(v.tokens)) {
    if (m.value.status !== "conditional") continue;
    const c = v.candidates.find((x) => x.from >= m.to && x.from - m.to <= 4);
    if (c && ACTOR_TYPES.has(c.entity.type) && c.entity !== actor?.entity && !c.roles.has("location") && !c.anaphor) return c;
  }
  return null;
}

/** True when a comma stands among tokens [from, to). */
function commaBetween(v: SentenceView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!v.tokens[k].isWord && COMMAS.has(v.tokens[k].forms[0])) return true;
  return false;
}

/** An item's absorbed triggers when it has none (shared, never pushed to). */
const NO_ABSORBED: PhraseMatch<TriggerEntry>[] = objectList();

/** Groups a sentence's triggers: a governor absorbs the triggers of its complement; same-clause ASSAULT triggers merge. */
function groupTriggers(v: SentenceView, trigs: PhraseMatch<TriggerEntry>[], coordinators: ReadonlySet<string>): Item[] {
  const items: Item[] = objectList();
  // (absorbed triggers marked in a list by index: no Set per sentence)
  const used: boolean[] = [];
  for (let i = 0; i < trigs.length; i++) {
    if (used[i]) continue;
    const t = trigs[i];
    // (a list of its own made at the first trigger absorbed: most items absorb none)
    const item: Item = { main: t, absorbed: NO_ABSORBED };
    if (t.value.role === "g" || t.value.role === "gi" || t.value.role === "gn") {
      for (let j = i + 1; j < trigs.length; j++) {
        const u = trigs[j];
        if (t.value.verbsOnly && u.value.role === "n") continue;
        if (u.from - t.to > GOVERNOR_REACH) break;
        // (tokens between the two: a semicolon, a clause break, a comma)
        let semicolon = false;
        let crosses = false;
        let comma = false;
        for (let k = t.to; k < u.from; k++) {
          // (punctuation: a word's forms are not read)
          const f = v.tokens[k].isWord ? "" : v.tokens[k].forms[0];
          if (f === ";") semicolon = true;
          else if (f === "," || f === "،") comma = true;
          const mark = v.marks[k];
          if (mark === "break" || mark === "relative") crosses = true;
        }
        if (semicolon || crosses) break;
        // "agreed … and vowed …": a second statement of another kind is its own event
        // "accused X of threatening …" is one accusation; "a accusé X …, menaçant …" two statements
        if ((!t.value.verbsOnly || comma) && (u.value.role === "g" || u.value.role === "gi") && u.value.type !== t.value.type && u.value.type !== null && STATEMENTS.has(u.value.type)) break;
        if (item.absorbed === NO_ABSORBED) item.absorbed = objectList();
        item.absorbed.push(u);
        used[j] = true;
      }
    }
    items.push(item);
  }
  // same-clause ASSAULT triggers are one attack: "a US drone strike assassinated …"
  const out: Item[] = objectList();
  for (const it of items) {
    const prev = out[out.length - 1];
    if (
      prev &&
      FORCE.has(prev.main.value.type) &&
      FORCE.has(it.main.value.type) &&
      prev.main.value.role !== "g" &&
      it.main.value.role !== "g"
    ) {
      const c = clauseOf(v, prev.main.from, prev.main.to);
      // "airstrikes against X and a drone strike that killed Y": two attack nouns, each with its article, joined by a
      // coordinator are two attacks
      let prevEnd = prev.main.to;
      for (const a of prev.absorbed) if (a.to > prevEnd) prevEnd = a.to;
      let coordinated = false;
      if (prev.main.value.role === "n" && it.main.value.role === "n")
        for (let k = prevEnd; k + 1 < it.main.from && !coordinated; k++) coordinated = coordinators.has(v.tokens[k].forms[0]) && DETERMINERS.has(v.tokens[k + 1].forms[0]);
      // "In response to attacks on its troops, the US launched strikes": a leading adverbial ends at its comma
      if (it.main.from < c.end && !coordinated && !openerBetween(v, prev.main.to, it.main.from)) {
        // one attack: a verb keeps the slots (its voice and position: "a drone strike assassinated X"); among
        // nouns, the most specific ("responded to the attack with airstrikes"); the most specific gives the mode
        const all = [prev.main, ...prev.absorbed, it.main, ...it.absorbed];
        // the verb the attack noun is the subject of ("a drone strike assassinated X"), not a participle after a
        // comma ("last year's airstrikes on the PMU, targeting public facilities")
        const first = all.find((x) => x.value.role === "v" && !commaBetween(v, all[0].to, x.from));
        // a vague verb ("launched", "hit") gives way to a specific one of the same clause ("forces retaliated with airstrikes")
        const verb = first?.value.weak ? all.find((x) => x.value.role === "v" && !x.value.weak && x.from > first.from) ?? first : first;
        const main = verb ?? all.reduce((a, b) => (b.value.prio > a.value.prio ? b : a));
        prev.main = main;
        const absorbed: PhraseMatch<TriggerEntry>[] = objectList();
        for (const x of all) if (x !== main) absorbed.push(x);
        prev.absorbed = absorbed;
        continue;
      }
    }
    out.push(it);
  }
  return out;
}

/** A sentence without relative clauses set off by commas (shared, never pushed to). */
const NO_ASIDE_RANGES: [number, number][] = objectList();

/** The event tokens of the document being read, made over for the next. */
const tokenPool = new TokenPool();

/** What the sentence after an attack's holds: an attack of its own, an anaphor opening it, its figures. */
interface FollowCounts {
  readonly ownAttack: boolean;
  readonly anaphor: boolean;
  readonly counts: ReturnType<typeof findCounts>;
}

/** The figures of an attack: its counts, the phrases that give them, each figure with its source, and where its evidence ends. */
interface AttackFigures {
  readonly counts: EventCounts;
  readonly countPhrases: TextSpan[];
  readonly figures: EventFigure[];
  readonly evEnd: number;
}

/** Slots with some of their parties replaced (fields in the order resolveSlots writes them: one object shape). */
function withParties(slots: Slots, actor: Candidate | null, target: Candidate | null, location: Candidate | null): Slots {
  return { actor, target, location, passive: slots.passive };
}

/**
 * One document as the event rules read it: its sentences' tokens and views, made when first asked for, and the
 * per-sentence answers several events share (speaker, attribution, quotes, counts …), kept in lists by sentence index
 * (no Map probed per question); and the events found so far. (Every field set in the constructor: one object shape.)
 */
class DocReader {
  readonly sentences: readonly Sentence[];
  /** The document's tokens (read here once: see sentenceTokensIn). */
  readonly docTokens: readonly Token[];
  readonly mentions: MentionIndex;
  /** Time expressions with a value. */
  readonly times: readonly TimeExpression[];
  readonly published: DateValue | null;
  /** Thirty days before publication: an older date makes an event background. */
  readonly cutoff: string | null;
  /** Body sentences (not the title's or a caption's), by index. */
  readonly body: readonly number[];
  /** The date the lead reports, for core events whose sentence has none. */
  readonly leadDate: DateValue | null;
  readonly dateline: { readonly start: number; readonly end: number } | null;
  private readonly tokensOf: (EventToken[] | undefined)[] = [];
  private readonly views: (SentenceView | undefined)[] = [];
  /** The trigger phrases of a sentence, found once (the sentence itself and the counts of the one before ask). */
  private readonly foundIn: (readonly PhraseMatch<TriggerEntry>[] | undefined)[] = [];
  private readonly speakers: (Candidate | null | undefined)[] = [];
  private readonly quoteCounts: (number[] | undefined)[] = [];
  private readonly attributions: (SlotRef | null | undefined)[] = [];
  private readonly followCounts: (FollowCounts | undefined)[] = [];
  private readonly asides: ([number, number][] | undefined)[] = [];
  private readonly anchorWords: (boolean | undefined)[] = [];
  private readonly tierCues: (boolean | undefined)[] = [];
  readonly events: EventRecord[] = [];
  readonly links: ResponsibilityLink[] = [];
  readonly notes: EventNotes = new Map();
  /** The last attack recorded: its index in `events`, its sentence. */
  lastAssault: { index: number; sentence: number } | null = null;

  constructor(
    readonly doc: Doc,
    readonly lex: EventLexicon,
    readonly tables: EventTables,
    readonly anchors: readonly Anchor[],
  ) {
    this.sentences = doc.sentences ?? [];
    this.docTokens = doc.tokens ?? [];
    this.mentions = buildMentionIndex(doc, tables.stateForces);
    this.times = timesWithValue(doc);
    this.published = doc.published?.value ?? null;
    this.cutoff = this.published ? daysBefore(this.published.date, 30) : null;
    this.body = bodySentences(doc);
    this.leadDate = leadDateOf(doc, this.body, this.times);
    this.dateline = doc.meta?.dateline ?? null;
  }

  /** A body sentence's tokens, made (and their words primed for the lexicon's tables) when first asked for. */
  toks(si: number): EventToken[] {
    let t = this.tokensOf[si];
    if (!t) this.tokensOf[si] = t = sentenceTokensIn(this.sentences, this.docTokens, si, this.lex.lang, undefined, tokenPool, this.lex.triggers);
    return t;
  }

  view(si: number): SentenceView {
    let v = this.views[si];
    if (!v) this.views[si] = v = buildSentenceView(this.doc, si, this.lex, this.mentions, this.toks(si));
    return v;
  }

  triggersIn(si: number): readonly PhraseMatch<TriggerEntry>[] {
    let f = this.foundIn[si];
    if (!f) this.foundIn[si] = f = this.lex.triggers.findAll(this.toks(si));
    return f;
  }

  /** True when the tokens start with an anaphor of an event ("The attack …", "Cette frappe …"). */
  startsWithEventAnaphor(t: readonly EventToken[]): boolean {
    if (t.length === 0) return false;
    const ms = this.lex.anaphora.matchAt(t, 0);
    for (let k = 0; k < ms.length; k++) if (ms[k].value.types.includes("event")) return true;
    return false;
  }

  /** "…," it said: a pronoun before a reporting verb stands for the party the text is about. */
  pronounSpeaker(sv: SentenceView): Candidate | null {
    const { lex, doc } = this;
    for (const m of lex.attribution.findAll(sv.tokens)) {
      if (m.value !== "after" && m.value !== "after-nobreak") continue;
      const p = sv.tokens[m.from - 1];
      if (!p || !lex.pronouns.has(p.forms[0])) continue;
      // "he said" is a person; "it said", "they said" a group or a body
      const listed = lex.anaphora.matchAt(sv.tokens, m.from - 1).flatMap((a) => a.value.types).filter((x): x is EntityType => x !== "event");
      const entity = resolveAnaphor(this.mentions, p.start, listed.length ? listed : ["armed_group", "organization", "government_body"]);
      if (entity) return candidate(p.start, p.end, m.from - 1, m.from, doc.text.slice(p.start, p.end), entity, NO_ROLES, true, false, false, false, false);
    }
    return null;
  }

  /** The party sentence sj quotes: its own attribution, else a pronoun before a reporting verb (found once per sentence). */
  speakerIn(sj: number): Candidate | null {
    let c = this.speakers[sj];
    if (c === undefined) {
      const sv = this.view(sj);
      this.speakers[sj] = c = findSpeaker(sv, this.lex) ?? this.pronounSpeaker(sv);
    }
    return c;
  }

  /** The party a sentence quotes: its own attribution, else the next sentence's ("…", Biden said.), else the previous. */
  speakerOf(si: number, neighbours = true): Candidate | null {
    const own = this.speakerIn(si);
    if (own && SPEAKERS.has(own.entity.type)) return own;
    if (!neighbours) return null;
    // the next body sentence, then the one before, when they are the sentence's neighbours (no list made per question)
    const body = this.body;
    const k = body.indexOf(si);
    for (let step = 0; step < 2; step++) {
      const sj = step === 0 ? body[k + 1] : body[k - 1];
      if (sj === undefined || Math.abs(sj - si) > 1) continue;
      const c = this.speakerIn(sj);
      if (c && SPEAKERS.has(c.entity.type)) return c;
    }
    return null;
  }

  /** Inside quotation marks: an odd number of quotes before the position in the sentence. */
  quoted(v: SentenceView, at: number): boolean {
    // quotes before each position, counted once per sentence
    let q = this.quoteCounts[v.index];
    if (!q) {
      // (a plain list: a typed array of this size keeps its bytes off the heap, dearer to make and to free)
      q = new Array<number>(v.tokens.length + 1).fill(0);
      // (quotation marks are punctuation: a word's forms are not read)
      for (let k = 0; k < v.tokens.length; k++) q[k + 1] = q[k] + (!v.tokens[k].isWord && QUOTE_MARKS.has(v.tokens[k].forms[0]) ? 1 : 0);
      this.quoteCounts[v.index] = q;
    }
    return q[Math.min(at, v.tokens.length)] % 2 === 1;
  }

  attributionOf(si: number): SlotRef | null {
    let a = this.attributions[si];
    if (a === undefined) this.attributions[si] = a = findAttribution(this.view(si), this.doc.text, this.lex);
    return a;
  }

  countsAfter(nx: number): FollowCounts {
    let c = this.followCounts[nx];
    if (!c) {
      const nt = this.toks(nx);
      let ownAttack = false;
      const found = this.triggersIn(nx);
      for (let k = 0; k < found.length && !ownAttack; k++) ownAttack = found[k].value.type === "ASSAULT" && !found[k].value.weak;
      this.followCounts[nx] = c = { ownAttack, anaphor: this.startsWithEventAnaphor(nt), counts: findCounts(nt, this.doc.text, this.lex) };
    }
    return c;
  }

  /** Relative clauses set off by commas ("X, who …, announced"), as token ranges [relative pronoun, closing comma], once per sentence. */
  asidesOf(v: SentenceView): [number, number][] {
    let a = this.asides[v.index];
    if (a) return a;
    // (a list made at the first aside: most sentences share the empty one)
    a = NO_ASIDE_RANGES;
    for (let k = 1; k < v.marks.length; k++) {
      if (v.marks[k] !== "relative" || !COMMAS.has(v.tokens[k - 1].forms[0])) continue;
      let e = k + 1;
      while (e < v.tokens.length && (v.tokens[e].isWord || !COMMAS.has(v.tokens[e].forms[0]))) e++;
      if (e < v.tokens.length) (a === NO_ASIDE_RANGES ? (a = objectList()) : a).push([k, e]);
    }
    this.asides[v.index] = a;
    return a;
  }

  /** Whether a word of the sentence starts a known event's name, once per sentence. */
  anchorWordIn(v: SentenceView): boolean {
    let w = this.anchorWords[v.index];
    if (w === undefined) {
      // (by the words' ids when segment gave them: each word asked about once)
      const byIds = wordsAnswer(this.sentences, this.docTokens, v.index, this.lex.lang, anchorQuestion(anchorWords(this.anchors, this.lex.lang)));
      this.anchorWords[v.index] = w = byIds ?? wordOfAnchor(this.anchors, this.lex.lang, v.tokens);
    }
    return w;
  }

  tierCueOf(v: SentenceView): boolean {
    let c = this.tierCues[v.index];
    if (c === undefined) this.tierCues[v.index] = c = this.lex.tier.findAll(v.tokens).length > 0;
    return c;
  }
}

/** "Is this word the longest of a known event's name?" (wordOfAnchor's test), one question per set of such words. */
const anchorQuestions = new WeakMap<ReadonlySet<string>, WordQuestion>();

function anchorQuestion(words: ReadonlySet<string>): WordQuestion {
  let q = anchorQuestions.get(words);
  if (!q) {
    // (the forms of the word's tokens: a French elision's article and rest both)
    const any = (forms: readonly string[] | undefined) => {
      if (forms) for (let k = 0; k < forms.length; k++) if (words.has(forms[k])) return true;
      return false;
    };
    anchorQuestions.set(words, (q = { ask: (sh) => any(sh.forms) || any(sh.rest) }));
  }
  return q;
}

/** "May this word start a trigger?", one question per lexicon (wordsAnswer keeps its answers by word). */
const triggerQuestions = new WeakMap<EventLexicon, WordQuestion>();

function triggerQuestion(lex: EventLexicon): WordQuestion {
  let q = triggerQuestions.get(lex);
  if (!q) {
    const table = lex.triggers;
    triggerQuestions.set(lex, (q = { ask: (sh) => table.mayStartShapeWhere(sh, true, isTrigger) }));
  }
  return q;
}

/**
 * Many sentences hold no trigger: true when a word may start a phrase that is one (with a type, or governing one).
 * Told from the words' ids when segment gave them (no token of the sentence made for a sentence that holds none).
 */
function mayHoldTrigger(r: DocReader, si: number): boolean {
  const byIds = wordsAnswer(r.sentences, r.docTokens, si, r.lex.lang, triggerQuestion(r.lex));
  if (byIds !== null) return byIds;
  const tk = r.toks(si);
  const triggers = r.lex.triggers;
  for (let k = 0; k < tk.length; k++) if (tk[k].isWord && triggers.mayStartTokenWhere(tk[k], isTrigger)) return true;
  return false;
}

/** True when the match lies inside a name of the sentence: "Popular Mobilization Units" holds no trigger. */
function insideName(v: SentenceView, m: PhraseMatch<TriggerEntry>): boolean {
  const start = v.tokens[m.from].start;
  const end = v.tokens[m.to - 1].end;
  for (let k = 0; k < v.candidates.length; k++) {
    const c = v.candidates[k];
    if (!c.anaphor && start < c.end && c.start < end) return true;
  }
  return false;
}

/** The triggers of a body sentence, outside names; null when it holds none (its view is then never built). */
function triggersOf(r: DocReader, si: number): PhraseMatch<TriggerEntry>[] | null {
  if (!mayHoldTrigger(r, si)) return null;
  const found = r.triggersIn(si);
  if (!found.some((m) => isTrigger(m.value))) return null;
  const v = r.view(si);
  // (made at the first trigger outside a name)
  let trigs: PhraseMatch<TriggerEntry>[] | null = null;
  for (let k = 0; k < found.length; k++) if (isTrigger(found[k].value) && !insideName(v, found[k])) (trigs ??= objectList()).push(found[k]);
  return trigs;
}

/** The last token an item's triggers reach (exclusive). */
function itemEnd(it: Item): number {
  let end = it.main.to;
  for (const a of it.absorbed) if (a.to > end) end = a.to;
  return end;
}

/** Where the next event of the sentence begins (its first trigger at or after `end`), or undefined. */
function nextItemStart(items: readonly Item[], ii: number, end: number): number | undefined {
  for (let jj = ii + 1; jj < items.length; jj++) {
    // "strikes were carried out by US aircraft against …": who is behind it is part of the same report
    if (items[jj].main.value.resp && items[jj].main.value.resp !== "claim") continue;
    let f = items[jj].main.from;
    for (const a of items[jj].absorbed) if (a.from < f) f = a.from;
    if (f >= end) return f;
  }
  return undefined;
}

/** The trigger site of an item: its tokens, its clause (after a dateline), the reach of its complement. */
function siteOf(r: DocReader, v: SentenceView, s: Sentence, it: Item, type: PloverType | null, clause: { start: number; end: number }, reach: number, nextItem: number | undefined): TriggerSite {
  const t = it.main;
  let targeted = t.value.mode === "targeted";
  for (let k = 0; k < it.absorbed.length && !targeted; k++) targeted = it.absorbed[k].value.mode === "targeted";
  const speechAct = type === "ACCUSE" || type === "REJECT" || type === "REQUEST";
  const merged = it.absorbed.length ? mergedOf(it) : NONE_MERGED;
  // "BAGHDAD, May 2 (Sitrep Wire) - The army carried out …": the dateline names no party of the clause
  const dl = r.dateline;
  let clauseStart = clause.start;
  if (dl && dl.end > s.start && dl.end <= v.tokens[t.from].start) while (clauseStart < t.from && v.tokens[clauseStart].start < dl.end) clauseStart++;
  return { from: t.from, to: t.to, clauseStart, clauseEnd: Math.max(clause.end, reach), reach, role: t.value.role, targeted, speechAct, merged, participle: t.value.participle, limit: nextItem, attack: type === "ASSAULT" && !t.value.weak, pair: t.value.pair };
}

/** The triggers an item absorbed, as a site lists them (pushed: a list map() makes has holes to the engine, another map). */
function mergedOf(it: Item): NonNullable<TriggerSite["merged"]>[number][] {
  const out: NonNullable<TriggerSite["merged"]>[number][] = objectList();
  for (const a of it.absorbed) out.push({ from: a.from, to: a.to, verb: a.value.role === "v" });
  return out;
}

/** The type of an item: its main trigger's, or for a governor of an intent or a claim ("intend to …"), its complement's. */
function itemType(it: Item): PloverType | null {
  const t = it.main;
  if (t.value.role !== "gi") return t.value.type;
  for (const a of it.absorbed) if (a.value.type) return a.value.type;
  return null;
}

/** An event as it is being worked out: its type, slots, status and mode, changed by the rules one after the other. */
class Draft {
  type: PloverType;
  slots: Slots;
  status: ReturnType<typeof eventStatus>;
  mode: string | null = null;
  /** The most specific trigger of the event's type, and the most specific one with a mode. */
  best: PhraseMatch<TriggerEntry> | undefined = undefined;
  moded: PhraseMatch<TriggerEntry> | undefined = undefined;
  weapon: string | null = null;

  constructor(type: PloverType, slots: Slots, status: ReturnType<typeof eventStatus>) {
    this.type = type;
    this.slots = slots;
    this.status = status;
  }
}

/**
 * Who is behind an attack, for a responsibility trigger: a claim names its author; blame names the party and, beside
 * it, who blames (said in this sentence, or in the one around a quotation). Records the link; returns the event's
 * type and slots, or null when the trigger makes no event.
 */
function responsibilityEvent(
  r: DocReader,
  si: number,
  s: Sentence,
  v: SentenceView,
  trigs: readonly PhraseMatch<TriggerEntry>[],
  t: PhraseMatch<TriggerEntry>,
  site: TriggerSite,
  slots: Slots,
  type: PloverType | null,
  resp: NonNullable<TriggerEntry["resp"]>,
  relative: boolean,
): { type: PloverType; slots: Slots } | null {
  const rp = responsibility(v, site, slots, resp, relative, () => r.speakerOf(si, r.quoted(v, t.from)));
  const at = v.tokens[t.from].start;
  if (rp.party) {
    // "X was behind a rocket attack on …": the sentence names the attack the statement is about
    const own = resp !== "claim" && trigs.some((m) => m.from >= t.to && m.value.type === "ASSAULT" && !m.value.weak);
    r.links.push({ kind: resp === "claim" ? "claim" : "blame", party: slot(rp.party)!, partyType: rp.party.entity.type, at, attribution: resp === "claim" ? null : r.attributionOf(si), ...(own ? { ownUntil: s.end } : {}) });
  }
  if (resp === "claim") return type ? { type, slots } : null;
  // an accusation needs an attack to be about and someone who makes it
  const attackSeen = r.events.some((e) => e.type === "ASSAULT") || trigs.some((m) => m.value.type === "ASSAULT");
  if (!rp.accuser || !attackSeen || rp.accuser.entity === rp.party?.entity) return null;
  return { type: "ACCUSE", slots: withParties(slots, rp.accuser, rp.party, slots.location) };
}

/**
 * The draft of an event of known type: its slots as the speaker and the dateline change them, its status; null when
 * a trigger of things to come finds no future, or an intent's complement has another type.
 */
function draftOf(r: DocReader, si: number, v: SentenceView, it: Item, site: TriggerSite, type: PloverType, slots: Slots): Draft | null {
  const t = it.main;
  if (t.value.addressee) {
    // "If they fail …, you will pay double the price," it said: the speaker threatens the subject
    const who = r.speakerOf(si, true);
    if (who) slots = withParties(slots, who, slots.actor && slots.actor.entity !== who.entity ? slots.actor : slots.target, slots.location);
  }
  // "Baghdad, August 26 (RHC)--" names where the report was filed, not where the event was
  const dl = r.dateline;
  if (dl && slots.location && slots.location.start >= dl.start && slots.location.end <= dl.end) slots = withParties(slots, slots.actor, slots.target, null);
  const st = eventStatus(v, site, t.value, type, r.lex);
  if (t.value.future && !st.future) return null;
  if (!st.future && type !== t.value.type && it.absorbed.some((a) => a.value.future)) return null;
  // "if the US keeps supporting Israel, there will be escalation": a conditional threat is aimed at the party of
  // its condition
  if (type === "THREATEN" && st.status === "conditional" && !slots.target) {
    const who = conditionParty(v, r.lex, slots.actor);
    if (who) slots = withParties(slots, slots.actor, who, slots.location);
  }
  return new Draft(type, slots, st);
}

/** Mode: the most specific trigger, else the weapon named in the clause (the first of the highest priority, as a stable sort would give). */
function modeOf(r: DocReader, v: SentenceView, it: Item, d: Draft, clause: { start: number; end: number }, reach: number): void {
  const type = d.type;
  let best: PhraseMatch<TriggerEntry> | undefined;
  let moded: PhraseMatch<TriggerEntry> | undefined;
  for (let k = -1; k < it.absorbed.length; k++) {
    const x = k < 0 ? it.main : it.absorbed[k];
    if (x.value.type !== "ASSAULT" && x.value.type !== type) continue;
    if (!best || x.value.prio > best.value.prio) best = x;
    if (x.value.mode && (!moded || x.value.prio > moded.value.prio)) moded = x;
  }
  let mode = type === "ASSAULT" || type === "COERCE" || type === "RETREAT" || type === "PROTEST" ? (moded?.value.mode ?? null) : null;
  const wm = r.lex.weapons.findAll(v.tokens, clause.start, Math.max(clause.end, reach))[0];
  d.weapon = wm ? r.doc.text.slice(v.tokens[wm.from].start, v.tokens[wm.to - 1].end) : null;
  if (type === "ASSAULT" && wm && (!mode || mode === "targeted" || (wm.value === "drone" && mode === "aerial"))) mode = wm.value;
  d.best = best;
  d.moded = moded;
  d.mode = mode;
}

/**
 * Types that what is said changes: a withdrawal its own party announces is a concession; an attack to come is a
 * threat; and the speaker of a quoted statement is its actor.
 */
function retype(r: DocReader, si: number, v: SentenceView, t: PhraseMatch<TriggerEntry>, d: Draft): void {
  // a withdrawal to come that the withdrawing party announces itself is a concession: "the coalition announced it
  // will withdraw its forces by September"; one that others report is a planned retreat ("Sudani said the coalition
  // will reduce its presence")
  const announcer = d.type === "RETREAT" && d.mode === "withdrawal" && d.status.future ? r.speakerOf(si, false) : null;
  if (announcer && d.slots.actor && announcer.entity === d.slots.actor.entity && (d.status.status === "planned" || d.status.status === "threatened")) {
    d.type = "CONCEDE";
    d.status = { status: "planned", future: d.status.future };
  }
  // a threatened or conditional attack is a threat
  if ((d.type === "ASSAULT" || d.type === "COERCE") && d.status.future && d.status.status !== "denied") {
    d.type = "THREATEN";
    d.mode = null;
  }
  // "The militias say their attacks on the bases will go on": an armed group speaking of attacks to
  // come, naming no one behind them, threatens them itself
  if (d.type === "ASSAULT" && !d.slots.actor && d.status.status === "ongoing") {
    const who = r.speakerOf(si, false);
    if (who && who.entity.type === "armed_group" && who.entity !== d.slots.target?.entity) {
      d.type = "THREATEN";
      d.mode = null;
      d.slots = withParties(d.slots, who, d.slots.target, d.slots.location);
    }
  }
  speakerActor(r, si, v, t, d);
}

/**
 * "“We will respond,” Biden said": the actor of a quoted statement in the first person is its speaker ("its fighters
 * attacked …", "nos combattants ont attaqué": an attack too is the speaker's); a statement without a subject is the
 * sentence's speaker's.
 */
function speakerActor(r: DocReader, si: number, v: SentenceView, t: PhraseMatch<TriggerEntry>, d: Draft): void {
  const slots = d.slots;
  const isAttack = d.type === "ASSAULT";
  if (isAttack && slots.actor?.speaker) {
    const who = r.speakerOf(si);
    d.slots = withParties(slots, who && who.entity !== slots.target?.entity ? who : null, slots.target, slots.location);
  } else if (!isAttack && (slots.actor?.speaker || (!slots.actor && r.quoted(v, t.from)))) {
    const who = r.speakerOf(si);
    if (who) d.slots = withParties(slots, who, slots.target, slots.location);
  } else if (!slots.actor && SPOKEN.has(d.type)) {
    // "After the announcement, the US said [it] would hold … accountable": the speaker of the sentence
    const who = r.speakerOf(si, false);
    if (who && who.entity !== slots.target?.entity) d.slots = withParties(slots, who, slots.target, slots.location);
  }
}

/** No figures (shared, read-only). */
const NO_FIGURES: AttackFigures = { counts: {}, countPhrases: [], figures: [], evEnd: 0 };

/**
 * The figures of an attack: this sentence's (up to the next event it reports), and the next sentences' of the
 * paragraph while they go on about the same attack ("The incident led to …").
 */
function attackFigures(r: DocReader, si: number, s: Sentence, v: SentenceView, nextItem: number | undefined): AttackFigures {
  const { doc, lex, body, sentences } = r;
  let evEnd = s.end;
  // the figures of this attack, not of the next one the sentence reports ("strikes … after an attack that killed three")
  const c = findCounts(v.tokens, doc.text, lex, 0, nextItem ?? v.tokens.length);
  let counts: EventCounts = c.counts;
  let countPhrases: TextSpan[] = c.phrases;
  let figures: EventFigure[] = [];
  if (c.figures.length) {
    const by = r.attributionOf(si);
    figures = attributed(c.figures, by);
  }
  // the next sentences of the paragraph, while they go on about this attack: "The incident led to the
  // death of two …", "At least 34 soldiers were wounded." (no attack trigger of their own)
  for (let k = 1; k <= 2; k++) {
    const nx = body[body.indexOf(si) + k];
    if (nx === undefined || nx !== si + k || sentences[nx].paragraph !== s.paragraph) break;
    const { ownAttack, anaphor, counts: c2 } = r.countsAfter(nx);
    if (ownAttack && !anaphor) break;
    // every figure of the sentences that go on about the attack, each with its own source
    if (c2.figures.length) {
      const by = r.attributionOf(nx);
      figures = [...figures, ...attributed(c2.figures, by)];
      evEnd = Math.max(evEnd, sentences[nx].end);
    }
    for (const kind of ["killed", "injured", "munitions"] as const) {
      if (counts[kind] === undefined && c2.counts[kind] !== undefined) {
        counts = { ...counts, [kind]: c2.counts[kind] };
        countPhrases = [...countPhrases, ...c2.phrases.filter((p) => !countPhrases.some((q) => q.start === p.start))];
        evEnd = sentences[nx].end;
      }
    }
    if (ownAttack) break;
  }
  return { counts, countPhrases, figures, evEnd };
}

/**
 * An attack that goes on about the one just reported lends it its parties, place and figures: "The strike at Tower 22
 * also injured at least 34 others" (a definite reference: all of them); "The attack took place in …" (no parties:
 * place and figures). True when the attack is then no event of its own.
 */
function lendToLastAttack(r: DocReader, si: number, v: SentenceView, t: PhraseMatch<TriggerEntry>, slots: Slots, f: AttackFigures, hasCounts: boolean): boolean {
  const last = r.lastAssault;
  const events = r.events;
  if (last && si - last.sentence <= 3 && r.startsWithEventAnaphor(v.tokens) && t.from <= 2) {
    const prev = events[last.index];
    // (written as a literal of the record's shape: a spread that gains keys makes a hidden class per record)
    events[last.index] = withFigures(
      prev,
      prev.actor ?? slot(slots.actor),
      prev.target ?? slot(slots.target),
      prev.location ?? place(slots.location),
      mergedCounts(prev.counts, f.counts),
      [...(prev.countPhrases ?? []), ...f.countPhrases],
      joinFigures(prev.figures, f.figures),
    );
    return true;
  }
  if (slots.actor || slots.target) return false;
  if (last && si - last.sentence <= 2 && (r.startsWithEventAnaphor(v.tokens) || t.value.weak)) {
    const prev = events[last.index];
    events[last.index] = withFigures(
      prev,
      prev.actor,
      prev.target,
      prev.location ?? place(slots.location),
      mergedCounts(prev.counts, f.counts),
      [...(prev.countPhrases ?? []), ...f.countPhrases],
      joinFigures(prev.figures, f.figures),
    );
  }
  return !(hasCounts && slots.location);
}

/** No relative clause set off by commas (shared, read-only). */
const NO_ASIDES: (readonly [number, number])[] = objectList();

/** An event's date and tier: its sentence's nearest time (outside relative clauses that do not hold it), else a known event's date. */
function dateOf(r: DocReader, s: Sentence, v: SentenceView, t: PhraseMatch<TriggerEntry>, slots: Slots): { date: DateValue | null; tier: "core" | "background" } {
  const { doc, lex, anchors, published, cutoff } = r;
  // date: the nearest time expression in the sentence; else the lead's date for the news itself
  const tierCue = r.tierCueOf(v);
  // relative clauses set off by commas that do not hold the trigger: their times are not this event's
  const clauses = r.asidesOf(v);
  // (most sentences have none: their events share one empty list)
  const aside: (readonly [number, number])[] = clauses.length ? objectList() : NO_ASIDES;
  for (const [k, e] of clauses) if (t.from < k || t.from > e) aside.push([v.tokens[k].start, v.tokens[e].start]);
  let { date, tier } = dateAndTier(r.times, s, v.tokens[t.from].start, tierCue, published, cutoff, r.leadDate, r.dateline, aside);
  // a known event ("the 2003 invasion", "the assassination of Soleimani") has its known date, when the text's own
  // is missing, borrowed from the lead, or a year or month that holds it
  const parties = [slots.actor?.entity.kb, slots.target?.entity.kb];
  if (anchors.length && (!date || date.precision !== "day" || date.basis.startsWith(LEAD_BASIS)) && (partyOfAnchor(anchors, parties) || r.anchorWordIn(v))) {
    const known = anchorDate(
      { text: doc.text, sentence: s, trigger: { start: v.tokens[t.from].start, end: v.tokens[t.to - 1].end }, parties, lang: lex.lang },
      anchors,
    );
    if (known && (!published || known.date <= published.date) && (!date || date.basis.startsWith(LEAD_BASIS) || known.date.startsWith(date.date))) {
      date = known;
      if (cutoff && known.date < cutoff) tier = "background";
    }
  }
  return { date, tier };
}

/** "The ministry condemned the attacks": a condemnation of the attack just reported is aimed at its author (or null). */
function blamedAuthor(r: DocReader, v: SentenceView, trigs: readonly PhraseMatch<TriggerEntry>[], t: PhraseMatch<TriggerEntry>, slots: Slots): SlotRef | null {
  const object = trigs.find((m) => m.from >= t.to && m.from - t.to <= 2 && m.value.type === "ASSAULT" && m.value.role === "n" && r.lex.definites.has(v.tokens[m.from - 1]?.forms[0] ?? ""));
  const last = object ? r.events.filter((e) => e.type === "ASSAULT" && e.actor && e.tier !== "background").pop() : undefined;
  if (last?.actor && last.actor.entity !== slots.actor?.entity.id) return last.actor;
  return null;
}

/** "the attack", "cette attaque", "الهجوم" (the article a prefix): a definite noun at token `from`. */
function definiteAt(lex: EventLexicon, v: SentenceView, from: number): boolean {
  const before = v.tokens[from - 1];
  return (!!before && before.forms.some((f) => lex.definites.has(f))) || (!!lex.definitePrefix && v.tokens[from].forms.some((f) => f.startsWith(lex.definitePrefix!)));
}

/** Records the event of a draft: its codes, its text spans, its record and the notes merging reads. */
function recordEvent(
  r: DocReader,
  si: number,
  s: Sentence,
  v: SentenceView,
  trigs: readonly PhraseMatch<TriggerEntry>[],
  items: readonly Item[],
  ii: number,
  d: Draft,
  f: AttackFigures,
  hasCounts: boolean,
  when: { date: DateValue | null; tier: "core" | "background" },
): void {
  const { doc, lex, tables } = r;
  const it = items[ii];
  const t = it.main;
  const { type, mode, slots } = d;
  const code = ploverCode(tables, type, mode);
  const acledCode = type === "ASSAULT" && !mode && d.best?.value.acled ? d.best.value.acled : code?.acled ?? null;
  const refined = acledCode ? refineAcled(acledCode, v.tokens, t.from, lex, tables) : null;
  const acled = refined ? tables.acled.get(refined) ?? null : null;
  const trigger = { start: v.tokens[t.from].start, end: v.tokens[t.to - 1].end, text: doc.text.slice(v.tokens[t.from].start, v.tokens[t.to - 1].end) };
  const blamed = type === "ACCUSE" && !slots.target && !t.value.resp && t.value.role === "g" ? blamedAuthor(r, v, trigs, t, slots) : null;
  const evEnd = f === NO_FIGURES ? s.end : f.evEnd;
  const evidence = { start: s.start, end: evEnd, text: doc.text.slice(s.start, evEnd) };
  const cameo = code?.cameo ?? null;
  // (the two shapes of a record written out: a spread of an optional part is a slow copy)
  const rec: EventRecord = hasCounts
    ? { type, mode, cameo, acled, actor: slot(slots.actor), target: slot(slots.target) ?? blamed, location: place(slots.location), date: when.date, status: d.status.status, counts: f.counts, countPhrases: f.countPhrases, figures: f.figures, weapon: d.weapon, attribution: r.attributionOf(si), trigger, evidence, tier: when.tier }
    : { type, mode, cameo, acled, actor: slot(slots.actor), target: slot(slots.target) ?? blamed, location: place(slots.location), date: when.date, status: d.status.status, weapon: d.weapon, attribution: r.attributionOf(si), trigger, evidence, tier: when.tier };
  if (type === "ASSAULT") r.lastAssault = { index: r.events.length, sentence: si };
  r.events.push(rec);
  const toll = isToll(it);
  r.notes.set(rec, {
    sentence: si,
    // "the attack", "cette attaque", "الهجوم" (the article a prefix); "the strikes targeted …" (the noun merged)
    definite: definiteAt(lex, v, t.from) || it.absorbed.some((a) => a.value.role === "n" && a.from < t.from && definiteAt(lex, v, a.from)),
    claim: t.value.role === "gi" && t.value.acled === "ATTRIB",
    // "killed", "tués", "مقتل": the toll, not the attack
    toll,
    item: ii,
    tollOf: toll ? tollOwner(items, ii) : undefined,
    placeTarget: !!slots.target && (slots.target.entity.type === "state" || slots.target.entity.type === "place"),
  });
}

/** True when counts has a key (as Object.keys(counts).length > 0, without the list of keys made). */
function hasKeys(counts: EventCounts): boolean {
  for (const _ in counts) return true;
  return false;
}

/** The event of trigger group `ii` of sentence si, recorded (or lent to the attack just reported, or dropped). */
function eventOfItem(r: DocReader, si: number, s: Sentence, v: SentenceView, trigs: readonly PhraseMatch<TriggerEntry>[], items: readonly Item[], ii: number): void {
  const it = items[ii];
  const t = it.main;
  const end = itemEnd(it);
  const nextItem = nextItemStart(items, ii, end);
  let type = itemType(it);
  const resp = t.value.resp;
  if (!type && resp !== "claim") return;
  const clause = clauseOf(v, t.from, t.to);
  const site = siteOf(r, v, s, it, type, clause, end, nextItem);
  let slots = resolveSlots(v, site, r.lex);
  // a trigger kept only with an actor ("war", "conflict") that found none: no event, and no more work on it
  if (t.value.needAgent && t.value.weak && !resp && !slots.actor && !it.absorbed.length) return;
  if (resp) {
    const e = responsibilityEvent(r, si, s, v, trigs, t, site, slots, type, resp, clause.relative);
    if (!e) return;
    type = e.type;
    slots = e.slots;
  }
  if (!type) return;
  const d = draftOf(r, si, v, it, site, type, slots);
  if (!d) return;
  modeOf(r, v, it, d, clause, end);
  retype(r, si, v, t, d);
  const isAttack = d.type === "ASSAULT";
  // counts: this sentence, and the next when it goes on about the same attack ("The incident led to …")
  const f = isAttack ? attackFigures(r, si, s, v, nextItem) : NO_FIGURES;
  const hasCounts = isAttack && hasKeys(f.counts);
  if (isAttack && lendToLastAttack(r, si, v, t, d.slots, f, hasCounts)) return;
  const sl = d.slots;
  if (!sl.actor && !sl.target && !isAttack) return;
  if (t.value.weak && !sl.actor && !sl.target) return;
  if ((t.value.needAgent && !sl.actor) || (t.value.needPatient && !sl.target)) return;
  // only an attack can go unclaimed; a statement, a threat, a deal always has someone behind it
  if (d.type !== "ASSAULT" && !sl.actor) return;
  recordEvent(r, si, s, v, trigs, items, ii, d, f, hasCounts, dateOf(r, s, v, t, sl));
}

/** The PLOVER events of a document, one per trigger clause, merged within the document. */
export function extractEvents(doc: Doc, lex: EventLexicon, tables: EventTables, anchors: readonly Anchor[] = []): EventRecord[] {
  const sentences = doc.sentences ?? [];
  if (!sentences.length) return [];
  // this document's tokens overwrite the last one's (no token outlives the call)
  tokenPool.reset();
  const r = new DocReader(doc, lex, tables, anchors);
  for (const si of r.body) {
    // (most sentences hold no trigger: looked for before the sentence's view is built)
    const trigs = triggersOf(r, si);
    if (trigs === null) continue;
    const v = r.view(si);
    const items = groupTriggers(v, trigs, lex.coordinators);
    for (let ii = 0; ii < items.length; ii++) eventOfItem(r, si, sentences[si], v, trigs, items, ii);
  }
  return applyResponsibility(mergeEvents(r.events, r.notes, sideOf(doc, tables)), r.links);
}

/** The KB id of each entity of the document, by entity id (set in a loop: no [id, kb] pair made per entity). */
function kbById(doc: Doc): Map<string, string | null> {
  const out = new Map<string, string | null>();
  const entities = doc.entities ?? [];
  for (let k = 0; k < entities.length; k++) out.set(entities[k].id, entities[k].kb);
  return out;
}

/**
 * One side, one key: "Al-Hamidawi" speaks for Kata'ib Hezbollah, "US forces" fight for the United States (the map of
 * entities by id made when first asked: a document with one event or none never is).
 */
function sideOf(doc: Doc, tables: EventTables): SideOf {
  let kbOf: Map<string, string | null> | null = null;
  return (r) => {
    if (!r) return null;
    const kb = r.kb ?? (r.entity ? (kbOf ??= kbById(doc)).get(r.entity) : null);
    if (!kb) return r.entity ?? null;
    const chain = tables.sides?.get(kb);
    return chain ? chain[chain.length - 1] : kb;
  };
}
