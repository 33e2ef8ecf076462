import type { EventToken, WordShape } from "./event-tokens.js";
import { ANNOTATIONS, intern, normalizeWord } from "./event-tokens.js";
import { objectList } from "../../core/object-list.js";

/** One match of a lexicon phrase over tokens [from, to). */
export interface PhraseMatch<T> {
  readonly from: number;
  readonly to: number;
  readonly value: T;
}

/**
 * The shared empty answer (no phrase starts here, no match): read-only by its type; not frozen, and of the elements
 * kind of the filled lists (objectList), so the loops that read answers see one array map.
 */
const EMPTY: readonly never[] = objectList();
/** The annotation of a position where no phrase starts. */
const NONE: (number | PhraseMatch<unknown>[])[] = [];
const tableOf = (x: { readonly t: number }) => x.t;
const valueOf = (x: { readonly v: unknown }) => x.v;

interface Compiled<T> {
  readonly words: readonly string[];
  /** The words after the first, parsed once: what phraseEnd checks on the following tokens. */
  readonly rest: readonly WordPattern[];
  /** The first word's stem, for `word*` phrases. */
  readonly stem: string | undefined;
  /** Characters of the pattern: the longer, the more specific ("condemnation*" before "condemn*"). */
  readonly size: number;
  readonly value: T;
  /** Its matches by start position, made once: a phrase matched at token i always spans the same tokens. */
  readonly at: (PhraseMatch<unknown> & { size: number })[];
}

/** How a pattern word matches a form: any word (`~`), exactly, by stem (`word*`) or by ending (`*ending`). */
const ANY = 0, EXACT = 1, STEM = 2, ENDING = 3;

/** A pattern word parsed once (as wordMatches reads it), so that matching slices no string. */
interface WordPattern {
  readonly kind: number;
  readonly s: string;
}

function parseWord(pat: string): WordPattern {
  if (pat === "~") return { kind: ANY, s: "" };
  if (pat.startsWith("*") && pat.length > 1) return { kind: ENDING, s: pat.slice(1) };
  if (pat.endsWith("*") && pat.length > 1) return { kind: STEM, s: pat.slice(0, -1) };
  return { kind: EXACT, s: intern(pat) };
}

/** wordMatches of a parsed pattern. */
function patternMatches(p: WordPattern, forms: readonly string[]): boolean {
  const s = p.s;
  switch (p.kind) {
    case ANY:
      return true;
    case EXACT:
      for (let i = 0; i < forms.length; i++) if (forms[i] === s) return true;
      return false;
    case STEM:
      for (let i = 0; i < forms.length; i++) if (forms[i].startsWith(s)) return true;
      return false;
    default:
      for (let i = 0; i < forms.length; i++) if (forms[i].length > s.length + 1 && forms[i].endsWith(s)) return true;
      return false;
  }
}

/** Lists of this many phrases or more (those of "the", "a", "in") are indexed by their phrases' second word. */
const SECOND_INDEX_MIN = 6;

/**
 * The phrases of a list by their second word when it is an exact word, and (as `others`) the positions of the rest:
 * one word alone, or a second word that is a stem, an ending or any word. Positions ascend.
 */
interface SecondIndex {
  readonly by: ReadonlyMap<string, readonly number[]>;
  readonly others: readonly number[];
}

/**
 * Sets a list of phrases' index by second word (made by startsWith, not yet shared), on the list itself: undefined for
 * a short list. (Every list startsWith hands out gets the property, so that all have one array map.)
 */
function indexSecondWords(list: readonly Compiled<unknown>[]): void {
  let index: SecondIndex | undefined;
  if (list.length >= SECOND_INDEX_MIN) {
    const by = new Map<string, number[]>();
    const others: number[] = [];
    for (let k = 0; k < list.length; k++) {
      const second = list[k].rest[0];
      if (second === undefined || second.kind !== EXACT) others.push(k);
      else {
        const l = by.get(second.s);
        if (l) l.push(k);
        else by.set(second.s, [k]);
      }
    }
    index = { by, others };
  }
  (list as { second?: SecondIndex }).second = index;
}

/**
 * The positions in `list` of the phrases that may match with a next token of forms `next`, ascending (the order the
 * whole list would be tried in), or null to try them all (a short list, not indexed).
 */
