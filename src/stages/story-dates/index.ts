import type { CorpusStage } from "../../core/stage.js";
import type { Context } from "../../core/context.js";
import type { Doc } from "../../core/doc.js";
import type { Story, StoryRelation } from "../../core/corpus.js";
import { analyzeDates, dateWindow } from "../dates/index.js";
import type { FoundTime } from "../dates/find-times.js";
import { dayOf, pushByWeekdays } from "../dates/infer-published.js";
import { type DayNum, isoDay, weekday, ymd } from "../dates/calendar.js";
import { dateClue } from "../dates/date-clue.js";
import { redateEvents } from "../events/extract-events.js";

/** Clues a document's own date may come from, strong enough to date the rest of its story. */
const OWN = new Set(["record", "url", "dateline", "text"]);

/** The day a document was published, when its own clues give it to the day. */
function ownDay(doc: Doc): DayNum | null {
  const p = doc.published;
  if (!p?.value || !OWN.has(p.source ?? "") || p.value.precision !== "day") return null;
  return dayOf(p.value.date);
}

/** True when a document's date is its own (not an estimate): story-dates leaves it alone. */
function hasOwnDate(doc: Doc): boolean {
  const p = doc.published;
  return !!p?.value && OWN.has(p.source ?? "") && p.value.precision === "day";
}

/** The publication days of a story's members, outliers (over a week off the median) set aside, sorted, distinct. */
export function storyDays(days: readonly DayNum[]): DayNum[] {
  const s = [...new Set(days)].sort((a, b) => a - b);
  if (!s.length) return s;
  const all = [...days].sort((a, b) => a - b);
  const med = all[Math.floor((all.length - 1) / 2)];
  const kept = all.length >= 3 ? s.filter((d) => Math.abs(d - med) <= 7) : s;
  return kept.length ? kept : s;
}

/** The first day of a story: the earliest publication day of its members, outliers set aside. */
export function storyStart(days: readonly DayNum[]): DayNum | null {
  return storyDays(days)[0] ?? null;
}

/**
 * The story day that makes a document's weekdays most recent: news names the day it reports ("on Tuesday"), so the
 * member day after which the document's past weekdays lie closest (summed gaps) is its likeliest date; ties go early.
 */
export function bestStoryDay(candidates: readonly DayNum[], weekdays: readonly { wd: number; dir: number }[]): DayNum | null {
  let best: DayNum | null = null, bestScore = Infinity;
  for (const c of candidates) {
    let score = 0;
    for (const w of weekdays) {
      let back = (weekday(c) - w.wd + 7) % 7;
      if (w.dir < 0 && back === 0) back = 7;
      score += back;
    }
    if (score < bestScore) (best = c), (bestScore = score);
  }
  return best;
}

function fileOf(doc: Doc): string {
  return doc.source.file;
}

/** The day a document's "today, <weekday>" names: that weekday nearest `near` (within three days), or null. */
export function todayPin(near: DayNum, found: readonly FoundTime[]): { day: DayNum; text: string } | null {
  const today = found.find((t) => t.spec.k === "weekday" && t.spec.today);
  if (!today || today.spec.k !== "weekday") return null;
  const wd = today.spec.wd;
  let best: DayNum | null = null;
  for (let k = -3; k <= 3; k++) if (weekday(near + k) === wd && (best === null || Math.abs(k) < Math.abs(best - near) || (Math.abs(k) === Math.abs(best - near) && k > 0))) best = near + k;
  return best === null ? null : { day: best, text: today.text };
}

/** Dates one undated document from its story: its original when it is a translation, else the story's days. */
function dateFromStory(doc: Doc, story: Story, byId: ReadonlyMap<string, Doc>, ctx: Context): Doc | null {
  const others = story.documents.filter((id) => id !== doc.id).map((id) => byId.get(id)).filter((d): d is Doc => !!d);
  for (const r of story.relations) {
    if (r.kind !== "translation" || (r.from !== doc.id && r.to !== doc.id)) continue;
    const other = byId.get(r.from === doc.id ? r.to : r.from);
    const day = other ? ownDay(other) : null;
    if (other && day !== null) {
      let how = `translation of ${fileOf(other)}, published ${isoDay(day)} (${other.published?.value?.basis ?? ""})`;
      let at = day;
      // Its own "today, Tuesday" still pins the day (a translation may be dated a day after the events it reports).
      const probe = analyzeDates(doc, ctx, dateClue(ymd(day).y, ymd(day).m, ymd(day).d, how, "story")!);
      const pin = todayPin(at, probe.found);
      if (pin) {
        how = `${how}; '${pin.text}' (today) is ${isoDay(pin.day)}`;
        at = pin.day;
      }
      const d = ymd(at);
      const clue = dateClue(d.y, d.m, d.d, how, "story")!;
      const { published, times } = analyzeDates(doc, ctx, clue);
      return { ...doc, published, times };
    }
  }
  let days = others.map(ownDay).filter((d): d is DayNum => d !== null);
  let what = "dated report of its story";
  if (!days.length) {
    // No member has a date of its own: fall back on the members' estimates.
    days = others.map((o) => (o.published?.value?.precision === "day" ? dayOf(o.published.value.date) : null)).filter((d): d is DayNum => d !== null);
    what = "estimated date of its story";
  }
  return dateFromDays(doc, storyDays(days), what, ctx);
}

