import type { DateValue, Doc, EventRecord, SlotRef } from "./doc.js";

/** How one member of a story relates to another. */
export type RelationKind = "translation" | "copy" | "rewrite" | "same-event" | "related";

/** A link between two documents of a story (document ids are Doc.id). */
export interface StoryRelation {
  readonly from: string;
  readonly to: string;
  readonly kind: RelationKind;
  readonly score?: number;
}

/** One figure as one source gives it. */
export interface SourcedFigure {
  readonly value: number;
  readonly doc: string;
  readonly attribution?: string | null;
}

/** One real-world event merged across the documents of a story. */
export interface MergedEvent {
  readonly id: string;
  readonly type: EventRecord["type"];
  readonly mode?: string | null;
  readonly actor: SlotRef | null;
  readonly target: SlotRef | null;
  readonly location: SlotRef | null;
  readonly dates: readonly DateValue[];
  readonly status: EventRecord["status"];
  readonly counts: { readonly killed?: readonly SourcedFigure[]; readonly injured?: readonly SourcedFigure[]; readonly munitions?: readonly SourcedFigure[] };
  /** (doc id, index into that doc's events) of every member event. */
  readonly members: readonly { readonly doc: string; readonly event: number }[];
  readonly firstReported: string | null;
  readonly lastReported: string | null;
}

/** A cluster of documents telling the same story. */
export interface Story {
  readonly id: string;
  readonly title: string | null;
  /** Doc ids. */
  readonly documents: readonly string[];
  readonly relations: readonly StoryRelation[];
  readonly events?: readonly MergedEvent[];
}

/** What the corpus stages read and extend. */
export interface Corpus {
  readonly docs: readonly Doc[];
  readonly stories?: readonly Story[];
  /**
   * State a corpus stage keeps between batches (plain JSON, by key: "story-index"). A store loads it before a
   * batch and saves it after, so a new article joins the stories of earlier batches.
   */
  readonly state?: Readonly<Record<string, unknown>>;
}

/** Layers the corpus stages provide. */
export type CorpusLayer = "stories" | "merged";
