import type { MatchToken } from "../../kb/match-tokens.js";
import { matchTokens } from "../../kb/match-tokens.js";
import { tokenKey } from "../../kb/token-keys.js";
import type { FoundMention } from "./found-mention.js";

const SURNAMES = new Map<string, string | null>();

/** tokenKey of surname(), remembered: the same KB names come back in every article that names the person. */
function surnameKeyOf(name: string): string | null {
  let k = SURNAMES.get(name);
  if (k === undefined) {
    if (SURNAMES.size > 50_000) SURNAMES.clear();
    const s = surname(name);
    SURNAMES.set(name, (k = s ? tokenKey(s.raw) : null));
  }
  return k;
}

/** The surname of a full name, when it can stand alone: "Lloyd J. Austin" → "Austin", "أكرم الكعبي" → "الكعبي". */
function surname(name: string): MatchToken | null {
  const toks = matchTokens(name).filter((t) => t.kind !== "punct");
  if (toks.length < 2) return null;
  const last = toks[toks.length - 1];
  if (/^(iii?|iv|jr|sr)$/i.test(last.raw)) return toks.length > 2 ? toks[toks.length - 2] : null;
  if (last.arabic) return last.raw.startsWith("ال") ? last : null; // a nisba ("الحميداوي"), not a common noun ("رسول")
  if (!last.cap || last.raw.length < 3 || toks[toks.length - 2].raw.toLowerCase() === "abu") return null;
  return last;
}

/**
 * Short mentions of a person already named in full: "Austin" after "Lloyd Austin", "al-Kaabi" after
 * "Akram al-Kaabi". Only capitalised tokens (or Arabic) not inside another mention, not followed by another
 * capitalised word ("Austin Smith" is someone else).
 */
export function linkPartialNames(text: string, tokens: readonly MatchToken[], found: readonly FoundMention[], covered: Uint8Array): FoundMention[] {
  const bySurname = new Map<string, FoundMention>();
  for (const m of found) {
    if (m.type !== "person") continue;
    const names = [m.name, m.text, ...(m.entry ? [m.entry.name, ...m.entry.aliases] : [])];
    for (const n of names) {
      const k = surnameKeyOf(n);
      if (k === null) continue;
      const prev = bySurname.get(k);
      // two people with one surname: a short mention would be ambiguous
      if (prev && prev.key !== m.key) bySurname.set(k, { ...prev, key: "" });
      else bySurname.set(k, m);
    }
  }
  const out: FoundMention[] = [];
  if (!bySurname.size) return out;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (covered[i] || t.kind === "punct" || t.article || (!t.cap && !t.arabic && t.kind !== "acronym")) continue;
    const m = t.keys.map((k) => bySurname.get(k)).find((x) => x);
    if (!m || !m.key) continue;
    const next = tokens[i + 1];
    if (next && next.cap && !next.arabic && next.start - t.end <= 1) continue;
    const art = i > 0 && tokens[i - 1].article && tokens[i - 1].hyphenNext && !covered[i - 1] ? i - 1 : i;
    const start = tokens[art].start;
    out.push({ start, end: t.end, text: text.slice(start, t.end), tokStart: art, tokEnd: i + 1, entry: m.entry, key: m.key, name: m.name, type: "person", via: "partial" });
  }
  return out;
}
