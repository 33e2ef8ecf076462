import { WordBytes } from "../../kb/word-bytes.js";
import type { AliasHit, TrieNode } from "../../kb/alias-trie.js";
import type { KbEntry, KbRelation } from "../../kb/knowledge-base.js";
import type { MatchToken, WordInfo } from "../../kb/match-tokens.js";
import { nameKeys } from "../../kb/match-tokens.js";
import { entryNameKeys } from "../../kb/entry-keys.js";
import { foundMention, mentionList, type FoundMention } from "./found-mention.js";

const INDEFINITE = new Set(["a", "an", "une", "un"]);

/** True when the matched tokens show the case the alias asks for: "IRGC" needs capitals, "Hashd" a capital. */
export function caseAgrees(hit: AliasHit, tokens: readonly MatchToken[], from: number, to: number): boolean {
  if (hit.mode === "any") return true;
  if (hit.mode === "quoted") return tokens[from].quotedBefore && tokens[to - 1].quotedAfter;
  let words = 0;
  let acr = 0;
  let caps = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i];
    if (t.kind === "punct" || t.article) continue;
    words++;
    if (t.arabic) return true;
    if (t.kind === "acronym") acr++;
    if (t.cap) caps++;
  }
  if (hit.mode === "acronym") return words > 0 && acr === words;
  return caps > 0;
}

/**
 * The longest alias starting at token `i`, skipping articles inside it ("Abu Mahdi al-Muhandis"), within the first
 * `limit` tokens.
 */
export function longestMatch(tokens: readonly MatchToken[], i: number, root: TrieNode, skip?: Uint8Array, limit = tokens.length): { end: number; hits: AliasHit[] } | null {
  const first = tokens[i];
  if (skip?.[i]) return null;
  // most words start no name: answer without the search
  if (root.shared && first.id >= 0) {
    if (!startsName(first, root) && !first.article) return null;
    return searchAliases(tokens, i, skip, root, i, null, limit, root);
  }
  const w = first.word;
  if (w.startsOf !== root) {
    const keys = first.keys;
    if (root.shared) {
      // the KB trie's children are remembered on the word (a Map look-up per token was a fifth of this pass)
      if (!rememberChildren(w, root, keys) && !first.article) return null;
    } else if (!first.article) {
      // a document's own trie (rescanned names): no array per token
      let starts = false;
      for (let q = 0; q < keys.length && !starts; q++) starts = root.next.has(keys[q]);
      if (!starts) return null;
    }
  } else if (!first.article && !w.starts) return null;
  return searchAliases(tokens, i, skip, root, i, null, limit, null);
}

/** Remembers on word `w` the children of the KB trie's `root` under each of its keys; true when there is one. */
function rememberChildren(w: WordInfo, root: TrieNode, keys: readonly string[]): boolean {
  const children = new Array<TrieNode | undefined>(keys.length);
  let starts = false;
  for (let q = 0; q < keys.length; q++) {
    const n = root.next.get(keys[q]);
    children[q] = n;
    if (n !== undefined) starts = true;
  }
  w.startsOf = root;
  w.children = children;
  w.starts = starts;
  return starts;
}

// Per word-table id, what the word is to the KB trie STARTS_ROOT: bit STARTS_KNOWN
// set when known, then STARTS_NAME when it starts a name, and INNER when one of its keys is a key below the root (it
// may continue a name); 0 not known yet. Read by the token's id: most words start no name and continue none, and this
// answers without visiting the word's object (a cache miss per token) nor looking its key up in a node's Map.
const STARTS = new WordBytes();
let STARTS_ROOT: TrieNode | null = null;
const STARTS_KNOWN = 1;
const STARTS_NAME = 2;
const INNER_KNOWN = 4;
const INNER = 8;
// The keys below the root of the KB trie INNER_ROOT (every key but the root's own children's).
let INNER_KEYS: Set<string> | null = null;
let INNER_ROOT: TrieNode | null = null;

/** STARTS for the KB trie `root`, room made for word id `id`. */
function startsFor(root: TrieNode, id: number): Uint8Array {
  if (STARTS_ROOT !== root) {
    STARTS.clear();
    STARTS_ROOT = root;
  }
  return STARTS.for(id);
}

/** Does the word of token `t` (with a word-table id) start a name of the KB trie `root`? (Remembers its children.) */
function startsName(t: MatchToken, root: TrieNode): boolean {
  const starts = startsFor(root, t.id);
  let s = starts[t.id];
  if (!(s & STARTS_KNOWN)) {
    const w = t.word;
    const yes = w.startsOf === root ? w.starts : rememberChildren(w, root, t.keys);
    starts[t.id] = s |= STARTS_KNOWN | (yes ? STARTS_NAME : 0);
  }
  return (s & STARTS_NAME) !== 0;
}

