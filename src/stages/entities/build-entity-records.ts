import type { EntityRecord, Mention } from "../../core/doc.js";
import type { FoundMention } from "./found-mention.js";

const KB_ALIASES = 5;
/** White space that `replace(/\s+/g, " ")` would change: two in a row, or one that is not a plain space. */
const SPACES = /\s\s|[^\S ]/;

// "e1", "e2", …: one string each, shared by every article (a kept Doc holds one per entity otherwise)
const IDS: string[] = [];
const idOf = (n: number): string => (IDS[n] ??= `e${n}`);

const byPlace = (a: FoundMention, b: FoundMention): number => a.start - b.start || b.end - a.end;

/**
 * The mentions grouped by key, groups in order of their first mention (mentions in text order). Indexed loops and a
 * Map to group numbers, not for…of over arrays and Map iterators: the iterator results' checks were this function's
 * "wrong map" de-optimisations (compiled six times in a run).
 */
function groupByKey(sorted: readonly FoundMention[]): FoundMention[][] {
  const index = new Map<string, number>();
  const groups: FoundMention[][] = [];
  for (let i = 0; i < sorted.length; i++) {
    const m = sorted[i];
    const g = index.get(m.key);
    if (g === undefined) {
      index.set(m.key, groups.length);
      groups.push([m]);
    } else groups[g].push(m);
  }
  return groups;
}

/** A discovered entity is named by its longest mention; a KB entity by its KB name. */
function recordName(g: readonly FoundMention[]): string {
  const first = g[0];
  if (first.entry) return first.entry.name;
  let name = first.name;
  for (let i = 0; i < g.length; i++) if (g[i].text.length > name.length) name = g[i].text;
  return name;
}

// Lists reused from record to record, written by index up to a count (two lists grown by push per record, thrown away,
// were most of this pass's allocation); entries past the count are stale.
const FORMS: string[] = [];
const ALIASES: string[] = [];

/** Is s one of FORMS[0, n)? */
function inForms(s: string, n: number): boolean {
  for (let i = 0; i < n; i++) if (FORMS[i] === s) return true;
  return false;
}

/** The forms the article uses, white space collapsed, each once: written to FORMS, their count returned. */
function formsUsed(g: readonly FoundMention[]): number {
  let n = 0;
  for (let i = 0; i < g.length; i++) {
    const t = g[i].text;
    const form = SPACES.test(t) ? t.replace(/\s+/g, " ") : t;
    if (!inForms(form, n)) FORMS[n++] = form;
  }
  return n;
}

/** The forms the article uses, then a few of the KB's other names for the entity (not the record's name). */
function recordAliases(g: readonly FoundMention[], name: string): string[] {
  const nForms = formsUsed(g);
  let n = 0;
  for (let i = 0; i < nForms; i++) if (FORMS[i] !== name) ALIASES[n++] = FORMS[i];
  // the first few KB aliases the article does not use (an entry may have hundreds: stop at KB_ALIASES)
  const e = g[0].entry;
  if (e) {
    for (let i = 0, extra = 0; i < e.aliases.length && extra < KB_ALIASES; i++) {
      const a = e.aliases[i];
      if (inForms(a, nForms)) continue;
      extra++;
      if (a !== name) ALIASES[n++] = a;
    }
  }
  // (in an array of its own size: the record is kept with the Doc)
  return n ? ALIASES.slice(0, n) : [];
}

function mentionsOf(g: readonly FoundMention[]): Mention[] {
  const list = new Array<Mention>(g.length);
  for (let i = 0; i < g.length; i++) list[i] = { start: g[i].start, end: g[i].end, text: g[i].text };
  return list;
}

/** The record of one group, numbered n. */
function entityRecord(g: readonly FoundMention[], n: number): EntityRecord {
  const e = g[0].entry;
  const name = recordName(g);
  // (the optional fields are added in this order: the JSON output lists them so)
  const record: Mutable<EntityRecord> = { id: idOf(n), kb: e ? e.id : null, name, aliases: recordAliases(g, name), type: g[0].type, mentions: mentionsOf(g) };
  if (e && e.lat != null && e.lon != null) {
    record.lat = e.lat;
    record.lon = e.lon;
  }
  if (e?.wikidata) record.wikidata = e.wikidata;
  if (!e) record.discovered = true;
  return record;
}

/** Groups mentions into one record per entity, numbered e1, e2, … in order of first mention. */
export function buildEntityRecords(mentions: readonly FoundMention[]): EntityRecord[] {
  const groups = groupByKey(mentions.slice().sort(byPlace));
  const out: EntityRecord[] = [];
  for (let i = 0; i < groups.length; i++) out.push(entityRecord(groups[i], i + 1));
  return out;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
