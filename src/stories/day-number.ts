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

/** The days a date of any precision covers, as [first, last] day numbers: "2023-11" → all of November; null when unknown. */
export function daySpan(d: DateValue | string | null | undefined): [number, number] | null {
  const s = typeof d === "string" ? d : d?.date ?? null;
  if (!s) return null;
  const day = dayNumber(s);
  if (day !== null) return [day, day];
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(s);
  if (!m) return null;
  const y = +m[1];
  if (m[2]) return [Math.round(Date.UTC(y, +m[2] - 1, 1) / 86400000), Math.round(Date.UTC(y, +m[2], 0) / 86400000)];
  return [Math.round(Date.UTC(y, 0, 1) / 86400000), Math.round(Date.UTC(y, 11, 31) / 86400000)];
}
