import { test } from "node:test";
import assert from "node:assert/strict";
import type { Doc, Quote } from "../../core/doc.js";
import { analyzeText } from "../../test-helpers/analyze-text.js";
import { findQuoteSpans } from "./find-quote-spans.js";
import { segmentText, tokenWordIds } from "../segment/segment-text.js";
import { scratchWordsOfTokens, wordsOfTokens, type Words } from "./phrase-index.js";

/** Who a quote is attributed to: the KB id of its entity, else its text. */
function who(doc: Doc, q: Quote): string {
  const e = (doc.entities ?? []).find((x) => x.id === q.speaker?.entity);
  return e?.kb ?? q.speaker?.text ?? "(none)";
}

/** The quote that opens with `starts`, or undefined. */
function quote(doc: Doc, starts: string): Quote | undefined {
  return (doc.quotes ?? []).find((q) => q.text.startsWith(starts));
}

// [case, text, opening words of the quote, expected speaker: KB id, or a piece of the speaker's text]
const QUOTES: [string, string, string, string][] = [
  // English
  ["en named, after", "The army held a briefing in Baghdad on Monday. “We will guard every border post until the threat is gone,” Yahya Rasool stressed.", "We will guard every border", "yahya-rasool"],
  ["en role and name, colon", "The movement held a rally in Baghdad on Friday. The movement's Secretary-General, Akram al-Kaabi, said: “Our decision is final and it belongs to us alone.”", "Our decision is final", "akram-al-kaabi"],
  ["en pronoun", "Akram al-Kaabi spoke to supporters in Baghdad on Sunday. “We have a long road ahead of us and we will walk it,” he said.", "We have a long road", "akram-al-kaabi"],
  ["en group statement", "Kataib Hezbollah issued a statement on Tuesday evening. “We suspend our operations to spare the government any trouble,” the statement said.", "We suspend our operations", "kataib-hezbollah"],
  ["en it said", "Kataib Hezbollah issued a statement on Tuesday evening. “The foreign forces will leave, by words or by force,” it said.", "The foreign forces will leave", "kataib-hezbollah"],
  ["en unnamed source", "The committee met twice this week in Baghdad. An unnamed source in the committee told the newspaper: “The leaders agreed to resume the attacks soon.”", "The leaders agreed", "source"],
  ["en split around the verb", "The base came under fire at dawn on Sunday. “Two rockets hit the runway,” the spokesman said, “but nobody was hurt in the attack.”", "but nobody was hurt", "spokesman"],
  ["en participle", "President Biden spoke in South Carolina on Sunday, saying “We shall respond to this attack.”", "We shall respond", "joe-biden"],
  ["en according to", "The prime minister spoke on television. According to the PM, “the coalition will leave within a year, step by step.”", "the coalition will leave", "spokes"],
  // French
  ["fr after, verb first", "La base a été visée lundi soir par des roquettes. « Nous ne reculerons devant aucune menace contre nos forces », a déclaré le porte-parole.", "Nous ne reculerons", "porte-parole"],
  ["fr inversion pronoun", "La source a ajouté que les chefs ont tenu une réunion à Bagdad. « Les attaques reprendront très bientôt contre les bases », a-t-elle déclaré.", "Les attaques reprendront", "source"],
  ["fr selon", "Les groupes armés ont tenu une réunion à Bagdad. Selon le Pentagone, « les actes comptent plus que les mots dans cette affaire ».", "les actes comptent", "pentagon"],
  // Arabic
  ["ar verb first, colon", "عقدت الكتائب اجتماعا في بغداد يوم الاثنين. وقال المتحدث باسم الكتائب: \"سنواصل الدفاع عن شعبنا في غزة بكل الوسائل\".", "سنواصل الدفاع", "المتحدث"],
  ["ar unnamed source", "تعرضت القاعدة لهجوم فجر الأحد. وقال مصدر أمني إن \"الهجوم استهدف القاعدة من جهة الشمال بثلاثة صواريخ\".", "الهجوم استهدف", "مصدر"],
  ["ar implicit pronoun", "تعرضت القاعدة لهجوم فجر الأحد. وقال مصدر أمني إن \"الهجوم استهدف القاعدة من جهة الشمال\". وأضاف: \"لم يصب أي جندي بأذى في هذا الهجوم الليلي\".", "لم يصب أي جندي", "مصدر"],
];

