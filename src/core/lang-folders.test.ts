// Every language is the same set of files (data/README.md): this test walks every folder of data/lang.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { defaultDataDir } from "./context.js";

const root = join(defaultDataDir(), "lang");
const langs = readdirSync(root).filter((d) => !d.startsWith(".") && !d.endsWith(".md"));
/** Files a language may have that others do not (language-specific or benchmark-only). */
const OWN = new Set(["speech-prefixes.txt", "event-refiners.tsv"]);

test("there are language folders for en, fr and ar", () => {
  for (const l of ["en", "fr", "ar"]) assert.ok(langs.includes(l), l);
});

test("every language folder has the same files, each opening with a # header", () => {
  const sets = langs.map((l) => new Set(readdirSync(join(root, l)).filter((f) => !OWN.has(f))));
  const all = new Set(sets.flatMap((s) => [...s]));
  langs.forEach((l, i) => {
    const missing = [...all].filter((f) => !sets[i].has(f));
    assert.deepEqual(missing, [], `data/lang/${l} lacks ${missing.join(", ")}`);
    for (const f of readdirSync(join(root, l))) {
      const first = readFileSync(join(root, l, f), "utf8").split(/\r?\n/)[0];
      assert.ok(first.startsWith("#"), `data/lang/${l}/${f} needs a # header line`);
    }
  });
});

test("tsv rows have no empty first column", () => {
  for (const l of langs)
    for (const f of readdirSync(join(root, l)).filter((x) => x.endsWith(".tsv"))) {
      readFileSync(join(root, l, f), "utf8").split(/\r?\n/).forEach((line, i) => {
        if (!line.trim() || line.startsWith("#")) return;
        assert.notEqual(line.split("\t")[0].trim(), "", `data/lang/${l}/${f}:${i + 1}`);
      });
    }
});
