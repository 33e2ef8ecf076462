/** Filters every list view shares; the nav carries them from view to view. */
export const SHARED_FILTERS = ["actor", "type", "status", "place", "language", "outlet", "since", "until"] as const;

/** One filter of the bar. */
export type FilterKey = "q" | (typeof SHARED_FILTERS)[number];

/** The URL query's filter values for the given keys ("" when unset). */
export function filterValues(query: URLSearchParams, keys: readonly FilterKey[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) out[k] = query.get(k) ?? "";
  return out;
}
