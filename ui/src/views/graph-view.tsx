import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationLinkDatum, type SimulationNodeDatum } from "d3-force";
import { useMemo } from "react";
import { apiUrl } from "../api/api-get";
import type { EntityDetail, Graph } from "../api/types";
import { useApi } from "../api/use-api";
import { FilterBar } from "../components/filter-bar";
import { filterValues, type FilterKey } from "../components/filter-fields";
import { Empty, ErrorBox, Loading } from "../components/status";
import { EDGE_KINDS, edgeColor, entityColor } from "../lib/palette";
import { useWidth } from "../lib/use-width";
import { Link } from "../router/link";
import { navigate } from "../router/navigate";
import { useLocation } from "../router/use-location";
import { withQuery } from "../router/with-query";

const KEYS: readonly FilterKey[] = ["type", "since", "until"];
const KINDS = ["acts-against", "allies-with", "speaks-for"];

type Node = Graph["nodes"][number] & SimulationNodeDatum & { r: number };
type Edge = Omit<Graph["edges"][number], "source" | "target"> & SimulationLinkDatum<Node>;

/**
 * Who acts against, allies with and speaks for whom: a force layout of the actors (size: documents, colour: entity
 * type) and their relations (colour: kind, width: events). Clicking an actor shows its entity detail and events.
 * State: ?since&until&type, ?focus=<entity id>, ?hide=<edge kinds>.
 */
export function GraphView() {
  const { path, query } = useLocation();
  const res = useApi<Graph>(apiUrl("/api/graph", filterValues(query, KEYS)));
  const focus = query.get("focus");
  const hidden = new Set((query.get("hide") ?? "").split(",").filter(Boolean));
  const toggleKind = (k: string) => {
    const next = new Set(hidden);
    if (next.has(k)) next.delete(k);
    else next.add(k);
    navigate(withQuery(path, query, { hide: [...next].sort().join(",") }), { replace: true });
  };
  const counts = new Map<string, number>();
  for (const e of res.data?.edges ?? []) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
  return (
    <div className="list-view graph-view">
      <h1>Actors graph</h1>
      <FilterBar keys={KEYS} />
      <div className="toolbar legend-toolbar" role="group" aria-label="Edge kinds">
        {KINDS.map((k) => (
          <label key={k} className={`layer edge-${k}${hidden.has(k) ? " off" : ""}`}>
            <input type="checkbox" checked={!hidden.has(k)} onChange={() => toggleKind(k)} />
            <svg width="22" height="10" aria-hidden="true">
              <line x1="1" y1="5" x2="21" y2="5" stroke={edgeColor(k)} strokeWidth="3" />
            </svg>
            {k} <span className="n">{counts.get(k) ?? 0}</span>
          </label>
        ))}
        {res.data && (
          <span className="muted count">
            {res.data.nodes.length} actors · {res.data.edges.length} links
          </span>
        )}
      </div>
      {res.loading && <Loading what="the actor graph" />}
      {res.error && <ErrorBox error={res.error} what="the actor graph" />}
      {res.data && res.data.nodes.length === 0 && <Empty>No actor relations for these filters.</Empty>}
      {res.data && res.data.nodes.length > 0 && (
        <div className="graph-layout">
          <ForceGraph graph={res.data} hidden={hidden} focus={focus} onFocus={(id) => navigate(withQuery(path, query, { focus: id === focus ? null : id }), { replace: true })} />
          <aside className="graph-side" aria-label="Actor">
            {focus ? <EntityPanel id={focus} graph={res.data} /> : <p className="muted">Click an actor for its aliases, relations, documents and events.</p>}
          </aside>
        </div>
      )}
    </div>
  );
}

