import type { DateValue } from "../../core/doc.js";
import {
  type DayNum, dayNum, ymd, weekday, daysInMonth, validDate, isoDay, isoMonth, isoWeek, monthIndex, fromMonthIndex,
} from "./calendar.js";

/** TIMEX3 type of a time expression. */
export type TimexType = "DATE" | "TIME" | "DURATION" | "SET";

/** What a matched time expression says, before it is resolved against a reference date. */
export type TimeSpec =
  /** A calendar date, possibly without year or day ("March 6", "late 2017", "in October"). */
  | { k: "abs"; y?: number; m?: number; d?: number; d2?: number; mod?: string; dir?: number; ambiguous?: { m: number; d: number } }
  /** A weekday: dir -1 strictly before the reference, 0 on or before it (past bias), 1 after it. */
  | { k: "weekday"; wd: number; dir: number; part?: string; today?: boolean }
  /** A day offset from the reference ("yesterday", "tonight"). */
  | { k: "deictic"; offset: number; part?: string }
  /** A calendar unit offset from the reference ("last week", "this year", "earlier this month"). */
  | { k: "rel"; unit: string; n: number; mod?: string }
  /** So many units before the reference ("three days ago"); n null when vague ("years ago"). */
  | { k: "ago"; unit: string; n: number | null }
  /** A season ("last summer"), with an explicit year or a direction. */
  | { k: "season"; season: string; y?: number; dir: number }
  /** A decade ("the 1990s") or a century ("20th century"): the value is the TIMEX prefix. */
  | { k: "prefix"; value: string }
  /** A clock time ("8 PM"), on the reference day. */
  | { k: "clock"; h: number; min: number }
  /** A length of time ("three years", "several months"): a TIMEX duration value. */
  | { k: "duration"; value: string }
  /** A date relative to another event ("days later", "the next day"). */
  | { k: "anaphoric"; what: string; duration?: string }
  /** A general reference: PRESENT_REF, PAST_REF, FUTURE_REF. */
  | { k: "general"; value: string };

/** A resolved time expression: TIMEX3 value (for the benchmark) and contract DateValue (or a reason). */
export interface Resolved {
  readonly type: TimexType;
  /** TIMEX3 value, or null when it cannot be resolved. */
  readonly timex: string | null;
  readonly value: DateValue | null;
  readonly reason?: string;
}

/** The reference a relative expression is resolved against, and what it is, in words. */
export interface TimeRef {
  readonly day: DayNum;
  readonly basis: string;
  /** True when the clause before the expression speaks of the future ("will meet on Thursday"). */
  readonly future?: boolean;
  /** How precisely the reference is known (day when absent); `day` is then the last day it allows. */
  readonly precision?: "day" | "month" | "year";
}

const dayValue = (n: DayNum, basis: string): DateValue => ({ date: isoDay(n), precision: "day", basis });
const monthValue = (y: number, m: number, basis: string): DateValue => ({ date: isoMonth(y, m), precision: "month", basis });
const yearValue = (y: number, basis: string): DateValue => ({ date: String(y), precision: "year", basis });

/** The smallest day/month/year value that holds the days from..to, or null. */
function covering(from: DayNum, to: DayNum, basis: string): DateValue | null {
  if (from === to) return dayValue(from, basis);
  const a = ymd(from), b = ymd(to);
  if (a.y === b.y && a.m === b.m) return monthValue(a.y, a.m, basis);
  if (a.y === b.y) return yearValue(a.y, basis);
  return null;
}

const noRef = (type: TimexType, what: string): Resolved => ({ type, timex: null, value: null, reason: `${what} needs a reference date and the publication date is unknown` });

/** Picks the year of a month-day with past bias (a date up to a month ahead is kept in the reference year). */
export function pastYearOf(m: number, d: number, ref: DayNum, future = false): number {
  const r = ymd(ref);
  const dd = Math.min(d, daysInMonth(r.y, m));
  const cand = dayNum(r.y, m, dd);
  if (future) return cand < ref - 1 ? r.y + 1 : r.y;
  return cand - ref > 31 ? r.y - 1 : r.y;
}

