import { test } from "node:test";
import assert from "node:assert/strict";
import { foldForDates, foldLower } from "./time-words.js";

const FOLD: Record<string, string> = { "أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي", "’": "'", "ʼ": "'" };
/** foldForDates as one replace: what the table path of long texts must give. */
const byReplace = (s: string) =>
  s.replace(/[\u0660-\u0669\u06f0-\u06f9أإآةى’ʼ]/g, (ch) => {
    const c = ch.charCodeAt(0);
    if (c >= 0x660 && c <= 0x669) return String.fromCharCode(48 + c - 0x660);
    if (c >= 0x6f0 && c <= 0x6f9) return String.fromCharCode(48 + c - 0x6f0);
    return FOLD[ch] ?? ch;
  });

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** A text of up to maxLen characters drawn from pool (code units: lone surrogates included). */
function randomText(r: () => number, pool: string, maxLen: number): string {
  let s = "";
  const len = Math.floor(r() * maxLen);
  for (let i = 0; i < len; i++) s += pool[Math.floor(r() * pool.length)];
  return s;
}

test("foldForDates folds short and long texts alike, surrogates (paired or lone) kept as they are", () => {
  const pool = "aAz ’ʼأإآةىا١٢۳\u0660\u0669\u06f0\u06f9\u065f\u066a\u06ef\u06fa\ud83d\ude00\udc00\ud800\u0000\uffff";
  const r = rng(7);
  for (let k = 0; k < 2000; k++) {
    const s = randomText(r, pool, 700);
    assert.equal(foldForDates(s), byReplace(s));
  }
  const long = "قالت الوزارة إن الهجوم وقع في ١٢ آذار ".repeat(20);
  assert.equal(foldForDates(long), byReplace(long));
  assert.equal(foldForDates(long + "\udc00"), byReplace(long + "\udc00"));
});

/** foldLower as it was written first: fold, lower case, and per character where the lower case is longer. */
function foldLowerByString(s: string): string {
  const f = byReplace(s);
  const l = f.toLowerCase();
  if (l.length === f.length) return l;
  let out = "";
  for (const ch of f) {
    const c = ch.toLowerCase();
    out += c.length === ch.length ? c : ch;
  }
  return out;
}

test("foldLower of a long text by its table is what folding and toLowerCase give (sigma, İ, surrogates included)", () => {
  // (every other text without the characters that send foldLower its own way, so that the table is what is tested)
  const plain = "aAZz ÀÉÎÞß’ʼ“”—أإآةىا١٢۳\u0660\u06f9σςΑΩБЖıIK\u212a\u1e9e\u2160\u24b6";
  const special = plain + "Σİ\ud801\udc00\ud83d\ude00\udc00\ud800";
  const r = rng(11);
  for (let k = 0; k < 2000; k++) {
    const pool = k % 2 ? special : plain;
    const s = randomText(r, pool, 700);
    assert.equal(foldLower(s), foldLowerByString(s));
  }
  const text = "“The Ministry,” said Gen. ÉRIC, “confirmed ١٢ strikes on ΟΔΟΣ Street.” ".repeat(10);
  assert.equal(foldLower(text), foldLowerByString(text));
});
