import type { Context } from "./context.js";
import type { Doc } from "./doc.js";
import type { Pipeline, RunPolicy } from "./pipeline.js";

/**
 * Holds read documents until they are analysed together, stage by stage (pipeline.runDocs; callers analyse at
 * DOC_BATCH), and tells the progress of every item read meanwhile in reading order, once the documents read before it
 * are analysed.
 */
export class DocBatcher {
  private pending: Doc[] = [];
  private readonly told: [number, string][] = [];

  constructor(
    private readonly pipeline: Pipeline,
    private readonly ctx: Context,
    private readonly policy: RunPolicy | undefined,
    /** Each analysed document, in the order added. */
    private readonly onDone: (doc: Doc) => void,
    private readonly onProgress?: (done: number, label: string) => void,
  ) {}

  /** Documents waiting to be analysed. */
  get size(): number {
    return this.pending.length;
  }

  add(doc: Doc): void {
    this.pending.push(doc);
  }

  /** Progress of item `done`: told now, or after the documents waiting are analysed. */
  progress(done: number, label: string): void {
    if (this.pending.length) this.told.push([done, label]);
    else this.onProgress?.(done, label);
  }

  /** Analyses the documents waiting, hands each on, then tells the progress held back. */
  analyse(): void {
    if (this.pending.length) for (const d of this.pipeline.runDocs(this.pending, this.ctx, this.policy)) this.onDone(d);
    this.pending = [];
    for (const [done, label] of this.told) this.onProgress?.(done, label);
    this.told.length = 0;
  }
}
