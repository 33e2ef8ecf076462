import { useEffect, useMemo, useState, type FormEvent } from "react";
import { itemsOf } from "../api/items-of";
import type { DocumentSummary, EntitySummary } from "../api/types";
import { useApi } from "../api/use-api";
import { LANGUAGES, PLOVER_TYPES, STATUSES } from "../lib/palette";
import { navigate } from "../router/navigate";
import { useLocation } from "../router/use-location";
import { withQuery } from "../router/with-query";
import type { FilterKey } from "./filter-fields";

const LABEL: Record<FilterKey, string> = {
  q: "Filter",
  actor: "Actor",
  type: "Type",
  status: "Status",
  place: "Place",
  language: "Language",
  outlet: "Outlet",
  since: "Since",
  until: "Until",
};

/**
 * The filter bar: each field mirrors one query parameter. Selects and dates apply at once; text fields on Enter or
 * when they lose focus. Every change is a history entry, so Back undoes a filter.
 */
export function FilterBar({ keys }: { keys: readonly FilterKey[] }) {
  const { path, query } = useLocation();
  const current = useMemo(() => Object.fromEntries(keys.map((k) => [k, query.get(k) ?? ""])), [keys, query]);
  const [draft, setDraft] = useState<Record<string, string>>(current);
  useEffect(() => setDraft(current), [current]);
  const apply = (patch: Record<string, string>) => navigate(withQuery(path, query, { ...patch, offset: null }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply(draft);
  };
  const set = (k: string, v: string, now = false) => {
    setDraft((d) => ({ ...d, [k]: v }));
    if (now) apply({ [k]: v });
  };
  const commitText = (k: string) => {
    if ((draft[k] ?? "") !== (current[k] ?? "")) apply({ [k]: draft[k] ?? "" });
  };
  const active = keys.filter((k) => current[k]);
  const hints = useHints(keys);
  return (
    <form className="filters" onSubmit={submit} aria-label="Filters">
      {keys.map((k) => (
        <label key={k} className={`f f-${k}${current[k] ? " on" : ""}`}>
          <span>{LABEL[k]}</span>
          {k === "type" || k === "status" || k === "language" ? (
            <select name={k} value={draft[k] ?? ""} onChange={(e) => set(k, e.target.value, true)}>
              <option value="">any</option>
              {(k === "type" ? PLOVER_TYPES.map((t) => ({ v: t, l: t })) : k === "status" ? STATUSES.map((s) => ({ v: s, l: s })) : LANGUAGES.map((l) => ({ v: l.code, l: `${l.code} · ${l.name}` }))).map((o) => (
                <option key={o.v} value={o.v}>
                  {o.l}
                </option>
              ))}
            </select>
          ) : k === "since" || k === "until" ? (
            <input type="date" name={k} value={draft[k] ?? ""} onChange={(e) => set(k, e.target.value, true)} />
          ) : (
            <input
              type="text"
              name={k}
              value={draft[k] ?? ""}
              list={k === "actor" || k === "outlet" ? `dl-${k}` : undefined}
              placeholder={k === "actor" ? "name or KB id" : k === "q" ? "words in the title" : ""}
              onChange={(e) => set(k, e.target.value)}
              onBlur={() => commitText(k)}
            />
          )}
        </label>
      ))}
      <button type="submit" className="apply">
        Apply
      </button>
      {active.length > 0 && (
        <button type="button" className="link clear" onClick={() => apply(Object.fromEntries(keys.map((k) => [k, ""])))}>
          Clear {active.length} filter{active.length > 1 ? "s" : ""}
        </button>
      )}
      {keys.includes("actor") && (
        <datalist id="dl-actor">
          {hints.actors.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </datalist>
      )}
      {keys.includes("outlet") && (
        <datalist id="dl-outlet">
          {hints.outlets.map((o) => (
            <option key={o} value={o} />
          ))}
        </datalist>
      )}
    </form>
  );
}

/** Suggestions for the free-text filters: known actors and the outlets of recent documents. */
function useHints(keys: readonly FilterKey[]): { actors: { value: string; label: string }[]; outlets: string[] } {
  const ents = useApi<unknown>(keys.includes("actor") ? "/api/entities?limit=500" : null);
  const docs = useApi<unknown>(keys.includes("outlet") ? "/api/documents?limit=500" : null);
  return useMemo(() => {
    const actors = itemsOf<EntitySummary>(ents.data, "entities")
      .filter((e) => !["place", "facility", "weapon", "event_name"].includes(e.type))
      .map((e) => ({ value: e.kb ?? e.name, label: `${e.name} (${e.type})` }));
    const outlets = [...new Set(itemsOf<DocumentSummary>(docs.data, "documents").map((d) => d.outlet).filter((o): o is string => !!o))].sort();
    return { actors, outlets };
  }, [ents.data, docs.data]);
}
