import type { Stage } from "../../core/stage.js";
import { loadCleanPatterns } from "./clean-patterns.js";
import { cleanHtml } from "./clean-html.js";
import { cleanText } from "./clean-text.js";

/** Clean: sets Doc.text once (boilerplate, captions, markdown noise out) with a map back to the input. */
export const cleanStage: Stage = {
  name: "clean",
  version: "0.1.0",
  requires: [],
  provides: ["text"],
  run(doc, ctx) {
    const patterns = ctx.resource("clean-patterns", loadCleanPatterns);
    if (doc.source.format === "html") {
      const r = cleanHtml(doc.raw, patterns);
      const source = {
        ...doc.source,
        title: doc.source.title ?? r.htmlMeta.title,
        url: doc.source.url ?? r.htmlMeta.url,
        published: doc.source.published ?? r.htmlMeta.published,
        outlet: doc.source.outlet ?? r.htmlMeta.siteName,
      };
      return { ...doc, source, text: r.text, offsets: r.offsets, regions: r.regions, aside: r.aside, diagnostics: [...doc.diagnostics, ...r.diagnostics] };
    }
    const r = cleanText(doc.raw, patterns, { title: doc.source.title });
    return { ...doc, text: r.text, offsets: r.offsets, regions: r.regions, aside: r.aside, diagnostics: [...doc.diagnostics, ...r.diagnostics] };
  },
};
