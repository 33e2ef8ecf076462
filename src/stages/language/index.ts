import type { Stage } from "../../core/stage.js";
import { detectLanguage } from "./detect-language.js";

/** Language: ISO 639-1 code of the clean text. */
export const languageStage: Stage = {
  name: "language",
  version: "0.1.0",
  requires: ["text"],
  provides: ["language"],
  run: (doc) => ({ ...doc, language: detectLanguage(doc.text) }),
};