function secondPicks(list: readonly unknown[], next: readonly string[]): readonly number[] | null {
  const sec = (list as { second?: SecondIndex }).second;
  if (sec === undefined) return null;
  if (next.length === 1) {
    const b = sec.by.get(next[0]);
    if (b === undefined) return sec.others;
    if (sec.others.length === 0) return b;
    // two ascending lists with no position in common, merged
    const a = sec.others;
    // (pushed, not written into a list made at its size: a list made so has holes to the engine, another map)
    const out: number[] = [];
    for (let x = 0, y = 0, k = 0; k < a.length + b.length; k++) out.push(y >= b.length || (x < a.length && a[x] < b[y]) ? a[x++] : b[y++]);
    return out;
  }
  // (Arabic: several forms) the others and the phrases of each form, in ascending order, each once
  const picked: number[] = [];
  for (let k = 0; k < sec.others.length; k++) picked.push(sec.others[k]);
  for (let f = 0; f < next.length; f++) {
    const b = sec.by.get(next[f]);
    if (b !== undefined) for (let k = 0; k < b.length; k++) if (!picked.includes(b[k])) picked.push(b[k]);
  }
  picked.sort((x, y) => x - y);
  return picked;
}

/**
 * What groupedAt tries on a primed word (made once per word and matcher, kept on its shape and handed to its tokens):
 * the phrases its forms may start, each once, in the order the forms' lists would be tried (a phrase of two forms'
 * lists where the first form has it: the order its matches are listed in), in one dense list read front to back.
 */
interface StartPlan {
  readonly cands: readonly Compiled<unknown>[];
  /**
   * By candidate, in lists of their own (read in order, without reaching the candidates that cannot match): its number
   * of words after the first, and its second word when exact (the next token must have that form), else null.
   */
  readonly lens: readonly number[];
  readonly seconds: readonly (string | null)[];
  /**
   * When every candidate is one word, the annotation of the word is the same wherever it stands at position i of a
   * sentence: kept here by position (below MEMO_MAX; undefined until made; null: no match). Else null.
   */
  readonly memo: ((number | PhraseMatch<unknown>[])[] | null | undefined)[] | null;
  /**
   * Else, when the word has at most 31 candidates: by position, the last annotation made there and the candidates that
   * matched for it (bit k: candidate k). Which match at a position is told from the next tokens alone (a candidate's
   * match always ends as many tokens later as it has words), its matches and their annotation are then the kept ones
   * when the same candidates match. Else null.
   */
  readonly byMask: (MaskMemo | undefined)[] | null;
  /** The group and value functions the memo was made with (the annotator's; another caller does not use it). */
  memoGroup: unknown;
  memoValue: unknown;
  /**
   * With byMask, for a word of SECOND_INDEX_MIN candidates or more (else null): the candidates by their second word
   * when it is exact (as bits), so that matchMask reads only those the next token names. `twoWords`: those of two
   * words (matched when named); `loose`: those whose second word is a stem, an ending or any word (read in full);
   * `always`: those of one word.
   */
  readonly bySecond: ReadonlyMap<string, number> | null;
  readonly always: number;
  readonly twoWords: number;
  readonly loose: number;
}

/** Positions whose annotations a plan keeps (matchOf keeps matches below 512 too). */
const MEMO_MAX = 512;

/** The plan of the start lists of a word's forms (as startsWith gives them). */
function planOf(lists: readonly (readonly Compiled<unknown>[])[]): StartPlan {
  const cands: Compiled<unknown>[] = [];
  const lens: number[] = [];
  const seconds: (string | null)[] = [];
  let oneWord = true;
  for (let fi = 0; fi < lists.length; fi++) {
    const list = lists[fi];
    for (let k = 0; k < list.length; k++) {
      const c = list[k];
      if (cands.includes(c)) continue;
      cands.push(c);
      lens.push(c.rest.length);
      const second = c.rest.length > 0 ? c.rest[0] : undefined;
      seconds.push(second !== undefined && second.kind === EXACT ? second.s : null);
      if (second !== undefined) oneWord = false;
    }
  }
  const masked = !oneWord && cands.length <= 31;
  // (the index of second words: for a word of many candidates, "the", "a", "in")
  let bySecond: Map<string, number> | null = null;
  let always = 0, twoWords = 0, loose = 0;
  if (masked && cands.length >= SECOND_INDEX_MIN) {
    bySecond = new Map();
    for (let k = 0; k < cands.length; k++) {
      const second = seconds[k];
      if (lens[k] === 0) always |= 1 << k;
      else if (second === null) loose |= 1 << k;
      else {
        bySecond.set(second, (bySecond.get(second) ?? 0) | (1 << k));
        if (lens[k] === 1) twoWords |= 1 << k;
      }
    }
  }
  return { cands, lens, seconds, memo: oneWord ? [] : null, byMask: masked ? [] : null, memoGroup: null, memoValue: null, bySecond, always, twoWords, loose };
}

/** A plan's annotation at a position, with the candidates it was made of. */
interface MaskMemo {
  mask: number;
  ann: (number | PhraseMatch<unknown>[])[];
}

/**
 * Where candidate k of a plan's match at token i ends (the token after its last word), or -1 when it does not match
 * there; `next` is the forms of token i + 1, or null.
 */