/**
 * Dates an undated document from the days of the documents it goes with: the first of them, or the one after which
 * the weekdays it names are most recent; then its own evidence: not before its earliest possible date, moved on to a
 * date or weekday it names just after, pinned to the weekday it calls "today".
 */
function dateFromDays(doc: Doc, kept: readonly DayNum[], what: string, ctx: Context): Doc | null {
  let start: DayNum | null = kept[0] ?? null;
  if (start === null) return null;
  const first = start;
  let how = `the first ${what} (${isoDay(start)}, among ${kept.length} day${kept.length > 1 ? "s" : ""})`;
  if (kept.length > 1) {
    const probe0 = analyzeDates(doc, ctx, dateClue(ymd(start).y, ymd(start).m, ymd(start).d, how, "story")!);
    const wds = probe0.found.flatMap((t) => (t.spec.k === "weekday" && !t.future && t.spec.dir <= 0 && !t.spec.today ? [{ wd: t.spec.wd, dir: t.spec.dir }] : []));
    const best = wds.length ? bestStoryDay(kept, wds) : null;
    if (best !== null && best !== start) {
      how = `the day (${isoDay(best)}, among ${kept.length} from ${isoDay(start)}) of ${what.replace(/^dated report of |^estimated date of /, "")} after which the weekdays it names are most recent`;
      start = best;
    }
  }
  const nb = doc.published?.notBefore ? dayOf(doc.published.notBefore) : null;
  const na = doc.published?.notAfter ? dayOf(doc.published.notAfter) : null;
  // Its own estimate (from the dates and known events it reports) may move the day on.
  const est = doc.published?.value && !hasOwnDate(doc) && doc.published.value.precision === "day" ? dayOf(doc.published.value.date) : null;
  if (est !== null && est > start && est - start <= 31) {
    start = est;
    how = `its own estimate (${isoDay(est)}), after the first ${what} (${isoDay(first)})`;
  }
  const own = doc.published?.value && OWN.has(doc.published.source ?? "") ? doc.published.value.date : null;
  if (own !== null && !isoDay(start).startsWith(own)) return null;
  if (nb !== null && start < nb) {
    how = `its own earliest possible date (${isoDay(nb)}), later than the first ${what} (${isoDay(start)})`;
    start = nb;
  }
  if (na !== null && start > na) return null;
  const probe = analyzeDates(doc, ctx, dateClue(ymd(start).y, ymd(start).m, ymd(start).d, how, "story")!);
  // A date the document itself gives, just after that day, moves it forward ("Thursday, March 12").
  const s0 = start;
  const later = probe.found
    .filter((t) => t.spec.k === "abs" && t.spec.d !== undefined && !t.future && t.value?.precision === "day")
    .map((t) => ({ t, day: t.spec.k === "abs" && t.spec.d2 !== undefined && t.spec.d !== undefined && t.spec.d2 > t.spec.d ? dayOf(t.value!.date)! + t.spec.d2 - t.spec.d : dayOf(t.value!.date)! }))
    .filter((x) => x.day > s0 && x.day - s0 <= 7)
    .sort((a, b) => b.day - a.day)[0];
  if (later) {
    how = `its own latest dated event '${later.t.text}' (${isoDay(later.day)}), just after the first ${what} (${isoDay(start)})`;
    start = later.day;
  } else {
    const p = pushByWeekdays(start, probe.found);
    if (p) {
      how = `${p.how}, named just after the first ${what} (${isoDay(start)})`;
      start = p.day;
    }
  }
  // "Today, Tuesday": the document was written on that weekday, the one nearest the day found so far.
  const pin = todayPin(start, probe.found);
  if (pin) {
    how = `'${pin.text}' (today) is ${isoDay(pin.day)}, the nearest such weekday to the first ${what} (${isoDay(start)})`;
    start = pin.day;
  }
  const d = ymd(start);
  const clue = dateClue(d.y, d.m, d.d, `no date of its own; ${how}`, "story")!;
  const { published, times } = analyzeDates(doc, ctx, clue);
  return { ...doc, published, times };
}

