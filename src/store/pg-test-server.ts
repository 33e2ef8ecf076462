import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { SitrepError } from "../core/errors.js";

/**
 * PostgreSQL for tests and benchmarks.
 *
 * - `$SITREP_TEST_PG_URL` when set (CI starts a server and sets it);
 * - otherwise a throwaway cluster on loopback started by `scripts/pg-server.mjs start` when PostgreSQL's binaries are
 *   here (it keeps running after the tests; `node scripts/pg-server.mjs stop` stops it);
 * - otherwise null, and the PostgreSQL tests skip with {@link PG_SKIP_REASON} — unless `$SITREP_REQUIRE_PG=1`,
 *   then it throws.
 *
 * The URL's role must be able to CREATE DATABASE: every test works in its own database ({@link createTestDatabase}).
 */
export function pgTestUrl(): Promise<string | null> {
  return (cached ??= findServer());
}

let cached: Promise<string | null> | undefined;

/** Why the PostgreSQL tests were skipped. */
export const PG_SKIP_REASON =
  "no PostgreSQL here: install Debian's postgresql package, or set SITREP_TEST_PG_URL (SITREP_REQUIRE_PG=1 turns this skip into a failure)";

const SCRIPT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "scripts", "pg-server.mjs");

async function findServer(): Promise<string | null> {
  const env = process.env.SITREP_TEST_PG_URL?.trim();
  if (env) return env;
  const require = process.env.SITREP_REQUIRE_PG === "1";
  const r = await new Promise<{ code: number; out: string; err: string }>((resolve) =>
    execFile(process.execPath, [SCRIPT, "start"], { timeout: 180_000 }, (e, out, err) =>
      resolve({ code: e ? (typeof e.code === "number" ? e.code : 1) : 0, out, err }),
    ),
  );
  if (r.code === 3 && !require) return null;
  if (r.code !== 0) throw new SitrepError("E_STORE", `could not start the test PostgreSQL (scripts/pg-server.mjs start exited ${r.code}): ${r.err.trim()}`, "see the message above, or set SITREP_TEST_PG_URL");
  const url = r.out.trim().split("\n").pop() ?? "";
  if (!/^postgres(ql)?:\/\//.test(url)) throw new SitrepError("E_STORE", `scripts/pg-server.mjs printed no URL: ${r.out}${r.err}`);
  return url;
}

/** A fresh, empty database on the server of `baseUrl`, and a way to drop it (after its pools are closed). */
export async function createTestDatabase(baseUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sitrep_test_${randomBytes(6).toString("hex")}`;
  const admin = async (stmt: string) => {
    const c = new pg.Client({ connectionString: baseUrl });
    await c.connect();
    try {
      await c.query(stmt);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  const drop = async () => {
    // FORCE ends sessions still in the database (an autovacuum worker, say); a role that may not signal them
    // (no pg_signal_backend) gets a plain DROP, retried while they finish.
    for (let i = 0; ; i++) {
      try {
        return await admin(`DROP DATABASE IF EXISTS ${name}${i === 0 ? " WITH (FORCE)" : ""}`);
      } catch (e) {
        const code = (e as { code?: string }).code;
        if (i >= 25 || (code !== "42501" && code !== "55006")) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  };
  return { url: u.toString(), drop };
}
