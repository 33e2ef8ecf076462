import type { DateValue } from "../../core/doc.js";
import { type DayNum, dayNum, daysInMonth, isoDay, isoMonth, ymd, validDate } from "./calendar.js";

/** A piece of evidence for the publication date: an interval of days, its precision and where it came from. */
export interface DateClue {
  readonly from: DayNum;
  readonly to: DayNum;
  readonly precision: "day" | "month" | "year";
  readonly basis: string;
  /** record, url, dateline, text, anchors, mentions, story */
  readonly source: string;
}

/** Builds a clue from a year and an optional month and day; null when not a calendar date. */
export function dateClue(y: number, m: number | null, d: number | null, basis: string, source: string): DateClue | null {
  if (m !== null && d !== null) {
    if (!validDate(y, m, d)) return null;
    const n = dayNum(y, m, d);
    return { from: n, to: n, precision: "day", basis, source };
  }
  if (m !== null) {
    if (m < 1 || m > 12) return null;
    return { from: dayNum(y, m, 1), to: dayNum(y, m, daysInMonth(y, m)), precision: "month", basis, source };
  }
  return { from: dayNum(y, 1, 1), to: dayNum(y, 12, 31), precision: "year", basis, source };
}

/** The contract DateValue of a clue. */
export function clueValue(c: DateClue): DateValue {
  const { y, m } = ymd(c.from);
  const date = c.precision === "day" ? isoDay(c.from) : c.precision === "month" ? isoMonth(y, m) : String(y);
  return { date, precision: c.precision, basis: c.basis };
}

/** The coarsest clue (day, month or year) that holds the days from..to, or null when they span years. */
export function coveringClue(from: DayNum, to: DayNum, basis: string, source: string): DateClue | null {
  const a = ymd(from), b = ymd(to);
  if (from === to) return dateClue(a.y, a.m, a.d, basis, source);
  if (a.y === b.y && a.m === b.m) return dateClue(a.y, a.m, null, basis, source);
  if (a.y === b.y) return dateClue(a.y, null, null, basis, source);
  return null;
}
