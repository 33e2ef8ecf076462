import type { Doc, Published } from "../../core/doc.js";
import { type DayNum, dayNum, isoDay, parseIsoDate, weekday, ymd } from "./calendar.js";
import { type DateClue, clueValue, dateClue, coveringClue } from "./date-clue.js";
import type { FoundTime } from "./find-times.js";
import type { AnchorWindow } from "./anchor-window.js";
import { yearInWindow } from "./anchor-window.js";
import { foldLower, type TimeWords } from "./time-words.js";
import { WORD_CHAR, isWordChar } from "./time-grammar.js";

/** A publication date with the machine-readable facts later stages need. */
export interface PublishedFinding {
  readonly published: Published;
  /** The clue it came from, or null. */
  readonly clue: DateClue | null;
  /** Earliest and latest days the evidence allows, when known. */
  readonly notBefore: DayNum | null;
  readonly notAfter: DayNum | null;
}

const URL_YMD = /(?:^|\/)((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?=[/\-_.]|$)/;
const URL_COMPACT = /(?:^|\/)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=\/|$)/;
const URL_YM = /(?:^|\/)((?:19|20)\d\d)\/(\d{1,2})(?=\/)/;
const URL_YNAME = /((?:19|20)\d\d)\/(\p{L}+)(?=\/)/u;
const URL_Y = /(?:^|\/)((?:19|20)\d\d)(?=\/)/;

/** Date clues in a URL path: /2024/01/30/, /2024/1/30/, /2024-01-30, /20240130/, /2024/01/, /2024/, archives-2023/novembre, an epoch stamp. */
export function urlDateClues(url: string, month: (word: string) => number | undefined): DateClue[] {
  if (!/(?:19|20)\d\d|1[3-7]\d{8}/.test(url)) return [];
  let path: string;
  try {
    const u = new URL(url);
    path = decodeURIComponent(u.pathname);
  } catch {
    return [];
  }
  const out: DateClue[] = [];
  const push = (c: DateClue | null) => c && out.push(c);
  if (!/(?:19|20)\d\d|[-_]1[3-7]\d{8}/.test(path)) return out;
  let m = URL_YMD.exec(path);
  if (m) push(dateClue(+m[1], +m[2], +m[3], `URL date ${m[0].replace(/^\//, "")}`, "url"));
  if (!out.length && (m = URL_COMPACT.exec(path))) push(dateClue(+m[1], +m[2], +m[3], `URL date ${m[0].replace(/^\//, "")}`, "url"));
  if (!out.length && (m = URL_YM.exec(path))) push(dateClue(+m[1], +m[2], null, `URL month ${m[1]}/${m[2]}`, "url"));
  if (!out.length && (m = URL_YNAME.exec(path))) {
    const mo = month(m[2]);
    if (mo) push(dateClue(+m[1], mo, null, `URL path ${m[1]}/${m[2]}`, "url"));
  }
  if (!out.length && (m = /[-_](1[3-7]\d{8})(?:\.html?)?$/.exec(path))) {
    const n = Math.floor(Number(m[1]) / 86400);
    const d = ymd(n);
    push(dateClue(d.y, d.m, d.d, `Unix time ${m[1]} in the URL (${isoDay(n)} UTC)`, "url"));
  }
  if (!out.length && (m = URL_Y.exec(path))) push(dateClue(+m[1], null, null, `URL year /${m[1]}/`, "url"));
  return out;
}

const LABELS = new Set(["posted", "published", "updated", "last", "date", "le", "la", "h", "am", "pm", "gmt", "utc", "et", "publié", "publie", "modifié", "mis", "à", "jour", "en", "ligne", "نشر", "بتاريخ", "تاريخ", "النشر", "في"]);
const POSTED = /(posted|published|publié|publie|mis en ligne|نشر|بتاريخ|تاريخ النشر)/i;
const UPDATED = /(updated|mis à jour|modifié|تحديث|آخر تحديث)/i;

