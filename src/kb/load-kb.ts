import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ENTITY_TYPES, type EntityType } from "../core/doc.js";
import { SitrepError } from "../core/errors.js";
import { countryEntries, parseCentroids } from "./country-entries.js";
import { foldName } from "./fold-name.js";
import type { KbEntry, KnowledgeBase } from "./knowledge-base.js";

const TYPES = new Set<string>(ENTITY_TYPES);
const STATE_OVERLAY = "states.jsonl";
const FIX = "see data/kb/README.md";

type Raw = KbEntry & { iso?: string; drop?: string[] };

/** Validates one parsed line of a KB file. */
function validate(rec: unknown, where: string): Raw {
  if (!rec || typeof rec !== "object") throw new SitrepError("E_DATA", `${where}: expected a JSON object`, FIX);
  const r = rec as Record<string, unknown>;
  if (typeof r.id !== "string" || !/^[a-z0-9][a-z0-9-]*$/.test(r.id)) throw new SitrepError("E_DATA", `${where}: "id" must be a kebab-case string`, FIX);
  if (typeof r.type !== "string" || !TYPES.has(r.type)) throw new SitrepError("E_DATA", `${where}: "type" must be one of ${ENTITY_TYPES.join(", ")}`, "fix the type");
  if (typeof r.name !== "string" || !r.name.trim()) throw new SitrepError("E_DATA", `${where}: "name" is required`, "add the canonical name");
  const strings = (k: string) => r[k] === undefined || (Array.isArray(r[k]) && (r[k] as unknown[]).every((a) => typeof a === "string" && a.trim() !== ""));
  for (const k of ["aliases", "domains", "roles", "drop", "demonyms", "quoted"]) if (!strings(k)) throw new SitrepError("E_DATA", `${where}: "${k}" must be an array of non-empty strings`, FIX);
  if (r.wikidata != null && (typeof r.wikidata !== "string" || !/^Q\d+$/.test(r.wikidata))) throw new SitrepError("E_DATA", `${where}: "wikidata" must look like "Q123"`, FIX);
  for (const k of ["lat", "lon"]) if (r[k] != null && typeof r[k] !== "number") throw new SitrepError("E_DATA", `${where}: "${k}" must be a number`, FIX);
  if (r.lat != null && (Math.abs(r.lat as number) > 90 || r.lon == null || Math.abs(r.lon as number) > 180)) throw new SitrepError("E_DATA", `${where}: lat/lon out of range or incomplete`, FIX);
  if (r.relations !== undefined && (!Array.isArray(r.relations) || r.relations.some((x) => !x || typeof x.rel !== "string" || typeof x.target !== "string")))
    throw new SitrepError("E_DATA", `${where}: "relations" must be [{"rel","target"}]`, FIX);
  if (r.iso !== undefined && (typeof r.iso !== "string" || !/^[A-Z]{2}$/.test(r.iso))) throw new SitrepError("E_DATA", `${where}: "iso" must be an ISO 3166 alpha-2 code`, FIX);
  return { ...(r as unknown as Raw), type: r.type as EntityType, aliases: (r.aliases as string[] | undefined) ?? [] };
}

function readJsonl(file: string, label: string): Raw[] {
  const out: Raw[] = [];
  readFileSync(file, "utf8").split(/\r?\n/).forEach((line, i) => {
    if (!line.trim() || line.startsWith("//")) return;
    const where = `${label}:${i + 1}`;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (e) {
      throw new SitrepError("E_DATA", `${where}: invalid JSON (${(e as Error).message})`, "one JSON object per line");
    }
    out.push(validate(rec, where));
  });
  return out;
}

