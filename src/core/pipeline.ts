import type { Context } from "./context.js";
import type { Corpus, CorpusLayer } from "./corpus.js";
import { WORKING_LAYERS, type Doc, type Layer } from "./doc.js";
import { SitrepError } from "./errors.js";
import type { CorpusStage, Stage } from "./stage.js";

/** What happens when a stage throws on one document. */
export type RunPolicy = "strict" | "continue";

/** A validated list of stages. */
export interface Pipeline {
  readonly stages: readonly Stage[];
  readonly corpusStages: readonly CorpusStage[];
  /**
   * Runs the per-article stages on one doc. Under "continue", a throw becomes an E_STAGE_FAILED diagnostic. A pipeline
   * with corpus stages hands its Docs on to them: it returns them without their working layers (WORKING_LAYERS).
   */
  runDoc(doc: Doc, ctx: Context, policy?: RunPolicy): Doc;
  /**
   * runDoc of each doc, in order, run stage by stage over the batch: the first stage over every doc, then the next
   * (as spaCy's `pipe` runs each component over a batch). The same Docs as runDoc gives; cheaper per doc, since each
   * stage's lexicons, tables and code stay in the processor's caches across the batch instead of being evicted by the
   * other eight stages between one article and the next. A batch of DOC_BATCH (below) is a good size.
   */
  runDocs(docs: readonly Doc[], ctx: Context, policy?: RunPolicy): Doc[];
  /** Runs the corpus stages over a batch. */
  runCorpus(corpus: Corpus, ctx: Context, policy?: RunPolicy): Corpus;
  /** The requires/provides table, one row per stage. */
  table(): { name: string; kind: "doc" | "corpus"; version: string; requires: string[]; provides: string[] }[];
}

/**
 * Docs per runDocs call that the callers (analyze, ingest, the queue worker, the bench) gather before analysing. In
 * paired runs of npm run bench (10,000 articles), stage by stage over batches of 16 took ~8% less CPU per article than
 * article by article, of 64 ~30% less; 128 did better than 64 (+1–9% articles per CPU-second), 256 better than 128
 * (~+7%), 512 no better than 256. A batch keeps its Docs' working layers (tokens) alive meanwhile, ~10 MB for 256.
 */
export const DOC_BATCH = 256;

/**
 * The Doc without its working layers (tokens): no corpus stage reads them. The key stays, undefined (JSON leaves it
 * out), so that the Doc keeps the one map every Doc of the pipeline shares (see createDoc).
 */
function dropWorkingLayers(doc: Doc): Doc {
  if (doc.tokens === undefined) return doc;
  return { ...doc, tokens: undefined };
}

/**
 * Builds a pipeline from stage names, checked before any article runs:
 * an unknown name, a duplicate, or a `requires` no earlier stage provides fails with a coded error.
 */
export function createPipeline(
  names: readonly string[],
  registry: { readonly stages: Readonly<Record<string, Stage>>; readonly corpus: Readonly<Record<string, CorpusStage>> },
): Pipeline {
  const seen = new Set<string>();
  const provided = new Set<Layer | CorpusLayer>();
  const stages: Stage[] = [];
  const corpusStages: CorpusStage[] = [];
  for (const name of names) {
    if (seen.has(name)) throw new SitrepError("E_STAGE_DUPLICATE", `stage "${name}" is listed twice`, "list each stage once");
    seen.add(name);
    const stage = registry.stages[name] ?? registry.corpus[name];
    if (!stage) {
      const known = [...Object.keys(registry.stages), ...Object.keys(registry.corpus)].join(", ");
      throw new SitrepError("E_STAGE_UNKNOWN", `unknown stage "${name}"`, `use one of: ${known}`);
    }
    const isCorpus = name in registry.corpus;
    if (!isCorpus && corpusStages.length) {
      throw new SitrepError("E_STAGE_REQUIRES", `per-article stage "${name}" comes after a corpus stage`, "list per-article stages first");
    }
    for (const need of stage.requires) {
      if (isCorpus && (WORKING_LAYERS as readonly string[]).includes(need)) {
        throw new SitrepError("E_STAGE_REQUIRES", `corpus stage "${name}" requires "${need}", a working layer of the per-article stages`, `read "${need}" in a per-article stage`);
      }
      if (!provided.has(need)) {
        throw new SitrepError(
          "E_STAGE_REQUIRES",
          `stage "${name}" requires "${need}", which no earlier stage provides`,
          `add a stage that provides "${need}" before "${name}"`,
        );
      }
    }
    for (const p of stage.provides) provided.add(p);
    if (isCorpus) corpusStages.push(stage as unknown as CorpusStage);
    else stages.push(stage as unknown as Stage);
  }

  /** One stage on one doc: a throw becomes the doc's E_STAGE_FAILED diagnostic under "continue". */
  const runStage = (stage: Stage, cur: Doc, ctx: Context, policy: RunPolicy): Doc => {
    try {
      return stage.run(cur, ctx);
    } catch (err) {
      // A configuration or data error is not about this document: stop the run, whatever the policy.
      if (policy === "strict" || (err instanceof SitrepError && err.code === "E_DATA")) throw err;
      const message = err instanceof Error ? err.message : String(err);
      return {
        ...cur,
        diagnostics: [...cur.diagnostics, { severity: "error", code: "E_STAGE_FAILED", stage: stage.name, message }],
      };
    }
  };

  return {
    stages,
    corpusStages,
    runDoc(doc, ctx, policy = "continue") {
      let cur = doc;
      for (const stage of stages) cur = runStage(stage, cur, ctx, policy);
      return corpusStages.length ? dropWorkingLayers(cur) : cur;
    },
    runDocs(docs, ctx, policy = "continue") {
      const cur = docs.slice();
      for (const stage of stages) for (let i = 0; i < cur.length; i++) cur[i] = runStage(stage, cur[i], ctx, policy);
      if (corpusStages.length) for (let i = 0; i < cur.length; i++) cur[i] = dropWorkingLayers(cur[i]);
      return cur;
    },
    runCorpus(corpus, ctx, policy = "continue") {
      let cur = corpus;
      for (const stage of corpusStages) {
        try {
          cur = stage.run(cur, ctx);
        } catch (err) {
          if (policy === "strict") throw err;
          ctx.log.warn(`corpus stage ${stage.name} failed: ${err instanceof Error ? err.message : String(err)}`);
        }
      }
      return cur;
    },
    table() {
      return [
        ...stages.map((s) => ({ name: s.name, kind: "doc" as const, version: s.version, requires: [...s.requires], provides: [...s.provides] })),
        ...corpusStages.map((s) => ({ name: s.name, kind: "corpus" as const, version: s.version, requires: [...s.requires], provides: [...s.provides] })),
      ];
    },
  };
}
