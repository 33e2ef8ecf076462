import type { Doc, Sentence, Token } from "../../core/doc.js";
import { firstStartingAt } from "../../core/first-starting-at.js";
import { tokenWordIds } from "../segment/segment-text.js";
import { wordTableGeneration } from "../../kb/word-table.js";
import { WordBytes } from "../../kb/word-bytes.js";
import { objectList } from "../../core/object-list.js";

/** A token of a sentence as the event rules see it: normalized forms for lexicon lookup, offsets into doc.text. */
export interface EventToken {
  readonly start: number;
  readonly end: number;
  /** The normalized surface form first, then clitic-stripped variants (Arabic و/ف/ب/ل/ال, French l'/d'). */
  readonly forms: readonly string[];
  readonly isWord: boolean;
  /** The phrases each form may start, as matcher `by` compiled them (looked up once per word, kept on its shape). */
  readonly starts?: readonly (readonly unknown[])[];
  readonly by?: object;
  /** With `by`: bit t set when a phrase of table t may start on this token (see WordShape). */
  readonly tables?: number;
  /** With `by`: the phrases the token's forms may start as the matcher tries them (phrase-matcher.ts), or undefined. */
  readonly plan?: unknown;
}

const AR_DIACRITICS = /[\u064B-\u065F\u0670\u0640]/g;

