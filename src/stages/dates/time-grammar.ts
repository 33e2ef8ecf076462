import type { TimeWords } from "./time-words.js";
import { literalUnits, phraseAlternation } from "./phrase-alternation.js";
import { firstChars, type CharSet } from "./first-chars.js";

/** One pattern of the time grammar: a regex over folded text and the kind of expression it finds. */
export interface TimeRule {
  readonly kind: string;
  /** Sticky regex, tried at the positions the grammar's trigger proposes. */
  readonly sticky: RegExp;
  /** Word classes one of which must occur in the text for the rule to be tried ("digit" for a digit). */
  readonly needs: readonly string[];
  /** The characters its non-empty matches can start with: at any other, it is not run. */
  readonly first: CharSet;
}

/** Letters and digits of the scripts we read, as a plain class (much faster than \\p{L} in a lookbehind). */
export const WORD_CHAR = "0-9a-z_\\u00c0-\\u024f\\u0370-\\u03ff\\u0400-\\u04ff\\u0621-\\u064a\\u0671-\\u06d3";

const NEEDS: Record<string, string[]> = {
  iso: ["digit"], numeric: ["digit"], ymd: ["digit"], year: ["digit"], decade: ["digit"], century: ["digit"], clock: ["digit"],
  md: ["month"], dm: ["month"], my: ["month"], month: ["month"], weekday: ["weekday"], deictic: ["deictic", "deictic-part"],
  duration: ["unit"], rel: ["unit"], units: ["unit", "dual"], "bare-units": ["unit"], anaphoric: ["anaphoric"], general: ["general"],
  season: ["season"],
};

const Y = "(?:19|20)\\d\\d";
const D = "(?:3[01]|[12]\\d|0?[1-9])";
const APPROX = "(?:(?:almost|nearly|about|around|more than|less than|at least|some|a mere|roughly|approximately|over)\\s+)?";

/** Fills {class} placeholders with the language's word alternations. */
function fill(src: string, w: TimeWords): string {
  return src.replace(/\{([a-z][a-z-]*|Y|D)\}/g, (_, c: string) => (c === "Y" ? Y : c === "D" ? D : w.alt(c)));
}

