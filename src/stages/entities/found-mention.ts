import type { EntityType } from "../../core/doc.js";
import type { KbEntry } from "../../kb/knowledge-base.js";

/** A mention found by one of the entity passes, before mentions are grouped into records. */
export interface FoundMention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Index range into the match tokens, end exclusive. */
  readonly tokStart: number;
  readonly tokEnd: number;
  /** The KB entry, or null for a discovered name. */
  readonly entry: KbEntry | null;
  /** Grouping key: the KB id, or "new:" + the folded discovered name. */
  readonly key: string;
  readonly name: string;
  readonly type: EntityType;
  /** Which pass found it: "kb", "partial", "acronym", "discovered". */
  readonly via: string;
}
