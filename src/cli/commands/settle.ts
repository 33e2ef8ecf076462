import type { Command } from "commander";
import { StoryLog } from "../../story-log/story-log.js";
import { DB_OPTION, withStore } from "../with-store.js";

/** `sitrep settle`: re-clusters every stored document canonically. */
export function settleCommand(program: Command): void {
  program
    .command("settle")
    .description("re-cluster every stored document into stories in one canonical step (after upgrading sitrep, or to get the stories one single ingest would give)")
    .option(...DB_OPTION)
    .addHelpText("after", `
Stories built batch by batch may differ a little from those one ingest of everything would give; settle gives exactly
those, whatever order and batches the documents came in. It rewrites every story, so it takes time and memory in
proportion to the store; workers may keep running (they wait for it, then continue from the new stories).`)
    .action(async (opts: { db?: string }) => {
      const t0 = performance.now();
      const r = await withStore(opts.db, (store) => new StoryLog().settle(store));
      process.stdout.write(`settled ${r.documents} documents into ${r.stories} stories (story log ${r.seq}) in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    });
}
