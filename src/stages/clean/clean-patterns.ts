import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SitrepError } from "../../core/errors.js";

/** The compiled line patterns of data/clean/. */
export interface CleanPatterns {
  readonly boilerplate: readonly RegExp[];
  readonly captionOpeners: readonly string[];
  /** The length of the longest caption opener. */
  readonly captionOpenerMax: number;
  readonly photoCredits: readonly RegExp[];
  /** Byline lines (case-sensitive: a name is capitalised). */
  readonly bylines: readonly RegExp[];
  /** One regex matching where any boilerplate pattern does (one test a line instead of one per pattern); null when none. */
  readonly anyBoilerplate: RegExp | null;
  /** The same for the photo credits. */
  readonly anyPhotoCredit: RegExp | null;
  /** The same for the bylines. */
  readonly anyByline: RegExp | null;
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

/**
 * The alternation of a list of patterns of one set of flags: it matches a string exactly when one of them does
 * (each is its own alternative; a pattern with a back-reference, whose group numbers would shift, keeps the list).
 */
function anyOf(res: readonly RegExp[]): RegExp | null {
  if (!res.length) return null;
  if (res.some((re) => /\\[1-9]|\\k</.test(re.source))) return null;
  return new RegExp(res.map((re) => `(?:${re.source})`).join("|"), res[0].flags);
}

/** Loads data/clean/*.txt. */
export function loadCleanPatterns(dataDir: string): CleanPatterns {
  const dir = join(dataDir, "clean");
  const boilerplate = compile(join(dir, "boilerplate.txt"), "iu");
  const photoCredits = compile(join(dir, "photo-credits.txt"), "iu");
  const bylines = compile(join(dir, "bylines.txt"), "u");
  const captionOpeners = lines(join(dir, "captions.txt")).map((s) => s.trim().toLowerCase());
  return {
    boilerplate,
    captionOpeners,
    captionOpenerMax: Math.max(0, ...captionOpeners.map((o) => o.length)),
    photoCredits,
    bylines,
    anyBoilerplate: anyOf(boilerplate),
    anyPhotoCredit: anyOf(photoCredits),
    anyByline: anyOf(bylines),
  };
}

/** True when one of the patterns matches `s` (through their alternation when there is one). */
export function matchesAny(list: readonly RegExp[], any: RegExp | null, s: string): boolean {
  if (any) return any.test(s);
  for (const re of list) if (re.test(s)) return true;
  return false;
}
