import type { TimeSpec, Resolved, TimeRef } from "./resolve-spec.js";
import { resolveSpec } from "./resolve-spec.js";
import { sortByStart } from "../../core/sort-by-start.js";
import { isWordChar, type TimeGrammar } from "./time-grammar.js";
import { foldForDates, foldLower, type TimeWords } from "./time-words.js";
import { hasChar } from "./first-chars.js";
import { objectList } from "../../core/object-list.js";

/** A time expression found in a text: its span, what it says, and its resolution against a reference. */
export interface FoundTime extends Resolved {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly spec: TimeSpec;
  /** True when the clause before it speaks of the future. */
  readonly future: boolean;
}

type Groups = Record<string, string | undefined>;

const UNIT_PERIOD: Record<string, string> = { D: "D", W: "W", M: "M", Y: "Y", DE: "DE", CE: "CE", Q: "Q", WE: "WE", TH: "H", TM: "M" };

function duration(n: number | null, unit: string): string {
  const u = UNIT_PERIOD[unit] ?? unit;
  const t = unit === "TH" || unit === "TM" ? "T" : "";
  if (n === null) return `P${t}X${u}`;
  if (unit === "DE") return `P${n * 10}Y`;
  if (unit === "CE") return `P${n * 100}Y`;
  return `P${t}${n}${u}`;
}

const isUpper = (s: string | undefined) => !!s && s[0] !== s[0].toLowerCase();

/** Builds the spec of one match; null rejects it (a lower-case "march", a bare "may"). */
function specOf(kind: string, g: Groups, w: TimeWords, orig: string, mStart: number, groupStart: (name: string) => number): TimeSpec | null {
  const num = (s: string | undefined): number | null => {
    if (s === undefined) return 1;
    if (/^\d/.test(s)) return Number(s);
    const v = w.get("number", s);
    return v === undefined || v === "X" ? null : Number(v);
  };
  const dir = g.dir !== undefined ? Number(w.get("dir", g.dir) ?? 0) : g.dira !== undefined ? Number(w.get("dir-after", g.dira) ?? 0) : undefined;
  const mod = g.mod !== undefined ? w.get("mod", g.mod) : undefined;
  const month = (s: string | undefined) => (s === undefined ? undefined : Number(w.get("month", s.replace(/\.$/, "")) ?? w.get("month", s)));
  const en = w.lang === "en";
  // English month and weekday names are capitalised; a lower-case "march" or "may" is a verb.
  if (en && g.mon !== undefined && !isUpper(orig.slice(groupStart("mon"), groupStart("mon") + 1))) return null;
  if (en && g.wd !== undefined && !isUpper(orig.slice(groupStart("wd"), groupStart("wd") + 1))) return null;
  switch (kind) {
    case "iso":
    case "ymd":
      return { k: "abs", y: Number(g.y), m: Number(g.mo), d: Number(g.d) };
    case "numeric": {
      const a = Number(g.a), b = Number(g.b);
      const monthFirst = en ? a <= 12 : b > 12 && a <= 12;
      const [m, d] = monthFirst ? [a, b] : [b, a];
      if (m < 1 || m > 12 || d < 1 || d > 31) return null;
      return { k: "abs", y: Number(g.y), m, d, ambiguous: a <= 12 && b <= 12 && a !== b ? { m: d, d: m } : undefined };
    }
    case "md":
    case "dm": {
      const m = month(g.mon);
      if (!m) return null;
      return { k: "abs", y: g.y ? Number(g.y) : undefined, m, d: Number(g.d), d2: g.d2 ? Number(g.d2) : undefined, dir: dir };
    }
    case "my": {
      const m = month(g.mon);
      return m ? { k: "abs", y: Number(g.y), m, mod } : null;
    }
    case "month": {
      const m = month(g.mon);
      if (!m) return null;
      // "May" and "March" alone are too often a verb or a name: they need a modifier or direction.
      if (en && g.dir === undefined && g.mod === undefined && /^(may|march)$/i.test(g.mon ?? "") && mStart > 0 && /(?:^|\s)(?:and|to|of|on)\s+$/i.test(orig.slice(Math.max(0, mStart - 5), mStart))) return null;
      return { k: "abs", m, dir: dir ?? 0, mod: dir === 0 ? "THIS" : mod };
    }
    case "year": {
      const y = Number(g.y);
      return { k: "abs", y, mod };
    }
    case "decade":
      return { k: "prefix", value: g.dec! };
    case "century":
      return { k: "prefix", value: String(Number(g.ord) - 1).padStart(2, "0") };
    case "weekday": {
      const wd = Number(w.get("weekday", g.wd));
      if (!wd) return null;
      if (w.lang === "ar" && wd === 1 && !g.partb && !g.today && g.dira === undefined && !/يوم\s+$/.test(foldForDates(orig.slice(Math.max(0, mStart - 6), mStart + 4)))) {
        if (!/^(?:يوم|اليوم)/.test(foldForDates(orig.slice(mStart, mStart + 5)))) return null;
      }
      const part = g.part !== undefined ? w.get("part", g.part) : g.partb !== undefined ? w.get("part-before", g.partb) : undefined;
      return { k: "weekday", wd, dir: dir ?? 0, part, today: g.today !== undefined };
    }
    case "deictic": {
      if (g.dp !== undefined) {
        const [off, part] = (w.get("deictic-part", g.dp) ?? "0").split(":");
        return { k: "deictic", offset: Number(off), part };
      }
      return { k: "deictic", offset: Number(w.get("deictic", g.de) ?? 0) };
    }
    case "duration": {
      const unit = w.get("unit", g.unit);
      return unit ? { k: "duration", value: duration(num(g.num), unit) } : null;
    }
    case "rel": {
      const unit = w.get("unit", g.unit);
      if (!unit) return null;
      // "the coming days", "the past weeks": a stretch of time, not one unit.
      if (en && g.dir !== undefined && /s$/.test(g.unit ?? "")) return { k: "duration", value: duration(null, unit) };
      return { k: "rel", unit, n: dir ?? 0, mod };
    }
    case "units": {
      const unit = g.dual !== undefined ? w.get("dual", g.dual) : w.get("unit", g.unit);
      if (!unit) return null;
      const n = g.dual !== undefined ? 2 : g.num === undefined && g.unit !== undefined && /s$/i.test(g.unit) ? null : num(g.num);
      if (g.ana !== undefined) return { k: "anaphoric", what: "a time after or before another event", duration: duration(n, unit) };
      if (g.ago !== undefined) return { k: "ago", unit, n };
      return { k: "duration", value: duration(n, unit) };
    }
    case "bare-units": {
      const unit = w.get("unit", g.unit);
      return unit ? { k: "duration", value: duration(null, unit) } : null;
    }
    case "anaphoric":
      return { k: "anaphoric", what: w.get("anaphoric", g.ana) ?? "another event" };
    case "general":
      return { k: "general", value: w.get("general", g.gen) ?? "PRESENT_REF" };
    case "clock": {
      let h = Number(g.h);
      const ap = g.ap?.toLowerCase();
      if (ap?.startsWith("p") && h < 12) h += 12;
      if (ap?.startsWith("a") && h === 12) h = 0;
      return { k: "clock", h, min: Number(g.min ?? 0) };
    }
    case "season": {
      const s = w.get("season", g.season);
      return s ? { k: "season", season: s, y: g.y ? Number(g.y) : undefined, dir: dir ?? 0 } : null;
    }
  }
  return null;
}


