import type { MergedEvent, StoryRelation } from "../core/corpus.js";
import type { Doc } from "../core/doc.js";
import type { ContractDocument } from "../output/to-contract.js";
import { mergeStoryEvents } from "../stages/merge/merge-events.js";

/**
 * The fields of a Doc that event merging reads, taken from a stored contract document: every member of a story
 * counts, not only the members of the batch that touched it, so merged events do not depend on the batches.
 */
function mergeView(c: ContractDocument): Doc {
  return {
    id: c.id,
    events: c.events,
    entities: c.entities,
    published: c.published ? { value: c.published } : undefined,
    meta: c.outlet ? { outlet: { name: c.outlet.name } } : undefined,
    source: { file: c.file, origin: c.file, format: "text", published: null, outlet: null },
  } as unknown as Doc;
}

/** A story's merged events from the stored documents of all its members. */
export function storedStoryEvents(storyId: string, members: readonly string[], docs: ReadonlyMap<string, ContractDocument>): MergedEvent[] {
  const byId = new Map<string, Doc>();
  // Members by content id: the grouping must not depend on the order documents joined the story.
  const sorted = [...members].sort();
  for (const m of sorted) {
    const c = docs.get(m);
    if (c) byId.set(m, mergeView(c));
  }
  return mergeStoryEvents({ id: storyId, title: null, documents: sorted, relations: [] }, byId);
}

/** Relations merged by (from, to, kind), the later one winning, in first-seen order. */
export function mergeRelations(...lists: readonly (readonly StoryRelation[])[]): StoryRelation[] {
  const out = new Map<string, StoryRelation>();
  for (const list of lists) for (const r of list) out.set(`${r.from}|${r.to}|${r.kind}`, r);
  return [...out.values()];
}
