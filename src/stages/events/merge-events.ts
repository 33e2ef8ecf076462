import type { EventCounts, EventFigure, EventRecord } from "../../core/doc.js";

/** Two reports' figures, each phrase once: two sources' tolls both stay. */
export function joinFigures(a: readonly EventFigure[] | undefined, b: readonly EventFigure[] | undefined): EventFigure[] {
  const out = [...(a ?? [])];
  for (const f of b ?? []) if (!out.some((x) => x.phrase.start === f.phrase.start)) out.push(f);
  return out;
}

/** What the merge needs to know of an event beyond its record: where it was found and how it was named. */
export interface EventNote {
  readonly sentence: number;
  /** Named as an event already reported: "the attack", "cette attaque". */
  readonly definite: boolean;
  /** Found through a claim: "claimed responsibility for …". */
  readonly claim: boolean;
  /** Told by its toll only ("killed", "wounded"): the consequence of an attack the sentence may name too. */
  readonly toll?: boolean;
  /** The trigger group of its sentence the event came from, and for a toll the group of the attack it is the toll of. */
  readonly item?: number;
  readonly tollOf?: number;
  /** The target is a country or a place, not a party ("a drone attack on a Jordan military base"). */
  readonly placeTarget?: boolean;
}

/**
 * Notes by event record; merged records inherit the first record's note. (A Map, not a WeakMap: it lives for one
 * document's merge, and a WeakMap's entries cost the collector more.)
 */
export type EventNotes = Map<EventRecord, EventNote>;

/** The side a slot stands for (party-sides.ts), or its own entity; null when empty. */
export type SideOf = (ref: EventRecord["actor"]) => string | null;
const ownSide: SideOf = (r) => r?.entity ?? r?.kb ?? null;

function key(e: EventRecord, side: SideOf): string {
  // statements merge by side ("Al-Hamidawi announced …", "Kataib Hezbollah announced …"); attacks by party
  const s = e.type === "ASSAULT" ? ownSide : side;
  return `${e.type}|${s(e.actor) ?? "-"}|${s(e.target) ?? "-"}`;
}

/** Merges events of the same type between the same actor and target: the first keeps its evidence, gains missing slots. */
export function mergeEvents(events: readonly EventRecord[], notes: EventNotes = new Map(), side: SideOf = ownSide): EventRecord[] {
  const out: EventRecord[] = [];
  const byKey = new Map<string, number>();
  for (const e of events) {
    const k = key(e, side);
    let i = byKey.get(k);
    // "the Soleimani assassination" again, without its author: the same event
    const sd = e.type === "ASSAULT" ? ownSide : side;
    if (i === undefined && !e.actor && e.target?.entity) i = out.findIndex((o) => o.type === e.type && sd(o.target) === sd(e.target));
    if (i === -1) i = undefined;
    // "We announce the suspension …" after "KH announced the suspension of attacks on US forces": the same event
    if (i === undefined && !e.target && e.actor?.entity) i = out.findIndex((o) => o.type === e.type && sd(o.actor) === sd(e.actor));
    // "Kataib Hezbollah suspends operations." … "It suspended operations against US forces.": the later report completes the first
    if (i === undefined && e.target && e.actor) i = out.findIndex((o) => o.type === e.type && !o.target && sd(o.actor) === sd(e.actor));
    if (i === -1) i = undefined;
    if (i === undefined) {
      byKey.set(k, out.length);
      out.push(e);
      continue;
    }
    const note = notes.get(out[i]);
    // a report of another tier ("attacks since October") adds no date to the news itself
    out[i] = absorb(out[i], e, false, out[i].tier === e.tier);
    if (note) notes.set(out[i], note);
  }
  return mergeAttackReports(out, notes, side);
}

const compatible = (a: string | null | undefined, b: string | null | undefined) => !a || !b || a === b;

/** The basis of a date borrowed from the report's lead: no evidence of the event's own date. */
export const LEAD_BASIS = "no date in the sentence; the report's date: ";
/** An event's own date: null when it only borrowed the report's. */
const ownDate = (e: EventRecord) => (e.date && !e.date.basis.startsWith(LEAD_BASIS) ? e.date.date : null);
const sameCount = (a: EventRecord, b: EventRecord) =>
  a.counts?.killed !== undefined && a.counts.killed === b.counts?.killed;

/**
 * One attack, several sentences: "Three soldiers were killed in a drone attack at Tower 22." … "The Islamic
 * Resistance claimed responsibility for the attack." … "The attack on the base killed three soldiers." A report of
 * an attack joins an earlier report of the same tier whose parties and date do not contradict it, when it points back
 * to it ("the attack", a claim), gives the same death toll, or completes it close by.
 */
