import type { KbEntry, KnowledgeBase } from "./knowledge-base.js";
import { nameKeys } from "./match-tokens.js";

/** How strictly the case of the text must agree with an alias. */
export type CaseMode = "acronym" | "proper" | "any" | "quoted";

/** One alias ending at a trie node. */
export interface AliasHit {
  readonly entry: KbEntry;
  readonly alias: string;
  readonly mode: CaseMode;
  /** The name is an adjective standing for the entity ("American" → United States). */
  readonly demonym: boolean;
}

/** A node of the token trie: children by token key, and the aliases that end here. */
export interface TrieNode {
  readonly next: Map<string, TrieNode>;
  hits: AliasHit[] | null;
  /** A root whose first-key test each word may remember (the KB's trie, built once; not a document's own). */
  readonly shared: boolean;
  /** `next` has a child (next.size > 0, read from the node itself: the search asks it of every node it reaches). */
  branches: boolean;
}

/**
 * A trie node. Every node, root or not, of the KB's trie or a document's, is made here with the same fields (an
 * optional `shared` on one root gave the name search two node shapes to check, and its compiled code bailed out).
 */
function trieNode(shared: boolean): TrieNode {
  return { next: new Map(), hits: null, shared, branches: false };
}

/**
 * "IRGC", "U.S." → acronym (text must be in capitals); "Hashd" → proper (text must show a capital); "coalition forces"
 * → any. "quoted" names (KbEntry.quoted) only count between quotation marks or slashes.
 */
export function caseMode(alias: string): CaseMode {
  if (/[\u0600-\u06ff]/.test(alias)) return "any";
  const letters = alias.replace(/[^\p{L}]/gu, "");
  if (!/\s/.test(alias.trim()) && letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return "acronym";
  return /\p{Lu}/u.test(alias) ? "proper" : "any";
}

/** Adds one name to a trie. */
export function addToTrie(root: TrieNode, entry: KbEntry, alias: string, demonym = false, quoted = false): void {
  const keys = nameKeys(alias);
  // a one-letter name ("X") would match every capital letter
  if (!keys.length || alias.replace(/[^\p{L}\p{N}]/gu, "").length < 2) return;
  let node = root;
  for (const k of keys) {
    let n = node.next.get(k);
    if (!n) {
      node.next.set(k, (n = trieNode(false)));
      node.branches = true;
    }
    node = n;
  }
  const hits = (node.hits ??= []);
  const mode = quoted ? "quoted" : caseMode(alias);
  if (!hits.some((h) => h.entry === entry && h.mode === mode)) hits.push({ entry, alias, mode, demonym });
}

/** Creates an empty trie. */
export function emptyTrie(): TrieNode {
  return trieNode(false);
}

/** A trie over the normalised tokens of every KB name and alias. */
export function buildAliasTrie(kb: KnowledgeBase): TrieNode {
  const root = trieNode(true);
  for (const e of kb.all()) {
    for (const a of [e.name, ...e.aliases]) addToTrie(root, e, a);
    for (const d of e.demonyms ?? []) addToTrie(root, e, d, true);
    for (const q of e.quoted ?? []) addToTrie(root, e, q, false, true);
  }
  return root;
}
