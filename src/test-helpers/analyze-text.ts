import { createContext, type Context } from "../core/context.js";
import type { Doc, SourceFormat } from "../core/doc.js";
import { createPipeline } from "../core/pipeline.js";
import { createDoc } from "../ingest/article.js";
import { DEFAULT_PIPELINE, STAGES } from "../stages/registry.js";

let shared: Context | null = null;
/** One context over the real data/ for all tests of a process. */
export function testContext(): Context {
  return (shared ??= createContext({ log: { info: () => {}, warn: () => {} } }));
}

/**
 * Runs the per-article pipeline on a text written for a test, up to and including `upTo` (default: all),
 * strict: a stage that throws fails the test.
 */
export function analyzeText(
  text: string,
  opts: { upTo?: string; file?: string; format?: SourceFormat; published?: string; url?: string; outlet?: string; title?: string } = {},
): Doc {
  const names = DEFAULT_PIPELINE.filter((n) => n in STAGES.stages);
  const end = opts.upTo ? names.indexOf(opts.upTo as (typeof names)[number]) + 1 : names.length;
  const pipeline = createPipeline(names.slice(0, end), STAGES);
  const doc = createDoc({
    raw: text,
    diagnostics: [],
    source: {
      file: opts.file ?? "test.txt",
      origin: opts.file ?? "test.txt",
      format: opts.format ?? "text",
      published: opts.published ?? null,
      url: opts.url ?? null,
      outlet: opts.outlet ?? null,
      title: opts.title ?? null,
    },
  });
  return pipeline.runDoc(doc, testContext(), "strict");
}