/** The text's own date line: a short line (or a line opening) holding a full date, "Posted" before "Updated". */
export function textDateLine(text: string, times: readonly FoundTime[], isWeekday: (word: string) => boolean = () => false): DateClue | null {
  const full = times.filter((t) => t.spec.k === "abs" && t.spec.y !== undefined && t.spec.m !== undefined && t.spec.d !== undefined && t.value);
  if (!full.length) return null;
  const months = new Map<number, number>();
  for (const t of times) if (t.spec.k === "abs" && t.spec.m !== undefined && !(t.spec.k === "abs" && t.spec.ambiguous)) months.set(t.spec.m, (months.get(t.spec.m) ?? 0) + 1);
  let fallback: DateClue | null = null;
  for (const t of full) {
    const ls = text.lastIndexOf("\n", t.start - 1) + 1;
    let le = text.indexOf("\n", t.end);
    if (le < 0) le = text.length;
    const line = text.slice(ls, le).trim();
    const lead = text.slice(ls, t.start);
    if (!(line.length <= 60 || (line.length <= 400 && lead.trim().length <= 20))) continue;
    // Before the date only labels ("Posted:", "Publié le"), a weekday or a clock: "On 28 January 2024, a drone…" is prose.
    // A dateline ("WASHINGTON, March 23, 2023 (Reuters) -") is a date line too.
    const dateline = /^\s*\p{Lu}[\p{L}' .-]{1,40},\s*$/u.test(lead) && /^,?\s*(?:\([^)]{1,40}\))?\s*(?:--|[-–—:])/u.test(text.slice(t.end, t.end + 48));
    if (!dateline && (lead.match(/\p{L}+/gu) ?? []).some((x) => !LABELS.has(x.toLowerCase()) && !isWeekday(x))) continue;
    const sp = t.spec;
    if (sp.k !== "abs") continue;
    let { m, d } = sp as { m: number; d: number };
    let how = `date line '${line.slice(0, 60)}'`;
    if (sp.ambiguous && (months.get(sp.ambiguous.m) ?? 0) > (months.get(m) ?? 0)) {
      ({ m, d } = sp.ambiguous);
      how += `, read day-month as the text's other dates are in that month`;
    }
    const c = dateClue(sp.y!, m, d, how, "text");
    if (!c) continue;
    const before = text.slice(Math.max(ls, t.start - 30), t.start);
    if (UPDATED.test(before) && !POSTED.test(before)) {
      fallback ??= c;
      continue;
    }
    return c;
  }
  return fallback;
}

/** Reads the record's published field. */
function recordClue(value: string): DateClue | null {
  const p = parseIsoDate(value);
  if (!p) return null;
  return dateClue(p.y, p.m, p.d, `the record's published field (${value})`, "record");
}

const inside = (c: DateClue, outer: DateClue) => c.from >= outer.from && c.to <= outer.to;
const finer = (c: DateClue, than: DateClue) => c.to - c.from < than.to - than.from;

/**
 * Finds the publication date from every clue, most trusted first: the record's metadata, the URL, the dateline, the
 * text's own date line; a less trusted clue refines a coarser trusted one when it lies inside it. A dateline without
 * year takes it from the other clues or from the known events the text recalls; with no clue at all, the window of
 * the known events gives an estimate when it is bounded. Never today's date.
 */
export function inferPublished(doc: Doc, times: readonly FoundTime[], w: TimeWords, win: AnchorWindow, month?: (word: string) => number | undefined, folded?: string): PublishedFinding {
  const meta = doc.meta;
  const clues: DateClue[] = [];
  for (const c of meta?.dateClues ?? []) if (c.source === "record") { const r = recordClue(c.value); if (r) clues.push(r); }
  if (!clues.length && doc.source.published) { const r = recordClue(doc.source.published); if (r) clues.push(r); }
  const url = meta?.url ?? doc.source.url ?? null;
  if (url) clues.push(...urlDateClues(url, month ?? ((s) => { const v = w.get("month", s); return v ? Number(v) : undefined; })));
  const dl = meta?.dateline ?? null;
  const line = textDateLine(doc.text, times, (x) => w.get("weekday", x) !== undefined);

  let best: DateClue | null = null;
  for (const c of clues) {
    if (!best) best = c;
    else if (finer(c, best) && inside(c, best)) best = { ...c, basis: `${best.basis}, refined by ${c.basis}` };
  }
  // The dateline: with its year, or the year of the trusted clues, the text's date line or the known events.
  if (dl && dl.month !== null && dl.day !== null) {
    const dlText = `dateline '${dl.text.replace(/[-–—:\s]+$/, "")}'`;
    let c: DateClue | null = null;
    if (dl.year !== null) c = dateClue(dl.year, dl.month, dl.day, dlText, "dateline");
    else {
      // the year of the first clue (the best, else the date line) that spans one year
      // (a loop: a filter-then-map made an empty list of one array map and a filled one of another, "wrong map")
      let y: number | undefined;
      for (const x of [best, line]) {
        if (x && ymd(x.from).y === ymd(x.to).y) {
          y = ymd(x.from).y;
          break;
        }
      }
      if (y !== undefined) c = dateClue(y, dl.month, dl.day, `${dlText}, year ${y} from the ${best ? best.source : "date line"}`, "dateline");
      else if (win.allowed) {
        const yy = yearInWindow(dl.month, dl.day, win.allowed);
        if (yy !== null) c = dateClue(yy, dl.month, dl.day, `${dlText}, year ${yy} inferred: ${win.notes.join("; ")}`, "dateline");
      }
    }
    if (c) {
      if (!best) best = c;
      else if (finer(c, best) && inside(c, best)) best = { ...c, basis: `${best.basis}, refined by ${c.basis}` };
    }
  }
  if (line) {
    if (!best) best = line;
    else if (finer(line, best) && inside(line, best)) best = { ...line, basis: `${best.basis}, refined by ${line.basis}` };
  }
  const lo = win.allowed ? Math.min(...win.allowed.map((i) => i.from)) : null;
  const hi = win.allowed ? Math.max(...win.allowed.map((i) => i.to)) : null;
  const nb = lo !== null && lo > -1e6 ? lo : null;
  const na = hi !== null && hi < 1e6 ? hi : null;
  if (best) return { published: { value: clueValue(best) }, clue: best, notBefore: nb, notAfter: na };

  // No clue: the window of known events and explicit dates. The first interval it allows is the likeliest
  // (news is written soon after what it recalls); inside it, just after the latest event recalled, moved forward
  // to a weekday the text names in the days after it.
  const notes = win.notes.join("; ");
  const estimate = (day: DayNum, how: string, source: string): PublishedFinding | null => {
    const d = ymd(day);
    const c = dateClue(d.y, d.m, d.d, `estimate: ${how}${notes ? "; " + notes : ""}`, source);
    return c ? { published: { value: clueValue(c) }, clue: c, notBefore: nb, notAfter: na } : null;
  };
  // "in the days following": the text was written some days after the events it recalls
  const elapsed = elapsedDays(folded ?? foldLower(doc.text), w);
  if (win.allowed && win.allowed.length) {
    const iv = win.allowed[0];
    const latest = Math.max(win.latestEvent ?? -1e7, win.latestDated ?? -1e7);
    if (iv.from > -1e6 && iv.to < 1e6 && iv.to - iv.from <= 6) {
      const mid = Math.floor((iv.from + iv.to) / 2);
      const r = estimate(mid, `the middle of the few days the text allows (${isoDay(iv.from)} to ${isoDay(iv.to)})`, "anchors");
      if (r) return r;
    }
    if (iv.from > -1e6 && latest > -1e6 && (iv.to - iv.from > 62 || iv.to > 1e6) && (iv.to - iv.from <= 400 || iv.to > 1e6)) {
      const p = pushByWeekdays(latest, times);
      let est = p ? p.day : latest + 1;
      let how = p ? `${p.how} after the latest event the text recalls (${isoDay(latest)})` : `the day after the latest event the text recalls (${isoDay(latest)})`;
      if (elapsed && latest + elapsed.days > est) {
        est = latest + elapsed.days;
        how = `'${elapsed.text}': at least ${elapsed.days} days after the latest event the text recalls (${isoDay(latest)})`;
      }
      // An open window (no period bounds it) allows the estimate only when the text names the latest event by its
      // weekday ("the strikes of Friday night"): news that does is written within days of it.
      const bounded2 = iv.to < 1e6 || namesWeekdayOf(latest, times) !== null;
      if (est >= iv.from && est <= iv.to && bounded2) {
        if (iv.to >= 1e6) how += `, which it names by its weekday ('${namesWeekdayOf(latest, times)}')`;
        const r = estimate(est, how, "anchors");
        if (r) return r;
      }
    }
    const whole = iv.from > -1e6 && iv.to < 1e6 ? coveringClue(iv.from, iv.to, `the text gives no date; ${notes}`, "anchors") : null;
    if (whole) return { published: { value: clueValue(whole) }, clue: whole, notBefore: nb, notAfter: na };
  }
  if (win.latestDated !== null && win.latestDated > -1e6) {
    const p = pushByWeekdays(win.latestDated, times);
    const r =
      elapsed && win.latestDated + elapsed.days > (p ? p.day : win.latestDated)
        ? estimate(win.latestDated + elapsed.days, `'${elapsed.text}': at least ${elapsed.days} days after the latest dated event the text reports (${isoDay(win.latestDated)})`, "mentions")
        : p
          ? estimate(p.day, `${p.how} after the latest dated event the text reports (${isoDay(win.latestDated)})`, "mentions")
          : estimate(win.latestDated, `the latest dated event the text reports (${isoDay(win.latestDated)})`, "mentions");
    if (r) return r;
  }
  const reason = nb !== null ? `no date in the record, URL or text; written after ${isoDay(nb)} (${win.notes.join("; ")})` : "no date in the record, URL, dateline or text, and no known event to infer it from";
  return { published: { value: null, reason }, clue: null, notBefore: nb, notAfter: na };
}

/** The latest day, 1 to 3 days after `base`, that a past weekday of the text names ("On Wednesday" after "Tuesday, July 30"). */
export function pushByWeekdays(base: DayNum, times: readonly FoundTime[]): { day: DayNum; how: string } | null {
  let best: { day: DayNum; how: string } | null = null;
  for (const t of times) {
    if (t.spec.k !== "weekday" || t.future || t.spec.dir > 0) continue;
    const k = (t.spec.wd - weekday(base) + 7) % 7;
    if (k > 0 && k <= 3 && (!best || base + k > best.day)) best = { day: base + k, how: `'${t.text}', the ${isoDay(base + k)}` };
  }
  return best;
}

/** The weekday word with which a past time of the text names the day `day` itself ("Friday night" for a Friday), or null. */
export function namesWeekdayOf(day: DayNum, times: readonly FoundTime[]): string | null {
  for (const t of times) if (t.spec.k === "weekday" && !t.future && t.spec.dir <= 0 && t.spec.wd === weekday(day)) return t.text;
  return null;
}

const ELAPSED = new WeakMap<TimeWords, RegExp | null>();

/** leftBoundary(lang) at position i of the folded text: no word character before it (Arabic: or one clitic و ف ب ل after none). */
function wordStart(folded: string, i: number, ar: boolean): boolean {
  if (i === 0 || !isWordChar(folded.charCodeAt(i - 1))) return true;
  return ar && "وفبل".includes(folded[i - 1]) && (i === 1 || !isWordChar(folded.charCodeAt(i - 2)));
}
/**
 * The phrase of the text that says the most days have passed since the events it recalls, with that number
 * (the `elapsed` rows of time-words.tsv: "in the days following" → 2), or null.
 */
export function elapsedDays(folded: string, w: TimeWords): { days: number; text: string } | null {
  let re = ELAPSED.get(w);
  if (re === undefined) {
    // (the start of a phrase is checked by hand, as leftBoundary would: opening the regex, that lookbehind ran at
    // every character of the text)
    re = w.classes.get("elapsed")?.size ? new RegExp(`${w.alt("elapsed")}(?![${WORD_CHAR}])`, "gu") : null;
    ELAPSED.set(w, re);
  }
  if (!re) return null;
  let best: { days: number; text: string } | null = null;
  re.lastIndex = 0;
  const ar = w.lang === "ar";
  for (let m = re.exec(folded); m; m = re.exec(folded)) {
    if (!wordStart(folded, m.index, ar)) {
      re.lastIndex = m.index + 1;
      continue;
    }
    const days = Number(w.get("elapsed", m[0]) ?? 0);
    if (days > 0 && (!best || days > best.days)) best = { days, text: m[0] };
  }
  return best;
}

/** Day number of a YYYY-MM-DD string, for callers holding contract dates. */
export function dayOf(date: string): DayNum | null {
  const p = parseIsoDate(date);
  return p && p.m !== null ? dayNum(p.y, p.m, p.d ?? 1) : null;
}
