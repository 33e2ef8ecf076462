// Events stage: slot, trigger and duplicate rules, table-driven, in English. Sentences are our own.
import { test } from "node:test";
import assert from "node:assert/strict";
import type { Doc, EntityRecord, EntityType, EventRecord } from "../../core/doc.js";
import { analyzeText, testContext } from "../../test-helpers/analyze-text.js";
import { eventsStage } from "./index.js";

type Ent = [name: string, type: EntityType, kb?: string];

/** Runs the pipeline up to the dates stage, then sets the entities by name so the case does not depend on the KB. */
function events(body: string, ents: Ent[]): { doc: Doc; events: readonly EventRecord[] } {
  const text = `A headline about something else\n\n${body}`;
  const base = analyzeText(text, { upTo: "dates", published: "2024-02-01" });
  const entities: EntityRecord[] = ents.map(([name, type, kb], i) => {
    const mentions = [];
    for (let at = base.text.indexOf(name); at >= 0; at = base.text.indexOf(name, at + name.length)) mentions.push({ start: at, end: at + name.length, text: name });
    return { id: `e${i + 1}`, kb: kb ?? null, name, aliases: [], type, mentions };
  });
  const doc = eventsStage.run({ ...base, entities }, testContext());
  return { doc, events: doc.events ?? [] };
}

const name = (doc: Doc, ref: { entity: string | null; text: string } | null | undefined) =>
  ref ? (doc.entities ?? []).find((e) => e.id === ref.entity)?.name ?? `text:${ref.text}` : null;

interface Expect {
  type: string;
  actor?: string | null;
  target?: string | null;
  status?: string;
  trigger?: RegExp;
}
interface Case {
  readonly title: string;
  readonly text: string;
  readonly ents: Ent[];
  readonly expect?: Expect[];
  readonly none?: Expect[];
  /** The exact number of events the text gives, when the case is about duplicates. */
  readonly count?: number;
}

const fits = (doc: Doc, e: EventRecord, w: Expect): boolean =>
  e.type === w.type &&
  (!w.trigger || w.trigger.test(e.trigger.text)) &&
  (w.actor === undefined || name(doc, e.actor) === w.actor) &&
  (w.target === undefined || name(doc, e.target) === w.target) &&
  (w.status === undefined || e.status === w.status);

const IRAN: Ent = ["Iran", "state", "iran"];
const ISRAEL: Ent = ["Israel", "state", "israel"];
const HAMAS: Ent = ["Hamas", "armed_group", "hamas"];

const CASES: Case[] = [
  { title: "a name inside a hyphenated modifier is no target: 'pro-Iran fighters'",
    text: "Seven pro-Iran fighters were killed in the raid on Tuesday.", ents: [IRAN],
    none: [{ type: "ASSAULT", target: "Iran" }] },
  { title: "'Iran-backed militiamen' is no target either",
    text: "The bombardment killed at least nine Iran-backed militiamen near the border.", ents: [IRAN],
    none: [{ type: "ASSAULT", target: "Iran" }] },
  { title: "a hyphenated pair before a war noun names both sides: 'the Israel-Hamas war'",
    text: "Prices have risen since the Israel-Hamas war started last autumn.", ents: [ISRAEL, HAMAS],
    expect: [{ type: "ASSAULT", actor: "Israel", target: "Hamas", trigger: /^war$/ }] },
  { title: "a country's possessive acts through the noun: 'Israel's war on Hamas'",
    text: "Aid groups criticised Israel's war on Hamas in a joint letter.", ents: [ISRAEL, HAMAS],
    expect: [{ type: "ASSAULT", actor: "Israel", target: "Hamas" }] },
  { title: "a war nobody wages is no event: 'fears of a wider war'",
    text: "Diplomats voiced fears of a wider war with Iran.", ents: [IRAN],
    none: [{ type: "ASSAULT" }] },
  { title: "compounds of 'war' are no war: 'a war monitor said'",
    text: "A British war monitor said the figures were rising.", ents: [["British", "state", "united-kingdom"]],
    none: [{ type: "ASSAULT" }] },
];

for (const c of CASES) {
  test(`events en: ${c.title}`, () => {
    const { doc, events: evs } = events(c.text, c.ents);
    const shown = () => JSON.stringify(evs.map((e) => `${e.type} [${e.status}] ${name(doc, e.actor)} -> ${name(doc, e.target)} '${e.trigger.text}'`));
    for (const w of c.expect ?? []) assert.ok(evs.some((e) => fits(doc, e, w)), `expected ${JSON.stringify(w, (_, x) => (x instanceof RegExp ? String(x) : x))} in ${shown()}`);
    for (const w of c.none ?? []) assert.ok(!evs.some((e) => fits(doc, e, w)), `unexpected ${JSON.stringify(w)} in ${shown()}`);
    if (c.count !== undefined) assert.equal(evs.length, c.count, shown());
  });
}
