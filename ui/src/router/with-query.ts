/** `path` with `query` changed by `patch` (null or "" removes a key); keys keep a stable order. */
export function withQuery(path: string, query: URLSearchParams, patch: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams(query);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === undefined || String(v) === "") q.delete(k);
    else q.set(k, String(v));
  }
  q.sort();
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
