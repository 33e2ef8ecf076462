import type { Story, StoryRelation } from "../../core/corpus.js";
import type { Doc } from "../../core/doc.js";
import { extractFeatures } from "../../stories/extract-features.js";
import { StoryIndex, type StoryIndexOptions } from "../../stories/story-index.js";

/**
 * Clusters a batch into stories with a StoryIndex: every document's keys are counted first (so the batch's own
 * statistics weigh the first articles too), then documents are added in publication order (undated ones after,
 * in input order), then the index consolidates (language blocks of one story merge through their pooled
 * anchors; lone articles get a second chance against mature stories). Each document links to the member it is
 * closest to (or the one it cites); a near miss in another story is kept as a "related" link (a follow-up, a
 * reaction), never merged.
 */
export function clusterStories(docs: readonly Doc[], options: Partial<StoryIndexOptions> = {}, index = new StoryIndex(options)): Story[] {
  const feats = docs.map((d, i) => ({ f: extractFeatures(d), i }));
  for (const { f } of feats) index.observe(f);
  const order = [...feats].sort((a, b) => {
    const da = a.f.day, db = b.f.day;
    if (da !== null && db !== null && da !== db) return da - db;
    if ((da === null) !== (db === null)) return da === null ? 1 : -1;
    return a.i - b.i;
  });
  const relations = new Map<string, StoryRelation[]>();
  for (const { f } of order) {
    const r = index.add(f);
    const list = relations.get(r.story) ?? [];
    list.push(...r.relations);
    for (const rel of r.related) list.push({ from: f.id, to: rel.doc, kind: "related", score: rel.score });
    relations.set(r.story, list);
  }
  const { moved, relations: links } = index.consolidate();
  const survivor = (id: string) => {
    let s = id;
    for (let i = 0; moved.has(s) && i < 1000; i++) s = moved.get(s)!;
    return s;
  };
  for (const [from] of moved) {
    const list = relations.get(from);
    if (!list) continue;
    relations.delete(from);
    const to = survivor(from);
    relations.set(to, [...(relations.get(to) ?? []), ...list]);
  }
  for (const rel of links) {
    const s = index.storyOf(rel.from);
    if (s) relations.set(s, [...(relations.get(s) ?? []), rel]);
  }
  const inBatch = new Set(docs.map((d) => d.id));
  const titleOf = new Map(docs.map((d) => [d.id, d.meta?.title ?? d.source.title ?? null]));
  /** The most central member's title (most links within the story), the earliest report's on a tie. */
  const centralTitle = (members: readonly string[], rels: readonly StoryRelation[], fallback: string | null) => {
    const degree = new Map<string, number>();
    for (const r of rels) if (r.kind !== "related") for (const d of [r.from, r.to]) degree.set(d, (degree.get(d) ?? 0) + 1);
    let best: string | null = null, bestDeg = -1;
    for (const m of members) {
      const t = titleOf.get(m);
      if (t && (degree.get(m) ?? 0) > bestDeg) [best, bestDeg] = [t, degree.get(m) ?? 0];
    }
    return best ?? fallback;
  };
  return index
    .stories()
    .filter((s) => s.members.some((m) => inBatch.has(m)))
    .map((s) => ({
      id: s.id,
      title: centralTitle(s.members, relations.get(s.id) ?? [], s.title),
      documents: s.members.filter((m) => inBatch.has(m)),
      // "related" links that ended up inside one story after consolidation are no longer near misses.
      relations: (relations.get(s.id) ?? []).filter((r) => r.kind !== "related" || index.storyOf(r.to) !== s.id),
    }));
}