/** Every key of the trie below `root`'s own children. */
function innerKeys(root: TrieNode): Set<string> {
  if (INNER_ROOT === root) return INNER_KEYS!;
  const keys = new Set<string>();
  const stack: TrieNode[] = [];
  for (const child of root.next.values()) stack.push(child);
  while (stack.length) {
    const n = stack.pop()!;
    for (const [k, child] of n.next) {
      keys.add(k);
      stack.push(child);
    }
  }
  INNER_ROOT = root;
  return (INNER_KEYS = keys);
}

/**
 * May the word of token `t` (with a word-table id) continue a name of the KB trie `root`: is one of its keys a key of
 * a node below the root? When not, no node below the root has a child under its keys.
 */
function continuesName(t: MatchToken, root: TrieNode): boolean {
  const starts = startsFor(root, t.id);
  let s = starts[t.id];
  if (!(s & INNER_KNOWN)) {
    const inner = innerKeys(root);
    const keys = t.keys;
    let yes = false;
    for (let q = 0; q < keys.length && !yes; q++) yes = inner.has(keys[q]);
    starts[t.id] = s |= INNER_KNOWN | (yes ? INNER : 0);
  }
  return (s & INNER) !== 0;
}

type Best = { end: number; hits: AliasHit[] } | null;

/** node.next.get(t.keys[q]), from the word's memo when node is the root it remembers. */
function childOf(node: TrieNode, t: MatchToken, q: number): TrieNode | undefined {
  const w = t.word;
  return w.startsOf === node ? w.children![q] : node.next.get(t.keys[q]);
}

/**
 * The search of longestMatch from trie node `node` at token j: depth first, in the order of a stack, as it was first
 * written (a stack of [node, j] pairs): at each token the hits of every child are weighed first, then the children are
 * searched last key first, and skipping an article last of all. Recursion keeps that order and allocates nothing.
 * `kb` is the KB trie the search started from (null for a document's own): below its root, a token whose word
 * continues no name of it has no child to look up.
 */
function searchAliases(tokens: readonly MatchToken[], i: number, skip: Uint8Array | undefined, node: TrieNode, j: number, best: Best, limit: number, kb: TrieNode | null): Best {
  if (j >= limit || skip?.[j]) return best;
  const t = tokens[j];
  if (kb !== null && node !== kb && t.id >= 0 && !continuesName(t, kb)) {
    // (as below with no child under any key: only an article may be skipped)
    if (t.article && j + 1 < limit && tokens[j + 1].kind !== "punct") best = searchAliases(tokens, i, skip, node, j + 1, best, limit, kb);
    return best;
  }
  const keys = t.keys;
  const nk = keys.length;
  if (nk === 1) {
    // one key (every Latin word): its child looked up once, for its hits and to search on
    const n = childOf(node, t, 0);
    if (n) {
      if (n.hits && (!best || j + 1 > best.end)) {
        const ok = agreeingHits(n.hits, tokens, i, j + 1);
        if (ok.length) best = { end: j + 1, hits: ok };
      }
      if (n.branches) best = searchAliases(tokens, i, skip, n, j + 1, best, limit, kb);
    }
    if (t.article && j + 1 < limit && tokens[j + 1].kind !== "punct") best = searchAliases(tokens, i, skip, node, j + 1, best, limit, kb);
    return best;
  }
  for (let q = 0; q < nk; q++) {
    const n = childOf(node, t, q);
    if (n && n.hits && (!best || j + 1 > best.end)) {
      const ok = agreeingHits(n.hits, tokens, i, j + 1);
      if (ok.length) best = { end: j + 1, hits: ok };
    }
  }
  for (let q = nk - 1; q >= 0; q--) {
    const n = childOf(node, t, q);
    if (n && n.branches) best = searchAliases(tokens, i, skip, n, j + 1, best, limit, kb);
  }
  if (t.article && j + 1 < limit && tokens[j + 1].kind !== "punct") best = searchAliases(tokens, i, skip, node, j + 1, best, limit, kb);
  return best;
}

/** The hits whose case the tokens [from, to) agree with: the node's own (read-only) array when all do, as most often. */
function agreeingHits(hits: AliasHit[], tokens: readonly MatchToken[], from: number, to: number): AliasHit[] {
  let k = 0;
  while (k < hits.length && caseAgrees(hits[k], tokens, from, to)) k++;
  if (k === hits.length) return hits;
  const ok = hits.slice(0, k);
  for (k++; k < hits.length; k++) if (caseAgrees(hits[k], tokens, from, to)) ok.push(hits[k]);
  return ok;
}

