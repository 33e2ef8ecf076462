// The installed command (bin/sitrep.js): analysis commands run in a child process with the V8 flags of
// bin/node-flags.js, with stdio, exit status and output unchanged; other commands run in place.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
// @ts-expect-error: a plain ES module of bin/ (no types)
import { ANALYSIS_NODE_FLAGS, flagsToAdd } from "../bin/node-flags.js";

const root = join(import.meta.dirname, "..");
const built = existsSync(join(root, "dist/cli/main.js"));

test("flagsToAdd: analysis commands only, and never over a flag the user gave", () => {
  assert.deepEqual(flagsToAdd(["ingest", "a.jsonl"], [], {}), ANALYSIS_NODE_FLAGS);
  assert.deepEqual(flagsToAdd(["-q", "analyze", "x.txt", "--json"], [], {}), ANALYSIS_NODE_FLAGS);
  assert.equal(flagsToAdd(["events", "--type", "ASSAULT"], [], {}), null, "a store query starts in place");
  assert.equal(flagsToAdd([], [], {}), null);
  assert.equal(flagsToAdd(["ingest", "--help"], [], {}), null);
  assert.equal(flagsToAdd(["ingest", "a.jsonl"], ["--max-semi-space-size=32"], {}), null, "node's own command line wins");
  assert.equal(flagsToAdd(["ingest", "a.jsonl"], [], { NODE_OPTIONS: "--max_semi_space_size=64" }), null, "NODE_OPTIONS wins");
  assert.equal(flagsToAdd(["ingest", "a.jsonl"], [], { SITREP_NODE_FLAGS: "0" }), null);
});

test("bin/sitrep.js analyze: the child runs with the flags; output and exit status are the in-process run's", { skip: built ? false : "dist/ is not built" }, () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-shim-"));
  const article = join(dir, "a.txt");
  writeFileSync(article, "Rockets struck a base in Anbar province on Monday, officials said.");
  // a preload that records each process's V8 flags (it runs in the shim and in the child it starts)
  const log = join(dir, "argv.log");
  const preload = join(dir, "record.cjs");
  writeFileSync(preload, `require("node:fs").appendFileSync(${JSON.stringify(log)}, JSON.stringify([process.argv[1] ?? "", process.execArgv]) + "\\n");`);
  const run = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [join(root, "bin/sitrep.js"), ...args], { cwd: dir, encoding: "utf8", env: { ...process.env, NODE_OPTIONS: `--require ${preload}`, ...env } });
  const child = run(["analyze", article, "--json", "--quiet"]);
  assert.equal(child.status, 0, child.stderr);
  // (foreground-child also starts a watchdog process, a node -e script: not ours)
  const seen = readFileSync(log, "utf8").trim().split("\n").map((l) => JSON.parse(l) as [string, string[]]).filter(([script]) => script.endsWith("sitrep.js")).map(([, flags]) => flags);
  assert.equal(seen.length, 2, "the shim and its child");
  assert.ok(ANALYSIS_NODE_FLAGS.every((f: string) => seen[1].includes(f)), `the child's flags: ${seen[1].join(" ")}`);
  const inPlace = run(["analyze", article, "--json", "--quiet"], { SITREP_NODE_FLAGS: "0" });
  assert.equal(inPlace.status, 0, inPlace.stderr);
  const strip = (s: string) => JSON.parse(s).documents.map((d: Record<string, unknown>) => ({ ...d, analyzedAt: undefined }));
  assert.deepEqual(strip(child.stdout), strip(inPlace.stdout));
  // a failure's exit status and message come through the child unchanged
  const missing = run(["analyze", join(dir, "nope.txt"), "--quiet"]);
  const missingInPlace = run(["analyze", join(dir, "nope.txt"), "--quiet"], { SITREP_NODE_FLAGS: "0" });
  assert.notEqual(missing.status, 0);
  assert.equal(missing.status, missingInPlace.status);
  assert.equal(missing.stderr, missingInPlace.stderr);
});
