import type { CorpusStage } from "../../core/stage.js";

/** Stories: clusters across outlets and languages. (placeholder: one story per document) */
export const storiesStage: CorpusStage = {
  name: "stories",
  version: "0.0.1",
  requires: ["entities", "events", "published"],
  provides: ["stories"],
  run: (corpus) => ({
    ...corpus,
    stories: corpus.docs.map((d, i) => ({ id: `s${i + 1}`, title: d.meta?.title ?? null, documents: [d.id], relations: [] })),
  }),
};
