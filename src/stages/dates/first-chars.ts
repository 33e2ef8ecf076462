/**
 * The characters a regex's non-empty matches can start with, as a bitset over UTF-16 code units (bit c of word c >> 5),
 * read off its source. It is a superset: whatever the reader does not follow (a back-reference, a surrogate) counts as
 * any character, and a class or escape is tested with the regex engine itself on the characters below U+0800 and
 * taken to hold every character from there on. Zero-width parts (^, $, \b, look-arounds) consume nothing: they are
 * passed over, which can only add characters. So when the character at a position is not in the set, the regex,
 * run sticky there, finds nothing or the empty string.
 */
export type CharSet = Uint32Array;

const WORDS = 0x10000 >>> 5;
/** Below this code unit a class is tested character by character; from it on, it is taken to hold them all. */
const TESTED = 0x800;

/** The empty set, shared by the parts that do not count (never written to). */
const NONE: CharSet = new Uint32Array(WORDS);

function all(): CharSet {
  return new Uint32Array(WORDS).fill(0xffffffff);
}
function add(set: CharSet, c: number): void {
  set[c >>> 5] |= 1 << (c & 31);
}
function union(a: CharSet, b: CharSet): void {
  for (let i = 0; i < WORDS; i++) a[i] |= b[i];
}

/** True when the set holds code unit c. */
export function hasChar(set: CharSet, c: number): boolean {
  return (set[c >>> 5] & (1 << (c & 31))) !== 0;
}

const classCache = new Map<string, CharSet>();
/** The characters one class or escape ("[\\s,]", "\\d", "\\p{L}") matches, with `flags` (a superset from TESTED on). */
function classSet(src: string, flags: string): CharSet {
  const key = flags + " " + src;
  let set = classCache.get(key);
  if (set) return set;
  set = all();
  const re = new RegExp(`^(?:${src})$`, flags.replace(/[gy]/g, ""));
  for (let c = 0; c < TESTED; c++) if (!re.test(String.fromCharCode(c))) set[c >>> 5] &= ~(1 << (c & 31));
  classCache.set(key, set);
  return set;
}

interface First {
  readonly set: CharSet;
  /** True when the part can match the empty string. */
  readonly nullable: boolean;
}

/** The first characters of the non-empty matches of a regex source (flags as given to RegExp; no `i`). */
export function firstChars(source: string, flags: string): CharSet {
  if (flags.includes("i")) return all();
  let i = 0;
  const s = source;
  const fail = (): never => {
    throw new Error("unread");
  };

  // alternation := sequence ("|" sequence)*
  // (`want` false: the part is only read past, its characters do not count and no set is built)
  const alternation = (want: boolean): First => {
    const set = want ? new Uint32Array(WORDS) : NONE;
    let nullable = false;
    for (;;) {
      const f = sequence(want);
      if (want) union(set, f.set);
      nullable ||= f.nullable;
      if (s[i] !== "|") break;
      i++;
    }
    return { set, nullable };
  };

  // sequence := (atom quantifier?)*, up to "|" or ")"
  const sequence = (want: boolean): First => {
    const set = want ? new Uint32Array(WORDS) : NONE;
    let open = true; // every part so far can be empty: the next one's first characters count
    while (i < s.length && s[i] !== "|" && s[i] !== ")") {
      const a = atom(want && open);
      const min = quantifier();
      if (open) {
        if (want) union(set, a.set);
        if (!(a.nullable || min === 0)) open = false;
      }
    }
    return { set, nullable: open };
  };

  /** Reads a quantifier if there is one; returns its minimum (1 when there is none). */
  const quantifier = (): number => {
    const c = s[i];
    let min = 1;
    if (c === "?" || c === "*") (min = 0), i++;
    else if (c === "+") i++;
    else if (c === "{") {
      const m = /^\{(\d+)(?:,(\d*))?\}/.exec(s.slice(i));
      if (!m) return 1; // a literal "{" (not in "u" mode, where it is an error)
      min = Number(m[1]);
      i += m[0].length;
    } else return 1;
    if (s[i] === "?") i++; // lazy
    return min;
  };

  const empty = (): First => ({ set: NONE, nullable: true });
  const one = (want: boolean, make: () => CharSet): First => ({ set: want ? make() : NONE, nullable: false });

  const atom = (want: boolean): First => {
    const c = s[i];
    if (c === "(") {
      i++;
      let lookaround = false;
      if (s[i] === "?") {
        const rest = s.slice(i, i + 3);
        if (rest.startsWith("?:")) i += 2;
        else if (rest.startsWith("?=") || rest.startsWith("?!")) (i += 2), (lookaround = true);
        else if (rest.startsWith("?<=") || rest.startsWith("?<!")) (i += 3), (lookaround = true);
        else if (rest.startsWith("?<")) {
          const close = s.indexOf(">", i);
          if (close < 0) fail();
          i = close + 1;
        } else fail();
      }
      const inner = alternation(want && !lookaround);
      if (s[i] !== ")") fail();
      i++;
      return lookaround ? empty() : inner;
    }
    if (c === "[") {
      let j = i + 1;
      if (s[j] === "^") j++;
      if (s[j] === "]") j++;
      while (j < s.length && s[j] !== "]") j += s[j] === "\\" ? 2 : 1;
      if (j >= s.length) fail();
      const src = s.slice(i, j + 1);
      i = j + 1;
      return one(want, () => classSet(src, flags));
    }
    if (c === "\\") {
      const e = s[i + 1];
      if (e === undefined) fail();
      if (e === "b" || e === "B") {
        i += 2;
        return empty();
      }
      if (/[1-9k]/.test(e)) fail(); // a back-reference: not followed
      let len = 2;
      if (e === "p" || e === "P") {
        const close = s.indexOf("}", i);
        if (close < 0) fail();
        len = close + 1 - i;
      } else if (e === "u") len = s[i + 2] === "{" ? s.indexOf("}", i) + 1 - i : 6;
      else if (e === "x") len = 4;
      else if (e === "c") len = 3;
      const src = s.slice(i, i + len);
      i += len;
      return one(want, () => classSet(src, flags));
    }
    if (c === "^" || c === "$") {
      i++;
      return empty();
    }
    if (c === ".") {
      i++;
      return one(want, all);
    }
    if (c === "*" || c === "+" || c === "?" || c === ")" || c === "|") fail();
    const code = s.charCodeAt(i);
    i++;
    if (code >= 0xd800 && code <= 0xdfff) {
      // a character beyond the BMP: its first unit, or any (conservative)
      return one(want, all);
    }
    return one(want, () => {
      const set = new Uint32Array(WORDS);
      add(set, code);
      return set;
    });
  };

  try {
    const f = alternation(true);
    if (i !== s.length) return all();
    return f.set;
  } catch {
    return all();
  }
}