const EN: [string, string][] = [
  ["iso", "(?<y>{Y})-(?<mo>1[0-2]|0[1-9])-(?<d>3[01]|[12]\\d|0[1-9])"],
  ["numeric", "(?<a>\\d{1,2})[/.\\-](?<b>\\d{1,2})[/.\\-](?<y>{Y})"],
  ["md", "(?:(?<wd>{weekday}),?\\s+)?(?<mon>{month})\\.?\\s+(?<d>{D})(?:st|nd|rd|th)?(?![\\d:])(?:,?\\s+(?<y>{Y}))?"],
  ["dm", "(?:(?<wd>{weekday}),?\\s+)?(?:the\\s+)?(?<d>{D})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<mon>{month})\\.?(?:,?\\s+(?<y>{Y}))?"],
  ["my", "(?:(?<mod>{mod})[\\s-]*)?(?<mon>{month})\\.?,?\\s+(?<y>{Y})"],
  ["month", "(?:(?<mod>{mod})[\\s-]*)?(?<dir>{dir})\\s+(?<mon>{month})"],
  ["month", "(?<mod>{mod})[\\s-]*(?<mon>{month})"],
  ["month", "(?<=(?:^|[^\\p{L}])(?:{prep})\\s+)(?<mon>{month})"],
  ["year", "(?<![$€£#]|\\d[.,])(?:(?<mod>{mod})[\\s-]*)?(?<y>{Y})(?![.,]\\d)(?!\\s*(?:%|percent|per cent))"],
  ["decade", "(?:the\\s+)?(?<dec>(?:19|20)\\d)0s"],
  ["century", "(?:the\\s+)?(?<ord>\\d{1,2})(?:st|nd|rd|th)\\s+century"],
  ["weekday", "(?:(?<partb>{part-before})\\s+)?(?:(?<dir>{dir})\\s+)?(?<wd>{weekday})(?:\\s+(?<part>{part}))?"],
  ["deictic", "(?<dp>{deictic-part})|(?<de>{deictic})"],
  ["duration", "(?:the\\s+)?(?<dir>{dir})\\s+(?<num>{number}|\\d+)\\s+(?<unit>{unit})"],
  ["rel", "(?:(?<mod>{mod})[\\s-]*)?(?:(?<ea>earlier|later)\\s+)?(?:the\\s+)?(?<dir>{dir})\\s+(?:fiscal\\s+)?(?<unit>{unit})"],
  ["rel", "(?<mod>{mod})\\s+(?:the\\s+|this\\s+)?(?<unit>year|month|week)"],
  ["rel", "(?<=(?:^|[^\\p{L}])(?:over|during)\\s+)the\\s+(?<unit>weekend)"],
  ["units", APPROX + "(?<num>{number}|\\d+)[\\s-]+(?<unit>{unit})(?!-old)(?:['’]s?)?(?:\\s+(?<ago>{ago})|\\s+(?<ana>later|earlier|afterwards))?"],
  ["units", "(?<unit>days|weeks|months|years|decades)\\s+(?:(?<ago>{ago})|(?<ana>later|earlier))"],
  ["bare-units", "(?<=(?:^|[^\\p{L}])(?:for|over|within|in)\\s+)(?<unit>days|weeks|months|years|hours|minutes|decades)(?![\\p{L}\\p{N}]|\\s+(?:of|ago|later))"],
  ["anaphoric", "(?<ana>{anaphoric})"],
  ["general", "(?<gen>{general})"],
  ["clock", "(?<h>1[0-2]|0?[1-9])(?::(?<min>[0-5]\\d))?\\s*(?<ap>[ap]\\.?m\\.?)(?![\\p{L}])"],
  ["clock", "(?<h>[01]?\\d|2[0-3]):(?<min>[0-5]\\d)\\s*(?:GMT|UTC|ET|EST|local time)"],
  ["season", "(?:(?<dir>{dir})\\s+)(?<season>{season})(?:\\s+(?:of\\s+)?(?<y>{Y}))?"],
  ["season", "(?<season>{season})\\s+(?:of\\s+)?(?<y>{Y})"],
];

const FR: [string, string][] = [
  ["iso", "(?<y>{Y})-(?<mo>1[0-2]|0[1-9])-(?<d>3[01]|[12]\\d|0[1-9])"],
  ["numeric", "(?<a>\\d{1,2})[/.\\-](?<b>\\d{1,2})[/.\\-](?<y>{Y})"],
  ["dm", "(?:(?<wd>{weekday})\\s+)?(?:(?:le|du|au)\\s+)?(?<d>{D})(?:er)?(?:\\s+(?:au|et)\\s+(?:(?:{weekday})\\s+)?(?<d2>{D})(?:er)?)?\\s+(?<mon>{month})(?:\\s+(?<y>{Y}))?(?:\\s+(?<dira>{dir-after}))?"],
  ["my", "(?:(?<mod>{mod})[\\s-]*)?(?<mon>{month})\\s+(?<y>{Y})"],
  ["month", "(?:(?<mod>{mod})[\\s-]*)?(?<mon>{month})\\s+(?<dira>{dir-after})"],
  ["month", "(?<mod>{mod})[\\s-]*(?<mon>{month})"],
  ["month", "(?<=(?:^|[^\\p{L}])(?:(?:{prep})\\s+|[dl]'))(?<mon>{month})"],
  ["year", "(?<![$€£#]|\\d[.,\\s])(?:(?<mod>{mod})[\\s-]*)?(?<y>{Y})(?![.,]\\d|\\s\\d{3})(?!\\s*%)"],
  ["weekday", "(?:(?<dir>{dir})\\s+)?(?<wd>{weekday})(?:\\s+(?<part>{part}))?(?:\\s+(?<dira>{dir-after}))?"],
  ["deictic", "(?<dp>{deictic-part})|(?<de>{deictic})"],
  ["rel", "(?:(?<mod>{mod})\\s+)?(?:(?:la|le|les)\\s+|l')?(?<unit>{unit})\\s+(?<dira>{dir-after})"],
  ["rel", "(?:(?<ea>plus tôt|plus tard)\\s+)?(?<dir>{dir})\\s+(?<unit>{unit})(?:-ci|-là)?"],
  ["units", "(?<ago>il\\s+y\\s+a)\\s+(?<num>{number}|\\d+)\\s+(?<unit>{unit})"],
  ["units", "(?<num>{number}|\\d+)\\s+(?<unit>{unit})(?:\\s+(?<ana>plus tard|plus tôt|auparavant))?"],
  ["anaphoric", "(?<ana>{anaphoric})"],
  ["general", "(?<gen>{general})"],
  ["clock", "(?<h>[01]?\\d|2[0-3])\\s*h\\s*(?<min>[0-5]\\d)?(?![\\p{L}\\d])"],
  ["season", "(?<=(?:^|[^\\p{L}])(?:en|cet|ce|au|l')\\s*)(?<season>{season})(?:\\s+(?<dira>{dir-after}))?(?:\\s+(?<y>{Y}))?"],
];

