import type { Span } from "../../core/doc.js";
import type { Words } from "./phrase-index.js";
import type { SpeechLexicon, SpeechVerb } from "./speech-lexicon.js";
import { countWords } from "./speaker-phrase.js";
import { objectList } from "../../core/object-list.js";
import { firstStartingAt } from "../../core/first-starting-at.js";

/** A reporting verb found in the text. */
export interface VerbHit extends Span {
  readonly text: string;
  readonly verb: SpeechVerb;
}

/**
 * Where the speaker is, relative to a quote or claim:
 * post = after the quote ("…,” he said); direct = the verb introduces it ("said: “…”", "According to X, “…”");
 * embedded = it sits inside the verb's complement clause ("stressed that the group will remain “…”").
 */
export interface Attribution {
  readonly mode: "post" | "direct" | "embedded";
  readonly verb: VerbHit;
  /** Where to look for the speaker. */
  readonly speaker: Span | null;
  /** True when `speaker` is exactly the speaker phrase, false when it is a window to pick from. */
  readonly full: boolean;
  /** A pronoun standing for the speaker ("a-t-il déclaré", Arabic "وأضاف:" with no subject). */
  readonly pronoun: "person" | "group" | "any" | null;
}

const CONNECTOR = /^\s*(?:that|que|qu['’]|:|,|،|أن|إن|بأن|بأنّ|أنّ|إنّ|ب|بـ|لـ)?\s*$/u;
const INTRODUCES = /^[ \t]*(?:,[ \t]*)?(?:that\b|que\b|qu['’]|:|أن|إن|بأن|(?:بـ?)?[“”"«‘])/u;
const PHRASE_END = /[,.;:()“”"«»،؛]|\s(?:in a|in an|on|at|during|dans|lors|sur|في|خلال|يوم)\s/u;
const PARTICIPLE = /(?:ing|ant)$/i;

/** Finds the reporting verbs in [start, end) of one text. */
export type VerbFinder = (start: number, end: number) => readonly VerbHit[];

/** The answer for a range without verbs (most sentences): one shared list, never written to. */
const NO_VERBS: readonly VerbHit[] = objectList<VerbHit>();

/** Scans a text for reporting verbs once; the finder then answers any range by binary search. */
export function verbFinder(text: string, lex: SpeechLexicon, words?: Words): VerbFinder {
  const all = objectList<VerbHit>();
  for (const h of lex.verbIndex.find(text, 0, text.length, words)) all.push({ start: h.start, end: h.end, text: h.text, verb: h.value });
  return (start, end) => {
    const lo = firstStartingAt(all, start);
    let out: VerbHit[] | null = null;
    for (let i = lo; i < all.length && all[i].end <= end; i++) if (allowed(text, all[i], start)) (out ??= objectList<VerbHit>()).push(all[i]);
    return out ?? NO_VERBS;
  };
}

/** Latin verbs are lower-case ("United States" is not "states"), unless they open the range: "Calling it …". */
function allowed(text: string, v: VerbHit, start: number): boolean {
  if (v.verb.prep || !/^\p{Lu}/u.test(v.text)) return true;
  return PARTICIPLE.test(v.text) && !/\S/.test(text.slice(start, v.start));
}

/** Every reporting verb in [start, end), in text order. */
export function verbsIn(text: string, start: number, end: number, lex: SpeechLexicon): VerbHit[] {
  return lex.verbIndex
    .find(text, start, end)
    .map((h) => ({ start: h.start, end: h.end, text: h.text, verb: h.value }))
    .filter((v) => allowed(text, v, start));
}

/** The speaker phrase right after a verb ("said the source", "a déclaré la source", "وقال المصدر"), up to a delimiter. */
function phraseAfter(text: string, from: number, limit: number): Span | null {
  const rest = text.slice(from, limit);
  // "a indiqué à l'AFP un responsable …": the speaker follows the addressee
  const pp = /^\s*(?:à|au|aux|to)\s+(?:l['’]\s*)?[^\s,.]+\s+(?=(?:un|une|le|la|les|l['’]|des|a|an|the)\s)/u.exec(rest);
  if (pp) return phraseAfter(text, from + pp[0].length, limit);
  // "a déclaré à l'AFP", "told reporters": no speaker here
  if (/^\s*(?:à|au|aux|to|ل)\s/u.test(rest)) return null;
  const m = PHRASE_END.exec(rest);
  let e = from + (m ? m.index : rest.length);
  while (e > from && /\s/.test(text[e - 1])) e--;
  let s = from;
  while (s < e && /\s/.test(text[s])) s++;
  // "a déclaré le ministre de la défense, Lloyd J. Austin III": the name in apposition belongs to the phrase
  const app = /^,\s*(?:(?:\p{Lu}|(?:al|el|ad|as|ash|ibn|bin|abu|abou|de|du)[-‐‑’'\s]\p{Lu})[\p{L}.'’-]*\s*){1,5}(?=[,.;]|$)/u.exec(text.slice(e, limit));
  // Arabic has no capitals: "وقال الأمين العام للكتائب، أبو حسين الحميداوي، في بيان:" — a short segment between commas
  const appAr = /^،\s*([^،,:.«»“”"]+?)\s*(?=[،,:])/u.exec(text.slice(e, limit));
  if (app && s < e) e += app[0].trimEnd().length;
  else if (appAr && s < e && countWords(appAr[1], 0, appAr[1].length, 5) <= 4) e += appAr[0].length;
  const n = countWords(text, s, e, 13);
  return n > 0 && n <= 12 ? { start: s, end: e } : null;
}

/** The attribution after a quote: "…,” he said", "…», a-t-il déclaré", "…,” said the source". */
export function postAttribution(text: string, close: number, limit: number, lex: SpeechLexicon, find: VerbFinder = (x, y) => verbsIn(text, x, y, lex)): Attribution | null {
  const a = close + 1;
  const verbs = find(a, Math.min(limit, a + 200));
  const v = verbs[0];
  if (!v) return null;
  // the quote must end its clause: “…,” he said / “…”, he said — not “passive defense” stance in case of …
  // (a few words may trail it before the comma: «…» par des groupes affiliés, a déclaré Austin)
  if (!/[,.!?…،]\s*$/.test(text.slice(Math.max(0, close - 2), close)) && !/^\s*[,.،—–-]/.test(text.slice(a, a + 3))) {
    const tail = /^[^.;:!?“”"«»]{1,180}[,،]\s*$/u.exec(text.slice(a, v.start));
    if (!tail || (lex.iso !== "ar" && PARTICIPLE.test(v.text))) return null;
    const sp = v.verb.pronoun ? null : phraseAfter(text, v.end, limit);
    if (!sp && !v.verb.pronoun) return null;
    if (!v.verb.prep && INTRODUCES.test(text.slice(sp ? sp.end : v.end, (sp ? sp.end : v.end) + 24))) return null;
    return { mode: "post", verb: v, speaker: sp, full: true, pronoun: v.verb.pronoun ? (/s$/.test(v.verb.pronoun) ? "group" : "any") : null };
  }
  const before = text.slice(a, v.start);
  if (/[“”"«»]/.test(before) || /\b(?:that|who|which|when|if|que|qui|lorsque|quand)\b/i.test(before)) return null;
  const nBefore = countWords(text, a, v.start, 11);
  if (nBefore > 10) return null;
  let speaker: Span | null = null;
  let pronoun: Attribution["pronoun"] = null;
  let after = v.end;
  if (nBefore === 0) {
    if (lex.iso !== "ar" && PARTICIPLE.test(v.text)) return null; // ", adding that …" starts a new clause
    if (v.verb.pronoun) pronoun = /s$/.test(v.verb.pronoun) ? "group" : "any";
    else {
      speaker = phraseAfter(text, v.end, limit);
      if (speaker) after = speaker.end;
      else if (lex.iso === "ar") pronoun = "any";
      else return null;
    }
  } else if (lex.iso !== "ar" && PARTICIPLE.test(v.text)) return null;
  else speaker = { start: a, end: v.start };
  if (!v.verb.prep && INTRODUCES.test(text.slice(after, after + 24))) return null;
  return { mode: "post", verb: v, speaker, full: true, pronoun };
}

/** The attribution before a quote in its sentence: direct ("said:", "According to X,") or embedded in a clause. */
export function preAttribution(
  text: string,
  lower: number,
  open: number,
  lex: SpeechLexicon,
  sentenceStart?: number,
  find: VerbFinder = (x, y) => verbsIn(text, x, y, lex),
): Attribution | null {
  const verbs = find(lower, open);
  const v = verbs[verbs.length - 1];
  if (!v) return null;
  const between = text.slice(v.end, open);
  if (v.verb.prep) {
    const sp = phraseAfter(text, v.end, open);
    const rest = sp ? text.slice(sp.end, open) : between;
    const mode = countWords(rest, 0, rest.length, 3) <= 2 ? "direct" : "embedded";
    return sp ? { mode, verb: v, speaker: sp, full: true, pronoun: null } : null;
  }
  // the subject may precede an earlier quote in the sentence: Biden said … “radical groups” and promised to “…”
  const subject: Span = { start: Math.max(sentenceStart ?? lower, v.start - 200), end: v.start };
  if (CONNECTOR.test(between)) {
    // Arabic puts the subject after the verb; nothing there means "he/she/it" ("وأضاف: «…»")
    if (lex.iso === "ar") return { mode: "direct", verb: v, speaker: null, full: false, pronoun: "any" };
    return { mode: "direct", verb: v, speaker: subject, full: false, pronoun: null };
  }
  // "said Defense Secretary Mark Esper: “…”", "وقال المتحدث باسم الوزارة: «…»"
  // (not "told the newspaper:": what follows "tell" is who was told)
  const sp = v.verb.lemma === "tell" ? null : phraseAfter(text, v.end, open);
  // (EN/FR: a colon, or a comma after "said": not "called the action, “…”", where the phrase is the object)
  const glue = text.slice(sp?.end ?? open, open);
  if (sp && CONNECTOR.test(glue) && (lex.iso === "ar" ? /[:,،]|أن|إن|بـ?$/.test(glue) : /:/.test(glue) || (/,/.test(glue) && /^(?:say|dire|déclarer)$/.test(v.verb.lemma)))) {
    return { mode: "direct", verb: v, speaker: sp, full: true, pronoun: null };
  }
  if (lex.iso === "ar") {
    // "وأكد حزب الله العراقي أن ذلك القرار “…”": the subject follows the verb, up to أن/إن or a comma
    const m = /^\s*([^،,:]{2,80}?)\s*(?:،|,|:|\s(?:أن|إن|أنّ|إنّ|بأن|أنها|إنها|أنه|إنه)(?:\s|$))/u.exec(between);
    // the subject ends before "في بيان", "عبر", "على": "وقالت الميليشيا في بيان لها على تيلغرام"
    if (m) {
      const cut = /\s(?:في|عبر|على|عل|خلال|يوم|مساء|صباح)\s/u.exec(m[1]);
      if (cut && cut.index > 1) m[1] = m[1].slice(0, cut.index);
    }
    let np = m && !/^(?:أن|إن|أنّ|إنّ|بأن)(?:\s|$)/.test(m[1].trim()) ? { start: v.end + m.index + m[0].indexOf(m[1]), end: v.end + m.index + m[0].indexOf(m[1]) + m[1].length } : null;
    // "أعلن الأمين العام للكتائب، أبو حسين الحميداوي، اليوم": the name in apposition belongs to the subject
    const app = np ? /^\s*،\s*([^،,:«»“”"]+?)\s*(?=[،,:])/u.exec(text.slice(np.end, open)) : null;
    if (np && app && countWords(app[1], 0, app[1].length, 5) <= 4) np = { start: np.start, end: np.end + app[0].length };
    return { mode: "embedded", verb: v, speaker: np, full: !!np, pronoun: np ? null : "any" };
  }
  return { mode: "embedded", verb: v, speaker: subject, full: false, pronoun: null };
}