function candidateEnd(plan: StartPlan, tokens: readonly EventToken[], i: number, k: number, next: readonly string[] | null): number {
  const len = plan.lens[k];
  if (len === 0) return i + 1;
  if (next === null) return -1;
  const second = plan.seconds[k];
  if (second !== null && !hasForm(next, second)) return -1;
  // (two words, the second exact and next: a match, as phraseEnd would find)
  if (second !== null && len === 1) return i + 2;
  return phraseEnd(plan.cands[k].rest, tokens, i);
}

/** The candidates of a plan (of at most 31) that match at token i, as bits. */
function matchMask(plan: StartPlan, tokens: readonly EventToken[], i: number): number {
  const next = i + 1 < tokens.length ? tokens[i + 1].forms : null;
  const bySecond = plan.bySecond;
  if (bySecond !== null) {
    // (as candidateEnd finds, candidate by candidate, for the candidates the next token may continue)
    let mask = plan.always;
    if (next === null) return mask;
    let named = 0;
    for (let f = 0; f < next.length; f++) {
      const b = bySecond.get(next[f]);
      if (b !== undefined) named |= b;
    }
    mask |= named & plan.twoWords;
    // the longer phrases whose second word is next, and those whose second word is no exact word: read in full
    for (let check = (named & ~plan.twoWords) | plan.loose; check !== 0; check &= check - 1) {
      const k = 31 - Math.clz32(check & -check);
      if (phraseEnd(plan.cands[k].rest, tokens, i) >= 0) mask |= 1 << k;
    }
    return mask;
  }
  let mask = 0;
  for (let k = 0; k < plan.lens.length; k++) if (candidateEnd(plan, tokens, i, k, next) >= 0) mask |= 1 << k;
  return mask;
}

/** True when one of the forms is s (an interned form: compared as an object). */
function hasForm(forms: readonly string[], s: string): boolean {
  for (let f = 0; f < forms.length; f++) if (forms[f] === s) return true;
  return false;
}

/** A scratch list for groupedAt (one call at a time: the matcher is synchronous). */
const scratch: { g: number; m: unknown }[] = [];
/** The one-element list of a match, made once (a shared, read-only match). */
function alone<U>(m: PhraseMatch<U>): PhraseMatch<U>[] {
  const holder = m as unknown as { alone: PhraseMatch<U>[] | null };
  return holder.alone ?? (holder.alone = [m]);
}

/** The match of compiled phrase `c` at token i ending before token j, shared by every sentence (matches are read-only). */
function matchOf<U>(c: Compiled<unknown>, i: number, j: number, value: U): PhraseMatch<U> & { size: number } {
  const memo = c.at;
  const m = memo[i];
  if (m && m.to === j) return m as PhraseMatch<U> & { size: number };
  // (every field made at once: one hidden class for all matches)
  const made = { from: i, to: j, value, size: c.size, alone: null, single: null, several: null };
  if (i < 512) memo[i] = made;
  return made;
}

/**
 * Sorts matches in place, longest first (by end, then by pattern size), stably: as
 * `xs.sort((a, b) => b.to - a.to || b.size - a.size)`, by insertion (the lists are short; sort() copies each one).
 */
function longestFirst(xs: { readonly to: number; readonly size: number }[]): void {
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i];
    let j = i - 1;
    while (j >= 0 && (xs[j].to < x.to || (xs[j].to === x.to && xs[j].size < x.size))) {
      xs[j + 1] = xs[j];
      j--;
    }
    xs[j + 1] = x;
  }
}

function wordMatches(pat: string, forms: readonly string[]): boolean {
  if (pat === "~") return true;
  if (pat.startsWith("*") && pat.length > 1) {
    const suffix = pat.slice(1);
    return forms.some((f) => f.length > suffix.length + 1 && f.endsWith(suffix));
  }
  if (pat.endsWith("*") && pat.length > 1) {
    const stem = pat.slice(0, -1);
    return forms.some((f) => f.startsWith(stem));
  }
  return forms.includes(pat);
}

/**
 * Finds lexicon phrases ("drone strike*", "carried out", "~") in token sequences. Phrases are indexed by their
 * first word (exact, or stem for `word*`), so a lookup costs a few map probes per token.
 */
export class PhraseMatcher<T> {
  private readonly exact = new Map<string, Compiled<T>[]>();
  /** `word*` phrases by the first three letters of their stem; stems shorter than that apart. */
  private readonly stemIndex = new Map<string, Compiled<T>[]>();
  // (lists of one elements kind whether empty or not: the matchers of every language share one map for each)
  private readonly shortStems: Compiled<T>[] = objectList();
  /** Phrases whose first word is `*ending` ("*ront": continueront, frapperont), tried on every token. */
  private readonly suffixed: Compiled<T>[] = objectList();
  /** The endings of the suffixed phrases' first words. */
  private readonly suffixes: string[] = objectList();

