// The bearer token the API asks for when `sitrep serve` is bound off loopback. It is kept for the browser session
// only (sessionStorage), and may arrive once in the URL fragment (`#token=…`, never sent to the server in a URL).

const KEY = "sitrep.token";

/** The token for this browser session, or null. */
export function apiToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** Stores (or with null, forgets) the token for this browser session. */
export function setApiToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage disabled: the token lasts until the next reload.
  }
}

/** Moves a `#token=…` fragment into session storage and removes it from the address bar. */
export function takeTokenFromFragment(): void {
  const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!m) return;
  setApiToken(decodeURIComponent(m[1]));
  history.replaceState(history.state, "", location.pathname + location.search);
}
