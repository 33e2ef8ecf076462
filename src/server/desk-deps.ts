import type { Context as SitrepContext } from "../core/context.js";
import type { KnowledgeBase } from "../kb/knowledge-base.js";
import type { NewsStore } from "../store/news-store.js";

/** What every route of the desk reads: the store, the analysis context and the knowledge base, and the server's limits. */
export interface DeskDeps {
  readonly store: NewsStore;
  readonly ctx: SitrepContext;
  /** The knowledge base, loaded once on first use. */
  kb(): KnowledgeBase;
  /** Fetch URLs that resolve to private, loopback or link-local addresses. */
  readonly allowPrivate: boolean;
  /** Largest single article, in bytes. */
  readonly maxArticleBytes: number;
  /** Runs ingests one at a time (the corpus state is read, extended and written back by each). */
  serial<T>(fn: () => Promise<T>): Promise<T>;
  readonly version: string;
}
