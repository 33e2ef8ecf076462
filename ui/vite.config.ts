import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * The analyst desk: built into dist/ui/, served by `sitrep serve` under a strict CSP (no inline scripts or styles),
 * so everything — code, CSS, the world-atlas shapes — is bundled as files; nothing is fetched from the internet.
 * `SITREP_API` points the dev server's /api proxy at a running `sitrep serve` (default http://127.0.0.1:8787).
 */
export default defineConfig({
  root,
  base: "/",
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL("../dist/ui", import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // A 110m world map is ~100 kB of JSON; one chunk for the app is fine on loopback.
    chunkSizeWarningLimit: 1200,
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { "/api": process.env.SITREP_API ?? "http://127.0.0.1:8787" },
  },
});