test("direct quotes get their speaker, per language and shape", () => {
  for (const [name, text, starts, speaker] of QUOTES) {
    const doc = analyzeText(text);
    const q = quote(doc, starts);
    assert.ok(q, `${name}: no quote opening "${starts}"; got ${JSON.stringify((doc.quotes ?? []).map((x) => x.text))}`);
    const w = who(doc, q);
    // "spokes" stands for: any speaker at all (a role we cannot name)
    if (speaker !== "spokes") assert.ok(w === speaker || w.includes(speaker), `${name}: speaker ${w}, expected ${speaker}`);
  }
});

test("the PM is the prime minister named earlier", () => {
  const doc = analyzeText("Earlier this month, Iraqi Prime Minister Mohammed Shia al-Sudani met the envoy. According to the PM, “the coalition will leave within a year, step by step.”");
  const q = quote(doc, "the coalition will leave");
  assert.ok(q);
  assert.equal(who(doc, q), "mohammed-shia-al-sudani");
});

test("a quote that runs over a paragraph break is one quote", () => {
  const doc = analyzeText("The commander spoke to the fighters in Anbar on Monday.\n\n“We will keep fighting in every province of the country.\n\n“And we will not accept any foreign base on our soil,” the commander said.");
  const q = quote(doc, "We will keep fighting");
  assert.ok(q, JSON.stringify(doc.quotes));
  assert.ok(q.text.includes("foreign base"), q.text);
});

test("short scare quotes without a reporting verb are not quotes", () => {
  const doc = analyzeText("Crowds in Baghdad waved flags and spoke of “victory” in the streets. Rockets hit the “American part” of the base on Sunday.");
  assert.deepEqual((doc.quotes ?? []).map((q) => q.text), []);
});

test("indirect speech becomes a claim with speaker, verb and content", () => {
  const doc = analyzeText("Akram al-Kaabi spoke in Baghdad on Sunday. Al-Kaabi believes that negotiation will not lead to a withdrawal of the troops.");
  const c = (doc.claims ?? []).find((x) => x.verb === "believes");
  assert.ok(c, JSON.stringify(doc.claims));
  assert.ok(c.content.text.startsWith("negotiation will not lead"), c.content.text);
  assert.equal((doc.entities ?? []).find((e) => e.id === c.speaker?.entity)?.kb, "akram-al-kaabi");
});

// [language, text, KB id of the medium the article cites]
const CITES: [string, string, string][] = [
  ["en", "Lebanon's al-Akhbar newspaper quoted an unnamed source as saying that the groups met in Baghdad last week.", "al-akhbar"],
  ["en", "The factions met in Baghdad on Monday, according to Reuters, and agreed to end the pause.", "reuters"],
  ["fr", "Les factions se sont réunies à Bagdad lundi, selon l'AFP, et ont décidé de reprendre les attaques.", "afp"],
  ["ar", "نقلت وكالة رويترز عن مسؤول عراقي أن الفصائل اجتمعت في بغداد يوم الاثنين.", "reuters"],
];

test("cited media go into meta.cites, with the attribution chain through them", () => {
  for (const [lang, text, kb] of CITES) {
    const doc = analyzeText(text);
    assert.ok((doc.meta?.cites ?? []).some((c) => c.kb === kb), `${lang}: ${kb} not cited; got ${JSON.stringify(doc.meta?.cites)}`);
  }
  const doc = analyzeText(CITES[0][1]);
  const c = (doc.claims ?? []).find((x) => x.verb === "quoted");
  assert.ok(c, JSON.stringify(doc.claims));
  assert.ok(/source/.test(c.speaker?.text ?? ""), c.speaker?.text);
  assert.ok(c.chain.some((r) => /Akhbar/i.test(r.text)), JSON.stringify(c.chain));
});

test("the article's own outlet is not a citation", () => {
  const doc = analyzeText("The factions met in Baghdad on Monday, according to Reuters, and agreed to end the pause.", { outlet: "Reuters" });
  assert.ok(!(doc.meta?.cites ?? []).some((c) => c.kb === "reuters"), JSON.stringify(doc.meta?.cites));
});

// [text, the quoted stretches expected]
const SPANS: [string, string[]][] = [
  ["He said “one” and ‘two’ and \"three\".", ["one", "two", "three"]],
  ["Le journal a écrit « les « frappes » ont repris ».", ["les « frappes » ont repris", "frappes"]],
  ["وأوصت بـ”الدفاع السلبي مؤقتاً” تجاه عناصرها.", ["الدفاع السلبي مؤقتاً"]],
  ["Iraq’s Kata'ib Hezbollah and the group's leaders met.", []],
];

test("quotation marks of EN/FR/AR press are paired, apostrophes are not quotes", () => {
  for (const [text, want] of SPANS) {
    const got = findQuoteSpans(text).map((q) => text.slice(q.start, q.end));
    assert.deepEqual(got.sort(), [...want].sort(), text);
  }
});

