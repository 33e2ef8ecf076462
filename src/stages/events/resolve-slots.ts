import type { EntityType } from "../../core/doc.js";
import type { EventLexicon } from "./event-lexicon.js";
import type { Candidate, SentenceView } from "./sentence-view.js";
import { foldDemonym } from "./event-lexicon.js";
import { objectList } from "../../core/object-list.js";

/** Entity types that can act or be acted upon. */
export const ACTOR_TYPES: ReadonlySet<EntityType> = new Set(["person", "armed_group", "organization", "state", "government_body"]);
const TARGET_TYPES: ReadonlySet<EntityType> = new Set([...ACTOR_TYPES, "facility"]);
const PLACE_TYPES: ReadonlySet<EntityType> = new Set(["place", "facility"]);

/** Where a trigger sits: its tokens, its clause, and the span a governor's complement reaches. */
export interface TriggerSite {
  readonly from: number;
  readonly to: number;
  readonly clauseStart: number;
  readonly clauseEnd: number;
  /** End of the complement a governor absorbed (= to otherwise). */
  readonly reach: number;
  readonly role: "v" | "n" | "g" | "gn" | "gi";
  /** Where the next event of the sentence begins: its parties are not this one's. */
  readonly limit?: number;
  /** A participle trigger ("killed"): passive unless an object follows. */
  readonly participle?: boolean;
  /** An assassination or killing: a person named before the noun is the victim. */
  readonly targeted?: boolean;
  /** Triggers merged into this event: their objects are its objects ("a drone strike assassinated X"). */
  readonly merged?: readonly { readonly from: number; readonly to: number; readonly verb: boolean }[];
  /** The two parties named right after the trigger are actor and target ("la guerre entre Israël et le Hamas"). */
  readonly pair?: boolean;
  /** A use of force (ASSAULT), not its toll ("مقتل جنود", "the killing of"): "les attaques des rebelles" names who attacked. */
  readonly attack?: boolean;
  /** ACCUSE, REJECT, REQUEST …: the first party named after the verb is the target. */
  readonly speechAct?: boolean;
}

/** The actor, target and location candidates chosen for one event. */
export interface Slots {
  readonly actor: Candidate | null;
  readonly target: Candidate | null;
  readonly location: Candidate | null;
  readonly passive: boolean;
}

/** A full stop inside a sentence view (text run together: "… 114 يوما".الأردن يدين …"), not an abbreviation's dot. */
function fullStop(v: SentenceView, k: number): boolean {
  const t = v.tokens[k];
  if (t.isWord) return false;
  const f = t.forms[0];
  if (f !== "." && f !== "!" && f !== "?" && f !== "؟") return false;
  const p = v.tokens[k - 1];
  if (!p) return false;
  // "U.S.", "Gen.": a dot touching a short word of letters and dots
  if (f === "." && p.isWord && p.end === t.start && /^(?:\p{L}\.)*\p{L}{1,3}$/u.test(p.forms[0])) return false;
  return true;
}

/** The clause around tokens [from, to): after the last break before, up to the first break after. */
export function clauseOf(v: SentenceView, from: number, to: number): { start: number; end: number; relative: boolean } {
  let start = 0;
  let relative = false;
  let comma = false;
  for (let i = from - 1; i >= 0; i--) {
    // (a word is no punctuation mark: only a punctuation token's forms are read, a word's are not reached for)
    const punct = !v.tokens[i].isWord;
    // a full stop inside the sentence ("… 114 يوما.الأردن يدين …", text run together) ends a clause too
    const m = punct && fullStop(v, i) ? "break" : v.marks[i];
    if (punct && v.tokens[i].forms[0] === ",") comma = true;
    if (m === "relative" && comma) {
      // "X, who is suspected of …, has announced": the relative clause is closed; the main clause goes on
      comma = false;
      continue;
    }
    if (m === "break" && comma && i > 0 && /^[,،]$/.test(v.tokens[i - 1].forms[0])) {
      // "X, following talks with Y, has declared …": a phrase set off by commas; the main clause goes on around it
      comma = false;
      continue;
    }
    if (m === "break" || m === "relative" || m === "complement") {
      start = i + 1;
      relative = m === "relative";
      break;
    }
  }
  if (start === 0 && v.marks[0] === "opener") {
    // "In 2020, the Iraqi parliament voted …": skip the leading adverbial up to its comma
    for (let i = 1; i < from; i++) {
      if (!v.tokens[i].isWord && v.tokens[i].forms[0] === ",") {
        start = i + 1;
        break;
      }
    }
  }
  let end = v.tokens.length;
  for (let i = to; i < v.tokens.length - 1; i++) {
    const m = !v.tokens[i].isWord && fullStop(v, i) ? "break" : v.marks[i];
    if (m === "break" || m === "relative" || m === "complement") {
      end = i;
      break;
    }
  }
  return { start, end, relative };
}

function isPossessor(_v: SentenceView, c: Candidate): boolean {
  return c.possessive;
}

/** A passive auxiliary among the three tokens before `from` ("were", "a été"). */
function auxBefore(v: SentenceView, from: number, lex: EventLexicon): boolean {
  for (let k = from - 1, n = 0; k >= 0 && n < 3; k--, n++) {
    if (hasRole(lex.roles.matchAt(v.tokens, k), "passive")) return true;
    if (!v.tokens[k].isWord) return false;
  }
  return false;
}

function passiveAt(v: SentenceView, site: TriggerSite, lex: EventLexicon): boolean {
  if (site.role !== "v" && site.role !== "g") return false;
  // "did not appear to be targeting": a progressive form is active whatever stands before it
  const last = v.tokens[site.to - 1].forms[0];
  const progressive = !!lex.progressiveSuffix && last.length > lex.progressiveSuffix.length + 2 && last.endsWith(lex.progressiveSuffix);
  for (let k = site.from - 1, n = 0; k >= 0 && n < 3 && !progressive; k--, n++) {
    const ms = lex.roles.matchAt(v.tokens, k);
    // "se sont engagés": an auxiliary after a reflexive pronoun makes a past tense, not a passive
    if (hasRole(ms, "passive")) return !(k > 0 && hasRole(lex.roles.matchAt(v.tokens, k - 1), "reflexive"));
    if (!v.tokens[k].isWord) break;
  }
  const nx = v.tokens[site.to];
  if (!nx) return site.participle === true;
  if (hasRole(lex.roles.matchAt(v.tokens, site.to), "agent")) return true;
  // "three soldiers killed in …" is passive; "killed three soldiers", "killed the commander" is not
  // ("killed General Qassem Soleimani": a title between the verb and the name it heads)
  // ("a déployé des soldats", "a tué le chef": a determiner opens the object)
  const titled = (c: Candidate) =>
    c.from > site.to && c.from - site.to <= 2 && c.entity.type === "person" && titleWords(v, site.to, c.from, lex);
  const f = nx.forms[0];
  if (site.participle) return !(/^\d/.test(f) || lex.numbers.has(f) || v.candidates.some((c) => c.from === site.to || titled(c)) || ["the", "a", "an", "two", "his", "their"].includes(f) || DETERMINERS.has(f) || OF.has(f) || lex.definites.has(f));
  return false;
}

