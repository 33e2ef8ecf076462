import type { EventRecord } from "../../core/doc.js";

function key(e: EventRecord): string {
  return `${e.type}|${e.actor?.entity ?? "-"}|${e.target?.entity ?? "-"}`;
}

/** Merges events of the same type between the same actor and target: the first keeps its evidence, gains missing slots. */
export function mergeEvents(events: readonly EventRecord[]): EventRecord[] {
  const out: EventRecord[] = [];
  const byKey = new Map<string, number>();
  for (const e of events) {
    const k = key(e);
    let i = byKey.get(k);
    // "the Soleimani assassination" again, without its author: the same event
    if (i === undefined && !e.actor && e.target?.entity) i = out.findIndex((o) => o.type === e.type && o.target?.entity === e.target!.entity);
    if (i === -1) i = undefined;
    // "We announce the suspension …" after "KH announced the suspension of attacks on US forces": the same event
    if (i === undefined && !e.target && e.actor?.entity) i = out.findIndex((o) => o.type === e.type && o.actor?.entity === e.actor!.entity);
    if (i === -1) i = undefined;
    if (i === undefined) {
      byKey.set(k, out.length);
      out.push(e);
      continue;
    }
    const a = out[i];
    out[i] = {
      ...a,
      target: a.target ?? e.target,
      mode: a.mode ?? e.mode,
      location: a.location ?? e.location,
      date: a.date ?? e.date,
      counts: { ...(e.counts ?? {}), ...(a.counts ?? {}) },
      countPhrases: [...(a.countPhrases ?? []), ...(e.countPhrases ?? [])],
      weapon: a.weapon ?? e.weapon,
      attribution: a.attribution ?? e.attribution,
    };
  }
  return mergeAttackReports(out);
}

const compatible = (a: string | null | undefined, b: string | null | undefined) => !a || !b || a === b;

/**
 * One attack, several sentences: "Three soldiers were killed in a drone attack at Tower 22." … "The Islamic
 * Resistance claimed responsibility for the attack." An attack report missing its actor or its target joins an
 * earlier report of the same tier and date whose parties do not contradict it.
 */
export function mergeAttackReports(events: readonly EventRecord[]): EventRecord[] {
  const out: EventRecord[] = [];
  for (const e of events) {
    const incomplete = !e.actor || !e.target;
    const i =
      e.type === "ASSAULT" && incomplete
        ? out.findIndex(
            (o) =>
              o.type === "ASSAULT" &&
              o.tier === e.tier &&
              (!o.actor || !o.target) &&
              compatible(o.actor?.entity, e.actor?.entity) &&
              compatible(o.target?.entity, e.target?.entity) &&
              compatible(o.date?.date, e.date?.date) &&
              ((!o.actor && !!e.actor) || (!o.target && !!e.target)),
          )
        : -1;
    if (i < 0) {
      out.push(e);
      continue;
    }
    const a = out[i];
    out[i] = {
      ...a,
      actor: a.actor ?? e.actor,
      target: a.target ?? e.target,
      mode: a.mode ?? e.mode,
      location: a.location ?? e.location,
      date: a.date ?? e.date,
      counts: { ...(e.counts ?? {}), ...(a.counts ?? {}) },
      countPhrases: [...(a.countPhrases ?? []), ...(e.countPhrases ?? [])],
      weapon: a.weapon ?? e.weapon,
      attribution: a.attribution ?? e.attribution,
    };
  }
  return out;
}