// Arabic literals are written folded (ة→ه, أ/إ/آ→ا, ى→ي), as the text is folded before matching.
const AR: [string, string][] = [
  ["iso", "(?<y>{Y})-(?<mo>1[0-2]|0[1-9])-(?<d>3[01]|[12]\\d|0[1-9])"],
  ["numeric", "(?<a>\\d{1,2})[/.\\-](?<b>\\d{1,2})[/.\\-](?<y>{Y})"],
  ["ymd", "(?<y>{Y})[/.](?<mo>\\d{1,2})[/.](?<d>\\d{1,2})"],
  ["dm", "(?:(?:{weekday})\\s+)?(?<d>{D})\\s+(?:من\\s+)?(?:شهر\\s+)?(?<mon>{month})(?:\\s*[/(]\\s*(?:{month})\\s*\\)?)?(?:\\s+(?:من\\s+)?(?:(?:ال)?(?:عام|سنه)\\s+)?(?<y>{Y}))?(?:\\s+(?<dira>{dir-after}))?"],
  ["my", "(?:(?<mod>{mod})\\s+)?(?:شهر\\s+)?(?<mon>{month})(?:\\s*[/(]\\s*(?:{month})\\s*\\)?)?\\s+(?:من\\s+)?(?:(?:ال)?(?:عام|سنه)\\s+)?(?<y>{Y})"],
  ["month", "(?:(?<mod>{mod})\\s+)?(?:شهر\\s+)?(?<mon>{month})\\s+(?<dira>{dir-after})"],
  ["month", "(?<=(?:^|[^\\p{L}])[وفبل]?(?:{prep})\\s+)(?<mon>{month})"],
  ["year", "(?<![$€£#]|\\d[.,])(?:(?<mod>{mod})\\s+)?(?:(?:ال|ل|لل)?(?:عام|سنه)\\s+)?(?<y>{Y})(?![.,]\\d)(?!\\s*%)"],
  ["weekday", "(?:(?<partb>{part-before})\\s+)?(?:(?<today>اليوم)\\s+|يوم\\s+|نهار\\s+)?(?<wd>{weekday})(?:\\s+(?<dira>{dir-after}))?"],
  ["deictic", "(?<dp>{deictic-part})|(?<de>{deictic})"],
  ["rel", "(?:(?<mod>{mod})\\s+)?ال(?<unit>{unit})\\s+(?<dira>{dir-after})"],
  ["rel", "(?:(?<ea>في\\s+وقت\\s+(?:سابق|لاحق)\\s+من)\\s+)?(?:هذا|هذه)\\s+ال(?<unit>{unit})"],
  ["units", "(?<ago>قبل|منذ)\\s+(?:(?<num>{number}|\\d+)\\s+(?<unit>{unit})|(?<dual>{dual}))"],
  ["units", "(?<num>{number}|\\d+)\\s+(?<unit>{unit})"],
  ["units", "(?<dual>{dual})"],
  ["anaphoric", "(?<ana>{anaphoric})"],
  ["general", "(?<gen>{general})"],
];

