import { promises as fs } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import type { Context } from "hono";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
};

/** What the desk shows when the web UI has not been built. */
export const UI_MISSING = `sitrep desk: the web UI is not built.

The HTTP API is running: see /openapi.json and /api/health.
To build the UI, from the sitrep folder run:

    npm run build:ui

then restart \`sitrep serve\`.
`;

/**
 * Serves the built web UI from `dir` (dist/ui): a file when the path names one inside it, else index.html (the UI
 * routes in the browser). Paths cannot leave the folder. Hashed assets are cached for a year; index.html never.
 */
export async function serveUi(c: Context, dir: string | undefined): Promise<Response> {
  const root = dir ? resolve(dir) : undefined;
  const index = root ? join(root, "index.html") : undefined;
  if (!root || !(await isFile(index!))) return c.text(UI_MISSING, 200, { "Cache-Control": "no-store" });
  let path: string;
  try {
    path = decodeURIComponent(new URL(c.req.url).pathname);
  } catch {
    path = "/";
  }
  const file = normalize(join(root, path));
  const inside = file === root || file.startsWith(root + sep);
  if (inside && path !== "/" && !path.includes("\0") && (await isFile(file))) {
    const body = await fs.readFile(file);
    const immutable = /\/assets\//.test(path);
    return c.body(new Uint8Array(body), 200, {
      "Content-Type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
      "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    });
  }
  // A missing asset is a 404; any other path is a page of the UI.
  if (/\.[a-z0-9]{1,8}$/i.test(path)) return c.text("not found", 404);
  return c.body(new Uint8Array(await fs.readFile(index!)), 200, { "Content-Type": TYPES[".html"], "Cache-Control": "no-cache" });
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}
