import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { isIP } from "node:net";
import { SitrepError } from "../core/errors.js";
import { createApp, type AppOptions } from "./create-app.js";

/** True for a host name or address that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (h === "localhost") return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  return h === "::1";
}

/** A running desk server. */
export interface RunningServer {
  /** The base address, e.g. http://127.0.0.1:8787 */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves the desk on host:port (port 0: any free port). Refuses to bind off the loopback without a token: the API
 * can read the whole store and ingest on the machine's behalf.
 */
export async function startServer(opts: AppOptions & { host?: string; port?: number }): Promise<RunningServer> {
  const host = opts.host ?? "127.0.0.1";
  if (!isLoopbackHost(host) && !opts.token) {
    throw new SitrepError("E_USAGE", `refusing to serve on ${host} without a token: anyone who can reach it could read the store and ingest`, "give --token T (or set SITREP_TOKEN), or bind to 127.0.0.1");
  }
  if (opts.token !== undefined && opts.token.length < 8) throw new SitrepError("E_USAGE", "the token is too short", "use at least 8 characters, e.g. from `openssl rand -hex 16`");
  const app = createApp(opts);
  return await new Promise<RunningServer>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: host, port: opts.port ?? 8787 }, (info: AddressInfo) => {
      const shown = info.family === "IPv6" || host.includes(":") ? `[${info.address}]` : host === "localhost" ? "localhost" : info.address;
      resolve({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        close: () => new Promise<void>((res) => server.close(() => res())),
      });
    });
    server.once("error", (e: NodeJS.ErrnoException) =>
      reject(new SitrepError("E_USAGE", `cannot listen on ${host}:${opts.port ?? 8787}: ${e.code ?? e.message}`, e.code === "EADDRINUSE" ? "another program uses this port; pick another with --port" : "check --host and --port")),
    );
  });
}
