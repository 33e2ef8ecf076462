// The V8 flags the analysis commands run with: one list, read by bin/sitrep.js (which starts the command's process
// with them) and by `npm run bench` (whose measuring process gets the same), so the bench measures what users run.
//
// --max-semi-space-size=128: a young generation of 128 MB semi-spaces instead of V8's default 16 MB. The analysis
// allocates ~270 KB per article, nearly all of it garbage by the article's end; with 16 MB a scavenge ran every ~50
// articles, copying whatever was alive at that moment (the article in flight, the analyses a batch keeps). Measured
// with `npm run bench`'s per-article loop over 10,000 articles, four alternating pairs on one machine: ~700 → ~810
// articles per CPU-second over the whole run, ~830 → ~1,045 in steady state; peak RSS 684 → 755 MB. 256 MB was
// slower than 128 (more memory touched per scavenge).
export const ANALYSIS_NODE_FLAGS = ["--max-semi-space-size=128"];

/** The commands that analyse articles in bulk (the others read the store and start faster without a second process). */
export const ANALYSIS_COMMANDS = new Set(["analyze", "demo", "ingest", "serve", "settle", "watch", "worker"]);

/**
 * The flags to start the command's process with, or null when none are needed: not an analysis command, or a flag of
 * the same name already given (on node's command line or in NODE_OPTIONS: the user's choice wins), or
 * SITREP_NODE_FLAGS=0. `argv` is the command's arguments (process.argv.slice(2)).
 */
export function flagsToAdd(argv, execArgv = [], env = {}) {
  if (env.SITREP_NODE_FLAGS === "0") return null;
  const command = argv.find((a) => !a.startsWith("-"));
  if (!command || !ANALYSIS_COMMANDS.has(command) || argv.includes("--help") || argv.includes("-h")) return null;
  const given = [...execArgv, ...(env.NODE_OPTIONS ?? "").split(/\s+/)].map((a) => a.split("=")[0].replace(/_/g, "-"));
  const missing = ANALYSIS_NODE_FLAGS.filter((f) => !given.includes(f.split("=")[0]));
  return missing.length ? missing : null;
}
