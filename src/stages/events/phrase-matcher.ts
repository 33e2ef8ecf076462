import type { EventToken } from "./event-tokens.js";
import { normalizeWord } from "./event-tokens.js";

/** One match of a lexicon phrase over tokens [from, to). */
export interface PhraseMatch<T> {
  readonly from: number;
  readonly to: number;
  readonly value: T;
}

interface Compiled<T> {
  readonly words: readonly string[];
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
  private readonly stems = new Map<string, Compiled<T>[]>();
  private readonly stemLengths: number[] = [];
  /** Phrases whose first word is `*ending` ("*ront": continueront, frapperont), tried on every token. */
  private readonly suffixed: Compiled<T>[] = [];

  /** Builds a matcher from (phrase, value) rows in language `lang`. */
  constructor(rows: readonly { phrase: string; value: T }[], lang: string) {
    const lens = new Set<number>();
    for (const r of rows) {
      let phrase = normalizeWord(r.phrase, lang).replace(/-/g, " - ");
      // "l'attaque" is two tokens, as the tokenizer splits French elisions
      if (lang === "fr") phrase = phrase.replace(/(^|\s)(qu|jusqu|lorsqu|puisqu|[ldjmnstc])'(?=\S)/g, "$1$2' ");
      const words = phrase.split(/\s+/).filter(Boolean);
      if (!words.length) continue;
      const c = { words, value: r.value, size: words.join(" ").length };
      const first = words[0];
      if (first.startsWith("*") && first.length > 1) this.suffixed.push(c);
      else if (first.endsWith("*") && first.length > 1) {
        const stem = first.slice(0, -1);
        lens.add(stem.length);
        const l = this.stems.get(stem) ?? [];
        l.push(c);
        this.stems.set(stem, l);
      } else {
        const l = this.exact.get(first) ?? [];
        l.push(c);
        this.exact.set(first, l);
      }
    }
    this.stemLengths = [...lens].sort((a, b) => a - b);
  }

  /** Every phrase that starts at token i (longest first). */
  matchAt(tokens: readonly EventToken[], i: number): PhraseMatch<T>[] {
    const t = tokens[i];
    const cands: Compiled<T>[] = [];
    for (const f of t.forms) {
      const e = this.exact.get(f);
      if (e) cands.push(...e);
      for (const L of this.stemLengths) {
        if (f.length < L) break;
        const s = this.stems.get(f.slice(0, L));
        if (s) cands.push(...s);
      }
    }
    if (this.suffixed.length && t.isWord) cands.push(...this.suffixed);
    const out: (PhraseMatch<T> & { size: number })[] = [];
    const seen = new Set<Compiled<T>>();
    for (const c of cands) {
      if (seen.has(c)) continue;
      seen.add(c);
      let j = i;
      let ok = true;
      for (let k = 0; k < c.words.length; k++) {
        if (j >= tokens.length || !wordMatches(c.words[k], tokens[j].forms)) {
          ok = false;
          break;
        }
        j++;
      }
      if (ok) out.push({ from: i, to: j, value: c.value, size: c.size });
    }
    return out.sort((a, b) => b.to - a.to || b.size - a.size).map(({ from, to, value }) => ({ from, to, value }));
  }

  /** Non-overlapping matches in tokens [from, to), longest at each position, left to right. */
  findAll(tokens: readonly EventToken[], from = 0, to = tokens.length): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = from; i < to; ) {
      const m = this.matchAt(tokens, i).find((x) => x.to <= to);
      if (m) {
        out.push(m);
        i = m.to;
      } else i++;
    }
    return out;
  }
}