export function mergeAttackReports(events: readonly EventRecord[], notes: EventNotes = new Map(), side: SideOf = ownSide): EventRecord[] {
  const m = new AttackMerge(notes, side);
  for (const e of events) mergeReport(m, e);
  return m.out;
}

/**
 * The state of one attack merge: the reports kept so far, the notes, the side of a slot, and memos: the words of a
 * report's evidence, split once per report; each trigger's stem ("the strikes" points back to strikes, not to the attack
 * that prompted them). (One class, every field set at once: the merge's steps see one object shape.)
 */
class AttackMerge {
  readonly out: EventRecord[] = [];
  private readonly wordsOf = new Map<string, string[]>();
  private readonly stems = new Map<string, string>();

  constructor(
    readonly notes: EventNotes,
    readonly side: SideOf,
  ) {}

  evidenceWords(o: EventRecord): string[] {
    let w = this.wordsOf.get(o.evidence.text);
    if (!w) this.wordsOf.set(o.evidence.text, (w = o.evidence.text.toLowerCase().split(/[^\p{L}]+/u)));
    return w;
  }

  stem(x: EventRecord): string {
    let st = this.stems.get(x.trigger.text);
    if (st === undefined) this.stems.set(x.trigger.text, (st = x.trigger.text.toLowerCase().slice(0, 5)));
    return st;
  }
}

/**
 * A toll goes with the attack of its sentence it is the toll of ("airstrikes in retaliation for a drone attack that
 * killed three soldiers": the drone attack's), even when that attack named no party and was not kept.
 */
function tollPair(a: EventNote | undefined, b: EventNote | undefined): boolean {
  return !!a && !!b && a.sentence === b.sentence && ((!!a.toll && a.tollOf === b.item) || (!!b.toll && b.tollOf === a.item));
}

/** An earlier report told with this stem: its trigger, or a word of its evidence ("US forces launched strikes on …"). */
function toldWith(m: AttackMerge, o: EventRecord, st: string): boolean {
  if (m.stem(o) === st) return true;
  const words = m.evidenceWords(o);
  for (let k = 0; k < words.length; k++) if (words[k].startsWith(st)) return true;
  return false;
}

/** True when an attack kept so far was told with the same trigger word as e. */
function sameWordBefore(m: AttackMerge, e: EventRecord): boolean {
  const st = m.stem(e);
  for (const o of m.out) if (o.type === "ASSAULT" && m.stem(o) === st) return true;
  return false;
}

/** Whether report e (note n) goes on about the earlier report o. */
function linked(m: AttackMerge, e: EventRecord, n: EventNote | undefined, sameWord: boolean, o: EventRecord): boolean {
  const mo = m.notes.get(o);
  // two attacks of one sentence were told apart on purpose ("strikes … after an attack …"), unless one is only
  // the toll of the other ("a contractor was killed after a drone targeted a coalition base")
  if (n && mo && n.sentence === mo.sentence && !n.claim) return tollPair(n, mo) && (n.toll ? !e.actor : !o.actor);
  const close = !n || !mo || Math.abs(n.sentence - mo.sentence) <= 2;
  // "The US launched strikes in Iraq and Syria." … "US forces struck sites of the IRGC.": one side's attack told
  // once without its target and once with it is one attack, however far apart
  if (o.actor && e.actor && m.side(o.actor) === m.side(e.actor) && !o.target !== !e.target) return true;
  const fills = (!o.actor && !!e.actor) || (!o.target && !!e.target);
  if (sameCount(o, e)) return true;
  if (n?.claim) return true;
  if (n?.definite) return !sameWord || m.stem(o) === m.stem(e);
  // "… assassinated Soleimani." "The two commanders were targeted in a drone strike … near the airport.": a
  // partial report right after a full one tells where and how
  // "The US launched strikes on the IRGC." "The strikes targeted facilities linked to the IRGC.": a partial report
  // close to a full one that it does not contradict is the same event
  if ((!e.actor || !e.target) && (e.actor || e.target) && close) return true;
  const tells = (!o.location && !!e.location) || ((!o.mode || o.mode === "targeted") && !!e.mode && e.mode !== "targeted");
  return (!o.actor || !o.target || !e.actor || !e.target) && (fills || (tells && (!e.actor || !e.target))) && close;
}

/**
 * "The strikes followed talks at the base …": a definite noun naming no author points back to the latest attack told
 * with the same word (its index in the kept reports, else -1); what else its sentence names is not that attack's.
 */
