/** The time a date of the given precision covers, as [start, end) in ms since the epoch (UTC), or null. */
export function dateRange(date: string | null | undefined): [number, number] | null {
  if (!date) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3]) {
    const s = Date.UTC(y, Number(m[2]) - 1, Number(m[3]));
    return [s, s + 86_400_000];
  }
  if (m[2]) return [Date.UTC(y, Number(m[2]) - 1, 1), Date.UTC(y, Number(m[2]), 1)];
  return [Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)];
}

/** "2024-01-28" for a ms timestamp (UTC). */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Evenly spaced, round tick dates between two instants: days, months or years, whichever gives ~`want` ticks. */
export function timeTicks(from: number, to: number, want = 8): { at: number; label: string }[] {
  const span = Math.max(1, to - from);
  const day = 86_400_000;
  const steps: { months: number; days: number }[] = [
    { months: 0, days: 1 }, { months: 0, days: 2 }, { months: 0, days: 7 }, { months: 0, days: 14 },
    { months: 1, days: 0 }, { months: 3, days: 0 }, { months: 6, days: 0 }, { months: 12, days: 0 },
    { months: 24, days: 0 }, { months: 60, days: 0 },
  ];
  const approx = (s: { months: number; days: number }) => (s.months ? s.months * 30.4 * day : s.days * day);
  const step = steps.find((s) => span / approx(s) <= want) ?? steps[steps.length - 1];
  const out: { at: number; label: string }[] = [];
  const d0 = new Date(from);
  let d = step.months
    ? new Date(Date.UTC(d0.getUTCFullYear(), step.months >= 12 ? 0 : d0.getUTCMonth() - (d0.getUTCMonth() % step.months), 1))
    : new Date(Date.UTC(d0.getUTCFullYear(), d0.getUTCMonth(), d0.getUTCDate()));
  while (d.getTime() < from) d = advance(d, step);
  for (let i = 0; d.getTime() <= to && i < 200; i++, d = advance(d, step)) {
    const iso = d.toISOString();
    out.push({ at: d.getTime(), label: step.months >= 12 ? iso.slice(0, 4) : step.months ? iso.slice(0, 7) : iso.slice(0, 10) });
  }
  return out;
}

function advance(d: Date, s: { months: number; days: number }): Date {
  return s.months ? new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + s.months, 1)) : new Date(d.getTime() + s.days * 86_400_000);
}
