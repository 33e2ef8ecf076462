import { createRequire } from "node:module";
import type { KbEntry } from "./knowledge-base.js";

interface CountriesLib {
  registerLocale(data: unknown): void;
  getAlpha2Codes(): Record<string, string>;
  getName(code: string, lang: string, opts?: { select: "all" | "official" | "alias" }): string[] | string | undefined;
}

// English, French and Arabic are the languages sitrep reads; Spanish names cost little and catch syndicated copies.
const LANGS = ["en", "fr", "ar", "es"] as const;

/** "Korea, Republic of" → "korea-republic-of" */
function slug(s: string): string {
  return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** Picks the everyday English name: no comma, not an acronym, the shortest ("Russia" over "Russian Federation"). */
function everydayName(names: readonly string[]): string {
  const good = names.filter((n) => !n.includes(",") && n !== n.toUpperCase());
  return [...(good.length ? good : names)].sort((a, b) => a.length - b.length)[0];
}

/** Reads data/kb/country-centroids.tsv (generated): ISO code → representative point. */
export function parseCentroids(text: string): Map<string, { lat: number; lon: number }> {
  const out = new Map<string, { lat: number; lon: number }>();
  for (const line of text.split(/\r?\n/)) {
    if (!line || line.startsWith("#")) continue;
    const [iso, lat, lon] = line.split("\t");
    const la = Number(lat), lo = Number(lon);
    if (iso && Number.isFinite(la) && Number.isFinite(lo) && Math.abs(la) <= 90 && Math.abs(lo) <= 180) out.set(iso, { lat: la, lon: lo });
  }
  return out;
}

/**
 * One state entry per ISO 3166 country from i18n-iso-countries (English, French and Arabic names), merged with the
 * hand-kept overlay entries of data/kb/states.jsonl (matched by their `iso` code): the overlay sets id, canonical
 * name, extra aliases (capitals used as metonyms, "Zionist regime"), Wikidata ids, and `drop`s ambiguous names.
 */
export function countryEntries(
  overlay: ReadonlyMap<string, KbEntry & { iso?: string; drop?: string[] }>,
  centroids: ReadonlyMap<string, { lat: number; lon: number }> = new Map(),
): KbEntry[] {
  // the library core plus only the locales we read (the package entry point loads all ~80 of them)
  const req = createRequire(import.meta.url);
  const lib = req("i18n-iso-countries/index.js") as CountriesLib;
  for (const l of LANGS) lib.registerLocale(req(`i18n-iso-countries/langs/${l}.json`));
  const out: KbEntry[] = [];
  const used = new Set<string>([...overlay.values()].map((o) => o.id));
  for (const code of Object.keys(lib.getAlpha2Codes())) {
    const names: string[] = [];
    const en: string[] = [];
    for (const l of LANGS) {
      const n = lib.getName(code, l, { select: "all" });
      const list = Array.isArray(n) ? n : n ? [n] : [];
      for (const x of list) if (!names.includes(x)) names.push(x);
      if (l === "en") en.push(...list);
    }
    if (!en.length) continue;
    const o = overlay.get(code);
    const drop = new Set(o?.drop ?? []);
    const name = o?.name ?? everydayName(en);
    const aliases = [...(o?.aliases ?? []), ...names].filter((a, i, all) => a !== name && !drop.has(a) && all.indexOf(a) === i);
    const { drop: _d, ...rest } = o ?? ({} as Partial<KbEntry> & { drop?: string[] });
    // "Congo" names two states: the second gets its ISO code appended
    let id = o?.id ?? slug(name);
    if (!o && used.has(id)) id = `${id}-${code.toLowerCase()}`;
    used.add(id);
    // a country-level point (its main landmass's centroid) unless the overlay sets one: events placed at a country
    // then reach the map, at country precision
    const point = rest.lat != null ? null : centroids.get(code);
    out.push({ ...rest, ...(point ? { lat: point.lat, lon: point.lon, geoPrecision: "country" } : {}), id, type: "state", name, aliases, iso: code } as KbEntry);
  }
  return out;
}
