import type { KbEntry } from "./knowledge-base.js";
import { nameKeys } from "./match-tokens.js";

// Memos over immutable KB entries: per-article passes ask for these again and again.
const NAME_KEYS = new WeakMap<KbEntry, readonly (readonly string[])[]>();
const ROLE_KEYS = new WeakMap<KbEntry, readonly (readonly string[])[]>();

/** The token keys of an entry's name and every alias, computed once per entry. */
export function entryNameKeys(e: KbEntry): readonly (readonly string[])[] {
  let k = NAME_KEYS.get(e);
  if (!k) NAME_KEYS.set(e, (k = [e.name, ...e.aliases].map((n) => nameKeys(n))));
  return k;
}

/** The token keys of an entry's roles ("Secretary-General of …"), computed once per entry. */
export function entryRoleKeys(e: KbEntry): readonly (readonly string[])[] {
  let k = ROLE_KEYS.get(e);
  if (!k) ROLE_KEYS.set(e, (k = (e.roles ?? []).map((r) => nameKeys(r))));
  return k;
}
