import type { Stage } from "../../core/stage.js";
import { extractEvents } from "./extract-events.js";
import { loadEventLexicon, loadEventTables } from "./event-lexicon.js";
import { partySides, stateForces } from "./party-sides.js";
import { loadKb } from "../../kb/load-kb.js";
import { loadAnchors } from "../dates/anchors.js";
import { partResource } from "../../core/context.js";
import type { EventLexicon } from "./event-lexicon.js";

/** The lexicon of a language, remembered for the last language asked (no key string built and hashed per article). */
const lexiconOf = partResource<EventLexicon>("events:lexicon");

/** Events: PLOVER-coded events with slots, status and evidence, from per-language trigger lexicons. */
export const eventsStage: Stage = {
  name: "events",
  version: "1.0.0",
  requires: ["sentences", "entities", "times", "published"],
  provides: ["events"],
  run: (doc, ctx) => {
    const lang = doc.language?.code ?? "und";
    const lex = lexiconOf(ctx, lang, () => loadEventLexicon(ctx, lang));
    const tables = ctx.resource("events:tables", (dir) => {
      const kb = ctx.resource("kb", loadKb);
      const sides = partySides(kb);
      return { ...loadEventTables(dir), sides, stateForces: stateForces(kb, sides) };
    });
    // the known events of data/time/anchors.jsonl, shared with the dates stage
    const anchors = ctx.resource("time-anchors", loadAnchors);
    return { ...doc, events: extractEvents(doc, lex, tables, anchors) };
  },
};