  /** Builds a matcher from (phrase, value) rows in language `lang`. */
  constructor(rows: readonly { phrase: string; value: T }[], lang: string) {
    for (const r of rows) {
      let phrase = normalizeWord(r.phrase, lang).replace(/-/g, " - ");
      // "l'attaque" is two tokens, as the tokenizer splits French elisions
      if (lang === "fr") phrase = phrase.replace(/(^|\s)(qu|jusqu|lorsqu|puisqu|[ldjmnstc])'(?=\S)/g, "$1$2' ");
      const words = phrase.split(/\s+/).filter(Boolean);
      if (!words.length) continue;
      const first = words[0];
      const stem = first.endsWith("*") && first.length > 1 && !first.startsWith("*") ? first.slice(0, -1) : undefined;
      const c: Compiled<T> = { words, rest: words.slice(1).map(parseWord), stem, size: words.join(" ").length, value: r.value, at: [] };
      if (first.startsWith("*") && first.length > 1) {
        this.suffixed.push(c);
        if (!this.suffixes.includes(first.slice(1))) this.suffixes.push(first.slice(1));
      }
      else if (stem !== undefined) {
        if (stem.length < 3) this.shortStems.push(c);
        else {
          const k = stem.slice(0, 3);
          const l = this.stemIndex.get(k) ?? [];
          l.push(c);
          this.stemIndex.set(k, l);
        }
      } else {
        const l = this.exact.get(first) ?? [];
        l.push(c);
        this.exact.set(first, l);
      }
    }
  }

  /** Phrases whose first word a form matches, by form: words recur, so each form is looked up once. */
  private readonly firstWord = new Map<string, readonly Compiled<T>[]>();
  /** The same for punctuation tokens (no `*ending` phrase starts on one). */
  private readonly firstPunct = new Map<string, readonly Compiled<T>[]>();

  /** The phrases whose first word matches form f, in lookup order: exact, stem, short stem, ending (memoized). */
  startsWith(f: string, isWord: boolean): readonly Compiled<T>[] {
    const memo = isWord ? this.firstWord : this.firstPunct;
    let l = memo.get(f);
    if (l) return l;
    let out: Compiled<T>[] | null = null;
    const ex = this.exact.get(f);
    if (ex) out = [...ex];
    if (f.length >= 3) for (const c of this.stemIndex.get(f.slice(0, 3)) ?? EMPTY) if (f.startsWith(c.stem!)) (out ??= []).push(c);
    for (const c of this.shortStems) if (f.startsWith(c.stem!)) (out ??= []).push(c);
    if (isWord) for (const c of this.suffixed) if (wordMatches(c.words[0], [f])) (out ??= []).push(c);
    l = out ?? NO_PHRASES;
    if (out !== null) indexSecondWords(out);
    if (memo.size >= 200_000) memo.clear();
    memo.set(f, l);
    return l;
  }

  /** Every phrase that starts at token i (longest first). */
  matchAt(tokens: readonly EventToken[], i: number): readonly PhraseMatch<T>[] {
    const t = tokens[i];
    let out: (PhraseMatch<T> & { size: number })[] | null = null;
    let tried: Compiled<T>[] | null = null;
    const multi = t.forms.length > 1;
    const pre = t.by === this ? (t.starts as readonly (readonly Compiled<T>[])[] | undefined) : undefined;
    for (let fi = 0; fi < t.forms.length; fi++) {
      const list = pre ? pre[fi] : this.startsWith(t.forms[fi], t.isWord);
      for (let li = 0; li < list.length; li++) {
        const c = list[li];
        if (multi) {
          // Arabic variants of one word may reach the same phrase twice
          if (tried?.includes(c)) continue;
          (tried ??= []).push(c);
        }
        const j = phraseEnd(c.rest, tokens, i);
        if (j >= 0) (out ??= []).push(matchOf(c, i, j, c.value));
      }
    }
    if (!out) return EMPTY;
    if (out.length > 1) longestFirst(out);
    return out;
  }

  /**
   * The phrases that start at token i, grouped by `groupOf` of their value (each group longest first, as matchAt
   * orders them), each match carrying `valueOf` of its value, as a flat list [group, matches, group, matches …]
   * (most tokens start phrases of one or two groups); null when none starts there.
   */
  groupedAt<U>(tokens: readonly EventToken[], i: number, groupOf: (v: T) => number, valueOf: (v: T) => U): (number | PhraseMatch<U>[])[] | null {
    const t = tokens[i];
    // a primed word: its plan
    const plan = t.by === this ? (t.plan as StartPlan | undefined) : undefined;
    if (plan !== undefined) {
      if (i >= MEMO_MAX) return this.plannedAt(plan, tokens, i, groupOf, valueOf);
      if (plan.memoGroup !== groupOf || plan.memoValue !== valueOf) {
        if (plan.memoGroup !== null) return this.plannedAt(plan, tokens, i, groupOf, valueOf);
        plan.memoGroup = groupOf;
        plan.memoValue = valueOf;
      }
      const memo = plan.memo;
      if (memo === null) {
        const byMask = plan.byMask;
        if (byMask === null) return this.plannedAt(plan, tokens, i, groupOf, valueOf);
        const mask = matchMask(plan, tokens, i);
        if (mask === 0) return null;
        const kept = byMask[i];
        if (kept !== undefined && kept.mask === mask) return kept.ann as (number | PhraseMatch<U>[])[];
        const ann = this.maskedAt(plan, mask, i, groupOf, valueOf);
        if (kept !== undefined) {
          kept.mask = mask;
          kept.ann = ann;
        } else {
          while (byMask.length < i) byMask.push(undefined);
          byMask[i] = { mask, ann };
        }
        return ann;
      }
      let a = memo[i];
      if (a === undefined) {
        a = this.plannedAt(plan, tokens, i, groupOf, valueOf);
        // (grown in order, without holes)
        while (memo.length < i) memo.push(undefined);
        memo[i] = a;
      }
      return a as (number | PhraseMatch<U>[])[] | null;
    }
    // matches are gathered in a scratch list first: the annotation is then made at its exact size, and a group of
    // one match (most are) shares that match's one-element list
    const found = scratch as { g: number; m: PhraseMatch<U> & { size: number } }[];
    let n = 0;
    let tried: Compiled<T>[] | null = null;
    const multi = t.forms.length > 1;
    const pre = t.by === this ? (t.starts as readonly (readonly Compiled<T>[])[] | undefined) : undefined;
    const next = i + 1 < tokens.length ? tokens[i + 1].forms : null;
    for (let fi = 0; fi < t.forms.length; fi++) {
      const list = pre ? pre[fi] : this.startsWith(t.forms[fi], t.isWord);
      // a long list ("the …", "a …"): only the phrases whose second word the next token may be, in list order
      const picks = next !== null ? secondPicks(list, next) : null;
      const count = picks === null ? list.length : picks.length;
      for (let pi = 0; pi < count; pi++) {
        const c = list[picks === null ? pi : picks[pi]];
        if (multi) {
          if (tried?.includes(c)) continue;
          (tried ??= []).push(c);
        }
        const j = phraseEnd(c.rest, tokens, i);
        if (j < 0) continue;
        const slot = found[n] ?? (found[n] = { g: 0, m: null as unknown as PhraseMatch<U> & { size: number } });
        slot.g = groupOf(c.value);
        slot.m = matchOf(c, i, j, valueOf(c.value));
        n++;
      }
    }
    return grouped<U>(n);
  }

  /** groupedAt for a primed word: its plan's phrases tried in order, those whose second word is not next passed over. */
  private plannedAt<U>(plan: StartPlan, tokens: readonly EventToken[], i: number, groupOf: (v: T) => number, valueOf: (v: T) => U): (number | PhraseMatch<U>[])[] | null {
    const found = scratch as { g: number; m: PhraseMatch<U> & { size: number } }[];
    let n = 0;
    const cands = plan.cands as readonly Compiled<T>[];
    const next = i + 1 < tokens.length ? tokens[i + 1].forms : null;
    for (let k = 0; k < cands.length; k++) {
      const j = candidateEnd(plan, tokens, i, k, next);
      if (j < 0) continue;
      const c = cands[k];
      const slot = found[n] ?? (found[n] = { g: 0, m: null as unknown as PhraseMatch<U> & { size: number } });
      slot.g = groupOf(c.value);
      slot.m = matchOf(c, i, j, valueOf(c.value));
      n++;
    }
    return grouped<U>(n);
  }

  /** The annotation of the candidates of a plan in `mask` (they match at token i). */
  private maskedAt<U>(plan: StartPlan, mask: number, i: number, groupOf: (v: T) => number, valueOf: (v: T) => U): (number | PhraseMatch<U>[])[] {
    const found = scratch as { g: number; m: PhraseMatch<U> & { size: number } }[];
    let n = 0;
    const cands = plan.cands as readonly Compiled<T>[];
    for (let k = 0; k < cands.length; k++) {
      if (((mask >>> k) & 1) === 0) continue;
      const c = cands[k];
      const slot = found[n] ?? (found[n] = { g: 0, m: null as unknown as PhraseMatch<U> & { size: number } });
      slot.g = groupOf(c.value);
      slot.m = matchOf(c, i, i + 1 + plan.lens[k], valueOf(c.value));
      n++;
    }
    return grouped<U>(n)!;
  }

  /** The plan of the start lists of a word's forms (one of this matcher's startsWith answers each). */
  planOf(lists: readonly (readonly unknown[])[]): unknown {
    return planOf(lists as readonly (readonly Compiled<unknown>[])[]);
  }

  /** Non-overlapping matches in tokens [from, to), longest at each position, left to right. */
  findAll(tokens: readonly EventToken[], from = 0, to = tokens.length): readonly PhraseMatch<T>[] {
    return longestMatches(this, tokens, from, to);
  }
}

/** What the event rules ask of a lexicon table: the phrases at a position, or all of them in a range. */
export interface PhraseTable<T> {
  matchAt(tokens: readonly EventToken[], i: number): readonly PhraseMatch<T>[];
  /** (read-only: most searches find nothing, and share one empty list) */
  findAll(tokens: readonly EventToken[], from?: number, to?: number): readonly PhraseMatch<T>[];
  /** True when some phrase of the table may start on a token of these forms (its first word matches). */
  mayStart(forms: readonly string[], isWord: boolean): boolean;
  /** True when some phrase of the table may start on the word of this shape (or its elided rest); primes the shape. */
  mayStartShape(sh: WordShape, isWord: boolean): boolean;
  /** True when some phrase of the table whose value passes `keep` may start on the word of this shape (or its rest). */
  mayStartShapeWhere(sh: WordShape, isWord: boolean, keep: (v: T) => boolean): boolean;
  /** The same for one event token (a primed token reads its own lists). */
  mayStartTokenWhere(tok: EventToken, keep: (v: T) => boolean): boolean;
}

/**
 * The annotation of the n matches gathered in the scratch list (in the order tried): grouped, each group longest
 * first; null for none.
 */
function grouped<U>(n: number): (number | PhraseMatch<U>[])[] | null {
  const found = scratch as { g: number; m: PhraseMatch<U> & { size: number } }[];
  if (!n) return null;
  if (n === 1) {
    // the one match of a position, with its table: made once per match (annotations are read-only)
    const m = found[0].m as unknown as { single: (number | PhraseMatch<U>[])[] | null; alone: unknown };
    if (m.single !== null && m.single[0] === found[0].g) return m.single;
    return (m.single = [found[0].g, alone(found[0].m)]);
  }
  // the annotation of several matches, kept on the first one: made again only when other matches come with it
  const first = found[0].m as unknown as { several: Several | null };
  const kept = first.several;
  if (kept !== null && kept.n === n) {
    let same = true;
    for (let k = 1; k < n && same; k++) same = kept.found[2 * k] === found[k].g && kept.found[2 * k + 1] === found[k].m;
    if (same && kept.found[0] === found[0].g) return kept.ann as (number | PhraseMatch<U>[])[];
  }
  // (a group's first match is held alone until a second one comes: a group of one takes the match's shared list)
  const out: (number | PhraseMatch<U> | PhraseMatch<U>[])[] = [];
  for (let k = 0; k < n; k++) {
    const { g, m } = found[k];
    let at = 0;
    while (at < out.length && out[at] !== g) at += 2;
    if (at === out.length) out.push(g, m);
    else {
      const held = out[at + 1];
      if (Array.isArray(held)) held.push(m);
      else out[at + 1] = [held as PhraseMatch<U>, m];
    }
  }
  for (let k = 1; k < out.length; k += 2) {
    const g = out[k];
    if (Array.isArray(g)) longestFirst(g as (PhraseMatch<U> & { size: number })[]);
    else out[k] = alone(g as PhraseMatch<U>);
  }
  const key: unknown[] = [];
  for (let k = 0; k < n; k++) key.push(found[k].g, found[k].m);
  first.several = { n, found: key, ann: out };
  return out as (number | PhraseMatch<U>[])[];
}

/** The last annotation of several matches made with a match first: its matches (group, match, group, match …). */
interface Several {
  readonly n: number;
  readonly found: readonly unknown[];
  readonly ann: unknown;
}

/**
 * Every table of a language in one matcher: a sentence's tokens are looked up once, whatever the number of
 * tables the rules consult (triggers, cues, roles, counts …); the answers are kept per token array.
 */
export class SentenceAnnotator {
  private matcher: PhraseMatcher<{ readonly t: number; readonly v: unknown }>;
  private count = 0;
  private lastTokens: readonly EventToken[] | null = null;
  private lastAnn: ((number | PhraseMatch<unknown>[])[] | undefined)[] | null = null;
  private readonly rows: { phrase: string; value: { t: number; v: unknown } }[] = [];

