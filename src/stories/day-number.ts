import type { DateValue } from "../core/doc.js";

/** Days since 1970-01-01 of a YYYY-MM-DD date (or a DateValue of day precision); null otherwise. */
export function dayNumber(d: DateValue | string | null | undefined): number | null {
  const s = typeof d === "string" ? d : d && d.precision === "day" ? d.date : null;
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})/.exec(s) : null;
  if (!m) return null;
  const t = Date.UTC(+m[1], +m[2] - 1, +m[3]);
  return Number.isFinite(t) ? Math.round(t / 86400000) : null;
}

/** The YYYY-MM-DD of a day number. */
export function dayString(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}
