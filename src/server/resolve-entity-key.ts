import type { KbEntry, KnowledgeBase } from "../kb/knowledge-base.js";

/**
 * The store key of an entity asked for by KB id, store key (`name:…`) or any name or alias in any script:
 * "kataib-hezbollah", "Kataib Hezbollah" and "كتائب حزب الله" all give "kataib-hezbollah"; an unknown name gives
 * `name:` + the name lower-cased (how unlinked entities are keyed).
 */
export function resolveEntityKey(kb: KnowledgeBase, id: string): { key: string; entry: KbEntry | null } {
  const direct = kb.get(id) ?? kb.get(id.toLowerCase());
  if (direct) return { key: direct.id, entry: direct };
  if (id.startsWith("name:")) return { key: id, entry: null };
  const found = kb.lookup(id)[0];
  if (found) return { key: found.id, entry: found };
  return { key: `name:${id.toLowerCase()}`, entry: null };
}
