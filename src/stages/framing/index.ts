import type { Stage } from "../../core/stage.js";

/** Framing lens. (placeholder) */
export const framingStage: Stage = {
  name: "framing",
  version: "0.0.1",
  requires: ["tokens", "quotes"],
  provides: ["framing"],
  run: (doc) => ({ ...doc, framing: [] }),
};