/** Punctuation that does not break the link between a light verb and its noun (as /^["“”«»„'’,،]$/). */
const LINK_MARKS: ReadonlySet<string> = new Set(['"', "“", "”", "«", "»", "„", "'", "’", ",", "،"]);

/** True when one of the role matches has role `role` (a loop: no closure per question). */
function hasRole(ms: readonly { readonly value: string }[], role: string): boolean {
  for (let k = 0; k < ms.length; k++) if (ms[k].value === role) return true;
  return false;
}

/** The light verb before a noun trigger, as its token range, or null: "carried out … airstrikes". */
function lightVerbBefore(v: SentenceView, from: number, lex: EventLexicon): { from: number; to: number } | null {
  for (let k = from - 1, n = 0; k >= 0 && n < 14; k--, n++) {
    // "a annoncé mardi « suspendre » …", "أعلنت كتائب حزب الله، مساء الثلاثاء، تعليق …": quotation marks and the
    // commas around a time do not break the link; a clause boundary does
    if (v.marks[k] === "break" || v.marks[k] === "complement" || v.marks[k] === "relative") return null;
    if (!v.tokens[k].isWord && !LINK_MARKS.has(v.tokens[k].forms[0])) return null;
    const lv = lex.lightVerbs.matchAt(v.tokens, k);
    for (let a = 0; a < lv.length; a++) if (lv[a].to <= from) return { from: lv[a].from, to: lv[a].to };
    // "announcement of talks … for a coalition withdrawal": the light verb is the talks', not the withdrawal's
    if (k < from - 1) {
      const tr = lex.triggers.matchAt(v.tokens, k);
      for (let a = 0; a < tr.length; a++) if (tr[a].value.type !== null && tr[a].value.role !== "g" && tr[a].value.role !== "gi") return null;
    }
  }
  return null;
}

const OF = new Set(["of", "de", "du", "des", "d'"]);

// (token ranges tested in place: no slice made for a test)

/** True when tokens [from, to) are all words. */
function wordsOnly(v: SentenceView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!v.tokens[k].isWord) return false;
  return true;
}

/** True when tokens [from, to) are all determiners. */
function determinersOnly(v: SentenceView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!DETERMINERS.has(v.tokens[k].forms[0])) return false;
  return true;
}

/** True when tokens [from, to) are words that are determiners or noun modifiers ("the US drone strike"). */
function modifiersOnly(v: SentenceView, from: number, to: number, lex: EventLexicon): boolean {
  for (let k = from; k < to; k++) {
    const x = v.tokens[k];
    if (!x.isWord || !(DETERMINERS.has(x.forms[0]) || lex.nounModifiers.has(x.forms[0]))) return false;
  }
  return true;
}

/** True when tokens [from, to) are words, neither role words nor determiners: a title ("General"). */
function titleWords(v: SentenceView, from: number, to: number, lex: EventLexicon): boolean {
  for (let k = from; k < to; k++) {
    const x = v.tokens[k];
    if (!x.isWord || lex.roles.matchAt(v.tokens, k).length || DETERMINERS.has(x.forms[0])) return false;
  }
  return true;
}

export const DETERMINERS: ReadonlySet<string> = new Set(["the", "a", "an", "its", "their", "le", "la", "les", "l'", "un", "une"]);

/** True when tokens [from, to) hold an "of" and no role word or punctuation: "of a prominent leader of". */
function ofLinked(v: SentenceView, from: number, to: number, lex: EventLexicon): boolean {
  if (to - from > 8) return false;
  // "talks with the US": right after the trigger; "the killing of three US troops": the trigger ends in "of"
  let of = determinersOnly(v, from, to) || (from > 0 && OF.has(v.tokens[from - 1].forms[0]));
  for (let k = from; k < to; k++) {
    const t = v.tokens[k];
    if (!t.isWord) return false;
    if (OF.has(t.forms[0])) of = true;
    else if (lex.roles.matchAt(v.tokens, k).length) return false;
  }
  return of;
}

/** How far (in tokens) after a noun trigger its target may be named. */
const NOUN_REACH = 16;

const ABBREVIATION = /^[A-Z](?:\.?[A-Z]){1,3}\.?$/;

/**
 * adjectival's answers by demonym set, then by the name's text: names recur (within a sentence, across articles), and
 * folding one (Unicode normalization, several replaces) costs far more than a look-up.
 */
const adjectivalMemo = new WeakMap<ReadonlySet<string>, Map<string, boolean>>();

/** A state named as an adjective ("American", "israélienne") or an abbreviation ("US", "U.S."), not by its name. */
function adjectival(c: Candidate, lex: EventLexicon): boolean {
  let memo = adjectivalMemo.get(lex.demonyms);
  if (!memo) adjectivalMemo.set(lex.demonyms, (memo = new Map()));
  let a = memo.get(c.text);
  if (a === undefined) {
    a = ABBREVIATION.test(c.text) || lex.demonyms.has(foldDemonym(c.text));
    if (memo.size >= 50_000) memo.clear();
    // (a copy of a long name: a slice of 13 characters or more would keep the article's text alive)
    memo.set(c.text.length >= 13 ? (" " + c.text).slice(1) : c.text, a);
  }
  return a;
}

