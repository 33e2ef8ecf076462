import { partResource, type Context } from "../../core/context.js";
import type { Doc, EntityRecord } from "../../core/doc.js";
import { addToTrie, buildAliasTrie, emptyTrie } from "../../kb/alias-trie.js";
import type { KbEntry } from "../../kb/knowledge-base.js";
import { loadKb } from "../../kb/load-kb.js";
import { matchTokens } from "../../kb/match-tokens.js";
import { tokenWordIds } from "../segment/segment-text.js";
import { buildEntityRecords } from "./build-entity-records.js";
import { discoverNames, typeFromCues } from "./discover-names.js";
import { loadDiscoveryLexicon } from "./discovery-lexicon.js";
import { findAcronyms } from "./find-acronyms.js";
import { findEllipticMentions } from "./find-elliptic-mentions.js";
import { findKbMentions } from "./find-kb-mentions.js";
import { findNestedMentions } from "./find-nested-mentions.js";
import type { FoundMention } from "./found-mention.js";
import { linkPartialNames } from "./link-partial-names.js";
import { linkRoleMentions, loadRoleTitles } from "./link-role-mentions.js";
import { zeroedBytes } from "./zeroed-bytes.js";

function cover(covered: Uint8Array, ms: readonly FoundMention[]): void {
  for (const m of ms) for (let k = m.tokStart; k < m.tokEnd; k++) covered[k] = 1;
}

/** Later mentions of names discovered in this document ("Harir Air Base" again further down). */
function rescanDiscovered(text: string, tokens: ReturnType<typeof matchTokens>, discovered: readonly FoundMention[], covered: Uint8Array): FoundMention[] {
  if (!discovered.length) return [];
  const root = emptyTrie();
  const byKey = new Map<string, FoundMention>();
  for (const d of discovered) {
    if (byKey.has(d.key)) continue;
    byKey.set(d.key, d);
    addToTrie(root, { id: d.key, type: d.type, name: d.name, aliases: [] } as KbEntry, d.text);
  }
  return findKbMentions(text, tokens, root, covered).map((m) => {
    const d = byKey.get(m.key)!;
    return { ...m, entry: null, name: d.name, type: d.type, via: "discovered" };
  });
}

const lexiconOf = partResource<ReturnType<typeof loadDiscoveryLexicon>>("entity-lexicon");
const roleTitlesOf = partResource<ReturnType<typeof loadRoleTitles>>("entity-role-titles");

/** Runs every entity pass over a document's clean text and returns its entity records. */
export function findEntities(doc: Doc, ctx: Context): EntityRecord[] {
  const kb = ctx.resource("kb", loadKb);
  const trie = ctx.resource("kb-trie", () => buildAliasTrie(kb));
  const iso = doc.language?.code ?? "en";
  const lex = lexiconOf(ctx, iso, () => loadDiscoveryLexicon(ctx, iso));
  const text = doc.text;
  // (no token outlives this function: their objects are reused by the next document's call)
  const tokens = matchTokens(text, doc.tokens, doc.tokens && tokenWordIds(doc.tokens), true);
  const covered = zeroedBytes(0, tokens.length);

  const found = findKbMentions(text, tokens, trie);
  cover(covered, found);
  const elliptic = findEllipticMentions(text, tokens, trie, found, covered);
  cover(covered, elliptic);
  // mentions the elliptic pass re-read are dropped
  for (let i = found.length - 1; i >= 0; i--) if (found[i].via === "replaced") found.splice(i, 1);
  const acronyms = findAcronyms(text, tokens, [...found, ...elliptic], covered, (w) => typeFromCues(lex, w));
  cover(covered, acronyms);
  const media = zeroedBytes(1, tokens.length);
  for (const m of found) if (m.type === "media") media.fill(1, m.tokStart, m.tokEnd);
  const discovered = discoverNames({ text, tokens, covered, lex, media });
  const again = rescanDiscovered(text, tokens, discovered, covered);
  cover(covered, again);
  const all = [...found, ...elliptic, ...acronyms, ...discovered, ...again];
  const partial = linkPartialNames(text, tokens, all, covered);
  cover(covered, partial);
  const roleTitles = roleTitlesOf(ctx, iso, () => loadRoleTitles(ctx, iso));
  const roles = linkRoleMentions(text, tokens, [...all, ...partial], covered, roleTitles);
  const nested = findNestedMentions(text, tokens, trie, found);
  return buildEntityRecords([...all, ...partial, ...roles, ...nested]);
}
