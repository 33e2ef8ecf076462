import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openStore } from "./open-store.js";
import { fixtureDoc, storeContract } from "./store-contract.js";

storeContract("sqlite", () => openStore(":memory:"));

test("sqlite: full-text search finds a document by a word of its text, diacritics folded", async () => {
  const s = await openStore(":memory:");
  await s.putDocuments([{ doc: fixtureDoc("f1"), text: "Les forces américaines ont quitté la base.", origin: "o" }]);
  assert.deepEqual((await s.search("americaines")).map((r) => r.id), ["f1"]);
  assert.deepEqual(await s.search("nothing-here"), []);
  await s.close();
});

test("sqlite: the store is one file that survives reopening", async () => {
  const file = join(mkdtempSync(join(tmpdir(), "sitrep-db-")), "x.db");
  const s1 = await openStore(file);
  await s1.putDocuments([{ doc: fixtureDoc("p1"), text: "t", origin: "o" }]);
  await s1.close();
  const s2 = await openStore(file);
  assert.equal(await s2.hasDocument("p1"), true);
  await s2.close();
});