/** Builds a knowledge base from validated entries (used by loadKb and by tests over small fixtures). */
export function createKb(entries: readonly KbEntry[]): KnowledgeBase {
  const byId = new Map<string, KbEntry>();
  const byName = new Map<string, KbEntry[]>();
  const byHost = new Map<string, KbEntry>();
  for (const entry of entries) {
    if (byId.has(entry.id)) throw new SitrepError("E_DATA", `data/kb: duplicate id "${entry.id}"`, "ids must be unique across data/kb");
    byId.set(entry.id, entry);
    for (const n of [entry.name, ...entry.aliases]) {
      const k = foldName(n);
      const list = byName.get(k) ?? [];
      if (!list.includes(entry)) list.push(entry);
      byName.set(k, list);
    }
    for (const h of entry.domains ?? []) byHost.set(h.toLowerCase().replace(/^www\./, ""), entry);
  }
  for (const e of byId.values())
    for (const r of e.relations ?? [])
      if (!byId.has(r.target)) throw new SitrepError("E_DATA", `data/kb: "${e.id}" has a relation to unknown id "${r.target}"`, "add the target entry or fix the id");
  const outlets = new Map<string, KbEntry | undefined>();
  return {
    size: byId.size,
    get: (id) => byId.get(id),
    all: () => byId.values(),
    lookup: (name) => byName.get(foldName(name)) ?? [],
    findOutlet(nameOrHost) {
      // the same outlets and hosts come back article after article: one Map look-up for one seen before
      let e = outlets.get(nameOrHost);
      if (e === undefined && !outlets.has(nameOrHost)) {
        if (outlets.size >= 20_000) outlets.clear();
        const h = nameOrHost.toLowerCase().replace(/^www\./, "");
        e = byHost.get(h) ?? byHost.get(h.split(".").slice(-2).join(".")) ?? (byName.get(foldName(nameOrHost)) ?? []).find((x) => x.type === "media");
        // (a long name may be a slice of an article: the memo keeps a copy of its own)
        outlets.set(nameOrHost.length >= 13 ? (" " + nameOrHost).slice(1) : nameOrHost, e);
      }
      return e;
    },
  };
}

/**
 * The entry with every field of KbEntry, in one order (undefined where the file has none): entries read from lines with
 * eighteen different sets of keys, and the merged states, had some twenty object shapes, so that every pass reading
 * an entry's fields (name resolution, roles, relations) met more shapes than its compiled code could hold and was
 * compiled again ("wrong map"). Absent and undefined fields read alike, and JSON leaves both out.
 */
export function uniformEntry(e: KbEntry): KbEntry {
  return {
    id: e.id, type: e.type, name: e.name, aliases: e.aliases, wikidata: e.wikidata, lat: e.lat, lon: e.lon, geoPrecision: e.geoPrecision,
    domains: e.domains, relations: e.relations, roles: e.roles, demonyms: e.demonyms, quoted: e.quoted, iso: e.iso,
  };
}

/** Loads every data/kb/*.jsonl file, plus the ISO countries merged with states.jsonl, into a validated knowledge base. */
export function loadKb(dataDir: string): KnowledgeBase {
  const dir = join(dataDir, "kb");
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort() : [];
  const entries: KbEntry[] = [];
  const overlay = new Map<string, Raw>();
  for (const f of files) {
    for (const e of readJsonl(join(dir, f), `data/kb/${f}`)) {
      if (f === STATE_OVERLAY) {
        if (!e.iso) throw new SitrepError("E_DATA", `data/kb/${f}: "${e.id}" needs an "iso" code`, FIX);
        overlay.set(e.iso, e);
      } else entries.push(e);
    }
  }
  const centroidFile = join(dir, "country-centroids.tsv");
  const states = countryEntries(overlay, existsSync(centroidFile) ? parseCentroids(readFileSync(centroidFile, "utf8")) : new Map());
  const isos = new Set(states.map((s) => (s as Raw).iso));
  for (const code of overlay.keys()) if (!isos.has(code)) throw new SitrepError("E_DATA", `data/kb/${STATE_OVERLAY}: unknown ISO code "${code}"`, FIX);
  return createKb([...entries, ...states].map(uniformEntry));
}
