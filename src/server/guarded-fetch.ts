import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { SitrepError } from "../core/errors.js";
import { isPublicAddress } from "./public-address.js";

/** A resolver with node's dns.lookup signature (tests pass one that answers without a network). */
export type Resolver = typeof dnsLookup;

/**
 * A DNS lookup that fails for non-public addresses. It is the lookup the connection itself uses, so a name that
 * resolves to a public address when checked and to a private one when connecting (DNS rebinding) is refused too.
 */
export function publicLookup(resolver: Resolver = dnsLookup): LookupFunction {
  return (hostname, options, callback) => {
    resolver(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 4);
      const list = addresses as unknown as LookupAddress[];
      const bad = list.find((a) => !isPublicAddress(a.address));
      if (bad || !list.length) {
        const e = new SitrepError("E_URL_REFUSED", `${hostname} resolves to ${bad?.address ?? "no address"}, a private, loopback or reserved address`, "only public addresses can be fetched; start the server with --allow-private-urls to allow others");
        return callback(e as unknown as NodeJS.ErrnoException, "", 4);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}

/** Refuses a URL whose host resolves (now) to a non-public address; the connection checks again (see publicLookup). */
export async function assertPublicHost(url: string, allowPrivate: boolean, resolver?: Resolver): Promise<void> {
  const u = checkUrl(url, allowPrivate);
  if (allowPrivate) return;
  await new Promise<void>((resolve, reject) =>
    publicLookup(resolver)(u.hostname.replace(/^\[|\]$/g, ""), {}, (err) => {
      if (err && err instanceof SitrepError) reject(err);
      else resolve(); // A name that does not resolve fails later as the item's own diagnostic.
    }),
  );
}

/** Refuses a URL whose host is a literal non-public IP, or whose scheme is not http(s). (Names are checked on connect.) */
export function checkUrl(url: string, allowPrivate: boolean): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new SitrepError("E_VALIDATION", `"${url}" is not a URL`, "give an absolute http(s) address");
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") throw new SitrepError("E_VALIDATION", `${u.protocol} URLs cannot be ingested`, "give an http(s) address");
  if (u.username || u.password) throw new SitrepError("E_VALIDATION", "URLs with credentials are refused", "remove the user:password@ part");
  const host = u.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && (host === "localhost" || host.endsWith(".localhost") || (/^[\d.:a-f]+$/i.test(host) && !isPublicAddress(host)))) {
    throw new SitrepError("E_URL_REFUSED", `${u.host} is a private, loopback or reserved address`, "only public addresses can be fetched; start the server with --allow-private-urls to allow others");
  }
  return u;
}

/**
 * A `fetch` for URL ingestion on behalf of a client: http(s) only, every hop of a redirect checked again, the
 * connection's own DNS answer checked (unless private addresses are allowed), at most `maxBytes` read, 30 s in all.
 */
export function guardedFetch(opts: { allowPrivate: boolean; maxBytes: number; timeoutMs?: number; resolver?: Resolver }): typeof fetch {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const lookup = opts.allowPrivate ? undefined : publicLookup(opts.resolver);
  const one = (u: URL, signal: AbortSignal): Promise<{ res: IncomingMessage; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const req = (u.protocol === "https:" ? httpsRequest : httpRequest)(
        u,
        { method: "GET", headers: { "user-agent": "sitrep/0.1", accept: "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, text/plain;q=0.8, */*;q=0.5", "accept-encoding": "identity" }, lookup, signal },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on("data", (ch: Buffer) => {
            size += ch.length;
            if (size > opts.maxBytes) {
              reject(new SitrepError("E_TOO_LARGE", `${u.href}: over the ${opts.maxBytes} byte limit`));
              res.removeAllListeners("data");
              req.destroy();
              return;
            }
            chunks.push(ch);
          });
          res.on("end", () => resolve({ res, body: Buffer.concat(chunks) }));
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end();
    });
  return (async (input: string | URL | Request, _init?: RequestInit) => {
    let u = checkUrl(typeof input === "string" ? input : input instanceof URL ? input.href : input.url, opts.allowPrivate);
    const signal = AbortSignal.timeout(timeoutMs);
    for (let hop = 0; hop <= 5; hop++) {
      const { res, body } = await one(u, signal);
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        u = checkUrl(new URL(res.headers.location, u).href, opts.allowPrivate);
        continue;
      }
      const headers = new Headers();
      for (const [k, v] of Object.entries(res.headers)) if (v !== undefined && k !== "set-cookie") headers.set(k, Array.isArray(v) ? v.join(", ") : v);
      const ok = new Response(status === 204 || status === 304 ? null : new Uint8Array(body), { status: status < 200 || status > 599 ? 502 : status, statusText: res.statusMessage ?? "", headers });
      return ok;
    }
    throw new SitrepError("E_INPUT", `${u.href}: more than 5 redirects`);
  }) as typeof fetch;
}
