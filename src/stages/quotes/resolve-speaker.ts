import type { Doc, EntityType, SlotRef, Span } from "../../core/doc.js";
import type { PhraseHit, Words } from "./phrase-index.js";
import type { SpeechLexicon, SpeakerWordKind } from "./speech-lexicon.js";
import { countWords, lastNameRun, phraseAround, sortByStart, wordsIn, type Phrase } from "./speaker-phrase.js";
import { firstStartingAt } from "../../core/first-starting-at.js";

/** How a resolved speaker can be referred back to: "he" wants a person or a source, "it"/"they" a group. */
export type SpeakerKind = "person" | "group" | "source" | "other";

/** A resolved speaker and its kind, remembered for later pronouns and "the statement". */
export interface Resolved {
  readonly ref: SlotRef;
  readonly kind: SpeakerKind;
  readonly at: number;
  /** The entity type, when the speaker is an entity. */
  readonly type?: EntityType;
}

/**
 * A Resolved, always with all four fields (type undefined when not an entity): one object shape for the history and
 * every caller (literals with and without `type`, and spread copies, were the resolver's "wrong map" de-optimisations).
 */
export function resolved(ref: SlotRef, kind: SpeakerKind, at: number, type?: EntityType): Resolved {
  return { ref, kind, at, type };
}

/** An entity mention that can speak, with its entity's type. */
export interface SpeakerMention extends Span {
  readonly entity: string;
  readonly type: EntityType;
  readonly text: string;
}

const SPEAKING_TYPES = new Set<EntityType>(["person", "armed_group", "organization", "government_body", "state", "media"]);
const GROUP_TYPES = new Set<EntityType>(["armed_group", "organization", "government_body", "state", "media"]);
const ISSUER_TYPES = new Set<EntityType>(["armed_group", "organization", "government_body"]);

/** Mentions of entities that can be speakers, in text order. */
export function speakerMentions(doc: Doc): SpeakerMention[] {
  const out: SpeakerMention[] = [];
  for (const e of doc.entities ?? []) {
    if (!SPEAKING_TYPES.has(e.type)) continue;
    for (const m of e.mentions) out.push({ start: m.start, end: m.end, entity: e.id, type: e.type, text: m.text });
  }
  return sortByStart(out);
}

// a phrase that starts with a preposition or conjunction is not a speaker ("as", "على", "de son côté")
const FUNCTION_START = /^(?:as|to|in|on|at|of|for|from|by|with|and|but|de|du|des|à|au|aux|en|par|pour|sur|et|على|إلى|في|من|عن|مع)(?:\s|$)/iu;

/** A relative clause between commas or a parenthesis: not the subject of a speaker window (never empty). */
const ASIDE = /,\s*(?:who|which|whose|qui|dont|الذي|التي)\b[^,]*,|\([^)]*\)/gu;

const LAST_WORD = /[\p{L}\p{N}\p{M}][\p{L}\p{N}\p{M}’'\-‐‑.]*$/u;
const LNM = /^[\p{L}\p{N}\p{M}]$/u;
/** A letter, digit or mark (one UTF-16 unit, not a surrogate). */
const isLnm = (c: number, ch: string) => (c < 128 ? (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) : LNM.test(ch));

/** The last word of text[a, b) (as LAST_WORD would match it in the slice), scanning back from b; null when none. */
function lastWordBefore(text: string, a: number, b: number): string | null {
  // the run of word characters (letters, digits, marks, ’ ' - ‐ ‑ .) that ends at b
  let r = b;
  while (r > a) {
    const c = text.charCodeAt(r - 1);
    if (c >= 0xd800 && c <= 0xdfff) {
      const m = LAST_WORD.exec(text.slice(a, b));
      return m ? m[0] : null;
    }
    if (c === 0x2019 || c === 39 || c === 45 || c === 0x2010 || c === 0x2011 || c === 46 || isLnm(c, text[r - 1])) r--;
    else break;
  }
  // the match starts at the first letter, digit or mark of that run
  for (let i = r; i < b; i++) if (isLnm(text.charCodeAt(i), text[i])) return text.slice(i, b);
  return null;
}

/** True when text[i…] is "'s" or "’s" ending a word (as /^['’]s\b/ on text.slice(i, i + 3)). */
function possessive(text: string, i: number): boolean {
  const a = text.charCodeAt(i);
  if ((a !== 39 && a !== 0x2019) || text.charCodeAt(i + 1) !== 115) return false;
  if (i + 2 >= text.length) return true;
  const c = text.charCodeAt(i + 2);
  return !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95);
}

