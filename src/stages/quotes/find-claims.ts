import type { Span } from "../../core/doc.js";
import { verbsIn, type Attribution, type VerbFinder, type VerbHit } from "./find-attribution.js";
import type { SpeechLexicon } from "./speech-lexicon.js";
import { countWords } from "./speaker-phrase.js";
import { objectList } from "../../core/object-list.js";

/** Indirect speech found in a sentence, before its speaker is resolved. */
export interface ClaimCandidate {
  readonly verb: VerbHit;
  readonly attribution: Attribution;
  readonly content: Span;
  /** "X quoted Y as saying": the span of X, the quoting medium. */
  readonly quotedBy: Span | null;
}

const THAT_EN = /^((?:\s+[\p{L}\p{N}'’.-]+){0,7}?)\s+(?:that)\s/u;
const THAT_FR = /^((?:\s+[\p{L}\p{N}'’.-]+){0,7}?)\s+(?:que\s|qu['’])/u;
const THAT_AR = /^((?:\s+[^\s،,.]+){0,7}?)\s+(?:أن|إن|أنّ|إنّ|بأن|بأنّ|بأنه|أنه|إنه|أنها|إنها)(?![\p{L}])/u;
const ZERO_EN = /^\s+(?=(?:it|they|he|she|we|there)\s)/u;
const QUOTED_AS = /^\s+([^,.;“”"«»]{2,120}?)\s+as\s+saying\b(?:\s+that\b)?/u;

/** The claims of a sentence without any: one shared list, never written to. */
const NO_CLAIMS: readonly ClaimCandidate[] = objectList<ClaimCandidate>();

/** True when p lies inside one of the quoted spans. */
function inQuote(quoted: readonly Span[], p: number): boolean {
  for (let i = 0; i < quoted.length; i++) if (quoted[i].start <= p && p < quoted[i].end) return true;
  return false;
}

function trimSpan(text: string, s: number, e: number): Span {
  while (s < e && /[\s,:;،]/.test(text[s])) s++;
  while (e > s && /[\s.,;:،]/.test(text[e - 1])) e--;
  return { start: s, end: e };
}

/**
 * Claims in one sentence: "X said (that) …", "X believes that …", "according to X, …", "…, selon X", "وأكد X أن …",
 * and "M quoted Y as saying that …". Verbs inside `quoted` spans are the quoted speaker's own words and are skipped.
 */
export function findClaims(
  text: string,
  sentence: Span,
  lex: SpeechLexicon,
  quoted: readonly Span[],
  find: VerbFinder = (x, y) => verbsIn(text, x, y, lex),
): readonly ClaimCandidate[] {
  // (made at the first claim: most sentences have none, and share NO_CLAIMS)
  let out: ClaimCandidate[] | null = null;
  for (const v of find(sentence.start, sentence.end)) {
    // inside a quotation the words are the quoted speaker's; "quoted X as saying" is handled at "quoted"
    if (inQuote(quoted, v.start) || /\bas\s+$/i.test(text.slice(Math.max(0, v.start - 4), v.start))) continue;
    const rest = text.slice(v.end, Math.min(sentence.end, v.end + 240));
    const subject: Span = { start: Math.max(sentence.start, v.start - 160), end: v.start };
    if (v.verb.prep) {
      // "According to X, CONTENT" or "CONTENT, according to X"
      const m = /^\s*([^,،.;]{2,100}?)\s*(?:[,،]\s*|$)/u.exec(rest);
      if (!m) continue;
      const sp: Span = { start: v.end + m.index + m[0].indexOf(m[1]), end: v.end + m.index + m[0].indexOf(m[1]) + m[1].length };
      const atStart = countWords(text, sentence.start, v.start, 2) <= 1;
      const content = atStart ? trimSpan(text, v.end + m[0].length, sentence.end) : trimSpan(text, sentence.start, v.start);
      if (countWords(text, content.start, content.end, 3) < 3) continue;
      (out ??= objectList<ClaimCandidate>()).push({ verb: v, attribution: { mode: "direct", verb: v, speaker: sp, full: true, pronoun: null }, content, quotedBy: null });
      continue;
    }
    if (v.verb.cite && lex.iso === "en") {
      const q = QUOTED_AS.exec(rest);
      if (q) {
        const sp: Span = { start: v.end + q[0].indexOf(q[1]), end: v.end + q[0].indexOf(q[1]) + q[1].length };
        const content = trimSpan(text, v.end + q[0].length, sentence.end);
        if (countWords(text, content.start, content.end, 3) >= 3)
          (out ??= objectList<ClaimCandidate>()).push({ verb: v, attribution: { mode: "direct", verb: v, speaker: sp, full: true, pronoun: null }, content, quotedBy: subject });
        continue;
      }
    }
    const that = lex.iso === "ar" ? THAT_AR : lex.iso === "fr" ? THAT_FR : THAT_EN;
    let m = that.exec(rest);
    if (m && /[,;:]/.test(m[1]) && lex.iso !== "ar") m = null;
    let cStart = m ? v.end + m[0].length : -1;
    if (!m && lex.iso === "en") {
      const z = ZERO_EN.exec(rest);
      if (z) cStart = v.end + z[0].length;
    }
    if (cStart < 0) continue;
    const content = trimSpan(text, cStart, sentence.end);
    if (countWords(text, content.start, content.end, 3) < 3) continue;
    let attribution: Attribution;
    if (lex.iso === "ar") {
      const np = m && m[1].trim() ? { start: v.end + m[0].indexOf(m[1].trim()), end: v.end + m[0].indexOf(m[1].trim()) + m[1].trim().length } : null;
      attribution = { mode: "direct", verb: v, speaker: np, full: !!np, pronoun: np ? null : "any" };
    } else {
      // "a-t-il déclaré que": the pronoun is in the form
      const pron = v.verb.pronoun ? (/s$/.test(v.verb.pronoun) ? "group" : "any") : null;
      attribution = { mode: "direct", verb: v, speaker: pron ? null : subject, full: false, pronoun: pron };
    }
    (out ??= objectList<ClaimCandidate>()).push({ verb: v, attribution, content, quotedBy: null });
  }
  return out ?? NO_CLAIMS;
}