function ForceGraph({ graph, hidden, focus, onFocus }: { graph: Graph; hidden: ReadonlySet<string>; focus: string | null; onFocus: (id: string) => void }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const height = Math.round(Math.max(420, Math.min(720, width * 0.62)));
  // The layout depends on the data only, not on the size: computed once, then scaled to the box.
  const layout = useMemo(() => {
    const nodes: Node[] = graph.nodes.map((n) => ({ ...n, r: 5 + 2.2 * Math.sqrt(n.documents) }));
    const ids = new Set(nodes.map((n) => n.id));
    const edges: Edge[] = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target).map((e) => ({ ...e }));
    const sim = forceSimulation(nodes)
      .force("link", forceLink<Node, Edge>(edges).id((d) => d.id).distance(70).strength(0.4))
      .force("charge", forceManyBody().strength(-220))
      .force("x", forceX(0).strength(0.06))
      .force("y", forceY(0).strength(0.06))
      .force("collide", forceCollide<Node>().radius((d) => d.r + 14))
      .stop();
    for (let i = 0; i < 300; i++) sim.tick();
    return { nodes, edges };
  }, [graph]);
  const M = 60;
  const xs = layout.nodes.map((n) => n.x ?? 0);
  const ys = layout.nodes.map((n) => n.y ?? 0);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const s = Math.min((width - 2 * M) / Math.max(1, x1 - x0), (height - 2 * M) / Math.max(1, y1 - y0), 2.2);
  const X = (v: number) => M + (v - x0) * s + ((width - 2 * M) - (x1 - x0) * s) / 2;
  const Y = (v: number) => M + (v - y0) * s + ((height - 2 * M) - (y1 - y0) * s) / 2;
  const near = new Set<string>();
  if (focus) {
    near.add(focus);
    for (const e of layout.edges) {
      const a = (e.source as Node).id;
      const b = (e.target as Node).id;
      if (a === focus) near.add(b);
      if (b === focus) near.add(a);
    }
  }
  const maxCount = Math.max(1, ...layout.edges.map((e) => e.count));
  return (
    <div ref={ref} className="chart graph-chart">
      <svg width={width} height={height} role="img" aria-label={`Graph of ${layout.nodes.length} actors`}>
        <defs>
          {EDGE_KINDS.map((k) => (
            <marker key={k} id={`arrow-${k}`} viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M0,0 L10,5 L0,10 z" fill={edgeColor(k)} />
            </marker>
          ))}
        </defs>
        {layout.edges
          .filter((e) => !hidden.has(e.kind))
          .map((e, i) => {
            const a = e.source as Node;
            const b = e.target as Node;
            const [ax, ay, bx, by] = [X(a.x ?? 0), Y(a.y ?? 0), X(b.x ?? 0), Y(b.y ?? 0)];
            const len = Math.hypot(bx - ax, by - ay) || 1;
            // Stop the line at the target's rim so the arrowhead shows; bend it a little so a → b and b → a differ.
            const ex = bx - ((bx - ax) / len) * (b.r * Math.min(s, 1.4) + 3);
            const ey = by - ((by - ay) / len) * (b.r * Math.min(s, 1.4) + 3);
            const mx = (ax + ex) / 2 + ((ey - ay) / len) * 14;
            const my = (ay + ey) / 2 - ((ex - ax) / len) * 14;
            const dim = focus && !(a.id === focus || b.id === focus);
            return (
              <path
                key={i}
                d={`M${ax},${ay} Q${mx},${my} ${ex},${ey}`}
                className={`edge kind-${e.kind}${dim ? " dim" : ""}`}
                stroke={edgeColor(e.kind)}
                strokeWidth={1.2 + 3.5 * (e.count / maxCount)}
                fill="none"
                markerEnd={`url(#arrow-${e.kind})`}
              >
                <title>{`${a.name} ${e.kind} ${b.name} (${e.count})`}</title>
              </path>
            );
          })}
        {layout.nodes.map((n) => {
          const r = n.r * Math.min(s, 1.4);
          const dim = focus && !near.has(n.id);
          return (
            <g
              key={n.id}
              className={`node${focus === n.id ? " sel" : ""}${dim ? " dim" : ""}`}
              transform={`translate(${X(n.x ?? 0)},${Y(n.y ?? 0)})`}
              role="button"
              tabIndex={0}
              aria-label={n.name}
              onClick={() => onFocus(n.id)}
              onKeyDown={(e) => e.key === "Enter" && onFocus(n.id)}
              data-node={n.id}
            >
              <title>{`${n.name} (${n.type}) · ${n.documents} document${n.documents === 1 ? "" : "s"}`}</title>
              <circle r={r} fill={entityColor(n.type)} />
              <text x={r + 4} y={4} className="node-label">
                {n.name}
              </text>
            </g>
          );
        })}
      </svg>
    </div>
  );
}

