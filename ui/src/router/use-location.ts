import { useMemo, useSyncExternalStore } from "react";
import { locationKey, subscribeLocation } from "./navigate";

/** The current path and its query parameters; re-renders on every navigation. */
export function useLocation(): { path: string; query: URLSearchParams; key: string } {
  const key = useSyncExternalStore(subscribeLocation, locationKey);
  return useMemo(() => {
    const u = new URL(key, location.origin);
    return { path: u.pathname, query: u.searchParams, key };
  }, [key]);
}
