import { test } from "node:test";
import assert from "node:assert/strict";
import { eventLine } from "./render-report.js";

test("an event line gives date, type, status, slots, place, counts and the attribution phrase as written", () => {
  const line = eventLine({
    type: "ASSAULT", mode: "heavy-weapons", status: "occurred", actor: null, target: { text: "the northern airbase" },
    location: { text: "Northfield" }, date: { date: "2031-05-05" }, counts: { killed: 2, munitions: 12 },
    attribution: { text: "coalition officials said" },
  });
  assert.equal(line, "2031-05-05 ASSAULT/heavy-weapons (occurred) ? → the northern airbase @ Northfield — killed 2, munitions 12 [coalition officials said]");
  assert.equal(eventLine({ type: "THREATEN", status: "threatened", actor: { text: "the brigade" } }), "date?      THREATEN (threatened) the brigade → ?");
});
