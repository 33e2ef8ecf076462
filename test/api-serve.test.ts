// `sitrep serve` as a user starts it: a real process on a free port, the API answering, Ctrl-C (SIGTERM) stopping it
// cleanly; and the refusal to listen beyond the loopback without a token.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const cli = [join(root, "src/cli/entry.ts")];

test("sitrep serve listens on 127.0.0.1, answers the API, and stops on SIGTERM", async () => {
  const db = join(mkdtempSync(join(tmpdir(), "sitrep-serve-")), "desk.db");
  const p = spawn(process.execPath, ["--import", "tsx", ...cli, "serve", "--db", db, "--port", "0"], { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, SITREP_TOKEN: "" } });
  let err = "";
  p.stderr.on("data", (b) => (err += b));
  const url = await new Promise<string>((ok, fail) => {
    let out = "";
    p.stdout.on("data", (b) => {
      out += b;
      const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out);
      if (m) ok(m[0]);
    });
    p.once("exit", (c) => fail(new Error(`exited ${c}: ${err}`)));
  });
  try {
    const h = await fetch(`${url}/api/health`);
    assert.equal(h.status, 200);
    assert.deepEqual(((await h.json()) as { stats: { documents: number } }).stats.documents, 0);
    const doc = await fetch(`${url}/openapi.json`);
    assert.equal(((await doc.json()) as { info: { title: string } }).info.title, "sitrep desk API");
  } finally {
    p.kill("SIGTERM");
  }
  const code = await new Promise<number | null>((ok) => p.once("exit", ok));
  assert.equal(code, 0, err);
});

test("sitrep serve --host 0.0.0.0 without a token is refused with a usage error", () => {
  const db = join(mkdtempSync(join(tmpdir(), "sitrep-serve-")), "desk.db");
  const r = spawnSync(process.execPath, ["--import", "tsx", ...cli, "serve", "--db", db, "--host", "0.0.0.0", "--port", "0"], { cwd: root, encoding: "utf8", env: { ...process.env, SITREP_TOKEN: "" } });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /without a token/);
  assert.match(r.stderr, /--token/);
});
