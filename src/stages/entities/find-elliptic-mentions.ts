import { caseAgrees } from "./find-kb-mentions.js";
import type { AliasHit, TrieNode } from "../../kb/alias-trie.js";
import type { MatchToken } from "../../kb/match-tokens.js";
import { foundMention, mentionList, type FoundMention } from "./found-mention.js";

/** The mention `m`, marked as re-read by the elliptic pass (dropped by findEntities). */
const replaced = (m: FoundMention): FoundMention => foundMention(m.start, m.end, m.text, m.tokStart, m.tokEnd, m.entry, "", m.name, m.type, "replaced");

const CONJUNCTIONS = new Set(["and", "et", "&", "و", "or", "ou"]);

/** The index of the one-word mention at token w, or -1 (looked for only after a conjunction: no map of them all per article). */
function singleAt(found: readonly FoundMention[], w: number): number {
  for (let i = found.length - 1; i >= 0; i--) if (found[i].tokStart === w && found[i].tokEnd - found[i].tokStart === 1) return i;
  return -1;
}

/** The first child of `node` under one of `keys` (in key order) at which names end. */
function childWithHits(node: TrieNode, keys: readonly string[]): TrieNode | undefined {
  for (let q = 0; q < keys.length; q++) {
    const n = node.next.get(keys[q]);
    if (n?.hits) return n;
  }
  return undefined;
}

/** The first hit naming another entity than `key` whose case token w agrees with. */
function otherAgreeingHit(hits: readonly AliasHit[], key: string, tokens: readonly MatchToken[], w: number): AliasHit | undefined {
  for (let k = 0; k < hits.length; k++) if (hits[k].entry.id !== key && caseAgrees(hits[k], tokens, w, w + 1)) return hits[k];
  return undefined;
}

/**
 * A name shared by two coordinated modifiers: "US and coalition forces" names US forces as well as coalition
 * forces. When "<w> and <… head>" is a match and "<w> <head>" is an alias too, <w> becomes a mention of it.
 */
export function findEllipticMentions(text: string, tokens: readonly MatchToken[], root: TrieNode, found: FoundMention[], covered: Uint8Array): FoundMention[] {
  const out = mentionList();
  // (by index: a replaced mention keeps its place, and is one word long, as the one it replaces)
  for (let i = 0; i < found.length; i++) {
    const m = found[i];
    if (!m.entry || m.tokEnd - m.tokStart < 2) continue;
    const conj = tokens[m.tokStart - 1];
    const w = m.tokStart - 2;
    if (!conj || w < 0 || !CONJUNCTIONS.has(conj.raw.toLowerCase())) continue;
    // a one-word match ("US" → United States) yields to the fuller reading ("US [forces]")
    const single = singleAt(found, w);
    if (covered[w] && single < 0) continue;
    const head = tokens[m.tokEnd - 1];
    for (const k1 of tokens[w].keys) {
      const n1 = root.next.get(k1);
      if (!n1) continue;
      const n2 = childWithHits(n1, head.keys);
      const hit = n2 ? otherAgreeingHit(n2.hits!, m.key, tokens, w) : undefined;
      if (!hit) continue;
      const t = tokens[w];
      if (single >= 0) found.splice(single, 1, replaced(found[single]));
      out.push(foundMention(t.start, t.end, text.slice(t.start, t.end), w, w + 1, hit.entry, hit.entry.id, hit.entry.name, hit.entry.type, "elliptic"));
      break;
    }
  }
  return out;
}
