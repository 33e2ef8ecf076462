import type { Doc, EntityRecord, EntityType, Sentence } from "../../core/doc.js";
import { sortByStart } from "../../core/sort-by-start.js";
import type { EventLexicon, LabelLink, StatusCue } from "./event-lexicon.js";
import type { EventToken } from "./event-tokens.js";
import { sentenceTokens } from "./event-tokens.js";
import type { PhraseMatch } from "./phrase-matcher.js";
import { firstStartingAt } from "../../core/first-starting-at.js";
import { objectList } from "../../core/object-list.js";

/** An entity mention placed on the sentence's tokens, or an anaphor resolved to an entity. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  /** Token range [from, to) in the sentence. */
  readonly from: number;
  readonly to: number;
  readonly text: string;
  readonly entity: EntityRecord;
  /** Role words (target, agent, location) that stand just before the mention. */
  readonly roles: ReadonlySet<string>;
  readonly anaphor: boolean;
  /** A first-person anaphor ("we", "nous"): it stands for whoever the sentence quotes. */
  readonly speaker: boolean;
  /** An anaphor that may fill the target slot ("invaded the country"). */
  readonly anaphorTarget: boolean;
  /** Followed by a hyphen: "Iran-backed", "US-led" — a modifier, not a party. */
  readonly hyphenated: boolean;
  /** Followed by "'s": "Iran's top commander". */
  readonly possessive: boolean;
}

/**
 * A candidate, every field given in one order: all candidates share one object shape, so the rules that read them
 * (resolveSlots, findSpeaker …) see one map.
 */
export function candidate(
  start: number,
  end: number,
  from: number,
  to: number,
  text: string,
  entity: EntityRecord,
  roles: ReadonlySet<string>,
  anaphor: boolean,
  speaker: boolean,
  anaphorTarget: boolean,
  hyphenated: boolean,
  possessive: boolean,
): Candidate {
  return { start, end, from, to, text, entity, roles, anaphor, speaker, anaphorTarget, hyphenated, possessive };
}

/** One sentence prepared for the event rules. */
export interface SentenceView {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly tokens: readonly EventToken[];
  readonly candidates: readonly Candidate[];
  /**
   * Clause marks by token index: "break", "relative", "opener" (undefined where none; a list rather than a Map: the
   * rules ask about marks token by token, in loops).
   */
  readonly marks: readonly (string | undefined)[];
  /** The sentence's status cues, found when first asked for (event-status.ts; a field from the start: one object shape for every view). */
  cues: readonly PhraseMatch<StatusCue>[] | undefined;
}

/** A doc-wide list of entity mentions in text order, for anaphora. */
export interface MentionIndex {
  /** Mentions in text order; `lead` when the mention is the first of its sentence (the sentence's topic, usually its subject). */
  readonly list: readonly { start: number; end: number; text: string; entity: EntityRecord; lead?: boolean }[];
  /** The document's entities (their first by KB id is what a loaded label stands for). */
  readonly entities: readonly EntityRecord[];
  /** KB parties the document names only by a loaded label, as entity records with an empty id (not output). */
  readonly unlisted: Map<string, EntityRecord>;
  /** KB ids of a state's forces: "the group", "the militia" do not stand for them. */
  readonly stateForces?: ReadonlySet<string>;
}

/** Every mention of every entity, sorted by position. */
export function buildMentionIndex(doc: Doc, stateForces?: ReadonlySet<string>): MentionIndex {
  const list: { start: number; end: number; text: string; entity: EntityRecord; lead: boolean }[] = [];
  for (const e of doc.entities ?? []) for (const m of e.mentions) list.push({ start: m.start, end: m.end, text: m.text, entity: e, lead: false });
  list.sort((a, b) => a.start - b.start || b.end - a.end);
  // drop mentions nested inside a longer one ("Iraq" inside "Iraqi resistance"); mark each sentence's first
  const out: typeof list = [];
  const sentences = doc.sentences ?? [];
  let si = 0;
  let lastSentence = -1;
  for (const m of list) {
    const last = out[out.length - 1];
    if (last && m.start < last.end) continue;
    while (si < sentences.length - 1 && sentences[si].end <= m.start) si++;
    m.lead = si !== lastSentence;
    out.push(m);
    lastSentence = si;
  }
  // (no Map by KB id made: only a loaded label asks, and few sentences have one)
  return { list: out, entities: doc.entities ?? [], unlisted: new Map(), stateForces };
}

