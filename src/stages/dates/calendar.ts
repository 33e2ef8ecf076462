/** A calendar day as a count of days since 1970-01-01 (UTC). */
export type DayNum = number;

const MS = 86_400_000;

/** Day number of a Gregorian date (month 1-12). */
export function dayNum(y: number, m: number, d: number): DayNum {
  return Math.floor(Date.UTC(y, m - 1, d) / MS);
}

/** Year, month (1-12) and day of a day number. */
export function ymd(n: DayNum): { y: number; m: number; d: number } {
  // By arithmetic (the proleptic Gregorian "civil from days" of H. Hinnant's date algorithms), not a Date object per
  // call: the same y, m, d wherever a Date holds the day (outside it, and for NaN, the Date's answer).
  if (!(n >= -100_000_000 && n <= 100_000_000)) {
    const dt = new Date(n * MS);
    return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
  }
  // (the day of the time value a Date would hold: n * MS truncated to a whole millisecond)
  const z = Math.floor(Math.trunc(n * MS) / MS) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d: doy - Math.floor((153 * mp + 2) / 5) + 1 };
}

/** ISO weekday (Monday = 1 … Sunday = 7) of a day number. */
export function weekday(n: DayNum): number {
  const w = new Date(n * MS).getUTCDay();
  return w === 0 ? 7 : w;
}

/** Days in a month (month 1-12). */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** True when y-m-d is a real calendar date. */
export function validDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const p2 = (n: number) => String(n).padStart(2, "0");

/** YYYY-MM-DD of a day number. */
export function isoDay(n: DayNum): string {
  const { y, m, d } = ymd(n);
  return `${y}-${p2(m)}-${p2(d)}`;
}

/** YYYY-MM of a year and month. */
export function isoMonth(y: number, m: number): string {
  return `${y}-${p2(m)}`;
}

/** ISO week "YYYY-Www" of a day number. */
export function isoWeek(n: DayNum): string {
  const thursday = n - weekday(n) + 4;
  const { y } = ymd(thursday);
  const week = Math.floor((thursday - dayNum(y, 1, 1)) / 7) + 1;
  return `${y}-W${p2(week)}`;
}

/** Month index (y*12 + m-1) for month arithmetic. */
export function monthIndex(y: number, m: number): number {
  return y * 12 + (m - 1);
}

/** Year and month of a month index. */
export function fromMonthIndex(i: number): { y: number; m: number } {
  return { y: Math.floor(i / 12), m: (i % 12) + 1 };
}

/** Parses "YYYY", "YYYY-MM", "YYYY-MM-DD" or an ISO timestamp into its parts; null when not a date. */
export function parseIsoDate(s: string): { y: number; m: number | null; d: number | null } | null {
  const r = /^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T\s].*)?$/.exec(s);
  if (!r) return null;
  const y = Number(r[1]);
  const m = r[2] ? Number(r[2]) : null;
  const d = r[3] ? Number(r[3]) : null;
  if (m !== null && (m < 1 || m > 12)) return null;
  if (m !== null && d !== null && !validDate(y, m, d)) return null;
  return { y, m, d };
}
