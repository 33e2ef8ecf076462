import { WordBytes } from "../../kb/word-bytes.js";
import type { EntityType } from "../../core/doc.js";
import type { MatchToken } from "../../kb/match-tokens.js";
import { latinKey } from "../../kb/token-keys.js";
import type { DiscoveryLexicon, EntityCue } from "./discovery-lexicon.js";
import { foundMention, mentionList, type FoundMention } from "./found-mention.js";
import { zeroedBytes } from "./zeroed-bytes.js";

const CONNECTORS = new Set(["al", "el", "bin", "ibn", "abdul", "abdel", "abu", "abou", "van", "von", "ul"]);
const FR_LINKS = new Set(["de", "du", "des", "d"]);
// Arabic compound place names keep their second word: "عين علي", "تل بيدر", "دير الزور"
const AR_COMPOUND = new Set(["عين", "تل", "دير", "جرف", "ابو", "أبو", "رأس", "راس", "بئر"]);
const AR_ADJECTIVE = /(ية|يه|يين|يون)$/;
const NONE: readonly never[] = [];
const ORDINAL = /^\d+(?:st|nd|rd|th|e|er|ème)$/i;

/** The lists of a token's keys, in key order, one after the other (no new array when one key or none has a list). */
function listsOf<T>(byKey: ReadonlyMap<string, readonly T[]>, keys: readonly string[]): readonly T[] {
  let found: readonly T[] | null = null;
  let all: T[] | null = null;
  for (const k of keys) {
    const l = byKey.get(k);
    if (!l) continue;
    if (!found) found = l;
    else (all ??= [...found]).push(...l);
  }
  return all ?? found ?? NONE;
}

/** Discovered names of one document, typed from context. */
export interface DiscoveryInput {
  readonly text: string;
  readonly tokens: readonly MatchToken[];
  readonly covered: Uint8Array;
  readonly lex: DiscoveryLexicon;
  /** Tokens that are mentions of an outlet or agency: "Sabah Arar/AFP" credits a person. */
  readonly media?: Uint8Array;
}

/** A photo or byline credit after the name: "ATTA KENARE / AFP", "Sabah Arar/AFP via Getty Images". */
function creditAfter(inp: DiscoveryInput, end: number): boolean {
  const next = inp.tokens[end];
  if (!next || !inp.media?.[end]) return false;
  return /^\s*\/\s*$/.test(inp.text.slice(inp.tokens[end - 1].end, next.start));
}

function adjacent(a: MatchToken, b: MatchToken, text: string): boolean {
  const gap = text.slice(a.end, b.start);
  return gap.length <= 2 && !/[\n,;:.()]/.test(gap);
}

/** What the lexicon says of one word (its keys, case and lower-case form): worked out once per word and lexicon. */
interface WordLex {
  /** A one-word title ("General", "Gen"). */
  readonly title: boolean;
  /** A name stop word (lower case), and the word as written (Arabic). */
  readonly stop: boolean;
  readonly stopRaw: boolean;
  readonly given: boolean;
  readonly connector: boolean;
  /** The cues that start with one of its keys, and the titles that end with one. */
  readonly cues: readonly EntityCue[];
  readonly titles: readonly { readonly keys: readonly string[]; readonly cased: boolean }[];
}

// WordLex's facts as bits, with KNOWN: what the passes test for every token, read by word id (lexBits).
const TITLE = 1;
const STOP = 2;
const STOP_RAW = 4;
const GIVEN = 8;
const CONNECTOR = 16;
const HAS_CUES = 32;
const HAS_TITLES = 64;
const KNOWN = 128;

/** The bits of a WordLex. */
function bitsOf(v: WordLex): number {
  return (
    KNOWN | (v.title ? TITLE : 0) | (v.stop ? STOP : 0) | (v.stopRaw ? STOP_RAW : 0) | (v.given ? GIVEN : 0) |
    (v.connector ? CONNECTOR : 0) | (v.cues.length ? HAS_CUES : 0) | (v.titles.length ? HAS_TITLES : 0)
  );
}

/** A lexicon's bits of each word-table id (0: not known yet). */
const LEX_BITS = new WeakMap<DiscoveryLexicon, WordBytes>();
let lastLex: DiscoveryLexicon | null = null;
let lastBits = new WordBytes(0);

/**
 * The bits of wordLex(lex, t), by the token's word id when it has one: most tokens are only tested (no cue starts
 * with them, no title ends with them), and an array by id answers without visiting the word's objects (a cache miss
 * per token: the scattered word objects are not read by the passes before).
 */
