import type { KnowledgeBase } from "../kb/knowledge-base.js";
import type { GraphRows } from "../store/news-store.js";
import type { Graph } from "./schemas.js";

/** PLOVER types in which the actor acts against the target. */
export const HOSTILE_TYPES: ReadonlySet<string> = new Set(["ASSAULT", "COERCE", "THREATEN", "SANCTION", "ACCUSE", "PROTEST", "REJECT", "MOBILIZE"]);
/** PLOVER types in which the actor works with the target. */
export const COOPERATIVE_TYPES: ReadonlySet<string> = new Set(["COOPERATE", "AID", "SUPPORT"]);
/** KB relations by which a quoted speaker speaks for a body: a leader or member of it, a ministry part of a state. */
const SPEAKS_FOR = new Set(["leader of", "member of", "part of"]);

/**
 * The actor graph: acts-against edges (hostile events, actor → target), allies-with edges (cooperation events),
 * speaks-for edges (quoted speaker → the body the KB says they belong to), heaviest first, at most `limit`; nodes
 * are the edges' ends, named and typed by the KB (else by the store), with their document counts.
 */
export function buildGraph(
  rows: GraphRows,
  kb: KnowledgeBase,
  stored: ReadonlyMap<string, { name: string; type: string; documents: number }>,
  limit: number,
): Graph {
  const edges = new Map<string, Graph["edges"][number]>();
  const add = (source: string, target: string, kind: Graph["edges"][number]["kind"], n: number) => {
    const k = `${source}|${target}|${kind}`;
    const e = edges.get(k) ?? { source, target, kind, count: 0 };
    e.count += n;
    edges.set(k, e);
  };
  for (const r of rows.events) {
    if (HOSTILE_TYPES.has(r.type)) add(r.actorKb, r.targetKb, "acts-against", r.count);
    else if (COOPERATIVE_TYPES.has(r.type)) add(r.actorKb, r.targetKb, "allies-with", r.count);
  }
  for (const s of rows.speakers) {
    for (const rel of kb.get(s.kb)?.relations ?? []) if (SPEAKS_FOR.has(rel.rel) && kb.get(rel.target)) add(s.kb, rel.target, "speaks-for", s.count);
  }
  const kept = [...edges.values()].sort((a, b) => b.count - a.count || a.source.localeCompare(b.source) || a.target.localeCompare(b.target)).slice(0, limit);
  const ids = [...new Set(kept.flatMap((e) => [e.source, e.target]))];
  const nodes = ids.map((id) => {
    const e = kb.get(id);
    const s = stored.get(id);
    return { id, name: e?.name ?? s?.name ?? id, type: e?.type ?? s?.type ?? "organization", documents: s?.documents ?? 0 };
  });
  return { nodes, edges: kept };
}