function pointsBack(m: AttackMerge, e: EventRecord, n: EventNote | undefined): number {
  if (!(e.type === "ASSAULT" && n?.definite && !n.toll && !e.actor)) return -1;
  const out = m.out;
  for (let k = out.length - 1; k >= 0; k--) if (out[k].type === "ASSAULT" && toldWith(m, out[k], m.stem(e)) && m.notes.get(out[k])?.sentence !== n.sentence && compatible(ownDate(out[k]), ownDate(e))) return k;
  return -1;
}

/** The earlier attack report e (note n) is the same attack as, or -1. */
function sameAttack(m: AttackMerge, e: EventRecord, n: EventNote | undefined): number {
  if (e.type !== "ASSAULT") return -1;
  const sameWord = n?.definite ? sameWordBefore(m, e) : false;
  const out = m.out;
  for (let i = 0; i < out.length; i++) {
    const o = out[i];
    if (
      o.type === "ASSAULT" &&
      o.tier === e.tier &&
      (compatible(ownSide(o.actor), ownSide(e.actor)) || m.side(o.actor) === m.side(e.actor)) &&
      // (the same toll, the target only a country: "an attack on a base in north-east Jordan killed three soldiers")
      (compatible(ownSide(o.target), ownSide(e.target)) || tollPair(n, m.notes.get(o)) || (sameCount(o, e) && !!n?.placeTarget && !e.actor)) &&
      compatible(ownDate(o), ownDate(e)) &&
      linked(m, e, n, sameWord, o)
    )
      return i;
  }
  return -1;
}

/** Merges report e into the report of the same attack kept so far, or keeps it. */
function mergeReport(m: AttackMerge, e: EventRecord): void {
  const { out, notes } = m;
  const n = notes.get(e);
  const back = pointsBack(m, e, n);
  if (back >= 0) {
    const note = notes.get(out[back]);
    out[back] = absorb(out[back], { ...e, target: null }, true);
    if (note) notes.set(out[back], note);
    return;
  }
  const i = sameAttack(m, e, n);
  if (i < 0) {
    out.push(e);
    return;
  }
  const note = notes.get(out[i]);
  // the attack tells who and what; its toll only how many
  const keep = note?.toll && !n?.toll && note.sentence === n?.sentence;
  const [attack, toll] = keep ? [e, out[i]] : [out[i], e];
  let merged = absorb(attack, toll, true);
  // the victims the toll names are the target rather than the country the attack is placed in
  const tollMerge = tollPair(note, n);
  if (tollMerge && toll.target && (keep ? n : note)?.placeTarget) merged = { ...merged, target: toll.target };
  out[i] = merged;
  if (note) notes.set(out[i], keep ? { ...note, toll: false } : note);
}

/** The keys of the record recordEvent makes with figures, in its order (counts before weapon). */
const WITH_COUNTS = ["type", "mode", "cameo", "acled", "actor", "target", "location", "date", "status", "counts", "countPhrases", "figures", "weapon", "attribution", "trigger", "evidence", "tier"];
/** The keys of the record it makes without them, then what a merge appends to it (counts, countPhrases, figures). */
const COUNTS_AFTER = ["type", "mode", "cameo", "acled", "actor", "target", "location", "date", "status", "weapon", "attribution", "trigger", "evidence", "tier", "counts", "countPhrases", "figures"];
/** A record's key order, as recordEvent and the merges make it: COUNTS_IN_PLACE, or COUNTS_AFTER and its number of keys. */
const COUNTS_IN_PLACE = -1, UNKNOWN = 0;

/**
 * Which of the record shapes `a` has: COUNTS_IN_PLACE (WITH_COUNTS), the number of keys of COUNTS_AFTER it has
 * (14, 16 or 17), or UNKNOWN. (The key order decides the order of the output's fields, so it is read, not assumed.)
 */
function recordShape(a: EventRecord): number {
  let inPlace = true;
  let after = true;
  let n = 0;
  for (const k in a) {
    if (n >= WITH_COUNTS.length) return UNKNOWN;
    inPlace &&= k === WITH_COUNTS[n];
    after &&= k === COUNTS_AFTER[n];
    n++;
  }
  if (inPlace && n === WITH_COUNTS.length) return COUNTS_IN_PLACE;
  if (after && (n === 14 || n === 16 || n === 17)) return n;
  return UNKNOWN;
}

/** `{ ...b, ...a }` for two count records, by assignment: a spread that then gains keys makes a hidden class per object. */
export function mergedCounts(a: EventCounts | undefined, b: EventCounts | undefined): EventCounts {
  const out: Record<string, number | undefined> = {};
  if (b) for (const k in b) out[k] = (b as Record<string, number | undefined>)[k];
  if (a) for (const k in a) out[k] = (a as Record<string, number | undefined>)[k];
  return out as EventCounts;
}

