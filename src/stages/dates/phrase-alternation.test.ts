import { test } from "node:test";
import assert from "node:assert/strict";
import { literalUnits, phraseAlternation } from "./phrase-alternation.js";

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

test("a factored alternation matches what the flat one sorted longest first matches, backtracking included", () => {
  const r = rng(7);
  const alphabet = "ab c.d(é";
  const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(r() * alphabet.length)]).join("").trim() || "a";
  for (let round = 0; round < 300; round++) {
    const phrases = [...new Set(Array.from({ length: 1 + Math.floor(r() * 12) }, () => word(1 + Math.floor(r() * 5)).replace(/ +/g, " ")))];
    const sorted = [...phrases].sort((x, y) => y.length - x.length);
    const flat = sorted.map((p) => esc(p).replace(/ /g, "\\s+")).join("|");
    const factored = phraseAlternation(phrases.map(literalUnits));
    assert.ok(factored !== null);
    // alone, and followed by a context that forces backtracking into the alternation
    for (const tail of ["", "(?![a-z])", "\\s+b"]) {
      const a: RegExp = new RegExp(`(?:${flat})${tail}`, "gu");
      const b: RegExp = new RegExp(`(?:${factored})${tail}`, "gu");
      for (let k = 0; k < 20; k++) {
        const text = word(30);
        assert.deepEqual([...text.matchAll(b)].map((m) => [m.index, m[0]]), [...text.matchAll(a)].map((m) => [m.index, m[0]]), `${phrases.join("|")} / ${tail} / ${text}`);
      }
    }
  }
});

test("units that overlap at one node give no factoring", () => {
  assert.equal(phraseAlternation([["a", "b"], ["a[\\u064B-\\u0652]*", "c"]]), null);
  assert.equal(phraseAlternation([["(?:yesterday)"].flatMap((x) => literalUnits(x))]), "\\(\\?:yesterday\\)");
});
