import type { Command } from "commander";
import { createContext } from "../../core/context.js";
import { SitrepError } from "../../core/errors.js";
import { startServer } from "../../server/start-server.js";
import { openStore, DEFAULT_DB } from "../../store/open-store.js";
import { DB_OPTION } from "../with-store.js";

/** `sitrep serve [--db FILE] [--port N] [--host H] [--token T] [--allow-private-urls]`: the desk (HTTP API and web UI). */
export function serveCommand(program: Command): void {
  program
    .command("serve")
    .description("serve the stored record: HTTP API (/api, /openapi.json) and the web UI")
    .option(...DB_OPTION)
    .option("--port <n>", "port (0: any free port)", (v) => Number(v), 8787)
    .option("--host <host>", "address to bind; anything but the loopback needs a token", "127.0.0.1")
    .option("--token <token>", "require this token (Authorization: Bearer, or open /#token=… in the browser); default $SITREP_TOKEN")
    .option("--allow-private-urls", "let POST /api/ingest fetch private, loopback and link-local addresses")
    .option("--max-body <bytes>", "largest request body", (v) => Number(v), 10 * 1024 * 1024)
    .addHelpText("after", `
Examples:
  sitrep demo && sitrep serve            then open http://127.0.0.1:8787
  SITREP_TOKEN=$(openssl rand -hex 16) sitrep serve --host 0.0.0.0
Stop with Ctrl-C.`)
    .action(async (opts: { db?: string; port: number; host: string; token?: string; allowPrivateUrls?: boolean; maxBody: number }) => {
      if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new SitrepError("E_USAGE", `--port ${opts.port} is not a port`, "give 0..65535");
      if (!Number.isFinite(opts.maxBody) || opts.maxBody < 1024) throw new SitrepError("E_USAGE", `--max-body ${opts.maxBody} is too small`, "give at least 1024 bytes");
      const token = opts.token ?? (process.env.SITREP_TOKEN || undefined);
      const store = await openStore(opts.db ?? process.env.SITREP_DATABASE_URL ?? DEFAULT_DB);
      let server;
      try {
        server = await startServer({ store, ctx: createContext(), host: opts.host, port: opts.port, token, allowPrivate: !!opts.allowPrivateUrls, maxBodyBytes: opts.maxBody });
      } catch (e) {
        await store.close();
        throw e;
      }
      const s = await store.stats();
      process.stdout.write(`sitrep desk: ${server.url}/${token ? "#token=<your token>" : ""}  (${s.documents} documents, ${s.stories} stories; API at ${server.url}/api, schema at ${server.url}/openapi.json)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          resolve();
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
      await server.close();
      await store.close();
    });
}
