import { eld } from "eld/medium";

/** What a detection gives: eld's best language ("" when none) and eld's own reliability test. */
export interface EldResult {
  readonly language: string;
  isReliable(): boolean;
}

/**
 * eld's `detect` (eld/medium; eld is Apache-2.0, by Nito T.M.), computed the same way over eld's own n-gram table,
 * separators, byte dictionary and result class, but without its slow inner loops: eld replaces separators over up to
 * 1,000 characters though it reads only the first ~380 bytes, builds every word byte by byte with string
 * concatenation, and sums scores with `for…in` over small integer-keyed objects; here only the part eld reads is
 * processed, a word's bytes go into a buffer, and each n-gram's scores are read from a pool of integers filled on
 * first use. Same n-grams, same integer sums, same tie-breaking: the same answer (eld-detect.test.ts compares the two
 * on our own sentences and on thousands of random texts over many scripts). When eld's files are not where eld 2.x
 * keeps them, this is `eld.detect` itself.
 */
export const eldDetect: (text: string) => EldResult = await loadFastDetect();

interface EldInternals {
  ngramsData: { languages: Record<string, string>; ngrams: Record<string, Record<string, number>> };
  separators: RegExp;
  dictionary: readonly string[];
  LanguageResult: new (language: string, results: number[], numNgrams: number, langCodes: Record<string, string>) => EldResult;
  /** eld's average score of a correct detection, per language (its reliability test reads it). */
  avgScore: Readonly<Record<string, number>>;
}

/** A detection's answer, its reliability worked out at once (the scores are reused by the next detection). */
class FastResult implements EldResult {
  constructor(
    readonly language: string,
    private readonly reliable: boolean,
  ) {}
  isReliable(): boolean {
    return this.reliable;
  }
}

async function loadFastDetect(): Promise<(text: string) => EldResult> {
  let internals: EldInternals;
  try {
    // eld's package exports only its entry points: its modules are reached from the entry's own location.
    const entry = import.meta.resolve("eld/medium");
    const [ngrams, patterns, dict, result, avg] = await Promise.all([
      import(new URL("../ngrams/medium.js", entry).href),
      import(new URL("../regexPatterns.js", entry).href),
      import(new URL("../dictionary.js", entry).href),
      import(new URL("../LanguageResult.js", entry).href),
      import(new URL("../avgScore.js", entry).href),
    ]);
    internals = { ngramsData: ngrams.ngramsData, separators: patterns.separators, dictionary: dict.dictionary, LanguageResult: result.LanguageResult, avgScore: avg.avgScore };
    if (!internals.ngramsData?.ngrams || !(internals.separators instanceof RegExp) || internals.dictionary?.length !== 256 || typeof internals.LanguageResult !== "function" || typeof internals.avgScore !== "object" || !internals.avgScore) throw new Error("unexpected eld layout");
  } catch {
    return (text) => eld.detect(text);
  }
  return fastDetect(internals);
}