/** The entity a loaded label stands for: the document's own entity of that KB id, else an unlisted record (id ""). */
function labelEntity(mentions: MentionIndex, link: LabelLink): EntityRecord {
  // the document's first entity of that KB id
  for (const own of mentions.entities) if (own.kb === link.kb) return own;
  let e = mentions.unlisted.get(link.kb);
  if (!e) mentions.unlisted.set(link.kb, (e = { id: "", kb: link.kb, name: link.name, aliases: [], type: link.type, mentions: [] }));
  return e;
}

const DETERMINERS = new Set(["the", "a", "an", "its", "their", "his", "le", "la", "les", "l'", "des", "du", "de", "d'", "un", "une", "ses", "leurs", "leur", "sa", "son"]);

function tokenAt(tokens: readonly EventToken[], pos: number): number {
  return firstStartingAt(tokens, pos);
}

const OF = new Set(["of", "de", "du", "des", "d'"]);

/**
 * Role words before token i, across determiners and one other word, and across "the positions of":
 * "on the positions of the PMU" gives the PMU the role of "on".
 */
export const NO_ROLES: ReadonlySet<string> = new Set();
const NO_MATCHES: readonly PhraseMatch<string>[] = objectList();

function rolesBefore(tokens: readonly EventToken[], i: number, lex: EventLexicon, floor = 0): ReadonlySet<string> {
  let roles: Set<string> | null = null;
  let others = 0;
  let sawOf = false;
  for (let k = i - 1, n = 0; k >= floor && n < 6; k--, n++) {
    const t = tokens[k];
    if (!t.isWord) break;
    if (OF.has(t.forms[0])) {
      sawOf = true;
      continue;
    }
    if (DETERMINERS.has(t.forms[0])) continue;
    const all = lex.roles.matchAt(tokens, k);
    // (indexed loops, no closure: this runs for every name)
    let ends = false;
    for (let a = 0; a < all.length && !ends; a++) ends = all[a].to <= i;
    if (ends) {
      // "backed by Iran": a two-word role that ends here outranks the one-word "by"
      const before = k > 0 ? lex.roles.matchAt(tokens, k - 1) : NO_MATCHES;
      let wide = false;
      for (let b = 0; b < before.length && !wide; b++) wide = before[b].to === k + 1;
      let one: string | null = null;
      const from = wide ? before : all;
      for (let f = 0; f < from.length; f++) {
        const m = from[f];
        if (wide ? m.to !== k + 1 : m.to > i) continue;
        roles = addRole(roles, one, m.value);
        one ??= m.value;
      }
      // (most names have one role word: its set is shared, made once per word)
      if (!roles && one !== null) return roleSet(one);
      break;
    }
    // "en faveur de l'expulsion des forces étrangères": an event noun between heads its own phrase
    const trig = lex.triggers.matchAt(tokens, k);
    let eventNoun = false;
    for (let e = 0; e < trig.length && !eventNoun; e++) eventNoun = trig[e].value.type !== null;
    if (eventNoun) break;
    if (++others > (sawOf ? 2 : 1)) break;
  }
  return roles ?? NO_ROLES;
}

/** One-role sets by role (read-only, shared by every name that has just that role). */
const ROLE_SETS = new Map<string, ReadonlySet<string>>();

function roleSet(role: string): ReadonlySet<string> {
  let r = ROLE_SETS.get(role);
  if (!r) ROLE_SETS.set(role, (r = new Set([role])));
  return r;
}

/** Adds a role when a second one is met (the first is kept as `one` until then): a set made only for two roles or more. */
function addRole(roles: Set<string> | null, one: string | null, role: string): Set<string> | null {
  if (roles) return roles.add(role);
  if (one === null || one === role) return null;
  return new Set([one, role]);
}

/** True when tokens [from, to) are a coordinator and determiners only: "and", "et la". */
function coordinated(tokens: readonly EventToken[], from: number, to: number, lex: EventLexicon): boolean {
  if (to <= from || to - from > 3 || !lex.coordinators.has(tokens[from].forms[0])) return false;
  for (let k = from + 1; k < to; k++) if (!DETERMINERS.has(tokens[k].forms[0])) return false;
  return true;
}

