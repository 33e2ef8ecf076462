import { useEffect, useState, type FormEvent } from "react";
import { useApi } from "../api/use-api";
import { apiToken, setApiToken } from "../api/api-token";
import { clearApiCache } from "../api/use-api";
import type { Health } from "../api/types";
import { Link } from "../router/link";
import { navigate } from "../router/navigate";
import { useLocation } from "../router/use-location";
import { SHARED_FILTERS } from "./filter-fields";

/** The views in the nav bar, in the order an analyst uses them. */
const NAV: readonly { path: string; label: string }[] = [
  { path: "/stories", label: "Stories" },
  { path: "/events", label: "Events timeline" },
  { path: "/map", label: "Map" },
  { path: "/graph", label: "Actors graph" },
  { path: "/stance", label: "Stance timeline" },
  { path: "/search", label: "Search" },
];

/** `path` with the shared filters of the current query carried over, so switching views keeps the selection. */
function carry(path: string, query: URLSearchParams): string {
  const q = new URLSearchParams();
  for (const k of SHARED_FILTERS) {
    const v = query.get(k);
    if (v) q.set(k, v);
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** Search box, navigation and the server's state. */
export function Header() {
  const { path, query } = useLocation();
  const [q, setQ] = useState(path === "/search" ? (query.get("q") ?? "") : "");
  useEffect(() => {
    if (path === "/search") setQ(query.get("q") ?? "");
  }, [path, query]);
  const health = useApi<Health>("/api/health");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(q.trim() ? `/search?q=${encodeURIComponent(q.trim())}` : "/search");
  };
  const stats = health.data?.stats;
  return (
    <header className="top">
      <Link to="/stories" className="brand">
        sitrep
      </Link>
      <nav aria-label="Views">
        {NAV.map((n) => (
          <Link key={n.path} to={carry(n.path, query)} className={path.startsWith(n.path) ? "active" : undefined} aria-current={path.startsWith(n.path) ? "page" : undefined}>
            {n.label}
          </Link>
        ))}
      </nav>
      <form className="search" role="search" onSubmit={submit}>
        <input type="search" name="q" placeholder="Search titles and texts…" aria-label="Search" value={q} onChange={(e) => setQ(e.target.value)} />
      </form>
      <div className="server" title={health.error ? health.error.message : undefined}>
        {health.data ? (
          <>
            v{health.data.version}
            {stats && (
              <span className="stats">
                {" "}
                · {stats.documents ?? 0} docs · {stats.stories ?? 0} stories · {stats.events ?? 0} events
              </span>
            )}
          </>
        ) : health.error ? (
          <span className="bad">server: {health.error.code}</span>
        ) : (
          "…"
        )}
        <TokenField needed={health.error?.status === 401} />
      </div>
    </header>
  );
}

/** Where the browser's bearer token is entered when the server asks for one. */
function TokenField({ needed }: { needed: boolean }) {
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState("");
  if (!needed && !apiToken() && !open) return null;
  const save = (e: FormEvent) => {
    e.preventDefault();
    setApiToken(value.trim() || null);
    clearApiCache();
    location.reload();
  };
  return open || needed ? (
    <form className="token" onSubmit={save}>
      <input type="password" aria-label="API token" placeholder="API token" value={value} onChange={(e) => setValue(e.target.value)} autoComplete="off" />
      <button type="submit">Use</button>
    </form>
  ) : (
    <button type="button" className="link" onClick={() => setOpen(true)}>
      Token
    </button>
  );
}
