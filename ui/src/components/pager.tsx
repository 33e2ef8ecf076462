import { Link } from "../router/link";
import { useLocation } from "../router/use-location";
import { withQuery } from "../router/with-query";

/** "41–60 of 312" with previous/next links that keep every other query parameter. */
export function Pager({ total, limit, offset }: { total: number; limit: number; offset: number }) {
  const { path, query } = useLocation();
  if (total <= limit && offset === 0) return null;
  const prev = Math.max(0, offset - limit);
  const next = offset + limit;
  return (
    <nav className="pager" aria-label="Pages">
      {offset > 0 ? <Link to={withQuery(path, query, { offset: prev || null })}>← previous</Link> : <span className="off">← previous</span>}
      <span>
        {Math.min(total, offset + 1)}–{Math.min(total, offset + limit)} of {total}
      </span>
      {next < total ? <Link to={withQuery(path, query, { offset: next })}>next →</Link> : <span className="off">next →</span>}
    </nav>
  );
}
