import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeText, testContext } from "../../test-helpers/analyze-text.js";
import { storyDatesStage } from "../story-dates/index.js";
import type { Corpus } from "../../core/corpus.js";

const run = (text: string, opts: Parameters<typeof analyzeText>[1] = {}) => analyzeText(text, { upTo: "dates", ...opts });

test("the record's published field is the most trusted clue", () => {
  const d = run("Rockets hit the base on Tuesday, officials said.", { published: "2024-01-31", url: "https://example.org/2024/01/29/rockets" });
  assert.equal(d.published?.value?.date, "2024-01-31");
  assert.equal(d.published?.source, "record");
  assert.equal(d.times?.[0].value?.date, "2024-01-30");
});

test("a month-only record date is refined by the URL day inside it", () => {
  const d = run("Rockets hit the base, officials said.", { published: "2024-01", url: "https://example.org/news/2024/01/30/rockets/" });
  assert.equal(d.published?.value?.date, "2024-01-30");
});

test("URL clues: a Unix time stamp and a year/month-name archive path", () => {
  assert.equal(run("Officials said.", { url: "https://news.example/world/strikes-1706656516.html" }).published?.value?.date, "2024-01-30");
  assert.equal(run("Officials said.", { url: "http://example.re/archives-2023/novembre/monde/strikes" }).published?.value?.date, "2023-11");
});

test("the text's own date line", () => {
  const d = run("Strikes hit depots\n\nPosted: Mar 12, 2020 7:15 PM\n\nThe Pentagon confirmed the strikes on Thursday.");
  assert.equal(d.published?.value?.date, "2020-03-12");
  assert.equal(d.published?.source, "text");
  assert.equal(d.times?.find((t) => t.text === "Thursday")?.value?.date, "2020-03-12");
});

test("an updated stamp does not beat the posted date", () => {
  const d = run("By A. Writer\nJan 30, 2024 10:55 PM\n\nThe militia suspended its attacks.\n\nLast Updated: Jun 3, 2024 3:25 PM");
  assert.equal(d.published?.value?.date, "2024-01-30");
});

test("an ambiguous numeric date line is read as the text's other dates suggest", () => {
  const d = run("3-2-2024 (WASHINGTON) The United States launched strikes on February 2nd in Iraq and Syria.");
  assert.equal(d.published?.value?.date, "2024-02-03");
});

test("a dateline without year takes it from known events and relative references", () => {
  const text = [
    "Baghdad, March 6 (XYZ)-- The groups vowed to fight on, a statement said on Thursday.",
    "Anger has run high since the assassination of General Qassem Soleimani last year.",
    "The strike was authorized by former U.S. President Donald Trump.",
  ].join("\n\n");
  const d = run(text);
  assert.equal(d.published?.value?.date, "2021-03-06");
  assert.match(d.published?.value?.basis ?? "", /year 2021 inferred/);
  assert.equal(d.times?.find((t) => t.text === "Thursday")?.value?.date, "2021-03-04");
});

test("'more than two decades after' the invasion and the Gaza war date a year-less dateline", () => {
  const text = "Baghdad, August 26 (XYZ)-- The groups want foreign forces out more than two decades after a US-led coalition invaded the country.\n\nThey cited the war on Gaza.";
  assert.equal(run(text).published?.value?.date, "2024-08-26");
});

test("no date anywhere: null with the reason, never today", () => {
  const d = run("The groups said they would continue their operations.");
  assert.equal(d.published?.value, null);
  assert.match(d.published?.reason ?? "", /no date/);
});

