#!/usr/bin/env node
// Scores the time-expression resolver on TempEval-3 platinum (../shared/benchmarks/tempeval3-platinum):
// strips the TimeML tags, runs the English date grammar with the document creation time as the reference, and
// prints relaxed and strict span P/R/F1 and value F1 (strict value match on relaxed span matches, as TempEval-3).
// Usage: npm run bench:time [-- --verbose] [-- --dir <folder of .tml>]
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

register();
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const dirArg = args.indexOf("--dir");
const dir = dirArg >= 0 ? args[dirArg + 1] : join(root, "..", "shared", "benchmarks", "tempeval3-platinum");
if (!existsSync(dir)) {
  console.error(`bench-time: no benchmark folder at ${dir}`);
  process.exit(1);
}

const { createContext } = await import(join(root, "src/core/context.ts"));
const { timeWords, foldLower } = await import(join(root, "src/stages/dates/time-words.ts"));
const { timeGrammar } = await import(join(root, "src/stages/dates/time-grammar.ts"));
const { findTimes } = await import(join(root, "src/stages/dates/find-times.ts"));
const { futureTest, dateTools } = await import(join(root, "src/stages/dates/index.ts"));
const { dayNum } = await import(join(root, "src/stages/dates/calendar.ts"));

const ctx = createContext({ log: { info() {}, warn() {} } });
const { words, grammar, future } = dateTools(ctx, "en");
void timeWords; void timeGrammar;

const decode = (s) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** Strips the TimeML of <TEXT> and returns the plain text and the gold TIMEX3 spans. */
function parseTml(xml) {
  const dct = /<DCT>\s*<TIMEX3[^>]*value="([^"]+)"/.exec(xml)?.[1] ?? null;
  const body = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(xml)?.[1] ?? "";
  let text = "";
  const gold = [];
  const re = /<(\/?)(\w+)([^>]*)>/g;
  let last = 0, open = null;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    text += decode(body.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[2] !== "TIMEX3") continue;
    if (!m[1]) open = { start: text.length, type: /type="([^"]+)"/.exec(m[3])?.[1], value: /value="([^"]+)"/.exec(m[3])?.[1] };
    else if (open) gold.push({ ...open, end: text.length, text: text.slice(open.start, text.length) }), (open = null);
  }
  text += decode(body.slice(last));
  return { dct, text, gold };
}

let goldN = 0, predN = 0, relaxedTpGold = 0, relaxedTpPred = 0, strictTp = 0, valueTp = 0;
const t0 = process.hrtime.bigint();
let chars = 0;
const misses = [];
for (const f of readdirSync(dir).filter((x) => x.endsWith(".tml")).sort()) {
  const { dct, text, gold } = parseTml(readFileSync(join(dir, f), "utf8"));
  chars += text.length;
  const [y, m, d] = (dct ?? "").slice(0, 10).split("-").map(Number);
  const ref = dct ? { day: dayNum(y, m, d), basis: `the document creation time ${dct.slice(0, 10)}` } : null;
  const folded = foldLower(text);
  const pred = findTimes(text, words, grammar, { ref, futureAt: futureTest(folded, future), folded });
  goldN += gold.length;
  predN += pred.length;
  const overlap = (a, b) => a.start < b.end && b.start < a.end;
  const usedPred = new Set();
  for (const g of gold) {
    const i = pred.findIndex((p, k) => !usedPred.has(k) && overlap(p, g));
    if (i < 0) {
      misses.push(`${f}: missed "${g.text}" ${g.type} ${g.value}`);
      continue;
    }
    usedPred.add(i);
    relaxedTpGold++;
    const p = pred[i];
    if (p.start === g.start && p.end === g.end) strictTp++;
    if (p.timex === g.value) valueTp++;
    else misses.push(`${f}: value "${g.text}" gold ${g.value} got "${p.text}" ${p.timex}`);
  }
  relaxedTpPred += usedPred.size;
  pred.forEach((p, k) => { if (!usedPred.has(k)) misses.push(`${f}: spurious "${p.text}" ${p.timex}`); });
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const f1 = (p, r) => (p + r ? (2 * p * r) / (p + r) : 0);
const pct = (x) => (100 * x).toFixed(1).padStart(5) + "%";
const rp = relaxedTpPred / predN, rr = relaxedTpGold / goldN;
const sp = strictTp / predN, sr = strictTp / goldN;
const vp = valueTp / predN, vr = valueTp / goldN;
if (verbose) for (const m of misses) console.log("  - " + m);
console.log(`TempEval-3 platinum: ${goldN} gold TIMEX3 (without DCTs), ${predN} predicted`);
console.log(`relaxed span  P ${pct(rp)}  R ${pct(rr)}  F1 ${pct(f1(rp, rr))}`);
console.log(`strict span   P ${pct(sp)}  R ${pct(sr)}  F1 ${pct(f1(sp, sr))}`);
console.log(`value         P ${pct(vp)}  R ${pct(vr)}  F1 ${pct(f1(vp, vr))}   (accuracy on relaxed matches ${pct(valueTp / Math.max(1, relaxedTpGold))}; HeidelTime ≈ 77.6% F1)`);
console.log(`speed ${(chars / 1024 / secs).toFixed(0)} KB/s`);
