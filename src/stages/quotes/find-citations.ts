import type { Citation, Doc, Span } from "../../core/doc.js";
import type { KbEntry, KnowledgeBase } from "../../kb/knowledge-base.js";
import { foldName } from "../../kb/fold-name.js";
import { PhraseIndex, tokenizeWords, type Word } from "./phrase-index.js";
import type { SpeechLexicon } from "./speech-lexicon.js";
import { countWords } from "./speaker-phrase.js";

/** A media name in the text, with its KB entry when known. */
interface MediaHit extends Span {
  readonly name: string;
  readonly kb: string | null;
  readonly text: string;
}

/** Every KB media name and alias, found word by word; compiled once per knowledge base. */
export function kbMediaMatcher(kb: KnowledgeBase): PhraseIndex<KbEntry> {
  const entries: { phrase: string; value: KbEntry }[] = [];
  for (const e of kb.all()) {
    if (e.type !== "media") continue;
    for (const n of [e.name, ...e.aliases]) if (n.length >= 3) entries.push({ phrase: n.replace(/[-‐‑]/g, " "), value: e });
  }
  return new PhraseIndex(entries, ["l'", "d'", "ال", "و", "ب", "ل"]);
}

function mediaHits(doc: Doc, lex: SpeechLexicon, kbm: PhraseIndex<KbEntry>, words?: readonly Word[]): MediaHit[] {
  const text = doc.text;
  const hits: MediaHit[] = [];
  for (const e of doc.entities ?? []) {
    if (e.type !== "media") continue;
    for (const m of e.mentions) hits.push({ start: m.start, end: m.end, name: e.name, kb: e.kb, text: m.text });
  }
  // the entities stage has linked media names already; the KB is scanned only when it has not run
  if (!doc.entities?.length) for (const h of kbm.find(text, 0, text.length, words)) {
    // acronyms ("APT", "AFP") only in capitals
    if (h.text.length <= 5 && h.text !== h.text.toUpperCase()) continue;
    hits.push({ start: h.start, end: h.end, name: h.value.name, kb: h.value.id, text: text.slice(h.start, h.end) });
  }
  // unlisted media named by a media noun: "Forbes magazine", « le journal Le Monde », صحيفة "الأخبار"
  const ws = words ?? tokenizeWords(text);
  const after = lex.mediaAfterWords;
  const before = lex.mediaBeforeWords;
  const isCap = (w: Word) => /^\p{Lu}/u.test(text[w.s]);
  for (let i = 0; i < ws.length; i++) {
    if (after.size && after.has(ws[i].w) && i > 0) {
      // up to three capitalised words just before the noun ("Forbes magazine", "the Kayhan newspaper")
      let a = i;
      while (a > 0 && i - a < 3 && isCap(ws[a - 1]) && /^\s+$/.test(text.slice(ws[a - 1].e, ws[a].s))) a--;
      if (a < i) {
        let name = text.slice(ws[a].s, ws[i - 1].e).replace(/['’]s$/, "");
        if (!/^(?:The|A|An|In|On|Iraqi|Iranian|US|U\.S\.|Lebanon|Iraq|Iran)$/.test(name)) {
          if (/^The\s/.test(name)) name = name.slice(4);
          const s0 = ws[a].s + (text.slice(ws[a].s, ws[a].s + 4) === "The " ? 4 : 0);
          hits.push({ start: s0, end: s0 + name.length, name, kb: null, text: name });
        }
      }
    }
    if (before.size && before.has(ws[i].w) && i + 1 < ws.length) {
      // the name after the noun: in quotation marks, or capitalised words
      const rest = text.slice(ws[i].e, ws[i].e + 60);
      const q = /^\s*["“«]\s*([^"”»]{2,40}?)\s*["”»]/u.exec(rest);
      let s0 = -1;
      let name = "";
      if (q) {
        name = q[1];
        s0 = ws[i].e + q[0].indexOf(q[1]);
      } else {
        let b = i + 1;
        while (b < ws.length && b - i <= 3 && isCap(ws[b]) && /^\s+$/.test(text.slice(ws[b - 1].e, ws[b].s))) b++;
        if (b > i + 1) {
          s0 = ws[i + 1].s;
          name = text.slice(s0, ws[b - 1].e);
        }
      }
      if (name) hits.push({ start: s0, end: s0 + name.length, name, kb: null, text: name });
    }
  }
  return hits.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The sentence bounds around a position (from doc.sentences, else the line). */
function sentenceOf(doc: Doc, pos: number): Span {
  const ss = doc.sentences ?? [];
  let lo = 0;
  let hi = ss.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ss[mid].end <= pos) lo = mid + 1;
    else if (ss[mid].start > pos) hi = mid - 1;
    else return ss[mid];
  }
  const a = doc.text.lastIndexOf("\n", pos) + 1;
  const b = doc.text.indexOf("\n", pos);
  return { start: a, end: b < 0 ? doc.text.length : b };
}

/** True when a cite cue ends within three words before the name (`re` = citeBeforeRe) or starts within three after it. */
function cueNear(text: string, re: RegExp | null, from: number, to: number): boolean {
  if (!re || to <= from) return false;
  const m = re.exec(text.slice(from, to));
  if (!m) return false;
  const gap = m[1];
  return !/[“”"«»]/.test(gap.replace(/^\s*["“«]|["”»]\s*$/g, "")) && countWords(gap, 0, gap.length, 4) <= 3;
}

/**
 * Media the article cites as its sources: a media name in a citing construction ("according to Reuters", "told Press
 * TV", "al-Akhbar newspaper quoted", "selon l'AFP", "نقلت وكالة رويترز"), not the article's own outlet.
 */
export function findCitations(doc: Doc, lex: SpeechLexicon, kbm: PhraseIndex<KbEntry>, words?: readonly Word[]): Citation[] {
  const text = doc.text;
  const own = doc.meta?.outlet;
  const ownKeys = new Set([own?.kb ?? "", ...(own ? [own.name, ...own.aliases].map(foldName) : [])].filter(Boolean));
  const captions = (doc.regions ?? []).filter((r) => r.kind === "caption");
  const out: Citation[] = [];
  let lastEnd = -1;
  for (const h of mediaHits(doc, lex, kbm, words)) {
    if (h.start < lastEnd) continue;
    if ((h.kb && ownKeys.has(h.kb)) || ownKeys.has(foldName(h.name))) continue;
    if (captions.some((c) => c.start <= h.start && h.end <= c.end)) continue;
    const s = sentenceOf(doc, h.start);
    const before = cueNear(text, lex.citeBeforeRe, Math.max(s.start, h.start - 80), h.start);
    const after = cueNear(text, lex.citeAfterRe, h.end, Math.min(s.end, h.end + 80));
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
