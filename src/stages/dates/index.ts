import type { Stage } from "../../core/stage.js";

/** Dates: publication date and time expressions. (placeholder) */
export const datesStage: Stage = {
  name: "dates",
  version: "0.0.1",
  requires: ["sentences", "meta", "entities"],
  provides: ["published", "times"],
  run: (doc) => ({ ...doc, published: { value: null, reason: "not implemented" }, times: [] }),
};
