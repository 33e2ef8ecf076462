// Client-side routing on the History API: every view's state lives in the path and the query string, so a reload
// or a shared link restores it.

const listeners = new Set<() => void>();

function notify(): void {
  for (const l of listeners) l();
}

window.addEventListener("popstate", notify);

/** Subscribes to location changes (for useSyncExternalStore). */
export function subscribeLocation(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current path and query as one string: the snapshot routing re-renders on. */
export function locationKey(): string {
  return location.pathname + location.search;
}

/** Goes to an in-app URL; `replace` for state tweaks that should not fill the back button's history. */
export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (to === locationKey()) return;
  const pathChanged = new URL(to, location.origin).pathname !== location.pathname;
  if (opts.replace) history.replaceState(null, "", to);
  else history.pushState(null, "", to);
  if (pathChanged) window.scrollTo(0, 0);
  notify();
}
