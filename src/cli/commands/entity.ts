import type { Command } from "commander";
import { createContext } from "../../core/context.js";
import { loadKb } from "../../kb/load-kb.js";
import { DB_OPTION, withStore } from "../with-store.js";

/** `sitrep entity NAME`: an entity's aliases, type, where it appears and with whom. */
export function entityCommand(program: Command): void {
  program
    .command("entity")
    .description("show an entity: KB aliases, type, the stored documents it appears in, and who appears with it")
    .argument("<name>", "a name or alias in any script, or a KB id (kataib-hezbollah)")
    .option(...DB_OPTION)
    .option("--json", "as JSON")
    .action(async (name: string, opts: { db?: string; json?: boolean }) => {
      const ctx = createContext();
      const kb = ctx.resource("kb", loadKb);
      const entries = kb.get(name) ? [kb.get(name)!] : kb.lookup(name);
      const found = await withStore(opts.db, async (store) => {
        const byKb = await Promise.all(entries.map((e) => store.findEntities(e.id)));
        const byName = await store.findEntities(name);
        const seen = new Set<string>();
        return [...byKb.flat(), ...byName].filter((s) => {
          const k = s.kb ?? s.name;
          if (seen.has(k)) return false;
          seen.add(k);
          return true;
        });
      });
      if (opts.json) {
        process.stdout.write(JSON.stringify({ kb: entries, stored: found }, null, 1) + "\n");
        return;
      }
      if (!entries.length && !found.length) {
        process.stdout.write(`No entity named "${name}" in the knowledge base or the store. Try another spelling, or ingest articles first.\n`);
        return;
      }
      for (const e of entries) {
        process.stdout.write(`${e.name}  [${e.type}] kb:${e.id}${e.wikidata ? ` wikidata:${e.wikidata}` : ""}${e.lat != null ? ` @ ${e.lat},${e.lon}` : ""}\n`);
        if (e.aliases.length) process.stdout.write(`  aliases: ${e.aliases.join(" · ")}\n`);
        for (const r of e.relations ?? []) process.stdout.write(`  ${r.rel} ${kb.get(r.target)?.name ?? r.target}\n`);
      }
      for (const s of found) {
        process.stdout.write(`\n${s.name} in the store: ${s.documents} document(s), ${s.mentions} mention(s)\n`);
        if (s.aliases.length) process.stdout.write(`  written as: ${s.aliases.join(" · ")}\n`);
        process.stdout.write(`  in: ${s.files.slice(0, 10).join(", ")}${s.files.length > 10 ? " …" : ""}\n`);
        if (s.coMentioned.length) process.stdout.write(`  with: ${s.coMentioned.map((c) => `${c.name} (${c.documents})`).join(", ")}\n`);
      }
    });
}
