import { readFileSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

/** The sitrep package's root folder (holds data/, examples/). */
export function packageRoot(): string {
  return join(dirname(fileURLToPath(import.meta.url)), "..", "..");
}

/** Where the project's `data/` folder is: $SITREP_DATA_DIR, else beside `src/` or `dist/`. */
export function defaultDataDir(): string {
  if (process.env.SITREP_DATA_DIR) return process.env.SITREP_DATA_DIR;
  const here = dirname(fileURLToPath(import.meta.url));
  return join(here, "..", "..", "data");
}

/** Receives progress and warnings; the CLI prints them to stderr, tests collect them. */
export interface Logger {
  info(msg: string): void;
  warn(msg: string): void;
}

/** Word lists and tables of one language, read from `data/lang/<iso>/`. */
export interface LangPack {
  readonly iso: string;
  /** Lines of `<name>.txt`, without comments (#) and blank lines; [] when the file does not exist. */
  list(name: string): readonly string[];
  /** Rows of `<name>.tsv` split on tabs, without comments and blank lines; [] when absent. */
  table(name: string): readonly (readonly string[])[];
}

/**
 * The resources a stage may use. Stages get everything from here, never from module globals:
 * tests build a context over fixture data, the CLI over `data/`.
 */
export interface Context {
  readonly dataDir: string;
  /** Language data; an unknown language gives an empty pack (every list empty). */
  lang(iso: string): LangPack;
  /** Loads a resource once per context: `ctx.resource("kb", loadKb)`. */
  resource<T>(key: string, load: (dataDir: string) => T): T;
  /** The analysis clock; only used for run metadata, never as a date guess. */
  now(): Date;
  readonly log: Logger;
}

/**
 * `ctx.resource(prefix + ":" + part, load)` for a resource of one language (or other part), remembered for the last
 * context and part asked: a stage asks for the same language's resource article after article, and a key built anew
 * each time is a new string to hash in the context's Map.
 */
export function partResource<T>(prefix: string): (ctx: Context, part: string, load: (dataDir: string) => T) => T {
  let lastCtx: Context | null = null;
  let lastPart = "";
  let last: T | undefined;
  return (ctx, part, load) => {
    if (ctx === lastCtx && part === lastPart) return last as T;
    const v = ctx.resource(`${prefix}:${part}`, load);
    lastCtx = ctx;
    lastPart = part;
    last = v;
    return v;
  };
}

function stripLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/^\uFEFF/, ""))
    .filter((l) => l.trim() !== "" && !l.trimStart().startsWith("#"));
}

/** Builds a context over a data directory. */
export function createContext(opts: { dataDir?: string; log?: Logger; now?: () => Date } = {}): Context {
  const dataDir = opts.dataDir ?? defaultDataDir();
  const cache = new Map<string, unknown>();
  const packs = new Map<string, LangPack>();
  const log: Logger = opts.log ?? { info: () => {}, warn: (m) => process.stderr.write(m + "\n") };
  const ctx: Context = {
    dataDir,
    log,
    now: opts.now ?? (() => new Date()),
    resource<T>(key: string, load: (dataDir: string) => T): T {
      // one look-up in the common case (every stage asks for its resources on every article)
      let v = cache.get(key);
      if (v === undefined && !cache.has(key)) cache.set(key, (v = load(dataDir)));
      return v as T;
    },
    lang(iso: string): LangPack {
      let pack = packs.get(iso);
      if (!pack) {
        const dir = join(dataDir, "lang", iso);
        const lists = new Map<string, readonly string[]>();
        const tables = new Map<string, readonly (readonly string[])[]>();
        pack = {
          iso,
          list(name) {
            let l = lists.get(name);
            if (!l) {
              const f = join(dir, name + ".txt");
              l = existsSync(f) ? stripLines(readFileSync(f, "utf8")).map((s) => s.trim()) : [];
              lists.set(name, l);
            }
            return l;
          },
          table(name) {
            let t = tables.get(name);
            if (!t) {
              const f = join(dir, name + ".tsv");
              t = existsSync(f) ? stripLines(readFileSync(f, "utf8")).map((s) => s.split("\t").map((c) => c.trim())) : [];
              tables.set(name, t);
            }
            return t;
          },
        };
        packs.set(iso, pack);
      }
      return pack;
    },
  };
  return ctx;
}