function lexBits(lex: DiscoveryLexicon, t: MatchToken): number {
  const id = t.id;
  if (id < 0) return bitsOf(wordLex(lex, t));
  if (lex !== lastLex) {
    let lb = LEX_BITS.get(lex);
    if (!lb) LEX_BITS.set(lex, (lb = new WordBytes()));
    lastLex = lex;
    lastBits = lb;
  }
  const bits = lastBits.for(id);
  let b = bits[id];
  if (b === 0) bits[id] = b = bitsOf(wordLex(lex, t));
  return b;
}

/** The lexicon's facts of a token's word, from the word's memo (Set and Map look-ups per token per article otherwise). */
function wordLex(lex: DiscoveryLexicon, t: MatchToken): WordLex {
  const w = t.word;
  if (w.lexOf === lex) return w.lex as WordLex;
  const lower = t.raw.toLowerCase();
  let title = false;
  for (const k of t.keys) {
    const cased = lex.titleWords.get(k);
    if (cased !== undefined && (!cased || t.cap)) {
      title = true;
      break;
    }
  }
  const v: WordLex = {
    title, stop: lex.stop.has(lower), stopRaw: lex.stop.has(t.raw), given: lex.givenNames.has(lower), connector: CONNECTORS.has(lower),
    cues: listsOf(lex.cuesByFirst, t.keys), titles: listsOf(lex.titlesByLast, t.keys),
  };
  w.lexOf = lex;
  w.lex = v;
  return v;
}

/**
 * Lines written in title case ("Two American Servicemen Killed by Rocket Attack") say nothing about which words are
 * names: discovery skips them. Returns, per token, whether its line is such a headline.
 */
export function headlineTokens(text: string, tokens: readonly MatchToken[], out: Uint8Array = new Uint8Array(tokens.length)): Uint8Array {
  let lineStart = 0;
  let words = 0;
  let caps = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    // (a token's flags before its string: reading each token's string was a cache miss per token)
    if (i < tokens.length && (t.kind !== "punct" || t.raw !== "\n")) {
      if (t.kind !== "punct" && !t.arabic && !t.article && !t.digit) {
        words++;
        if (t.cap || t.kind === "acronym") caps++;
      }
      continue;
    }
    if (words >= 5 && caps / words >= 0.7) out.fill(1, lineStart, i);
    lineStart = i + 1;
    words = caps = 0;
  }
  return out;
}

/** True when a media mention covers one of the tokens [from, to). */
function mediaWithin(media: Uint8Array | undefined, from: number, to: number): boolean {
  if (!media) return false;
  for (let k = from; k < to && k < media.length; k++) if (media[k]) return true;
  return false;
}

/** The capitalised word run starting at i going forward (max tokens), allowing "al-", "bin", "Abu" inside. */
function runForward(inp: DiscoveryInput, i: number, max: number): number {
  const { tokens, covered, lex, text } = inp;
  let j = i;
  let last = i;
  while (j < tokens.length && j - i < max + 2) {
    const t = tokens[j];
    if (covered[j] || t.kind === "punct" || t.arabic) break;
    if (j > i && !adjacent(tokens[j - 1], t, text)) break;
    const wl = lexBits(lex, t);
    const conn = (wl & CONNECTOR) !== 0 || t.article;
    if (!conn && (!(t.cap || t.kind === "acronym") || (wl & (STOP | TITLE)) !== 0)) break;
    j++;
    if (!conn) last = j;
    if (last - i >= max) break;
  }
  return last;
}

/** Whether the cue's tokens start at i (and agree in case when the cue is capitalised). */
function cueAt(tokens: readonly MatchToken[], i: number, cue: EntityCue): boolean {
  if (i + cue.keys.length > tokens.length) return false;
  for (let k = 0; k < cue.keys.length; k++) if (!tokens[i + k].keys.includes(cue.keys[k])) return false;
  return !/^\p{Lu}/u.test(cue.raw) || tokens[i].cap || tokens[i].kind === "acronym";
}

function mention(inp: DiscoveryInput, from: number, to: number, type: EntityType, via: string): FoundMention {
  const { tokens, text } = inp;
  const start = tokens[from].start;
  const end = tokens[to - 1].end;
  const name = text.slice(start, end).replace(/\s+/g, " ");
  // "new:" and the first keys of the tokens that are no article, joined by spaces
  let key = "new:";
  let words = 0;
  for (let k = from; k < to; k++) if (!tokens[k].article) key += (words++ ? " " : "") + tokens[k].keys[0];
  return foundMention(start, end, text.slice(start, end), from, to, null, key, name, type, via);
}

