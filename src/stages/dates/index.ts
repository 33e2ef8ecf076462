import type { Stage } from "../../core/stage.js";
import { partResource, type Context } from "../../core/context.js";
import type { Doc, Published, TimeExpression } from "../../core/doc.js";
import { isoDay, ymd } from "./calendar.js";
import { loadAnchors, findAnchorMentions, entityAnchorMentions, type AnchorMention } from "./anchors.js";
import { anchorWindow, type DayInterval } from "./anchor-window.js";
import { findTimes, reresolve, type FoundTime } from "./find-times.js";
import { inferPublished } from "./infer-published.js";
import type { TimeRef } from "./resolve-spec.js";
import { timeGrammar, WORD_CHAR, type TimeGrammar } from "./time-grammar.js";
import { timeWords, foldLower, type TimeWords } from "./time-words.js";
import { type DateClue, clueValue } from "./date-clue.js";
import { objectList } from "../../core/object-list.js";

/** The date language of a document: its detected language when we have its words, else English. */
export function dateLanguage(doc: Doc): string {
  const c = doc.language?.code ?? "en";
  return c === "fr" || c === "ar" || c === "en" ? c : c === "und" ? "en" : c;
}

const toolsOf = partResource<{ words: TimeWords; grammar: TimeGrammar; future: RegExp }>("date-tools");

/** The words, grammar and future-cue test of a language, cached in the context. */
export function dateTools(ctx: Context, lang: string): { words: TimeWords; grammar: TimeGrammar; future: RegExp } {
  return toolsOf(ctx, lang, () => {
    const words = timeWords(ctx, lang);
    const grammar = timeGrammar(words);
    const future = new RegExp(`(?<![${WORD_CHAR}])${words.alt("future")}(?![${WORD_CHAR}])`, "u");
    return { words, grammar, future };
  });
}

/** A test of whether the clause before a position has a future cue ("will", "va", "سوف"); `folded` is the folded lower-case text. */
export function futureTest(folded: string, future: RegExp): (pos: number) => boolean {
  return (pos) => {
    let before = folded.slice(Math.max(0, pos - 60), pos);
    const cut = Math.max(before.lastIndexOf(". "), before.lastIndexOf("\n"), before.lastIndexOf(", "), before.lastIndexOf("، "));
    if (cut >= 0) before = before.slice(cut + 1);
    return future.test(before);
  };
}

/** Month names of every date language (a URL path may be in another language than the text). */
export function anyMonth(ctx: Context): (word: string) => number | undefined {
  return ctx.resource("date-any-month", () => {
    const packs = ["en", "fr", "ar"].map((l) => timeWords(ctx, l));
    return (word: string) => {
      for (const p of packs) {
        const v = p.get("month", word);
        if (v) return Number(v);
      }
      return undefined;
    };
  });
}

/** The reference for relative expressions given by a publication clue. */
export function refOf(clue: DateClue | null): TimeRef | null {
  if (!clue) return null;
  const date = clue.precision === "day" ? isoDay(clue.from) : clue.precision === "month" ? isoDay(clue.from).slice(0, 7) : String(ymd(clue.from).y);
  return { day: clue.to, basis: `the publication date ${date}`, precision: clue.precision };
}

/** A year-less date in the sentence of a known event with the same month and day takes the event's year. */
function anchorYears(times: FoundTime[], mentions: readonly AnchorMention[], sentences: readonly { start: number; end: number }[]): FoundTime[] {
  // (an objectList, as findTimes makes: one array map for the lists the stage reads, empty or not)
  const out = objectList<FoundTime>();
  for (const t of times) out.push(anchorYear(t, mentions, sentences));
  return out;
}

function anchorYear(t: FoundTime, mentions: readonly AnchorMention[], sentences: readonly { start: number; end: number }[]): FoundTime {
  const sp = t.spec;
  if (sp.k !== "abs" || sp.y !== undefined || sp.m === undefined || sp.d === undefined) return t;
  const s = sentences.find((x) => x.start <= t.start && t.start < x.end);
  if (!s) return t;
  const a = mentions.find((m) => m.start >= s.start && m.start < s.end && m.anchor.kind === "event" && ymd(m.anchor.date).m === sp.m && ymd(m.anchor.date).d === sp.d);
  if (!a) return t;
  const date = isoDay(a.anchor.date);
  return { ...t, timex: date, value: { date, precision: "day" as const, basis: `'${t.text}': the date of ${a.anchor.label}` }, reason: undefined };
}