test("every language folder has the reporting lexicons, with their columns", async () => {
  const { readFileSync } = await import("node:fs");
  const read = (iso: string, name: string) =>
    readFileSync(new URL(`../../../data/lang/${iso}/${name}`, import.meta.url), "utf8").split("\n").filter((l) => l.trim() && !l.startsWith("#"));
  for (const iso of ["en", "fr", "ar"]) {
    for (const r of read(iso, "speech-verbs.tsv")) assert.ok(r.split("\t").length >= 2, `${iso} speech-verbs: ${r}`);
    for (const r of read(iso, "speaker-words.tsv")) assert.ok(/^(?:person|group|any)-pronoun$|^(?:source|statement|group|role)$/.test(r.split("\t")[1]), `${iso} speaker-words: ${r}`);
    for (const r of read(iso, "cite-cues.tsv")) assert.ok(/^(?:before|after)$/.test(r.split("\t")[1]), `${iso} cite-cues: ${r}`);
    for (const r of read(iso, "media-nouns.tsv")) assert.ok(/^(?:before|after)$/.test(r.split("\t")[1]), `${iso} media-nouns: ${r}`);
  }
});

test("a quote carries its chain: outlet, cited medium, speaker", () => {
  const doc = analyzeText(
    "Lebanon's al-Akhbar newspaper quoted an unnamed source as saying that the groups met in Baghdad. “The leaders met twice this week and agreed,” the source said.",
    { outlet: "Radio Habana Cuba" },
  );
  const q = quote(doc, "The leaders met twice");
  assert.ok(q, JSON.stringify(doc.quotes));
  const chain = (q.chain ?? []).map((r) => r.text);
  assert.equal(chain[0], "Radio Habana Cuba");
  assert.ok(chain.some((t) => /Akhbar/i.test(t)), JSON.stringify(chain));
  assert.ok(/source/.test(chain[chain.length - 1]), JSON.stringify(chain));
});

test("a subject that names nobody is no speaker: no claim, no quote, and never the speaker 'No'", () => {
  const cases = [
    "Rockets hit the base on Monday. No party has claimed that it carried out the attack.",
    "Rockets hit the base on Monday. No one has said that the fighters will strike again.",
    "Rockets hit the base on Monday. Nobody has said that the fighters will strike again.",
    "Rockets hit the base on Monday. No militia claimed that it carried out the attack.",
    "Rockets hit the base on Monday. None of the factions said it was behind the attack.",
    "Rockets hit the base on Monday. No group claimed the attack, saying “we had nothing to do with it”.",
    "Des roquettes ont visé la base lundi. Aucun groupe n'a affirmé qu'il était derrière cette attaque.",
  ];
  for (const t of cases) {
    const doc = analyzeText(t);
    assert.deepEqual([...(doc.claims ?? []), ...(doc.quotes ?? [])].map((c) => c.speaker?.text), [], t);
  }
  // the same sentence with a named subject keeps its claim
  const named = analyzeText("Rockets hit the base on Monday. Kataib Hezbollah claimed that it carried out the attack.");
  assert.deepEqual(named.claims?.map((c) => c.content.text), ["it carried out the attack"]);
});

test("wordsOfTokens reads the same words, folds and sieve keys by word ids as by the tokens' strings", () => {
  const text = "L’armée a-t-il déclaré: \"Kata'ib Hezbollah\" al-Akhbar QUOTED the U.S. said. وقال المتحدث باسم الكتائب إن";
  for (let round = 0; round < 2; round++) {
    const { tokens } = segmentText(text, "fr", new Set());
    assert.deepEqual(wordsOfTokens(tokens, text, tokenWordIds(tokens)), wordsOfTokens(tokens, text));
  }
});

test("scratchWordsOfTokens gives wordsOfTokens' words in its first n places, a longer text before a shorter one", () => {
  const firstN = (w: Words) => ({ n: w.n, s: w.s.slice(0, w.n), e: w.e.slice(0, w.n), w: w.w.slice(0, w.n), k: w.k?.slice(0, w.n) });
  for (const text of ["Kataib Hezbollah al-Akhbar a-t-il déclaré que les forces ont frappé. وقال المتحدث باسم الكتائب إن", "L’armée a-t-il dit"]) {
    const { tokens } = segmentText(text, "fr", new Set());
    assert.ok(tokenWordIds(tokens), "the word-id path is the one tested");
    assert.deepEqual(firstN(scratchWordsOfTokens(tokens, text, tokenWordIds(tokens))), firstN(wordsOfTokens(tokens, text)));
  }
});
