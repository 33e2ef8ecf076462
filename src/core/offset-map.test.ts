import { test } from "node:test";
import assert from "node:assert/strict";
import { TextBuilder } from "./offset-map.js";

test("TextBuilder maps copied runs and synthetic pieces back to the original", () => {
  const raw = "# *Title*\n\nBody &amp; more";
  const b = new TextBuilder();
  b.copy(raw, 3, 8); // "Title"
  b.insert("\n\n", 9);
  b.copy(raw, 11, 16); // "Body "
  b.insert("&", 16);
  b.copy(raw, 21, 26); // " more"
  const { text, offsets } = b.build();
  assert.equal(text, "Title\n\nBody & more");
  const title = offsets.spanToOriginal({ start: 0, end: 5 });
  assert.equal(raw.slice(title.start, title.end), "Title");
  const body = offsets.spanToOriginal({ start: 7, end: 11 });
  assert.equal(raw.slice(body.start, body.end), "Body");
  const more = offsets.spanToOriginal({ start: text.indexOf("more"), end: text.length });
  assert.equal(raw.slice(more.start, more.end), "more");
  const amp = offsets.spanToOriginal({ start: 12, end: 13 });
  assert.equal(amp.start, 16);
});
