import type { EventItem } from "../api/types";
import { eventLink } from "../lib/event-link";
import { Link } from "../router/link";
import { EventCounts } from "./event-counts";
import { LangBadge } from "./lang-badge";

/** Events as a dense table, newest first; each row opens its document at the evidence. */
export function EventTable({ items, highlight }: { items: readonly EventItem[]; highlight?: string | null }) {
  const rows = [...items].sort((a, b) => (b.event.date?.date ?? "").localeCompare(a.event.date?.date ?? ""));
  return (
    <table className="grid events-table">
      <thead>
        <tr>
          <th>Date</th>
          <th>Event</th>
          <th>Who → whom</th>
          <th>Where</th>
          <th>Figures</th>
          <th>Source</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((it) => {
          const e = it.event;
          const key = `${it.docId}:${it.index}`;
          return (
            <tr key={key} className={highlight === key ? "hl" : undefined}>
              <td className="dates" title={e.date?.basis ?? "no date resolved"}>
                {e.date?.date ?? <span className="muted">undated</span>}
              </td>
              <td>
                <Link to={eventLink(it.docId, it.index)} className="ev-open">
                  <span className={`type t-${e.type}`}>{e.type}</span>
                </Link>
                {e.mode && <span className="mode">{e.mode}</span>}
                <span className={`status s-${e.status}`}>{e.status}</span>
              </td>
              <td>
                {e.actor ? <bdi>{e.actor.text}</bdi> : <span className="muted">unnamed</span>} → {e.target ? <bdi>{e.target.text}</bdi> : <span className="muted">—</span>}
              </td>
              <td>{e.location ? <bdi>{e.location.text}</bdi> : <span className="muted">—</span>}</td>
              <td>{e.counts && <EventCounts counts={e.counts} />}</td>
              <td>
                <LangBadge code={it.language} /> {it.outlet ?? <code>{it.file}</code>}
                {it.published && <span className="muted"> {it.published}</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
