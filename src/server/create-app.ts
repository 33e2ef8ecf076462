import { readFileSync } from "node:fs";
import { join } from "node:path";
import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { createContext, packageRoot, type Context as SitrepContext } from "../core/context.js";
import { SitrepError } from "../core/errors.js";
import { DEFAULT_MAX_BYTES } from "../ingest/read-sources.js";
import { loadKb } from "../kb/load-kb.js";
import type { NewsStore } from "../store/news-store.js";
import type { DeskDeps } from "./desk-deps.js";
import { errorResponse, summariseIssues } from "./error-response.js";
import { guardOrigin } from "./guard-origin.js";
import { requireToken } from "./require-token.js";
import { documentRoutes } from "./routes/document-routes.js";
import { entityRoutes } from "./routes/entity-routes.js";
import { eventRoutes } from "./routes/event-routes.js";
import { framingRoutes } from "./routes/framing-routes.js";
import { graphRoutes } from "./routes/graph-routes.js";
import { healthRoutes } from "./routes/health-routes.js";
import { ingestRoutes } from "./routes/ingest-routes.js";
import { quoteRoutes } from "./routes/quote-routes.js";
import { storyRoutes } from "./routes/story-routes.js";
import { timelineRoutes } from "./routes/timeline-routes.js";
import { securityHeaders } from "./security-headers.js";
import { serveUi } from "./serve-ui.js";

/** Options of the desk's HTTP app. */
export interface AppOptions {
  readonly store: NewsStore;
  /** The analysis context (data folder, KB); a default one over the package's data/ when omitted. */
  readonly ctx?: SitrepContext;
  /** When set, the API needs it (Authorization: Bearer, or the cookie set by /?token=). */
  readonly token?: string;
  /** Let POST /api/ingest fetch URLs on private, loopback and link-local addresses. */
  readonly allowPrivate?: boolean;
  /** Largest request body, in bytes (default 10 MB). */
  readonly maxBodyBytes?: number;
  /** Largest single article, in bytes (default 5 MB, as the CLI). */
  readonly maxArticleBytes?: number;
  /** The built web UI (dist/ui); the default is the package's dist/ui. */
  readonly uiDir?: string;
}

/** The default request body limit. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/** The package's version, for /api/health and /openapi.json. */
export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "0.0.0";
  }
}

/**
 * The desk's HTTP app (hono): the JSON API under /api with zod-validated requests and responses, its OpenAPI
 * document at /openapi.json, and the web UI for every other path. Built without a socket, so tests call
 * `app.request()`; `startServer` puts it on one.
 */
export function createApp(opts: AppOptions): OpenAPIHono {
  const ctx = opts.ctx ?? createContext();
  let queue: Promise<unknown> = Promise.resolve();
  const deps: DeskDeps = {
    store: opts.store,
    ctx,
    kb: () => ctx.resource("kb", loadKb),
    allowPrivate: opts.allowPrivate ?? false,
    maxArticleBytes: opts.maxArticleBytes ?? DEFAULT_MAX_BYTES,
    serial: <T>(fn: () => Promise<T>) => {
      const run = queue.then(fn, fn);
      queue = run.catch(() => {});
      return run;
    },
    version: packageVersion(),
  };
  const maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const uiDir = opts.uiDir ?? join(packageRoot(), "dist", "ui");

  const app = new OpenAPIHono({
    // A request that fails its schema: 400 with one line per bad parameter.
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = summariseIssues(result.error);
        return c.json({ error: { code: "E_VALIDATION", message: `invalid request: ${issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`, issues } }, 400);
      }
    },
  });
  app.onError((err, c) => {
    const expected = (err instanceof SitrepError && err.code !== "E_INTERNAL" && err.code !== "E_STORE") || (err instanceof HTTPException && err.status < 500);
    if (!expected) process.stderr.write(`sitrep serve: ${c.req.method} ${new URL(c.req.url).pathname}: ${(err as Error).stack ?? err}\n`);
    return errorResponse(c, err);
  });
  app.use("*", securityHeaders());
  app.use("*", guardOrigin({ token: opts.token }));
  app.use("*", requireToken(opts.token));
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: maxBody,
      onError: (c) => c.json({ error: { code: "E_TOO_LARGE", message: `the request body is over the ${maxBody} byte limit` } }, 413),
    }),
  );

  healthRoutes(app, deps);
  documentRoutes(app, deps);
  storyRoutes(app, deps);
  eventRoutes(app, deps);
  entityRoutes(app, deps);
  quoteRoutes(app, deps);
  framingRoutes(app, deps);
  timelineRoutes(app, deps);
  graphRoutes(app, deps);
  ingestRoutes(app, deps);
  app.doc("/openapi.json", {
    openapi: "3.0.3",
    info: {
      title: "sitrep desk API",
      version: deps.version,
      description:
        "The stored record of sitrep: documents, stories, events, entities, quotes, framing and timelines. Errors are {error:{code,message}}. " +
        "A server started with a token needs `Authorization: Bearer <token>` on every /api route and on this document.",
    },
    // Optional: only a server started with --token asks for it.
    security: [{}, { bearer: [] }],
  });
  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", { type: "http", scheme: "bearer" });

  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    if (path === "/api" || path.startsWith("/api/")) return errorResponse(c, new SitrepError("E_NOT_FOUND", `no route ${c.req.method} ${path}`, "see /openapi.json for the routes"));
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return errorResponse(c, new SitrepError("E_NOT_FOUND", `no route ${c.req.method} ${path}`));
    return serveUi(c, uiDir);
  });
  return app;
}
