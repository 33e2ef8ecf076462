import { Command, CommanderError } from "commander";
import { SitrepError } from "../core/errors.js";
import { analyzeCommand } from "./commands/analyze.js";
import { pipelineCommand } from "./commands/pipeline.js";
import { ingestCommand } from "./commands/ingest.js";
import { reportCommand } from "./commands/report.js";
import { demoCommand } from "./commands/demo.js";
import { entityCommand } from "./commands/entity.js";
import { eventsCommand } from "./commands/events.js";
import { storiesCommand } from "./commands/stories.js";
import { quotesCommand } from "./commands/quotes.js";
import { framingCommand } from "./commands/framing.js";
import { timelineCommand } from "./commands/timeline.js";
import { serveCommand } from "./commands/serve.js";
import { migrateCommand } from "./commands/migrate.js";
import { exportCommand } from "./commands/export.js";
import { importCommand } from "./commands/import.js";
import { workerCommand } from "./commands/worker.js";
import { watchCommand } from "./commands/watch.js";
import { settleCommand } from "./commands/settle.js";

/** Builds the sitrep command line. Every command is a thin adapter over the core API. */
export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command();
  program
    .name("sitrep")
    .description("Turn multilingual conflict news into an attributed record: actors, events, dates, quotes, stories.")
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  analyzeCommand(program, setExit);
  ingestCommand(program, setExit);
  reportCommand(program);
  demoCommand(program);
  eventsCommand(program);
  entityCommand(program);
  storiesCommand(program);
  quotesCommand(program);
  framingCommand(program);
  timelineCommand(program);
  serveCommand(program);
  migrateCommand(program);
  exportCommand(program);
  importCommand(program);
  workerCommand(program, setExit);
  watchCommand(program);
  settleCommand(program);
  pipelineCommand(program);
  return program;
}

/** Runs the CLI; returns the exit code. */
/**
 * A reader that stops early (`sitrep events --format csv | head`) closes the pipe: the command then stops quietly, as
 * Unix tools do, rather than with a stack trace (a transaction in progress is rolled back; nothing committed is lost).
 */
let pipeWatched = false;
function quietOnClosedPipe(): void {
  if (pipeWatched) return;
  pipeWatched = true;
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code === "EPIPE") process.exit(0);
    throw err;
  });
}

export async function run(argv: string[]): Promise<number> {
  quietOnClosedPipe();
  let code = 0;
  const program = buildProgram((c) => (code = Math.max(code, c)));
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof SitrepError) {
      process.stderr.write(`sitrep: ${err.code}: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  return code;
}