/** Length of the person title ending just before token i ("Gen." → 2 tokens with the period), or 0. */
function titleBefore(inp: DiscoveryInput, i: number): number {
  const { tokens, lex } = inp;
  let end = i;
  if (end > 0 && tokens[end - 1].kind === "punct" && (tokens[end - 1].raw === "." || tokens[end - 1].raw === ":")) end--;
  if (end === 0 || !(lexBits(lex, tokens[end - 1]) & HAS_TITLES)) return 0;
  const candidates = wordLex(lex, tokens[end - 1]).titles;
  for (const title of candidates) {
    const s = end - title.keys.length;
    if (s < 0 || (title.cased && !tokens[s].cap)) continue;
    let ok = true;
    for (let k = 0; k < title.keys.length && ok; k++) ok = tokens[s + k].keys.includes(title.keys[k]) || latinKey(tokens[s + k].raw) === title.keys[k];
    if (ok) return i - s;
  }
  return 0;
}

/** "Ali Al Salem Air Base" is a facility, not a person: a cue read after the name ("Air Base") types it. */
function facilityCueAt(inp: DiscoveryInput, end: number): boolean {
  const { tokens, lex } = inp;
  return end < tokens.length && tokens[end].keys.some((k) => (lex.cuesByFirst.get(k) ?? []).some((c) => c.where === "after" && cueAt(tokens, end, c)));
}

/**
 * Whether the capitalised run [i, end) reads as a person: a credited name needs no title ("ATTA KENARE / AFP"); in a
 * title-case line only a titled given name or a credit ("Photo: Sabah Arar/AFP") marks a name; elsewhere a given name
 * or a title does.
 */
function personRun(inp: DiscoveryInput, headline: Uint8Array, i: number, end: number, given: boolean, titled: boolean): boolean {
  if (creditAfter(inp, end)) return true;
  const t = inp.tokens[i];
  const creditBefore = titled && /[:/]\s*$/.test(inp.text.slice(Math.max(0, t.start - 3), t.start));
  return headline[i] ? (titled && given) || creditBefore : given || titled;
}

/** People: a known given name or a title followed by capitalised words ("Phil Stewart", "spokesperson Mohannad Mubaydeen"). */
function discoverPeople(inp: DiscoveryInput, headline: Uint8Array): FoundMention[] {
  const { tokens, covered, lex } = inp;
  const out = mentionList();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (covered[i] || t.arabic || t.kind === "punct" || !(t.cap || t.kind === "acronym")) continue;
    const wl = lexBits(lex, t);
    if (wl & (TITLE | STOP)) continue;
    const given = (wl & GIVEN) !== 0;
    const titled = titleBefore(inp, i) > 0;
    if (!given && !titled && !mediaWithin(inp.media, i, i + 6)) continue;
    const end = runForward(inp, i, 4);
    if (end - i < 2 || !personRun(inp, headline, i, end, given, titled) || facilityCueAt(inp, end)) continue;
    out.push(mention(inp, i, end, "person", "discovered"));
    for (let k = i; k < end; k++) covered[k] = 1;
    i = end - 1;
  }
  return out;
}

/**
 * Arabic people: two or three words right after a rank or honorific ("العميد يحيى رسول", "الشيخ أكرم الكعبي"), none a
 * function word, the first without the article (given names do not carry it), up to punctuation.
 */
function discoverArabicPeople(inp: DiscoveryInput): FoundMention[] {
  const { tokens, covered, lex, text } = inp;
  const out = mentionList();
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (covered[i] || !t.arabic || t.raw.startsWith("ال") || (lexBits(lex, t) & STOP_RAW) !== 0 || !titleBefore(inp, i)) continue;
    let end = i + 1;
    while (end < tokens.length && end - i < 3 && tokens[end].arabic && !covered[end] && !lex.stop.has(tokens[end].raw) && /^\s+$/.test(text.slice(tokens[end - 1].end, tokens[end].start))) end++;
    if (end - i < 2) continue;
    out.push(mention(inp, i, end, "person", "discovered"));
    for (let k = i; k < end; k++) covered[k] = 1;
    i = end - 1;
  }
  return out;
}

/** A word of a name read before a cue: capitalised, an article, or an ordinal ("82nd Airborne Brigade"). */
const nameLike = (t: MatchToken): boolean => t.cap || t.article || ORDINAL.test(t.raw);

