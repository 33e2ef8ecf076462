import { test } from "node:test";
import assert from "node:assert/strict";
import { detectLanguage } from "./detect-language.js";

const cases: [string, string][] = [
  ["en", "Rockets struck a base hosting foreign troops in the west of the country on Wednesday, officials said."],
  ["fr", "Des roquettes ont frappé mercredi une base abritant des troupes étrangères dans l'ouest du pays, selon des responsables."],
  ["ar", "سقطت صواريخ على قاعدة تستضيف قوات أجنبية في غرب البلاد يوم الأربعاء، بحسب مسؤولين."],
  ["ar", "قال مسؤول إن Ain al-Asad تعرضت لهجوم"],
  ["und", "   "],
];
for (const [want, text] of cases) {
  test(`detectLanguage → ${want}: ${text.slice(0, 30)}`, () => assert.equal(detectLanguage(text).code, want));
}