/**
 * Which rules findTimes has tried at each position: bit `order` of TRIED[pos], valid while TRIED_STAMP[pos] is the
 * call's stamp (a Set of pos × 64 + order per call before: a hashed insert and look-up per try). Reused across calls.
 */
let TRIED = new Int32Array(4096);
let TRIED_STAMP = new Int32Array(4096);
let lastStamp = 0;
/** A fresh stamp for a text of `n` positions, or -1 when the rules do not fit the 31 bits of a mask. */
function triedStamp(n: number, rules: number): number {
  if (rules > 31) return -1;
  if (n > TRIED.length) {
    TRIED = new Int32Array(Math.max(n, 2 * TRIED.length));
    TRIED_STAMP = new Int32Array(TRIED.length);
  }
  if (lastStamp >= 0x7fffffff) {
    TRIED_STAMP.fill(0);
    lastStamp = 0;
  }
  return ++lastStamp;
}

/** Options of findTimes: the reference date and a function telling whether a position speaks of the future. */
export interface FindTimesOptions {
  readonly ref: TimeRef | null;
  /** True when the clause before `pos` has a future cue. */
  readonly futureAt?: (pos: number) => boolean;
}

/**
 * Finds and resolves the time expressions of a text: every rule is run over the folded text, overlapping matches are
 * settled longest first (earlier rules win ties), and each survivor is resolved against the reference date.
 */
