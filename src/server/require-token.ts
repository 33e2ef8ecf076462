import { timingSafeEqual, createHash } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { SitrepError } from "../core/errors.js";

/** The cookie the browser UI carries its token in (HttpOnly, SameSite=Strict). */
export const TOKEN_COOKIE = "sitrep_token";

const same = (a: string, b: string) => timingSafeEqual(createHash("sha256").update(a).digest(), createHash("sha256").update(b).digest());

/**
 * When a token is set, the API (/api/*, /openapi.json) needs it; the UI's static files, which hold no data, do not.
 * - Programs send `Authorization: Bearer <token>`. So does the web UI, which reads the token once from the
 *   address's fragment (`/#token=<token>`, never sent to a server) and keeps it for the browser session.
 * - Or a browser opens `/?token=<token>` once: the server answers with an HttpOnly, SameSite=Strict cookie and
 *   redirects to the address without the token; the browser's later API requests carry the cookie.
 * Without a token (loopback only, see startServer) every request passes.
 */
export function requireToken(token: string | undefined): MiddlewareHandler {
  return async (c, next) => {
    if (!token) return next();
    const url = new URL(c.req.url);
    const fromQuery = url.searchParams.get("token");
    if (fromQuery !== null && c.req.method === "GET" && !url.pathname.startsWith("/api/")) {
      if (!same(fromQuery, token)) throw new SitrepError("E_UNAUTHORIZED", "the token in the address is wrong", "open the address the server printed when it started");
      setCookie(c, TOKEN_COOKIE, token, { httpOnly: true, sameSite: "Strict", path: "/", secure: url.protocol === "https:" });
      url.searchParams.delete("token");
      return c.redirect(url.pathname + (url.search || ""), 302);
    }
    if (!url.pathname.startsWith("/api/") && url.pathname !== "/api" && url.pathname !== "/openapi.json") return next();
    const auth = c.req.header("authorization");
    const bearer = auth && /^Bearer\s+(.+)$/i.exec(auth)?.[1]?.trim();
    const given = bearer || getCookie(c, TOKEN_COOKIE);
    if (!given || !same(given, token)) {
      throw new SitrepError(
        "E_UNAUTHORIZED",
        given ? "the token is wrong" : "this server requires a token",
        "send `Authorization: Bearer <token>`, or open /?token=<token> once in the browser",
      );
    }
    return next();
  };
}
