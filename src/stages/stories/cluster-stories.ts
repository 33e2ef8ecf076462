import type { Story, StoryRelation } from "../../core/corpus.js";
import type { Doc } from "../../core/doc.js";
import { canonicalOrder } from "../../stories/canonical-order.js";
import { centralTitle } from "../../stories/central-title.js";
import { extractFeatures } from "../../stories/extract-features.js";
import type { StoryFeatures } from "../../stories/story-features.js";
import { StoryIndex, type StoryIndexOptions } from "../../stories/story-index.js";

/** Stories up to this size get every member's link recomputed; larger ones only the batch's (the cost of one batch). */
const FULL_LINKS = 200;

/**
 * Clusters a batch of documents into stories: clusterFeatures over their story fingerprints.
 */
export function clusterStories(docs: readonly Doc[], options: Partial<StoryIndexOptions> = {}, index = new StoryIndex(options)): Story[] {
  return clusterFeatures(docs.map((d) => extractFeatures(d)), index);
}

/**
 * Clusters a batch into stories with a StoryIndex: every document's keys are counted first (so the batch's own
 * statistics weigh the first articles too), documents are added in a canonical order (publication day, then content
 * id), then the index consolidates: it re-clusters the neighbourhood of the batch by group-average linkage, so the
 * stories depend on the documents, not on the order or the batches they arrived in. Each member links to its
 * closest earlier member (or the one it cites); a document's best match in another story, when near enough, is kept
 * as a "related" link (a follow-up, a reaction), never merged. A story's title is its members' central title
 * (centralTitle: a function of the members' titles alone). Returns the stories holding a batch document, and those
 * consolidation changed (with all their members).
 */
export function clusterFeatures(features: readonly StoryFeatures[], index: StoryIndex = new StoryIndex()): Story[] {
  for (const f of features) index.observe(f);
  for (const f of [...features].sort(canonicalOrder)) index.add(f);
  const { changed } = index.consolidate();

  const inBatch = new Set(features.map((f) => f.id));
  // The batch's stories (its documents in canonical order), then the others consolidation changed.
  const wanted = new Set<string>();
  for (const f of [...features].sort(canonicalOrder)) {
    const s = index.storyOf(f.id);
    if (s) wanted.add(s);
  }
  for (const s of changed) wanted.add(s);
  return [...wanted]
    .map((id) => index.story(id))
    .filter((s): s is NonNullable<typeof s> => !!s)
    .map((s) => {
      const links = s.members.length <= FULL_LINKS ? index.links(s.id) : s.members.filter((m) => inBatch.has(m)).flatMap((m) => index.linkOf(m, s.id) ?? []);
      const related: StoryRelation[] = [];
      for (const m of s.members) {
        if (!inBatch.has(m)) continue;
        const r = index.relatedOf(m);
        if (r) related.push({ from: m, to: r.doc, kind: "related", score: r.score });
      }
      const relations = [...links, ...related];
      return { id: s.id, title: centralTitle(s.members.map((m) => index.titleOf(m))), documents: [...s.members], relations };
    });
}