/**
 * Event `a` completed with what a second report `e` of the same event adds (the actor too when `withActor`).
 * The record is written out as a literal of its shape (as `{ ...a, actor, target, … }` orders its keys): the spread,
 * whose copy gains keys (counts, figures), took microseconds a call and gave each merged record a map of its own.
 */
function absorb(a: EventRecord, e: EventRecord, withActor: boolean, withDate = true): EventRecord {
  const shape = recordShape(a);
  if (shape === UNKNOWN) return absorbBySpread(a, e, withActor, withDate);
  const actor = withActor ? a.actor ?? e.actor : a.actor;
  const target = a.target ?? e.target;
  // the weapon tells more than "targeted": "assassinated …" then "in a drone strike"
  const mode = a.mode && !(a.mode === "targeted" && e.mode) ? a.mode : e.mode ?? a.mode;
  const location = a.location ?? e.location;
  const date = absorbedDate(a, e, withDate);
  const counts = mergedCounts(a.counts, e.counts);
  const countPhrases = [...(a.countPhrases ?? []), ...(e.countPhrases ?? [])];
  const joined = a.figures || e.figures;
  const figures = joined ? joinFigures(a.figures, e.figures) : a.figures;
  const weapon = a.weapon ?? e.weapon;
  const attribution = a.attribution ?? e.attribution;
  const { type, cameo, acled, status, trigger, evidence, tier } = a;
  if (shape === COUNTS_IN_PLACE) return { type, mode, cameo, acled, actor, target, location, date, status, counts, countPhrases, figures, weapon, attribution, trigger, evidence, tier };
  // (figures appended only when a report has some, or the record had the key already)
  if (joined || shape === 17) return { type, mode, cameo, acled, actor, target, location, date, status, weapon, attribution, trigger, evidence, tier, counts, countPhrases, figures };
  return { type, mode, cameo, acled, actor, target, location, date, status, weapon, attribution, trigger, evidence, tier, counts, countPhrases };
}

/**
 * `{ ...a, actor, target, location, counts, countPhrases, figures }` (an attack lends the one just reported its parties
 * and figures), written as a literal of a's shape, as absorb does.
 */
export function withFigures(
  a: EventRecord,
  actor: EventRecord["actor"],
  target: EventRecord["target"],
  location: EventRecord["location"],
  counts: EventCounts,
  countPhrases: EventRecord["countPhrases"],
  figures: EventRecord["figures"],
): EventRecord {
  const shape = recordShape(a);
  if (shape === UNKNOWN) return { ...a, actor, target, location, counts, countPhrases, figures };
  const { type, mode, cameo, acled, date, status, weapon, attribution, trigger, evidence, tier } = a;
  if (shape === COUNTS_IN_PLACE) return { type, mode, cameo, acled, actor, target, location, date, status, counts, countPhrases, figures, weapon, attribution, trigger, evidence, tier };
  return { type, mode, cameo, acled, actor, target, location, date, status, weapon, attribution, trigger, evidence, tier, counts, countPhrases, figures };
}

/** The date a merged record keeps (a report of another tier adds none: `withDate` false). */
function absorbedDate(a: EventRecord, e: EventRecord, withDate: boolean): EventRecord["date"] {
  return !withDate || (a.date && !(a.date.basis.startsWith(LEAD_BASIS) && e.date && !e.date.basis.startsWith(LEAD_BASIS))) ? a.date : e.date ?? a.date;
}

/** absorb of a record of another shape than recordEvent's and the merges' (none is known; kept for safety). */
function absorbBySpread(a: EventRecord, e: EventRecord, withActor: boolean, withDate: boolean): EventRecord {
  return {
    ...a,
    ...(withActor ? { actor: a.actor ?? e.actor } : {}),
    target: a.target ?? e.target,
    mode: a.mode && !(a.mode === "targeted" && e.mode) ? a.mode : e.mode ?? a.mode,
    location: a.location ?? e.location,
    date: absorbedDate(a, e, withDate),
    counts: { ...(e.counts ?? {}), ...(a.counts ?? {}) },
    countPhrases: [...(a.countPhrases ?? []), ...(e.countPhrases ?? [])],
    ...(a.figures || e.figures ? { figures: joinFigures(a.figures, e.figures) } : {}),
    weapon: a.weapon ?? e.weapon,
    attribution: a.attribution ?? e.attribution,
  };
}
