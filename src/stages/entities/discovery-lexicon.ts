import type { Context } from "../../core/context.js";
import type { EntityType } from "../../core/doc.js";
import { ENTITY_TYPES } from "../../core/doc.js";
import { nameKeys } from "../../kb/match-tokens.js";

/** A word that types an unknown name: "Air Base" after it, "Camp" before it. */
export interface EntityCue {
  readonly keys: readonly string[];
  readonly where: "before" | "after";
  readonly type: EntityType;
  /** Cased as written: a capitalised cue ("Brigades") only counts when the text capitalises it too. */
  readonly raw: string;
}

/** The word lists entity discovery uses for one language (data/lang/<iso>/). */
export interface DiscoveryLexicon {
  readonly givenNames: ReadonlySet<string>;
  /** Title keys; `cased` titles ("By", "Gen") only count when the text capitalises them too. */
  readonly titles: readonly { readonly keys: readonly string[]; readonly cased: boolean }[];
  readonly cues: readonly EntityCue[];
  /** Cues by their first key, and titles by their last key, for one lookup per token. */
  readonly cuesByFirst: ReadonlyMap<string, readonly EntityCue[]>;
  readonly titlesByLast: ReadonlyMap<string, readonly { readonly keys: readonly string[]; readonly cased: boolean }[]>;
  /** Keys of one-word titles ("General", "Gen"), with whether the title is written capitalised. */
  readonly titleWords: ReadonlyMap<string, boolean>;
  readonly stop: ReadonlySet<string>;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const l = m.get(k);
    if (l) l.push(it);
    else m.set(k, [it]);
  }
  return m;
}

const TYPES = new Set<string>(ENTITY_TYPES);

/** Reads given-names, person-titles, entity-cues and name-stopwords (plus months and weekdays) of a language. */
export function loadDiscoveryLexicon(ctx: Context, iso: string): DiscoveryLexicon {
  const packs = [...new Set([iso, "en"])].map((l) => ctx.lang(l));
  const pack = ctx.lang(iso);
  const givenNames = new Set(packs.flatMap((p) => p.list("given-names")).map((n) => n.toLowerCase()));
  const titles = pack
    .list("person-titles")
    .map((t) => ({ keys: nameKeys(t.replace(/\.$/, "")), cased: /^\p{Lu}/u.test(t) }))
    .filter((t) => t.keys.length);
  const cues: EntityCue[] = [];
  for (const row of pack.table("entity-cues")) {
    const [cue, where, type] = row;
    if (!cue || (where !== "before" && where !== "after") || !TYPES.has(type)) continue;
    cues.push({ keys: nameKeys(cue.replace(/['’]$/, "")), where, type: type as EntityType, raw: cue });
  }
  const stop = new Set<string>();
  for (const p of packs) {
    for (const w of p.list("name-stopwords")) stop.add(w.toLowerCase());
    for (const row of p.table("months")) for (const w of row.slice(1)) stop.add(w.toLowerCase().replace(/\.$/, ""));
    for (const row of p.table("time-words")) if (row[0] === "weekday") for (const w of row.slice(2)) stop.add(w.toLowerCase().replace(/\.$/, ""));
  }
  const titleWords = new Map<string, boolean>();
  for (const t of titles) if (t.keys.length === 1) titleWords.set(t.keys[0], (titleWords.get(t.keys[0]) ?? true) && t.cased);
  return {
    givenNames, titles, cues, stop, titleWords,
    cuesByFirst: groupBy(cues, (c) => c.keys[0]),
    titlesByLast: groupBy(titles, (t) => t.keys[t.keys.length - 1]),
  };
}
