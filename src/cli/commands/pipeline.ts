import type { Command } from "commander";
import { defaultPipeline } from "../../analyze.js";

/** `sitrep pipeline`: the stages in order with what each requires and provides. */
export function pipelineCommand(program: Command): void {
  program
    .command("pipeline")
    .description("print the pipeline's stages with the layers each requires and provides")
    .option("--json", "as JSON")
    .action((opts: { json?: boolean }) => {
      const rows = defaultPipeline().table();
      if (opts.json) {
        process.stdout.write(JSON.stringify(rows, null, 1) + "\n");
        return;
      }
      process.stdout.write("stage       kind    version  requires → provides\n");
      for (const r of rows) process.stdout.write(`${r.name.padEnd(11)} ${r.kind.padEnd(7)} ${r.version.padEnd(8)} ${r.requires.join(", ") || "—"} → ${r.provides.join(", ")}\n`);
    });
}
