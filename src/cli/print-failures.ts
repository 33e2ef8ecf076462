import type { Doc } from "../core/doc.js";
import type { ReadFailure } from "../ingest/article.js";

/** Prints every failed item and every document-level error to stderr, one line each. */
export function printFailures(failures: readonly ReadFailure[], docs: readonly Doc[] = []): void {
  for (const f of failures) for (const d of f.diagnostics) process.stderr.write(`sitrep: ${d.code} ${d.message}\n`);
  for (const doc of docs)
    for (const d of doc.diagnostics)
      if (d.severity !== "info") process.stderr.write(`sitrep: ${d.code} ${doc.source.origin}: ${d.stage}: ${d.message}\n`);
}