/** "le président américain Joe Biden", "الرئيس الأمريكي جو بايدن": the person a demonym before the name qualifies, else c. */
export function nameAfterDemonym(v: SentenceView, c: Candidate, lex: EventLexicon): Candidate {
  if (c.entity.type !== "state") return c;
  // (a title may stand between, "US President Joe Biden"; no verb: "une frappe américaine a tué X")
  const person = v.candidates.find((x) => x.from >= c.to && x.from - c.to <= 1 && x.entity.type === "person" && !x.roles.size && !x.anaphor);
  if (!person || !adjectival(c, lex)) return c;
  for (let k = c.to; k < person.from; k++) if (!v.tokens[k].isWord || lex.triggers.matchAt(v.tokens, k).length || lex.roles.matchAt(v.tokens, k).length) return c;
  return person;
}

/** A demonym right after the noun trigger, or after a noun merged into the event ("مقتل … إثر العدوان الأمريكي على …"). */
function demonymAfterNoun(v: SentenceView, site: TriggerSite, lex: EventLexicon): Candidate | null {
  const at = (k: number) => {
    for (const c of v.candidates) if (c.from === k) return !c.roles.size && c.entity.type === "state" && adjectival(c, lex) ? c : null;
    return null;
  };
  let c = at(site.to);
  for (const m of site.merged ?? []) if (!c && !m.verb && m.from > site.from) c = at(m.to);
  return c;
}

/**
 * An armed group an attack noun is "of": "les attaques des rebelles houthis", "هجوم حماس على إسرائيل" (the noun
 * right before the group, in languages whose modifiers follow the noun). A site, a country or a person after "of"
 * is what was attacked ("l'attaque de la Tour 22"), not who attacked.
 */
function genitiveAgent(v: SentenceView, site: TriggerSite, lex: EventLexicon): Candidate | null {
  const c = v.candidates.find((x) => x.from >= site.to);
  if (!c || c.entity.type !== "armed_group" || c.roles.size || c.anaphor || c.hyphenated || c.from - site.to > 2) return null;
  if (c.from === site.to) return lex.modifierAfterNoun ? c : null;
  // only "of" and determiners between, an "of" among them
  let of = false;
  for (let k = site.to; k < c.from; k++) {
    const f = v.tokens[k].forms[0];
    if (OF.has(f)) of = true;
    else if (!DETERMINERS.has(f)) return null;
  }
  return of ? c : null;
}

/** The party whose sites an attack's object names: the first party after an asset noun ("facilities", "cibles"). */
function assetOwner(v: SentenceView, site: TriggerSite, lex: EventLexicon, actor: Candidate | null): Candidate | null {
  const end = Math.min(site.limit ?? v.tokens.length, Math.max(site.reach, site.to) + 16);
  let at = -1;
  for (let k = site.to; k < end && at < 0; k++) if (lex.assetNouns.matchAt(v.tokens, k).length) at = k;
  if (at < 0) return null;
  const limit = Math.min(site.limit ?? v.tokens.length, at + 20);
  const owners = v.candidates.filter(
    // ("affiliés au corps des Gardiens": a preposition of place before a group is no place)
    (c) => c.from > at && c.from < limit && !c.hyphenated && !c.anaphor && c.entity !== actor?.entity && !(c.roles.has("location") && (c.entity.type === "state" || c.entity.type === "place")) && !c.roles.has("backer") && !c.roles.has("director"),
  );
  // "four enemy bases …, namely the Al-Shaddadi base, …": else the first site the text names
  // ("deux sites qu'ils associent à l'Iran", "sites linked to Iran": a state the sites are tied to by a target role word)
  return (
    owners.find((c) => c.entity.type === "armed_group") ??
    owners.find((c) => ACTOR_TYPES.has(c.entity.type) && c.entity.type !== "state") ??
    owners.find((c) => c.entity.type === "facility") ??
    owners.find((c) => c.entity.type === "state" && c.roles.has("target") && c.from - at <= 6) ??
    null
  );
}

/** A number among tokens [from, to): "three", "3", "ثلاثة". */
function countedBetween(v: SentenceView, from: number, to: number, lex: EventLexicon): boolean {
  for (let k = from; k < to; k++) {
    const t = v.tokens[k];
    if (/^[\d\u0660-\u0669]/.test(t.forms[0]) || t.forms.some((f) => typeof lex.numbers.get(f) === "number")) return true;
  }
  return false;
}

/**
 * A name written inside a hyphenated word ("Iran-backed", "pro-Iran", "Israel-Hamas"): a modifier of the noun after
 * it, not a party of its own.
 */
export function inCompound(v: SentenceView, c: Candidate): boolean {
  if (c.hyphenated) return true;
  if (c.anaphor) return false;
  // the word the name starts in (a name inside a word is indexed from the word after it)
  const k = c.from > 0 && v.tokens[c.from]?.start > c.start ? c.from - 1 : c.from;
  const w = v.tokens[k];
  return !!w && c.start > w.start && c.start <= w.end && /[-‑]$/.test(w.forms[0].slice(0, c.start - w.start));
}

/**
 * The two sides of a hyphenated pair of names right before a noun trigger: "the Israel-Hamas war", "US-Iraq talks".
 * The first is the actor, the second the target.
 */
function pairBefore(v: SentenceView, site: TriggerSite): [Candidate, Candidate] | null {
  const at = site.from - 1;
  if (at < site.clauseStart || site.role === "v" || site.role === "g") return null;
  const w = v.tokens[at];
  const inWord = v.candidates.filter((c) => c.start >= w.start && c.end <= w.end && ACTOR_TYPES.has(c.entity.type) && !c.anaphor);
  if (inWord.length !== 2) return null;
  const [a, b] = inWord[0].start < inWord[1].start ? inWord : [inWord[1], inWord[0]];
  if (a.start !== w.start || b.end !== w.end || a.entity === b.entity || !/^[-‑]$/.test(w.forms[0].slice(a.end - w.start, b.start - w.start))) return null;
  return [a, b];
}

/** A trigger merged into an event, as TriggerSite.merged lists them. */
type Merged = NonNullable<TriggerSite["merged"]>[number];

/** A site's merged triggers when it has none (shared, read-only). */
const NO_MERGED: readonly Merged[] = objectList();

/**
 * What the slot rules of one trigger read: the sentence, the site, the lexicon, and the candidates around the trigger,
 * worked out once. (One class, every field set in the constructor: the rules below see one object shape.)
 */
