import { WordBytes } from "../../kb/word-bytes.js";
import type { Context } from "../../core/context.js";
import type { MatchToken } from "../../kb/match-tokens.js";
import { nameKeys } from "../../kb/match-tokens.js";
import { entryRoleKeys } from "../../kb/entry-keys.js";
import { movedMention, mentionList, type FoundMention } from "./found-mention.js";
import type { KbEntry } from "../../kb/knowledge-base.js";

/** A localised title and the English role words it stands for. */
export interface RoleTitle {
  readonly keys: readonly string[];
  readonly role: readonly string[];
}

/** Reads data/lang/<iso>/role-titles.tsv. */
export function loadRoleTitles(ctx: Context, iso: string): RoleTitle[] {
  return ctx
    .lang(iso)
    .table("role-titles")
    .filter((r) => r[0] && r[1])
    .map((r) => ({ keys: nameKeys(r[0]), role: nameKeys(r[1]) }))
    .filter((r) => r.keys.length && r.role.length);
}

function contains(hay: readonly string[], needle: readonly string[]): boolean {
  for (let s = 0; s + needle.length <= hay.length; s++) {
    let all = true;
    for (let i = 0; i < needle.length && all; i++) all = hay[s + i] === needle[i];
    if (all) return true;
  }
  return false;
}

/** Does one of `roles` contain `needle`? */
function anyContains(roles: readonly (readonly string[])[], needle: readonly string[]): boolean {
  for (let r = 0; r < roles.length; r++) if (contains(roles[r], needle)) return true;
  return false;
}

// Which titles of a language's list each KB person holds, worked out once per list and entry (the same people come
// back article after article).
const HELD = new WeakMap<readonly RoleTitle[], WeakMap<KbEntry, Uint8Array>>();

/** Per title of `titles`, 1 when one of the entry's roles contains it. */
function titlesHeld(e: KbEntry, titles: readonly RoleTitle[]): Uint8Array {
  let byEntry = HELD.get(titles);
  if (!byEntry) HELD.set(titles, (byEntry = new WeakMap()));
  let held = byEntry.get(e);
  if (!held) {
    held = new Uint8Array(titles.length);
    const roles = entryRoleKeys(e);
    for (let ti = 0; ti < titles.length; ti++) held[ti] = anyContains(roles, titles[ti].role) ? 1 : 0;
    byEntry.set(e, held);
  }
  return held;
}

/** A title of the list that one person of the article holds, and that person's mention. */
interface UsableTitle {
  readonly t: RoleTitle;
  readonly holder: FoundMention;
}

/** The first mention of each KB person with roles, in order. */
function peopleWithRoles(found: readonly FoundMention[]): FoundMention[] {
  const persons = mentionList();
  const seen = new Set<string>();
  for (let i = 0; i < found.length; i++) {
    const m = found[i];
    if (m.type !== "person" || !m.entry?.roles?.length || seen.has(m.key)) continue;
    seen.add(m.key);
    persons.push(m);
  }
  return persons;
}

/** The titles exactly one of `persons` holds: only those can be read as that person. */
function usableTitles(persons: readonly FoundMention[], titles: readonly RoleTitle[]): UsableTitle[] {
  const usable: UsableTitle[] = [];
  const held: Uint8Array[] = [];
  for (let pi = 0; pi < persons.length; pi++) held.push(titlesHeld(persons[pi].entry!, titles));
  for (let ti = 0; ti < titles.length; ti++) {
    let holder: FoundMention | null = null;
    let n = 0;
    for (let pi = 0; pi < persons.length; pi++) if (held[pi][ti]) (holder = persons[pi]), n++;
    if (n === 1) usable.push({ t: titles[ti], holder: holder! });
  }
  return usable;
}

/** The first keys of a list's titles, and per word-table id whether the word has one: 1 yes, 2 no, 0 not known. */
interface FirstKeys {
  readonly keys: ReadonlySet<string>;
  readonly bits: WordBytes;
}
const FIRST_KEYS = new WeakMap<readonly RoleTitle[], FirstKeys>();

/**
 * May a title of `titles` start at token `t`: has its word a key that is the first key of one? Read by the word's id
 * (an array by id, no visit to the word's keys) when it has one; a token without says yes (tested as before).
 */
function mayStartTitle(titles: readonly RoleTitle[], t: MatchToken): boolean {
  const id = t.id;
  if (id < 0) return true;
  let f = FIRST_KEYS.get(titles);
  if (!f) FIRST_KEYS.set(titles, (f = { keys: new Set(titles.map((x) => x.keys[0])), bits: new WordBytes() }));
  const bits = f.bits.for(id);
  let b = bits[id];
  if (b === 0) {
    let yes = false;
    for (let q = 0; q < t.keys.length && !yes; q++) yes = f.keys.has(t.keys[q]);
    bits[id] = b = yes ? 1 : 2;
  }
  return b === 1;
}

/** The end of title `keys` read at token i (none of its tokens covered), or -1. */
function titleEnd(tokens: readonly MatchToken[], covered: Uint8Array, i: number, keys: readonly string[]): number {
  if (i + keys.length > tokens.length) return -1;
  for (let k = 0; k < keys.length; k++) if (covered[i + k] || !tokens[i + k].keys.includes(keys[k])) return -1;
  return i + keys.length;
}

/**
 * Titles standing for a person the article names: "the movement's Secretary-General" → Akram al-Kaabi, when he is
 * the only person of the article whose KB roles carry that title. A title right before a name is not one.
 */
export function linkRoleMentions(text: string, tokens: readonly MatchToken[], found: readonly FoundMention[], covered: Uint8Array, titles: readonly RoleTitle[]): FoundMention[] {
  const out = mentionList();
  if (!titles.length) return out;
  const persons = peopleWithRoles(found);
  if (!persons.length) return out;
  const usable = usableTitles(persons, titles);
  if (!usable.length) return out;
  for (let i = 0; i < tokens.length; i++) {
    // (most words start no title of the list: no title is tried there)
    if (covered[i] || !mayStartTitle(titles, tokens[i])) continue;
    for (let u = 0; u < usable.length && !covered[i]; u++) {
      const end = titleEnd(tokens, covered, i, usable[u].t.keys);
      if (end < 0) continue;
      const next = tokens[end];
      if (next && (covered[end] || (next.cap && next.kind !== "punct"))) continue;
      const start = tokens[i].start;
      out.push(movedMention(usable[u].holder, start, tokens[end - 1].end, text.slice(start, tokens[end - 1].end), i, end, "role"));
      for (let k = i; k < end; k++) covered[k] = 1;
    }
  }
  return out;
}
