/**
 * A regex alternation of phrases, factored by common prefixes: "the day before yesterday|the day after|today" is
 * written "t(?:he\s+day\s+(?:before\s+yesterday|after)|oday)". The regex engine then reads each character once
 * instead of trying hundreds of alternatives at every position, which is most of the time of the date stage.
 *
 * It matches exactly what the flat alternation sorted longest first matches, in the same order of preference: two
 * phrases that match at one position are prefixes of one another (the siblings of a node start with different
 * characters), and at every node the longer continuations come before stopping there, so the longest phrase is
 * tried first and the engine backtracks to the shorter ones in decreasing length, as it does over the sorted list.
 *
 * A phrase is a list of units, each the regex source of one character ("a", "\\.", "\\s+", or "ا[\\u064B-\\u0652]*").
 * Two different units at one node must start with different characters (a white-space unit counts as one more):
 * when they do not, the factoring could prefer another phrase than the sorted list, and the answer is null (the
 * caller keeps its flat alternation).
 */
export function phraseAlternation(phrases: Iterable<readonly string[]>): string | null {
  interface Node {
    readonly next: Map<string, Node>;
    end: boolean;
  }
  const root: Node = { next: new Map(), end: false };
  for (const units of phrases) {
    let n = root;
    for (const u of units) {
      let c = n.next.get(u);
      if (!c) n.next.set(u, (c = { next: new Map(), end: false }));
      n = c;
    }
    n.end = true;
  }
  let clash = false;
  const emit = (n: Node): string => {
    const heads = new Set<string>();
    for (const u of n.next.keys()) {
      const h = headOf(u);
      if (heads.has(h)) clash = true;
      heads.add(h);
    }
    const alts = [...n.next].map(([u, c]) => u + emit(c));
    if (!alts.length) return "";
    if (n.end) alts.push("");
    return alts.length === 1 ? alts[0] : `(?:${alts.join("|")})`;
  };
  if (root.end) return null;
  const source = emit(root);
  return clash ? null : source;
}

/** The character a unit starts with: "\\s" for white space, the escaped character, or the first one. */
function headOf(unit: string): string {
  if (unit.startsWith("\\s")) return "\\s";
  if (unit[0] === "\\") return unit[1];
  const cp = unit.codePointAt(0)!;
  return String.fromCodePoint(cp);
}

/** The regex specials escaped by the phrase lists (the same set as their `esc`). */
const SPECIAL = /[.*+?^${}()|[\]\\]/;

/** The units of a literal phrase: each character escaped as `esc` does, each space any white space ("\\s+"). */
export function literalUnits(phrase: string): string[] {
  const out: string[] = [];
  for (const ch of phrase) out.push(ch === " " ? "\\s+" : SPECIAL.test(ch) ? "\\" + ch : ch);
  return out;
}
