import type { Command } from "commander";
import { SitrepError } from "../../core/errors.js";
import { framingLens } from "../../output/framing-tables.js";
import { DB_OPTION, withStore } from "../with-store.js";

/** `sitrep framing [--outlet O | --story S]`: loaded terms per outlet, and how each outlet names each actor. */
export function framingCommand(program: Command): void {
  program
    .command("framing")
    .description("the framing lens: loaded terms per outlet, and the same actor as each outlet names it")
    .option(...DB_OPTION)
    .option("--outlet <name>", "only this outlet (part of its name)")
    .option("--story <id>", "only the documents of this story (see `sitrep stories`)")
    .option("--entity <kb>", "only the naming of this entity (KB id or part of the name)")
    .option("--json", "as JSON")
    .action(async (opts: { db?: string; outlet?: string; story?: string; entity?: string; json?: boolean }) => {
      const docs = await withStore(opts.db, async (s) => {
        let ids: string[] | undefined;
        if (opts.story) {
          const st = (await s.listStories()).find((x) => x.id === opts.story);
          if (!st) throw new SitrepError("E_USAGE", `no story "${opts.story}"`, "list the stories with `sitrep stories`");
          ids = [...st.documents];
        }
        const all = await s.getDocuments(ids);
        return opts.outlet ? all.filter((d) => (d.outlet?.name ?? "").toLowerCase().includes(opts.outlet!.toLowerCase())) : all;
      });
      const e = opts.entity?.toLowerCase();
      const { terms, naming } = framingLens(docs, e);
      if (opts.json) {
        process.stdout.write(JSON.stringify({ terms, naming }, null, 1) + "\n");
        return;
      }
      for (const o of terms) {
        process.stdout.write(`${o.outlet} — ${o.documents} document(s)\n`);
        for (const t of o.terms.slice(0, 20)) process.stdout.write(`   ${t.term} ×${t.count}${t.inQuotes ? ` (${t.inQuotes} in quotes)` : ""}  [${t.category}] → ${t.neutral}\n`);
      }
      const multi = naming.filter((r) => r.byOutlet.length > 1 || e);
      if (multi.length) process.stdout.write("\nHow each outlet names the actors:\n");
      for (const r of multi.slice(0, 30)) {
        process.stdout.write(`  ${r.entity}\n`);
        for (const o of r.byOutlet) process.stdout.write(`     ${o.outlet}: ${o.names.map((n) => `${n.text} ×${n.count}`).join(", ")}\n`);
      }
    });
}
