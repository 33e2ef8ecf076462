import type { Stage } from "../../core/stage.js";
import { findEntities } from "./find-entities.js";

/** Entities: KB lookup with aliases across scripts, partial and acronym mentions, plus discovery of unknown names. */
export const entitiesStage: Stage = {
  name: "entities",
  version: "1.0.0",
  requires: ["tokens", "meta"],
  provides: ["entities"],
  run: (doc, ctx) => ({ ...doc, entities: findEntities(doc, ctx) }),
};
