import { geoEqualEarth, geoGraticule10, geoPath, type GeoPermissibleObjects } from "d3-geo";
import { useMemo, useState } from "react";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import countries110m from "world-atlas/countries-110m.json";
import { apiUrl } from "../api/api-get";
import type { EventItem, Page } from "../api/types";
import { useApi } from "../api/use-api";
import { EventTable } from "../components/event-table";
import { FilterBar } from "../components/filter-bar";
import { filterValues, type FilterKey } from "../components/filter-fields";
import { Empty, ErrorBox, Loading } from "../components/status";
import { PLOVER_TYPES, typeColor } from "../lib/palette";
import { useWidth } from "../lib/use-width";
import { navigate } from "../router/navigate";
import { useLocation } from "../router/use-location";
import { withQuery } from "../router/with-query";

const KEYS: readonly FilterKey[] = ["actor", "type", "status", "place", "language", "outlet", "since", "until"];

// Country shapes bundled from world-atlas (Natural Earth 1:110m): the map needs no network.
const topo = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
const COUNTRIES = feature(topo, topo.objects.countries);

/** Events at one place (the KB's coordinates of their location). */
interface PlaceGroup {
  key: string;
  lat: number;
  lon: number;
  name: string;
  items: EventItem[];
}

/**
 * Events on a world map (offline country shapes, KB coordinates), one circle per place sized by the number of
 * events; pointing shows what happened there, clicking lists the events with links to their evidence.
 * State: the shared filters, ?at=lat,lon (selected place) and ?extent=world.
 */
export function MapView() {
  const { path, query } = useLocation();
  const res = useApi<Page<EventItem>>(apiUrl("/api/events", { ...filterValues(query, KEYS), limit: 500 }));
  const items = res.data?.items ?? [];
  const groups = useMemo(() => groupByPlace(items), [items]);
  const located = groups.reduce((n, g) => n + g.items.length, 0);
  const at = query.get("at");
  const selected = groups.find((g) => g.key === at) ?? null;
  const world = query.get("extent") === "world";
  return (
    <div className="list-view map-view">
      <h1>Map</h1>
      <FilterBar keys={KEYS} />
      <div className="toolbar">
        <button type="button" className={`toggle${!world ? " on" : ""}`} aria-pressed={!world} onClick={() => navigate(withQuery(path, query, { extent: null }), { replace: true })}>
          fit events
        </button>
        <button type="button" className={`toggle${world ? " on" : ""}`} aria-pressed={world} onClick={() => navigate(withQuery(path, query, { extent: "world" }), { replace: true })}>
          world
        </button>
        {res.data && (
          <span className="muted count">
            {located} of {items.length} event{items.length === 1 ? "" : "s"} placed at {groups.length} place{groups.length === 1 ? "" : "s"}
            {res.data.total > items.length ? ` (first ${items.length} of ${res.data.total})` : ""}
          </span>
        )}
      </div>
      {res.loading && <Loading what="events" />}
      {res.error && <ErrorBox error={res.error} what="events" />}
      {res.data && items.length === 0 && <Empty>No event matches these filters.</Empty>}
      {res.data && items.length > 0 && groups.length === 0 && <Empty>None of these {items.length} events has a place with known coordinates.</Empty>}
      <div className="map-layout">
        <WorldMap groups={groups} world={world || groups.length === 0} selected={selected?.key ?? null} onSelect={(k) => navigate(withQuery(path, query, { at: k === at ? null : k }), { replace: true })} />
        <aside className="map-side" aria-label="Places">
          {selected ? (
            <>
              <h2 dir="auto">
                {selected.name} <span className="muted">({selected.items.length})</span>
              </h2>
              <p className="sub">
                {selected.lat.toFixed(2)}, {selected.lon.toFixed(2)} ·{" "}
                <button type="button" className="link" onClick={() => navigate(withQuery(path, query, { at: null }), { replace: true })}>
                  all places
                </button>
              </p>
              <EventTable items={selected.items} />
            </>
          ) : (
            <>
              <h2>Places</h2>
              <ul className="places">
                {[...groups]
                  .sort((a, b) => b.items.length - a.items.length)
                  .map((g) => (
                    <li key={g.key}>
                      <button type="button" className="link" onClick={() => navigate(withQuery(path, query, { at: g.key }), { replace: true })} dir="auto">
                        {g.name}
                      </button>{" "}
                      <span className="n">{g.items.length}</span>
                    </li>
                  ))}
              </ul>
            </>
          )}
        </aside>
      </div>
    </div>
  );
}

