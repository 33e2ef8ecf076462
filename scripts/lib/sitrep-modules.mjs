// The scripts' way to reach sitrep's modules: from dist/ (built first unless --no-build), or with --src from the
// TypeScript sources, re-running the calling script under the tsx loader. Returns imp("stories/index.js") → module.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** Resolves how a script imports sitrep; may re-run the script (under tsx) or build dist/ first. */
export function sitrepModules(root, scriptPath, args) {
  const fromSource = args.includes("--src");
  if (fromSource && !process.env.SITREP_BENCH_TSX) {
    const r = spawnSync(process.execPath, ["--import", "tsx", scriptPath, ...args], { stdio: "inherit", env: { ...process.env, SITREP_BENCH_TSX: "1" } });
    process.exit(r.status ?? 1);
  }
  if (!fromSource && !args.includes("--no-build")) {
    const b = spawnSync("npm", ["run", "-s", "build"], { cwd: root, stdio: "inherit" });
    if (b.status !== 0) process.exit(b.status ?? 1);
  }
  return (p) => import(pathToFileURL(fromSource ? join(root, "src", p.replace(/\.js$/, ".ts")) : join(root, "dist", p)).href);
}