/** Clues good enough to date a neighbour: a document's own, its story's, or the dates it reports (not a known event's day after). */
const NEIGHBOUR = new Set([...OWN, "story", "mentions"]);

/**
 * The days of a document's linked neighbours (same-event, rewrite, related…) that its own window allows, when they
 * agree: the largest group within three days of each other, if it has two members or is the only one.
 */
export function neighbourDays(days: readonly DayNum[]): DayNum[] {
  const s = [...days].sort((a, b) => a - b);
  let best: DayNum[] = [];
  for (let i = 0; i < s.length; i++) {
    const g = s.filter((d) => d >= s[i] && d - s[i] <= 3);
    if (g.length > best.length) best = g;
  }
  const distinctGroups = new Set(s.map((d) => s.find((x) => Math.abs(x - d) <= 3)));
  return best.length >= 2 || distinctGroups.size === 1 ? [...new Set(best)] : [];
}

/** A document its story could not date (alone, or no dated member) takes the agreeing days of its linked neighbours. */
function dateFromNeighbours(doc: Doc, relationsOf: ReadonlyMap<string, readonly StoryRelation[]>, byId: ReadonlyMap<string, Doc>, ctx: Context): Doc | null {
  const allowed = dateWindow(doc, ctx);
  const days: DayNum[] = [];
  for (const r of relationsOf.get(doc.id) ?? []) {
    const o = byId.get(r.from === doc.id ? r.to : r.from);
    const p = o?.published;
    if (!p?.value || p.value.precision !== "day" || !NEIGHBOUR.has(p.source ?? "")) continue;
    const d = dayOf(p.value.date);
    if (d !== null && (!allowed || allowed.some((iv) => iv.from <= d && d <= iv.to))) days.push(d);
  }
  const kept = neighbourDays(days);
  return kept.length ? dateFromDays(doc, kept, "dated report linked to it", ctx) : null;
}

/** Story dates: a document with no date of its own takes one from the story it belongs to (a translation from its original). */
export const storyDatesStage: CorpusStage = {
  name: "story-dates",
  version: "0.1.0",
  requires: ["stories"],
  provides: [],
  run(corpus, ctx) {
    const stories = corpus.stories ?? [];
    if (!stories.length) return corpus;
    const byId = new Map(corpus.docs.map((d) => [d.id, d]));
    const updated = new Map<string, Doc>();
    for (const story of stories) {
      if (story.documents.length < 2) continue;
      for (const id of story.documents) {
        const doc = byId.get(id);
        if (!doc || hasOwnDate(doc) || !doc.published) continue;
        const next = dateFromStory(doc, story, byId, ctx);
        if (next) updated.set(id, next);
      }
    }
    // Second pass: documents still without a date (or with only a known event's day after) from linked neighbours.
    const byId2 = new Map(corpus.docs.map((d) => [d.id, updated.get(d.id) ?? d]));
    // Each document's relations, in story then relation order (one pass, not one per document).
    const relationsOf = new Map<string, StoryRelation[]>();
    for (const s of stories) for (const r of s.relations) {
      for (const id of r.from === r.to ? [r.from] : [r.from, r.to]) {
        const list = relationsOf.get(id);
        if (list) list.push(r);
        else relationsOf.set(id, [r]);
      }
    }
    for (const doc of byId2.values()) {
      if (updated.has(doc.id) || hasOwnDate(doc) || !doc.published) continue;
      if (doc.published.value && doc.published.source !== "anchors") continue;
      const next = dateFromNeighbours(doc, relationsOf, byId2, ctx);
      if (next) updated.set(doc.id, next);
    }
    if (!updated.size) return corpus;
    // the news the document reports, undated when the events ran, takes the date the document now has
    for (const [id, doc] of updated) {
      const events = redateEvents(doc);
      if (events) updated.set(id, { ...doc, events });
    }
    return { ...corpus, docs: corpus.docs.map((d) => updated.get(d.id) ?? d) };
  },
};
