import { test } from "node:test";
import assert from "node:assert/strict";
import { eld } from "eld/medium";
import { eldDetect } from "./eld-detect.js";

// Our own sentences in a few languages and scripts, then pseudo-random strings over many scripts (fixed seed).
const sentences = [
  "Rockets struck a base hosting foreign troops in the west of the country on Wednesday, officials said.",
  "Des roquettes ont frappé mercredi une base abritant des troupes étrangères, selon des responsables.",
  "سقطت صواريخ على قاعدة تستضيف قوات أجنبية في غرب البلاد يوم الأربعاء، بحسب مسؤولين.",
  "Cohetes impactaron el miércoles una base que alberga tropas extranjeras, según funcionarios.",
  "Ρουκέτες έπληξαν σήμερα βάση με ξένα στρατεύματα, σύμφωνα με αξιωματούχους.",
  "Ракеты попали в базу с иностранными войсками в среду, сообщили официальные лица.",
  "راکت‌ها روز چهارشنبه به پایگاهی در غرب کشور اصابت کردند.",
  "Raketen trafen am Mittwoch einen Stützpunkt mit ausländischen Truppen, sagten Beamte.",
  "قال مسؤول إن Ain al-Asad تعرضت لهجوم don't l'armée “quoted” 2024 — 12:30 🚀 https://example.org/x",
  "",
  "   ",
  "12345 !!! ...",
  // what the one-pass reading must give as eld's strings do: leading separators and apostrophes, upper case, the
  // letters whose lower case depends on their neighbours or is not one character (Σ, İ)
  "  'Ab ÉCOLE Straße ’ ` don’t '’` l'armée. , KELVIN\u212a ﬁn",
  " ' ΟΔΟΣ ΣΑΣ ΑΣ", "İstanbul İZMİR", "''", " ", "—“«»”", "'a a' ’b",
];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const RANGES: [number, number][] = [[0x20, 0x7e], [0xc0, 0x24f], [0x370, 0x3ff], [0x400, 0x4ff], [0x590, 0x5ff], [0x600, 0x6ff], [0x900, 0x97f], [0xe00, 0xe7f], [0x3040, 0x30ff], [0x4e00, 0x4fff], [0xac00, 0xacff], [0x1f300, 0x1f6ff]];
function randomText(r: () => number): string {
  const n = Math.floor(r() * 1400);
  const [lo, hi] = RANGES[Math.floor(r() * RANGES.length)];
  const [lo2, hi2] = RANGES[Math.floor(r() * RANGES.length)];
  let s = "";
  for (let i = 0; i < n; i++) {
    const x = r();
    if (x < 0.15) s += " ";
    else if (x < 0.18) s += "'’`.,-"[Math.floor(r() * 6)];
    else if (x < 0.9) s += String.fromCodePoint(lo + Math.floor(r() * (hi - lo)));
    else s += String.fromCodePoint(lo2 + Math.floor(r() * (hi2 - lo2)));
  }
  return s;
}

test("eldDetect gives eld's language and reliability on our sentences and on 3,000 random texts", () => {
  const r = rng(42);
  const texts = [...sentences, ...sentences.map((s) => s.repeat(8)), ...Array.from({ length: 3000 }, () => randomText(r))];
  for (const t of texts) {
    const a = eld.detect(t);
    const b = eldDetect(t);
    assert.equal(b.language, a.language, t.slice(0, 60));
    assert.equal(b.isReliable(), a.isReliable(), t.slice(0, 60));
  }
});
