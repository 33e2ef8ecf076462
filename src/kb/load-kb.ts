import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ENTITY_TYPES, type EntityType } from "../core/doc.js";
import { SitrepError } from "../core/errors.js";
import { foldName } from "./fold-name.js";
import type { KbEntry, KnowledgeBase } from "./knowledge-base.js";

const TYPES = new Set<string>(ENTITY_TYPES);

/** Validates one parsed line of a KB file. */
function validate(rec: unknown, where: string): KbEntry {
  if (!rec || typeof rec !== "object") throw new SitrepError("E_DATA", `${where}: expected a JSON object`, "see data/kb/README.md");
  const r = rec as Record<string, unknown>;
  if (typeof r.id !== "string" || !/^[a-z0-9][a-z0-9-]*$/.test(r.id)) throw new SitrepError("E_DATA", `${where}: "id" must be a kebab-case string`, "see data/kb/README.md");
  if (typeof r.type !== "string" || !TYPES.has(r.type)) throw new SitrepError("E_DATA", `${where}: "type" must be one of ${ENTITY_TYPES.join(", ")}`, "fix the type");
  if (typeof r.name !== "string" || !r.name.trim()) throw new SitrepError("E_DATA", `${where}: "name" is required`, "add the canonical name");
  if (r.aliases !== undefined && (!Array.isArray(r.aliases) || r.aliases.some((a) => typeof a !== "string"))) throw new SitrepError("E_DATA", `${where}: "aliases" must be an array of strings`, "fix the aliases");
  return { ...(r as unknown as KbEntry), type: r.type as EntityType, aliases: (r.aliases as string[] | undefined) ?? [] };
}

/** Loads every data/kb/*.jsonl file into a validated knowledge base. */
export function loadKb(dataDir: string): KnowledgeBase {
  const dir = join(dataDir, "kb");
  const byId = new Map<string, KbEntry>();
  const byName = new Map<string, KbEntry[]>();
  const byHost = new Map<string, KbEntry>();
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort() : [];
  for (const f of files) {
    const lines = readFileSync(join(dir, f), "utf8").split(/\r?\n/);
    lines.forEach((line, i) => {
      if (!line.trim() || line.startsWith("//")) return;
      const where = `data/kb/${f}:${i + 1}`;
      let rec: unknown;
      try {
        rec = JSON.parse(line);
      } catch (e) {
        throw new SitrepError("E_DATA", `${where}: invalid JSON (${(e as Error).message})`, "one JSON object per line");
      }
      const entry = validate(rec, where);
      if (byId.has(entry.id)) throw new SitrepError("E_DATA", `${where}: duplicate id "${entry.id}"`, "ids must be unique across data/kb");
      byId.set(entry.id, entry);
      for (const n of [entry.name, ...entry.aliases]) {
        const k = foldName(n);
        const list = byName.get(k) ?? [];
        if (!list.includes(entry)) list.push(entry);
        byName.set(k, list);
      }
      for (const h of entry.domains ?? []) byHost.set(h.toLowerCase().replace(/^www\./, ""), entry);
    });
  }
  return {
    size: byId.size,
    get: (id) => byId.get(id),
    all: () => byId.values(),
    lookup: (name) => byName.get(foldName(name)) ?? [],
    findOutlet(nameOrHost) {
      const h = nameOrHost.toLowerCase().replace(/^www\./, "");
      const byH = byHost.get(h);
      if (byH) return byH;
      return (byName.get(foldName(nameOrHost)) ?? []).find((e) => e.type === "media");
    },
  };
}
