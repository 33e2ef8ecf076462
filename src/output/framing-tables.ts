import type { ContractDocument } from "./to-contract.js";

/** Loaded terms one outlet uses, with counts and their neutral alternatives. */
export interface OutletFraming {
  readonly outlet: string;
  readonly documents: number;
  readonly terms: readonly { term: string; category: string; neutral: string; count: number; inQuotes: number }[];
}

/** How each outlet names one entity: the surface forms of its mentions, most frequent first. */
export interface NamingRow {
  readonly entity: string;
  readonly kb: string | null;
  readonly byOutlet: readonly { outlet: string; names: readonly { text: string; count: number }[] }[];
}

type Fr = { term: string; category: string; neutral: string; voice?: string };
type En = { kb: string | null; name: string; mentions: { text: string }[] };

/** The entity types whose naming the framing lens compares by default: the actors. */
export const ACTOR_TYPES: ReadonlySet<string> = new Set(["armed_group", "state", "person", "government_body"]);

const outletOf = (d: ContractDocument) => d.outlet?.name ?? "(unknown outlet)";

/** Per outlet: the loaded terms of its articles, whoever's words they are. */
export function framingByOutlet(docs: readonly ContractDocument[]): OutletFraming[] {
  const by = new Map<string, { docs: number; terms: Map<string, { term: string; category: string; neutral: string; count: number; inQuotes: number }> }>();
  for (const d of docs) {
    const o = outletOf(d);
    const e = by.get(o) ?? { docs: 0, terms: new Map() };
    e.docs++;
    for (const f of d.framing as Fr[]) {
      const k = f.term.toLowerCase();
      const t = e.terms.get(k) ?? { term: f.term, category: f.category, neutral: f.neutral, count: 0, inQuotes: 0 };
      t.count++;
      if (f.voice === "quote") t.inQuotes++;
      e.terms.set(k, t);
    }
    by.set(o, e);
  }
  return [...by].map(([outlet, e]) => ({ outlet, documents: e.docs, terms: [...e.terms.values()].sort((a, b) => b.count - a.count) })).sort((a, b) => b.documents - a.documents);
}

/** Per entity (optionally only those named by `only`): the names each outlet uses for it. */
export function namingByOutlet(docs: readonly ContractDocument[], only?: (e: { kb: string | null; name: string }) => boolean): NamingRow[] {
  const rows = new Map<string, { entity: string; kb: string | null; outlets: Map<string, Map<string, number>> }>();
  for (const d of docs) {
    for (const e of d.entities as En[]) {
      if (only && !only(e)) continue;
      const key = e.kb ?? `name:${e.name}`;
      const row = rows.get(key) ?? { entity: e.name, kb: e.kb, outlets: new Map() };
      const names = row.outlets.get(outletOf(d)) ?? new Map<string, number>();
      for (const m of e.mentions) names.set(m.text, (names.get(m.text) ?? 0) + 1);
      row.outlets.set(outletOf(d), names);
      rows.set(key, row);
    }
  }
  return [...rows.values()].map((r) => ({
    entity: r.entity,
    kb: r.kb,
    byOutlet: [...r.outlets].map(([outlet, names]) => ({ outlet, names: [...names].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count) })),
  }));
}

/**
 * The framing lens over documents: loaded terms per outlet, and how each outlet names the actors (or, with `entity`,
 * only the entities whose KB id is it or whose name contains it).
 */
export function framingLens(docs: readonly ContractDocument[], entity?: string): { terms: OutletFraming[]; naming: NamingRow[] } {
  const e = entity?.toLowerCase();
  const only = e
    ? (x: { kb: string | null; name: string }) => x.kb === e || x.name.toLowerCase().includes(e)
    : (x: { kb: string | null; name: string }) => ACTOR_TYPES.has((x as { type?: string }).type ?? "armed_group");
  return { terms: framingByOutlet(docs), naming: namingByOutlet(docs, only) };
}
