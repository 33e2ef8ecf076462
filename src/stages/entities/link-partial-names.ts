import type { MatchToken } from "../../kb/match-tokens.js";
import { matchTokens } from "../../kb/match-tokens.js";
import { tokenKey } from "../../kb/token-keys.js";
import type { FoundMention } from "./found-mention.js";
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

/**
 * Short mentions of a person already named in full: "Austin" after "Lloyd Austin", "al-Kaabi" after
 * "Akram al-Kaabi". Only capitalised tokens (or Arabic) not inside another mention, not followed by another
 * capitalised word ("Austin Smith" is someone else).
 */
export function linkPartialNames(text: string, tokens: readonly MatchToken[], found: readonly FoundMention[], covered: Uint8Array): FoundMention[] {
  const bySurname = new Map<string, FoundMention>();
  const add = (k: string | null, m: FoundMention) => {
    if (k === null) return;
    const prev = bySurname.get(k);
    // two people with one surname: a short mention would be ambiguous
    if (prev && prev.key !== m.key) bySurname.set(k, { ...prev, key: "" });
    else bySurname.set(k, m);
  };
  for (const m of found) {
    if (m.type !== "person") continue;
    add(surnameKeyOf(m.name), m);
    add(surnameKeyOf(m.text), m);
    if (m.entry) for (const k of entrySurnameKeys(m.entry)) add(k, m);
  }
  const out: FoundMention[] = [];
  if (!bySurname.size) return out;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (covered[i] || t.kind === "punct" || t.article || (!t.cap && !t.arabic && t.kind !== "acronym")) continue;
    let m: FoundMention | undefined;
    for (const k of t.keys) if ((m = bySurname.get(k))) break;
    if (!m || !m.key) continue;
    const next = tokens[i + 1];
    if (next && next.cap && !next.arabic && next.start - t.end <= 1) continue;
    const art = i > 0 && tokens[i - 1].article && tokens[i - 1].hyphenNext && !covered[i - 1] ? i - 1 : i;
    const start = tokens[art].start;
    out.push({ start, end: t.end, text: text.slice(start, t.end), tokStart: art, tokEnd: i + 1, entry: m.entry, key: m.key, name: m.name, type: "person", via: "partial" });
  }
  return out;
}
