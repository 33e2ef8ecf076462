import { caseAgrees } from "./find-kb-mentions.js";
import type { TrieNode } from "../../kb/alias-trie.js";
import type { MatchToken } from "../../kb/match-tokens.js";
import type { FoundMention } from "./found-mention.js";

const CONJUNCTIONS = new Set(["and", "et", "&", "و", "or", "ou"]);

/**
 * A name shared by two coordinated modifiers: "US and coalition forces" names US forces as well as coalition
 * forces. When "<w> and <… head>" is a match and "<w> <head>" is an alias too, <w> becomes a mention of it.
 */
export function findEllipticMentions(text: string, tokens: readonly MatchToken[], root: TrieNode, found: FoundMention[], covered: Uint8Array): FoundMention[] {
  const out: FoundMention[] = [];
  // a one-word match ("US" → United States) yields to the fuller reading ("US [forces]")
  const single = new Map<number, number>();
  found.forEach((m, i) => m.tokEnd - m.tokStart === 1 && single.set(m.tokStart, i));
  for (const m of [...found]) {
    if (!m.entry || m.tokEnd - m.tokStart < 2) continue;
    const conj = tokens[m.tokStart - 1];
    const w = m.tokStart - 2;
    if (!conj || w < 0 || !CONJUNCTIONS.has(conj.raw.toLowerCase()) || (covered[w] && !single.has(w))) continue;
    const head = tokens[m.tokEnd - 1];
    for (const k1 of tokens[w].keys) {
      const n1 = root.next.get(k1);
      if (!n1) continue;
      const n2 = head.keys.map((k) => n1.next.get(k)).find((n) => n?.hits);
      const hit = n2?.hits?.find((h) => h.entry.id !== m.key && caseAgrees(h, tokens, w, w + 1));
      if (!hit) continue;
      const t = tokens[w];
      if (single.has(w)) found.splice(single.get(w)!, 1, { ...found[single.get(w)!], key: "", via: "replaced" });
      out.push({ start: t.start, end: t.end, text: text.slice(t.start, t.end), tokStart: w, tokEnd: w + 1, entry: hit.entry, key: hit.entry.id, name: hit.entry.name, type: hit.entry.type, via: "elliptic" });
      break;
    }
  }
  return out;
}
