import { apiUrl } from "../api/api-get";
import type { Page, StorySummary } from "../api/types";
import { useApi } from "../api/use-api";
import { FilterBar } from "../components/filter-bar";
import { filterValues, type FilterKey } from "../components/filter-fields";
import { LangBadge } from "../components/lang-badge";
import { Pager } from "../components/pager";
import { Empty, ErrorBox, Loading } from "../components/status";
import { Link } from "../router/link";
import { useLocation } from "../router/use-location";

const KEYS: readonly FilterKey[] = ["q", "language", "outlet", "since", "until"];
const LIMIT = 50;

/** Stories, newest first: title, size, languages, outlets and date span; filters in the URL. */
export function StoriesView() {
  const { query } = useLocation();
  const offset = Number(query.get("offset") ?? 0) || 0;
  const res = useApi<Page<StorySummary>>(apiUrl("/api/stories", { ...filterValues(query, KEYS), limit: LIMIT, offset }));
  return (
    <div className="list-view">
      <h1>Stories</h1>
      <FilterBar keys={KEYS} />
      {res.loading && <Loading what="stories" />}
      {res.error && <ErrorBox error={res.error} what="stories" />}
      {res.data && res.data.items.length === 0 && (
        <Empty>{KEYS.some((k) => query.get(k)) ? "No story matches these filters." : "No stories yet: ingest articles with `sitrep ingest` or POST /api/ingest."}</Empty>
      )}
      {res.data && res.data.items.length > 0 && (
        <>
          <table className="grid stories">
            <thead>
              <tr>
                <th>Story</th>
                <th className="num">Docs</th>
                <th>Languages</th>
                <th>Outlets</th>
                <th>Dates</th>
              </tr>
            </thead>
            <tbody>
              {res.data.items.map((s) => (
                <tr key={s.id}>
                  <td>
                    <Link to={`/stories/${encodeURIComponent(s.id)}`} dir="auto" className="story-link">
                      {s.title ?? <span className="muted">(untitled story {s.id})</span>}
                    </Link>
                  </td>
                  <td className="num">{s.documents}</td>
                  <td>
                    {s.languages.map((l) => (
                      <LangBadge key={l} code={l} />
                    ))}
                  </td>
                  <td className="outlets">{s.outlets.join(", ") || <span className="muted">—</span>}</td>
                  <td className="dates">{s.first ? (s.last && s.last !== s.first ? `${s.first} → ${s.last}` : s.first) : <span className="muted">undated</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <Pager total={res.data.total} limit={res.data.limit} offset={res.data.offset} />
        </>
      )}
    </div>
  );
}
