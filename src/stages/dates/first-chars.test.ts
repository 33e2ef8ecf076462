import { test } from "node:test";
import assert from "node:assert/strict";
import { createContext } from "../../core/context.js";
import { firstChars, hasChar, type CharSet } from "./first-chars.js";
import { dateTools } from "./index.js";
import { foldForDates } from "./time-words.js";

/**
 * The property find-times relies on: wherever a sticky regex finds a non-empty match, the character there is in the
 * set firstChars read off its source. A set that missed one would silently drop dates.
 */
function assertSuperset(set: CharSet, re: RegExp, texts: readonly string[], label: string): number {
  let matches = 0;
  for (const text of texts) {
    for (let pos = 0; pos < text.length; pos++) {
      re.lastIndex = pos;
      const m = re.exec(text);
      if (!m || m[0] === "") continue;
      matches++;
      assert.ok(hasChar(set, text.charCodeAt(pos)), `${label} matches "${m[0]}" at ${pos} of ${JSON.stringify(text)} but its first set lacks ${JSON.stringify(text[pos])}`);
    }
  }
  return matches;
}

test("first characters of hand-made regexes: alternations, optional and empty parts, classes, escapes, look-arounds", () => {
  const texts = ["ab12 cd-3 x?y", "The 3rd of May, 2024", "le 5 mai", "في 12 آذار", "  (7) [x] {y} a\tb", "émeute à 10h", "x1y2z3"];
  const cases: [string, string][] = [
    ["abc|d", "u"],
    ["a?b", "u"],
    ["(?:a|)c", "u"],
    ["a*\\d+", "u"],
    ["[a-c]{0,2}\\s", "u"],
    ["\\d{1,2}(?:st|nd|rd|th)?", "u"],
    ["(?<n>\\p{L}+)\\s+\\d", "u"],
    ["(?<![a-z])\\d+", "u"],
    ["(?=\\d)\\w+", "u"],
    ["\\b[^\\s]+", "u"],
    ["(?:the\\s+)?(?:\\d+|one)", "u"],
    ["[\\u0600-\\u06ff]+", "u"],
    ["\\(\\d\\)", "u"],
    ["(a)\\1", ""],
    [".\\d", "u"],
    ["x?y?z?", "u"],
    ["[^a-z ]", "u"],
    ["\\u00e9\\w+", "u"],
  ];
  let matches = 0;
  for (const [source, flags] of cases) matches += assertSuperset(firstChars(source, flags), new RegExp(source, flags + "y"), texts, `/${source}/${flags}`);
  assert.ok(matches > 50, `${matches} matches checked`);
  // the set is not "everything" when the source says otherwise
  const digits = firstChars("\\d+", "u");
  assert.ok(hasChar(digits, "7".charCodeAt(0)) && !hasChar(digits, "a".charCodeAt(0)));
  const optional = firstChars("(?:the\\s+)?\\d", "u");
  assert.ok(hasChar(optional, "t".charCodeAt(0)) && hasChar(optional, "4".charCodeAt(0)) && !hasChar(optional, "h".charCodeAt(0)));
  // what it cannot read (a case-insensitive flag) is every character
  assert.ok(hasChar(firstChars("a", "iu"), "A".charCodeAt(0)));
});

test("every rule of the EN, FR and AR time grammars: each match starts with a character of its first set", () => {
  const ctx = createContext({ log: { info() {}, warn() {} } });
  const texts: Record<string, string[]> = {
    en: [
      "On Thursday, March 6, 2020, two rockets hit the base; three days later the group said it had paused attacks since last year.",
      "The strike came at 3:15 a.m. on 2024-02-02, nearly two weeks after the 1990s-era accord and in the 21st century's third decade.",
      "Next month, the day before yesterday, this morning, in the spring of 2019, 12/03/2021, on Jan. 28 and over the past 48 hours.",
    ],
    fr: [
      "Le jeudi 6 mars 2020, deux roquettes ont frappé la base ; trois jours plus tard, le groupe a suspendu ses attaques depuis l'an dernier.",
      "La frappe a eu lieu à 3h15 le 2 février 2024, près de deux semaines après, au printemps 2019, le 28 janvier et la semaine prochaine.",
    ],
    ar: [
      "يوم الخميس 6 آذار 2020 سقط صاروخان على القاعدة، وبعد ثلاثة أيام أعلن الفصيل تعليق عملياته منذ العام الماضي.",
      "وقعت الضربة في 2 شباط/فبراير 2024 قبل أسبوعين تقريبا، وفي الشهر المقبل، وأمس، ويوم 28 كانون الثاني.",
    ],
  };
  for (const [lang, list] of Object.entries(texts)) {
    const { grammar } = dateTools(ctx, lang);
    const folded = list.map(foldForDates);
    let matches = 0;
    for (const rule of grammar.rules) matches += assertSuperset(rule.first, new RegExp(rule.sticky.source, rule.sticky.flags), folded, `${lang} rule ${rule.kind}`);
    assert.ok(matches > 10, `${lang}: ${matches} rule matches checked`);
  }
});
