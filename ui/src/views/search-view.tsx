import { useMemo } from "react";
import { apiUrl } from "../api/api-get";
import type { DocumentSummary, Page, SearchHit } from "../api/types";
import { useApi } from "../api/use-api";
import { FilterBar } from "../components/filter-bar";
import { filterValues, type FilterKey } from "../components/filter-fields";
import { HighlightTerms } from "../components/highlight-terms";
import { LangBadge } from "../components/lang-badge";
import { Pager } from "../components/pager";
import { Empty, ErrorBox, Loading } from "../components/status";
import { Link } from "../router/link";
import { useLocation } from "../router/use-location";

const FILTERS: readonly FilterKey[] = ["language", "outlet", "since", "until"];
const LIMIT = 50;

/**
 * Full-text search over titles and texts (?q=), with snippets; with filters, the documents that match both.
 * Without a query it lists the stored documents, newest first.
 */
export function SearchView() {
  const { query } = useLocation();
  const q = (query.get("q") ?? "").trim();
  const offset = Number(query.get("offset") ?? 0) || 0;
  const filters = filterValues(query, FILTERS);
  const filtered = FILTERS.some((k) => filters[k]);
  // A query without filters: the search endpoint, ranked, with snippets. With filters (or none): the document list,
  // and the snippets of the same query joined in by id.
  const hits = useApi<Page<SearchHit>>(q ? apiUrl("/api/search", { q, limit: filtered ? 500 : LIMIT, offset: filtered ? 0 : offset }) : null);
  const docs = useApi<Page<DocumentSummary>>(!q || filtered ? apiUrl("/api/documents", { q, ...filters, limit: LIMIT, offset }) : null);
  const snippet = useMemo(() => new Map((hits.data?.items ?? []).map((h) => [h.id, h.snippet])), [hits.data]);
  const page: Page<DocumentSummary | SearchHit> | null = q && !filtered ? hits.data : docs.data;
  const loading = q && !filtered ? hits.loading : docs.loading;
  const error = (q && !filtered ? hits.error : docs.error) ?? null;
  return (
    <div className="list-view search-view">
      <h1>{q ? <>Search: “{q}”</> : "Documents"}</h1>
      <FilterBar keys={FILTERS} />
      {loading && <Loading what={q ? "search results" : "documents"} />}
      {error && <ErrorBox error={error} what={q ? "search results" : "documents"} />}
      {page && page.items.length === 0 && <Empty>{q ? `Nothing matches “${q}”${filtered ? " with these filters" : ""}. Try fewer or other words.` : "No documents stored yet."}</Empty>}
      {page && page.items.length > 0 && (
        <>
          <p className="muted count">
            {page.total} {q ? "match" : "document"}
            {page.total === 1 ? "" : q ? "es" : "s"}
          </p>
          <ol className="results" start={page.offset + 1}>
            {page.items.map((d) => {
              const snip = "snippet" in d ? d.snippet : snippet.get(d.id);
              return (
                <li key={d.id} className="result">
                  <Link to={`/documents/${encodeURIComponent(d.id)}`} className="result-title" dir="auto">
                    {d.title ?? d.file}
                  </Link>
                  <div className="sub">
                    <LangBadge code={d.language} /> {d.outlet ?? <span className="muted">outlet unknown</span>} · {d.published ?? <span className="muted">undated</span>} · <code>{d.file}</code>
                    {"story" in d && d.story && (
                      <>
                        {" "}
                        · <Link to={`/stories/${encodeURIComponent(d.story)}`}>story</Link>
                      </>
                    )}
                  </div>
                  {snip && (
                    <p className="snippet" dir="auto">
                      <HighlightTerms text={snip} query={q} />
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
          <Pager total={page.total} limit={page.limit} offset={page.offset} />
        </>
      )}
    </div>
  );
}
