import { type DayNum, dayNum, daysInMonth, isoDay, ymd } from "./calendar.js";
import type { AnchorMention } from "./anchors.js";
import type { FoundTime } from "./find-times.js";
import type { TimeWords } from "./time-words.js";
import { foldLower } from "./time-words.js";

/** The sentence holding a position (binary search over sorted sentences), or null. */
export function sentenceAt<S extends { start: number; end: number }>(sentences: readonly S[], pos: number): S | null {
  let lo = 0, hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1, s = sentences[mid];
    if (pos < s.start) hi = mid - 1;
    else if (pos >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}

/** An inclusive interval of days. */
export interface DayInterval {
  readonly from: DayNum;
  readonly to: DayNum;
}

/** What the text's known events and explicit dates say about when it was written. */
export interface AnchorWindow {
  /** Days the evidence allows (a union of intervals), or null when nothing constrains it. */
  readonly allowed: readonly DayInterval[] | null;
  /** The latest known event the text recalls: a writing date just after it is the likeliest. */
  readonly latestEvent: DayNum | null;
  /** The latest explicit full date (with year) the text gives in the past tense. */
  readonly latestDated: DayNum | null;
  /** The constraints, in words. */
  readonly notes: readonly string[];
}

const NEG = -1e7, POS = 1e7;

function intersect(a: readonly DayInterval[], b: readonly DayInterval[]): DayInterval[] {
  const out: DayInterval[] = [];
  for (const x of a) for (const y of b) {
    const from = Math.max(x.from, y.from), to = Math.min(x.to, y.to);
    if (from <= to) out.push({ from, to });
  }
  return out;
}

const year = (y: number): DayInterval => ({ from: dayNum(y, 1, 1), to: dayNum(y, 12, 31) });
const addYears = (n: DayNum, k: number) => { const d = ymd(n); return dayNum(d.y + k, d.m, Math.min(d.d, daysInMonth(d.y + k, d.m))); };

const SPAN_AFTER: Record<string, RegExp> = {
  en: /(?:(more than|over|nearly|almost|about|some)\s+)?([a-z\d]+)\s+(decades?|years?)\s+(?:after|since)/,
  fr: /(?:(plus de|près de|presque|environ)\s+)?([a-zéèêàù\d]+)\s+(décennies?|ans|années)\s+après/,
  ar: /بعد\s+(?:(اكثر من|نحو|قرابه)\s+)?(?:([\u0621-\u064a\d]+)\s+)?(عقود|عقدين|عقد|سنوات|اعوام|عاما|عامين|سنتين)/,
};
const SPAN_CUE: Record<string, RegExp> = { en: /after|since/, fr: /après/, ar: /بعد/ };

/**
 * Works out the window of writing dates the text allows: after every known event it recalls, within the periods it
 * speaks of in the present (a sitting president), and as its relative references to those events say ("last year",
 * "more than two decades after", "last October").
 */
export function anchorWindow(
  text: string,
  w: TimeWords,
  sentences: readonly { start: number; end: number }[],
  mentions: readonly AnchorMention[],
  times: readonly FoundTime[],
  foldedText?: string,
): AnchorWindow {
  let allowed: DayInterval[] = [{ from: NEG, to: POS }];
  const notes: string[] = [];
  let constrained = false;
  let latestEvent: DayNum | null = null;
  let latestDated: DayNum | null = null;
  const apply = (iv: DayInterval[], note: string) => {
    const next = intersect(allowed, iv);
    if (next.length === 0) return; // contradicts earlier evidence: ignore it
    allowed = next;
    constrained = true;
    if (!notes.includes(note)) notes.push(note);
  };
  const sentenceOf = (pos: number) => sentenceAt(sentences, pos) ?? { start: Math.max(0, pos - 200), end: pos + 200 };

  // Periods spoken of in the present: union per group.
  const groups = new Map<string, { ivs: DayInterval[]; labels: string[] }>();
  for (const m of mentions) {
    const a = m.anchor;
    if (a.kind !== "period") continue;
    const g = groups.get(a.joins) ?? { ivs: [], labels: [] };
    if (!g.labels.includes(a.label)) {
      g.ivs.push({ from: a.date, to: a.end === null ? POS : a.end - 1 });
      g.labels.push(a.label);
    }
    groups.set(a.joins, g);
  }
  for (const g of groups.values()) apply(g.ivs, `during ${g.labels.join(" or ")}`);

  // Events recalled: written on or after them.
  const seen = new Set<string>();
  for (const m of mentions) {
    const a = m.anchor;
    if (a.kind !== "event" || seen.has(a.id)) continue;
    seen.add(a.id);
    apply([{ from: a.date, to: POS }], `after ${a.label} (${isoDay(a.date)})`);
    latestEvent = Math.max(latestEvent ?? NEG, a.date);
  }

  // Relative references in the sentence of an event mention.
  const folded = foldedText ?? foldLower(text);
  for (const m of mentions) {
    const a = m.anchor;
    if (a.kind !== "event") continue;
    const s = sentenceOf(m.start);
    const ay = ymd(a.date);
    for (const t of times) {
      if (t.start < s.start || t.end > s.end) continue;
      const sp = t.spec;
      if (sp.k === "rel" && sp.unit === "Y") apply([year(ay.y - sp.n)], `'${t.text}' of ${a.label} → written in ${ay.y - sp.n}`);
      else if (sp.k === "ago" && sp.unit === "Y" && sp.n !== null) apply([year(ay.y + sp.n)], `'${t.text}' of ${a.label} → written in ${ay.y + sp.n}`);
      else if (sp.k === "ago" && sp.n !== null && (sp.unit === "D" || sp.unit === "W" || sp.unit === "M")) {
        const days = sp.unit === "D" ? sp.n : sp.unit === "W" ? 7 * sp.n : Math.round(30.44 * sp.n);
        const slack = sp.unit === "D" ? 1 : sp.unit === "W" ? 4 : 15;
        apply([{ from: a.date + days - slack, to: a.date + days + slack }], `'${t.text}' since ${a.label} → written about ${isoDay(a.date + days)}`);
      } else if (sp.k === "abs" && sp.y === undefined && sp.d === undefined && sp.m === ay.m && (sp.dir ?? 0) < 0) {
        apply([{ from: dayNum(ay.y, ay.m, daysInMonth(ay.y, ay.m)) + 1, to: dayNum(ay.y + 1, ay.m, daysInMonth(ay.y + 1, ay.m)) }], `'${t.text}' is the month of ${a.label} → written within the following year`);
      }
    }
    const re = SPAN_AFTER[w.lang];
    const slice = folded.slice(s.start, s.end);
    const sm = re && SPAN_CUE[w.lang].test(slice) ? re.exec(slice) : null;
    if (sm) {
      const unitWord = sm[3];
      const dual = /ين$/.test(unitWord);
      const n = dual ? 2 : sm[2] && /^\d+$/.test(sm[2]) ? Number(sm[2]) : Number(w.get("number", sm[2]) ?? (sm[2] ? NaN : 1));
      if (Number.isFinite(n)) {
        const per = /^(decade|décenn|عقد|عقود|عقدين)/.test(unitWord) ? 10 : 1;
        const approx = sm[1] && /nearly|almost|about|some|près|presque|environ|نحو|قرابه/.test(sm[1]);
        const k = n * per - (approx ? 1 : 0);
        apply([{ from: addYears(a.date, k), to: POS }], `'${sm[0].trim()}' ${a.label} → at least ${k} years later`);
      }
    }
  }

  // Explicit past dates with a year: written on or after them.
  for (const t of times) {
    const sp = t.spec;
    if (sp.k !== "abs" || sp.y === undefined || sp.m === undefined || !t.value || t.future) continue;
    const from = sp.d !== undefined ? dayNum(sp.y, sp.m, sp.d) : dayNum(sp.y, sp.m, 1);
    if (from > POS || from < NEG) continue;
    apply([{ from, to: POS }], `after '${t.text}'`);
    if (sp.d !== undefined) latestDated = Math.max(latestDated ?? NEG, sp.d2 !== undefined && sp.d2 > sp.d ? dayNum(sp.y, sp.m, sp.d2) : from);
  }
  allowed.sort((a, b) => a.from - b.from);
  const low = allowed[0]?.from ?? NEG;
  if (latestDated !== null && latestDated < low) latestDated = null;
  return { allowed: constrained ? allowed : null, latestEvent, latestDated, notes };
}

/** The earliest year in which month/day falls inside the window (null when the window has no lower bound). */
export function yearInWindow(m: number, d: number, allowed: readonly DayInterval[]): number | null {
  const lows = allowed.map((iv) => iv.from).filter((f) => f > NEG);
  if (lows.length === 0) return null;
  const y0 = ymd(Math.min(...lows)).y;
  for (let y = y0; y < y0 + 40; y++) {
    if (d > daysInMonth(y, m)) continue;
    const n = dayNum(y, m, d);
    if (allowed.some((iv) => iv.from <= n && n <= iv.to)) return y;
  }
  return null;
}