/** "a coalition of militias": a common noun after an indefinite article names no particular entity. */
function isIndefinite(tokens: readonly MatchToken[], start: number, end: number): boolean {
  const prev = tokens[start - 1];
  return end - start === 1 && !tokens[start].cap && !tokens[start].arabic && !!prev && INDEFINITE.has(prev.raw.toLowerCase());
}

/**
 * How many letters of an Arabic first word are clitics outside the name: "بالمقاومة" → 1 (the name starts at
 * "المقاومة"), "وبغداد" → 1. "للقوات" (li + al, the alif written away) keeps its span whole.
 */
function cliticLength(t: MatchToken, root: TrieNode): number {
  if (!t.arabic || childOf(root, t, 0) !== undefined) return 0;
  // the first key with a child of the root (from the word's memo when it remembers this root: no Map look-up, no closure)
  let k: string | undefined;
  for (let q = 1; q < t.keys.length && k === undefined; q++) if (childOf(root, t, q) !== undefined) k = t.keys[q];
  const s = t.keys[0];
  if (!k || !s.endsWith(k) || t.raw.length !== s.length) return 0;
  return s.length - k.length;
}

interface Match {
  readonly from: number;
  readonly to: number;
  readonly entries: KbEntry[];
  readonly demonym: boolean;
}

/** Does some name of `e` contain the key sequence `keys` ("Hezbollah" inside "Kata'ib Hezbollah")? */
function nameContains(e: KbEntry, keys: readonly string[]): boolean {
  for (const nk of entryNameKeys(e)) {
    if (nk.length <= keys.length) continue;
    for (let s = 0; s + keys.length <= nk.length; s++) {
      let all = true;
      for (let i = 0; i < keys.length && all; i++) all = nk[s + i] === keys[i];
      if (all) return true;
    }
  }
  return false;
}

// nameKeys(text).join(" "), remembered: the same short names recur from article to article
const JOINED_KEYS = new Map<string, string>();
function joinedNameKeys(text: string): string {
  let k = JOINED_KEYS.get(text);
  if (k === undefined) {
    if (JOINED_KEYS.size > 50_000) JOINED_KEYS.clear();
    JOINED_KEYS.set(text, (k = nameKeys(text).join(" ")));
  }
  return k;
}

const NO_RELATIONS: readonly KbRelation[] = [];
const NO_POSITIONS: readonly number[] = [];

/** Does every candidate have a relation to `id` (a border's two states both do: it tells them apart not)? */
function sharedTarget(cands: readonly KbEntry[], id: string): boolean {
  for (let k = 0; k < cands.length; k++) {
    const rels = cands[k].relations ?? NO_RELATIONS;
    let has = false;
    for (let q = 0; q < rels.length && !has; q++) has = rels[q].target === id;
    if (!has) return false;
  }
  return true;
}

/**
 * The candidate of an ambiguous match: the one entry the article names unambiguously elsewhere; else the one whose
 * related entities (a border's states) are mentioned nearest `at`; else the first listed. (Loops, not filter/every/some
 * with callbacks: those call sites bailed out of optimised code on arrays of another elements kind, "wrong map".)
 */
function pickCandidate(cands: readonly KbEntry[], positions: ReadonlyMap<string, number[]>, at: number): KbEntry {
  let named: KbEntry | null = null;
  let nNamed = 0;
  for (let k = 0; k < cands.length; k++) if (positions.has(cands[k].id)) (named = cands[k]), nNamed++;
  if (nNamed === 1) return named!;
  let best = cands[0];
  let bestDist = Infinity;
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k];
    const rels = c.relations ?? NO_RELATIONS;
    for (let q = 0; q < rels.length; q++) {
      if (sharedTarget(cands, rels[q].target)) continue;
      const ps = positions.get(rels[q].target) ?? NO_POSITIONS;
      for (let x = 0; x < ps.length; x++) {
        const d = Math.abs(ps[x] - at);
        if (d < bestDist) (bestDist = d), (best = c);
      }
    }
  }
  return best;
}

/** The raw text of tokens [from, to), joined by single spaces. */
function rawsJoined(tokens: readonly MatchToken[], from: number, to: number): string {
  let s = tokens[from].raw;
  for (let k = from + 1; k < to; k++) s += " " + tokens[k].raw;
  return s;
}

