// Story dates: an undated document takes its story's date, and so do the undated core events it reports.
import { test } from "node:test";
import assert from "node:assert/strict";
import { analyzeText, testContext } from "../../test-helpers/analyze-text.js";
import { storyDatesStage } from "./index.js";
import type { Corpus } from "../../core/corpus.js";
import type { Doc } from "../../core/doc.js";

/** A dated report and an undated one of the same story, both run through the events stage. */
function pair(undatedText: string): { dated: Doc; undated: Doc; out: Corpus } {
  const dated = analyzeText("Kataib Hezbollah halted its attacks on US forces, a spokesman said.", { upTo: "events", file: "dated.txt", published: "2024-03-14" });
  const undated = analyzeText(undatedText, { upTo: "events", file: "undated.txt" });
  const out = storyDatesStage.run({ docs: [dated, undated], stories: [{ id: "s1", title: null, documents: [dated.id, undated.id], relations: [] }] }, testContext());
  return { dated, undated, out };
}

test("story-dates: an undated core event takes the document's new date, saying so", () => {
  const { undated, out } = pair("Breaking news\n\nKataib Hezbollah announced the suspension of its military operations against US forces.");
  assert.ok((undated.events ?? []).length > 0, "the undated document reports an event");
  assert.ok((undated.events ?? []).every((e) => e.date === null), "undated before story-dates");
  const doc = out.docs.find((d) => d.id === undated.id)!;
  assert.equal(doc.published?.value?.date, "2024-03-14");
  const e = (doc.events ?? []).find((x) => x.type === "RETREAT");
  assert.ok(e, JSON.stringify(doc.events?.map((x) => x.type)));
  assert.equal(e.date?.date, "2024-03-14");
  assert.match(e.date?.basis ?? "", /^no date in the sentence; the report's date: /);
  assert.equal(e.tier, "core");
});

test("story-dates: a weekday in the event's sentence resolves against the new date", () => {
  const { undated, out } = pair("Breaking news\n\nKataib Hezbollah announced on Tuesday the suspension of its military operations against US forces.");
  assert.ok((undated.events ?? []).every((e) => e.date === null));
  const e = (out.docs.find((d) => d.id === undated.id)!.events ?? []).find((x) => x.type === "RETREAT");
  assert.ok(e);
  // 2024-03-14 is a Thursday: the Tuesday before is the 12th
  assert.equal(e.date?.date, "2024-03-12");
});

test("story-dates: the events of a document with a date of its own are left alone", () => {
  const { dated, out } = pair("Breaking news\n\nKataib Hezbollah announced the suspension of its military operations against US forces.");
  assert.equal(out.docs.find((d) => d.id === dated.id), dated);
});