/** The focused actor: KB facts, its links in this graph, documents that mention it, and where to go next. */
function EntityPanel({ id, graph }: { id: string; graph: Graph }) {
  const res = useApi<EntityDetail>(`/api/entities/${encodeURIComponent(id)}`);
  const node = graph.nodes.find((n) => n.id === id);
  const name = (x: string) => graph.nodes.find((n) => n.id === x)?.name ?? x;
  const out = graph.edges.filter((e) => e.source === id);
  const inc = graph.edges.filter((e) => e.target === id);
  const kb = res.data?.kb ?? (id.startsWith("name:") ? null : id);
  const actorParam = kb ?? res.data?.name ?? node?.name ?? id;
  return (
    <div className="entity-panel">
      <h2>{res.data?.name ?? node?.name ?? id}</h2>
      <p className="sub">
        <span className={`chip et-${res.data?.type ?? node?.type}`}>{(res.data?.type ?? node?.type ?? "").replace("_", " ")}</span>
        {kb && <code> kb:{kb}</code>}
        {res.data?.wikidata && <span className="muted"> · {res.data.wikidata}</span>}
      </p>
      <p>
        <Link to={`/events?actor=${encodeURIComponent(actorParam)}`}>Its events →</Link> · <Link to={`/stance?actor=${encodeURIComponent(actorParam)}`}>Stance timeline →</Link>
      </p>
      {(out.length > 0 || inc.length > 0) && (
        <ul className="edges-list">
          {out.map((e, i) => (
            <li key={`o${i}`}>
              <span className={`rel edge-${e.kind}`}>{e.kind}</span> {name(e.target)} <span className="n">×{e.count}</span>
            </li>
          ))}
          {inc.map((e, i) => (
            <li key={`i${i}`}>
              {name(e.source)} <span className={`rel edge-${e.kind}`}>{e.kind}</span> it <span className="n">×{e.count}</span>
            </li>
          ))}
        </ul>
      )}
      {res.loading && <Loading what="the entity" />}
      {res.error && <ErrorBox error={res.error} what="the entity" />}
      {res.data && (
        <>
          {res.data.aliases.length > 0 && (
            <p className="aliases" dir="auto">
              <span className="muted">Aliases: </span>
              {res.data.aliases.join(" · ")}
            </p>
          )}
          {res.data.writtenAs.length > 0 && (
            <p className="aliases" dir="auto">
              <span className="muted">Written as: </span>
              {res.data.writtenAs.join(" · ")}
            </p>
          )}
          {res.data.relations.length > 0 && (
            <ul className="kb-rel">
              {res.data.relations.map((r, i) => (
                <li key={i}>
                  {r.rel} <strong>{r.name}</strong>
                </li>
              ))}
            </ul>
          )}
          <h3>
            In {res.data.documentCount} document{res.data.documentCount === 1 ? "" : "s"} ({res.data.mentions} mentions)
          </h3>
          <ul className="doc-list">
            {res.data.documents.slice(0, 20).map((d) => (
              <li key={d.id}>
                <Link to={`/documents/${encodeURIComponent(d.id)}${kb ? `?sel=${encodeURIComponent(`kb:${kb}`)}` : ""}`} dir="auto">
                  {d.title ?? d.file}
                </Link>{" "}
                <span className="muted">
                  {d.outlet ?? ""} {d.published ?? ""}
                </span>
              </li>
            ))}
          </ul>
          {res.data.coMentioned.length > 0 && (
            <p>
              <span className="muted">Appears with: </span>
              {res.data.coMentioned.slice(0, 12).map((c, i) => (
                <span key={c.id}>
                  {i > 0 && ", "}
                  {c.name} <span className="n">{c.documents}</span>
                </span>
              ))}
            </p>
          )}
        </>
      )}
    </div>
  );
}
