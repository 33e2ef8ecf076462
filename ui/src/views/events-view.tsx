import { useMemo, useState, type PointerEvent } from "react";
import { apiUrl } from "../api/api-get";
import type { EventItem, Page } from "../api/types";
import { useApi } from "../api/use-api";
import { EventTable } from "../components/event-table";
import { FilterBar } from "../components/filter-bar";
import { filterValues, type FilterKey } from "../components/filter-fields";
import { Pager } from "../components/pager";
import { Empty, ErrorBox, Loading } from "../components/status";
import { dateRange, isoDay, timeTicks } from "../lib/date-range";
import { eventLink } from "../lib/event-link";
import { PLOVER_TYPES, STATUSES, statusColor, typeColor } from "../lib/palette";
import { useWidth } from "../lib/use-width";
import { navigate } from "../router/navigate";
import { useLocation } from "../router/use-location";
import { withQuery } from "../router/with-query";

const KEYS: readonly FilterKey[] = ["actor", "type", "status", "place", "language", "outlet", "since", "until"];
const LIMIT = 500;
/** Vertical room for one dot in a stack of events on the same lane and day. */
const STEP = 11;
/** The most dots stacked in one column before the stack continues in the next column. */
const STACK = 6;
const LEFT = 96;
const AXIS = 24;

/** Events on a time axis, one lane per PLOVER type, coloured by type or status; a click opens the evidence. */
export function EventsView() {
  const { path, query } = useLocation();
  const offset = Number(query.get("offset") ?? 0) || 0;
  const colorBy = query.get("color") === "status" ? "status" : "type";
  const res = useApi<Page<EventItem>>(apiUrl("/api/events", { ...filterValues(query, KEYS), limit: LIMIT, offset }));
  const items = res.data?.items ?? [];
  return (
    <div className="list-view events-view">
      <h1>Events timeline</h1>
      <FilterBar keys={KEYS} />
      <div className="toolbar">
        <span>Colour by</span>
        {(["type", "status"] as const).map((c) => (
          <button key={c} type="button" className={`toggle${colorBy === c ? " on" : ""}`} aria-pressed={colorBy === c} onClick={() => navigate(withQuery(path, query, { color: c === "type" ? null : c }), { replace: true })}>
            {c}
          </button>
        ))}
        {(query.get("since") || query.get("until")) && (
          <button type="button" className="link" onClick={() => navigate(withQuery(path, query, { since: null, until: null, offset: null }))}>
            reset the time range
          </button>
        )}
        {res.data && (
          <span className="muted count">
            {res.data.total} event{res.data.total === 1 ? "" : "s"}
            {res.data.total > items.length ? `, ${items.length} on this page` : ""}
          </span>
        )}
      </div>
      {res.loading && <Loading what="events" />}
      {res.error && <ErrorBox error={res.error} what="events" />}
      {res.data && items.length === 0 && <Empty>{KEYS.some((k) => query.get(k)) ? "No event matches these filters." : "No events stored yet."}</Empty>}
      {items.length > 0 && (
        <>
          <Timeline items={items} colorBy={colorBy} onZoom={(since, until) => navigate(withQuery(path, query, { since, until, offset: null }))} />
          <Legend colorBy={colorBy} items={items} />
          <EventTable items={items} />
          <Pager total={res.data!.total} limit={res.data!.limit} offset={res.data!.offset} />
        </>
      )}
    </div>
  );
}

/**
 * The SVG axis: lanes by type; day-precise events as dots, month- or year-precise ones as bars over their span.
 * Dragging across the axis zooms to that period (it sets the since/until filters).
 */
