import type { EntityRecord } from "../../core/doc.js";
import type { FoundMention } from "./found-mention.js";

const KB_ALIASES = 5;
/** White space that `replace(/\s+/g, " ")` would change: two in a row, or one that is not a plain space. */
const SPACES = /\s\s|[^\S ]/;

// "e1", "e2", …: one string each, shared by every article (a kept Doc holds one per entity otherwise)
const IDS: string[] = [];
const idOf = (n: number): string => (IDS[n] ??= `e${n}`);

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
    let name = e ? e.name : first.name;
    if (!e) for (const m of g) if (m.text.length > name.length) name = m.text;
    // the forms the article uses, then a few of the KB's other names for the entity
    const seen: string[] = [];
    for (const m of g) {
      const form = SPACES.test(m.text) ? m.text.replace(/\s+/g, " ") : m.text;
      if (!seen.includes(form)) seen.push(form);
    }
    const aliases: string[] = [];
    for (const a of seen) if (a !== name) aliases.push(a);
    // the first few KB aliases the article does not use (an entry may have hundreds: stop at KB_ALIASES)
    if (e) {
      for (let i = 0, extra = 0; i < e.aliases.length && extra < KB_ALIASES; i++) {
        const a = e.aliases[i];
        if (seen.includes(a)) continue;
        extra++;
        if (a !== name) aliases.push(a);
      }
    }
    const mentionList = new Array<{ start: number; end: number; text: string }>(g.length);
    for (let i = 0; i < g.length; i++) mentionList[i] = { start: g[i].start, end: g[i].end, text: g[i].text };
    // (the optional fields are added in this order: the JSON output lists them so)
    // (aliases in an array of their own size: the record is kept with the Doc, a push-grown array with room for 17)
    const record: Mutable<EntityRecord> = { id: idOf(out.length + 1), kb: e ? e.id : null, name, aliases: aliases.length ? aliases.slice() : [], type: first.type, mentions: mentionList };
    if (e && e.lat != null && e.lon != null) {
      record.lat = e.lat;
      record.lon = e.lon;
    }
    if (e?.wikidata) record.wikidata = e.wikidata;
    if (!e) record.discovered = true;
    out.push(record);
  }
  return out;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
