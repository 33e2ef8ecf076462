import type { ContractOutput } from "./to-contract.js";

type Ev = { type: string; mode?: string | null; status: string; actor?: { text: string } | null; target?: { text: string } | null; location?: { text: string } | null; date?: { date: string } | null; counts?: Record<string, number>; attribution?: { text: string } | null };

/** One line for an event: "2021-03-03 ASSAULT/explosives (occurred) ? → American forces @ Ain al-Assad — killed 2 [officials said]". */
export function eventLine(e: Ev): string {
  const counts = Object.entries(e.counts ?? {}).map(([k, v]) => `${k} ${v}`).join(", ");
  return [
    (e.date?.date ?? "date?").padEnd(10),
    `${e.type}${e.mode ? "/" + e.mode : ""}`,
    `(${e.status})`,
    `${e.actor?.text ?? "?"} → ${e.target?.text ?? "?"}`,
    e.location ? `@ ${e.location.text}` : "",
    counts ? `— ${counts}` : "",
    e.attribution ? `[${e.attribution.text}]` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** A readable situation report: stories newest first, each with its sources and events. */
export function renderReport(out: ContractOutput): string {
  const byFile = new Map(out.documents.map((d) => [d.file, d]));
  const newest = (files: string[]) => files.map((f) => byFile.get(f)?.published?.date ?? "").sort().at(-1) ?? "";
  const stories = [...out.stories].sort((a, b) => newest(b.documents).localeCompare(newest(a.documents)));
  const lines: string[] = [];
  lines.push(`SITUATION REPORT — ${out.documents.length} document(s), ${stories.length} story(ies)`);
  if (out.failures.length) lines.push(`${out.failures.length} item(s) could not be read (see stderr)`);
  lines.push("");
  for (const s of stories) {
    const when = newest(s.documents) || "undated";
    lines.push(`■ ${s.title ?? "(untitled)"}  [${when}]`);
    for (const f of s.documents) {
      const d = byFile.get(f);
      if (!d) continue;
      const rel = s.relations.find((r) => r.from === f);
      lines.push(`  · ${d.outlet?.name ?? "unknown outlet"} (${d.language ?? "?"}, ${d.published?.date ?? "no date"}) ${d.file}${rel ? ` — ${rel.kind} of ${rel.to}` : ""}`);
    }
    const events = s.documents.flatMap((f) => (byFile.get(f)?.events ?? []) as Ev[]);
    const seen = new Set<string>();
    for (const e of events) {
      const line = eventLine(e);
      if (seen.has(line)) continue;
      seen.add(line);
      lines.push(`    ${line}`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
