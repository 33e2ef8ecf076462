#!/usr/bin/env node
// The quality gate: analyses ../shared's seeds and dev corpus with `sitrep analyze --json`, scores them with
// ../shared/eval/score.mjs, prints the tables, and fails when a metric falls below eval/thresholds.json.
// Usage: npm run eval [-- --verbose] [-- --only seeds|dev] [-- --keep DIR] [-- --src]
// --src runs the CLI from source through tsx (no build into dist/), so several checkouts of work can score at once.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const shared = resolve(process.env.SITREP_SHARED ?? join(root, "..", "shared"));
const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : null;
const keep = args.includes("--keep") ? resolve(args[args.indexOf("--keep") + 1]) : join(root, "out", "eval");

if (!existsSync(join(shared, "eval", "score.mjs"))) {
  console.log(`eval: skipped — ${shared} is absent (the gold and corpus live in ../shared beside the project).`);
  process.exit(0);
}

const fromSource = args.includes("--src");
if (!fromSource) {
  const build = spawnSync("npm", ["run", "-s", "build"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const cli = fromSource ? ["--import", "tsx", join(root, "src", "cli", "entry.ts")] : [join(root, "bin", "sitrep.js")];

const thresholds = JSON.parse(readFileSync(join(root, "eval", "thresholds.json"), "utf8"));
const sets = [
  { name: "seeds", input: join(shared, "corpus", "seeds"), gold: join(shared, "gold", "seeds.gold.json") },
  { name: "dev", input: join(shared, "corpus", "dev.jsonl"), gold: join(shared, "gold", "dev.gold.json") },
].filter((s) => !only || s.name === only);

mkdirSync(keep, { recursive: true });
let failed = 0;
for (const set of sets) {
  const t0 = Date.now();
  const a = spawnSync(process.execPath, [...cli, "analyze", set.input, "--json", "--quiet"], {
    cwd: root, maxBuffer: 1 << 30, encoding: "utf8",
  });
  if (a.status !== 0 && !a.stdout) {
    console.error(`eval: sitrep analyze failed on ${set.name}:\n${a.stderr}`);
    process.exit(1);
  }
  const predPath = join(keep, `${set.name}.analysis.json`);
  writeFileSync(predPath, a.stdout);
  const s = spawnSync(process.execPath, [join(shared, "eval", "score.mjs"), "--gold", set.gold, "--pred", predPath, ...(verbose ? ["--verbose"] : [])], { encoding: "utf8" });
  const out = s.stdout ?? "";
  console.log(`\n== ${set.name} (${((Date.now() - t0) / 1000).toFixed(1)} s) ==`);
  console.log(out.split("\n").filter((l) => !l.startsWith("SCORE ")).join("\n").trimEnd());
  const line = out.split("\n").find((l) => l.startsWith("SCORE "));
  if (!line) {
    console.error(`eval: the scorer printed no SCORE line for ${set.name}:\n${s.stderr}`);
    process.exit(1);
  }
  const score = JSON.parse(line.slice(6));
  score.documents_analysed_ratio = score.analysed / score.documents;
  writeFileSync(join(keep, `${set.name}.score.json`), JSON.stringify(score, null, 1));
  for (const [metric, floor] of Object.entries(thresholds[set.name] ?? {})) {
    const v = score[metric];
    if (v === null || v === undefined || v + 1e-9 < floor) {
      console.error(`REGRESSION ${set.name}.${metric}: ${v === null || v === undefined ? "n/a" : v.toFixed(3)} < floor ${floor}`);
      failed++;
    }
  }
}
if (failed) {
  console.error(`\neval: ${failed} metric(s) below the floor in eval/thresholds.json`);
  process.exit(1);
}
console.log("\neval: every metric at or above its floor (eval/thresholds.json)");