/** What ends a clause before a reporting verb: "Rockets hit the base. No group claimed …", "…, nobody said". */
const CLAUSE_MARKS = new Set([...",;:،؛.!?“”\"«»"].map((ch) => ch.charCodeAt(0)));
/** Letters of the Latin, Greek, Cyrillic and Arabic blocks (not the punctuation from U+2000 on). */
const isLetterCode = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c < 0x2000 && c !== 0xd7 && c !== 0xf7);
const isDigitCode = (c: number) => c >= 48 && c <= 57;
const WORD_JOINERS = new Set([..."-‐‑'’"].map((ch) => ch.charCodeAt(0)));

/** The characters trimmed off a speaker span: white space, , ; : ، — – - (as /[\s,;:،—–-]/ on each). */
const EDGE = /^[\s,;:،—–-]$/;
function isEdge(c: number): boolean {
  if (c === 32 || c === 44 || c === 59 || c === 58 || c === 45) return true;
  if (c < 128 ? c < 9 || (c > 13 && c !== 32) : false) return false;
  return EDGE.test(String.fromCharCode(c));
}
const NO_SPANS: readonly Span[] = [];

// The tests antecedent applies to earlier mentions, pass after pass, by the kind of reference: a group that speaks is
// an armed group, organisation or ministry before it is a state, and a sentence subject first. (Numbers and a switch,
// not an array of closures made at every call.)
const PASS_PERSON = 0;
const PASS_ISSUER_SUBJECT = 1;
const PASS_ISSUER_LEAD = 2;
const PASS_ISSUER = 3;
const PASS_GROUP = 4;
const PASS_PERSON_OR_ISSUER = 5;
const PASS_ANY = 6;
const PASSES: Readonly<Record<"person" | "group" | "any", readonly number[]>> = {
  person: [PASS_PERSON],
  group: [PASS_ISSUER_SUBJECT, PASS_ISSUER_LEAD, PASS_ISSUER, PASS_GROUP],
  any: [PASS_PERSON_OR_ISSUER, PASS_ANY],
};

const kindOfType = (t: EntityType): SpeakerKind => (t === "person" ? "person" : GROUP_TYPES.has(t) ? "group" : "other");

/** Resolves speaker phrases to entities or text, keeping the history that pronouns and "the statement" refer back to. */
export class SpeakerResolver {
  readonly history: Resolved[] = [];
  constructor(
    private readonly text: string,
    private readonly mentions: readonly SpeakerMention[],
    private readonly lex: SpeechLexicon,
    private readonly titles: ReadonlySet<string>,
    /** True when a mention opens its sentence (a subject: "Iraqi resistance groups have issued a statement"). */
    private readonly isSubject: (s: Span) => boolean = () => false,
    /** Quoted text: names inside a quotation are not who is speaking. */
    private readonly quoted: readonly Span[] = [],
    /** The text's words, when already split. */
    private readonly words?: Words,
  ) {}

  private leadSet: Set<string> | null = null;
  private subjectMemo = new Map<number, boolean>();

  /** The article's lead sentence names its main actor: the first group-like entity in the first 300 characters. */
  private lead(): Set<string> {
    if (!this.leadSet) {
      const m = this.mentions.find((x) => x.start < 300 && ISSUER_TYPES.has(x.type) && !this.inQuoteAt(x.start, x.end));
      this.leadSet = new Set(m ? [m.entity] : []);
    }
    return this.leadSet;
  }

  private subject(m: SpeakerMention): boolean {
    let v = this.subjectMemo.get(m.start);
    if (v === undefined) this.subjectMemo.set(m.start, (v = this.isSubject(m)));
    return v;
  }

  /** True when [start, end) lies inside a quotation (offsets, not a span: mentions and phrases have different shapes). */
  private inQuoteAt(start: number, end: number): boolean {
    for (const q of this.quoted) if (q.start <= start && end <= q.end) return true;
    return false;
  }

