import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeText } from "../../test-helpers/analyze-text.js";

/** The entities of a sentence: "kb-id or discovered name" → mention texts. */
function entities(text: string): Map<string, string[]> {
  const doc = analyzeText(text, { upTo: "entities" });
  return new Map((doc.entities ?? []).map((e) => [e.kb ?? `new:${e.name}`, e.mentions.map((m) => m.text)]));
}

// [language, sentence, expected entity ids (a subset), ids that must not appear]
const CASES: [string, string, string[], string[]][] = [
  ["en", "Kata'ib Hezbollah and Kataeb Hezbollah are one group; Ketaib Hezbollah said so.", ["kataib-hezbollah"], ["hezbollah-lebanon"]],
  ["en", "Lebanon's Hezbollah fired rockets while Kataib Hezbollah stayed quiet in Iraq.", ["hezbollah-lebanon", "kataib-hezbollah", "iraq"], []],
  ["en", "Iraqi fighters march in Baghdad.", ["baghdad"], ["iraq"]],
  ["en", "Qasem Suleimani and Abu Mahdi al-Muhandis were killed near Baghdad International Airport.", ["qassem-soleimani", "abu-mahdi-al-muhandis", "baghdad-international-airport"], []],
  ["en", "American troops at Ain al-Assad air base were attacked, the Pentagon said.", ["us-forces", "ain-al-asad", "pentagon"], ["united-states"]],
  ["en", "US and coalition forces were attacked near the Jordan-Syria border.", ["us-forces", "us-led-coalition", "syria-jordan-border", "jordan", "syria"], ["united-states"]],
  ["en", "Israeli air raids hit the area.", ["israel"], []],
  ["en", "The U.S.-led coalition and the IRGC traded threats.", ["us-led-coalition", "irgc"], ["united-states"]],
  ["fr", "Les Brigades du Hezbollah ont visé les forces américaines en Syrie et à l'Irak.", ["kataib-hezbollah", "us-forces", "syria", "iraq"], []],
  ["fr", "Le Comité de coordination de la résistance irakienne (IRCC) a salué la base d'Al-Tanf.", ["ircc", "al-tanf"], []],
  ["fr", "Les Gardiens de la révolution et la Force Qods ont répondu au Pentagone.", ["irgc", "quds-force", "pentagon"], []],
  ["ar", "أعلنت كتائب حزب الله تعليق عملياتها ضد القوات الأمريكية في العراق.", ["kataib-hezbollah", "us-forces", "iraq"], ["hezbollah-lebanon"]],
  ["ar", "وصل الوفد إلى بغداد ثم والعراق وللقوات الأمريكية في قاعدة عين الأسد.", ["baghdad", "iraq", "us-forces", "ain-al-asad"], []],
  ["ar", "قال المتحدث إن الحشد الشعبي والحرس الثوري لم يشاركا.", ["pmu", "irgc"], []],
];

test("KB entities are found and linked in every language", () => {
  for (const [lang, text, want, notWant] of CASES) {
    const got = entities(text);
    for (const id of want) assert.ok(got.has(id), `${lang}: "${text}" should name ${id}; got ${[...got.keys()].join(", ")}`);
    for (const id of notWant) assert.ok(!got.has(id), `${lang}: "${text}" should not name ${id}`);
  }
});

// short and partial mentions link to the full name said earlier
const PARTIAL: [string, string, string, string][] = [
  ["en", "Akram al-Kaabi spoke on Monday. Later al-Kaabi added that the group would fight.", "akram-al-kaabi", "al-Kaabi"],
  ["en", "Defense Secretary Lloyd Austin met troops. Austin said nothing more.", "lloyd-austin", "Austin"],
  ["fr", "Le porte-parole Pat Ryder a parlé mardi. Selon Ryder, rien n'a changé.", "pat-ryder", "Ryder"],
  ["ar", "قال أكرم الكعبي إن المقاومة مستمرة. وأضاف الكعبي أن القرار نهائي.", "akram-al-kaabi", "الكعبي"],
];

test("short mentions join the person named in full", () => {
  for (const [lang, text, id, short] of PARTIAL) {
    const got = entities(text);
    assert.ok(got.get(id)?.includes(short), `${lang}: ${short} → ${id}; got ${JSON.stringify([...got])}`);
  }
});

test("acronyms defined in the text join their entity, known or discovered", () => {
  const known = entities("Officials of the Iraqi Resistance Coordination Committee (IRCC) met. The IRCC then issued a statement.");
  assert.deepEqual(known.get("ircc"), ["Iraqi Resistance Coordination Committee", "IRCC", "IRCC"]);
  const fresh = entities("The Basra Oil Workers Union (BOWU) went on strike. BOWU leaders met on Sunday.");
  assert.deepEqual(fresh.get("new:Basra Oil Workers Union"), ["Basra Oil Workers Union", "BOWU", "BOWU"]);
});

