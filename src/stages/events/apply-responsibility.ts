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
  /**
   * The end of the statement's sentence, when the sentence names the attack itself after the statement ("X was behind
   * a rocket attack on …"): the statement is about that attack, and about no other.
   */
  readonly ownUntil?: number;
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
    if (l.ownUntil !== undefined) {
      // the attack of the statement's own sentence, when the text has not named its author already
      const k = out.findIndex((e) => e.type === "ASSAULT" && e.trigger.start >= l.at && e.trigger.start < l.ownUntil!);
      if (k >= 0 && !out[k].actor) out[k] = { ...out[k], actor: l.party, attribution: out[k].attribution ?? (l.kind === "blame" ? l.attribution : null) };
      if (k >= 0) continue;
    }
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
