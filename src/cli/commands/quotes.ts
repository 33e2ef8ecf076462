import type { Command } from "commander";
import { DB_OPTION, withStore } from "../with-store.js";

type Q = { text: string; speaker?: { entity: string | null; text: string } | null; verb?: string | null };
type En = { id: string; kb: string | null; name: string };

/** `sitrep quotes [--speaker X]`: stored quotes with their speakers and where they appeared. */
export function quotesCommand(program: Command): void {
  program
    .command("quotes")
    .description("stored quotes with their speakers, outlets and documents")
    .option(...DB_OPTION)
    .option("--speaker <name>", "only quotes whose speaker matches (KB id or part of the name)")
    .option("--limit <n>", "at most this many", (v) => Number(v))
    .option("--json", "as JSON")
    .action(async (opts: { db?: string; speaker?: string; limit?: number; json?: boolean }) => {
      const docs = await withStore(opts.db, (s) => s.getDocuments());
      const want = opts.speaker?.toLowerCase();
      const rows = docs.flatMap((d) =>
        (d.quotes as Q[]).map((q) => {
          const ent = q.speaker?.entity ? (d.entities as En[]).find((e) => e.id === q.speaker!.entity) : undefined;
          return { text: q.text, speaker: q.speaker?.text ?? null, speakerName: ent?.name ?? null, speakerKb: ent?.kb ?? null, verb: q.verb ?? null, outlet: d.outlet?.name ?? null, file: d.file, published: d.published?.date ?? null };
        }),
      );
      const filtered = (want ? rows.filter((r) => r.speakerKb === want || [r.speaker, r.speakerName].some((x) => x?.toLowerCase().includes(want))) : rows).slice(0, opts.limit ?? Infinity);
      if (opts.json) {
        process.stdout.write(JSON.stringify(filtered, null, 1) + "\n");
        return;
      }
      for (const r of filtered) {
        process.stdout.write(`“${r.text.length > 200 ? r.text.slice(0, 200) + "…" : r.text}”\n   — ${r.speakerName ?? r.speaker ?? "unknown speaker"}${r.speakerName && r.speaker && r.speaker !== r.speakerName ? ` (“${r.speaker}”)` : ""}; ${r.outlet ?? r.file}${r.published ? `, ${r.published}` : ""}\n`);
      }
      if (!filtered.length) process.stdout.write("No quotes stored yet (or none match).\n");
    });
}