  /** Collects tables, then `seal` compiles them. */
  constructor(private readonly lang: string) {
    this.matcher = new PhraseMatcher([], lang);
  }

  /** Adds a table; returns its matcher view. */
  table<T>(rows: readonly { phrase: string; value: T }[]): PhraseTable<T> {
    const t = this.count++;
    // a shape's memo keeps the tables a word may start as bits of one number
    if (t > 30) throw new Error("SentenceAnnotator: at most 31 tables");
    for (const r of rows) this.rows.push({ phrase: r.phrase, value: { t, v: r.value } });
    return new TableView<T>(this, t);
  }

  /** Compiles the tables added so far. */
  seal(): void {
    this.matcher = new PhraseMatcher(this.rows, this.lang);
  }

  /** The phrases each form may start (as a primed shape keeps them). */
  startLists(forms: readonly string[], isWord: boolean): readonly (readonly unknown[])[] {
    return forms.map((f) => this.matcher.startsWith(f, isWord));
  }

  /** The `by` of the tokens this annotator primed (their `tables` bits are then its tables'). */
  primedBy(): object {
    return this.matcher;
  }

  /** Looks a word's shape up once for this annotator: the phrases its forms may start, the tables they belong to (returned). */
  prime(sh: WordShape, isWord: boolean): number {
    // (the lookup apart: this path allocates nothing, not even the closure's context)
    return sh.by === this.matcher ? sh.tables : this.primeSlow(sh, isWord);
  }