export function findTimes(text: string, w: TimeWords, grammar: TimeGrammar, opts: FindTimesOptions & { folded?: string }): FoundTime[] {
  const folded = opts.folded ?? foldLower(text);
  const cands: { start: number; end: number; order: number; spec: TimeSpec }[] = [];
  const { rules, trigger, byClass, classOf } = grammar;
  const stamp = triedStamp(folded.length + 1, rules.length);
  const tried = stamp < 0 ? new Set<number>() : null;
  const tryAt = (pos: number, which: readonly number[]) => {
    const c = folded.charCodeAt(pos);
    for (const order of which) {
      // (a rule whose matches cannot start with this character finds nothing here: not run)
      if (!hasChar(rules[order].first, c)) continue;
      if (tried) {
        const key = pos * 64 + order;
        if (tried.has(key)) continue;
        tried.add(key);
      } else {
        if (TRIED_STAMP[pos] !== stamp) (TRIED_STAMP[pos] = stamp), (TRIED[pos] = 0);
        const bit = 1 << order;
        if (TRIED[pos] & bit) continue;
        TRIED[pos] |= bit;
      }
      const rule = rules[order];
      const re = rule.sticky;
      re.lastIndex = pos;
      const m = re.exec(folded);
      if (!m || m[0].length === 0) continue;
      const g = (m.groups ?? {}) as Groups;
      const at = m.index, whole = m[0];
      const spec = specOf(rule.kind, g, w, text, at, (name) => (g[name] !== undefined ? at + Math.max(0, whole.lastIndexOf(g[name]!)) : at));
      if (!spec) continue;
      let end = at + whole.length;
      while (end > at && /[\s,]/.test(text[end - 1])) end--;
      cands.push({ start: at, end, order, spec });
    }
  };
  // An Arabic word may open with an attached و/ف/ب/ل: the expression starts after it.
  const clitic = (p: number) => w.lang === "ar" && "وفبل".includes(folded[p]) && p + 1 < folded.length && isWordChar(folded.charCodeAt(p + 1));
  // Each key word (a month, a weekday, a unit, a digit…) proposes its own position and the starts of up to five
  // words before it ("the beginning of the year", "more than two decades"), for the rules that need its class.
  trigger.lastIndex = 0;
  for (let t = trigger.exec(folded); t; t = trigger.exec(folded)) {
    if (t[0].length === 0) {
      trigger.lastIndex++;
      continue;
    }
    // A key word must start a word (Arabic: or follow one attached و/ف/ب/ل).
    if (t.index > 0 && isWordChar(folded.charCodeAt(t.index - 1)) && !(w.lang === "ar" && "وفبل".includes(folded[t.index - 1]))) {
      trigger.lastIndex = t.index + 1;
      continue;
    }
    const c0 = t[0].charCodeAt(0);
    const cls = c0 >= 48 && c0 <= 57 ? "digit" : classOf.get(t[0]) ?? classOf.get(t[0].replace(/\s+/g, " "));
    const which = cls ? byClass.get(cls) : undefined;
    if (!which) continue;
    let pos = t.index;
    tryAt(pos, which);
    if (clitic(pos)) tryAt(pos + 1, which);
    const back = cls === "month" || cls === "unit" || cls === "dual" ? 6 : 3;
    for (let k = 0; k < back && pos > 0; k++) {
      let i = pos - 1;
      while (i >= 0 && (folded[i] === " " || folded[i] === "-" || folded[i] === "'" || folded[i] === ",")) i--;
      if (i < 0 || folded[i] === "\n" || folded[i] === ".") break;
      while (i > 0 && isWordChar(folded.charCodeAt(i - 1))) i--;
      if (!isWordChar(folded.charCodeAt(i))) break;
      pos = i;
      tryAt(pos, which);
      if (clitic(pos)) tryAt(pos + 1, which);
    }
  }
  cands.sort((a, b) => b.end - b.start - (a.end - a.start) || a.order - b.order || a.start - b.start);
  const taken: { start: number; end: number; spec: TimeSpec }[] = [];
  for (const c of cands) if (!taken.some((t) => c.start < t.end && t.start < c.end)) taken.push(c);
  sortByStart(taken);
  // (pushed to an objectList: an empty list made by map has another array map than a filled one, and the readers of
  // this list — reresolve, the dates stage — were thrown out of optimized code at the first article with no time)
  const out = objectList<FoundTime>();
  for (const t of taken) {
    const span = text.slice(t.start, t.end);
    const future = opts.futureAt ? opts.futureAt(t.start) : false;
    const ref = opts.ref ? { day: opts.ref.day, basis: opts.ref.basis, precision: opts.ref.precision, future } : null;
    const r = resolveSpec(t.spec, span, ref);
    out.push({ type: r.type, timex: r.timex, value: r.value, reason: r.reason, start: t.start, end: t.end, text: span, spec: t.spec, future });
  }
  return out;
}

/** Re-resolves found expressions against a new reference (the spans and specs stay). */
export function reresolve(found: readonly FoundTime[], ref: TimeRef | null): FoundTime[] {
  const out = objectList<FoundTime>();
  for (const t of found) {
    const r = resolveSpec(t.spec, t.text, ref ? { day: ref.day, basis: ref.basis, precision: ref.precision, future: t.future } : null);
    out.push({ type: r.type, timex: r.timex, value: r.value, reason: r.reason, start: t.start, end: t.end, text: t.text, spec: t.spec, future: t.future });
  }
  return out;
}

