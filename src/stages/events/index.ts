import type { Stage } from "../../core/stage.js";
import { extractEvents } from "./extract-events.js";
import { loadEventLexicon, loadEventTables } from "./event-lexicon.js";

/** Events: PLOVER-coded events with slots, status and evidence, from per-language trigger lexicons. */
export const eventsStage: Stage = {
  name: "events",
  version: "1.0.0",
  requires: ["sentences", "entities", "times", "published"],
  provides: ["events"],
  run: (doc, ctx) => {
    const lang = doc.language?.code ?? "und";
    const lex = ctx.resource(`events:lexicon:${lang}`, () => loadEventLexicon(ctx, lang));
    const tables = ctx.resource("events:tables", loadEventTables);
    return { ...doc, events: extractEvents(doc, lex, tables) };
  },
};