  private primeSlow(sh: WordShape, isWord: boolean): number {
    let tables = 0;
    const lists = (forms: readonly string[], w: boolean) =>
      forms.map((f) => {
        const l = this.matcher.startsWith(f, w);
        for (const c of l) tables |= 1 << c.value.t;
        return l;
      });
    // an elided French word is two word tokens: "l'" and the rest
    sh.starts = lists(sh.forms, sh.cut ? true : isWord);
    sh.headTables = tables;
    tables = 0;
    sh.restStarts = sh.rest !== undefined ? lists(sh.rest, true) : undefined;
    sh.restTables = tables;
    sh.tables = sh.headTables | sh.restTables;
    // (only for a word that may start a phrase: groupedAt is asked about no other)
    sh.plan = sh.headTables !== 0 ? this.matcher.planOf(sh.starts) : undefined;
    sh.restPlan = sh.restTables !== 0 ? this.matcher.planOf(sh.restStarts!) : undefined;
    sh.by = this.matcher;
    return sh.tables;
  }

  /** True when a phrase of table `t` has a first word that one of the forms matches. */
  mayStart(forms: readonly string[], isWord: boolean, t: number): boolean {
    for (let fi = 0; fi < forms.length; fi++) {
      const list = this.matcher.startsWith(forms[fi], isWord);
      for (let k = 0; k < list.length; k++) if (list[k].value.t === t) return true;
    }
    return false;
  }