// unknown names discovered and typed from context
const DISCOVERED: [string, string, string, string][] = [
  ["en", "Brigadier General Tom Harkness told reporters the base was hit.", "Tom Harkness", "person"],
  ["en", "The spokesperson Nadia Qarim denied the report.", "Nadia Qarim", "person"],
  ["en", "Rockets struck Kalsu Air Base overnight.", "Kalsu Air Base", "facility"],
  ["en", "Soldiers at the camp. Photo: Karwan Hadi/AFP via Getty Images.", "Karwan Hadi", "person"],
  ["en", "A base in Iraq (photo: DARAB KHOSRAVI / AFP).", "DARAB KHOSRAVI", "person"],
  ["en", "A new faction, the Thar Allah Brigades, claimed the attack.", "Thar Allah Brigades", "armed_group"],
  ["fr", "Des drones ont visé la base de Qayyarah mardi.", "base de Qayyarah", "facility"],
  ["ar", "استهدفت طائرة مسيرة قاعدة الحبانية فجر اليوم.", "قاعدة الحبانية", "facility"],
  ["ar", "وقال العميد كريم حسن الموسوي إن الهجوم فشل.", "كريم حسن الموسوي", "person"],
];

test("unknown names are discovered and typed from their context", () => {
  for (const [lang, text, name, type] of DISCOVERED) {
    const doc = analyzeText(text, { upTo: "entities" });
    const e = doc.entities?.find((x) => x.name === name);
    assert.ok(e, `${lang}: "${name}" in "${text}"; got ${doc.entities?.map((x) => x.name).join(", ")}`);
    assert.equal(e.type, type);
    assert.equal(e.discovered, true);
    assert.equal(e.kb, null);
  }
});

test("no false names: a verb, a month, a title-case headline, a generic coalition", () => {
  for (const text of [
    "Iraqi fighters march through the streets in March.",
    "Two American Servicemen Killed By Rocket Attack In Northern Iraq",
    "Militias formed a coalition of armed groups.",
    "قاعدة عسكرية أمريكية تعرضت لهجوم.",
  ]) {
    const doc = analyzeText(text, { upTo: "entities" });
    const bad = doc.entities?.filter((e) => e.discovered || e.kb === "us-led-coalition") ?? [];
    assert.deepEqual(bad.map((e) => e.name), [], text);
  }
});

test("mentions are spans of the clean text and records are numbered in order", () => {
  const doc = analyzeText("Kataib Hezbollah (KH) said the Pentagon lied. KH added more.", { upTo: "entities" });
  for (const e of doc.entities!) for (const m of e.mentions) assert.equal(doc.text.slice(m.start, m.end), m.text);
  assert.deepEqual(doc.entities!.map((e) => e.id), ["e1", "e2"]);
  assert.equal(doc.entities![0].mentions.length, 3);
  const base = analyzeText("Drones hit Ain al-Asad air base.", { upTo: "entities" }).entities![0];
  assert.equal(base.lat, 33.7856);
  assert.equal(base.wikidata, "Q2875473");
});

// a title standing for the one person of the article who holds that role
const ROLES: [string, string, string, string][] = [
  ["en", "Akram al-Kaabi spoke on Monday. The movement's Secretary-General said the fight goes on.", "akram-al-kaabi", "Secretary-General"],
  ["fr", "Akram al-Kaabi a parlé lundi. Le secrétaire général du mouvement a ajouté que la lutte continue.", "akram-al-kaabi", "secrétaire général"],
  ["ar", "قال أبو حسين الحميداوي إن القرار نهائي، وأكد الأمين العام أن المقاومة مستمرة.", "abu-hussein-al-hamidawi", "الأمين العام"],
];

test("a role title links to the one person holding it", () => {
  for (const [lang, text, id, title] of ROLES) {
    const got = entities(text);
    assert.ok(got.get(id)?.includes(title), `${lang}: ${title} → ${id}; got ${JSON.stringify([...got])}`);
  }
  // two Secretaries-General in the article: the bare title is ambiguous and stays unlinked
  const two = entities("Akram al-Kaabi and Abu Hussein al-Hamidawi met. The Secretary-General left early.");
  assert.ok(![...two.values()].flat().includes("Secretary-General"));
});

test("an outlet whose name is a common word counts only when quoted (ar)", () => {
  const quoted = entities('كشفت مصادر "العربية/الحدث" أن الطائرة انطلقت من سوريا.');
  assert.ok(quoted.has("al-arabiya") && quoted.has("al-hadath"));
  const plain = entities("قالت الدول العربية إن الحدث خطير.");
  assert.ok(!plain.has("al-arabiya") && !plain.has("al-hadath"));
});
