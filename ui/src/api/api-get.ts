import { ApiError } from "./api-error";
import { apiToken } from "./api-token";

/** Query parameters: empty values are left out, so `?q=` never reaches the server. */
export type Params = Record<string, string | number | null | undefined>;

/** `/api/x` plus the non-empty parameters, in a stable order (a cache key as well as a URL). */
export function apiUrl(path: string, params: Params = {}): string {
  const q = new URLSearchParams();
  for (const k of Object.keys(params).sort()) {
    const v = params[k];
    if (v !== undefined && v !== null && String(v) !== "") q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** GETs an API URL as JSON; any failure becomes an ApiError with the server's code and message. */
export async function apiGet<T>(url: string, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  const token = apiToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let res: Response;
  try {
    res = await fetch(url, { headers, signal, credentials: "same-origin" });
  } catch (err) {
    if ((err as Error).name === "AbortError") throw err;
    throw new ApiError("E_NETWORK", `the server did not answer (${(err as Error).message})`, 0);
  }
  const body = await res.text();
  let json: unknown = null;
  try {
    json = body ? JSON.parse(body) : null;
  } catch {
    throw new ApiError("E_RESPONSE", `${url} answered ${res.status} with something other than JSON`, res.status);
  }
  if (!res.ok) {
    const e = (json as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(e?.code ?? `HTTP_${res.status}`, e?.message ?? `${url} answered ${res.status} ${res.statusText}`, res.status);
  }
  return json as T;
}
