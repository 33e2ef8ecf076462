import type { KbEntry } from "./knowledge-base.js";
import { nameKeys } from "./match-tokens.js";
import { objectList } from "../core/object-list.js";

// Memos over immutable KB entries: per-article passes ask for these again and again.
const NAME_KEYS = new WeakMap<KbEntry, readonly (readonly string[])[]>();
const ROLE_KEYS = new WeakMap<KbEntry, readonly (readonly string[])[]>();

/**
 * The name keys of each of `names`, in a list pushed to from one of the elements kind it ends with (a map() result,
 * or an empty [] for an entry without roles, has another array map depending on who made it, optimised code or not:
 * readers of these lists bailed out of optimised code, "wrong map").
 */
function keysOfNames(first: string | null, names: readonly string[] | undefined): readonly (readonly string[])[] {
  const out = objectList<readonly string[]>();
  if (first !== null) out.push(nameKeys(first));
  if (names) for (let i = 0; i < names.length; i++) out.push(nameKeys(names[i]));
  return out;
}

/** The token keys of an entry's name and every alias, computed once per entry. */
export function entryNameKeys(e: KbEntry): readonly (readonly string[])[] {
  let k = NAME_KEYS.get(e);
  if (!k) NAME_KEYS.set(e, (k = keysOfNames(e.name, e.aliases)));
  return k;
}

/** The token keys of an entry's roles ("Secretary-General of …"), computed once per entry. */
export function entryRoleKeys(e: KbEntry): readonly (readonly string[])[] {
  let k = ROLE_KEYS.get(e);
  if (!k) ROLE_KEYS.set(e, (k = keysOfNames(null, e.roles)));
  return k;
}
