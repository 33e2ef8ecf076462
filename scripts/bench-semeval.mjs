#!/usr/bin/env node
// SemEval-2022 Task 8 sample: scores sitrep's story similarity against human ratings, with no transformer.
// Every text goes through the real per-article pipeline, then extractFeatures; the pair score is storySimilarity,
// the same function the story index clusters with, weighted by key statistics gathered over all the sample's texts.
// Metric (the task's own): Pearson r between the similarity and -overall on the non-augmented pairs, per language
// pair and overall. Translation check on augmented cross-language pairs (one side machine-translated from the
// original pair): recall of the "translation" relation where the raters found the same article (overall <= 1.5),
// and how often unrelated pairs (overall >= 3.5) are wrongly called translations.
// Usage: npm run bench:semeval [-- --no-build] [-- --src] [-- --limit N] [-- --json]
// --src runs from source through tsx (no build into dist/).
// Reads ../shared/benchmarks/semeval2022-task8-sample/pairs.jsonl (third-party text: evaluation only, never copied).
import { existsSync, readFileSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sitrepModules } from "./lib/sitrep-modules.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = resolve(process.env.SITREP_SHARED ?? join(root, "..", "shared"));
const file = join(shared, "benchmarks", "semeval2022-task8-sample", "pairs.jsonl");
const args = process.argv.slice(2);
const limit = args.includes("--limit") ? Number(args[args.indexOf("--limit") + 1]) : Infinity;
if (!existsSync(file)) {
  console.log(`bench:semeval: skipped — ${file} is absent.`);
  process.exit(0);
}
const imp = sitrepModules(root, fileURLToPath(import.meta.url), args);
const { analyzeItems } = await imp("analyze.js");
const { createContext } = await imp("core/context.js");
const { extractFeatures, storySimilarity, relationKind, calibratedScore, StoryIndex } = await imp("stories/index.js");

/** Pearson correlation of two equal-length arrays. */
function pearson(xs, ys) {
  const n = xs.length;
  if (n < 3) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n, my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx, dy = ys[i] - my;
    sxy += dx * dy; sxx += dx * dx; syy += dy * dy;
  }
  return sxx && syy ? sxy / Math.sqrt(sxx * syy) : null;
}

const rows = readFileSync(file, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l)).slice(0, limit);
const texts = new Map(); // text → source item id
for (const r of rows) for (const [t, lang] of [[r.text1, r.lang1], [r.text2, r.lang2]]) if (!texts.has(t)) texts.set(t, { id: `t${texts.size}`, lang });
const items = [...texts].map(([raw, { id }]) => ({ ok: true, article: { raw, diagnostics: [], source: { file: id, origin: `semeval:${id}`, format: "text" } } }));

const t0 = Date.now();
const ctx = createContext({ log: { info: () => {}, warn: () => {} } });
const { corpus } = await analyzeItems(items, ctx, { corpus: false, policy: "continue" });
const featOf = new Map();
const byFile = new Map(corpus.docs.map((d) => [d.source.file, d]));
const stats = new StoryIndex();
for (const [raw, { id }] of texts) {
  const d = byFile.get(id) ?? [...corpus.docs].find((x) => x.raw === raw);
  const f = extractFeatures(d);
  featOf.set(raw, f);
  stats.observe(f);
}
const analysed = (Date.now() - t0) / 1000;

const groups = new Map();
const add = (k, x, y) => {
  if (!groups.has(k)) groups.set(k, { xs: [], ys: [] });
  groups.get(k).xs.push(x);
  groups.get(k).ys.push(y);
};
const trans = { pos: 0, hit: 0, neg: 0, fp: 0 };
for (const r of rows) {
  const a = featOf.get(r.text1), b = featOf.get(r.text2);
  const sim = storySimilarity(a, b, stats);
  const lp = `${r.lang1}-${r.lang2}`;
  if (!r.augmented_translation) {
    add("ALL non-augmented", sim.score, -r.overall);
    add(lp, sim.score, -r.overall);
  } else {
    add("augmented (all)", sim.score, -r.overall);
    if (r.lang1 !== r.lang2) {
      // As the story index decides: a translation relation inside one story (the calibrated score joins them).
      const isTrans = relationKind(a, b, sim) === "translation" && calibratedScore(sim.score, a.lang, b.lang, stats.options) >= stats.options.joinThreshold;
      if (r.overall <= 1.5) (trans.pos++, isTrans && trans.hit++);
      if (r.overall >= 3.5) (trans.neg++, isTrans && trans.fp++);
    }
  }
}
const out = {};
console.log(`SemEval-2022 Task 8 sample: ${rows.length} pairs, ${texts.size} texts analysed in ${analysed.toFixed(1)} s`);
console.log("Pearson r (story similarity vs -overall)".padEnd(44), "pairs");
for (const [k, { xs, ys }] of [...groups].sort((p, q) => (p[0].startsWith("ALL") ? -1 : q[0].startsWith("ALL") ? 1 : p[0] < q[0] ? -1 : 1))) {
  const r = pearson(xs, ys);
  out[k] = { r, n: xs.length };
  console.log(`  ${k.padEnd(30)} ${r === null ? "  n/a" : r.toFixed(3).padStart(6)}   ${String(xs.length).padStart(5)}`);
}
const recall = trans.pos ? trans.hit / trans.pos : null, fpr = trans.neg ? trans.fp / trans.neg : null;
console.log(`translation relation on augmented cross-language pairs: recall ${recall === null ? "n/a" : recall.toFixed(3)} (${trans.hit}/${trans.pos} rated same, overall <= 1.5), false positives ${fpr === null ? "n/a" : fpr.toFixed(3)} (${trans.fp}/${trans.neg} rated different, overall >= 3.5)`);
out.translation = { recall, falsePositiveRate: fpr, ...trans };
if (args.includes("--json")) console.log("BENCH " + JSON.stringify(out));
