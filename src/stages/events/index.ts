import type { Stage } from "../../core/stage.js";

/** Events: PLOVER coding. (placeholder) */
export const eventsStage: Stage = {
  name: "events",
  version: "0.0.1",
  requires: ["sentences", "entities", "times", "published"],
  provides: ["events"],
  run: (doc) => ({ ...doc, events: [] }),
};