class SlotSearch {
  readonly cands: readonly Candidate[];
  readonly merged: readonly Merged[];
  readonly passive: boolean;
  /** An attack noun merged before the verb: the verb's subject ("L'attaque … a tué …"). */
  readonly subjectNoun: Merged | null;
  /** Candidates of the clause before the trigger (before the subject noun when there is one). */
  readonly leftInClause: readonly Candidate[];
  /** Candidates the trigger's object may be: after it within its reach, or the object of a merged "of" noun. */
  readonly rightInReach: readonly Candidate[];
  /** The agent named after the trigger ("by X"), or the person its title belongs to. */
  readonly agentAfter: Candidate | null;
  actor: Candidate | null = null;
  target: Candidate | null = null;
  /** (VSO) the counted noun right after the verb: who the event befell. */
  victim: Candidate | null = null;

  constructor(
    readonly v: SentenceView,
    readonly site: TriggerSite,
    readonly lex: EventLexicon,
  ) {
    this.cands = v.candidates;
    this.merged = site.merged ?? NO_MERGED;
    this.passive = passiveAt(v, site, lex);
    // "L'attaque … contre une base américaine a tué …": an attack noun merged before the verb is its subject; the
    // parties named inside that noun phrase are not the verb's actor
    let subjectEnd = site.from;
    let subjectNoun: Merged | null = null;
    for (let k = 0; k < this.merged.length; k++) {
      const m = this.merged[k];
      if (m.verb || m.to > site.from || m.from < site.clauseStart || m.from >= subjectEnd) continue;
      subjectEnd = m.from;
      subjectNoun = m;
    }
    this.subjectNoun = subjectNoun;
    this.leftInClause = candidatesWithin(this.cands, site.clauseStart, subjectEnd);
    this.rightInReach = rightInReach(v, site, lex, this.merged);
    this.agentAfter = agentAfter(this.cands, site);
  }
}

/** No candidates (shared, read-only: the lists below are made at their first candidate). */
const NO_CANDIDATES: Candidate[] = objectList();

/** The candidates from token `start` on that end by token `end` (in order). */
function candidatesWithin(cands: readonly Candidate[], start: number, end: number): readonly Candidate[] {
  let out = NO_CANDIDATES;
  for (let k = 0; k < cands.length; k++) if (cands[k].from >= start && cands[k].to <= end) (out === NO_CANDIDATES ? (out = objectList()) : out).push(cands[k]);
  return out;
}

/** The candidates after the trigger within its reach, and the objects of the "of" nouns merged before it. */
function rightInReach(v: SentenceView, site: TriggerSite, lex: EventLexicon, merged: readonly Merged[]): readonly Candidate[] {
  let rightEnd = Math.min(Math.max(site.reach, site.clauseEnd), site.limit ?? Infinity);
  // "refused to withdraw its troops, with President Trump balking …": what a statement is about stands before the next comma
  if (site.speechAct) for (let k = site.to; k < rightEnd; k++) if (!v.tokens[k].isWord && (v.tokens[k].forms[0] === "," || v.tokens[k].forms[0] === "،")) rightEnd = Math.max(k, site.reach);
  // "the killing of three US troops in a drone attack": the object of an "of" noun merged before the main one counts too
  let ofNouns: Merged[] | null = null;
  for (let k = 0; k < merged.length; k++) {
    const m = merged[k];
    if (!m.verb && m.to <= site.from && m.from >= site.clauseStart && OF.has(v.tokens[m.to - 1].forms[0])) (ofNouns ??= []).push(m);
  }
  const cands = v.candidates;
  let out = NO_CANDIDATES;
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k];
    if ((c.from >= site.to && c.from < rightEnd) || (ofNouns !== null && ofObject(v, site, lex, ofNouns, c))) (out === NO_CANDIDATES ? (out = objectList()) : out).push(c);
  }
  return out;
}

/** True when c is named before the trigger as the object of one of the merged "of" nouns. */
function ofObject(v: SentenceView, site: TriggerSite, lex: EventLexicon, ofNouns: readonly Merged[], c: Candidate): boolean {
  if (c.to > site.from) return false;
  for (let k = 0; k < ofNouns.length; k++) if (ofNouns[k].to <= c.from && ofLinked(v, ofNouns[k].to, c.from, lex)) return true;
  return false;
}

/** The agent named soon after the trigger ("by X"); "by former U.S. President Donald Trump": the person the title belongs to. */
function agentAfter(cands: readonly Candidate[], site: TriggerSite): Candidate | null {
  const reach = Math.max(site.to, site.reach);
  let agent: Candidate | null = null;
  for (let k = 0; k < cands.length && agent === null; k++) {
    const c = cands[k];
    if (c.from >= site.to && c.roles.has("agent") && ACTOR_TYPES.has(c.entity.type) && !c.hyphenated && c.from - reach < 8) agent = c;
  }
  if (agent === null) return null;
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k];
    if (c.from > agent.from && c.from - agent.to <= 2 && c.entity.type === "person") return c;
  }
  return agent;
}

/** "On Sunday Kataib Hezbollah attacked …": the role word of a leading time phrase without its comma is not the name's. */
function timeOpener(s: SlotSearch, c: Candidate): boolean {
  const v = s.v;
  if (!(c.from >= 2 && c.from <= 3 && v.marks[0] === "opener" && s.lex.roles.matchAt(v.tokens, 0).length > 0 && wordsOnly(v, 1, c.from))) return false;
  for (let k = 0; k < s.cands.length; k++) {
    const x = s.cands[k];
    if (x !== c && x.from > 0 && x.from < c.from) return false;
  }
  return true;
}

/** A party that may act in the event ("X, backed by Iran, announced …": the backer does not). */
function actorOk(s: SlotSearch, c: Candidate): boolean {
  return ACTOR_TYPES.has(c.entity.type) && ((!c.roles.has("location") && !c.roles.has("target")) || timeOpener(s, c)) && !c.roles.has("backer") && !inCompound(s.v, c);
}

/** actorOk of a candidate read without its role words (an agent after "by", whose role word is that "by"). */
function actorOkBare(s: SlotSearch, c: Candidate): boolean {
  return ACTOR_TYPES.has(c.entity.type) && !inCompound(s.v, c);
}

/** The first candidate of `list` that actorOk accepts, or null. */
function firstActor(s: SlotSearch, list: readonly Candidate[]): Candidate | null {
  for (let k = 0; k < list.length; k++) if (actorOk(s, list[k])) return list[k];
  return null;
}

