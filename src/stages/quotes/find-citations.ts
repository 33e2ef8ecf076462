import type { Citation, Doc, Span } from "../../core/doc.js";
import { sentenceAt } from "../../core/sentence-at.js";
import type { KbEntry, KnowledgeBase } from "../../kb/knowledge-base.js";
import { foldName } from "../../kb/fold-name.js";
import { PhraseIndex, tokenizeWords, type Words } from "./phrase-index.js";
import type { SpeechLexicon } from "./speech-lexicon.js";
import { countWords } from "./speaker-phrase.js";
import { objectList } from "../../core/object-list.js";

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

const CAP = /^\p{Lu}/u;
const WS = /^\s$/;
/** True when text[a, b) is one or more white-space characters (as /^\s+$/ on the slice). */
function isSpaces(text: string, a: number, b: number): boolean {
  if (b <= a) return false;
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && !WS.test(text[i])) return false;
  }
  return true;
}

function mediaHits(doc: Doc, lex: SpeechLexicon, kbm: PhraseIndex<KbEntry>, words?: Words): MediaHit[] {
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
  const { n, s: ws, e: we, w: ww, k: wk } = words ?? tokenizeWords(text);
  const mediaWords = lex.mediaWords;
  const sieve = lex.mediaSieve;
  const isCap = (i: number) => CAP.test(text[ws[i]]);
  for (let i = 0; i < n; i++) {
    const kind = mediaWords.size && (wk ? sieve.mayHaveKey(wk[i]) : sieve.mayHave(ww[i])) ? mediaWords.get(ww[i]) : undefined;
    if (kind === undefined) continue;
    if (kind & 1 && i > 0) {
      // up to three capitalised words just before the noun ("Forbes magazine", "the Kayhan newspaper")
      let a = i;
      while (a > 0 && i - a < 3 && isCap(a - 1) && isSpaces(text, we[a - 1], ws[a])) a--;
      if (a < i) {
        let name = text.slice(ws[a], we[i - 1]).replace(/['’]s$/, "");
        if (!/^(?:The|A|An|In|On|Iraqi|Iranian|US|U\.S\.|Lebanon|Iraq|Iran)$/.test(name)) {
          if (/^The\s/.test(name)) name = name.slice(4);
          const s0 = ws[a] + (text.slice(ws[a], ws[a] + 4) === "The " ? 4 : 0);
          hits.push({ start: s0, end: s0 + name.length, name, kb: null, text: name });
        }
      }
    }
    if (kind & 2 && i + 1 < n) {
      // the name after the noun: in quotation marks, or capitalised words
      const rest = text.slice(we[i], we[i] + 60);
      const q = /^\s*["“«]\s*([^"”»]{2,40}?)\s*["”»]/u.exec(rest);
      let s0 = -1;
      let name = "";
      if (q) {
        name = q[1];
        s0 = we[i] + q[0].indexOf(q[1]);
      } else {
        let b = i + 1;
        while (b < n && b - i <= 3 && isCap(b) && isSpaces(text, we[b - 1], ws[b])) b++;
        if (b > i + 1) {
          s0 = ws[i + 1];
          name = text.slice(s0, we[b - 1]);
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
  const k = sentenceAt(ss, pos);
  if (k >= 0) return ss[k];
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
export function findCitations(doc: Doc, lex: SpeechLexicon, kbm: PhraseIndex<KbEntry>, words?: Words): Citation[] {
  const text = doc.text;
  const own = doc.meta?.outlet;
  // (built without spreads: the outlet's alias list may be empty or not, and a spread of either shape de-optimises)
  const ownKeys = new Set<string>();
  if (own?.kb) ownKeys.add(own.kb);
  if (own) {
    const name = foldName(own.name);
    if (name) ownKeys.add(name);
    for (let i = 0; i < own.aliases.length; i++) {
      const alias = foldName(own.aliases[i]);
      if (alias) ownKeys.add(alias);
    }
  }
  const captions = (doc.regions ?? []).filter((r) => r.kind === "caption");
  const out = objectList<Citation>();
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
  const out = objectList<Citation>();
  for (let i = 0; i < a.length + b.length; i++) {
    const c = i < a.length ? a[i] : b[i - a.length];
    const k = c.kb ?? "name:" + foldName(c.name);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(c);
  }
  return out;
}
