import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { type DayNum, parseIsoDate, dayNum } from "./calendar.js";
import { foldLower } from "./time-words.js";
import { WORD_CHAR } from "./time-grammar.js";
import { sentenceAt } from "./anchor-window.js";
import { literalUnits, phraseAlternation } from "./phrase-alternation.js";

/** An event or period of known date (data/time/anchors.jsonl). */
export interface Anchor {
  readonly id: string;
  readonly label: string;
  readonly date: DayNum;
  /** End of a period (exclusive), when it has one. */
  readonly end: DayNum | null;
  readonly kind: "event" | "period";
  /** Alternatives group: periods sharing it form a union. */
  readonly joins: string;
  readonly kb: readonly string[];
  /** Per language: [alias, its regex, the regex's units, one per character], cue words, exclude words (all folded lower case). */
  readonly langs: ReadonlyMap<string, { patterns: readonly (readonly [string, string, readonly string[]])[]; cues: readonly string[]; exclude: readonly string[] }>;
}

/** One mention of an anchor in a text. */
export interface AnchorMention {
  readonly anchor: Anchor;
  readonly start: number;
  readonly end: number;
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const fold = (s: string) => foldLower(s);
const normAlias = (s: string) => s.replace(/[\u064B-\u0652\u0640]/g, "").replace(/\s+/g, " ");

/** Loads the anchor events of data/time/anchors.jsonl (none when the file is absent). */
export function loadAnchors(dataDir: string): Anchor[] {
  const file = join(dataDir, "time", "anchors.jsonl");
  if (!existsSync(file)) return [];
  const out: Anchor[] = [];
  for (const line of readFileSync(file, "utf8").split(/\r?\n/)) {
    if (!line.trim() || line.trimStart().startsWith("#")) continue;
    const r = JSON.parse(line) as {
      id: string; label: string; date: string; end?: string; kind?: string; joins?: string; kb?: string[];
      aliases: Record<string, string[]>; cues?: Record<string, string[]>; exclude?: Record<string, string[]>;
    };
    const d = parseIsoDate(r.date);
    if (!d || d.m === null) continue;
    const e = r.end ? parseIsoDate(r.end) : null;
    const langs = new Map<string, { patterns: [string, string, string[]][]; cues: string[]; exclude: string[] }>();
    for (const [lang, aliases] of Object.entries(r.aliases)) {
      const all = [...new Set([...aliases, ...(lang === "en" ? [] : (r.aliases.en ?? []).filter((a) => /^[A-Z][\p{L}'-]+$/u.test(a)))])];
      // Arabic aliases let short vowels and tatweel sit between letters ("دعمًا" for "دعما").
      const units = (a: string) => (lang === "ar" ? [...a].map((ch) => (ch === " " ? "\\s+" : esc(ch) + "[\\u064B-\\u0652\\u0640]*")) : literalUnits(a));
      const pat = (a: string) => (lang === "ar" ? units(a).join("") : esc(a).replace(/ /g, "\\s+"));
      langs.set(lang, {
        patterns: all.map((a) => [fold(a), pat(normAlias(fold(a))), units(normAlias(fold(a)))] as [string, string, string[]]),
        cues: (r.cues?.[lang] ?? []).map(fold),
        exclude: (r.exclude?.[lang] ?? []).map(fold),
      });
    }
    out.push({
      id: r.id, label: r.label, date: dayNum(d.y, d.m, d.d ?? 1), end: e && e.m ? dayNum(e.y, e.m, e.d ?? 1) : null,
      kind: r.kind === "period" ? "period" : "event", joins: r.joins ?? r.id, kb: r.kb ?? [], langs,
    });
  }
  return out;
}

interface AnchorIndex {
  readonly re: RegExp | null;
  readonly arabic: boolean;
  readonly byAlias: ReadonlyMap<string, { anchor: Anchor; cues: readonly string[]; exclude: readonly string[] }[]>;
}

const WORD_RE = new RegExp(`[${WORD_CHAR}]`);
const indexes = new WeakMap<readonly Anchor[], Map<string, AnchorIndex>>();

/** One regex over every alias of every anchor in a language (English names included), built once. */
function anchorIndex(anchors: readonly Anchor[], lang: string): AnchorIndex {
  let perLang = indexes.get(anchors);
  if (!perLang) indexes.set(anchors, (perLang = new Map()));
  let idx = perLang.get(lang);
  if (idx) return idx;
  const byAlias = new Map<string, { anchor: Anchor; cues: readonly string[]; exclude: readonly string[] }[]>();
  const pats = new Map<string, string>();
  const units = new Map<string, readonly string[]>();
  for (const a of anchors) {
    const l = a.langs.get(lang) ?? a.langs.get("en");
    if (!l) continue;
    for (const [alias, pat, u] of l.patterns) {
      const k = normAlias(alias);
      const list = byAlias.get(k) ?? [];
      if (!list.some((x) => x.anchor === a)) list.push({ anchor: a, cues: l.cues, exclude: l.exclude });
      byAlias.set(k, list);
      pats.set(k, pat);
      units.set(k, u);
    }
  }
  // factored by common prefixes (the same matches as the list sorted longest first, much faster over a whole text)
  const alt = phraseAlternation(units.values()) ?? [...pats.entries()].sort((x, y) => y[0].length - x[0].length).map(([, p]) => p).join("|");
  // No lookbehind (no faster, measured): the start of a match is checked by hand.
  idx = { re: alt ? new RegExp(`(?:${alt})(?![${WORD_CHAR}])`, "gu") : null, byAlias, arabic: lang === "ar" };
  perLang.set(lang, idx);
  return idx;
}

/**
 * Finds the anchor mentions of a text: an alias (of the text's language, or an English name) not preceded by an
 * exclude word, in a sentence that has one of the anchor's cues when it lists some.
 */
export function findAnchorMentions(text: string, lang: string, sentences: readonly { start: number; end: number }[], anchors: readonly Anchor[], foldedText?: string): AnchorMention[] {
  const folded = foldedText ?? fold(text);
  const out: AnchorMention[] = [];
  const idx = anchorIndex(anchors, lang);
  if (!idx.re) return out;
  idx.re.lastIndex = 0;
  const wordAt = (i: number) => i >= 0 && WORD_RE.test(folded[i]);
  for (let m = idx.re.exec(folded); m; m = idx.re.exec(folded)) {
    const i = m.index;
    if (wordAt(i - 1) && !(idx.arabic && "وفبل".includes(folded[i - 1]) && !wordAt(i - 2))) {
      idx.re.lastIndex = i + 1;
      continue;
    }
    const before = folded.slice(Math.max(0, m.index - 24), m.index);
    let sentence: string | null = null;
    for (const { anchor, cues, exclude } of idx.byAlias.get(normAlias(m[0])) ?? []) {
      if (exclude.some((x) => before.includes(x))) continue;
      if (cues.length) {
        if (sentence === null) {
          const s = sentenceAt(sentences, m.index) ?? { start: Math.max(0, m.index - 200), end: Math.min(text.length, m.index + 200) };
          sentence = folded.slice(s.start, s.end);
        }
        const sn = sentence;
        if (!cues.some((c) => sn.includes(c))) continue;
      }
      out.push({ anchor, start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}

const NO_ANCHORS: readonly Anchor[] = [];
const kbIndexes = new WeakMap<readonly Anchor[], ReadonlyMap<string, readonly Anchor[]>>();
/** KB id → the anchors that list it, in the anchors' order; built once per anchor list. */
function anchorsByKb(anchors: readonly Anchor[]): ReadonlyMap<string, readonly Anchor[]> {
  let m = kbIndexes.get(anchors);
  if (!m) {
    const idx = new Map<string, Anchor[]>();
    for (const a of anchors)
      for (const kb of new Set(a.kb)) {
        const l = idx.get(kb);
        if (l) l.push(a);
        else idx.set(kb, [a]);
      }
    kbIndexes.set(anchors, (m = idx));
  }
  return m;
}

/** Anchor mentions from the entities layer: a mention of an entity whose KB id an anchor lists (cues still apply). */
export function entityAnchorMentions(
  entities: readonly { kb: string | null; mentions: readonly { start: number; end: number }[] }[],
  anchors: readonly Anchor[],
  lang: string,
  sentences: readonly { start: number; end: number }[],
  folded: string,
): AnchorMention[] {
  const out: AnchorMention[] = [];
  const byKb = anchorsByKb(anchors);
  for (const e of entities) {
    if (!e.kb) continue;
    // (the anchors that list the entity's KB id, in their order: not every anchor's list searched for every entity)
    for (const a of byKb.get(e.kb) ?? NO_ANCHORS) {
      const l = a.langs.get(lang) ?? a.langs.get("en");
      for (const m of e.mentions) {
        if (l?.cues.length) {
          const s = sentenceAt(sentences, m.start) ?? { start: Math.max(0, m.start - 200), end: m.start + 200 };
          const sn = folded.slice(s.start, s.end);
          if (!l.cues.some((c) => sn.includes(c))) continue;
        }
        out.push({ anchor: a, start: m.start, end: m.end });
      }
    }
  }
  return out;
}
