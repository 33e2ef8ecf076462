import { analyzeText } from "../../test-helpers/analyze-text.js";
const t = process.argv[2];
const d = analyzeText(t, { upTo: "entities" });
for (const e of d.entities!) console.log(e.id, e.kb, e.name, e.type, JSON.stringify(e.mentions.map((m) => m.text)));
