import type { MiddlewareHandler } from "hono";
import { SitrepError } from "../core/errors.js";

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** The host name of a Host header value ("127.0.0.1:8787" → "127.0.0.1", "[::1]:8787" → "[::1]"). */
function hostName(host: string): string {
  const m = /^(\[[^\]]+\]|[^:]+)(?::\d+)?$/.exec(host.trim().toLowerCase());
  return m ? m[1] : host.toLowerCase();
}

/**
 * Protections a token does not give a loopback server:
 * - without a token, the Host header must name the loopback (localhost, 127.0.0.1, [::1]): a web page that points
 *   its own domain name at 127.0.0.1 (DNS rebinding) cannot read the desk;
 * - a request that changes something (POST and the like) from a browser page of another origin is refused: the
 *   browser sends that page's Origin, and it must be this server's.
 */
export function guardOrigin(opts: { token?: string }): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header("host") ?? new URL(c.req.url).host;
    if (!opts.token && !LOOPBACK_NAMES.has(hostName(host))) {
      throw new SitrepError("E_FORBIDDEN", `requests for host "${host}" are refused by a server without a token`, "open the desk at http://127.0.0.1:<port>/, or start it with --token");
    }
    if (!["GET", "HEAD", "OPTIONS"].includes(c.req.method)) {
      const origin = c.req.header("origin");
      const site = c.req.header("sec-fetch-site");
      let foreign = site !== undefined && site !== "same-origin" && site !== "none";
      if (origin && origin !== "null") {
        try {
          foreign ||= new URL(origin).host.toLowerCase() !== host.toLowerCase();
        } catch {
          foreign = true;
        }
      } else if (origin === "null") foreign = true;
      if (foreign) throw new SitrepError("E_FORBIDDEN", "a request from another site's page is refused", "send it from the desk itself or from a program (no Origin header)");
    }
    return next();
  };
}