/** The last candidate ending by token `end` that actorOk accepts, or null. */
function lastActorBefore(s: SlotSearch, end: number): Candidate | null {
  for (let k = s.cands.length - 1; k >= 0; k--) {
    const x = s.cands[k];
    if (x.to <= end && actorOk(s, x)) return x;
  }
  return null;
}

/**
 * The party a relative clause hangs on: the name right before its pronoun ("Kataib Hezbollah, who …"), not any name
 * earlier in the sentence ("Jordan condemned the attack which targeted …" hangs on "the attack").
 */
function antecedent(s: SlotSearch, clauseStart: number): Candidate | null {
  let c: Candidate | null = null;
  for (let k = s.cands.length - 1; k >= 0 && c === null; k--) if (s.cands[k].to <= clauseStart) c = s.cands[k];
  if (!c || !actorOk(s, c)) return null;
  // only a comma may stand between the name and the relative pronoun (which sits at clauseStart - 1)
  for (let k = c.to; k < clauseStart - 1; k++) if (!/^[,،]$/.test(s.v.tokens[k].forms[0])) return null;
  return c;
}

/** True when the clause starts with a pronoun ("X said it carried out …"): the speaker speaks of itself. */
function clauseOpensWithPronoun(s: SlotSearch): boolean {
  const cs = s.site.clauseStart;
  return cs > 0 && !!s.v.tokens[cs] && s.lex.pronouns.has(s.v.tokens[cs].forms[0]);
}

/** The patient of a passive trigger: before it in its clause (a bare participle: right before it). */
function passivePatient(s: SlotSearch, c: Candidate): boolean {
  return !c.anaphor && TARGET_TYPES.has(c.entity.type) && !c.roles.has("location") && !inCompound(s.v, c);
}

/** Actor and target of a passive trigger: "US soldiers were killed by X". */
function passiveSlots(s: SlotSearch): void {
  const { v, site, lex } = s;
  const actor = s.agentAfter;
  s.actor = actor;
  // "the bodies of two soldiers killed in the raid": a participle with no auxiliary qualifies the
  // noun right before it; "US soldiers were killed": the subject
  const bare = site.participle && !auxBefore(v, site.from, lex);
  const left = s.leftInClause;
  let target: Candidate | null = null;
  if (bare) {
    for (let k = left.length - 1; k >= 0 && target === null; k--) if (site.from - left[k].to <= 2 && passivePatient(s, left[k])) target = left[k];
  } else for (let k = 0; k < left.length && target === null; k++) if (passivePatient(s, left[k])) target = left[k];
  // "the war launched by X against Y", "strikes were carried out by X on Y": with its agent named, the object the role
  // word names after the verb
  if (!target && actor) {
    const limit = site.limit ?? Infinity;
    for (let k = 0; k < s.cands.length && target === null; k++) {
      const c = s.cands[k];
      if (!c.possessive && c.from >= site.to && c.from - site.to <= NOUN_REACH && c.from < limit && c.roles.has("target") && !c.roles.has("location") && c !== actor && c.entity !== actor.entity && !c.anaphor && !inCompound(v, c) && (TARGET_TYPES.has(c.entity.type) || c.entity.type === "place"))
        target = c;
    }
  }
  s.target = target;
}

/** "la guerre entre Israël et le Hamas", "الحرب بين إسرائيل وحماس": the two sides, in the order named. */
function pairAfter(s: SlotSearch): void {
  const site = s.site;
  let a: Candidate | null = null;
  let b: Candidate | null = null;
  for (let k = 0; k < s.cands.length && b === null; k++) {
    const c = s.cands[k];
    if (!(c.from >= site.to && c.from - site.to <= 6 && ACTOR_TYPES.has(c.entity.type) && !c.hyphenated)) continue;
    if (a === null) a = c;
    else b = c;
  }
  if (a !== null && b !== null && a.entity !== b.entity && b.from - a.to <= 3) {
    s.actor = a;
    s.target = b;
  }
}

/**
 * "a US drone strike", "Israeli air raids": the party named as a modifier right before the noun at `from` (the last
 * such), or null.
 */
function adjBefore(s: SlotSearch, from: number): Candidate | null {
  const { v, site, lex, cands } = s;
  for (let k = cands.length - 1; k >= 0; k--) {
    const c = cands[k];
    if (
      c.to <= from &&
      c.from >= site.clauseStart &&
      from - c.to <= 2 &&
      ACTOR_TYPES.has(c.entity.type) &&
      !c.roles.has("location") &&
      !c.roles.has("target") &&
      // "the Jordan attack" is where; "the US strike", "Israeli raids" who
      // "Israel's war on Gaza": a country's possessive is who acts
      (c.entity.type !== "state" || adjectival(c, lex) || c.possessive) &&
      !inCompound(v, c) &&
      // "Biden strikes a balance": a person acts through a noun only as its possessor ("Biden's strikes")
      (c.entity.type !== "person" || c.possessive || site.targeted === true) &&
      modifiersOnly(v, c.to, from, lex)
    )
      return c;
  }
  return null;
}

/** The party named as a modifier of the noun trigger, or of a noun merged into it ("the recent US aggression … included the assassination of"). */
function modifierParty(s: SlotSearch): Candidate | null {
  const own = adjBefore(s, s.site.from);
  if (own) return own;
  for (let k = 0; k < s.merged.length; k++) {
    if (s.merged[k].verb) continue;
    const c = adjBefore(s, s.merged[k].from);
    if (c) return c;
  }
  return null;
}

/** The actor of a noun trigger found through the light verb before it ("X carried out airstrikes"). */
function lightVerbActor(s: SlotSearch, lv: { from: number; to: number }): Candidate | null {
  const { v, site, cands } = s;
  // "criminal acts carried out by the US …, including airstrikes": the light verb's own agent
  let actor: Candidate | null = null;
  for (let k = 0; k < cands.length && actor === null; k++) {
    const c = cands[k];
    if (c.from >= lv.to && c.from - lv.to <= 3 && c.to <= site.from && c.roles.has("agent") && actorOkBare(s, c)) actor = c;
  }
  actor ??= firstActor(s, s.leftInClause);
  // "the militia, which is thought to have carried out the raid"
  if (!actor && clauseOf(v, site.from, site.to).relative) actor = antecedent(s, site.clauseStart);
  // "X a annoncé avoir mené des frappes", "X said it carried out strikes": the speaker speaks of itself
  if (!actor && clauseOpensWithPronoun(s)) actor = lastActorBefore(s, site.clauseStart);
  return actor;
}