/** True for a character of WORD_CHAR (a code unit: a surrogate is none). */
export function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || c === 95 || (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x4ff) || (c >= 0x621 && c <= 0x64a) || (c >= 0x671 && c <= 0x6d3);
}

/** The start-of-word test of a language: the text is folded to lower case; Arabic words may carry one attached و/ف/ب/ل. */
export function leftBoundary(lang: string): string {
  return lang === "ar" ? `(?<=^|[^${WORD_CHAR}]|(?:^|[^${WORD_CHAR}])[وفبل])` : `(?<![${WORD_CHAR}])`;
}

/** A language's compiled time grammar: its rules and a fast scan for the key words they need. */
export interface TimeGrammar {
  readonly rules: readonly TimeRule[];
  /** Key words of every class (a month, a weekday, a unit…) or a digit. */
  readonly trigger: RegExp;
  /** Key word (folded, single spaces) → its class. */
  readonly classOf: ReadonlyMap<string, string>;
  /** Class name → the rules that need it. */
  readonly byClass: ReadonlyMap<string, readonly number[]>;
}

const TRIGGER_CLASSES = ["month", "weekday", "deictic", "deictic-part", "unit", "dual", "anaphoric", "general", "season"];

/** Compiles the time grammar of a language (EN, FR, AR; other languages get the language-neutral numeric rules). */
export function timeGrammar(w: TimeWords): TimeGrammar {
  const rules = timeRules(w);
  // The trigger only proposes positions (each rule checks its own boundaries); the finder checks word starts.
  const classOf = new Map<string, string>();
  for (const c of TRIGGER_CLASSES) for (const k of w.classes.get(c)?.keys() ?? []) if (!classOf.has(k)) classOf.set(k, c.replace("-", "_"));
  const keys = [...classOf.keys()].sort((a, b) => b.length - a.length);
  const alts = keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"));
  // factored by common prefixes: the same matches as the sorted list, a fraction of the time over a whole text
  const factored = keys.length ? phraseAlternation(keys.map(literalUnits)) : null;
  const words = alts.length ? `(?:${factored ?? alts.join("|")})(?![${WORD_CHAR}])|` : "";
  const trigger = new RegExp(`(?:${words}\\d)`, "gu");
  const byClass = new Map<string, number[]>();
  rules.forEach((r, i) => {
    for (const c of r.needs.length ? r.needs : ["digit"]) byClass.set(c.replace("-", "_"), [...(byClass.get(c.replace("-", "_")) ?? []), i]);
  });
  return { rules, trigger, classOf, byClass };
}

/** Compiles the rules of a language's time grammar. */
export function timeRules(w: TimeWords): TimeRule[] {
  const rules = w.lang === "fr" ? FR : w.lang === "ar" ? AR : w.lang === "en" ? EN : EN.slice(0, 2);
  const left = leftBoundary(w.lang);
  return rules.map(([kind, src]) => {
    const source = `${left}(?:${fill(src, w).replace(/\\p\{L\}\\p\{N\}|\\p\{L\}\\d|\\p\{L\}/g, WORD_CHAR)})(?![${WORD_CHAR}])`;
    return { kind, sticky: new RegExp(source, "uy"), needs: NEEDS[kind] ?? [], first: firstChars(source, "uy") };
  });
}