/** Resolves a time spec against a reference date (null when the publication date is unknown). */
export function resolveSpec(spec: TimeSpec, text: string, ref: TimeRef | null): Resolved {
  const q = `'${text}'`;
  if (ref?.precision && ref.precision !== "day") {
    const u = spec.k === "rel" || spec.k === "ago" ? spec.unit : "";
    const dayLevel = spec.k === "weekday" || spec.k === "deictic" || spec.k === "clock" || ["D", "W", "WE"].includes(u);
    // With only the year known, "in October" or "January 3" could fall on either side of the publication date.
    const yearless = spec.k === "abs" && spec.y === undefined && spec.m !== undefined && spec.mod !== "THIS";
    if (dayLevel || ((u === "M" || yearless) && ref.precision === "year")) {
      return { type: spec.k === "clock" ? "TIME" : "DATE", timex: null, value: null, reason: `${q} needs the publication day, known only to the ${ref.precision}` };
    }
  }
  switch (spec.k) {
    case "abs": {
      const { m, d, mod } = spec;
      let y = spec.y;
      if (y !== undefined && m !== undefined && d !== undefined) {
        if (!validDate(y, m, d)) return { type: "DATE", timex: null, value: null, reason: `${q} is not a calendar date` };
        return { type: "DATE", timex: isoDay(dayNum(y, m, d)), value: dayValue(dayNum(y, m, d), `${q} as written`) };
      }
      if (y !== undefined && m !== undefined) return { type: "DATE", timex: isoMonth(y, m), value: monthValue(y, m, `${q} as written`) };
      if (y !== undefined) return { type: "DATE", timex: String(y), value: yearValue(y, `${q} as written`) };
      if (m === undefined) return { type: "DATE", timex: null, value: null, reason: `${q} has no month` };
      if (!ref) return noRef("DATE", q);
      const r = ymd(ref.day);
      if (d !== undefined) {
        y = pastYearOf(m, d, ref.day, ref.future);
        if (!validDate(y, m, d)) return { type: "DATE", timex: null, value: null, reason: `${q} is not a calendar date` };
        const n = dayNum(y, m, d);
        return { type: "DATE", timex: isoDay(n), value: dayValue(n, `${q}: year ${y} from ${ref.basis} (most recent such date)`) };
      }
      const dir = spec.dir ?? 0;
      if (dir < 0) y = m < r.m ? r.y : r.y - 1;
      else if (dir > 0) y = m > r.m ? r.y : r.y + 1;
      else if (mod === "THIS") y = r.y;
      else if (ref.future) y = m < r.m ? r.y + 1 : r.y;
      else y = m <= r.m || m - r.m <= 3 ? r.y : r.y - 1;
      return { type: "DATE", timex: isoMonth(y, m), value: monthValue(y, m, `${q}: year ${y} from ${ref.basis}`) };
    }
    case "weekday": {
      if (!ref) return noRef(spec.part ? "TIME" : "DATE", q);
      const w = weekday(ref.day);
      let n: DayNum;
      const back = (w - spec.wd + 7) % 7;
      if (spec.dir < 0) n = ref.day - (back === 0 ? 7 : back);
      else if (spec.dir > 0 || (ref.future && back !== 0)) n = ref.day + ((spec.wd - w + 7) % 7 || 7);
      else n = ref.day - back;
      const how = n > ref.day ? "the next" : "the most recent";
      const basis = `${q}: ${how} such weekday ${spec.dir === 0 && n <= ref.day ? "on or before" : n > ref.day ? "after" : "before"} ${ref.basis}`;
      const timex = spec.part ? `${isoDay(n)}T${spec.part}` : isoDay(n);
      return { type: spec.part ? "TIME" : "DATE", timex, value: dayValue(n, basis) };
    }
    case "deictic": {
      if (!ref) return noRef(spec.part ? "TIME" : "DATE", q);
      const n = ref.day + spec.offset;
      return { type: spec.part ? "TIME" : "DATE", timex: spec.part ? `${isoDay(n)}T${spec.part}` : isoDay(n), value: dayValue(n, `${q} counted from ${ref.basis}`) };
    }
    case "rel": {
      if (!ref) return noRef("DATE", q);
      const r = ymd(ref.day);
      const basis = `${q} counted from ${ref.basis}`;
      switch (spec.unit) {
        case "D": { const n = ref.day + spec.n; return { type: "DATE", timex: isoDay(n), value: dayValue(n, basis) }; }
        case "W": {
          const mon = ref.day - weekday(ref.day) + 1 + 7 * spec.n;
          return { type: "DATE", timex: isoWeek(mon), value: covering(mon, mon + 6, basis), reason: `${q} is a week across two months` };
        }
        case "WE": {
          // "This weekend" said early in the week is the one just past.
          const n = spec.n === 0 && weekday(ref.day) <= 3 ? -1 : spec.n;
          const sat = ref.day - weekday(ref.day) + 6 + 7 * n;
          return { type: "DATE", timex: `${isoWeek(sat)}-WE`, value: covering(sat, sat + 1, basis), reason: `${q} spans two months` };
        }
        case "M": { const t = fromMonthIndex(monthIndex(r.y, r.m) + spec.n); return { type: "DATE", timex: isoMonth(t.y, t.m), value: monthValue(t.y, t.m, basis) }; }
        case "Q": {
          const qi = Math.floor((r.m - 1) / 3) + spec.n;
          const y = r.y + Math.floor(qi / 4), qq = ((qi % 4) + 4) % 4;
          return { type: "DATE", timex: `${y}-Q${qq + 1}`, value: yearValue(y, basis) };
        }
        case "Y": return { type: "DATE", timex: String(r.y + spec.n), value: yearValue(r.y + spec.n, basis) };
        case "DE": return { type: "DATE", timex: String(Math.floor(r.y / 10) + spec.n), value: null, reason: `${q} is a decade` };
        case "CE": return { type: "DATE", timex: String(Math.floor(r.y / 100) + spec.n), value: null, reason: `${q} is a century` };
        default: return { type: "DATE", timex: null, value: null, reason: `${q}: unit too small for a date` };
      }
    }
    case "ago": {
      if (spec.n === null) return { type: "DATE", timex: "PAST_REF", value: null, reason: `${q} is vague` };
      if (!ref) return noRef("DATE", q);
      const r = ymd(ref.day);
      const basis = `${q} counted back from ${ref.basis}`;
      switch (spec.unit) {
        case "D": { const n = ref.day - spec.n; return { type: "DATE", timex: isoDay(n), value: dayValue(n, basis) }; }
        case "W": { const n = ref.day - 7 * spec.n; return { type: "DATE", timex: isoWeek(n), value: covering(n - weekday(n) + 1, n - weekday(n) + 7, basis), reason: `${q} is a week` }; }
        case "M": { const t = fromMonthIndex(monthIndex(r.y, r.m) - spec.n); return { type: "DATE", timex: isoMonth(t.y, t.m), value: monthValue(t.y, t.m, basis) }; }
        case "Y": return { type: "DATE", timex: String(r.y - spec.n), value: yearValue(r.y - spec.n, basis) };
        case "DE": return { type: "DATE", timex: String(r.y - 10 * spec.n), value: yearValue(r.y - 10 * spec.n, basis) };
        default: return { type: "DATE", timex: null, value: null, reason: `${q}: unit too small for a date` };
      }
    }
    case "season": {
      let y = spec.y;
      if (y === undefined) {
        if (!ref) return noRef("DATE", q);
        const r = ymd(ref.day);
        const start = { SP: 3, SU: 6, FA: 9, WI: 12 }[spec.season] ?? 1;
        y = spec.dir < 0 ? (start < r.m ? r.y : r.y - 1) : spec.dir > 0 ? (start > r.m ? r.y : r.y + 1) : r.y;
        if (spec.dir < 0 && spec.season === "WI" && r.m <= 3) y = r.y - 1;
      }
      return { type: "DATE", timex: `${y}-${spec.season}`, value: spec.season === "WI" ? null : yearValue(y, `${q}: a season of ${y}`), reason: "a winter spans two years" };
    }
    case "prefix":
      return { type: "DATE", timex: spec.value, value: null, reason: `${q} is a decade or a century` };
    case "clock": {
      if (!ref) return noRef("TIME", q);
      const hh = String(spec.h).padStart(2, "0"), mm = String(spec.min).padStart(2, "0");
      return { type: "TIME", timex: `${isoDay(ref.day)}T${hh}:${mm}`, value: dayValue(ref.day, `${q} on the day of ${ref.basis}`) };
    }
    case "duration":
      return { type: "DURATION", timex: spec.value, value: null, reason: `${q} is a duration, not a date` };
    case "anaphoric":
      return { type: spec.duration ? "DURATION" : "DATE", timex: spec.duration ?? null, value: null, reason: `${q} is relative to another event (${spec.what}), not to the publication date` };
    case "general":
      return { type: "DATE", timex: spec.value, value: null, reason: `${q} is a general reference to ${spec.value.replace("_REF", "").toLowerCase()}` };
  }
}