test("a translation without date takes the date of its original from the story", () => {
  const en = run("Baghdad, August 26, 2024 (XYZ)-- The groups agreed to resume attacks, a source said.");
  const fr = analyzeText("Les groupes ont accepté de reprendre les attaques, selon une source, mardi.", { upTo: "dates", file: "fr.txt" });
  assert.equal(fr.published?.value, null);
  const corpus: Corpus = {
    docs: [en, fr],
    stories: [{ id: "s1", title: null, documents: [en.id, fr.id], relations: [{ from: en.id, to: fr.id, kind: "translation" }] }],
  };
  const out = storyDatesStage.run(corpus, testContext());
  const frOut = out.docs.find((d) => d.id === fr.id)!;
  assert.equal(frOut.published?.value?.date, "2024-08-26");
  assert.equal(frOut.published?.source, "story");
  assert.match(frOut.published?.value?.basis ?? "", /translation of/);
  assert.equal(frOut.times?.find((t) => t.text === "mardi")?.value?.date, "2024-08-20");
});

test("'today, Tuesday' pins an undated story member to that weekday", () => {
  const a = analyzeText("Rockets hit the base, officials said.", { upTo: "dates", file: "a.txt", published: "2024-01-31" });
  const b = analyzeText("أعلنت الكتائب اليوم الثلاثاء تعليق عملياتها العسكرية ضد القوات الأمريكية", { upTo: "dates", file: "b.txt" });
  const out = storyDatesStage.run({ docs: [a, b], stories: [{ id: "s1", title: null, documents: [a.id, b.id], relations: [] }] }, testContext());
  assert.equal(out.docs.find((d) => d.id === b.id)?.published?.value?.date, "2024-01-30");
});

test("linked neighbours date a lone document only when they agree", async () => {
  const { neighbourDays } = await import("../story-dates/index.js");
  assert.deepEqual(neighbourDays([100, 101, 500]), [100, 101]);
  assert.deepEqual(neighbourDays([100]), [100]);
  assert.deepEqual(neighbourDays([100, 200, 300]), []);
});

// Issue 4: estimates of an undated text from the events it recalls, per language.
const estimates: { lang: string; what: string; text: string; date: string | null }[] = [
  { lang: "en", what: "'in the days following' the latest event", text: "President Joe Biden vowed a response after the drone strike on Tower 22 in Jordan.\n\nIn the days following, investigators traced the drone to an armed group.", date: "2024-01-30" },
  { lang: "fr", what: "« dans les jours qui ont suivi »", text: "Le président Joe Biden a promis une riposte après l'attaque de drone contre la Tour 22 en Jordanie.\n\nDans les jours qui ont suivi, les enquêteurs ont remonté la piste du drone.", date: "2024-01-30" },
  { lang: "ar", what: "«في الأيام التالية» with an attached و", text: "توعد الرئيس الأمريكي جو بايدن بالرد على الهجوم بطائرة مسيرة على البرج 22 في الأردن.\n\nوفي الأيام التالية تتبع المحققون مصدر الطائرة.", date: "2024-01-30" },
  { lang: "en", what: "an open window, the event named by its weekday, then the next day", text: "The United States hit 85 targets in Iraq and Syria on Friday night.\n\nOn Saturday, the Iraqi government condemned the strikes.", date: "2024-02-03" },
  { lang: "fr", what: "une fenêtre ouverte, l'événement nommé par son jour", text: "Les États-Unis ont frappé 85 cibles en Irak et en Syrie vendredi soir.\n\nSamedi, le gouvernement irakien a condamné ces frappes.", date: "2024-02-03" },
  { lang: "ar", what: "نافذة مفتوحة وذكر يوم الحدث", text: "ضربت القوات الأمريكية أكثر من 85 هدفا في العراق وسوريا ليل الجمعة.\n\nوقال المتحدث باسم الحكومة العراقية السبت إن الضربات انتهاك للسيادة.", date: "2024-02-03" },
  { lang: "en", what: "an open window and a weekday that is not the event's: no estimate", text: "The United States hit 85 targets in Iraq and Syria, officials recalled on Tuesday.", date: null },
];
for (const c of estimates) {
  test(`published estimate (${c.lang}): ${c.what}`, () => {
    const d = run(c.text);
    assert.equal(d.language?.code, c.lang);
    assert.equal(d.published?.value?.date ?? null, c.date, d.published?.value?.basis ?? d.published?.reason);
  });
}
