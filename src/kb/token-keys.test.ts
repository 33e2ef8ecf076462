import { test } from "node:test";
import assert from "node:assert/strict";
import { arabicTextKeys, latinKey, tokenKey } from "./token-keys.js";
import { matchTokens, nameKeys } from "./match-tokens.js";

// [language, spelling A, spelling B] — each pair must fold to the same key.
const SAME_KEY: [string, string, string][] = [
  ["en", "Kata'ib", "Kataib"],
  ["en", "Soleimani", "Suleimani"],
  ["en", "Qassem", "Qasem"],
  ["en", "Ka'bi", "Kaabi"],
  ["en", "Sha’abi", "Shaabi"],
  ["en", "ʿAbbas", "Abbas"],
  ["fr", "Kataëb", "Kataeb"],
  ["fr", "Moussawi", "Musawi"],
  ["fr", "Hassaké", "Hassake"],
  ["ar", "العراق", "العـــراق"], // tatweel
  ["ar", "الأردن", "الاردن"], // alef with hamza
  ["ar", "الأمريكية", "الامريكيه"], // ta marbuta
  ["ar", "مُحَمَّد", "محمد"], // diacritics
  ["ar", "مصطفى", "مصطفي"], // alef maqsura
];

test("spelling variants fold to one key (en, fr, ar)", () => {
  for (const [lang, a, b] of SAME_KEY) assert.equal(tokenKey(a), tokenKey(b), `${lang}: ${a} / ${b}`);
});

test("different words keep different keys", () => {
  assert.notEqual(latinKey("Iran"), latinKey("Iraq"));
  assert.notEqual(tokenKey("الحدث"), tokenKey("حدث")); // the outlet al-Hadath is not the verb "it happened"
});

// Arabic clitics: the word as written, and the readings once و/ف and ب/ل/ك (or لل = li + al) are removed.
const CLITICS: [string, string][] = [
  ["والعراق", "العراق"],
  ["بالعراق", "العراق"],
  ["وبالعراق", "العراق"],
  ["للقوات", "القوات"],
  ["ولواشنطن", "واشنطن"],
  ["لإيران", "ايران"],
];

test("Arabic clitics are read off a word of running text", () => {
  for (const [word, key] of CLITICS) assert.ok(arabicTextKeys(word).includes(key), `${word} → ${key}: ${arabicTextKeys(word).join(",")}`);
  assert.equal(arabicTextKeys("بغداد")[0], "بغداد"); // the word itself comes first
});

test("name keys drop articles and split elisions, possessives and hyphens", () => {
  assert.deepEqual(nameKeys("Abu Mahdi al-Muhandis"), ["abu", "mahdi", "muhandis"]);
  assert.deepEqual(nameKeys("Deir ez-Zor"), ["deir", "zor"]);
  assert.deepEqual(nameKeys("the Pentagon"), ["pentagun"]);
  assert.deepEqual(matchTokens("l’Irak").map((t) => t.raw), ["Irak"]);
  assert.deepEqual(matchTokens("Iraq's army").map((t) => t.raw), ["Iraq", "army"]);
  assert.deepEqual(matchTokens("the U.S.-led coalition").map((t) => [t.raw, t.kind]), [["the", "word"], ["U.S.", "acronym"], ["led", "word"], ["coalition", "word"]]);
});

test("a line wrapped mid-sentence does not end a name; a paragraph break or a sentence end does", () => {
  const breaks = (t: string) => matchTokens(t).filter((x) => x.raw === "\n").length;
  assert.equal(breaks("لقناة\nالجزيرة"), 0);
  assert.equal(breaks("the U.S.-led\ncoalition"), 0);
  assert.equal(breaks("Deir\n\nEzzor"), 2);
  assert.equal(breaks("in Syria.\nThe next"), 1);
});