/**
 * "Hezbollah" in an article about Kata'ib Hezbollah is its short form, unless the article names the other in full;
 * only for an entry named by this one word ("Hezbollah"), not for a generic head ("Army" of "US Army"): the longer
 * entry of the same type whose name contains the match, or null.
 */
function longFormOf(e: KbEntry, m: Match, tokens: readonly MatchToken[], longForms: ReadonlySet<string>, entryById: ReadonlyMap<string, KbEntry>): KbEntry | null {
  if (entryNameKeys(e)[0].join(" ") !== joinedNameKeys(rawsJoined(tokens, m.from, m.to))) return null;
  const keys: string[] = [];
  for (let k = m.from; k < m.to; k++) if (!tokens[k].article) keys.push(tokens[k].keys[0]);
  for (const id of longForms) {
    if (id === e.id) continue;
    const oe = entryById.get(id);
    if (oe && oe.type === e.type && nameContains(oe, keys)) return oe;
  }
  return null;
}

/**
 * Picks the entry of an ambiguous or short match: an entry the article names unambiguously elsewhere; else the
 * one whose related entities (a border's states) are mentioned nearest; else the first listed.
 */
function resolve(m: Match, tokens: readonly MatchToken[], positions: ReadonlyMap<string, number[]>, longForms: ReadonlySet<string>, entryById: ReadonlyMap<string, KbEntry>): KbEntry {
  const e = m.entries.length > 1 ? pickCandidate(m.entries, positions, tokens[m.from].start) : m.entries[0];
  if (!longForms.has(e.id) && (e.type === "armed_group" || e.type === "organization")) return longFormOf(e, m, tokens, longForms, entryById) ?? e;
  return e;
}

const NO_NAMED: ReadonlyMap<string, number[]> = new Map();

/** Where each entity of an unambiguous match is named (the start of its first token), in text order. */
function namedPositions(matches: readonly Match[], tokens: readonly MatchToken[]): Map<string, number[]> {
  const positions = new Map<string, number[]>();
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k];
    if (m.entries.length !== 1) continue;
    const id = m.entries[0].id;
    const list = positions.get(id);
    if (list) list.push(tokens[m.from].start);
    else positions.set(id, [tokens[m.from].start]);
  }
  return positions;
}

/** One left-to-right pass over the tokens (those not in `skip`): every longest alias match, not overlapping, then ambiguity resolved. */
export function findKbMentions(text: string, tokens: readonly MatchToken[], root: TrieNode, skip?: Uint8Array): FoundMention[] {
  const matches: Match[] = [];
  for (let i = 0; i < tokens.length; ) {
    if (tokens[i].kind === "punct") {
      i++;
      continue;
    }
    const m = longestMatch(tokens, i, root, skip);
    if (!m || isIndefinite(tokens, i, m.end)) {
      i++;
      continue;
    }
    // the distinct entries, in order (hits are few: no Set; most often one, in an array of its size)
    const hits = m.hits;
    let entries: KbEntry[] = [hits[0].entry];
    let demonym = !!hits[0].demonym;
    for (let k = 1; k < hits.length; k++) {
      const h = hits[k];
      if (!entries.includes(h.entry)) entries = entries.concat(h.entry);
      if (!h.demonym) demonym = false;
    }
    matches.push({ from: i, to: m.end, entries, demonym });
    i = m.end;
  }
  // (no set and map to make for a text that names no entity: a rescan of discovered names most often finds none)
  if (!matches.length) return mentionList();
  // where each unambiguous entity is named (read only to resolve an ambiguous match), and which are named by more
  // than one word
  let ambiguous = false;
  for (let k = 0; k < matches.length && !ambiguous; k++) ambiguous = matches[k].entries.length > 1;
  const positions = ambiguous ? namedPositions(matches, tokens) : NO_NAMED;
  const longForms = new Set<string>();
  const entryById = new Map<string, KbEntry>();
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k];
    if (m.entries.length !== 1) continue;
    const e = m.entries[0];
    entryById.set(e.id, e);
    if (m.to - m.from > 1) longForms.add(e.id);
  }
  const out = mentionList();
  for (let k = 0; k < matches.length; k++) {
    const m = matches[k];
    const entry = resolve(m, tokens, positions, longForms, entryById);
    const start = tokens[m.from].start + cliticLength(tokens[m.from], root);
    const end = tokens[m.to - 1].end;
    out.push(foundMention(start, end, text.slice(start, end), m.from, m.to, entry, entry.id, entry.name, entry.type, m.demonym ? "demonym" : "kb"));
  }
  return out;
}
