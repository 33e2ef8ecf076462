import { createHash } from "node:crypto";
import v8 from "node:v8";
import type { Story } from "../core/corpus.js";
import { SitrepError } from "../core/errors.js";
import { clusterFeatures } from "../stages/stories/cluster-stories.js";
import { StoryIndex, type SerializedStoryIndex } from "../stories/story-index.js";
import type { StoryFeatures } from "../stories/story-features.js";

/**
 * Options of every story-log index: consolidation revisits only the stories a step touched, so a step costs what
 * its batch costs, not what the store holds (the first step of an empty index touches everything, so one big batch
 * clusters exactly as `sitrep analyze` does).
 */
export const REPLICA_INDEX_OPTIONS = { consolidateTouchedOnly: true } as const;

/**
 * The snapshot format (a snapshot of another version is not read): 2 since postings hold document ordinals, 3 with
 * the day window's day arrays, 4 since documents are evicted from the search structure (keepDay, gone, present).
 */
const SNAPSHOT_VERSION = 4;

/**
 * A process's in-memory copy of the story index, at story log entry `seq`. StoryIndex is deterministic: the same
 * entries applied in the same order give the same state in every process, which is what makes it a replica.
 */
export class StoryReplica {
  constructor(
    public index: StoryIndex,
    public seq: number,
  ) {}

  /** An empty index, before entry 1. */
  static empty(): StoryReplica {
    return new StoryReplica(new StoryIndex(REPLICA_INDEX_OPTIONS), 0);
  }

  /** The index an older store kept as one JSON row, as entry `seq`. */
  static fromLegacy(seq: number, state: SerializedStoryIndex | undefined): StoryReplica {
    if (!state) return new StoryReplica(new StoryIndex(REPLICA_INDEX_OPTIONS), seq);
    return new StoryReplica(StoryIndex.fromJSON({ ...state, options: { ...state.options, ...REPLICA_INDEX_OPTIONS } }), seq);
  }

  /**
   * Applies one batch step: clusters its features into the index, then checks each document landed where the
   * writer's index put it (a different result means this process runs other clustering code than the writer did).
   */
  applyBatch(seq: number, features: readonly StoryFeatures[], placed: readonly (readonly [string, string])[]): Story[] {
    if (seq !== this.seq + 1) throw new SitrepError("E_STORY_LOG", `story log entry ${seq} applied to a replica at ${this.seq}`, "this is a bug: entries must be applied in order");
    const stories = clusterFeatures(features, this.index);
    for (const [doc, story] of placed) {
      const got = this.index.storyOf(doc);
      if (got !== story) {
        throw new SitrepError(
          "E_STORY_LOG",
          `replaying story log entry ${seq} put document ${doc} in story ${got ?? "none"}, the writer put it in ${story}`,
          "the clustering code differs from the one that wrote the log; run `sitrep settle` with this version to re-cluster every document",
        );
      }
    }
    this.seq = seq;
    return stories;
  }

  /**
   * The whole state as bytes: the index's own data fields (Maps, Sets, typed arrays, numbers) in V8's structured
   * serialisation, which keeps them exactly; its function-valued fields are rebuilt by the constructor on restore.
   */
  toSnapshot(): Uint8Array {
    const data = Object.fromEntries(Object.entries(this.index).filter(([, v]) => typeof v !== "function"));
    return v8.serialize({ v: SNAPSHOT_VERSION, seq: this.seq, index: data });
  }

  /**
   * The replica a snapshot holds, or null when the snapshot was written by another version of the index (a snapshot
   * is only a shortcut: the log alone rebuilds the same state).
   */
  static fromSnapshot(data: Uint8Array): StoryReplica | null {
    const o = v8.deserialize(data) as { v: number; seq: number; index: { options?: StoryIndex["options"] } };
    if (o?.v !== SNAPSHOT_VERSION || typeof o.seq !== "number" || !o.index?.options) return null;
    return new StoryReplica(Object.assign(new StoryIndex(o.index.options), o.index), o.seq);
  }

  /** A digest of the partition (every document with its story), to check that a replay reached the same one. */
  digest(): string {
    const lines = this.index.stories().flatMap((s) => s.members.map((m) => `${m} ${s.id}`)).sort();
    return createHash("sha256").update(lines.join("\n")).digest("hex").slice(0, 32);
  }
}

/**
 * The canonical clustering of a set of documents: one step over all of them on an empty index (observed together,
 * added by publication day then id, consolidated once). It depends on the set only, not on the order or the
 * batches the documents came in: `sitrep settle` and a one-batch `sitrep ingest` both reach it.
 */
export function canonicalStories(features: readonly StoryFeatures[]): { index: StoryIndex; stories: Story[] } {
  const sorted = [...features].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const index = new StoryIndex(REPLICA_INDEX_OPTIONS);
  return { index, stories: clusterFeatures(sorted, index) };
}
