import type { EventLexicon, EventTables } from "./event-lexicon.js";
import { REFINER_CUES, type EventToken } from "./event-tokens.js";

const ACTOR_CUES = new Set(["state-actor", "nonstate-actor"]);
/** The codes acled-refine.tsv has rows for, by table set. */
const REFINABLE = new WeakMap<EventTables, ReadonlySet<string>>();
function refinable(tables: EventTables): ReadonlySet<string> {
  let s = REFINABLE.get(tables);
  if (!s) REFINABLE.set(tables, (s = new Set(tables.refine.map((r) => r.code))));
  return s;
}


/**
 * Refines an ACLED code by the context cues of the text (acled-refine.tsv): a protest with tear gas is
 * "Excessive force against protesters", an IED that was defused is "Disrupted weapons use".
 */
export function refineAcled(code: string, tokens: readonly EventToken[], triggerAt: number, lex: EventLexicon, tables: EventTables): string {
  // most codes have no finer kind: no need to look for cues
  if (!refinable(tables).has(code)) return code;
  // cue positions by token array: several events of one sentence share them (kept on a property every sentence's
  // token array has from the start)
  const holder = tokens as unknown as { [REFINER_CUES]?: Map<string, number[]> };
  let cues = holder[REFINER_CUES];
  if (!cues) {
    cues = new Map<string, number[]>();
    for (let i = 0; i < tokens.length; i++) {
      const ms = lex.refiners.matchAt(tokens, i);
      for (let k = 0; k < ms.length; k++) {
        const m = ms[k];
        const l = cues.get(m.value) ?? [];
        l.push(i);
        cues.set(m.value, l);
      }
    }
    holder[REFINER_CUES] = cues;
  }
  let lastActor: string | null = null;
  let lastAt = -1;
  for (const c of ACTOR_CUES) for (const at of cues.get(c) ?? []) if (at < triggerAt && at > lastAt) (lastAt = at), (lastActor = c);
  let cur = code;
  for (let step = 0; step < 2; step++) {
    const row = tables.refine.find(
      (r) => r.code === cur && (r.cue === null || (r.where === "before" ? lastActor === r.cue : cues.has(r.cue))),
    );
    if (!row || row.to === cur) break;
    cur = row.to;
  }
  return cur;
}