function groupByPlace(items: readonly EventItem[]): PlaceGroup[] {
  const by = new Map<string, PlaceGroup>();
  for (const it of items) {
    const l = it.event.location;
    if (l?.lat == null || l?.lon == null) continue;
    const key = `${l.lat.toFixed(2)},${l.lon.toFixed(2)}`;
    const g = by.get(key) ?? { key, lat: l.lat, lon: l.lon, name: l.text, items: [] };
    g.items.push(it);
    by.set(key, g);
  }
  return [...by.values()];
}

/** The SVG map: countries, graticule, and a circle per place. */
function WorldMap({ groups, world, selected, onSelect }: { groups: readonly PlaceGroup[]; world: boolean; selected: string | null; onSelect: (key: string) => void }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useState<PlaceGroup | null>(null);
  const height = Math.round(Math.max(320, Math.min(620, width * 0.6)));
  const { countries, graticule, project } = useMemo(() => {
    const projection = geoEqualEarth();
    if (world) projection.fitSize([width, height], { type: "Sphere" } as GeoPermissibleObjects);
    else {
      // Fit the events' extent, padded to at least ~12° so one place does not fill the screen.
      const lons = groups.map((g) => g.lon);
      const lats = groups.map((g) => g.lat);
      const [x0, x1, y0, y1] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
      const padX = Math.max(6, (x1 - x0) * 0.25);
      const padY = Math.max(6, (y1 - y0) * 0.25);
      const box = {
        type: "MultiPoint",
        coordinates: [
          [x0 - padX, y0 - padY],
          [x1 + padX, y1 + padY],
          [x0 - padX, y1 + padY],
          [x1 + padX, y0 - padY],
        ],
      } as GeoPermissibleObjects;
      projection.fitExtent(
        [
          [12, 12],
          [width - 12, height - 12],
        ],
        box,
      );
    }
    const path = geoPath(projection);
    return {
      countries: COUNTRIES.features.map((f) => ({ id: String(f.id ?? f.properties.name), name: f.properties.name, d: path(f) ?? "" })),
      graticule: path(geoGraticule10()) ?? "",
      project: (lon: number, lat: number) => projection([lon, lat]),
    };
  }, [groups, world, width, height]);
  const max = Math.max(1, ...groups.map((g) => g.items.length));
  return (
    <div ref={ref} className="chart map-chart">
      <svg width={width} height={height} role="img" aria-label={`Map of events at ${groups.length} places`}>
        <rect width={width} height={height} className="sea" />
        <path d={graticule} className="graticule" />
        {countries.map((c) => (
          <path key={c.id} d={c.d} className="country">
            <title>{c.name}</title>
          </path>
        ))}
        {[...groups]
          .sort((a, b) => b.items.length - a.items.length)
          .map((g) => {
            const p = project(g.lon, g.lat);
            if (!p) return null;
            const r = 5 + 14 * Math.sqrt(g.items.length / max);
            const top = dominantType(g.items);
            return (
              <g
                key={g.key}
                className={`place${selected === g.key ? " sel" : ""}`}
                data-place={g.name}
                role="button"
                tabIndex={0}
                aria-label={`${g.name}: ${g.items.length} events`}
                onClick={() => onSelect(g.key)}
                onKeyDown={(e) => e.key === "Enter" && onSelect(g.key)}
                onMouseEnter={() => setHover(g)}
                onMouseLeave={() => setHover(null)}
              >
                <title>{`${g.name}: ${g.items.length} event${g.items.length === 1 ? "" : "s"}\n${summary(g.items)}`}</title>
                <circle cx={p[0]} cy={p[1]} r={r} fill={typeColor(top)} />
                {g.items.length > 1 && (
                  <text x={p[0]} y={p[1] + 4} textAnchor="middle" className="place-n">
                    {g.items.length}
                  </text>
                )}
              </g>
            );
          })}
      </svg>
      <div className="hover-line" aria-live="polite">
        {hover ? (
          <>
            <strong dir="auto">{hover.name}</strong> — {hover.items.length} event{hover.items.length === 1 ? "" : "s"}: {summary(hover.items)} · click to list them
          </>
        ) : (
          <span className="muted">Circle size: number of events at the place; colour: the most frequent event type. Click a place to list its events.</span>
        )}
      </div>
    </div>
  );
}

function dominantType(items: readonly EventItem[]): string {
  const n = new Map<string, number>();
  for (const it of items) n.set(it.event.type, (n.get(it.event.type) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1] || PLOVER_TYPES.indexOf(a[0] as never) - PLOVER_TYPES.indexOf(b[0] as never))[0]?.[0] ?? "";
}

function summary(items: readonly EventItem[]): string {
  const n = new Map<string, number>();
  for (const it of items) n.set(`${it.event.type}/${it.event.status}`, (n.get(`${it.event.type}/${it.event.status}`) ?? 0) + 1);
  return [...n].map(([k, v]) => `${v}× ${k}`).join(", ");
}