/** Actor (and the target a pair or a victim's modifier names) of a noun trigger: "a US drone strike", "the Israel-Hamas war". */
function nounSlots(s: SlotSearch): void {
  const { v, site, lex } = s;
  // "the Israel-Hamas war": the pair names both sides
  const pair = pairBefore(v, site);
  if (pair) {
    s.actor = pair[0];
    s.target = pair[1];
    return;
  }
  const adj = modifierParty(s);
  let c: Candidate | null;
  let light: { from: number; to: number } | null;
  // "the Soleimani assassination": a person before an assassination noun is its victim
  if (adj && adj.entity.type === "person" && site.targeted) s.target = adj;
  else if (adj && !adj.roles.has("target") && !adj.roles.has("location")) s.actor = adj;
  // "frappe de drone américaine": the adjective after the noun
  else if (lex.modifierAfterNoun && (c = demonymAfterNoun(v, site, lex))) s.actor = c;
  else if (s.agentAfter) s.actor = s.agentAfter;
  else if (site.attack && !site.targeted && (c = genitiveAgent(v, site, lex))) s.actor = c;
  else if ((light = lightVerbBefore(v, site.from, lex))) s.actor = lightVerbActor(s, light);
}

/** "une frappe de drone américaine a assassiné …": the adjective after the subject noun. */
function postDemonym(s: SlotSearch): Candidate | null {
  const sn = s.subjectNoun;
  if (!sn || !s.lex.modifierAfterNoun) return null;
  for (let k = 0; k < s.cands.length; k++) {
    const c = s.cands[k];
    if (c.from === sn.to && !c.roles.size && c.entity.type === "state" && adjectival(c, s.lex)) return c;
  }
  return null;
}

/** VSO after a comma: "…، وتوعدت واشنطن بشن …" — a verb that opens its own clause has its subject after it. */
function vsoAfterComma(s: SlotSearch): Candidate | null {
  const { v, site, lex } = s;
  if (!(lex.subjectAfterVerb && site.from > 0 && /^[,،]$/.test(v.tokens[site.from - 1].forms[0]))) return null;
  for (let k = 0; k < s.cands.length; k++) {
    const c = s.cands[k];
    if (c.from >= site.to && c.from - site.to <= 2 && actorOk(s, c) && !c.roles.has("agent") && !countedBetween(v, site.to, c.from, lex)) return c;
  }
  return null;
}

/**
 * "أعلنت القيادة مقتل جنود في هجوم بطائرة مسيرة استهدف قاعدة": a verb right after an indefinite noun qualifies it
 * (a relative clause without a pronoun); the parties before the noun are not its subject.
 */
function relativeToNoun(s: SlotSearch): boolean {
  const { v, site, lex } = s;
  if (!(lex.subjectAfterVerb && lex.definitePrefix)) return false;
  let noun: Merged | null = null;
  for (let k = 0; k < s.merged.length && noun === null; k++) if (!s.merged[k].verb && s.merged[k].to === site.from) noun = s.merged[k];
  if (noun === null) return false;
  const forms = v.tokens[noun.from].forms;
  for (let k = 0; k < forms.length; k++) if (forms[k].startsWith(lex.definitePrefix)) return false;
  return true;
}

/** The subject before a verb: the first party of its clause ("The Jordan attack killed …": a country right before the subject noun is where). */
function subjectBefore(s: SlotSearch): Candidate | null {
  const sn = s.subjectNoun;
  const left = s.leftInClause;
  for (let k = 0; k < left.length; k++) {
    const c = left[k];
    const modifierPlace = !!sn && c.entity.type === "state" && sn.from - c.to <= 2 && !adjectival(c, s.lex);
    if (actorOk(s, c) && !modifierPlace) return c;
  }
  return null;
}

/** "a rocket attack by KH killed …", "a drone strike carried out by X hit …": the agent of the subject noun. */
function subjectNounAgent(s: SlotSearch, sn: Merged): Candidate | null {
  for (let k = 0; k < s.cands.length; k++) {
    const c = s.cands[k];
    if (c.from >= sn.to && c.to <= s.site.from && c.from - sn.to <= 4 && c.roles.has("agent") && actorOkBare(s, c)) return c;
  }
  return null;
}

/** VSO: "استهدفت المقاومة الإسلامية قاعدة …": the subject right after the verb, or (a counted noun) who it befell. */
function subjectAfter(s: SlotSearch): void {
  const { v, site, lex } = s;
  let after: Candidate | null = null;
  for (let k = 0; k < s.cands.length && after === null; k++) {
    const c = s.cands[k];
    if (c.from >= site.to && c.from - site.to <= 2 && actorOk(s, c) && !c.roles.has("agent")) after = c;
  }
  // "قتل ثلاثة جنود …": a counted noun right after the verb is who it befell (an unvocalised passive), not its subject
  if (after && countedBetween(v, site.to, after.from, lex)) s.victim = after;
  else if (after) s.actor = after;
}

/** "Iraq's Kataib Hezbollah suspends …": the party a possessive actor's name qualifies, when it is a person or its group. */
function pastPossessor(s: SlotSearch, actor: Candidate): Candidate {
  let next: Candidate | null = null;
  const left = s.leftInClause;
  for (let k = 0; k < left.length && next === null; k++) if (left[k].from > actor.from && actorOk(s, left[k])) next = left[k];
  // "Iraq's Kataib Hezbollah suspends …": a country's possessive before a group's name says whose group it is
  const group = !!next && (actor.entity.type === "state" || actor.entity.type === "place") && next.entity.type !== "state" && next.from - actor.to <= 1;
  return next && (next.entity.type === "person" || group) ? next : actor;
}

/** "Kataib Hezbollah said it will not target …", "ont annoncé qu'ils suspendraient": the party the opening pronoun stands for. */
function pronounSpeaker(s: SlotSearch, actor: Candidate): Candidate {
  const cs = s.site.clauseStart;
  // ("Il menace les groupes pro-Iran qu'il accuse …": the party the pronoun stands for, when the sentence names it)
  let last: Candidate | null = null;
  let same: Candidate | null = null;
  for (let k = 0; k < s.cands.length; k++) {
    const x = s.cands[k];
    if (!(x.to <= cs && actorOk(s, x) && (!x.anaphor || x.from === 0))) continue;
    last = x;
    if (x.entity === actor.entity) same = x;
  }
  return same ?? last ?? actor;
}

