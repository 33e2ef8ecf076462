import { objectList } from "../../core/object-list.js";
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

/**
 * A FoundMention. Every pass makes its mentions here, so that they all share one object shape (V8 map): the later
 * passes and buildEntityRecords read mentions of every pass from one array, and code compiled for one shape was thrown
 * away ("wrong map") and compiled again when a spread copy or another literal brought a second one.
 */
export function foundMention(
  start: number,
  end: number,
  text: string,
  tokStart: number,
  tokEnd: number,
  entry: KbEntry | null,
  key: string,
  name: string,
  type: EntityType,
  via: string,
): FoundMention {
  return { start, end, text, tokStart, tokEnd, entry, key, name, type, via };
}

/** An empty list of mentions, of the one array map a filled one has (see objectList). */
export function mentionList(): FoundMention[] {
  return objectList<FoundMention>();
}

/** The mention `m` (same entity) at another place, found by pass `via`. */
export function movedMention(m: FoundMention, start: number, end: number, text: string, tokStart: number, tokEnd: number, via: string): FoundMention {
  return foundMention(start, end, text, tokStart, tokEnd, m.entry, m.key, m.name, m.type, via);
}