  /** The matches of table `t` starting at token i. */
  at(tokens: readonly EventToken[], i: number, t: number): readonly PhraseMatch<unknown>[] {
    const tok = tokens[i];
    if (tok === undefined) return EMPTY;
    // most tokens start no phrase of the table asked about: the bits of the token's shape say so at once
    if (tok.by === this.matcher && ((tok.tables! >>> t) & 1) === 0) return EMPTY;
    let ann: ((number | PhraseMatch<unknown>[])[] | undefined)[];
    // the rules ask about one sentence at a time: skip the lookup for the sentence just asked about
    if (tokens === this.lastTokens) ann = this.lastAnn!;
    else {
      // kept on the token array itself: cheaper for the collector than a WeakMap entry per sentence
      const holder = tokens as unknown as { [ANNOTATIONS]?: { readonly by: SentenceAnnotator; readonly ann: ((number | PhraseMatch<unknown>[])[] | undefined)[] } };
      const kept = holder[ANNOTATIONS];
      if (kept !== undefined && kept.by === this) ann = kept.ann;
      else holder[ANNOTATIONS] = { by: this, ann: (ann = new Array(tokens.length)) };
      this.lastTokens = tokens;
      this.lastAnn = ann;
    }
    // a position is looked up when first asked about, for every table at once
    let g = ann[i];
    if (g === undefined) ann[i] = g = this.matcher.groupedAt(tokens, i, tableOf, valueOf) ?? NONE;
    return pick(g, t);
  }
}

/** The matches of table t in a token's flat annotation [table, matches, table, matches …]. */
function pick(g: (number | PhraseMatch<unknown>[])[] | undefined, t: number): readonly PhraseMatch<unknown>[] {
  if (!g) return EMPTY;
  for (let k = 0; k < g.length; k += 2) if (g[k] === t) return g[k + 1] as PhraseMatch<unknown>[];
  return EMPTY;
}

class TableView<T> implements PhraseTable<T> {
  constructor(
    private readonly ann: SentenceAnnotator,
    private readonly t: number,
  ) {}

