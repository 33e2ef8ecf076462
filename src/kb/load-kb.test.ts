import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultDataDir } from "../core/context.js";
import { SitrepError } from "../core/errors.js";
import { buildAliasTrie } from "./alias-trie.js";
import { loadKb } from "./load-kb.js";

/**
 * CPU milliseconds of this thread (Linux: /proc/thread-self/schedstat), else of the process. Not wall time: the test
 * runner shares the machine with other processes. Not the process's either, where the thread's own is readable: that
 * counts the module loader's thread compiling sources on a cold start (tsx), which is no part of loading the KB.
 */
function threadCpuMs(): number {
  try {
    return Number(readFileSync("/proc/thread-self/schedstat", "latin1").split(" ")[0]) / 1e6;
  } catch {
    const c = process.cpuUsage();
    return (c.user + c.system) / 1000;
  }
}

test("the knowledge base loads and indexes in under 200 ms", () => {
  const t0 = threadCpuMs();
  const kb = loadKb(defaultDataDir());
  buildAliasTrie(kb);
  const ms = threadCpuMs() - t0;
  assert.ok(kb.size > 500, `size ${kb.size}`);
  assert.ok(ms < 200, `${ms.toFixed(0)} ms`);
});

test("states come from i18n-iso-countries in en/fr/ar, merged with the overlay", () => {
  const kb = loadKb(defaultDataDir());
  const syria = kb.get("syria")!;
  assert.equal(syria.name, "Syria");
  for (const n of ["Syrian Arab Republic", "Syrie", "سوريا"]) assert.ok(syria.aliases.includes(n), n);
  assert.equal(kb.lookup("États-Unis")[0]?.id, "united-states");
  assert.equal(kb.get("germany")?.iso, "DE");
  // the overlay drops Arabic عمان from Oman: it is also Amman
  assert.ok(!kb.get("oman")!.aliases.includes("عمان"));
});

test("every Kata'ib Hezbollah spelling of the press looks up one entry, never Lebanon's Hezbollah", () => {
  const kb = loadKb(defaultDataDir());
  for (const n of ["Kata'ib Hezbollah", "Kataib Hezbollah", "Kataeb Hezbollah", "Ketaib Hezbollah", "Hezbollah Brigades", "Brigades du Hezbollah", "كتائب حزب الله"])
    assert.deepEqual(kb.lookup(n).map((e) => e.id), ["kataib-hezbollah"], n);
  assert.deepEqual(kb.lookup("Hezbollah").map((e) => e.id), ["hezbollah-lebanon"]);
});

test("outlets are found by web host and by name", () => {
  const kb = loadKb(defaultDataDir());
  assert.equal(kb.findOutlet("www.radiohc.cu")?.id, "radio-habana-cuba");
  assert.equal(kb.findOutlet("english.almayadeen.net")?.id, "al-mayadeen");
  assert.equal(kb.findOutlet("Press TV")?.id, "press-tv");
});

function fixture(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "kb-"));
  mkdirSync(join(dir, "kb"));
  for (const [f, body] of Object.entries(files)) writeFileSync(join(dir, "kb", f), body);
  return dir;
}

test("the loader rejects bad entries with a coded error naming file and line", () => {
  const cases: [string, RegExp][] = [
    ['{"id":"x","type":"militia","name":"X"}', /a\.jsonl:1: "type"/],
    ['{"id":"X Y","type":"place","name":"X"}', /"id" must be/],
    ['{"id":"x","type":"place","name":"X","lat":"33"}', /"lat" must be a number/],
    ['{"id":"x","type":"place","name":"X","wikidata":"123"}', /"wikidata"/],
    ['{"id":"x","type":"place","name":"X","relations":[{"rel":"located in","target":"nowhere"}]}', /unknown id "nowhere"/],
    ['{"id":"x","type":"place","name":"X"}\n{"id":"x","type":"place","name":"Y"}', /duplicate id "x"/],
    ["{not json", /invalid JSON/],
  ];
  for (const [body, msg] of cases)
    assert.throws(() => loadKb(fixture({ "a.jsonl": body })), (e: unknown) => e instanceof SitrepError && e.code === "E_DATA" && msg.test(e.message), body);
});

test("every loaded entry has one object shape: the same keys in the same order (absent fields undefined)", () => {
  const kb = loadKb(defaultDataDir());
  const shapes = new Set<string>();
  for (const e of kb.all()) shapes.add(Object.keys(e).join(","));
  assert.deepEqual([...shapes], ["id,type,name,aliases,wikidata,lat,lon,geoPrecision,domains,relations,roles,demonyms,quoted,iso"]);
  const iraq = kb.lookup("Iraq").find((e) => e.type === "state");
  assert.ok(iraq && iraq.iso === "IQ" && iraq.aliases.length > 0);
});
