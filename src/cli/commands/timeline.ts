import type { Command } from "commander";
import { createContext } from "../../core/context.js";
import { SitrepError } from "../../core/errors.js";
import { loadKb } from "../../kb/load-kb.js";
import { buildTimeline, counterpartSet, withMembers } from "../../timeline/build-timeline.js";
import { loadStanceRules } from "../../timeline/stance-rules.js";
import { DB_OPTION, withStore } from "../with-store.js";

/** `sitrep timeline --actor X [--toward Y]`: the actor's declared stances over time, with the evidence. */
export function timelineCommand(program: Command): void {
  program
    .command("timeline")
    .description("an actor's declared stance toward a counterpart over time (truce → escalation → pause → resumption)")
    .requiredOption("--actor <name>", "KB id or name of the actor; its member groups count too (iraqi-resistance, \"Kataib Hezbollah\")")
    .option("--toward <name>", "KB id or name of the counterpart (us-forces)")
    .option(...DB_OPTION)
    .option("--json", "as JSON")
    .addHelpText("after", "\nExample: sitrep timeline --actor iraqi-resistance --toward us-forces")
    .action(async (opts: { actor: string; toward?: string; db?: string; json?: boolean }) => {
      const ctx = createContext();
      const kb = ctx.resource("kb", loadKb);
      const resolve = (name: string) => {
        const e = kb.get(name) ?? kb.lookup(name)[0];
        if (!e) throw new SitrepError("E_USAGE", `"${name}" is not in the knowledge base`, "use a KB id or a known name; `sitrep entity NAME` looks names up");
        return e;
      };
      const actor = resolve(opts.actor);
      const toward = opts.toward ? resolve(opts.toward) : null;
      const steps = await withStore(opts.db, async (s) =>
        buildTimeline(await s.listEvents(), withMembers(kb, actor.id), toward ? counterpartSet(kb, toward.id) : null, ctx.resource("stance-rules", loadStanceRules)),
      );
      if (opts.json) {
        process.stdout.write(JSON.stringify({ actor: actor.id, toward: toward?.id ?? null, steps }, null, 1) + "\n");
        return;
      }
      process.stdout.write(`${actor.name}${toward ? ` toward ${toward.name}` : ""}: ${steps.length} step(s)\n`);
      for (const st of steps) {
        process.stdout.write(`  ${st.from}${st.to !== st.from ? ` … ${st.to}` : ""}  ${st.stance.toUpperCase()}\n`);
        for (const e of st.events.slice(0, 5)) process.stdout.write(`      ${e.type}/${e.status} ${e.actor ?? "?"} → ${e.target ?? "?"} — ${e.outlet ?? e.file}\n`);
      }
    });
}
