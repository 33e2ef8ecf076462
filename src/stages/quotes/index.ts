import type { Stage } from "../../core/stage.js";

/** Quotes and claims. (placeholder) */
export const quotesStage: Stage = {
  name: "quotes",
  version: "0.0.1",
  requires: ["sentences", "entities"],
  provides: ["quotes", "claims"],
  run: (doc) => ({ ...doc, quotes: [], claims: [] }),
};
