import type { EventRecord } from "../../core/doc.js";

/** What the merge needs to know of an event beyond its record: where it was found and how it was named. */
export interface EventNote {
  readonly sentence: number;
  /** Named as an event already reported: "the attack", "cette attaque". */
  readonly definite: boolean;
  /** Found through a claim: "claimed responsibility for …". */
  readonly claim: boolean;
}

/** Notes by event record; merged records inherit the first record's note. */
export type EventNotes = WeakMap<EventRecord, EventNote>;

function key(e: EventRecord): string {
  return `${e.type}|${e.actor?.entity ?? e.actor?.kb ?? "-"}|${e.target?.entity ?? e.target?.kb ?? "-"}`;
}

/** Merges events of the same type between the same actor and target: the first keeps its evidence, gains missing slots. */
export function mergeEvents(events: readonly EventRecord[], notes: EventNotes = new WeakMap()): EventRecord[] {
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
    const note = notes.get(out[i]);
    out[i] = absorb(out[i], e, false);
    if (note) notes.set(out[i], note);
  }
  return mergeAttackReports(out, notes);
}

const compatible = (a: string | null | undefined, b: string | null | undefined) => !a || !b || a === b;

/**
 * One attack, several sentences: "Three soldiers were killed in a drone attack at Tower 22." … "The Islamic
 * Resistance claimed responsibility for the attack." An attack report missing its actor or its target joins an
 * earlier report of the same tier and date whose parties do not contradict it.
 */
export function mergeAttackReports(events: readonly EventRecord[], notes: EventNotes = new WeakMap()): EventRecord[] {
  const out: EventRecord[] = [];
  for (const e of events) {
    const incomplete = !e.actor || !e.target;
    const n = notes.get(e);
    // a report joins an earlier one when it points back to it ("the attack", a claim) or follows it closely
    const near = (o: EventRecord) => {
      const m = notes.get(o);
      // two attacks of one sentence were told apart on purpose ("strikes … after an attack …")
      if (n && m && n.sentence === m.sentence && !n.claim) return false;
      return !n || !m || n.definite || n.claim || Math.abs(n.sentence - m.sentence) <= 2;
    };
    // "the strikes" points back to strikes, not to the attack that prompted them
    const stem = (x: EventRecord) => x.trigger.text.toLowerCase().slice(0, 5);
    const sameWord = out.some((o) => o.type === "ASSAULT" && stem(o) === stem(e));
    const i =
      e.type === "ASSAULT" && incomplete
        ? out.findIndex(
            (o) =>
              (!n?.definite || !sameWord || stem(o) === stem(e)) &&
              o.type === "ASSAULT" &&
              o.tier === e.tier &&
              (!o.actor || !o.target) &&
              compatible(o.actor?.entity, e.actor?.entity) &&
              compatible(o.target?.entity, e.target?.entity) &&
              compatible(o.date?.date, e.date?.date) &&
              ((!o.actor && !!e.actor) || (!o.target && !!e.target)) &&
              near(o),
          )
        : -1;
    if (i < 0) {
      out.push(e);
      continue;
    }
    const note = notes.get(out[i]);
    out[i] = absorb(out[i], e, true);
    if (note) notes.set(out[i], note);
  }
  return out;
}

/** Event `a` completed with what a second report `e` of the same event adds (the actor too when `withActor`). */
function absorb(a: EventRecord, e: EventRecord, withActor: boolean): EventRecord {
  return {
    ...a,
    ...(withActor ? { actor: a.actor ?? e.actor } : {}),
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
