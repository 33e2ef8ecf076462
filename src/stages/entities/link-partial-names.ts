import type { MatchToken } from "../../kb/match-tokens.js";
import { matchTokens } from "../../kb/match-tokens.js";
import { tokenKey } from "../../kb/token-keys.js";
import { foundMention, mentionList, type FoundMention } from "./found-mention.js";
import type { KbEntry } from "../../kb/knowledge-base.js";

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

const ENTRY_SURNAMES = new WeakMap<KbEntry, readonly string[]>();

/** The surname keys of an entry's name and aliases, in order (names without one left out), once per entry. */
function entrySurnameKeys(e: KbEntry): readonly string[] {
  let keys = ENTRY_SURNAMES.get(e);
  if (!keys) {
    const ks: string[] = [];
    for (const n of [e.name, ...e.aliases]) {
      const k = surnameKeyOf(n);
      if (k !== null) ks.push(k);
    }
    ENTRY_SURNAMES.set(e, (keys = ks));
  }
  return keys;
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

/** Files mention `m` under surname key `k`; two people with one surname leave a mention with no key there. */
function addSurname(bySurname: Map<string, FoundMention>, k: string | null, m: FoundMention): void {
  if (k === null) return;
  const prev = bySurname.get(k);
  // two people with one surname: a short mention would be ambiguous
  if (prev && prev.key !== m.key) bySurname.set(k, foundMention(prev.start, prev.end, prev.text, prev.tokStart, prev.tokEnd, prev.entry, "", prev.name, prev.type, prev.via));
  else bySurname.set(k, m);
}

/** The people of `found` by the keys of their surnames (from the name, the text, and the KB's names). */
function peopleBySurname(found: readonly FoundMention[]): Map<string, FoundMention> {
  const bySurname = new Map<string, FoundMention>();
  for (let i = 0; i < found.length; i++) {
    const m = found[i];
    if (m.type !== "person") continue;
    addSurname(bySurname, surnameKeyOf(m.name), m);
    addSurname(bySurname, surnameKeyOf(m.text), m);
    if (m.entry) {
      const keys = entrySurnameKeys(m.entry);
      for (let k = 0; k < keys.length; k++) addSurname(bySurname, keys[k], m);
    }
  }
  return bySurname;
}

/** Could token i be a surname standing alone: capitalised (or Arabic, or an acronym), not covered, no article? */
function surnameLike(t: MatchToken, covered: Uint8Array, i: number): boolean {
  return !covered[i] && t.kind !== "punct" && !t.article && (t.cap || t.arabic || t.kind === "acronym");
}

/** The person filed under one of the token's keys (the first key that has one). */
function personOf(bySurname: ReadonlyMap<string, FoundMention>, t: MatchToken): FoundMention | undefined {
  const keys = t.keys;
  for (let q = 0; q < keys.length; q++) {
    const m = bySurname.get(keys[q]);
    if (m) return m;
  }
  return undefined;
}

/**
 * Short mentions of a person already named in full: "Austin" after "Lloyd Austin", "al-Kaabi" after
 * "Akram al-Kaabi". Only capitalised tokens (or Arabic) not inside another mention, not followed by another
 * capitalised word ("Austin Smith" is someone else).
 */
export function linkPartialNames(text: string, tokens: readonly MatchToken[], found: readonly FoundMention[], covered: Uint8Array): FoundMention[] {
  const out = mentionList();
  const bySurname = peopleBySurname(found);
  if (!bySurname.size) return out;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!surnameLike(t, covered, i)) continue;
    const m = personOf(bySurname, t);
    if (!m || !m.key) continue;
    const next = tokens[i + 1];
    if (next && next.cap && !next.arabic && next.start - t.end <= 1) continue;
    const art = i > 0 && tokens[i - 1].article && tokens[i - 1].hyphenNext && !covered[i - 1] ? i - 1 : i;
    const start = tokens[art].start;
    out.push(foundMention(start, t.end, text.slice(start, t.end), art, i + 1, m.entry, m.key, m.name, "person", "partial"));
  }
  return out;
}