/** Times that belong in the contract's times layer: dates and times, resolved or not; no durations or vague references. */
export function toTimeExpressions(found: readonly FoundTime[]): TimeExpression[] {
  // (pushed to an objectList: the events stage reads this layer, empty or not, with one array map)
  const out = objectList<TimeExpression>();
  for (const t of found) {
    if (t.type === "DURATION" || t.spec.k === "general" || t.spec.k === "prefix" || t.type === "SET") continue;
    out.push(t.value ? { start: t.start, end: t.end, text: t.text, value: t.value } : { start: t.start, end: t.end, text: t.text, value: null, reason: t.reason ?? "unresolved" });
  }
  return out;
}

/**
 * Runs the whole date analysis of one document. Story-dates passes `override`, a publication clue from the story,
 * to re-date a document that has none of its own (its relative expressions are then resolved against it).
 */
export function analyzeDates(doc: Doc, ctx: Context, override?: DateClue): Pick<Doc, "published" | "times"> & { found: FoundTime[] } {
  const lang = dateLanguage(doc);
  const { words, grammar, future } = dateTools(ctx, lang);
  const anchors = ctx.resource("time-anchors", loadAnchors);
  const text = doc.text;
  const sentences = doc.sentences ?? [];
  const folded = foldLower(text);
  const futureAt = futureTest(folded, future);
  const found0 = findTimes(text, words, grammar, { ref: null, futureAt, folded });
  const byAlias = findAnchorMentions(text, lang, sentences, anchors, folded);
  const byKb = doc.entities?.length ? entityAnchorMentions(doc.entities, anchors, lang, sentences, folded) : [];
  const mentions = byKb.length
    ? [...byAlias, ...byKb.filter((k) => !byAlias.some((a) => a.anchor === k.anchor && a.start < k.end && k.start < a.end))].sort((x, y) => x.start - y.start)
    : byAlias;
  const win = anchorWindow(text, words, sentences, mentions, found0, folded);
  const own = inferPublished(doc, found0, words, win, anyMonth(ctx), folded);
  const pf = override ? { ...own, published: { value: clueValue(override) }, clue: override } : own;
  const found = anchorYears(reresolve(found0, refOf(pf.clue)), mentions, sentences);
  // (built field by field from a literal, in the order of { ...pf.published, source?, notBefore?, notAfter? }: a spread
  // clone that then gains keys gets a map of its own in V8, one per document, and its readers go megamorphic)
  const published: { -readonly [K in keyof Published]: Published[K] } = { value: pf.published.value };
  if (pf.published.reason !== undefined) published.reason = pf.published.reason;
  if (pf.clue) published.source = pf.clue.source;
  if (pf.notBefore !== null) published.notBefore = isoDay(pf.notBefore);
  if (pf.notAfter !== null) published.notAfter = isoDay(pf.notAfter);
  return { published, times: toTimeExpressions(found), found };
}

/** The writing dates a document's own known events and explicit dates allow (a union of day intervals), or null. */
export function dateWindow(doc: Doc, ctx: Context): readonly DayInterval[] | null {
  const lang = dateLanguage(doc);
  const { words, grammar, future } = dateTools(ctx, lang);
  const anchors = ctx.resource("time-anchors", loadAnchors);
  const folded = foldLower(doc.text);
  const sentences = doc.sentences ?? [];
  const found = findTimes(doc.text, words, grammar, { ref: null, futureAt: futureTest(folded, future), folded });
  const mentions = findAnchorMentions(doc.text, lang, sentences, anchors, folded);
  return anchorWindow(doc.text, words, sentences, mentions, found, folded).allowed;
}

/** Dates: the publication date from every clue, and every time expression resolved against it. */
export const datesStage: Stage = {
  name: "dates",
  version: "0.1.0",
  requires: ["sentences", "meta"],
  provides: ["published", "times"],
  run(doc, ctx) {
    const { published, times } = analyzeDates(doc, ctx);
    return { ...doc, published, times };
  },
};
