#!/usr/bin/env node
// CASE 2021 Shared Task 2: classifies each snippet of ../shared/benchmarks/case2021-task2/test.tsv into an ACLED
// sub-event type with the English event-trigger lexicon (no model), and prints weighted / micro / macro F1 and the
// confusion among the remote-violence classes. Usage: npm run bench:case2021 [-- --errors N]
// --src scores the TypeScript sources through tsx, without building dist/.
import { existsSync, readFileSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sitrepModules } from "./lib/sitrep-modules.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = resolve(process.env.SITREP_SHARED ?? join(root, "..", "shared"));
const file = join(shared, "benchmarks", "case2021-task2", "test.tsv");
if (!existsSync(file)) {
  console.log(`bench:case2021: skipped — ${file} is absent.`);
  process.exit(0);
}
const args = process.argv.slice(2);
const showErrors = args.includes("--errors") ? Number(args[args.indexOf("--errors") + 1] ?? 20) : 0;

const imp = sitrepModules(root, fileURLToPath(import.meta.url), args);
const { createContext } = await imp("core/context.js");
const { loadEventLexicon, loadEventTables } = await imp("stages/events/event-lexicon.js");
const { classifySnippet } = await imp("stages/events/classify-snippet.js");

const ctx = createContext({ log: { info() {}, warn() {} } });
const lex = loadEventLexicon(ctx, "en");
const tables = loadEventTables(ctx.dataDir);

const rows = readFileSync(file, "utf8").split(/\r?\n/).slice(1).filter(Boolean).map((l) => l.split("\t"));
const t0 = process.hrtime.bigint();
const pairs = rows.map(([id, text, gold]) => ({ id, text, gold: gold.trim(), ...classifySnippet(text, lex, tables) }));
const ms = Number(process.hrtime.bigint() - t0) / 1e6;

const labels = [...new Set(pairs.map((p) => p.gold))].sort();
const per = labels.map((l) => {
  const tp = pairs.filter((p) => p.gold === l && p.code === l).length;
  const fp = pairs.filter((p) => p.gold !== l && p.code === l).length;
  const fn = pairs.filter((p) => p.gold === l && p.code !== l).length;
  const P = tp + fp ? tp / (tp + fp) : 0, R = tp + fn ? tp / (tp + fn) : 0;
  return { l, support: tp + fn, P, R, F: P + R ? (2 * P * R) / (P + R) : 0 };
});
const n = pairs.length;
const micro = pairs.filter((p) => p.gold === p.code).length / n;
const macro = per.reduce((a, x) => a + x.F, 0) / per.length;
const weighted = per.reduce((a, x) => a + x.F * x.support, 0) / n;
const pct = (x) => (x * 100).toFixed(1).padStart(5) + "%";

console.log(`CASE 2021 task 2 — ${n} snippets, ${labels.length} types, trigger lexicon only (${(n / (ms / 1000)).toFixed(0)} snippets/s)\n`);
console.log("type".padEnd(32), "support", "    P      R      F1");
for (const x of per) console.log(x.l.padEnd(32), String(x.support).padStart(7), pct(x.P), pct(x.R), pct(x.F));
console.log(`\nweighted F1 ${pct(weighted)}   micro F1 ${pct(micro)}   macro F1 ${pct(macro)}`);

const focus = ["AIR_STRIKE", "ART_MISS_ATTACK", "REM_EXPLOS", "ATTACK"];
console.log("\nconfusion (rows gold, columns predicted; 'other' = any other type)");
console.log("".padEnd(16) + [...focus, "other"].map((c) => c.slice(0, 15).padStart(16)).join(""));
for (const g of focus) {
  const row = [...focus, "other"].map((c) =>
    pairs.filter((p) => p.gold === g && (c === "other" ? !focus.includes(p.code) : p.code === c)).length,
  );
  console.log(g.padEnd(16) + row.map((v) => String(v).padStart(16)).join(""));
}
if (showErrors) {
  console.log("\nerrors:");
  for (const p of pairs.filter((p) => p.gold !== p.code).slice(0, showErrors)) console.log(`  ${p.id} gold ${p.gold} got ${p.code} (${p.trigger ?? "no trigger"})`);
}
console.log("BENCH " + JSON.stringify({ weighted_f1: weighted, micro_f1: micro, macro_f1: macro, snippets: n }));
