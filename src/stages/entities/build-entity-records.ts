import type { EntityRecord } from "../../core/doc.js";
import type { FoundMention } from "./found-mention.js";

const KB_ALIASES = 5;
/** White space that `replace(/\s+/g, " ")` would change: two in a row, or one that is not a plain space. */
const SPACES = /\s\s|[^\S ]/;

/** Groups mentions into one record per entity, numbered e1, e2, … in order of first mention. */
export function buildEntityRecords(mentions: readonly FoundMention[]): EntityRecord[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const groups = new Map<string, FoundMention[]>();
  for (const m of sorted) {
    const g = groups.get(m.key);
    if (g) g.push(m);
    else groups.set(m.key, [m]);
  }
  const out: EntityRecord[] = [];
  for (const g of groups.values()) {
    const first = g[0];
    const e = first.entry;
    // a discovered entity is named by its longest mention
    const name = e ? e.name : g.reduce((a, m) => (m.text.length > a.length ? m.text : a), first.name);
    // the forms the article uses, then a few of the KB's other names for the entity
    const seen = [...new Set(g.map((m) => (SPACES.test(m.text) ? m.text.replace(/\s+/g, " ") : m.text)))];
    // the first few KB aliases the article does not use (an entry may have hundreds: stop at KB_ALIASES)
    const extra: string[] = [];
    if (e) for (let i = 0; i < e.aliases.length && extra.length < KB_ALIASES; i++) if (!seen.includes(e.aliases[i])) extra.push(e.aliases[i]);
    const aliases = [...seen, ...extra].filter((a) => a !== name);
    out.push({
      id: `e${out.length + 1}`,
      kb: e ? e.id : null,
      name,
      aliases,
      type: first.type,
      mentions: g.map((m) => ({ start: m.start, end: m.end, text: m.text })),
      ...(e && e.lat != null && e.lon != null ? { lat: e.lat, lon: e.lon } : {}),
      ...(e?.wikidata ? { wikidata: e.wikidata } : {}),
      ...(e ? {} : { discovered: true }),
    });
  }
  return out;
}