  /** True when the clause that ends at `end` (after its last comma or semicolon) opens with a word naming nobody. */
  private namesNobody(start: number, end: number): boolean {
    if (!this.lex.nobody.size) return false;
    const text = this.text;
    let a = end;
    while (a > start && !CLAUSE_MARKS.has(text.charCodeAt(a - 1))) a--;
    // its first word: a run of letters ("No", "Aucun") that no digit, hyphen or apostrophe continues ("No-fly")
    while (a < end && !isLetterCode(text.charCodeAt(a)) && !isDigitCode(text.charCodeAt(a))) a++;
    let b = a;
    while (b < end && isLetterCode(text.charCodeAt(b))) b++;
    if (b === a || b - a > 12 || (b < end && (isDigitCode(text.charCodeAt(b)) || WORD_JOINERS.has(text.charCodeAt(b))))) return false;
    return this.lex.nobody.has(text.slice(a, b).toLowerCase());
  }

  /** The mention that covers a phrase found by other means (a name run, a role's name), if any. */
  private mentionAt(p: Span): SpeakerMention | undefined {
    return this.mentions.find((m) => m.start < p.end && p.start < m.end);
  }

  private named(p: Phrase, kind: SpeakerKind): Resolved {
    const m = this.mentionAt(p);
    return m ? this.ofMention(m) : resolved(this.ref(p), kind, p.start);
  }

  /** The mention `m` as a resolved speaker. */
  private ofMention(m: SpeakerMention): Resolved {
    return resolved(this.ref(m, m), kindOfType(m.type), m.start, m.type);
  }

  /** Records a resolved speaker so that later pronouns can point at it. */
  remember(r: Resolved): void {
    this.history.push(r);
  }

