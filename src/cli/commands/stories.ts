import type { Command } from "commander";
import { storedContract } from "../../output/stored-contract.js";
import { DB_OPTION, withStore } from "../with-store.js";

/** `sitrep stories`: stories with their members, languages, relations and merged events. */
export function storiesCommand(program: Command): void {
  program
    .command("stories")
    .description("list the stored stories with their members, languages, relations and merged events")
    .option(...DB_OPTION)
    .option("--limit <n>", "at most this many stories", (v) => Number(v))
    .option("--json", "as JSON")
    .action(async (opts: { db?: string; limit?: number; json?: boolean }) => {
      const out = await withStore(opts.db, (s) => storedContract(s, { limitStories: opts.limit }));
      if (opts.json) {
        process.stdout.write(JSON.stringify(out.stories, null, 1) + "\n");
        return;
      }
      const byFile = new Map(out.documents.map((d) => [d.file, d]));
      for (const s of out.stories) {
        const langs = [...new Set(s.documents.map((f) => byFile.get(f)?.language ?? "?"))].join("/");
        process.stdout.write(`${s.id}  ${s.title ?? "(untitled)"}  — ${s.documents.length} document(s), ${langs}\n`);
        for (const f of s.documents) {
          const d = byFile.get(f);
          process.stdout.write(`   ${f}  ${d?.outlet?.name ?? "?"} ${d?.published?.date ?? ""}\n`);
        }
        for (const r of s.relations) process.stdout.write(`   ${r.from} —${r.kind}→ ${r.to}\n`);
        for (const e of (s.events ?? []) as { type: string; status?: string; actor?: { text: string } | null; target?: { text: string } | null }[])
          process.stdout.write(`   event: ${e.type} ${e.actor?.text ?? "?"} → ${e.target?.text ?? "?"} (${e.status ?? ""})\n`);
      }
    });
}
