/** A multi-word phrase found in a text by its words. */
export interface PhraseHit<T> {
  readonly start: number;
  readonly end: number;
  /** The matched text, without a clitic prefix. */
  readonly text: string;
  readonly value: T;
}

/** A word of the text: offsets and its folded form (lower case, ’ → '). */
export interface Word {
  readonly s: number;
  readonly e: number;
  readonly w: string;
}

const WORD = /[\p{L}\p{N}\p{M}’']+/gu;
const SEP = /^[\s‐‑-]+$/;
const fold = (w: string) => {
  const l = w.toLowerCase();
  return l.includes("’") ? l.replace(/’/g, "'") : l;
};

/** Splits a text into words once (hyphens separate words: "a-t-il" is a, t, il), for every PhraseIndex to share. */
export function tokenizeWords(text: string): Word[] {
  const out: Word[] = [];
  const re = new RegExp(WORD.source, WORD.flags);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let w = m[0];
    // a trailing apostrophe is punctuation, not part of the word
    while (w.length > 1 && (w.endsWith("'") || w.endsWith("’"))) w = w.slice(0, -1);
    out.push({ s: m.index, e: m.index + w.length, w: fold(w) });
  }
  return out;
}

/** The words of a Doc's tokens (the segment stage's Intl.Segmenter words), for every PhraseIndex to share. */
export function wordsOfTokens(tokens: readonly { start: number; end: number; text: string; isWord: boolean }[]): Word[] {
  const out: Word[] = [];
  for (const t of tokens) {
    if (!t.isWord) continue;
    if (!/[-‐‑]/.test(t.text)) {
      out.push({ s: t.start, e: t.end, w: fold(t.text) });
      continue;
    }
    // "a-t-il", "al-Akhbar": hyphens separate words here, as in tokenizeWords
    const re = /[^-‐‑]+/g;
    for (let m = re.exec(t.text); m; m = re.exec(t.text)) out.push({ s: t.start + m.index, e: t.start + m.index + m[0].length, w: fold(m[0]) });
  }
  return out;
}

/**
 * Finds phrases by their words rather than by one big alternation: each text word is looked up by its first word,
 * then the following words are compared (spaces or hyphens between them). A phrase word "ل" matches a word that
 * starts with it (Arabic "وفقاً للبيان"). `prefixes` are clitics glued to the first word (Arabic و ف, French l').
 */
export class PhraseIndex<T> {
  private readonly byFirst = new Map<string, { words: string[]; value: T }[]>();

  constructor(
    entries: readonly { phrase: string; value: T }[],
    private readonly prefixes: readonly string[] = [],
  ) {
    for (const e of entries) {
      const words = e.phrase.split(/[\s‐‑-]+/).map(fold).filter(Boolean);
      if (!words.length) continue;
      const list = this.byFirst.get(words[0]) ?? [];
      list.push({ words, value: e.value });
      this.byFirst.set(words[0], list);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  }

  /** Every phrase in text[start, end), longest first at each word, not overlapping. */
  find(text: string, start = 0, end = text.length, words: readonly Word[] = tokenizeWords(text)): PhraseHit<T>[] {
    const out: PhraseHit<T>[] = [];
    let i = 0;
    while (i < words.length && words[i].s < start) i++;
    for (; i < words.length && words[i].s < end; i++) {
      const word = words[i];
      let best = null as { n: number; cut: number; value: T; end: number } | null;
      const direct = this.byFirst.get(word.w);
      if (direct) best = this.longest(text, words, i, direct, 0, end, best);
      for (const p of this.prefixes) {
        if (word.w.length > p.length + 1 && word.w.startsWith(p)) {
          const l = this.byFirst.get(word.w.slice(p.length));
          if (l) best = this.longest(text, words, i, l, p.length, end, best);
        }
      }
      if (best) {
        const s = word.s + best.cut;
        out.push({ start: s, end: best.end, text: text.slice(s, best.end), value: best.value });
        i += best.n - 1;
      }
    }
    return out;
  }

  private longest(
    text: string,
    words: readonly Word[],
    i: number,
    list: readonly { words: string[]; value: T }[],
    cut: number,
    end: number,
    best: { n: number; cut: number; value: T; end: number } | null,
  ) {
    for (const c of list) {
      if (best && c.words.length <= best.n) continue;
      let ok = true;
      let e = words[i].e;
      for (let k = 1; k < c.words.length && ok; k++) {
        const t = words[i + k];
        const fw = c.words[k];
        if (!t || !(t.w === fw || (fw === "ل" && t.w.startsWith("ل"))) || !SEP.test(text.slice(words[i + k - 1].e, t.s))) ok = false;
        else e = fw === "ل" ? t.s + 1 : t.e;
      }
      if (ok && e <= end) best = { n: c.words.length, cut, value: c.value, end: e };
    }
    return best;
  }
}