  private ref(p: Phrase, m?: SpeakerMention): SlotRef {
    if (m) return { entity: m.entity, text: m.text, span: { start: m.start, end: m.end } };
    // "The Operations Command" after "The Al-Jazira Operations Command of the PMF": a shortened earlier name
    const short = p.text.replace(/^(?:the|le|la|les|l['’])\s*/i, "").trim();
    if (short.length >= 6 && /\s/.test(short) && /^\p{Lu}/u.test(short)) {
      for (let i = this.mentions.length - 1; i >= 0; i--) {
        const x = this.mentions[i];
        if (x.end <= p.start && x.text !== short && x.text.endsWith(short)) return { entity: x.entity, text: p.text, span: { start: p.start, end: p.end } };
      }
    }
    return { entity: null, text: p.text, span: { start: p.start, end: p.end } };
  }

  /** Speaker words of the whole text, found once. */
  private speakerHits: readonly PhraseHit<SpeakerWordKind>[] | null = null;

  private lastMatch(kind: SpeakerWordKind, start: number, end: number): Phrase | null {
    const hits = (this.speakerHits ??= this.lex.speakerIndex.find(this.text, 0, this.text.length, this.words));
    let lo = 0;
    let hi = hits.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (hits[mid].end <= end) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0 && hits[i].start >= start; i--) if (hits[i].value === kind) return { start: hits[i].start, end: hits[i].end, text: hits[i].text };
    return null;
  }

  /** Whether mention m passes test `pass` of antecedent (see PASSES). */
  private fits(pass: number, m: SpeakerMention, lead: ReadonlySet<string>): boolean {
    switch (pass) {
      case PASS_PERSON:
        return m.type === "person";
      case PASS_ISSUER_SUBJECT:
        return ISSUER_TYPES.has(m.type) && this.subject(m);
      case PASS_ISSUER_LEAD:
        return ISSUER_TYPES.has(m.type) && lead.has(m.entity);
      case PASS_ISSUER:
        return ISSUER_TYPES.has(m.type);
      case PASS_GROUP:
        return GROUP_TYPES.has(m.type);
      case PASS_PERSON_OR_ISSUER:
        return m.type === "person" || ISSUER_TYPES.has(m.type);
      default:
        return true;
    }
  }

  /** The nearest earlier speaker, or mention, or group phrase that a pronoun or "the statement" can stand for. */
  antecedent(kind: "person" | "group" | "any", before: number): Resolved | null {
    for (let i = this.history.length - 1; i >= 0; i--) {
      const h = this.history[i];
      if (h.at > before || before - h.at > 2500) continue;
      // "it", "the group" stand for a group that acts, not a state or a medium
      if (kind === "group" && h.type && !ISSUER_TYPES.has(h.type)) continue;
      if (kind === "any" || h.kind === kind || (kind === "person" && h.kind === "source")) return h;
    }
    const lead = this.lead();
    // a group that speaks is an armed group, organisation or ministry before it is a state, and a sentence subject first
    const passes = PASSES[kind];
    for (let p = 0; p < passes.length; p++) {
      for (let i = this.mentions.length - 1; i >= 0; i--) {
        const m = this.mentions[i];
        if (m.end > before) continue;
        if (before - m.end > 1500) break;
        if (this.fits(passes[p], m, lead) && !this.inQuoteAt(m.start, m.end)) return this.ofMention(m);
      }
    }
    if (kind !== "person") {
      const g = this.lastMatch("group", Math.max(0, before - 1500), before);
      if (g) {
        const p = phraseAround(this.text, g, 3, Math.max(0, g.start - 80), g.end);
        return resolved(this.ref(p), "group", p.start);
      }
    }
    if (kind !== "group") {
      const n = lastNameRun(this.text, Math.max(0, before - 400), before, this.titles);
      if (n && !this.inQuoteAt(n.start, n.end)) return resolved(this.ref(n), "person", n.start);
    }
    return null;
  }

  /** "a statement by Kata'ib Hezbollah", "بيان … موقع باسم الأمين العام أبو حسين الحميداوي": who the statement is from. */
  statementAuthor(before: number): Resolved | null {
    let found: Resolved | null = null;
    const hits = (this.speakerHits ??= this.lex.speakerIndex.find(this.text, 0, this.text.length, this.words)).filter(
      (h) => h.value === "statement" && h.start < before && h.start >= before - 2000,
    );
    for (const h of hits) {
      const after = h.end;
      const win = this.text.slice(after, after + 120);
      const by = /^[^.!?\n]{0,40}?(?:\s|^)(?:by|from|of|signed by|issued by|de|du|des|d['’]|ل|لـ|باسم|عن)(?=\s|[\p{L}])/u.exec(win);
      if (!by) continue;
      const from = after + by.index + by[0].length;
      const stop = this.text.slice(from, from + 120).search(/[.!?\n]/u);
      const end = from + (stop < 0 ? 120 : stop);
      const m2 = this.mentions.find((x) => x.start >= from && x.end <= end && x.end <= before && !possessive(this.text, x.end));
      if (m2) found = this.ofMention(m2);
    }
    return found;
  }

  /** "the PM" → the name after the last "Prime Minister" before it; else the last person speaker. */
  private role(head: Phrase, before: number): Resolved | null {
    const key = head.text.toLowerCase().replace(/^[وف]/, "");
    const full = this.lex.roleFull.get(key) ?? key;
    const lower = this.text.slice(0, before).toLowerCase();
    for (let i = lower.lastIndexOf(full); i >= 0; i = lower.lastIndexOf(full, i - 1)) {
      if (i === head.start) continue;
      const n = lastNameRun(this.text, i, Math.min(before, i + full.length + 60), this.titles);
      if (n && n.start >= i + full.length - 1 && n.start - (i + full.length) < 8) return this.named(n, "person");
      if (i === 0) break;
    }
    // no name to be found: "the spokesman" stays as written
    return this.antecedent("person", before) ?? resolved(this.ref(head), "person", head.start);
  }

  /**
   * Resolves the speaker inside [start, end): `full` when the span is exactly the subject ("the coordinating body for
   * the Iraqi resistance factions"), else a window to pick the speaker from, nearest its end. (In steps, each a method
   * of its own: one function of all of them was compiled five times in a run.)
   */
  resolve(start: number, end: number, full: boolean, anywhere = false, first = false): Resolved | null {
    const text = this.text;
    const rawEnd = end;
    while (start < end && isEdge(text.charCodeAt(start))) start++;
    while (end > start && isEdge(text.charCodeAt(end - 1))) end--;
    if (end <= start) return null;
    // "No group claimed that …", "Nobody has said …": a subject that names nobody is no speaker
    if (this.namesNobody(start, end)) return null;
    // only the first three words, the last one and the count matter here
    const nWords = countWords(text, start, end, 10);
    if (!nWords) return null;
    const first3 = wordsIn(text, start, end, 3);
    // "he said", "it added", "a-t-il déclaré"
    const pronoun = this.pronounKind(start, end, first3);
    if (pronoun !== null && (nWords === 1 || !full)) return this.antecedent(pronoun, start);
    // "an unnamed source in the IRCC": the source stays unnamed even when it names its organisation
    const src = this.lastMatch("source", start, end);
    if (src) {
      const p = phraseAround(text, src, 4, start, end);
      return resolved(this.ref(p), "source", p.start);
    }
    const span: Phrase = { start, end, text: text.slice(start, end) };
    const aside = full ? NO_SPANS : this.asides(start, end, rawEnd);
    const inside = this.mentionsInside(start, end, aside);
    if (inside.length) {
      const m = this.pickMention(inside, start, end, aside, full, anywhere, first);
      if (m) {
        // "the umbrella body of the armed factions" is not the factions themselves
        const head = text.slice(start, m.start);
        if (full && /\s(?:for|of)\s+(?:the\s+)?$/i.test(head) && countWords(head, 0, head.length, 3) >= 3 && !this.lastMatch("role", start, m.start)) {
          return resolved(this.ref(span), "group", start);
        }
        return this.ofMention(m);
      }
    }
    return this.byHeadWord(span, full, anywhere, nWords, first3);
  }

  /** The pronoun kind ("person", "group", "any") of the span's last word when it is a speaker pronoun, else null. */
  private pronounKind(start: number, end: number, first3: readonly Phrase[]): "person" | "group" | "any" | null {
    const lastW = lastWordBefore(this.text, Math.max(start, end - 60), end);
    const lastLower = (lastW !== null ? lastW.replace(/[.’'-]+$/, "") : first3[first3.length - 1].text).toLowerCase();
    const c0 = lastLower.charCodeAt(0);
    const lastKind = this.lex.speakerWords.get(c0 === 0x648 || c0 === 0x641 ? lastLower.replace(/^[وف](?=ال|هو|هي)/, "") : lastLower);
    if (!lastKind || !lastKind.endsWith("pronoun")) return null;
    return lastKind === "person-pronoun" ? "person" : lastKind === "group-pronoun" ? "group" : "any";
  }

  /**
   * In a window, a relative clause or a parenthesis is not the subject: "Kataib Hezbollah, who is suspected … Jordan,
   * has"; nor is an apposition just before the verb: "Kataib Hezbollah, the most influential militia in Iraq, made".
   */
  private asides(start: number, end: number, rawEnd: number): Span[] {
    const text = this.text;
    const aside: Span[] = [];
    const comma = text.indexOf(",", start);
    const paren = text.indexOf("(", start);
    // (both need a comma or a parenthesis)
    if ((comma >= 0 && comma < rawEnd) || (paren >= 0 && paren < rawEnd)) {
      // (an exec loop on one regex: matchAll copied the regex at every call)
      const win = text.slice(start, rawEnd);
      ASIDE.lastIndex = 0;
      for (let m = ASIDE.exec(win); m; m = ASIDE.exec(win)) aside.push({ start: start + m.index, end: start + m.index + m[0].length });
    }
    const c = text.lastIndexOf(",", end - 1);
    if (
      c > start &&
      /,\s*$/.test(text.slice(start, rawEnd)) &&
      /^,\s*\p{Ll}/u.test(text.slice(c, end)) &&
      !/\b(?:who|which|qui|que)\b/.test(text.slice(c, end)) && this.mentions.some((m) => m.end >= c - 1 && m.end <= c && m.start >= start) &&
      // a short apposition that names no person: "Kataib Hezbollah, the most influential militia in Iraq,"
      countWords(text, c, end, 10) <= 9 &&
      !this.mentions.some((m) => m.type === "person" && m.start > c && m.end <= end)
    )
      aside.push({ start: c, end });
    return aside;
  }

  /** The mentions in [start, end) that can be its speaker: not quoted, not possessive, not in an aside, not a platform. */
  private mentionsInside(start: number, end: number, aside: readonly Span[]): SpeakerMention[] {
    const text = this.text;
    const inside: SpeakerMention[] = [];
    // the mentions are in text order: from the first that starts at `start` or later
    const ms = this.mentions;
    for (let k = firstStartingAt(ms, start); k < ms.length && ms[k].start <= end; k++) {
      const m = ms[k];
      if (m.end > end || this.inQuoteAt(m.start, m.end) || possessive(text, m.end)) continue;
      let inAside = false;
      for (let q = 0; q < aside.length; q++) if (aside[q].start <= m.start && m.end <= aside[q].end) inAside = true;
      // "said in a statement on Telegram": the platform is not the speaker
      if (inAside || (m.type === "media" && /(?:\bon|\bsur|\bvia|على|عبر)\s+$/u.test(text.slice(Math.max(0, m.start - 6), m.start)))) continue;
      inside.push(m);
    }
    return inside;
  }

  /** The speaker among the mentions inside the span (those near its end unless `first`), or undefined. */
  private pickMention(inside: readonly SpeakerMention[], start: number, end: number, aside: readonly Span[], full: boolean, anywhere: boolean, first: boolean): SpeakerMention | undefined {
    const text = this.text;
    // the end of the subject: an apposition or relative clause reaching the verb does not count
    let effEnd = end;
    for (let q = 0; q < aside.length; q++) if (aside[q].end >= end - 1 && aside[q].start < effEnd) effEnd = aside[q].start;
    const pool = first || full || anywhere ? inside : inside.filter((x) => countWords(text, x.end, effEnd, 3) <= 2);
    if (!pool.length) return undefined;
    if (!first) return pool[pool.length - 1];
    // a participle ("…, saying") belongs to the last person named before it, else to the clause's first name
    let m: SpeakerMention | undefined;
    for (let q = pool.length - 1; q >= 0 && !m; q--) if (pool[q].type === "person") m = pool[q];
    for (let q = 0; q < pool.length && !m; q++) if (pool[q].type !== "media") m = pool[q];
    m ??= pool[0];
    // "Pentagon press secretary Maj. Gen. Pat Ryder": the person the first name qualifies
    const n = pool[pool.indexOf(m) + 1];
    if (n && n.type === "person" && /^[^;:()]*$/.test(text.slice(m.end, n.start)) && countWords(text, m.end, n.start, 6) <= 5) m = n;
    return m;
  }

  /** No mention speaks: the span's head word (a role, "the statement", a group noun) or a name run tells who does. */
  private byHeadWord(span: Phrase, full: boolean, anywhere: boolean, nWords: number, first3: readonly Phrase[]): Resolved | null {
    const text = this.text;
    const { start, end } = span;
    // (a phrase found by a head word must end near the span's end, unless the span is the subject or anywhere will do)
    const loose = full || anywhere;
    // "the spokesman for the brigades", "المتحدث باسم الكتائب": a phrase headed by a role is that person
    const head = full ? this.lastMatch("role", start, Math.min(end, first3[first3.length - 1].end)) : null;
    if (head) {
      const r = this.role(head, start);
      return r && r.ref.span?.start === head.start ? resolved(this.ref(span), r.kind, r.at, r.type) : r;
    }
    // "the statement said" → the group that issued it
    const st = this.lastMatch("statement", start, end);
    if (st && (loose || end - st.end < 3)) {
      const a = this.statementAuthor(st.start) ?? this.antecedent("group", start);
      if (a) return resolved(a.ref, a.kind, start, a.type);
    }
    const grp = this.lastMatch("group", start, end);
    if (grp && (loose || end - grp.end < 3)) return this.groupPhrase(span, grp, full);
    const name = lastNameRun(text, start, end, this.titles);
    if (name && (loose || end - name.end < 3)) return this.named(name, "person");
    const role = this.lastMatch("role", start, end);
    if (role && (loose || end - role.end < 3)) {
      const r = this.role(role, start);
      // keep the phrase the text uses ("the spokesman", "le porte-parole") when no earlier name was found for it
      return r && r.ref.span?.start === role.start ? resolved(this.ref(phraseAround(text, role, 2, start, end)), r.kind, r.at, r.type) : r;
    }
    if (full && nWords <= 8 && /[\p{L}\p{N}]{4}/u.test(span.text) && !FUNCTION_START.test(span.text)) return resolved(this.ref(span), "other", start);
    return null;
  }

  /** A group noun heads the span: "the group", "la milice" refer back to the group named before; else the phrase. */
  private groupPhrase(span: Phrase, grp: Phrase, full: boolean): Resolved {
    const text = this.text;
    const { start, end } = span;
    const p = full ? span : phraseAround(text, grp, 3, start, end);
    const prev = wordsIn(text, Math.max(start, grp.start - 20), grp.start).pop();
    if (/^(?:ال|وال)/.test(grp.text) || !prev || /^(?:the|this|that|le|la|les|l|ce|cette)$/i.test(prev.text.replace(/['’]$/, ""))) {
      const a = this.antecedent("group", start);
      if (a) return resolved(a.ref, a.kind, start, a.type);
    }
    return resolved(this.ref(p), "group", p.start);
  }
}
