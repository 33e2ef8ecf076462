#!/usr/bin/env node
// The sitrep command: a thin shim over the compiled CLI (npm install builds dist/ via the prepare script).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const main = new URL("../dist/cli/main.js", import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write("sitrep: dist/ is missing; run `npm install` (or `npm run build`) in the sitrep folder first.\n");
  process.exit(2);
}
const { run } = await import(main.href);
process.exitCode = await run(process.argv);