function fastDetect({ ngramsData, separators, dictionary, LanguageResult, avgScore }: EldInternals): (text: string) => EldResult {
  const langCodes = ngramsData.languages;
  const nLangs = Object.keys(langCodes).length;
  const table = ngramsData.ngrams;
  // eld subtracted this minimum from every stored score to keep its table small.
  const BASE = 53;
  // The scores of the n-grams met so far, as [lang, score + BASE, …] runs in one pool; an n-gram maps to its run's
  // start × 128 + its length (small integers: no object per n-gram). Both are emptied when the memo grows large.
  let pool: number[] = [];
  const cache = new Map<string, number>();
  const runOf = (g: string): number => {
    let r = cache.get(g);
    if (r === undefined) {
      const entry = table[g];
      const keys = entry === undefined ? [] : Object.keys(entry);
      r = pool.length * 128 + keys.length;
      for (const k of keys) pool.push(Number(k), entry[k] + BASE);
      cache.set(g, r);
    }
    return r;
  };
  const scores = new Float64Array(nLangs);
  // eld writes a word's UTF-8 bytes as characters: an ASCII byte as itself, a higher byte through its dictionary
  const BYTE = new Uint16Array(256);
  for (let b = 0; b < 256; b++) BYTE[b] = b < 0x80 ? b : dictionary[b].charCodeAt(0);
  const byteChars = BYTE.every((c) => c < 256);
  const word = new Uint16Array(1024);
  const F = String.fromCharCode;

  /**
   * The n-grams of up to 6 characters (all of them but the tail of a word over 70 bytes) are looked up by number, not
   * by string: their characters are all below 256 (eld's byte dictionary), so the characters and the length pack into
   * two integers, the keys of an open-addressing table that holds each n-gram's run in the pool and, by a stamp per
   * detection, whether this detection has counted it yet. No string is built for an n-gram met before.
   * A slot is four integers side by side, [key's high part, key's low part, run, stamp], 16 bytes of one cache line:
   * a probe is a random read in a table larger than the caches, and four arrays made it four cache misses.
   */
  const BITS = 17;
  const MASK = (1 << BITS) - 1;
  const SLOTS = new Int32Array(4 << BITS); // high part 0 = empty slot (a key's high part holds its length, ≥ 1)
  let entries = 0;
  let stamp = 0;
  let distinct = 0;
  const longSeen = new Set<string>();
  const G = new Uint16Array(8);
  const addRun = (r: number) => {
    const from = (r - (r % 128)) / 128;
    const to = from + 2 * (r % 128);
    for (let k = from; k < to; k += 2) scores[pool[k]] += pool[k + 1];
  };
  /** Counts the n-gram [space] word[from, to) [space] once per detection. */
  const gram = (from: number, to: number, lead: boolean, trail: boolean): void => {
    let len = 0;
    if (lead) G[len++] = 32;
    const body = to - from;
    if (!byteChars || body + len + (trail ? 1 : 0) > 6) {
      let g = lead ? " " : "";
      for (let k = from; k < to; k++) g += F(word[k]);
      if (trail) g += " ";
      if (!longSeen.has(g)) {
        longSeen.add(g);
        distinct++;
        addRun(runOf(g));
      }
      return;
    }
    for (let k = from; k < to; k++) G[len++] = word[k];
    if (trail) G[len++] = 32;
    const lo = (G[0] << 16) | (len > 1 ? G[1] << 8 : 0) | (len > 2 ? G[2] : 0);
    const hi = (len << 24) | (len > 3 ? G[3] << 16 : 0) | (len > 4 ? G[4] << 8 : 0) | (len > 5 ? G[5] : 0);
    let h = (Math.imul(lo, 0x9e3779b1) ^ Math.imul(hi, 0x85ebca6b)) >>> (32 - BITS);
    let s = 4 * h;
    for (;;) {
      const khi = SLOTS[s];
      if (khi === 0) {
        let g = "";
        for (let k = 0; k < len; k++) g += F(G[k]);
        SLOTS[s] = hi;
        SLOTS[s + 1] = lo;
        SLOTS[s + 2] = runOf(g);
        SLOTS[s + 3] = 0;
        entries++;
        break;
      }
      if (khi === hi && SLOTS[s + 1] === lo) break;
      h = (h + 1) & MASK;
      s = 4 * h;
    }
    if (SLOTS[s + 3] === stamp) return;
    SLOTS[s + 3] = stamp;
    distinct++;
    addRun(SLOTS[s + 2]);
  };

  /** Counts the n-grams of the word of n bytes in `word`: 4-byte n-grams with a 3-byte stride, the first with a leading space, the last closed by one. */
  const flushWord = (n: number): void => {
    if (n === 0) return;
    const len = n > 70 ? 70 : n;
    let j = 0;
    for (; j + 4 < len; j += 3) gram(j, j + 4, j === 0, false);
    // (eld's last n-gram runs to the end of the word, past the 70 bytes it otherwise reads)
    const from = len !== 3 ? Math.max(0, len - 4) : 0;
    gram(from, n, j === 0, true);
  };

  /** eld's strToUtf8Bytes then getByteNgrams: the distinct n-grams of the words of the first ~350 bytes, scored. */
  const ngrams = (str: string): void => {
    let n = 0;
    let countBytes = 0;
    const flush = () => {
      flushWord(n);
      n = 0;
    };
    for (let ii = 0; ii < str.length; ii++) {
      let c = str.charCodeAt(ii);
      if (c < 0x80) {
        if (c === 32) {
          flush();
          if (countBytes > 350) return;
        } else word[n++] = c;
        countBytes++;
      } else if (c < 0x800) {
        word[n++] = BYTE[0xc0 | (c >> 6)];
        word[n++] = BYTE[0x80 | (c & 0x3f)];
        countBytes += 2;
      } else if (c < 0xd800 || c >= 0xe000) {
        word[n++] = BYTE[0xe0 | (c >> 12)];
        word[n++] = BYTE[0x80 | ((c >> 6) & 0x3f)];
        word[n++] = BYTE[0x80 | (c & 0x3f)];
        countBytes += 3;
      } else {
        ii++;
        c = 0x10000 + (((c & 0x3ff) << 10) | (str.charCodeAt(ii) & 0x3ff));
        word[n++] = BYTE[0xf0 | (c >> 18)];
        word[n++] = BYTE[0x80 | ((c >> 12) & 0x3f)];
        word[n++] = BYTE[0x80 | ((c >> 6) & 0x3f)];
        word[n++] = BYTE[0x80 | (c & 0x3f)];
        countBytes += 4;
      }
      if (countBytes > 380) break;
    }
    flush();
  };

  // 1 = a letter eld keeps, 2 = an apostrophe (not a letter, but eld keeps it when it ends a run), 3 = a separator
  const KIND = new Uint8Array(0x10000);
  const nonLetter = new RegExp(separators.source, separators.flags.replace("g", ""));
  const kind = (c: number): number => {
    let v = KIND[c];
    if (!v) KIND[c] = v = c === 0x27 || c === 0x60 || c === 0x2019 ? 2 : nonLetter.test(String.fromCharCode(c)) ? 3 : 1;
    return v;
  };
  /**
   * eld's `text.replace(separators, " ").trim()` by hand, over only as much of the text as eld will read.
   * The separators regex replaces a run of non-letters by one space, except the apostrophes that end the run, which it
   * keeps ("l'", "don’t"); a run of apostrophes alone stays. eld reads at most 381 bytes of the result; every letter
   * gives at least one byte and every run at least one, so once that lower bound passes 400 the text can stop at the
   * next separator: what follows would start with a space that trim() drops, and a space ends any final-sigma context
   * of the toLowerCase() that comes next. A text with surrogates (which the regex reads as code points) goes the
   * regex's way.
   */
  const separate = (text: string): string => {
    let out = "";
    let bytes = 0;
    let from = 0; // start of the pending run of letters
    let i = 0;
    const n = text.length;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff) return text.replace(separators, " ").trim();
      if (kind(c) === 1) {
        bytes++;
        i++;
        continue;
      }
      // a run of non-letters: [i, j), its last separator at lastSep
      let j = i;
      let lastSep = -1;
      let cut = false;
      while (j < n) {
        const cj = text.charCodeAt(j);
        if (cj >= 0xd800 && cj <= 0xdfff) return text.replace(separators, " ").trim();
        const k = kind(cj);
        if (k === 1) break;
        if (k === 3) {
          if (bytes > 400) {
            cut = true;
            break;
          }
          lastSep = j;
        }
        j++;
      }
      out += text.slice(from, i);
      if (cut) return (out + " ").trim();
      bytes++;
      out += lastSep >= 0 ? " " + text.slice(lastSep + 1, j) : text.slice(i, j);
      from = i = j;
    }
    out += text.slice(from, n);
    return out.trim();
  };

  // A letter's lower case by code unit (0 not known yet; 0xffff: not one code unit of its own, İ, or Σ, whose lower case
  // depends on the letters around it): what toLowerCase() makes of it inside a text.
  const LOWER = new Uint16Array(0x10000);
  const lowerOf = (c: number): number => {
    const l = String.fromCharCode(c).toLowerCase();
    return (LOWER[c] = l.length !== 1 || c === 0x3a3 ? 0xffff : l.charCodeAt(0));
  };
  /**
   * `ngrams(separate(text.substring(0, 1000)).toLowerCase())` in one pass over the text, with no string made: each
   * character of what separate() and toLowerCase() would give (a letter in lower case, a space for a run of separators,
   * the apostrophes that end a run) goes straight into the words' bytes, up to where eld stops reading. trim() drops a
   * leading space (so no space is counted before the first character); a trailing one ends the last word as the end of
   * the text does. False, with n-grams already counted, when the text holds a character of another lower-casing (İ, Σ)
   * or a surrogate: the detection then starts again on eld's own strings.
   */
  const streamNgrams = (text: string): boolean => {
    const end = text.length < 1000 ? text.length : 1000;
    let n = 0;
    let countBytes = 0;
    let started = false;
    let i = 0;
    while (i < end) {
      let c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdfff) return false;
      if (kind(c) === 1) {
        c = LOWER[c] || lowerOf(c);
        if (c === 0xffff) return false;
      } else {
        // a run of non-letters from i: when it holds a separator, a space (none at the start), then the apostrophes
        // after its last separator, read as a run of their own; else an apostrophe as it stands
        let lastSep = -1;
        for (let j = i; j < end; j++) {
          const cj = text.charCodeAt(j);
          if (cj >= 0xd800 && cj <= 0xdfff) return false;
          const k = kind(cj);
          if (k === 1) break;
          if (k === 3) lastSep = j;
        }
        if (lastSep >= 0) {
          if (started) {
            flushWord(n);
            n = 0;
            if (countBytes > 350) return true;
            countBytes++;
            if (countBytes > 380) break;
          }
          i = lastSep + 1;
          continue;
        }
      }
      started = true;
      if (c < 0x80) {
        word[n++] = c;
        countBytes++;
      } else if (c < 0x800) {
        word[n++] = BYTE[0xc0 | (c >> 6)];
        word[n++] = BYTE[0x80 | (c & 0x3f)];
        countBytes += 2;
      } else {
        word[n++] = BYTE[0xe0 | (c >> 12)];
        word[n++] = BYTE[0x80 | ((c >> 6) & 0x3f)];
        word[n++] = BYTE[0x80 | (c & 0x3f)];
        countBytes += 3;
      }
      if (countBytes > 380) break;
      i++;
    }
    flushWord(n);
    return true;
  };

  /**
   * eld's LanguageResult.isReliable() (threshold 0.75) over the current scores, without its table: eld scales each
   * positive score s to (s / n) / (s / n + 25), sorts them (stably: ties in language order; `for…in` over all the
   * scores), and compares the first with the second entry's language number (not its score: eld's own reading, kept).
   */
  const reliable = (language: string, numNgrams: number): boolean => {
    let i0 = -1;
    let v0 = 0;
    let i1 = -1;
    let v1 = 0;
    for (let i = 0; i < nLangs; i++) {
      const sc = scores[i];
      if (!(sc > 0)) continue;
      const ngramScore = sc / numNgrams;
      const v = ngramScore / (ngramScore + 25);
      if (i0 < 0 || v > v0) {
        i1 = i0;
        v1 = v0;
        i0 = i;
        v0 = v;
      } else if (i1 < 0 || v > v1) {
        i1 = i;
        v1 = v;
      }
    }
    if (i0 < 0 || numNgrams < 3) return false;
    const nextScore = i1 >= 0 ? i1 : 0;
    return !(avgScore[language] * 0.75 > v0 || 0.01 > Math.abs(v0 - nextScore));
  };

  /** Starts a detection: no n-gram counted yet, every score 0. */
  const begin = (): void => {
    if (++stamp === 0x7fffffff) {
      for (let k = 3; k < SLOTS.length; k += 4) SLOTS[k] = 0;
      stamp = 1;
    }
    scores.fill(0);
    distinct = 0;
    longSeen.clear();
  };
  return (input: string): EldResult => {
    // the tables are emptied between detections only (a detection's own n-grams stay counted once)
    if (entries > (1 << BITS) / 2 || cache.size > 100_000) {
      SLOTS.fill(0);
      entries = 0;
      cache.clear();
      pool = [];
    }
    begin();
    if (!streamNgrams(input)) {
      begin();
      ngrams(separate(input.substring(0, 1000)).toLowerCase());
    }
    // eld's getMaxLang: the first language with the highest positive score
    let best = -1;
    let bestVal = 0;
    for (let i = 0; i < nLangs; i++) if (scores[i] > 0 && scores[i] > bestVal) (bestVal = scores[i]), (best = i);
    if (best < 0) return new LanguageResult("", [], 0, {});
    const language = langCodes[best];
    return new FastResult(language, reliable(language, distinct));
  };
}
