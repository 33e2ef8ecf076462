import type { Diagnostic, Doc, SourceInfo } from "../core/doc.js";
import { OffsetMap } from "../core/offset-map.js";
import { contentId } from "./content-id.js";

/** One item read from a source, before analysis. */
export interface Article {
  readonly source: SourceInfo;
  /** The input as read: text, Markdown or HTML source. */
  readonly raw: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** An item that could not be read at all. */
export interface ReadFailure {
  readonly source: Pick<SourceInfo, "file" | "origin">;
  readonly diagnostics: readonly Diagnostic[];
}

/** What a source yields: an article to analyse, or a failure to report. */
export type SourceItem = { readonly ok: true; readonly article: Article } | { readonly ok: false; readonly failure: ReadFailure };

/** The Doc a pipeline starts from: text is the raw input until the clean stage sets it. */
export function createDoc(article: Article): Doc {
  return {
    id: contentId(article.raw),
    source: article.source,
    raw: article.raw,
    text: article.raw,
    offsets: OffsetMap.identity(article.raw.length),
    diagnostics: article.diagnostics,
    // Every layer a stage may add, present from the start (undefined, which JSON leaves out) and in the order the
    // stages add them: each stage's `{ ...doc, layer }` then replaces a value rather than adding a key, and every Doc
    // keeps one map from the first stage to the last. (V8 in Node 20 gives a spread clone of an object literal that
    // gains keys a map of its own: one map per Doc, and every stage reading Docs ran megamorphic.)
    regions: undefined,
    aside: undefined,
    meta: undefined,
    language: undefined,
    sentences: undefined,
    tokens: undefined,
    entities: undefined,
    published: undefined,
    times: undefined,
    events: undefined,
    quotes: undefined,
    claims: undefined,
    framing: undefined,
  };
}