  matchAt(tokens: readonly EventToken[], i: number): readonly PhraseMatch<T>[] {
    // most tokens start no phrase of the table: their bits say so here, in a method small enough to be inlined where
    // the rules ask token by token, and `at` is called for the others only
    const tok = tokens[i];
    if (tok !== undefined && tok.by === this.ann.primedBy() && ((tok.tables! >>> this.t) & 1) === 0) return EMPTY;
    return this.ann.at(tokens, i, this.t) as readonly PhraseMatch<T>[];
  }

  mayStart(forms: readonly string[], isWord: boolean): boolean {
    return this.ann.mayStart(forms, isWord, this.t);
  }

  mayStartShape(sh: WordShape, isWord: boolean): boolean {
    return ((this.ann.prime(sh, isWord) >>> this.t) & 1) === 1;
  }

  mayStartShapeWhere(sh: WordShape, isWord: boolean, keep: (v: T) => boolean): boolean {
    if (((this.ann.prime(sh, isWord) >>> this.t) & 1) === 0) return false;
    // (a word that may start one: its few phrases are read)
    return this.anyKept(sh.starts, keep) || this.anyKept(sh.restStarts, keep);
  }

  mayStartTokenWhere(tok: EventToken, keep: (v: T) => boolean): boolean {
    if (tok.by === this.ann.primedBy()) return ((tok.tables! >>> this.t) & 1) === 1 && this.anyKept(tok.starts, keep);
    // (a token no annotator primed: its forms are looked up)
    return this.anyKept(this.ann.startLists(tok.forms, tok.isWord), keep);
  }

  private anyKept(lists: readonly (readonly unknown[])[] | undefined, keep: (v: T) => boolean): boolean {
    if (lists === undefined) return false;
    for (let fi = 0; fi < lists.length; fi++) {
      const l = lists[fi] as readonly { readonly value: { readonly t: number; readonly v: unknown } }[];
      for (let k = 0; k < l.length; k++) if (l[k].value.t === this.t && keep(l[k].value.v as T)) return true;
    }
    return false;
  }

  findAll(tokens: readonly EventToken[], from = 0, to = tokens.length): readonly PhraseMatch<T>[] {
    // longestMatches, with the tokens whose bits say that no phrase of the table starts there passed over in the
    // loop itself (most tokens: no call made for them)
    const by = this.ann.primedBy();
    const bit = 1 << this.t;
    // (gathered in a scratch list, then copied at their exact number)
    const out = foundScratch as PhraseMatch<T>[];
    let n = 0;
    for (let i = from; i < to; ) {
      const tok = tokens[i];
      if (tok !== undefined && tok.by === by && (tok.tables! & bit) === 0) {
        i++;
        continue;
      }
      const ms = this.ann.at(tokens, i, this.t) as readonly PhraseMatch<T>[];
      let m: PhraseMatch<T> | undefined;
      for (let k = 0; k < ms.length; k++)
        if (ms[k].to <= to) {
          m = ms[k];
          break;
        }
      if (m) {
        out[n++] = m;
        i = m.to;
      } else i++;
    }
    return n ? out.slice(0, n) : NO_MATCHES;
  }
}

/** startsWith's answer for a form that starts no phrase (with its `second` property, as every list it hands out). */
const NO_PHRASES: readonly Compiled<never>[] = objectList();
indexSecondWords(NO_PHRASES);

/** Where a phrase whose first word matched token i ends (exclusive), or -1 when a later word (`rest`) does not match. */
function phraseEnd(rest: readonly WordPattern[], tokens: readonly EventToken[], i: number): number {
  let j = i + 1;
  for (let k = 0; k < rest.length; k++) {
    if (j >= tokens.length || !patternMatches(rest[k], tokens[j].forms)) return -1;
    j++;
  }
  return j;
}

/** Non-overlapping matches in tokens [from, to), the longest at each position (matchAt lists longest first), left to right. */
// (the table itself is passed, not a closure over it: no closure is made per call)
function longestMatches<T>(
  table: { matchAt(tokens: readonly EventToken[], i: number): readonly PhraseMatch<T>[] },
  tokens: readonly EventToken[],
  from: number,
  to: number,
): readonly PhraseMatch<T>[] {
  // (made at the first match: most searches find nothing and return the shared empty list)
  let out: PhraseMatch<T>[] | null = null;
  for (let i = from; i < to; ) {
    const ms = table.matchAt(tokens, i);
    let m: PhraseMatch<T> | undefined;
    for (let k = 0; k < ms.length; k++) if (ms[k].to <= to) {
      m = ms[k];
      break;
    }
    if (m) {
      (out ??= []).push(m);
      i = m.to;
    } else i++;
  }
  return out ?? NO_MATCHES;
}

/** TableView.findAll's scratch list (one search at a time: the matcher is synchronous). */
const foundScratch: PhraseMatch<unknown>[] = [];

/** The result of a search that found nothing (not frozen: for…of over a frozen list takes a slower path). */
const NO_MATCHES: readonly PhraseMatch<never>[] = [];
