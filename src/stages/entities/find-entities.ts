import { partResource, type Context } from "../../core/context.js";
import type { Doc, EntityRecord, EntityType } from "../../core/doc.js";
import { addToTrie, buildAliasTrie, emptyTrie, type TrieNode } from "../../kb/alias-trie.js";
import { loadKb, uniformEntry } from "../../kb/load-kb.js";
import { matchTokens, type MatchToken } from "../../kb/match-tokens.js";
import { tokenWordIds } from "../segment/segment-text.js";
import { buildEntityRecords } from "./build-entity-records.js";
import { discoverNames, typeFromCues } from "./discover-names.js";
import { loadDiscoveryLexicon } from "./discovery-lexicon.js";
import { findAcronyms } from "./find-acronyms.js";
import { findEllipticMentions } from "./find-elliptic-mentions.js";
import { findKbMentions } from "./find-kb-mentions.js";
import { findNestedMentions } from "./find-nested-mentions.js";
import { foundMention, mentionList, type FoundMention } from "./found-mention.js";
import { linkPartialNames } from "./link-partial-names.js";
import { linkRoleMentions, loadRoleTitles } from "./link-role-mentions.js";
import { zeroedBytes } from "./zeroed-bytes.js";

function cover(covered: Uint8Array, ms: readonly FoundMention[]): void {
  for (let i = 0; i < ms.length; i++) for (let k = ms[i].tokStart; k < ms[i].tokEnd; k++) covered[k] = 1;
}

/** Later mentions of names discovered in this document ("Harir Air Base" again further down). */
function rescanDiscovered(text: string, tokens: readonly MatchToken[], discovered: readonly FoundMention[], covered: Uint8Array): FoundMention[] {
  const out = mentionList();
  if (!discovered.length) return out;
  const root = emptyTrie();
  const byKey = new Map<string, FoundMention>();
  for (const d of discovered) {
    if (byKey.has(d.key)) continue;
    byKey.set(d.key, d);
    addToTrie(root, uniformEntry({ id: d.key, type: d.type, name: d.name, aliases: [] }), d.text);
  }
  const found = findKbMentions(text, tokens, root, covered);
  for (let i = 0; i < found.length; i++) {
    const m = found[i];
    const d = byKey.get(m.key)!;
    out.push(foundMention(m.start, m.end, m.text, m.tokStart, m.tokEnd, null, m.key, d.name, d.type, "discovered"));
  }
  return out;
}

const lexiconOf = partResource<ReturnType<typeof loadDiscoveryLexicon>>("entity-lexicon");
const roleTitlesOf = partResource<ReturnType<typeof loadRoleTitles>>("entity-role-titles");

/** Appends `more` to `all` (no spread copy of the whole list at each pass). */
function append(all: FoundMention[], more: readonly FoundMention[]): void {
  for (let i = 0; i < more.length; i++) all.push(more[i]);
}

/** KB names, then the names coordination leaves elliptic ("US and coalition forces"): both marked covered. */
function kbAndElliptic(text: string, tokens: readonly MatchToken[], trie: TrieNode, covered: Uint8Array): { found: FoundMention[]; elliptic: FoundMention[] } {
  const found = findKbMentions(text, tokens, trie);
  cover(covered, found);
  const elliptic = findEllipticMentions(text, tokens, trie, found, covered);
  cover(covered, elliptic);
  // mentions the elliptic pass re-read are dropped
  for (let i = found.length - 1; i >= 0; i--) if (found[i].via === "replaced") found.splice(i, 1);
  return { found, elliptic };
}

/** Per token, 1 inside a mention of an outlet or agency. */
function mediaTokens(found: readonly FoundMention[], n: number): Uint8Array {
  const media = zeroedBytes(1, n);
  for (let i = 0; i < found.length; i++) if (found[i].type === "media") media.fill(1, found[i].tokStart, found[i].tokEnd);
  return media;
}

/** What the entity passes read for one context and language: the KB's trie and the language's word lists. */
interface EntityResources {
  readonly ctx: Context;
  readonly iso: string;
  readonly trie: TrieNode;
  readonly lex: ReturnType<typeof loadDiscoveryLexicon>;
  readonly roleTitles: ReturnType<typeof loadRoleTitles>;
  /** Types an acronym's unknown full name from its last words. */
  readonly typeOf: (words: readonly string[]) => EntityType | null;
}
// the resources of the last context and language asked for (no loader closures made per article to ask again)
let lastResources: EntityResources | null = null;

function resourcesOf(ctx: Context, iso: string): EntityResources {
  if (lastResources && lastResources.ctx === ctx && lastResources.iso === iso) return lastResources;
  const kb = ctx.resource("kb", loadKb);
  const lex = lexiconOf(ctx, iso, () => loadDiscoveryLexicon(ctx, iso));
  return (lastResources = {
    ctx, iso, trie: ctx.resource("kb-trie", () => buildAliasTrie(kb)), lex,
    roleTitles: roleTitlesOf(ctx, iso, () => loadRoleTitles(ctx, iso)),
    typeOf: (w) => typeFromCues(lex, w),
  });
}

/** Runs every entity pass over a document's clean text and returns its entity records. */
export function findEntities(doc: Doc, ctx: Context): EntityRecord[] {
  const { trie, lex, roleTitles, typeOf } = resourcesOf(ctx, doc.language?.code ?? "en");
  const text = doc.text;
  // (no token outlives this function: their objects are reused by the next document's call)
  const tokens = matchTokens(text, doc.tokens, doc.tokens && tokenWordIds(doc.tokens), true);
  const covered = zeroedBytes(0, tokens.length);

  const { found, elliptic } = kbAndElliptic(text, tokens, trie, covered);
  // every mention so far, in the order of the passes
  const all = found.slice();
  append(all, elliptic);
  const acronyms = findAcronyms(text, tokens, all, covered, typeOf);
  cover(covered, acronyms);
  append(all, acronyms);
  const discovered = discoverNames({ text, tokens, covered, lex, media: mediaTokens(found, tokens.length) });
  append(all, discovered);
  const again = rescanDiscovered(text, tokens, discovered, covered);
  cover(covered, again);
  append(all, again);
  const partial = linkPartialNames(text, tokens, all, covered);
  cover(covered, partial);
  append(all, partial);
  append(all, linkRoleMentions(text, tokens, all, covered, roleTitles));
  append(all, findNestedMentions(text, tokens, trie, found));
  return buildEntityRecords(all);
}
