import { test } from "node:test";
import assert from "node:assert/strict";
import { testContext } from "../../test-helpers/analyze-text.js";
import { dateTools, futureTest } from "./index.js";
import { findTimes } from "./find-times.js";
import { dayNum } from "./calendar.js";
import { foldLower } from "./time-words.js";

/** [sentence, the expression expected, its reference date, the expected value (null: unresolved), TIMEX3 value when checked] */
type Row = [string, string, string, string | null, string?];

const EN: Row[] = [
  ["The statement said on Thursday that talks failed.", "Thursday", "2021-03-06", "2021-03-04"],
  ["Operations began last October in the south.", "last October", "2024-02-08", "2023-10"],
  ["Earlier this month, the minister resigned.", "Earlier this month", "2024-02-20", "2024-02"],
  ["The group was defeated in late 2017.", "late 2017", "2024-08-26", "2017"],
  ["In 2020, parliament voted for the withdrawal.", "2020", "2024-08-26", "2020"],
  ["He was killed in Baghdad on January 3.", "January 3", "2020-10-15", "2020-01-03"],
  ["A meeting on January 10 is planned.", "January 10", "2023-12-20", "2023-01-10"],
  ["The attack came on March 4, 2023, at dawn.", "March 4, 2023", "2024-01-01", "2023-03-04"],
  ["Three days ago, rockets hit the base.", "Three days ago", "2024-01-30", "2024-01-27"],
  ["Officials said yesterday that two died.", "yesterday", "2024-01-30", "2024-01-29"],
  ["Strikes followed last week across the border.", "last week", "2024-02-21", "2024-02", "2024-W07"],
  ["Talks will resume next year.", "next year", "2024-02-21", "2025"],
  ["The talks resumed on Friday afternoon.", "Friday afternoon", "2013-03-22", "2013-03-22", "2013-03-22TAF"],
  ["Days later, lawmakers passed a bill.", "Days later", "2020-01-06", null],
  ["The vote came two years later.", "two years later", "2020-01-06", null],
  ["Two years ago the base was hit.", "Two years ago", "2013-03-22", "2011"],
  ["It was signed on 3 January 2020 in Baghdad.", "3 January 2020", "2024-01-01", "2020-01-03"],
  ["The report is dated 2024-01-30 in the archive.", "2024-01-30", "2024-02-01", "2024-01-30"],
  ["Protests swelled last summer in Basra.", "last summer", "2013-03-22", "2012", "2012-SU"],
  ["The ministers will meet on Thursday in Doha.", "Thursday", "2024-01-30", "2024-02-01"],
  ["More strikes are expected in the coming days.", "the coming days", "2024-02-14", null, "PXD"],
  ["Late last month, the base was hit again.", "Late last month", "2024-02-14", "2024-01"],
  ["Rockets were fired over the weekend at the base.", "the weekend", "2024-01-29", "2024-01", "2024-W04-WE"],
];

const FR: Row[] = [
  ["Le groupe a annoncé mardi soir la suspension.", "mardi soir", "2024-01-31", "2024-01-30", "2024-01-30TEV"],
  ["L'attaque a eu lieu le 31 janvier 2024 près de la frontière.", "le 31 janvier 2024", "2024-02-05", "2024-01-31"],
  ["Daech a été vaincu fin 2017 en Irak.", "fin 2017", "2024-08-26", "2017"],
  ["Les frappes ont commencé en octobre dernier.", "octobre dernier", "2024-02-08", "2023-10"],
  ["La base a été visée la semaine dernière.", "la semaine dernière", "2024-02-21", "2024-02", "2024-W07"],
  ["Il y a trois jours, une roquette est tombée.", "Il y a trois jours", "2024-01-30", "2024-01-27"],
  ["Les soldats ont été tués dimanche dernier.", "dimanche dernier", "2024-01-30", "2024-01-28"],
  ["Le Pentagone a réagi hier.", "hier", "2024-01-30", "2024-01-29"],
  ["Les frappes dans la nuit du 2 au 3 février ont fait 16 morts.", "du 2 au 3 février", "2024-02-03", "2024-02-02"],
  ["L'année dernière, le parlement a voté.", "L'année dernière", "2021-03-06", "2020"],
  ["En 2020, le parlement irakien a voté.", "2020", "2024-08-26", "2020"],
  ["Le ministre a démissionné en mars.", "mars", "2024-08-26", "2024-03"],
  ["Le 1er février, les frappes ont repris.", "Le 1er février", "2024-02-14", "2024-02-01"],
  ["Les combats ont repris mi-janvier dans la région.", "mi-janvier", "2024-02-14", "2024-01"],
  ["La veille, un drone avait frappé la base.", "La veille", "2024-02-14", null],
];

