import type { Citation, Doc, Span } from "../../core/doc.js";
import type { KbEntry, KnowledgeBase } from "../../kb/knowledge-base.js";
import { foldName } from "../../kb/fold-name.js";
import { escapeRe, formPattern, type SpeechLexicon } from "./speech-lexicon.js";
import { wordsIn } from "./speaker-phrase.js";

/** A media name in the text, with its KB entry when known. */
interface MediaHit extends Span {
  readonly name: string;
  readonly kb: string | null;
  readonly text: string;
}

/** One regex over every KB media name and alias (acronyms case-sensitive), compiled once per knowledge base. */
export function kbMediaMatcher(kb: KnowledgeBase): { re: RegExp | null; byName: Map<string, KbEntry> } {
  const byName = new Map<string, KbEntry>();
  const names: string[] = [];
  for (const e of kb.all()) {
    if (e.type !== "media") continue;
    for (const n of [e.name, ...e.aliases]) {
      if (n.length < 3) continue;
      byName.set(foldName(n), e);
      names.push(n);
    }
  }
  if (!names.length) return { re: null, byName };
  const alts = [...new Set(names)].sort((a, b) => b.length - a.length).map((n) => formPattern(n).replace(/\\?[- ]|\\s\+/g, "[-‐‑\\s]+")).join("|");
  return { re: new RegExp(`(?<![\\p{L}\\p{N}])(?:ال)?(${alts})(?![\\p{L}\\p{N}])`, "giu"), byName };
}

function mediaHits(doc: Doc, lex: SpeechLexicon, kbm: ReturnType<typeof kbMediaMatcher>): MediaHit[] {
  const text = doc.text;
  const hits: MediaHit[] = [];
  for (const e of doc.entities ?? []) {
    if (e.type !== "media") continue;
    for (const m of e.mentions) hits.push({ start: m.start, end: m.end, name: e.name, kb: e.kb, text: m.text });
  }
  if (kbm.re) {
    const re = new RegExp(kbm.re.source, kbm.re.flags);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const s = m.index + m[0].length - m[1].length;
      const e = kbm.byName.get(foldName(m[1]));
      // acronyms ("APT", "AFP") only in capitals
      if (!e || (m[1].length <= 5 && m[1] !== m[1].toUpperCase())) continue;
      hits.push({ start: s, end: s + m[1].length, name: e.name, kb: e.id, text: m[1] });
    }
  }
  // unlisted media named by a media noun: "Forbes magazine", « le journal Le Monde », صحيفة "الأخبار"
  if (lex.mediaAfter.length) {
    const re = new RegExp(`((?:\\p{Lu}[\\p{L}’'&.-]*\\s+){1,3})(?:${lex.mediaAfter.map(escapeRe).join("|")})\\b`, "gu");
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const name = m[1].trim().replace(/['’]s$/, "");
      if (/^(?:The|A|An|In|On|Iraqi|Iranian|US|U\.S\.)$/.test(name)) continue;
      hits.push({ start: m.index, end: m.index + name.length, name, kb: null, text: name });
    }
  }
  if (lex.mediaBefore.length) {
    const re = new RegExp(`(?:${lex.mediaBefore.map(escapeRe).join("|")})\\s+(?:["“«]\\s*([^"”»]{2,40}?)\\s*["”»]|((?:\\p{Lu}[\\p{L}’'&.-]*\\s?){1,3}))`, "gu");
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const name = (m[1] ?? m[2] ?? "").trim();
      if (!name) continue;
      const s = m.index + m[0].lastIndexOf(name);
      hits.push({ start: s, end: s + name.length, name, kb: null, text: name });
    }
  }
  return hits.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The sentence bounds around a position (from doc.sentences, else the line). */
function sentenceOf(doc: Doc, pos: number): Span {
  for (const s of doc.sentences ?? []) if (s.start <= pos && pos < s.end) return s;
  const a = doc.text.lastIndexOf("\n", pos) + 1;
  const b = doc.text.indexOf("\n", pos);
  return { start: a, end: b < 0 ? doc.text.length : b };
}

/** True when `cue` ends within three words before `at` (or starts within three words after it, for `after`). */
function cueNear(text: string, cues: readonly string[], from: number, to: number, side: "before" | "after", prefix: string): boolean {
  if (!cues.length || to <= from) return false;
  const seg = text.slice(from, to);
  const alts = cues.map(formPattern).join("|");
  const re = side === "before" ? new RegExp(`(?<![\\p{L}])${prefix}(?:${alts})(?![\\p{L}])([^.;!?]*)$`, "iu") : new RegExp(`^([^.;!?]*?)(?<![\\p{L}])(?:${alts})(?![\\p{L}])`, "iu");
  const m = re.exec(seg);
  if (!m) return false;
  const gap = m[1];
  return !/[“”"«»]/.test(gap.replace(/^\s*["“«]|["”»]\s*$/g, "")) && wordsIn(gap, 0, gap.length).length <= 3;
}

/**
 * Media the article cites as its sources: a media name in a citing construction ("according to Reuters", "told Press
 * TV", "al-Akhbar newspaper quoted", "selon l'AFP", "نقلت وكالة رويترز"), not the article's own outlet.
 */
export function findCitations(doc: Doc, lex: SpeechLexicon, kbm: ReturnType<typeof kbMediaMatcher>): Citation[] {
  const text = doc.text;
  const own = doc.meta?.outlet;
  const ownKeys = new Set([own?.kb ?? "", ...(own ? [own.name, ...own.aliases].map(foldName) : [])].filter(Boolean));
  const captions = (doc.regions ?? []).filter((r) => r.kind === "caption");
  const out: Citation[] = [];
  let lastEnd = -1;
  for (const h of mediaHits(doc, lex, kbm)) {
    if (h.start < lastEnd) continue;
    if ((h.kb && ownKeys.has(h.kb)) || ownKeys.has(foldName(h.name))) continue;
    if (captions.some((c) => c.start <= h.start && h.end <= c.end)) continue;
    const s = sentenceOf(doc, h.start);
    const before = cueNear(text, lex.citeBefore, s.start, h.start, "before", lex.prefix);
    const after = cueNear(text, lex.citeAfter, h.end, s.end, "after", lex.prefix);
    if (!before && !after) continue;
    lastEnd = h.end;
    out.push({ name: h.name, kb: h.kb, start: h.start, end: h.end, text: h.text });
  }
  return out;
}

/** Merges cites: those already found first, then new ones; one per KB id (or per folded name when unlisted). */
export function mergeCitations(a: readonly Citation[], b: readonly Citation[]): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const c of [...a, ...b]) {
    const k = c.kb ?? "name:" + foldName(c.name);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(c);
  }
  return out;
}
