import type { EntityType, EventRecord, SlotRef } from "../../core/doc.js";

/** A statement of who is behind an attack: a claim ("X claimed responsibility") or blame ("Y blamed X for …"). */
export interface ResponsibilityLink {
  readonly kind: "claim" | "blame";
  /** The party said to be responsible. */
  readonly party: SlotRef;
  readonly partyType: EntityType;
  /** Where the statement is (a character offset in doc.text). */
  readonly at: number;
  /** Who says so, for blame: "the Pentagon said it bore the footprints of …". */
  readonly attribution: SlotRef | null;
}

/** Party types blame may name as an attack's author: a state named as responsible is usually its sponsor. */
const BLAMED_AUTHORS: ReadonlySet<EntityType> = new Set(["armed_group", "person", "organization"]);

/**
 * Gives each unclaimed attack the party a claim or an accusation names: the nearest attack reported before the
 * statement (news first, background after), else the first one just after it. Claims come before blame; an
 * attack whose author the text names itself keeps it.
 */
export function applyResponsibility(events: readonly EventRecord[], links: readonly ResponsibilityLink[]): EventRecord[] {
  if (!links.length) return events as EventRecord[];
  const out = [...events];
  const ordered = [...links.filter((l) => l.kind === "claim"), ...links.filter((l) => l.kind === "blame" && BLAMED_AUTHORS.has(l.partyType))];
  for (const l of ordered) {
    const open = out.map((e, i) => ({ e, i })).filter(({ e }) => e.type === "ASSAULT" && !e.actor && e.status === "occurred");
    const before = open.filter(({ e }) => e.trigger.start <= l.at);
    const pick =
      before.filter(({ e }) => e.tier !== "background").pop() ??
      before.pop() ??
      open.find(({ e }) => e.trigger.start > l.at && e.evidence.start - l.at < 400);
    if (!pick) continue;
    const e = pick.e;
    out[pick.i] = { ...e, actor: l.party, attribution: e.attribution ?? (l.kind === "blame" ? l.attribution : null) };
  }
  return out;
}