const AR: Row[] = [
  ["أعلنت الكتائب اليوم الثلاثاء تعليق عملياتها", "اليوم الثلاثاء", "2024-01-30", "2024-01-30"],
  ["صدر البيان مساء الثلاثاء في بغداد", "مساء الثلاثاء", "2024-01-31", "2024-01-30", "2024-01-30TEV"],
  ["بدأت الهجمات في 17 أكتوبر الماضي على القواعد", "17 أكتوبر الماضي", "2024-01-28", "2023-10-17"],
  ["وقع الهجوم في 31 كانون الثاني 2024 قرب الحدود", "31 كانون الثاني 2024", "2024-02-05", "2024-01-31"],
  ["قصفت الطائرات المواقع الأسبوع الماضي", "الأسبوع الماضي", "2024-02-21", "2024-02", "2024-W07"],
  ["صوت البرلمان العام الماضي على القرار", "العام الماضي", "2021-03-06", "2020"],
  ["قال المتحدث أمس إن الهجوم فشل", "أمس", "2024-01-30", "2024-01-29"],
  ["المجازر مستمرة منذ ١١٤ يوما في القطاع", "منذ ١١٤ يوما", "2024-01-30", "2023-10-08"],
  ["صوت البرلمان في عام ٢٠٢٠ على إخراج القوات", "عام ٢٠٢٠", "2024-08-26", "2020"],
  ["أعلن الجيش يوم الأحد مقتل ثلاثة جنود", "يوم الأحد", "2024-01-30", "2024-01-28"],
  ["قتل في تشرين الأول الماضي قائد بارز", "تشرين الأول الماضي", "2024-02-08", "2023-10"],
  ["قال في وقت سابق من هذا الشهر إن القوات ستبقى", "في وقت سابق من هذا الشهر", "2024-02-14", "2024-02"],
  ["وقع الانفجار فجر اليوم قرب المطار", "فجر اليوم", "2024-02-14", "2024-02-14", "2024-02-14TMO"],
  ["وصل الوفد ونهاية العام الماضي كانت صعبة", "نهاية العام الماضي", "2024-02-14", "2023"],
  ["اتفق الطرفان بين الاثنين على الهدنة", "", "2024-02-08", null],
];

function check(lang: string, rows: Row[]) {
  const ctx = testContext();
  const { words, grammar, future } = dateTools(ctx, lang);
  let ok = 0;
  for (const [sentence, expr, ref, value, timex] of rows) {
    const [y, m, d] = ref.split("-").map(Number);
    const folded = foldLower(sentence);
    const found = findTimes(sentence, words, grammar, { ref: { day: dayNum(y, m, d), basis: `reference ${ref}` }, futureAt: futureTest(folded, future), folded });
    if (expr === "") {
      assert.equal(found.length, 0, `${lang}: nothing expected in "${sentence}", got ${found.map((f) => f.text).join(", ")}`);
      ok++;
      continue;
    }
    const t = found.find((f) => f.text === expr);
    assert.ok(t, `${lang}: "${expr}" not found in "${sentence}" (found: ${found.map((f) => f.text).join(", ")})`);
    assert.equal(t.value?.date ?? null, value, `${lang}: "${expr}" with reference ${ref}`);
    if (value === null) assert.ok(t.reason, `${lang}: "${expr}" unresolved needs a reason`);
    if (timex) assert.equal(t.timex, timex, `${lang}: TIMEX3 value of "${expr}"`);
    ok++;
  }
  return ok;
}

test("English time expressions resolve against the reference date with past bias", () => {
  assert.equal(check("en", EN), EN.length);
});

test("French time expressions resolve against the reference date", () => {
  assert.equal(check("fr", FR), FR.length);
});

test("Arabic time expressions: weekdays, Iraqi month names, Arabic-Indic digits", () => {
  assert.equal(check("ar", AR), AR.length);
});

test("'fighters march' and 'may' are not months", () => {
  const ctx = testContext();
  const { words, grammar } = dateTools(ctx, "en");
  const s = "Fighters march through the city and may return.";
  const found = findTimes(s, words, grammar, { ref: { day: dayNum(2024, 1, 1), basis: "ref" } });
  assert.deepEqual(found.map((f) => f.text), []);
});

test("a relative expression without publication date is null with a reason, never today", () => {
  const ctx = testContext();
  const { words, grammar } = dateTools(ctx, "en");
  const found = findTimes("The attack came on Tuesday.", words, grammar, { ref: null });
  assert.equal(found[0].value, null);
  assert.match(found[0].reason ?? "", /publication date is unknown/);
});