/** "Harir Air Base", "82nd Airborne Brigade": the capitalised words and ordinals before the cue at i, or null. */
function nameBeforeCue(inp: DiscoveryInput, i: number, cue: EntityCue): FoundMention | null {
  const { tokens, covered, lex } = inp;
  const cueEnd = i + cue.keys.length;
  let s = i;
  while (s > 0 && i - s < 4 && !covered[s - 1] && !tokens[s - 1].arabic && nameLike(tokens[s - 1]) && adjacent(tokens[s - 1], tokens[s], inp.text) && !lex.stop.has(tokens[s - 1].raw.toLowerCase())) s--;
  while (s < i && tokens[s].article) s++;
  if (s === i) return null;
  for (let k = s; k < cueEnd; k++) covered[k] = 1;
  return mention(inp, s, cueEnd, cue.type, "discovered");
}

/**
 * "قاعدة حرير": the Arabic name after the cue at i — not "القاعدة" ("the base"), and not an indefinite adjective
 * ("قاعدة عسكرية"; "الحبانية" is a name); or null.
 */
function arabicNameAfterCue(inp: DiscoveryInput, i: number, cue: EntityCue): FoundMention | null {
  const { tokens, covered, lex } = inp;
  const first = tokens[i];
  const cueEnd = i + cue.keys.length;
  if (/^(?:[وف]?[بك]?ال|[وف]?لل)/.test(first.raw)) return null;
  const n = tokens[cueEnd];
  if (!n || covered[cueEnd] || !n.arabic || /[^\s]/.test(inp.text.slice(first.end, n.start)) || lex.stop.has(n.raw) || (AR_ADJECTIVE.test(n.raw) && !n.raw.startsWith("ال")) || n.raw.length < 3) return null;
  let end = cueEnd + 1;
  if (AR_COMPOUND.has(n.raw) && tokens[end]?.arabic && !covered[end]) end++;
  const from = cue.type === "place" ? cueEnd : i;
  for (let k = i; k < end; k++) covered[k] = 1;
  return mention(inp, from, end, cue.type, "discovered");
}

/** "Camp Taji", "la base de Harir": the capitalised words after the cue at i (past "de", "du"), or null. */
function nameAfterCue(inp: DiscoveryInput, i: number, cue: EntityCue): FoundMention | null {
  const { tokens, covered } = inp;
  let s = i + cue.keys.length;
  while (s < tokens.length && FR_LINKS.has(tokens[s].raw.toLowerCase())) s++;
  const end = runForward(inp, s, 3);
  if (end === s) return null;
  const from = cue.type === "place" ? s : i;
  for (let k = i; k < end; k++) covered[k] = 1;
  return mention(inp, from, end, cue.type, "discovered");
}

/** Groups, facilities, places: a capitalised name beside a typing word ("Harir Air Base", "Camp Taji", "قاعدة حرير"). */
function discoverCued(inp: DiscoveryInput, headline: Uint8Array): FoundMention[] {
  const { tokens, covered, lex } = inp;
  const out = mentionList();
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i] || headline[i] || !(lexBits(lex, tokens[i]) & HAS_CUES)) continue;
    const cues = wordLex(lex, tokens[i]).cues;
    for (let c = 0; c < cues.length; c++) {
      const cue = cues[c];
      if (!cueAt(tokens, i, cue)) continue;
      const m = cue.where === "after" ? nameBeforeCue(inp, i, cue) : tokens[i].arabic ? arabicNameAfterCue(inp, i, cue) : nameAfterCue(inp, i, cue);
      if (m) {
        out.push(m);
        break;
      }
    }
  }
  return out;
}

/** Names the KB does not know, typed from context; marks their tokens covered. */
export function discoverNames(inp: DiscoveryInput): FoundMention[] {
  const headline = headlineTokens(inp.text, inp.tokens, zeroedBytes(2, inp.tokens.length));
  const out = mentionList();
  const people = discoverPeople(inp, headline);
  for (let i = 0; i < people.length; i++) out.push(people[i]);
  const arabic = discoverArabicPeople(inp);
  for (let i = 0; i < arabic.length; i++) out.push(arabic[i]);
  const cued = discoverCued(inp, headline);
  for (let i = 0; i < cued.length; i++) out.push(cued[i]);
  return out;
}

/** Types a name from its last words ("… Coordination Committee" → organization), for acronym definitions. */
export function typeFromCues(lex: DiscoveryLexicon, words: readonly string[]): EntityType {
  for (const c of lex.cues) {
    if (c.where !== "after") continue;
    const tail = words.slice(-c.keys.length).map((w) => latinKey(w));
    if (tail.length === c.keys.length && tail.every((k, i) => k === c.keys[i])) return c.type;
  }
  return "organization";
}
