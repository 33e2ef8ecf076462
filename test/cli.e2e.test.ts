// End-to-end: the sitrep command on the project's own example articles (examples/), through a real process.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
function sitrep(...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, ["--import", "tsx", join(root, "src/cli/entry.ts"), ...args], { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

test("analyze --json prints the contract for every example, offsets into the original input", async () => {
  const r = sitrep("analyze", "examples", "--json", "--quiet");
  assert.equal(r.code, 0, r.err);
  const out = JSON.parse(r.out);
  const files = out.documents.map((d: { file: string }) => d.file).sort();
  assert.deepEqual(files, ["ain-al-asad-2021", "camp-taji-2020", "kh-suspension-ar.txt", "suspension-2024-fr", "tower22-en.md", "tower22-fr.txt", "us-strikes-feb2.html"]);
  const lang = Object.fromEntries(out.documents.map((d: { file: string; language: string }) => [d.file, d.language]));
  assert.equal(lang["kh-suspension-ar.txt"], "ar");
  assert.equal(lang["tower22-fr.txt"], "fr");
  assert.equal(lang["tower22-en.md"], "en");
  // Every document is in exactly one story.
  const inStories = out.stories.flatMap((s: { documents: string[] }) => s.documents).sort();
  assert.deepEqual(inStories, files);
  // The Markdown example: title without marks, URL from the link line, dateline offsets into the raw file.
  const md = out.documents.find((d: { file: string }) => d.file === "tower22-en.md");
  assert.equal(md.title, "Drone attack kills three US soldiers at Tower 22 in Jordan");
  assert.equal(md.url, "https://example.org/news/2024/01/29/tower-22-drone-attack");
  const raw = (await import("node:fs")).readFileSync(join(root, "examples/tower22-en.md"), "utf8");
  assert.equal(raw.slice(md.dateline.start, md.dateline.end), "Amman, January 29 (Sitrep Wire)-- ");
  for (const e of md.entities) for (const m of e.mentions) assert.equal(raw.slice(m.start, m.end), m.text);
});

test("a batch with bad items: diagnostics name them, exit code 1, the rest is analysed", () => {
  const dir = mkdtempSync(join(tmpdir(), "sitrep-e2e-"));
  writeFileSync(join(dir, "good.txt"), "Rockets struck a base in Anbar province on Monday, officials said.");
  writeFileSync(join(dir, "empty.txt"), "");
  writeFileSync(join(dir, "bad.jsonl"), '{"id":"ok1","text":"Talks between the two sides resumed in Baghdad."}\n{broken\n');
  const r = sitrep("analyze", dir, "--json", "--quiet");
  assert.equal(r.code, 1);
  const out = JSON.parse(r.out);
  assert.deepEqual(out.documents.map((d: { file: string }) => d.file).sort(), ["good.txt", "ok1"]);
  assert.match(r.err, /E_EMPTY .*empty\.txt/);
  assert.match(r.err, /E_JSONL .*bad\.jsonl:2/);
});

test("ingest stores, re-ingest is a no-op, report and events read the store", () => {
  const db = join(mkdtempSync(join(tmpdir(), "sitrep-e2e-")), "t.db");
  const first = sitrep("ingest", "examples", "--db", db, "--quiet");
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /ingested 7 new, 0 already stored, 0 failed/);
  const again = sitrep("ingest", "examples", "--db", db, "--quiet");
  assert.match(again.out, /ingested 0 new, 7 already stored/);
  const report = sitrep("report", "--db", db);
  assert.equal(report.code, 0);
  assert.match(report.out, /SITUATION REPORT — 7 document\(s\)/);
  const json = JSON.parse(sitrep("report", "--db", db, "--json").out);
  assert.equal(json.documents.length, 7);
  const csv = sitrep("events", "--db", db, "--format", "csv");
  assert.equal(csv.code, 0);
  assert.match(csv.out.split("\n")[0], /^event_date,event_type,sub_event_type,actor1,actor2,location,latitude,longitude,fatalities,source,notes/);
  const geo = JSON.parse(sitrep("events", "--db", db, "--format", "geojson").out);
  assert.equal(geo.type, "FeatureCollection");
});

test("demo fills the store and prints the report; --help teaches every command", () => {
  const db = join(mkdtempSync(join(tmpdir(), "sitrep-e2e-")), "demo.db");
  const r = sitrep("demo", "--db", db);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /SITUATION REPORT/);
  for (const cmd of ["analyze", "ingest", "report", "demo", "events", "entity", "stories", "pipeline"]) {
    const h = sitrep(cmd, "--help");
    assert.equal(h.code, 0);
    assert.match(h.out, /Usage: sitrep/);
  }
  const bad = sitrep("events", "--db", db, "--format", "xml");
  assert.equal(bad.code, 2);
  assert.match(bad.err, /E_USAGE: unknown --format "xml" — use one of/);
});

test("a reader that closes the pipe early (sitrep analyze … | head) ends the command quietly: exit 0, no stack trace", async () => {
  const { spawn } = await import("node:child_process");
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "src/cli/entry.ts"), "analyze", "examples", "--json", "--quiet"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr.on("data", (b: Buffer) => (err += b.toString()));
  // the reader closes the pipe before the command writes (as `head -c 0` would)
  child.stdout.destroy();
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  assert.equal(code, 0, err);
  assert.doesNotMatch(err, /EPIPE|at /);
});
