import type { EventToken } from "./event-tokens.js";
import { normalizeWord } from "./event-tokens.js";

/** One match of a lexicon phrase over tokens [from, to). */
export interface PhraseMatch<T> {
  readonly from: number;
  readonly to: number;
  readonly value: T;
}

const EMPTY: readonly never[] = Object.freeze([]);

interface Compiled<T> {
  readonly words: readonly string[];
  /** The first word's stem, for `word*` phrases. */
  readonly stem?: string;
  /** Characters of the pattern: the longer, the more specific ("condemnation*" before "condemn*"). */
  readonly size: number;
  readonly value: T;
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
  private readonly shortStems: Compiled<T>[] = [];
  /** Phrases whose first word is `*ending` ("*ront": continueront, frapperont), tried on every token. */
  private readonly suffixed: Compiled<T>[] = [];
  /** The endings of the suffixed phrases' first words. */
  private readonly suffixes: string[] = [];

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
      const c: Compiled<T> = { words, value: r.value, size: words.join(" ").length, stem };
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

  /** Every phrase that starts at token i (longest first). */
  matchAt(tokens: readonly EventToken[], i: number): readonly PhraseMatch<T>[] {
    const t = tokens[i];
    // the common case, no phrase starts here: decide without allocating
    let any = false;
    for (let fi = 0; fi < t.forms.length && !any; fi++) {
      const f = t.forms[fi];
      any =
        this.exact.has(f) ||
        (f.length >= 3 && this.stemIndex.has(t.keys?.[fi] ?? f.slice(0, 3))) ||
        (this.shortStems.length > 0 && this.shortStems.some((c) => f.startsWith(c.stem!))) ||
        (t.isWord && this.suffixed.length > 0 && this.suffixes.some((x) => f.length > x.length + 1 && f.endsWith(x)));
    }
    if (!any) return EMPTY;
    let out: (PhraseMatch<T> & { size: number })[] | null = null;
    let tried: Compiled<T>[] | null = null;
    for (let fi = 0; fi < t.forms.length; fi++) {
      const f = t.forms[fi];
      for (let src = 0; src < 4; src++) {
        const list =
          src === 0 ? this.exact.get(f) : src === 1 ? (f.length >= 3 ? this.stemIndex.get(t.keys?.[fi] ?? f.slice(0, 3)) : undefined) : src === 2 ? this.shortStems : t.isWord ? this.suffixed : undefined;
        if (!list || !list.length) continue;
        for (const c of list) {
          if (c.stem !== undefined && !f.startsWith(c.stem)) continue;
          if (t.forms.length > 1) {
            // Arabic variants of one word may reach the same phrase twice
            if (tried?.includes(c)) continue;
            (tried ??= []).push(c);
          }
          let j = i;
          let ok = true;
          for (let k = 0; k < c.words.length; k++) {
            if (j >= tokens.length || !wordMatches(c.words[k], tokens[j].forms)) {
              ok = false;
              break;
            }
            j++;
          }
          if (ok) (out ??= []).push({ from: i, to: j, value: c.value, size: c.size });
        }
      }
    }
    if (!out) return EMPTY;
    if (out.length > 1) out.sort((a, b) => b.to - a.to || b.size - a.size);
    return out;
  }

  /** Non-overlapping matches in tokens [from, to), longest at each position, left to right. */
  findAll(tokens: readonly EventToken[], from = 0, to = tokens.length): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = from; i < to; ) {
      const ms = this.matchAt(tokens, i);
      let m: PhraseMatch<T> | undefined;
      for (let k = 0; k < ms.length; k++) if (ms[k].to <= to) {
        m = ms[k];
        break;
      }
      if (m) {
        out.push(m);
        i = m.to;
      } else i++;
    }
    return out;
  }
}

/** What the event rules ask of a lexicon table: the phrases at a position, or all of them in a range. */
export interface PhraseTable<T> {
  matchAt(tokens: readonly EventToken[], i: number): readonly PhraseMatch<T>[];
  findAll(tokens: readonly EventToken[], from?: number, to?: number): PhraseMatch<T>[];
}

/**
 * Every table of a language in one matcher: a sentence's tokens are looked up once, whatever the number of
 * tables the rules consult (triggers, cues, roles, counts …); the answers are kept per token array.
 */
export class SentenceAnnotator {
  private matcher: PhraseMatcher<{ readonly t: number; readonly v: unknown }>;
  private readonly cache = new WeakMap<readonly EventToken[], (PhraseMatch<unknown>[][] | undefined)[]>();
  private count = 0;
  private lastTokens: readonly EventToken[] | null = null;
  private lastAnn: (PhraseMatch<unknown>[][] | undefined)[] | null = null;
  private readonly rows: { phrase: string; value: { t: number; v: unknown } }[] = [];

  /** Collects tables, then `seal` compiles them. */
  constructor(private readonly lang: string) {
    this.matcher = new PhraseMatcher([], lang);
  }

  /** Adds a table; returns its matcher view. */
  table<T>(rows: readonly { phrase: string; value: T }[]): PhraseTable<T> {
    const t = this.count++;
    for (const r of rows) this.rows.push({ phrase: r.phrase, value: { t, v: r.value } });
    return new TableView<T>(this, t);
  }

  /** Compiles the tables added so far. */
  seal(): void {
    this.matcher = new PhraseMatcher(this.rows, this.lang);
  }

  /** The matches of table `t` starting at token i. */
  at(tokens: readonly EventToken[], i: number, t: number): readonly PhraseMatch<unknown>[] {
    // the rules ask about one sentence at a time: skip the WeakMap for the sentence just asked about
    if (tokens === this.lastTokens) return this.lastAnn![i]?.[t] ?? EMPTY;
    let ann = this.cache.get(tokens);
    if (!ann) {
      ann = new Array(tokens.length);
      for (let k = 0; k < tokens.length; k++) {
        const ms = this.matcher.matchAt(tokens, k);
        if (!ms.length) continue;
        const byTable: PhraseMatch<unknown>[][] = [];
        for (const m of ms) (byTable[m.value.t] ??= []).push({ from: m.from, to: m.to, value: m.value.v });
        ann[k] = byTable;
      }
      this.cache.set(tokens, ann);
    }
    this.lastTokens = tokens;
    this.lastAnn = ann;
    return ann[i]?.[t] ?? EMPTY;
  }
}

class TableView<T> implements PhraseTable<T> {
  constructor(
    private readonly ann: SentenceAnnotator,
    private readonly t: number,
  ) {}

  matchAt(tokens: readonly EventToken[], i: number): readonly PhraseMatch<T>[] {
    return this.ann.at(tokens, i, this.t) as readonly PhraseMatch<T>[];
  }

  findAll(tokens: readonly EventToken[], from = 0, to = tokens.length): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = from; i < to; ) {
      const ms = this.matchAt(tokens, i);
      let m: PhraseMatch<T> | undefined;
      for (let k = 0; k < ms.length; k++) if (ms[k].to <= to) {
        m = ms[k];
        break;
      }
      if (m) {
        out.push(m);
        i = m.to;
      } else i++;
    }
    return out;
  }
}