/** The first party of the sentence before the trigger ("Biden accused …, threatening the perpetrators"), or null. */
function openingParty(s: SlotSearch): Candidate | null {
  for (let k = 0; k < s.cands.length; k++) {
    const c = s.cands[k];
    if (c.to < s.site.from && actorOk(s, c) && !c.anaphor) return c;
  }
  return null;
}

/** The actor of a verb (or governor) trigger: its subject, before it or (VSO) after it. */
function verbSlots(s: SlotSearch): void {
  const { v, site, lex } = s;
  const sn = s.subjectNoun;
  let actor = postDemonym(s) ?? vsoAfterComma(s) ?? (relativeToNoun(s) ? null : subjectBefore(s));
  if (!actor && sn) actor = subjectNounAgent(s, sn);
  // VSO: "استهدفت المقاومة الإسلامية قاعدة …": the subject right after the verb
  // ("الهجوم الذي استهدف عسكريين": the verb of a relative clause has its subject in the noun it hangs on, the party
  // after it is its object)
  // ("الهجوم استهدف قاعدة أميركية": an attack noun before the verb is its subject already)
  if (!actor && lex.subjectAfterVerb && !sn && v.marks[site.from - 1] !== "relative") {
    subjectAfter(s);
    actor = s.actor;
  }
  // "le président américain Joe Biden", "the Iraqi Prime Minister X": a demonym before a person's name is no party
  if (actor) actor = nameAfterDemonym(v, actor, lex);
  if (actor && isPossessor(v, actor)) actor = pastPossessor(s, actor);
  // "Kataib Hezbollah said it will not target …", "ont annoncé qu'ils suspendraient": the speaker speaks of itself
  if (actor?.anaphor && actor.from === site.clauseStart && clauseOpensWithPronoun(s)) actor = pronounSpeaker(s, actor);
  if (!actor && clauseOpensWithPronoun(s)) actor = lastActorBefore(s, site.clauseStart);
  // "Biden accused …, threatening the perpetrators", "a accusé …, menaçant les auteurs": a statement verb
  // right after a comma, with no subject of its own, is said by the subject that opens the sentence
  if (!actor && site.role === "g" && site.from > 0 && /^[,،]$/.test(v.tokens[site.from - 1].forms[0])) {
    const first = openingParty(s);
    if (first) actor = nameAfterDemonym(v, first, lex);
  }
  // "Kataib Hezbollah, who is suspected …, has announced": the noun the relative clause hangs on
  if (!actor && (site.role === "v" || site.role === "g") && clauseOf(v, site.from, site.to).relative) actor = antecedent(s, site.clauseStart);
  s.actor = actor;
}

/**
 * A party that may be the target ("“We want to see the government do more”": a first-person pronoun is resolved
 * later, to the speaker; the party it was first taken for may still be the target).
 */
function isTargetable(s: SlotSearch, c: Candidate): boolean {
  const actor = s.actor;
  return (
    (!c.anaphor || c.anaphorTarget) &&
    !inCompound(s.v, c) &&
    !c.roles.has("director") &&
    c !== actor &&
    (c.entity !== actor?.entity || !!actor?.speaker) &&
    (TARGET_TYPES.has(c.entity.type) || (c.roles.has("target") && c.entity.type === "place"))
  );
}

/** A noun takes its object through "of" ("the assassination of X"); a verb, close after it. */
function linked(s: SlotSearch, c: Candidate): boolean {
  const { v, site, lex } = s;
  if (site.role === "v" || site.role === "g" || site.role === "gi") return c.from - Math.max(site.to, site.reach) <= 6;
  if (ofLinked(v, site.to, c.from, lex)) return true;
  for (let k = 0; k < s.merged.length; k++) {
    const m = s.merged[k];
    if (c.from >= m.to && (m.verb ? c.from - m.to <= 6 : ofLinked(v, m.to, c.from, lex))) return true;
  }
  return false;
}

/** A target role word before c, or before a hyphenated name right before it ("strikes against the Iran-backed militia X"). */
function marked(s: SlotSearch, c: Candidate): boolean {
  if (c.roles.has("target")) return true;
  for (let k = 0; k < s.cands.length; k++) {
    const p = s.cands[k];
    if (p.roles.has("target") && p.to <= c.from && c.from - p.to <= 2 && p !== c && inCompound(s.v, p)) return true;
  }
  return false;
}

/**
 * A noun's target stands close to it ("strikes on Friday against X"); further on, a later verb's object ("the strikes
 * followed talks at the base") is not the noun's.
 */
function near(s: SlotSearch, c: Candidate): boolean {
  return (s.site.role !== "n" && s.site.role !== "gn") || c.from - Math.max(s.site.to, s.site.reach) <= NOUN_REACH;
}

/** Ways of naming a target, tried in this order over the candidates after the trigger (see objectOf). */
const MARKED = 0, LINKED = 1, ROLE = 2, PARTNER = 3;

/** Whether c names the target in way `how` (MARKED …). */
function objectBy(s: SlotSearch, c: Candidate, how: number): boolean {
  switch (how) {
    case MARKED:
      return marked(s, c) && isTargetable(s, c) && c.entity.type !== "place" && near(s, c);
    case LINKED:
      return !c.roles.has("location") && !c.roles.has("agent") && isTargetable(s, c) && c.entity.type !== "place" && linked(s, c);
    case ROLE:
      return c.roles.has("target") && isTargetable(s, c) && near(s, c);
    default:
      return c.roles.has("partner") && isTargetable(s, c) && c.entity.type !== "place" && near(s, c);
  }
}

/** "attacks against X", "targeting X" first; then the direct object; then a target role word before the trigger. */
function objectOf(s: SlotSearch): Candidate | null {
  const right = s.rightInReach;
  for (let how = MARKED; how <= PARTNER; how++) for (let k = 0; k < right.length; k++) if (objectBy(s, right[k], how)) return right[k];
  const left = s.leftInClause;
  for (let k = 0; k < left.length; k++) if (left[k].roles.has("target") && isTargetable(s, left[k])) return left[k];
  return null;
}