/** Lower-cases and folds a word the way the lexicons are written (apostrophes, Arabic alef/ya/ta marbuta). */
export function normalizeWord(w: string, lang: string): string {
  let s = w.toLowerCase();
  if (s.includes("’") || s.includes("`") || s.includes("ʼ")) s = s.replace(/[’`ʼ]/g, "'");
  if (lang === "ar") s = s.replace(AR_DIACRITICS, "").replace(/[أإآٱ]/g, "ا").replace(/ى/g, "ي").replace(/ة/g, "ه");
  return s;
}

/** Arabic variants of a word with its proclitics removed: "والهجمات" → هجمات. */
function arabicForms(w: string): string[] {
  const out = [w];
  let s = w;
  if (s.length > 3 && /^[وف]/.test(s)) out.push((s = s.slice(1)));
  if (s.length > 3 && /^[بلك]/.test(s)) {
    const t = s.slice(1);
    out.push(t);
    if (s.startsWith("لل") && s.length > 4) out.push("ال" + s.slice(2), s.slice(2));
    s = t;
  }
  if (s.length > 4 && s.startsWith("ال")) out.push(s.slice(2));
  // "استهدافها", "عملياتهم": an attached pronoun after the noun
  for (const f of [...out]) {
    const suf = ARABIC_SUFFIXES.find((x) => f.endsWith(x) && f.length - x.length >= 3);
    if (suf) out.push(f.slice(0, -suf.length));
  }
  return out;
}

/** Attached pronouns (folded): "ها" her/its, "هم" their, "هما", "هن", "نا" our, "كم" your. */
const ARABIC_SUFFIXES = ["هما", "ها", "هم", "هن", "نا", "كم"];

type Starts = readonly (readonly unknown[])[] | undefined;

function mk(start: number, end: number, forms: readonly string[], isWord: boolean, starts: Starts, by: object | undefined, tables: number, plan: unknown): EventToken {
  return { start, end, forms, isWord, starts, by, tables, plan };
}

/** An event token as a pool reuses it. */
type PooledToken = { -readonly [K in keyof EventToken]: EventToken[K] };

/**
 * Event tokens made for one document and made over for the next: the events stage reads its tokens only while it
 * runs, and a few hundred small objects an article are work for the collector. `reset` before each document.
 */
export class TokenPool {
  private readonly items: PooledToken[] = [];
  private used = 0;

  /** Makes every token available again (the tokens handed out before are then overwritten). */
  reset(): void {
    this.used = 0;
  }

  take(start: number, end: number, forms: readonly string[], isWord: boolean, starts: Starts, by: object | undefined, tables: number, plan: unknown): EventToken {
    // (a very long document: its extra tokens are not kept for the next)
    if (this.used >= MAX_POOLED) return mk(start, end, forms, isWord, starts, by, tables, plan);
    let t = this.items[this.used];
    if (t === undefined) this.items.push((t = { start, end, forms, isWord, starts, by, tables, plan }));
    else {
      t.start = start;
      t.end = end;
      t.forms = forms;
      t.isWord = isWord;
      t.starts = starts;
      t.by = by;
      t.tables = tables;
      t.plan = plan;
    }
    this.used++;
    return t;
  }
}

const MAX_POOLED = 20_000;

/** What makes a sentence's tokens: a pool, or FRESH (new objects). */
interface TokenMaker {
  take(start: number, end: number, forms: readonly string[], isWord: boolean, starts: Starts, by: object | undefined, tables: number, plan: unknown): EventToken;
}
const FRESH: TokenMaker = { take: mk };

/**
 * How a surface word becomes event tokens: its forms, or (French elision) a split point and two form lists; and what
 * the last matcher (`by`) found for it, kept on the shape itself (one object to reach per token): the phrases each
 * form (and the elided word's rest) may start, and the tables they belong to.
 */
export interface WordShape {
  readonly forms: readonly string[];
  /** Characters of the elided article ("l'") when the word splits in two, else 0. */
  readonly cut: number;
  readonly rest: readonly string[] | undefined;
  by: object | undefined;
  starts: readonly (readonly unknown[])[] | undefined;
  restStarts: readonly (readonly unknown[])[] | undefined;
  /** Bit t set when a phrase of table t may start on the word (or on its rest). */
  tables: number;
  /** The same for the word's own forms, and for its rest alone. */
  headTables: number;
  restTables: number;
  /** What `by` tries on the word (and on its rest) when a phrase may start there: see EventToken.plan. */
  plan: unknown;
  restPlan: unknown;
}

function newShape(forms: readonly string[], cut: number, rest: readonly string[] | undefined): WordShape {
  return { forms, cut, rest, by: undefined, starts: undefined, restStarts: undefined, tables: 0, headTables: 0, restTables: 0, plan: undefined, restPlan: undefined };
}

/** Shapes by language and word-ness, then by word: words recur, so each is normalized once. */
const shapes = new Map<string, Map<string, WordShape>>();
const punctShapes = new Map<string, Map<string, WordShape>>();
/** A bound on the cache, cleared when reached (a long run over a varied corpus). */
const MAX_SHAPES = 200_000;

/** The cache of word (or punctuation) shapes of a language, for a caller that looks up many words. */
export function shapeCache(lang: string, isWord: boolean): Map<string, WordShape> {
  const memo = isWord ? shapes : punctShapes;
  let byLang = memo.get(lang);
  if (!byLang) memo.set(lang, (byLang = new Map()));
  return byLang;
}

/** One string object per form: equal forms and pattern words are then the same object, compared at once. */
const interned = new Map<string, string>();

/** The canonical string equal to s (the lexicons' words and the shapes' forms share it). */
export function intern(s: string): string {
  const k = interned.get(s);
  if (k !== undefined) return k;
  if (interned.size >= 400_000) interned.clear();
  interned.set(s, s);
  return s;
}

/** The event-token shape of a surface token (cached): normalized forms, French elision split. */
export function shapeOf(text: string, isWord: boolean, lang: string, cache?: Map<string, WordShape>): WordShape {
  const byLang = cache ?? shapeCache(lang, isWord);
  let sh = byLang.get(text);
  if (sh) return sh;
  const norm = normalizeWord(text, lang);
  sh = newShape(lang === "ar" && isWord ? internAll(arabicForms(norm)) : [intern(norm)], 0, undefined);
  if (lang === "fr" && isWord) {
    const m = /^(qu|jusqu|lorsqu|puisqu|[ldjmnstc])'(.+)$/.exec(norm);
    if (m) sh = newShape([intern(m[1] + "'")], m[1].length + 1, [intern(m[2])]);
  }
  if (byLang.size >= MAX_SHAPES) byLang.clear();
  // (a copy of a long word as the key: a slice of 13 characters or more shares the article's text, which the cache
  // would otherwise keep alive)
  byLang.set(text.length >= 13 ? (" " + text).slice(1) : text, sh);
  return sh;
}

/** The interned forms, in a list pushed one by one (map() would make a list with holes to the engine: another map). */
function internAll(forms: readonly string[]): string[] {
  const out: string[] = [];
  for (let k = 0; k < forms.length; k++) out.push(intern(forms[k]));
  return out;
}

/** Shapes of short lower-case words ("the", "of", "a", "in"), by language, then by their letters as a number. */
const shortWords = new Map<string, (WordShape | undefined)[]>();

/** The index of a word of one to three letters a-z among all such words, or -1 for any other word. */
function shortIndex(text: string): number {
  const n = text.length;
  if (n > 3) return -1;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i) - 97;
    if (c < 0 || c > 25) return -1;
    k = k * 26 + c + 1;
  }
  return k;
}

/**
 * shapeOf a word token: the most frequent words, short and in lower case, are found by their letters in a list (the
 * same shape the cache holds) rather than by hashing and comparing the string in the cache's Map.
 */
export function wordShapeOf(text: string, lang: string, cache?: Map<string, WordShape>): WordShape {
  const k = shortIndex(text);
  if (k < 0) return shapeOf(text, true, lang, cache);
  let byIndex = shortWords.get(lang);
  if (!byIndex) shortWords.set(lang, (byIndex = new Array<WordShape | undefined>(SHORT_WORDS).fill(undefined)));
  return (byIndex[k] ??= shapeOf(text, true, lang, cache));
}

/** 26 + 26² + 26³ short words, and index 0 unused. */
const SHORT_WORDS = 1 + 26 + 26 * 26 + 26 * 26 * 26;

/** Shapes of one-character punctuation by language, then by character code. */
const singlePunct = new Map<string, WordShape[]>();

/** shapeOf a punctuation token: most are one character, found by its code rather than by hashing the string. */
export function punctShapeOf(text: string, lang: string, cache?: Map<string, WordShape>): WordShape {
  if (text.length !== 1) return shapeOf(text, false, lang, cache);
  let byCode = singlePunct.get(lang);
  if (!byCode) singlePunct.set(lang, (byCode = []));
  const code = text.charCodeAt(0);
  return (byCode[code] ??= shapeOf(text, false, lang, cache));
}

/** Word shapes of one language by word id (word-table.ts), words and punctuation apart. */
interface ShapesById {
  readonly words: (WordShape | undefined)[];
  readonly puncts: (WordShape | undefined)[];
  /** wordsAnswer's answers by question, then by word id. */
  readonly verdicts: Map<WordQuestion, WordBytes>;
}

/** Shapes by language, then by word id, for the word table's current generation (ids of another name other words). */
const byIdOf = new Map<string, ShapesById>();
let byIdGeneration = -1;

/** The shapes by word id of a language (emptied when the word table starts again). */
function shapesById(lang: string): ShapesById {
  if (byIdGeneration !== wordTableGeneration()) {
    byIdOf.clear();
    byIdGeneration = wordTableGeneration();
  }
  let s = byIdOf.get(lang);
  if (!s) byIdOf.set(lang, (s = { words: objectList(), puncts: objectList(), verdicts: new Map() }));
  return s;
}

/**
 * The shape of token ti of the document: by its word id when segment gave one (an array read, no string hashed),
 * else by its text.
 */
function tokenShape(t: Token, ti: number, ids: Int32Array | null, byId: ShapesById | null, lang: string, words: Map<string, WordShape>, puncts: Map<string, WordShape>): WordShape {
  if (ids === null || byId === null) return t.isWord ? wordShapeOf(t.text, lang, words) : punctShapeOf(t.text, lang, puncts);
  const id = ids[ti];
  const list = t.isWord ? byId.words : byId.puncts;
  let sh = list[id];
  if (sh === undefined) {
    sh = t.isWord ? wordShapeOf(t.text, lang, words) : punctShapeOf(t.text, lang, puncts);
    // (grown in order, without holes: ids are handed out from 0 up)
    while (list.length < id) list.push(undefined);
    list[id] = sh;
  }
  return sh;
}

/** A question about words whose answer is the same wherever a word stands (asked of its shape), for wordsAnswer. */
export interface WordQuestion {
  /** The answer for a word token of this shape (with a French elision's rest: the two word tokens it makes). */
  ask(sh: WordShape): boolean;
}

/**
 * True when some word token of sentence `sentenceIndex` gets a yes to `q`, told from the word ids segment gave the
 * tokens: each id's answer is kept in a byte (per question, until the word table starts again), so no event token is
 * made, and no shape reached for a word asked about before. Null when the tokens have no word ids (the caller then asks
 * the sentence's tokens).
 */
export function wordsAnswer(sentences: readonly Sentence[], all: readonly Token[], sentenceIndex: number, lang: string, q: WordQuestion): boolean | null {
  const ids = tokenWordIds(all);
  if (ids === null) return null;
  const byId = shapesById(lang);
  let bytes = byId.verdicts.get(q);
  if (bytes === undefined) byId.verdicts.set(q, (bytes = new WordBytes(1024)));
  const s: Sentence = sentences[sentenceIndex];
  for (let ti = firstStartingAt(all, s.start); ti < all.length && all[ti].start < s.end; ti++) {
    const t = all[ti];
    if (t.sentence !== sentenceIndex || !t.isWord) continue;
    const id = ids[ti];
    const verdicts = bytes.for(id);
    // 0: not asked yet, 1: no, 2: yes
    let v = verdicts[id];
    if (v === 0) verdicts[id] = v = q.ask(tokenShape(t, ti, ids, byId, lang, shapeCache(lang, true), shapeCache(lang, false))) ? 2 : 1;
    if (v === 2) return true;
  }
  return false;
}

/**
 * Tokens of one sentence for the event rules (French elisions split off, Arabic clitic variants added);
 * `shapes`, when given, holds the shape of each of doc.tokens already looked up; `pool` makes the tokens over;
 * `primer` (a table of the annotator that will read them) primes each word's shape first.
 */
export function sentenceTokens(
  doc: Doc,
  sentenceIndex: number,
  lang: string,
  shapes?: readonly (WordShape | undefined)[],
  pool?: TokenPool,
  primer?: { mayStartShape(sh: WordShape, isWord: boolean): boolean },
): EventToken[] {
  return sentenceTokensIn(doc.sentences!, doc.tokens ?? [], sentenceIndex, lang, shapes, pool, primer);
}

/**
 * sentenceTokens of the document's sentences and tokens: a caller that reads many sentences of a document passes its
 * lists (Docs have many object shapes, by the fields the stages before gave them: read here, they would have this
 * function optimized again for each new one).
 */
export function sentenceTokensIn(
  sentences: readonly Sentence[],
  all: readonly Token[],
  sentenceIndex: number,
  lang: string,
  shapes?: readonly (WordShape | undefined)[],
  pool?: TokenPool,
  primer?: { mayStartShape(sh: WordShape, isWord: boolean): boolean },
): EventToken[] {
  // tokens taken from the pool when one is given, else made anew
  const make: TokenMaker = pool ?? FRESH;
  // gathered in a scratch list, then copied at their exact number (no list grown and dropped per sentence; the
  // scratch list keeps its room: setting its length to 0 would give its store back)
  const out = scratchTokens;
  let n = 0;
  const s: Sentence = sentences[sentenceIndex];
  // tokens are in text order: start at the sentence's first one
  const lo = firstTokenOf(all, s.start);
  // the two caches, looked up once for the sentence rather than once a token
  const words = shapeCache(lang, true);
  const puncts = shapeCache(lang, false);
  // the word ids segment gave the document's tokens (null when the tokens are no segmentation's, or the word table started again since)
  const ids = tokenWordIds(all);
  const byId = ids !== null ? shapesById(lang) : null;
  let ti = lo;
  for (; ti < all.length && all[ti].start < s.end; ti++) {
    const t = all[ti];
    if (t.sentence !== sentenceIndex) continue;
    const sh = shapes?.[ti] ?? tokenShape(t, ti, ids, byId, lang, words, puncts);
    // (primed as it is read: its token then carries the phrases it may start)
    if (primer !== undefined) primer.mayStartShape(sh, t.isWord);
    const by = sh.by;
    if (by === undefined) {
      // (not looked up by a matcher: it looks the forms up itself)
      if (sh.cut) {
        out[n++] = make.take(t.start, t.start + sh.cut, sh.forms, true, undefined, undefined, -1, undefined);
        out[n++] = make.take(t.start + sh.cut, t.end, sh.rest!, true, undefined, undefined, -1, undefined);
      } else out[n++] = make.take(t.start, t.end, sh.forms, t.isWord, undefined, undefined, -1, undefined);
      continue;
    }
    if (sh.cut) {
      out[n++] = make.take(t.start, t.start + sh.cut, sh.forms, true, sh.starts, by, sh.headTables, sh.plan);
      out[n++] = make.take(t.start + sh.cut, t.end, sh.rest!, true, sh.restStarts, by, sh.restTables, sh.restPlan);
      continue;
    }
    out[n++] = make.take(t.start, t.end, sh.forms, t.isWord, sh.starts, by, sh.headTables, sh.plan);
  }
  // where the next sentence's tokens may start
  hintTokens = all;
  hint = ti;
  const made = out.slice(0, n);
  (made as unknown as { [ANNOTATIONS]: unknown })[ANNOTATIONS] = undefined;
  (made as unknown as { [REFINER_CUES]: unknown })[REFINER_CUES] = undefined;
  // (the tokens left in the scratch list are pooled or dropped with the document: nothing to clear)
  return made;
}

/** The document tokens of the last sentence made and where its tokens ended: the next sentence's usually start there. */
let hintTokens: readonly Token[] | null = null;
let hint = 0;

/**
 * firstStartingAt(all, pos): from where the last sentence's tokens ended when that is at or before it (sentences are
 * mostly asked for in order; a binary search reaches a token of the document at every step), else by binary search.
 */
function firstTokenOf(all: readonly Token[], pos: number): number {
  let k = hint;
  if (all !== hintTokens || k > all.length || (k > 0 && all[k - 1].start >= pos)) return firstStartingAt(all, pos);
  // (a sentence further on: a binary search after a few steps)
  for (let steps = 0; k < all.length && all[k].start < pos; k++) if (++steps > 8) return firstStartingAt(all, pos);
  return k;
}

/**
 * Where a sentence's token array keeps its annotations (phrase-matcher.ts). Every list sentenceTokens hands out has the
 * property from the start (undefined until annotated): a property added later would give the list another map, and the
 * loops that read tokens would see two.
 */
export const ANNOTATIONS = Symbol("event-annotations");

/** Where a sentence's token array keeps the positions of its ACLED refiner cues (refine-acled.ts), set up the same way. */
export const REFINER_CUES = Symbol("refiner-cues");

/** sentenceTokens' scratch list (one call at a time). */
const scratchTokens: EventToken[] = [];
