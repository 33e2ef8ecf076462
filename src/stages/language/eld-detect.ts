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
}

async function loadFastDetect(): Promise<(text: string) => EldResult> {
  let internals: EldInternals;
  try {
    // eld's package exports only its entry points: its modules are reached from the entry's own location.
    const entry = import.meta.resolve("eld/medium");
    const [ngrams, patterns, dict, result] = await Promise.all([
      import(new URL("../ngrams/medium.js", entry).href),
      import(new URL("../regexPatterns.js", entry).href),
      import(new URL("../dictionary.js", entry).href),
      import(new URL("../LanguageResult.js", entry).href),
    ]);
    internals = { ngramsData: ngrams.ngramsData, separators: patterns.separators, dictionary: dict.dictionary, LanguageResult: result.LanguageResult };
    if (!internals.ngramsData?.ngrams || !(internals.separators instanceof RegExp) || internals.dictionary?.length !== 256 || typeof internals.LanguageResult !== "function") throw new Error("unexpected eld layout");
  } catch {
    return (text) => eld.detect(text);
  }
  return fastDetect(internals);
}

function fastDetect({ ngramsData, separators, dictionary, LanguageResult }: EldInternals): (text: string) => EldResult {
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
      if (cache.size > 100_000) {
        cache.clear();
        pool = [];
      }
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
  const word = new Uint16Array(1024);
  const F = String.fromCharCode;

  /** eld's strToUtf8Bytes then getByteNgrams: the distinct n-grams of the words of the first ~350 bytes. */
  const ngrams = (str: string): Set<string> => {
    const grams = new Set<string>();
    let n = 0;
    let countBytes = 0;
    // 4-byte n-grams with a 3-byte stride, the first with a leading space, the last closed by one
    const flush = () => {
      if (n === 0) return;
      const len = n > 70 ? 70 : n;
      let j = 0;
      for (; j + 4 < len; j += 3) grams.add(j === 0 ? F(32, word[0], word[1], word[2], word[3]) : F(word[j], word[j + 1], word[j + 2], word[j + 3]));
      // (eld's last n-gram runs to the end of the word, past the 70 bytes it otherwise reads)
      const from = len !== 3 ? Math.max(0, len - 4) : 0;
      let g = j === 0 ? " " : "";
      for (let k = from; k < n; k++) g += F(word[k]);
      grams.add(g + " ");
      n = 0;
    };
    for (let ii = 0; ii < str.length; ii++) {
      let c = str.charCodeAt(ii);
      if (c < 0x80) {
        if (c === 32) {
          flush();
          if (countBytes > 350) return grams;
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
    return grams;
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

  return (input: string): EldResult => {
    const grams = ngrams(separate(input.substring(0, 1000)).toLowerCase());
    scores.fill(0);
    for (const g of grams) {
      const r = runOf(g);
      const from = (r - (r % 128)) / 128;
      const to = from + 2 * (r % 128);
      for (let k = from; k < to; k += 2) scores[pool[k]] += pool[k + 1];
    }
    // eld's getMaxLang: the first language with the highest positive score
    let best = -1;
    let bestVal = 0;
    for (let i = 0; i < nLangs; i++) if (scores[i] > 0 && scores[i] > bestVal) (bestVal = scores[i]), (best = i);
    if (best < 0) return new LanguageResult("", [], 0, {});
    return new LanguageResult(langCodes[best], Array.from(scores), grams.size, langCodes);
  };
}
