import type { EntityType } from "../../core/doc.js";
import type { EventLexicon } from "./event-lexicon.js";
import type { Candidate, SentenceView } from "./sentence-view.js";
import { foldDemonym } from "./event-lexicon.js";

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
    // a full stop inside the sentence ("… 114 يوما.الأردن يدين …", text run together) ends a clause too
    const m = !v.tokens[i].isWord && fullStop(v, i) ? "break" : v.marks[i];
    if (v.tokens[i].forms[0] === ",") comma = true;
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
      if (v.tokens[i].forms[0] === ",") {
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

/**
 * The party a relative clause hangs on: the name right before its pronoun ("Kataib Hezbollah, who …"), not any name
 * earlier in the sentence ("Jordan condemned the attack which targeted …" hangs on "the attack").
 */
function antecedent(v: SentenceView, clauseStart: number, ok: (c: Candidate) => boolean): Candidate | null {
  const c = v.candidates.filter((x) => x.to <= clauseStart).pop();
  if (!c || !ok(c)) return null;
  // only a comma may stand between the name and the relative pronoun (which sits at clauseStart - 1)
  for (let k = c.to; k < clauseStart - 1; k++) if (!/^[,،]$/.test(v.tokens[k].forms[0])) return null;
  return c;
}

/** A number among tokens [from, to): "three", "3", "ثلاثة". */
function countedBetween(v: SentenceView, from: number, to: number, lex: EventLexicon): boolean {
  for (let k = from; k < to; k++) {
    const t = v.tokens[k];
    if (/^[\d\u0660-\u0669]/.test(t.forms[0]) || t.forms.some((f) => typeof lex.numbers.get(f) === "number")) return true;
  }
  return false;
}

/** The last element satisfying `ok` (without copying the array). */
function findLast<T>(xs: readonly T[], ok: (x: T) => boolean): T | undefined {
  for (let k = xs.length - 1; k >= 0; k--) if (ok(xs[k])) return xs[k];
  return undefined;
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

/** Chooses actor, target and location for a trigger by position, voice and role words. */
export function resolveSlots(v: SentenceView, site: TriggerSite, lex: EventLexicon): Slots {
  const cands = v.candidates;
  // "On Sunday Kataib Hezbollah attacked …": the role word of a leading time phrase without its comma is not the name's
  const timeOpener = (c: Candidate) =>
    c.from >= 2 && c.from <= 3 && v.marks[0] === "opener" && lex.roles.matchAt(v.tokens, 0).length > 0 && wordsOnly(v, 1, c.from) && !cands.some((x) => x !== c && x.from > 0 && x.from < c.from);
  // "X, backed by Iran, announced …": the backer does not act in the event
  const actorOk = (c: Candidate) => ACTOR_TYPES.has(c.entity.type) && ((!c.roles.has("location") && !c.roles.has("target")) || timeOpener(c)) && !c.roles.has("backer") && !inCompound(v, c);
  const passive = passiveAt(v, site, lex);
  let actor: Candidate | null = null;
  let target: Candidate | null = null;
  let light: { from: number; to: number } | null = null;
  let victim: Candidate | null = null;
  let genitive: Candidate | null = null;
  let postDemonym: Candidate | null = null;

  // "L'attaque … contre une base américaine a tué …": an attack noun merged before the verb is its subject; the
  // parties named inside that noun phrase are not the verb's actor
  let subjectEnd = site.from;
  let subjectNoun: { from: number; to: number } | null = null;
  for (const m of site.merged ?? []) {
    if (m.verb || m.to > site.from || m.from < site.clauseStart || m.from >= subjectEnd) continue;
    subjectEnd = m.from;
    subjectNoun = m;
  }
  const leftInClause = cands.filter((c) => c.from >= site.clauseStart && c.to <= subjectEnd);
  let rightEnd = Math.min(Math.max(site.reach, site.clauseEnd), site.limit ?? Infinity);
  // "refused to withdraw its troops, with President Trump balking …": what a statement is about stands before the next comma
  if (site.speechAct) for (let k = site.to; k < rightEnd; k++) if (v.tokens[k].forms[0] === "," || v.tokens[k].forms[0] === "،") rightEnd = Math.max(k, site.reach);
  // "the killing of three US troops in a drone attack": the object of an "of" noun merged before the main one counts too
  const ofNouns = site.merged?.length ? site.merged.filter((m) => !m.verb && m.to <= site.from && m.from >= site.clauseStart && OF.has(v.tokens[m.to - 1].forms[0])) : [];
  const ofObject = (c: Candidate) => c.to <= site.from && ofNouns.some((m) => m.to <= c.from && ofLinked(v, m.to, c.from, lex));
  const rightInReach = cands.filter((c) => (c.from >= site.to && c.from < rightEnd) || (ofNouns.length > 0 && ofObject(c)));
  let agentAfter = cands.find((c) => c.from >= site.to && c.roles.has("agent") && ACTOR_TYPES.has(c.entity.type) && !c.hyphenated && c.from - Math.max(site.to, site.reach) < 8);
  // "by former U.S. President Donald Trump": the person the title belongs to
  const head = agentAfter && cands.find((c) => c.from > agentAfter!.from && c.from - agentAfter!.to <= 2 && c.entity.type === "person");
  if (head) agentAfter = head;

  if (passive) {
    actor = agentAfter ?? null;
    const patient = (c: Candidate) => !c.anaphor && TARGET_TYPES.has(c.entity.type) && !c.roles.has("location") && !inCompound(v, c);
    // "the remains of three US service members killed in the attack": a participle with no auxiliary qualifies the
    // noun right before it; "US soldiers were killed": the subject
    const bare = site.participle && !auxBefore(v, site.from, lex);
    target = (bare ? leftInClause.filter((c) => site.from - c.to <= 2 && patient(c)).pop() : leftInClause.find(patient)) ?? null;
    // "the war launched by X against Y", "strikes were carried out by X on Y": with its agent named, the object the role
    // word names after the verb
    if (!target && actor)
      target = cands.find((c) => !c.possessive && c.from >= site.to && c.from - site.to <= NOUN_REACH && c.from < (site.limit ?? Infinity) && c.roles.has("target") && !c.roles.has("location") && c !== actor && c.entity !== actor?.entity && !c.anaphor && !inCompound(v, c) && (TARGET_TYPES.has(c.entity.type) || c.entity.type === "place")) ?? null;
  } else {
    if (site.pair) {
      // "la guerre entre Israël et le Hamas", "الحرب بين إسرائيل وحماس": the two sides, in the order named
      const two = cands.filter((c) => c.from >= site.to && c.from - site.to <= 6 && ACTOR_TYPES.has(c.entity.type) && !c.hyphenated).slice(0, 2);
      if (two.length === 2 && two[0].entity !== two[1].entity && two[1].from - two[0].to <= 3) {
        actor = two[0];
        target = two[1];
      }
    } else if (site.role === "n" || site.role === "gn") {
      // "a US drone strike", "Israeli air raids": a modifier right before the noun
      // "frappe de drone américaine": the adjective after the noun
      const adjBefore = (from: number) =>
        findLast(
          cands,
          (c) =>
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
            modifiersOnly(v, c.to, from, lex),
        );
      // "the Israel-Hamas war": the pair names both sides
      const pair = pairBefore(v, site);
      // "the recent US aggression … included the assassination of": a merged noun's modifier counts too
      const adj = pair ? null : adjBefore(site.from) ?? (site.merged ?? []).filter((m) => !m.verb).map((m) => adjBefore(m.from)).find((c) => !!c);
      // "the Soleimani assassination": a person before an assassination noun is its victim
      if (pair) [actor, target] = pair;
      else if (adj && adj.entity.type === "person" && site.targeted) target = adj;
      else if (adj && !adj.roles.has("target") && !adj.roles.has("location")) actor = adj;
      else if (lex.modifierAfterNoun && (postDemonym = demonymAfterNoun(v, site, lex))) actor = postDemonym;
      else if (agentAfter) actor = agentAfter;
      else if (site.attack && !site.targeted && (genitive = genitiveAgent(v, site, lex))) actor = genitive;
      else if ((light = lightVerbBefore(v, site.from, lex))) {
        // "criminal acts carried out by the US …, including airstrikes": the light verb's own agent
        const lv = light;
        const byAgent = cands.find((c) => c.from >= lv.to && c.from - lv.to <= 3 && c.to <= site.from && c.roles.has("agent") && actorOk({ ...c, roles: new Set() }));
        actor = byAgent ?? leftInClause.find(actorOk) ?? null;
        // "Kataib Hezbollah, who is suspected to have been behind the attack"
        if (!actor && clauseOf(v, site.from, site.to).relative) actor = antecedent(v, site.clauseStart, actorOk);
        // "X a annoncé avoir mené des frappes", "X said it carried out strikes": the speaker speaks of itself
        if (!actor && site.clauseStart > 0 && v.tokens[site.clauseStart] && lex.pronouns.has(v.tokens[site.clauseStart].forms[0])) {
          actor = cands.filter((x) => x.to <= site.clauseStart && actorOk(x)).pop() ?? null;
        }
      }
    } else {
      // "une frappe de drone américaine a assassiné …": the adjective after the subject noun
      const post = subjectNoun && lex.modifierAfterNoun ? cands.find((c) => c.from === subjectNoun!.to && !c.roles.size && c.entity.type === "state" && adjectival(c, lex)) : undefined;
      // "The Jordan attack killed …": a country named (not as an adjective) right before the subject noun is where
      const modifierPlace = (c: Candidate) => !!subjectNoun && c.entity.type === "state" && subjectNoun.from - c.to <= 2 && !adjectival(c, lex);
      // VSO after a comma: "…، وتوعدت واشنطن بشن …" — a verb that opens its own clause has its subject after it
      const vsoAfter =
        lex.subjectAfterVerb && site.from > 0 && /^[,،]$/.test(v.tokens[site.from - 1].forms[0])
          ? cands.find((c) => c.from >= site.to && c.from - site.to <= 2 && actorOk(c) && !c.roles.has("agent") && !countedBetween(v, site.to, c.from, lex))
          : undefined;
      // "أعلنت القيادة مقتل جنود في هجوم بطائرة مسيرة استهدف قاعدة": a verb right after an indefinite noun qualifies it
      // (a relative clause without a pronoun); the parties before the noun are not its subject
      const nounBefore = lex.subjectAfterVerb && lex.definitePrefix ? (site.merged ?? []).find((m) => !m.verb && m.to === site.from) : undefined;
      const relativeToNoun = !!nounBefore && !v.tokens[nounBefore.from].forms.some((f) => f.startsWith(lex.definitePrefix!));
      actor = post ?? vsoAfter ?? (relativeToNoun ? null : leftInClause.find((c) => actorOk(c) && !modifierPlace(c)) ?? null);
      // "a rocket attack by KH killed …", "a drone strike carried out by X hit …": the agent of the subject noun
      if (!actor && subjectNoun) actor = cands.find((c) => c.from >= subjectNoun!.to && c.to <= site.from && c.from - subjectNoun!.to <= 4 && c.roles.has("agent") && actorOk({ ...c, roles: new Set() })) ?? null;
      // VSO: "استهدفت المقاومة الإسلامية قاعدة …": the subject right after the verb
      // ("الهجوم الذي استهدف عسكريين": the verb of a relative clause has its subject in the noun it hangs on, the party
      // after it is its object)
      // ("الهجوم استهدف قاعدة أميركية": an attack noun before the verb is its subject already)
      if (!actor && lex.subjectAfterVerb && !subjectNoun && v.marks[site.from - 1] !== "relative") {
        const after = cands.find((c) => c.from >= site.to && c.from - site.to <= 2 && actorOk(c) && !c.roles.has("agent"));
        // "قتل ثلاثة جنود …": a counted noun right after the verb is who it befell (an unvocalised passive), not its subject
        if (after && countedBetween(v, site.to, after.from, lex)) victim = after;
        else if (after) actor = after;
      }
      // "le président américain Joe Biden", "the Iraqi Prime Minister X": a demonym before a person's name is no party
      if (actor) actor = nameAfterDemonym(v, actor, lex);
      if (actor && isPossessor(v, actor)) {
        const next = leftInClause.find((c) => c.from > actor!.from && actorOk(c));
        // "Iraq's Kataib Hezbollah suspends …": a country's possessive before a group's name says whose group it is
        const group = !!next && (actor.entity.type === "state" || actor.entity.type === "place") && next.entity.type !== "state" && next.from - actor.to <= 1;
        if (next && (next.entity.type === "person" || group)) actor = next;
      }
      // "Kataib Hezbollah said it will not target …", "ont annoncé qu'ils suspendraient": the speaker speaks of itself
      if (actor?.anaphor && actor.from === site.clauseStart && site.clauseStart > 0 && lex.pronouns.has(v.tokens[site.clauseStart].forms[0])) {
        const before = cands.filter((x) => x.to <= site.clauseStart && actorOk(x) && (!x.anaphor || x.from === 0));
        // ("Il menace les groupes pro-Iran qu'il accuse …": the party the pronoun stands for, when the sentence names it)
        const a = actor;
        const speaker = findLast(before, (x) => x.entity === a.entity) ?? before[before.length - 1];
        if (speaker) actor = speaker;
      }
      if (!actor && site.clauseStart > 0 && v.tokens[site.clauseStart] && lex.pronouns.has(v.tokens[site.clauseStart].forms[0])) {
        actor = cands.filter((x) => x.to <= site.clauseStart && actorOk(x)).pop() ?? null;
      }
      // "Biden accused …, threatening the perpetrators", "a accusé …, menaçant les auteurs": a statement verb
      // right after a comma, with no subject of its own, is said by the subject that opens the sentence
      if (!actor && site.role === "g" && site.from > 0 && /^[,،]$/.test(v.tokens[site.from - 1].forms[0])) {
        const first = cands.find((c) => c.to < site.from && actorOk(c) && !c.anaphor);
        if (first) actor = nameAfterDemonym(v, first, lex);
      }
      if (!actor && (site.role === "v" || site.role === "g")) {
        const c = clauseOf(v, site.from, site.to);
        // "Kataib Hezbollah, who is suspected …, has announced": the noun the relative clause hangs on
        if (c.relative) actor = antecedent(v, site.clauseStart, actorOk);
      }
    }
    // ("“We want to see the government do more”": a first-person pronoun is resolved later, to the speaker; the party
    // it was first taken for may still be the target)
    const isTargetable = (c: Candidate) =>
      (!c.anaphor || c.anaphorTarget) && !inCompound(v, c) && !c.roles.has("director") && c !== actor && (c.entity !== actor?.entity || !!actor?.speaker) && (TARGET_TYPES.has(c.entity.type) || (c.roles.has("target") && c.entity.type === "place"));
    if (!target && victim) target = victim;
    // an assassination's target is the person it names: "assassinated the commander of …, General X"
    if (!target && site.targeted) target = rightInReach.find((c) => c.entity.type === "person" && c.from - site.to <= 14 && c !== actor) ?? null;
    // "accused the US of …", "condemned acts carried out by the US": the accused is the first party named
    // "refused to withdraw its troops, with President Trump balking …": the accused, the refused, stand before the next comma
    if (!target && site.speechAct) {
      let comma = v.tokens.length;
      for (let k = site.to; k < v.tokens.length; k++) if (v.tokens[k].forms[0] === "," || v.tokens[k].forms[0] === "،") { comma = k; break; }
      target = rightInReach.find((c) => c.from < comma && isTargetable(c) && ACTOR_TYPES.has(c.entity.type) && !c.roles.has("location")) ?? null;
    }
    // "attacks against X", "targeting X" first; then the direct object
    const notPlace = (c: Candidate) => c.entity.type !== "place";
    // a noun takes its object through "of": "the assassination of X", "the killing of three US troops"
    const linked = (c: Candidate) => (site.role === "v" || site.role === "g" || site.role === "gi" ? c.from - Math.max(site.to, site.reach) <= 6 : ofLinked(v, site.to, c.from, lex) || (site.merged ?? []).some((m) => c.from >= m.to && (m.verb ? c.from - m.to <= 6 : ofLinked(v, m.to, c.from, lex))));
    // "strikes against the Iran-backed militia X": the role word before a hyphenated modifier is the next name's
    const compoundMarks = cands.filter((p) => p.roles.has("target") && inCompound(v, p));
    const marked = (c: Candidate) => c.roles.has("target") || compoundMarks.some((p) => p.to <= c.from && c.from - p.to <= 2 && p !== c);
    // a noun's target stands close to it ("strikes on Friday against X"); further on, a later verb's object ("the
    // strikes followed talks at the base") is not the noun's
    const near = (c: Candidate) => (site.role !== "n" && site.role !== "gn") || c.from - Math.max(site.to, site.reach) <= NOUN_REACH;
    if (!target) target =
      rightInReach.find((c) => marked(c) && isTargetable(c) && notPlace(c) && near(c)) ??
      rightInReach.find((c) => !c.roles.has("location") && !c.roles.has("agent") && isTargetable(c) && notPlace(c) && linked(c)) ??
      rightInReach.find((c) => c.roles.has("target") && isTargetable(c) && near(c)) ??
      rightInReach.find((c) => c.roles.has("partner") && isTargetable(c) && notPlace(c) && near(c)) ??
      leftInClause.find((c) => c.roles.has("target") && isTargetable(c)) ??
      null;
    // "strikes on facilities in eastern Syria used by groups linked to the IRGC", "frappe plus de 85 cibles liées aux
    // Gardiens de la révolution": the party the sites belong to, when the text names no party as the object itself
    if (!target || target.from < site.from || (target.entity.type !== "armed_group" && target.entity.type !== "facility" && !target.roles.has("target"))) {
      const owner = assetOwner(v, site, lex, actor);
      if (owner) target = owner;
    }
    // "targeted the same air base that Iran attacked on January 8": a relative clause's verb with no object of its own
    // acts on the noun the clause hangs on
    // ("that" opens a relative clause or a complement: right after a noun it is the relative pronoun)
    if (!target && site.role === "v" && actor && actor.from >= site.clauseStart && site.clauseStart > 0) {
      const mark = v.marks[site.clauseStart - 1];
      if (mark === "relative" || mark === "complement") {
        const head = cands.find((x) => x.to === site.clauseStart - 1);
        if (head && head !== actor && head.entity !== actor.entity && (TARGET_TYPES.has(head.entity.type) || head.entity.type === "place")) target = head;
      }
    }
    if (target && isPossessor(v, target)) {
      const next = rightInReach.find((c) => c.from > target!.from && c.from - target!.to <= 8 && isTargetable(c) && (c.entity.type === "person" || c.entity.type === "armed_group"));
      if (next) target = next;
    }
  }
  // "the strikes were carried out at the direction of X": who ordered the event acts when the text names no one else
  if (!actor) actor = cands.find((c) => c.roles.has("director") && ACTOR_TYPES.has(c.entity.type) && c.from >= site.clauseStart && c.from < Math.max(site.clauseEnd, site.reach) && c.entity !== target?.entity) ?? null;
  // location: a place after "in/near/at"; else a facility target; else any place in the clause
  const places = cands.filter((c) => PLACE_TYPES.has(c.entity.type) || (c.entity.type === "state" && c.roles.has("location")));
  const inClause = (c: Candidate) => c.from >= site.clauseStart && c.from < site.clauseEnd;
  const located = places.filter((c) => c.roles.has("location") && c !== actor && inClause(c));
  let location: Candidate | null =
    located.find((c) => c.from >= site.to && c.entity !== target?.entity) ??
    located.find((c) => c.entity !== target?.entity) ??
    (target && PLACE_TYPES.has(target.entity.type) ? target : null) ??
    places.find((c) => c.from >= site.clauseStart && c.to <= site.clauseEnd && c.entity.type !== "state" && c !== actor) ??
    null;
  // "a deadly attack in Jordan …, which killed three soldiers": a relative clause's event happens where the noun it hangs
  // on was placed
  if (!location && site.clauseStart > 0) {
    const mark = v.marks[site.clauseStart - 1];
    if (mark === "relative" || mark === "complement")
      location = findLast(places, (c) => c.roles.has("location") && c.to < site.clauseStart && site.clauseStart - c.to <= 8 && c !== actor && c.entity !== target?.entity) ?? null;
  }
  if (location && location.entity.lat == null && target?.entity.type === "facility" && target.entity.lat != null) location = target;
  return { actor, target, location, passive };
}
