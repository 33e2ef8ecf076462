import type { Stage } from "../../core/stage.js";

/** Entities: KB lookup with aliases across scripts, plus discovery. (placeholder until the KB lands) */
export const entitiesStage: Stage = {
  name: "entities",
  version: "0.0.1",
  requires: ["tokens", "meta"],
  provides: ["entities"],
  run: (doc) => ({ ...doc, entities: [] }),
};
