import type { MiddlewareHandler } from "hono";
import { escapeJson } from "./escape-json.js";

/**
 * The UI's Content-Security-Policy: everything from this origin only, no inline script or style, no plugins, no
 * framing, and no network but this server (the desk works offline). Styles set from script (React `style={}`)
 * go through the CSSOM, which the policy allows.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/**
 * Security headers on every response, and JSON bodies re-encoded by {@link escapeJson} so no response of the API
 * carries markup characters, whatever the article text held.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const type = c.res.headers.get("content-type") ?? "";
    if (/^application\/(.+\+)?json/.test(type)) {
      const body = await c.res.text();
      const headers = new Headers(c.res.headers);
      headers.delete("content-length");
      const res = new Response(escapeJson(body), { status: c.res.status, headers });
      // Unset first: assigning over a response copies its old headers (content-length among them) onto the new one.
      c.res = undefined;
      c.res = res;
    }
    const h = c.res.headers;
    h.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "no-referrer");
    h.set("Cross-Origin-Opener-Policy", "same-origin");
    h.set("Cross-Origin-Resource-Policy", "same-origin");
    if (!h.has("Cache-Control")) h.set("Cache-Control", "no-store");
  };
}
