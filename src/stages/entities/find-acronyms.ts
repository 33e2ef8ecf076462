import type { EntityType } from "../../core/doc.js";
import type { MatchToken } from "../../kb/match-tokens.js";
import { foundMention, movedMention, mentionList, type FoundMention } from "./found-mention.js";

const SMALL = /^(of|for|the|in|and|on|de|du|des|la|le|les|l|d|et|al|el|pour|en)$/i;

/** True when `acr` spells the initials of the capitalised words: "Iraqi Resistance Coordination Committee" → "IRCC". */
export function initialsMatch(words: readonly string[], acr: string): boolean {
  const initials = words.filter((w) => !SMALL.test(w)).map((w) => w[0].toUpperCase()).join("");
  return initials === acr.toUpperCase();
}

/**
 * Acronyms the text defines: "Full Name (ACR)". The acronym joins the entity the full name is a mention of,
 * and every later use of it is a mention too. For a full name the KB does not know, returns a discovered
 * entity when the initials spell the acronym, typed by `typeOf(words)`.
 */
export function findAcronyms(
  text: string,
  tokens: readonly MatchToken[],
  found: readonly FoundMention[],
  covered: Uint8Array,
  typeOf: (words: readonly string[]) => EntityType | null,
): FoundMention[] {
  const out = mentionList();
  const defs = new Map<string, FoundMention>();
  // the mention ending at each token, made at the first definition (most articles define no acronym)
  let endsAt: Map<number, FoundMention> | null = null;
  for (let i = 1; i + 2 < tokens.length; i++) {
    // (kinds first, read from the tokens' flags: most tokens are no parenthesis, and their strings need no reading)
    if (tokens[i].kind !== "punct" || tokens[i + 1].kind !== "acronym" || tokens[i].raw !== "(" || tokens[i + 2].raw !== ")") continue;
    const acr = tokens[i + 1];
    if (covered[i + 1] || acr.raw.replace(/\./g, "").length < 2) continue;
    if (!endsAt) {
      endsAt = new Map<number, FoundMention>();
      for (let k = 0; k < found.length; k++) endsAt.set(found[k].tokEnd, found[k]);
    }
    let owner = endsAt.get(i);
    if (!owner) {
      // an unknown full name: the capitalised run before "(" whose initials spell the acronym
      let s = i;
      // known names may sit inside ("Basra Oil Workers Union"): the initials decide
      while (s > 0 && i - s < 8 && tokens[s - 1].kind !== "punct" && (tokens[s - 1].cap || SMALL.test(tokens[s - 1].raw))) s--;
      while (s < i && SMALL.test(tokens[s].raw)) s++;
      const words = tokens.slice(s, i).map((t) => t.raw);
      if (words.length < 2) continue;
      let k = 0;
      while (k < words.length - 1 && !initialsMatch(words.slice(k), acr.raw.replace(/\./g, ""))) k++;
      const type = initialsMatch(words.slice(k), acr.raw.replace(/\./g, "")) ? typeOf(words.slice(k)) : null;
      if (!type) continue;
      const start = tokens[s + k].start;
      const end = tokens[i - 1].end;
      const name = text.slice(start, end);
      owner = foundMention(start, end, name, s + k, i, null, "new:" + name.toLowerCase(), name, type, "acronym");
      out.push(owner);
    }
    defs.set(acr.raw.replace(/\./g, ""), owner);
    out.push(movedMention(owner, acr.start, acr.end, acr.raw, i + 1, i + 2, "acronym"));
    covered[i + 1] = 1;
  }
  if (!defs.size) return out;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (covered[i] || t.kind !== "acronym") continue;
    const owner = defs.get(t.raw.replace(/\./g, ""));
    if (!owner) continue;
    out.push(movedMention(owner, t.start, t.end, t.raw, i, i + 1, "acronym"));
    covered[i] = 1;
  }
  return out;
}
