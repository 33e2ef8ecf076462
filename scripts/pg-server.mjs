#!/usr/bin/env node
// A throwaway PostgreSQL cluster on loopback, for the tests and benchmarks.
//
//   node scripts/pg-server.mjs start [--dir D] [--port P]   initdb when needed, start, print the URL on stdout
//   node scripts/pg-server.mjs url   [--dir D]              print the URL of the running cluster
//   node scripts/pg-server.mjs stop  [--dir D]              stop it (the data stays in D until you delete it)
//
// The cluster listens on 127.0.0.1 only (no Unix socket), with a random password for the `postgres` superuser and
// for a `sitrep` role that owns a `sitrep` database and may create databases (each test makes its own). The
// extensions unaccent and pg_trgm are created in template1 and in sitrep, so every new database has them.
// initdb and postgres refuse to run as root: as root, they run as the `postgres` OS user (runuser).
// `start` is idempotent (already running: it prints the URL) and safe to call from parallel processes (a lock).
// Exit codes: 0 ok, 3 no PostgreSQL binaries here (tests skip), 1 anything else.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DEFAULT_DIR = join(ROOT, "out", "pg");
const DEFAULT_PORT = 54329;
const NO_BINARIES = 3;

function fail(msg, code = 1) {
  process.stderr.write(`pg-server: ${msg}\n`);
  process.exit(code);
}

function parseArgs(argv) {
  const [cmd, ...rest] = argv;
  const opts = { cmd, dir: process.env.SITREP_PG_DIR || DEFAULT_DIR, port: null };
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === "--dir") opts.dir = resolve(rest[++i] ?? fail("--dir needs a folder", 2));
    else if (rest[i] === "--port") opts.port = Number(rest[++i]);
    else fail(`unknown option ${rest[i]} (expected --dir D or --port P)`, 2);
  }
  if (opts.port !== null && !(Number.isInteger(opts.port) && opts.port > 0 && opts.port < 65536)) fail("--port needs a port number", 2);
  if (!["start", "stop", "url"].includes(cmd)) fail("usage: pg-server.mjs start|stop|url [--dir D] [--port P]", 2);
  return opts;
}

/** The folder of initdb/pg_ctl: $PG_BINDIR, else Debian's /usr/lib/postgresql/<newest>/bin, or the PATH. */
function findBinDir() {
  // PG_BINDIR, when set, is the only place looked at (PG_BINDIR=/none shows what a machine without PostgreSQL does).
  if (process.env.PG_BINDIR) return existsSync(join(process.env.PG_BINDIR, "initdb")) ? process.env.PG_BINDIR : null;
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v) && existsSync(join(debian, v, "bin", "initdb"))).sort((a, b) => +b - +a);
    if (versions.length) return join(debian, versions[0], "bin");
  }
  for (const p of (process.env.PATH ?? "").split(":")) if (p && existsSync(join(p, "initdb")) && existsSync(join(p, "pg_ctl"))) return p;
  return null;
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

/** Runs a PostgreSQL binary, as the postgres OS user when we are root. */
function pgRun(bin, args, { allowFail = false } = {}) {
  const [cmd, argv] = isRoot ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
  const r = spawnSync(cmd, argv, { encoding: "utf8" });
  if (r.error) fail(`cannot run ${bin}: ${r.error.message}`);
  if (r.status !== 0 && !allowFail) fail(`${bin.split("/").pop()} ${args.join(" ")} failed (${r.status}):\n${r.stdout}${r.stderr}`);
  return r;
}

function owned(path) {
  if (!isRoot) return;
  const r = spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  const g = spawnSync("id", ["-g", "postgres"], { encoding: "utf8" });
  if (r.status !== 0) fail("running as root, but there is no `postgres` OS user to run the server as");
  chownSync(path, Number(r.stdout.trim()), Number(g.stdout.trim()));
}

function readState(dir) {
  const f = join(dir, "state.json");
  return existsSync(f) ? JSON.parse(readFileSync(f, "utf8")) : null;
}

function writeState(dir, state) {
  writeFileSync(join(dir, "state.json"), JSON.stringify(state, null, 2) + "\n", { mode: 0o600 });
}

const urlOf = (s) => `postgresql://sitrep:${s.sitrepPassword}@127.0.0.1:${s.port}/sitrep`;
const adminUrlOf = (s, db = "postgres") => `postgresql://postgres:${s.superPassword}@127.0.0.1:${s.port}/${db}`;

function isRunning(bin, data) {
  return existsSync(join(data, "PG_VERSION")) && pgRun(join(bin, "pg_ctl"), ["status", "-D", data], { allowFail: true }).status === 0;
}

