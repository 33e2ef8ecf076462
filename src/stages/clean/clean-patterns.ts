import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SitrepError } from "../../core/errors.js";

/** The compiled line patterns of data/clean/. */
export interface CleanPatterns {
  readonly boilerplate: readonly RegExp[];
  readonly captionOpeners: readonly string[];
  readonly photoCredits: readonly RegExp[];
}

function lines(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim() && !l.startsWith("#"));
}

function compile(file: string, flags: string): RegExp[] {
  return lines(file).map((src, i) => {
    try {
      return new RegExp(src, flags);
    } catch (e) {
      throw new SitrepError("E_DATA", `${file}:${i + 1}: invalid regular expression (${(e as Error).message})`, "fix the pattern");
    }
  });
}

/** Loads data/clean/*.txt. */
export function loadCleanPatterns(dataDir: string): CleanPatterns {
  const dir = join(dataDir, "clean");
  return {
    boilerplate: compile(join(dir, "boilerplate.txt"), "iu"),
    captionOpeners: lines(join(dir, "captions.txt")).map((s) => s.trim().toLowerCase()),
    photoCredits: compile(join(dir, "photo-credits.txt"), "iu"),
  };
}