const LETTER = /^\p{L}$/u;
/** A hyphen and a letter at i: "Iran-backed", "US‑led" (as /^[-‑]\p{L}/u on text.slice(i, i + 2)). */
function hyphenatedAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== 45 && c !== 0x2011) return false;
  const d = text.charCodeAt(i + 1);
  if ((d >= 65 && d <= 90) || (d >= 97 && d <= 122)) return true;
  // (a lone surrogate, as the 2-character slice would cut it, is no letter)
  return d === d && d >= 128 && (d < 0xd800 || d > 0xdfff) && LETTER.test(text[i + 1]);
}

/** "'s" or "’s" ending a word at i: "Iran's top commander" (as /^['’]s\b/ on text.slice(i, i + 3)). */
function possessiveAt(text: string, i: number): boolean {
  const a = text.charCodeAt(i);
  if ((a !== 39 && a !== 0x2019) || text.charCodeAt(i + 1) !== 115) return false;
  const c = text.charCodeAt(i + 2);
  return !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95);
}

/** The document's entity mentions in sentence s, placed on its tokens, each with the role words before it. */
function mentionCandidates(doc: Doc, s: Sentence, tokens: readonly EventToken[], lex: EventLexicon, mentions: MentionIndex): Candidate[] {
  const cands: Candidate[] = objectList();
  const list = mentions.list;
  // the sentence's first mention (the list is in text order)
  for (let mi = firstStartingAt(list, s.start); mi < list.length; mi++) {
    const m = list[mi];
    if (m.start >= s.end) break;
    const from = tokenAt(tokens, m.start);
    const to = Math.max(from + 1, tokenAt(tokens, m.end));
    // role words are looked for back to the previous mention, not inside it ("… في العراق القوات الأمريكية")
    const prev = cands.length ? cands[cands.length - 1] : null;
    const floor = prev ? prev.to : 0;
    let roles = rolesBefore(tokens, from, lex, floor);
    // "in Iraq and Syria", "l'Irak et la Syrie": the second name shares the first one's role
    // (places only: "milices soutenues par l'Iran et les Gardiens" coordinates the militias and the Guards)
    if (!roles.size && prev?.roles.has("location") && coordinated(tokens, prev.to, from, lex)) roles = prev.roles;
    cands.push(candidate(m.start, m.end, from, to, m.text, m.entity, roles, false, false, false, hyphenatedAt(doc.text, m.end), possessiveAt(doc.text, m.end)));
  }
  return cands;
}

/**
 * "the occupiers", "قوات الاحتلال": a loaded label stands for the party its neutral alternative names; it takes the
 * place of names inside it ("American" in "American occupation forces"), not of a longer name around it.
 */
function addLabelCandidates(doc: Doc, tokens: readonly EventToken[], lex: EventLexicon, mentions: MentionIndex, cands: Candidate[]): void {
  for (const a of lex.labels.findAll(tokens)) {
    const start = tokens[a.from].start;
    const end = tokens[a.to - 1].end;
    const over = cands.filter((c) => c.start < end && start < c.end);
    if (over.some((c) => c.start < start || c.end > end || c.entity.kb === a.value.kb)) continue;
    for (const c of over) cands.splice(cands.indexOf(c), 1);
    const floor = cands.filter((c) => c.to <= a.from).reduce((m, c) => Math.max(m, c.to), 0);
    cands.push(candidate(start, end, a.from, a.to, doc.text.slice(start, end), labelEntity(mentions, a.value), rolesBefore(tokens, a.from, lex, floor), false, false, false, hyphenatedAt(doc.text, end), possessiveAt(doc.text, end)));
  }
}

/** Anaphors of parties ("the group", "it", "nous") not inside a name, resolved to the entity they stand for. */
function addAnaphorCandidates(doc: Doc, tokens: readonly EventToken[], lex: EventLexicon, mentions: MentionIndex, cands: Candidate[]): void {
  for (const a of lex.anaphora.findAll(tokens)) {
    // (the entry's party types, worked out when the lexicon was loaded)
    const types = a.value.parties;
    if (!types.length) continue;
    const start = tokens[a.from].start;
    const end = tokens[a.to - 1].end;
    if (cands.some((c) => c.start < end && start < c.end)) continue;
    // "the same air base": a place named again by its kind is one whose name has that word
    const head = a.value.placeKind ? tokens[a.to - 1].forms[0] : undefined;
    const ref = resolveAnaphor(mentions, start, types, head);
    if (!ref) continue;
    cands.push(candidate(start, end, a.from, a.to, doc.text.slice(start, end), ref, rolesBefore(tokens, a.from, lex), true, a.value.speaker, a.value.target, false, false));
  }
}

