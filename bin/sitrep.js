#!/usr/bin/env node
// The sitrep command: a thin shim over the compiled CLI (npm install builds dist/ via the prepare script). An analysis
// command runs in a child process started with the V8 flags of bin/node-flags.js (signals, stdio and the exit status
// pass through, by foreground-child); SITREP_NODE_FLAGS=0 runs it in this process as it is.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { flagsToAdd } from "./node-flags.js";

const main = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write("sitrep: dist/ is missing; run `npm install` (or `npm run build`) in the sitrep folder first.\n");
  process.exit(2);
}
const flags = flagsToAdd(process.argv.slice(2), process.execArgv, process.env);
if (flags) {
  const { foregroundChild } = await import("foreground-child");
  foregroundChild(process.execPath, [...process.execArgv, ...flags, fileURLToPath(import.meta.url), ...process.argv.slice(2)]);
} else {
  const { run } = await import(main.href);
  process.exitCode = await run(process.argv);
}
