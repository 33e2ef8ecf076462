import type { TrieNode } from "../../kb/alias-trie.js";
import type { MatchToken } from "../../kb/match-tokens.js";
import { foundMention, mentionList, type FoundMention } from "./found-mention.js";
import { longestMatch } from "./find-kb-mentions.js";

const CONTAINERS = new Set(["place", "facility"]);
const INNER = new Set(["state", "place"]);

/**
 * States and places named inside a longer place name: "Jordan-Syria border" → Jordan, Syria;
 * "Deir ez-Zor airport" → Deir ez-Zor; "US embassy in Baghdad" → United States, Baghdad. An inner name that is
 * itself a reading of the whole span ("Syria border" inside "Jordan-Syria border") is not one.
 */
export function findNestedMentions(text: string, tokens: readonly MatchToken[], root: TrieNode, outer: readonly FoundMention[]): FoundMention[] {
  const out = mentionList();
  for (const m of outer) {
    if (!m.entry || !CONTAINERS.has(m.type) || m.tokEnd - m.tokStart < 2) continue;
    const siblings = new Set((longestMatch(tokens, m.tokStart, root)?.hits ?? []).map((h) => h.entry.id));
    siblings.add(m.key);
    for (let i = m.tokStart; i < m.tokEnd; ) {
      let maxEnd = i === m.tokStart ? m.tokEnd - 1 : m.tokEnd;
      let found: FoundMention | null = null;
      while (maxEnd > i && !found) {
        const inner = longestMatch(tokens, i, root, undefined, maxEnd);
        if (!inner) break;
        // an inner name that can also read as the outer entity is a shorter form of it, not a part
        const hit = inner.hits.some((h) => h.entry.id === m.key) ? undefined : inner.hits.find((h) => INNER.has(h.entry.type) && !siblings.has(h.entry.id));
        if (hit) {
          const start = tokens[i].start;
          const end = tokens[inner.end - 1].end;
          found = foundMention(start, end, text.slice(start, end), i, inner.end, hit.entry, hit.entry.id, hit.entry.name, hit.entry.type, "nested");
        } else maxEnd = inner.end - 1;
      }
      if (found) out.push(found);
      i = found ? found.tokEnd : i + 1;
    }
  }
  return out;
}
