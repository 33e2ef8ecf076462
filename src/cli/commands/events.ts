import type { Command } from "commander";
import { SitrepError } from "../../core/errors.js";
import { eventLine } from "../../output/render-report.js";
import { eventsToCsv, eventsToGeoJson, eventsToPlover } from "../../output/export-events.js";
import { DB_OPTION, withStore } from "../with-store.js";

const FORMATS = ["text", "json", "csv", "plover", "geojson"] as const;

/** `sitrep events [--actor X] [--type T] [--since D] [--format json|csv|plover|geojson]` */
export function eventsCommand(program: Command): void {
  program
    .command("events")
    .description("list or export the stored events")
    .option(...DB_OPTION)
    .option("--actor <name>", "actor KB id or a part of the actor's name")
    .option("--type <T>", "PLOVER type, e.g. ASSAULT, THREATEN")
    .option("--since <date>", "events dated on or after YYYY-MM-DD")
    .option("--limit <n>", "at most this many", (v) => Number(v))
    .option("--format <f>", `one of ${FORMATS.join(", ")}`, "text")
    .option("--json", "same as --format json")
    .addHelpText("after", `
Formats: json (contract events with their source), csv (ACLED-style columns), plover (JSON lines), geojson (events with coordinates).
Example: sitrep events --type ASSAULT --since 2024-01-01 --format csv > assaults.csv`)
    .action(async (opts: { db?: string; actor?: string; type?: string; since?: string; limit?: number; format: string; json?: boolean }) => {
      const format = opts.json ? "json" : opts.format;
      if (!(FORMATS as readonly string[]).includes(format)) throw new SitrepError("E_USAGE", `unknown --format "${format}"`, `use one of ${FORMATS.join(", ")}`);
      if (opts.since && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(opts.since)) throw new SitrepError("E_USAGE", `--since "${opts.since}" is not a date`, "write it as YYYY-MM-DD");
      const events = await withStore(opts.db, (s) => s.listEvents({ actor: opts.actor, type: opts.type, since: opts.since, limit: opts.limit }));
      if (format === "json") process.stdout.write(JSON.stringify(events.map((e) => ({ ...e.record, source: { file: e.file, outlet: e.outlet, url: e.url } })), null, 1) + "\n");
      else if (format === "csv") process.stdout.write(eventsToCsv(events));
      else if (format === "plover") process.stdout.write(eventsToPlover(events));
      else if (format === "geojson") process.stdout.write(eventsToGeoJson(events));
      else for (const e of events) process.stdout.write(`${eventLine(e.record as Parameters<typeof eventLine>[0])}  — ${e.outlet ?? e.file}\n`);
    });
}
