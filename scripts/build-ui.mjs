#!/usr/bin/env node
// Builds the web UI (ui/) into dist/ui/: typechecks it, then `vite build`. With --if-stale, only when dist/ui is
// missing or older than a source file of ui/; --no-typecheck skips tsc (the browser tests build this way).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const out = join(root, "dist", "ui", "index.html");

/** The newest modification time of the UI's sources (ui/, without node_modules). */
function newestSource(dir) {
  let t = 0;
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newestSource(p) : s.mtimeMs);
  }
  return t;
}

/** Whether dist/ui is missing or older than ui/. */
function uiIsStale() {
  return !existsSync(out) || statSync(out).mtimeMs < newestSource(join(root, "ui"));
}

function run(args) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (process.argv.includes("--if-stale") && !uiIsStale()) process.exit(0);
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
if (!process.argv.includes("--no-typecheck")) {
  run([tsc, "-p", "ui/tsconfig.json"]);
  run([tsc, "-p", "ui/tsconfig.node.json"]);
}
run([join(root, "node_modules", "vite", "bin", "vite.js"), "build", "--config", "ui/vite.config.ts", "--logLevel", "warn"]);
