import { useEffect, useState } from "react";
import { ApiError } from "./api-error";
import { apiGet } from "./api-get";

/** What a view renders from one API call. */
export interface ApiState<T> {
  readonly data: T | null;
  readonly error: ApiError | null;
  readonly loading: boolean;
}

// Recent answers by URL, so going back to a view is instant; the store changes only on ingest, which reloads.
const cache = new Map<string, unknown>();
const CACHE_MAX = 64;

function remember(url: string, value: unknown): void {
  cache.delete(url);
  cache.set(url, value);
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as string);
}

/** Forgets every cached answer (after an ingest, or a new token). */
export function clearApiCache(): void {
  cache.clear();
}

/** Fetches `url` (null: nothing to fetch) and re-fetches when it changes; stale answers are dropped. */
export function useApi<T>(url: string | null): ApiState<T> {
  const [state, setState] = useState<ApiState<T> & { url: string | null }>(() => ({
    url,
    data: url && cache.has(url) ? (cache.get(url) as T) : null,
    error: null,
    loading: !!url && !cache.has(url),
  }));
  useEffect(() => {
    if (!url) {
      setState({ url, data: null, error: null, loading: false });
      return;
    }
    if (cache.has(url)) {
      setState({ url, data: cache.get(url) as T, error: null, loading: false });
      return;
    }
    const ctl = new AbortController();
    setState((s) => ({ url, data: s.url === url ? s.data : null, error: null, loading: true }));
    apiGet<T>(url, ctl.signal).then(
      (data) => {
        remember(url, data);
        setState({ url, data, error: null, loading: false });
      },
      (err: unknown) => {
        if ((err as Error).name === "AbortError") return;
        const e = err instanceof ApiError ? err : new ApiError("E_CLIENT", String((err as Error).message ?? err), 0);
        setState({ url, data: null, error: e, loading: false });
      },
    );
    return () => ctl.abort();
  }, [url]);
  // While a new URL loads, do not show the previous URL's data as if it were the answer.
  if (state.url !== url) return { data: url && cache.has(url) ? (cache.get(url) as T) : null, error: null, loading: !!url && !cache.has(url) };
  return state;
}
