import type { Context } from "../../core/context.js";
import type { MatchToken } from "../../kb/match-tokens.js";
import { nameKeys } from "../../kb/match-tokens.js";
import { entryRoleKeys } from "../../kb/entry-keys.js";
import type { FoundMention } from "./found-mention.js";
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
    for (let ti = 0; ti < titles.length; ti++) held[ti] = roles.some((r) => contains(r, titles[ti].role)) ? 1 : 0;
    byEntry.set(e, held);
  }
  return held;
}

/**
 * Titles standing for a person the article names: "the movement's Secretary-General" → Akram al-Kaabi, when he is
 * the only person of the article whose KB roles carry that title. A title right before a name is not one.
 */
export function linkRoleMentions(text: string, tokens: readonly MatchToken[], found: readonly FoundMention[], covered: Uint8Array, titles: readonly RoleTitle[]): FoundMention[] {
  const people = new Map<string, FoundMention>();
  for (const m of found) if (m.type === "person" && m.entry?.roles?.length && !people.has(m.key)) people.set(m.key, m);
  const out: FoundMention[] = [];
  if (!people.size || !titles.length) return out;
  // only titles one person of the article holds can be read
  const persons = [...people.values()];
  const usable: { t: RoleTitle; holder: FoundMention }[] = [];
  const held = persons.map((p) => titlesHeld(p.entry!, titles));
  for (let ti = 0; ti < titles.length; ti++) {
    let holder: FoundMention | null = null;
    let n = 0;
    for (let pi = 0; pi < persons.length; pi++) if (held[pi][ti]) (holder = persons[pi]), n++;
    if (n === 1) usable.push({ t: titles[ti], holder: holder! });
  }
  if (!usable.length) return out;
  for (let i = 0; i < tokens.length; i++) {
    if (covered[i]) continue;
    for (const { t, holder } of usable) {
      if (covered[i] || i + t.keys.length > tokens.length) continue;
      let all = true;
      for (let k = 0; k < t.keys.length && all; k++) all = !covered[i + k] && tokens[i + k].keys.includes(t.keys[k]);
      if (!all) continue;
      const end = i + t.keys.length;
      const next = tokens[end];
      if (next && (covered[end] || (next.cap && next.kind !== "punct"))) continue;
      const start = tokens[i].start;
      out.push({ ...holder, start, end: tokens[end - 1].end, text: text.slice(start, tokens[end - 1].end), tokStart: i, tokEnd: end, via: "role" });
      for (let k = i; k < end; k++) covered[k] = 1;
    }
  }
  return out;
}