function Timeline({ items, colorBy, onZoom }: { items: readonly EventItem[]; colorBy: "type" | "status"; onZoom: (since: string, until: string) => void }) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useState<EventItem | null>(null);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const { dated, undated, lanes, from, to } = useMemo(() => {
    const dated = items.map((it) => ({ it, r: dateRange(it.event.date?.date) })).filter((x): x is { it: EventItem; r: [number, number] } => !!x.r);
    const undated = items.length - dated.length;
    const present = new Set(dated.map((x) => x.it.event.type));
    const lanes = [...PLOVER_TYPES.filter((t) => present.has(t)), ...[...present].filter((t) => !(PLOVER_TYPES as readonly string[]).includes(t))];
    let from = Math.min(...dated.map((x) => x.r[0]));
    let to = Math.max(...dated.map((x) => x.r[1]));
    const pad = Math.max(86_400_000, (to - from) * 0.03);
    from -= pad;
    to += pad;
    return { dated, undated, lanes, from, to };
  }, [items]);
  if (!dated.length) return <p className="muted">None of these events has a resolved date ({undated} undated).</p>;
  const plotW = Math.max(200, width - LEFT - 16);
  const x = (t: number) => LEFT + ((t - from) / (to - from)) * plotW;
  // Events on the same lane and day stack into columns of up to STACK dots, so none hides another; a lane is as
  // tall as its highest stack.
  const slot = new Map<EventItem, number>();
  const depth = new Map<string, number>();
  for (const { it } of dated) {
    const k = `${it.event.type}|${it.event.date?.date}`;
    const n = depth.get(k) ?? 0;
    slot.set(it, n);
    depth.set(k, n + 1);
  }
  const laneH = lanes.map((lane) => {
    let m = 1;
    for (const [k, n] of depth) if (k.startsWith(`${lane}|`)) m = Math.max(m, Math.min(n, STACK));
    return Math.max(26, 10 + m * STEP);
  });
  const laneY = laneH.map((_, i) => AXIS + laneH.slice(0, i).reduce((a, b) => a + b, 0));
  const plotH = laneH.reduce((a, b) => a + b, 0);
  const height = AXIS + plotH + 8;
  const color = (it: EventItem) => (colorBy === "type" ? typeColor(it.event.type) : statusColor(it.event.status));
  const px = (e: PointerEvent<SVGSVGElement>) => Math.max(LEFT, Math.min(LEFT + plotW, e.clientX - e.currentTarget.getBoundingClientRect().left));
  const down = (e: PointerEvent<SVGSVGElement>) => {
    if ((e.target as Element).closest(".ev-mark") || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ a: px(e), b: px(e) });
  };
  const up = () => {
    if (drag && Math.abs(drag.b - drag.a) > 6) {
      const t = (v: number) => from + ((v - LEFT) / plotW) * (to - from);
      onZoom(isoDay(t(Math.min(drag.a, drag.b))), isoDay(t(Math.max(drag.a, drag.b))));
    }
    setDrag(null);
  };
  return (
    <div ref={ref} className="chart timeline-chart">
      <svg
        width={width}
        height={height}
        role="img"
        aria-label={`Timeline of ${dated.length} dated events`}
        onPointerDown={down}
        onPointerMove={(e) => drag && setDrag({ ...drag, b: px(e) })}
        onPointerUp={up}
        onPointerCancel={() => setDrag(null)}
      >
        {timeTicks(from, to, Math.max(3, Math.floor(plotW / 110))).map((t) => (
          <g key={t.at} className="tick">
            <line x1={x(t.at)} x2={x(t.at)} y1={AXIS - 4} y2={height - 4} />
            <text x={x(t.at)} y={AXIS - 8} textAnchor="middle">
              {t.label}
            </text>
          </g>
        ))}
        {lanes.map((lane, i) => (
          <g key={lane} className="lane">
            <rect x={LEFT} y={laneY[i]} width={plotW} height={laneH[i]} className={i % 2 ? "odd" : "even"} />
            <text x={LEFT - 8} y={laneY[i] + laneH[i] / 2 + 4} textAnchor="end">
              {lane}
            </text>
          </g>
        ))}
        {drag && <rect className="brush" x={Math.min(drag.a, drag.b)} y={AXIS} width={Math.abs(drag.b - drag.a)} height={plotH} />}
        {dated.map(({ it, r }) => {
          const lane = lanes.indexOf(it.event.type);
          const n = slot.get(it) ?? 0;
          const rows = Math.min(STACK, depth.get(`${it.event.type}|${it.event.date?.date}`) ?? 1);
          const cy = laneY[lane] + laneH[lane] / 2 + ((n % STACK) - (rows - 1) / 2) * STEP;
          const dx = Math.floor(n / STACK) * STEP;
          const day = it.event.date?.precision === "day";
          const open = () => navigate(eventLink(it.docId, it.index));
          const title = `${it.event.date?.date} · ${it.event.type} · ${it.event.status}\n${it.event.actor?.text ?? "?"} → ${it.event.target?.text ?? "?"}${it.event.location ? ` @ ${it.event.location.text}` : ""}\n${it.outlet ?? it.file}`;
          return (
            <g
              key={`${it.docId}:${it.index}`}
              className="ev-mark"
              role="link"
              tabIndex={0}
              aria-label={title}
              onClick={open}
              onKeyDown={(e) => e.key === "Enter" && open()}
              onMouseEnter={() => setHover(it)}
              onMouseLeave={() => setHover(null)}
              onFocus={() => setHover(it)}
              onBlur={() => setHover(null)}
              data-doc={it.docId}
            >
              <title>{title}</title>
              {day ? (
                <circle cx={x((r[0] + r[1]) / 2) + dx} cy={cy} r={rows > 1 ? 4.5 : 5 + Math.min(5, Math.sqrt(it.event.counts?.killed ?? 0))} fill={color(it)} className={`st-${it.event.status}`} />
              ) : (
                <rect x={x(r[0])} y={cy - 3} width={Math.max(4, x(r[1]) - x(r[0]))} height={6} rx={3} fill={color(it)} opacity={0.45} />
              )}
            </g>
          );
        })}
      </svg>
      <div className="hover-line" aria-live="polite">
        {hover ? (
          <>
            <strong>{hover.event.date?.date}</strong> {hover.event.type}/{hover.event.status} — <span dir="auto">{hover.event.actor?.text ?? "?"}</span> → <span dir="auto">{hover.event.target?.text ?? "?"}</span>
            {hover.event.location && <> @ <span dir="auto">{hover.event.location.text}</span></>} · {hover.outlet ?? hover.file} — click to open the evidence
          </>
        ) : (
          <span className="muted">
            Point at an event for details; click to open its evidence; drag across the axis to zoom.{undated ? ` ${undated} undated event${undated === 1 ? " is" : "s are"} only in the table.` : ""} Bars: dated to the month or year only.
          </span>
        )}
      </div>
    </div>
  );
}

function Legend({ colorBy, items }: { colorBy: "type" | "status"; items: readonly EventItem[] }) {
  const present = new Set(items.map((i) => (colorBy === "type" ? i.event.type : i.event.status)));
  const keys = (colorBy === "type" ? [...PLOVER_TYPES] : [...STATUSES]).filter((k) => present.has(k));
  return (
    <ul className="legend" aria-label="Legend">
      {keys.map((k) => (
        <li key={k}>
          <svg width="12" height="12" aria-hidden="true">
            <circle cx="6" cy="6" r="5" fill={colorBy === "type" ? typeColor(k) : statusColor(k)} />
          </svg>{" "}
          {k}
        </li>
      ))}
    </ul>
  );
}
