import { test } from "node:test";
import assert from "node:assert/strict";
import { cleanText } from "./clean-text.js";
import { loadCleanPatterns } from "./clean-patterns.js";
import { testContext } from "../../test-helpers/analyze-text.js";

const patterns = loadCleanPatterns(testContext().dataDir);

// A page saved as text/Markdown, written for this test.
const page = [
  "",
  "# *Militia announces halt to attacks*",
  "",
  "---",
  "",
  "*Image not found or type unknown*",
  "",
  "In this photo, fighters of an armed group march during a",
  "**parade in the capital. (Photo by AFP)**",
  "",
  "Baghdad, May 2 (XYZ)-- An armed \u200Bgroup said on Friday it would halt its attacks.",
  "",
  "<https://news.example.com/world/123-militia-halt>",
  "",
  "**Example News**",
].join("\n");

test("cleanText drops boilerplate, rules and markdown marks, keeps title and caption regions", () => {
  const r = cleanText(page, patterns);
  assert.ok(!r.text.includes("Image not found"));
  assert.ok(!r.text.includes("---"));
  assert.ok(!r.text.includes("*"));
  assert.ok(!r.text.includes("\u200B"), "zero-width space removed");
  assert.equal(r.diagnostics.find((d) => d.code === "W_CONTROL_CHARS")?.severity, "warning");
  const title = r.regions.find((x) => x.kind === "title")!;
  assert.equal(r.text.slice(title.start, title.end), "Militia announces halt to attacks");
  const caption = r.regions.find((x) => x.kind === "caption")!;
  assert.match(r.text.slice(caption.start, caption.end), /^In this photo.*\(Photo by AFP\)$/s);
  assert.deepEqual(r.aside.map((a) => [a.kind, a.text]), [
    ["boilerplate", "Image not found or type unknown"],
    ["link", "https://news.example.com/world/123-militia-halt"],
    ["signature", "Example News"],
  ]);
});

test("every clean offset maps back to the same characters in the original", () => {
  const r = cleanText(page, patterns);
  for (const word of ["Militia", "Baghdad", "attacks.", "parade", "AFP"]) {
    const i = r.text.indexOf(word);
    const o = r.offsets.spanToOriginal({ start: i, end: i + word.length });
    assert.equal(page.slice(o.start, o.end), word);
  }
  // The word after the removed zero-width space still maps exactly.
  const i = r.text.indexOf("group said");
  const o = r.offsets.spanToOriginal({ start: i, end: i + 5 });
  assert.equal(page.slice(o.start, o.end), "group");
});

test("a short breadcrumb line before the title is set aside", () => {
  const r = cleanText("IraqNews\n\nGroups announce a pause in attacks on foreign troops\n\nThe groups said so on Saturday.\n\nMore text follows here.", patterns);
  const title = r.regions.find((x) => x.kind === "title")!;
  assert.equal(r.text.slice(title.start, title.end), "Groups announce a pause in attacks on foreign troops");
  assert.equal(r.aside[0].text, "IraqNews");
});

test("a first line that is a sentence is not taken as a title", () => {
  const r = cleanText("Les milices ont annoncé mardi une pause.\n\nLe Pentagone a répondu.", patterns);
  assert.equal(r.regions.find((x) => x.kind === "title"), undefined);
});

test("a single-paragraph article has no title region", () => {
  const r = cleanText("Officials said a drone struck a convoy near the border on Sunday without causing casualties", patterns);
  assert.equal(r.regions.find((x) => x.kind === "title"), undefined);
});

test("hard-wrapped lines join with a space; a line after a full stop starts a new paragraph", () => {
  const r = cleanText("Title of the piece here\n\nThe attack on the base was claimed by the\nIslamic Resistance in Iraq on Sunday.\nA second paragraph follows.", patterns);
  assert.match(r.text, /claimed by the Islamic Resistance in Iraq on Sunday\.\nA second paragraph/);
});

test("underscores are emphasis marks only where they open or close an emphasis: a title keeps the others", () => {
  const body = "\n\nThree rockets hit the base near the airport on Monday, officials said.\n\nThe army said it was looking for the launchers.";
  const title = (t: string) => {
    const r = cleanText(t + body, patterns);
    const reg = r.regions.find((x) => x.kind === "title");
    return reg ? r.text.slice(reg.start, reg.end) : null;
  };
  // marks around a word go
  assert.equal(title("__Breaking__ Rockets hit the airport base"), "Breaking Rockets hit the airport base");
  assert.equal(title("**Rockets** hit _the_ airport base"), "Rockets hit the airport base");
  // a run inside a word, or standing alone between spaces, is text
  assert.equal(title("Rockets hit __ base near the airport"), "Rockets hit __ base near the airport");
  assert.equal(title("PMF__statement on the airport attack"), "PMF__statement on the airport attack");
  assert.equal(title("Rockets hit the al_Asad ___ base"), "Rockets hit the al_Asad ___ base");
});

test("a byline line is kept in the text as a byline region, never the title (English, French, Arabic)", () => {
  const body = "\n\nThree rockets hit the base near the airport on Monday, officials said.\n\nThe army said it was looking for the launchers.";
  const regionText = (r: ReturnType<typeof cleanText>, kind: string) => r.regions.filter((x) => x.kind === kind).map((x) => r.text.slice(x.start, x.end));
  // a byline first, then the article: no title
  for (const line of ["By Jane Doe", "Par Jean-Marc Dupont", "بقلم سامي الحسن", "By Ali al-Hamdani and Sara Klein", "**By John Smith** | Example Wire"]) {
    const r = cleanText(line + body, patterns);
    assert.deepEqual(regionText(r, "title"), [], line);
    assert.equal(regionText(r, "byline").length, 1, line);
    assert.ok(r.text.startsWith(regionText(r, "byline")[0]), `${line}: kept in the text`);
  }
  // a title, then a byline: both found
  const r = cleanText("Rockets hit the airport base\n\nBy Jane Doe" + body, patterns);
  assert.deepEqual(regionText(r, "title"), ["Rockets hit the airport base"]);
  assert.deepEqual(regionText(r, "byline"), ["By Jane Doe"]);
  // a byline, then a title line
  const r2 = cleanText("By Jane Doe\n\nRockets hit the airport base" + body, patterns);
  assert.deepEqual(regionText(r2, "title"), ["Rockets hit the airport base"]);
  // the closing credits of a wire story
  const r3 = cleanText("Rockets hit the airport base" + body + "\n\n(Reporting by Jane Doe; Editing by John Smith)", patterns);
  assert.deepEqual(regionText(r3, "byline"), ["(Reporting by Jane Doe; Editing by John Smith)"]);
  // sentences that open with "by" or "par" are text
  for (const line of ["By Monday the troops had left the base.", "by the border", "Par ailleurs, le ministre a parlé."]) {
    assert.deepEqual(regionText(cleanText("Rockets hit the airport base\n\n" + line + body, patterns), "byline"), [], line);
  }
});
