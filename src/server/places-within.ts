import type { KnowledgeBase } from "../kb/knowledge-base.js";

const PLACE_TYPES = new Set(["place", "facility", "state"]);

/**
 * The KB places a place filter names, with every place located in them: "Jordan" → jordan, tower-22, …;
 * "Iraq" → iraq, baghdad, anbar, ain-al-asad, …. Empty when the name is not a KB place (then the filter matches
 * the location as written).
 */
export function placesWithin(kb: KnowledgeBase, name: string): string[] {
  const roots = (kb.get(name) ? [kb.get(name)!] : kb.lookup(name)).filter((e) => PLACE_TYPES.has(e.type));
  const out = new Set(roots.map((e) => e.id));
  if (!out.size) return [];
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of kb.all()) {
      if (out.has(e.id) || !PLACE_TYPES.has(e.type)) continue;
      if ((e.relations ?? []).some((r) => r.rel === "located in" && out.has(r.target))) {
        out.add(e.id);
        grew = true;
      }
    }
  }
  return [...out];
}