/** Clause marks by token: "break" (";", ":", a reporting verb's end), "relative", "complement", "opener" … */
function clauseMarks(tokens: readonly EventToken[], lex: EventLexicon): (string | undefined)[] {
  // (pushed: a list made at its size has holes to the engine, and every read of it checks for one)
  const marks: (string | undefined)[] = objectList();
  for (let i = 0; i < tokens.length; i++) marks.push(undefined);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.isWord) {
      if (t.forms[0] === ";" || t.forms[0] === ":") marks[i] = "break";
      continue;
    }
    const ms = lex.clause.matchAt(tokens, i);
    let mark = marks[i];
    if (ms.length) {
      // an opener first in the sentence; else the first other mark; else an opener
      let opener = false;
      let other: PhraseMatch<string> | undefined;
      for (let k = 0; k < ms.length; k++) {
        if (ms[k].value === "opener") opener = true;
        else other ??= ms[k];
      }
      marks[i] = mark = opener && i === 0 ? "opener" : other?.value ?? "opener";
    }
    // "The Pentagon said a final assessment …": a reporting verb ends the speaker's clause
    if (mark === undefined || mark === "opener") {
      // (an indexed loop: the list may be the frozen empty one, which for…of would iterate the slow way)
      const rvs = lex.attribution.matchAt(tokens, i);
      for (let k = 0; k < rvs.length; k++)
        if (rvs[k].value === "after" || rvs[k].value === "verb-before") {
          marks[rvs[k].to - 1] = "break";
          break;
        }
    }
  }
  return marks;
}

/** Prepares sentence `si`: tokens, the entity mentions in it (with anaphors resolved), clause marks. */
export function buildSentenceView(doc: Doc, si: number, lex: EventLexicon, mentions: MentionIndex, given?: EventToken[]): SentenceView {
  const s = doc.sentences![si];
  const tokens = given ?? sentenceTokens(doc, si, lex.lang);
  const cands = mentionCandidates(doc, s, tokens, lex, mentions);
  addLabelCandidates(doc, tokens, lex, mentions, cands);
  addAnaphorCandidates(doc, tokens, lex, mentions, cands);
  sortByStart(cands);
  return { index: si, start: s.start, end: s.end, tokens, candidates: cands, marks: clauseMarks(tokens, lex), cues: undefined };
}

/**
 * What an anaphor stands for: the most recent party of one of `types` that opened a sentence ("Iraqi resistance groups
 * have issued a statement …" … "The resistance groups also censured …"), else the most recent one of those types.
 */
export function resolveAnaphor(mentions: MentionIndex, pos: number, types: readonly EntityType[], head?: string): EntityRecord | null {
  const l = mentions.list;
  // the mentions before pos, walked back from the last of them (the list is in text order: those from pos on are
  // passed over at once)
  const before = firstStartingAt(l, pos);
  if (head) {
    for (let i = before - 1; i >= 0; i--) if (types.includes(l[i].entity.type) && l[i].text.toLowerCase().includes(head)) return l[i].entity;
    return null;
  }
  // "the groups", "the militia": the group the text is about, the one that opens most of its sentences so far
  const groups = types.every((t) => t === "armed_group" || t === "organization");
  let recent: EntityRecord | null = null;
  // sentences each entity opens, in the order first met (a few entities: two short lists, not a Map and its iterator)
  let leadOf: EntityRecord[] | null = null;
  let leads: number[] | null = null;
  for (let i = before - 1; i >= 0; i--) {
    if (!types.includes(l[i].entity.type)) continue;
    const kb = l[i].entity.kb;
    if (groups && kb && mentions.stateForces?.has(kb)) continue;
    recent ??= l[i].entity;
    if (!groups) break;
    if (l[i].lead) {
      const k = leadOf ? leadOf.indexOf(l[i].entity) : -1;
      if (k >= 0) leads![k]++;
      else {
        (leadOf ??= []).push(l[i].entity);
        (leads ??= []).push(1);
      }
    }
  }
  let best = recent;
  let most = 0;
  // walked from the most recent: a tie goes to the most recent
  if (leadOf) for (let k = 0; k < leadOf.length; k++) if (leads![k] > most) (best = leadOf[k]), (most = leads![k]);
  return best;
}