/** "accused the US of …", "condemned acts carried out by the US": the accused is the first party named before the next comma. */
function accused(s: SlotSearch): Candidate | null {
  const { v, site } = s;
  let comma = v.tokens.length;
  for (let k = site.to; k < v.tokens.length; k++)
    if (!v.tokens[k].isWord && (v.tokens[k].forms[0] === "," || v.tokens[k].forms[0] === "،")) {
      comma = k;
      break;
    }
  const right = s.rightInReach;
  for (let k = 0; k < right.length; k++) {
    const c = right[k];
    if (c.from < comma && isTargetable(s, c) && ACTOR_TYPES.has(c.entity.type) && !c.roles.has("location")) return c;
  }
  return null;
}

/** An assassination's target is the person it names: "assassinated the commander of …, General X". */
function personTargeted(s: SlotSearch): Candidate | null {
  const right = s.rightInReach;
  for (let k = 0; k < right.length; k++) {
    const c = right[k];
    if (c.entity.type === "person" && c.from - s.site.to <= 14 && c !== s.actor) return c;
  }
  return null;
}

/**
 * "targeted the same air base that Iran attacked on January 8": a relative clause's verb with no object of its own
 * acts on the noun the clause hangs on ("that" opens a relative clause or a complement: right after a noun it is the
 * relative pronoun).
 */
function clauseHead(s: SlotSearch, actor: Candidate): Candidate | null {
  const cs = s.site.clauseStart;
  const mark = s.v.marks[cs - 1];
  if (mark !== "relative" && mark !== "complement") return null;
  let head: Candidate | null = null;
  for (let k = 0; k < s.cands.length && head === null; k++) if (s.cands[k].to === cs - 1) head = s.cands[k];
  if (head && head !== actor && head.entity !== actor.entity && (TARGET_TYPES.has(head.entity.type) || head.entity.type === "place")) return head;
  return null;
}

/** "Iran's top commander": the person or group a possessive target's name qualifies, else the target. */
function pastPossessedTarget(s: SlotSearch, target: Candidate): Candidate {
  const right = s.rightInReach;
  for (let k = 0; k < right.length; k++) {
    const c = right[k];
    if (c.from > target.from && c.from - target.to <= 8 && isTargetable(s, c) && (c.entity.type === "person" || c.entity.type === "armed_group")) return c;
  }
  return target;
}

/** The target of an active trigger (its actor chosen). */
function activeTarget(s: SlotSearch): void {
  const { v, site, lex } = s;
  let target = s.target;
  if (!target && s.victim) target = s.victim;
  if (!target && site.targeted) target = personTargeted(s);
  if (!target && site.speechAct) target = accused(s);
  if (!target) target = objectOf(s);
  // "raids on depots in the east used by militias tied to the IRGC", "frappe des dépôts liés aux
  // Gardiens de la révolution": the party the sites belong to, when the text names no party as the object itself
  if (!target || target.from < site.from || (target.entity.type !== "armed_group" && target.entity.type !== "facility" && !target.roles.has("target"))) {
    const owner = assetOwner(v, site, lex, s.actor);
    if (owner) target = owner;
  }
  const actor = s.actor;
  if (!target && site.role === "v" && actor && actor.from >= site.clauseStart && site.clauseStart > 0) target = clauseHead(s, actor);
  if (target && isPossessor(v, target)) target = pastPossessedTarget(s, target);
  s.target = target;
}

/** "the raids were ordered and run at the direction of X": who ordered the event, or null. */
function director(s: SlotSearch): Candidate | null {
  const site = s.site;
  const end = Math.max(site.clauseEnd, site.reach);
  for (let k = 0; k < s.cands.length; k++) {
    const c = s.cands[k];
    if (c.roles.has("director") && ACTOR_TYPES.has(c.entity.type) && c.from >= site.clauseStart && c.from < end && c.entity !== s.target?.entity) return c;
  }
  return null;
}

/** A place, or a state named as where ("in Iraq"). */
function isPlace(c: Candidate): boolean {
  return PLACE_TYPES.has(c.entity.type) || (c.entity.type === "state" && c.roles.has("location"));
}

/** Location: a place after "in/near/at"; else a facility target; else any place in the clause. */
function locationOf(s: SlotSearch): Candidate | null {
  const { site, cands, actor, target } = s;
  let located: Candidate | null = null;
  let locatedAfter: Candidate | null = null;
  let anyPlace: Candidate | null = null;
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k];
    if (!isPlace(c)) continue;
    if (anyPlace === null && c.from >= site.clauseStart && c.to <= site.clauseEnd && c.entity.type !== "state" && c !== actor) anyPlace = c;
    if (!(c.roles.has("location") && c !== actor && c.from >= site.clauseStart && c.from < site.clauseEnd) || c.entity === target?.entity) continue;
    located ??= c;
    if (locatedAfter === null && c.from >= site.to) locatedAfter = c;
  }
  let location: Candidate | null = locatedAfter ?? located ?? (target && PLACE_TYPES.has(target.entity.type) ? target : null) ?? anyPlace;
  // "a deadly attack in Jordan …, which killed three soldiers": a relative clause's event happens where the noun it hangs
  // on was placed
  if (!location && site.clauseStart > 0) {
    const mark = s.v.marks[site.clauseStart - 1];
    if (mark === "relative" || mark === "complement") location = placeOfHead(s);
  }
  if (location && location.entity.lat == null && target?.entity.type === "facility" && target.entity.lat != null) location = target;
  return location;
}

/** The last place named (with "in/near/at") shortly before the clause a relative pronoun opens. */
function placeOfHead(s: SlotSearch): Candidate | null {
  const cs = s.site.clauseStart;
  for (let k = s.cands.length - 1; k >= 0; k--) {
    const c = s.cands[k];
    if (isPlace(c) && c.roles.has("location") && c.to < cs && cs - c.to <= 8 && c !== s.actor && c.entity !== s.target?.entity) return c;
  }
  return null;
}

/** Chooses actor, target and location for a trigger by position, voice and role words. */
export function resolveSlots(v: SentenceView, site: TriggerSite, lex: EventLexicon): Slots {
  const s = new SlotSearch(v, site, lex);
  if (s.passive) passiveSlots(s);
  else {
    if (site.pair) pairAfter(s);
    else if (site.role === "n" || site.role === "gn") nounSlots(s);
    else verbSlots(s);
    activeTarget(s);
  }
  // "the raids were ordered and run at the direction of X": who ordered the event acts when the text names no one else
  if (!s.actor) s.actor = director(s);
  return { actor: s.actor, target: s.target, location: locationOf(s), passive: s.passive };
}