/** A lock folder, so that parallel test processes start one cluster; a lock older than 2 minutes is stale. */
async function withLock(dir, fn) {
  const lock = `${dir}.lock`;
  mkdirSync(dirname(lock), { recursive: true });
  const until = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if (e.code !== "EEXIST") throw e;
      try {
        if (Date.now() - statSync(lock).mtimeMs > 120_000) rmSync(lock, { recursive: true, force: true });
      } catch {}
      if (Date.now() > until) fail(`timed out waiting for ${lock}; delete it if no other start is running`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function initCluster(bin, dir, data, port) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  owned(dir);
  const state = { port, superPassword: randomBytes(12).toString("hex"), sitrepPassword: randomBytes(12).toString("hex") };
  const pw = join(dir, "superuser.pw");
  writeFileSync(pw, state.superPassword + "\n", { mode: 0o600 });
  owned(pw);
  const locales = spawnSync("locale", ["-a"], { encoding: "utf8" }).stdout ?? "";
  // C.UTF-8: byte order like SQLite, but Unicode-aware lower() and text-search parsing (Arabic, accented letters).
  const locale = /^C\.utf-?8$/im.test(locales) ? "C.UTF-8" : "C";
  pgRun(join(bin, "initdb"), ["-D", data, "-U", "postgres", `--pwfile=${pw}`, "--auth-host=scram-sha-256", "--auth-local=peer", "--encoding=UTF8", `--locale=${locale}`]);
  rmSync(pw);
  const conf = [
    "# sitrep test cluster (scripts/pg-server.mjs): loopback only, no Unix socket",
    "listen_addresses = '127.0.0.1'",
    "unix_socket_directories = ''",
    "max_connections = 200",
    "",
  ].join("\n");
  writeFileSync(join(data, "postgresql.conf"), readFileSync(join(data, "postgresql.conf"), "utf8") + "\n" + conf);
  writeState(dir, state);
  return state;
}

async function setUp(state) {
  const pg = (await import("pg")).default;
  const run = async (db, stmts) => {
    const c = new pg.Client({ connectionString: adminUrlOf(state, db) });
    await c.connect();
    try {
      for (const s of stmts) await c.query(s);
    } finally {
      await c.end();
    }
  };
  const c = new pg.Client({ connectionString: adminUrlOf(state) });
  await c.connect();
  const role = await c.query("SELECT 1 FROM pg_roles WHERE rolname = 'sitrep'");
  if (!role.rowCount) await c.query(`CREATE ROLE sitrep LOGIN CREATEDB PASSWORD '${state.sitrepPassword}'`);
  const db = await c.query("SELECT 1 FROM pg_database WHERE datname = 'sitrep'");
  if (!db.rowCount) await c.query("CREATE DATABASE sitrep OWNER sitrep");
  // DROP DATABASE … WITH (FORCE) of a test database must be able to end an autovacuum worker busy in it.
  await c.query("GRANT pg_signal_backend TO sitrep");
  await c.end();
  const ext = ["CREATE EXTENSION IF NOT EXISTS unaccent", "CREATE EXTENSION IF NOT EXISTS pg_trgm"];
  await run("template1", ext);
  await run("sitrep", ext);
}

/** Whether 127.0.0.1:port can be bound (port 0: the free port the system picks, or false). */
async function portFree(port) {
  const net = await import("node:net");
  return new Promise((done) => {
    const srv = net.createServer();
    srv.once("error", () => done(false));
    srv.listen(port, "127.0.0.1", () => {
      const got = srv.address().port;
      srv.close(() => done(port === 0 ? got : true));
    });
  });
}

async function start({ dir, port }) {
  const bin = findBinDir();
  if (!bin) fail("no PostgreSQL binaries (initdb, pg_ctl) found: install Debian's postgresql package or set PG_BINDIR", NO_BINARIES);
  const data = join(dir, "data");
  await withLock(dir, async () => {
    let state = readState(dir);
    if (!state || !existsSync(join(data, "PG_VERSION"))) {
      if (existsSync(dir) && readdirSync(dir).length) {
        // Only a folder this script made (state.json) is ever deleted.
        if (!state) fail(`${dir} is not empty and holds no cluster of ours; choose another --dir`);
        rmSync(dir, { recursive: true, force: true });
      }
      state = initCluster(bin, dir, data, port ?? DEFAULT_PORT);
      process.stderr.write(`pg-server: initialised a cluster in ${data}\n`);
    }
    if (!isRunning(bin, data)) {
      if (port && port !== state.port) writeState(dir, (state = { ...state, port }));
      // With no --port, a port another server holds (a second checkout's cluster, say) gives way to a free one.
      if (!port && !(await portFree(state.port))) {
        const free = await portFree(0);
        process.stderr.write(`pg-server: port ${state.port} is taken; using ${free}\n`);
        writeState(dir, (state = { ...state, port: free }));
      }
      const log = join(dir, "server.log");
      const r = pgRun(join(bin, "pg_ctl"), ["start", "-w", "-t", "60", "-D", data, "-l", log, "-o", `-p ${state.port}`], { allowFail: true });
      if (r.status !== 0) {
        const tail = existsSync(log) ? readFileSync(log, "utf8").split("\n").slice(-15).join("\n") : "";
        fail(`pg_ctl start failed (port ${state.port} taken? try --port):\n${r.stdout}${r.stderr}\n${tail}`);
      }
      process.stderr.write(`pg-server: started PostgreSQL on 127.0.0.1:${state.port} (stop: node scripts/pg-server.mjs stop${dir === DEFAULT_DIR ? "" : ` --dir ${dir}`})\n`);
    } else if (port && port !== state.port) {
      fail(`the cluster in ${dir} already runs on port ${state.port}; stop it first to change the port`);
    }
    await setUp(state);
    process.stdout.write(urlOf(state) + "\n");
  });
}

function stop({ dir }) {
  const bin = findBinDir();
  if (!bin) fail("no PostgreSQL binaries found", NO_BINARIES);
  const data = join(dir, "data");
  if (!isRunning(bin, data)) {
    process.stderr.write(`pg-server: not running (${dir})\n`);
    return;
  }
  pgRun(join(bin, "pg_ctl"), ["stop", "-w", "-m", "fast", "-D", data]);
  process.stderr.write("pg-server: stopped\n");
}

function url({ dir }) {
  const bin = findBinDir();
  if (!bin) fail("no PostgreSQL binaries found", NO_BINARIES);
  const state = readState(dir);
  if (!state || !isRunning(bin, join(dir, "data"))) fail(`no cluster running in ${dir}; run: node scripts/pg-server.mjs start`);
  process.stdout.write(urlOf(state) + "\n");
}

const opts = parseArgs(process.argv.slice(2));
if (opts.cmd === "start") await start(opts);
else if (opts.cmd === "stop") stop(opts);
else url(opts);
