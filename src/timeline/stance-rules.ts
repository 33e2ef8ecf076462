import { join } from "node:path";
import { readFileSync } from "node:fs";
import { SitrepError } from "../core/errors.js";

/** One row of data/timeline/stances.tsv. */
export interface StanceRule {
  readonly type: string;
  readonly status: string;
  readonly stance: string;
  readonly rank: number;
}

/** Loads data/timeline/stances.tsv. */
export function loadStanceRules(dataDir: string): StanceRule[] {
  const file = join(dataDir, "timeline", "stances.tsv");
  return readFileSync(file, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim() && !l.startsWith("#"))
    .map((l, i) => {
      const [type, status, stance, rank] = l.split("\t").map((c) => c.trim());
      if (!type || !status || !stance || !Number.isFinite(Number(rank))) throw new SitrepError("E_DATA", `${file}: row ${i + 1} needs type, status, stance and a numeric rank`, "fix the row");
      return { type, status, stance, rank: Number(rank) };
    });
}

/** The stance an event of this type and status declares, by the first matching rule. */
export function stanceOf(rules: readonly StanceRule[], type: string, status: string): StanceRule | null {
  return rules.find((r) => (r.type === "*" || r.type === type) && (r.status === "*" || r.status === status)) ?? null;
}
