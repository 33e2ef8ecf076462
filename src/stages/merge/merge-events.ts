import type { MergedEvent, SourcedFigure, Story } from "../../core/corpus.js";
import type { DateValue, Doc, EventRecord, SlotRef } from "../../core/doc.js";
import { foldName } from "../../stories/extract-features.js";

type Slot = "actor" | "target" | "location";
interface Member {
  readonly doc: Doc;
  readonly index: number;
  readonly ev: EventRecord;
}

/** The story-level identity of a slot: its KB id when linked, else its folded text; null when empty. */
function slotKey(doc: Doc, ref: SlotRef | null | undefined): string | null {
  if (!ref) return null;
  const kb = ref.entity ? (doc.entities ?? []).find((e) => e.id === ref.entity)?.kb : null;
  if (kb) return "kb:" + kb;
  const t = foldName(ref.text);
  return t ? "t:" + t : null;
}

/** Two slot keys agree when either is unknown, they are equal, or one folded text contains the other. */
function slotsAgree(a: string | null, b: string | null): boolean {
  if (!a || !b || a === b) return true;
  if (a.startsWith("t:") && b.startsWith("t:")) return a.includes(b.slice(2)) || b.includes(a.slice(2));
  return false;
}

/** Dates agree when either is unknown, one is a prefix of the other (2024-01 ⊇ 2024-01-28), or days are ≤ 1 apart. */
export function datesAgree(a: DateValue | null, b: DateValue | null): boolean {
  if (!a || !b) return true;
  if (a.date.startsWith(b.date) || b.date.startsWith(a.date)) return true;
  if (a.precision === "day" && b.precision === "day") return Math.abs(Date.parse(a.date) - Date.parse(b.date)) <= 86400000;
  return false;
}

const SLOTS: readonly Slot[] = ["actor", "target", "location"];

/** A member's slot keys, computed once. */
type Keyed = Member & { readonly keys: readonly (string | null)[] };

/**
 * A group of events being merged, with what compatibility reads of its members kept as sets of distinct values
 * (their documents, slot keys and dates): agreeing with every member is agreeing with every distinct value, so a
 * check costs the group's variety, not its size (a big story's near-copies repeat the same values).
 */
interface Group {
  readonly members: Keyed[];
  readonly docs: Set<string>;
  readonly slotKeys: Set<string | null>[];
  readonly dates: Map<string, DateValue | null>;
}

function dateId(d: DateValue | null): string {
  return d ? d.precision + " " + d.date : "";
}

function compatible(group: Group, m: Keyed): boolean {
  if (group.docs.has(m.doc.id)) return false; // one article's two events are two events
  if (group.members[0].ev.type !== m.ev.type) return false;
  for (let s = 0; s < SLOTS.length; s++) {
    for (const k of group.slotKeys[s]) if (!slotsAgree(k, m.keys[s])) return false;
  }
  for (const d of group.dates.values()) if (!datesAgree(d, m.ev.date)) return false;
  return true;
}

function join(group: Group, m: Keyed): void {
  group.members.push(m);
  group.docs.add(m.doc.id);
  m.keys.forEach((k, s) => group.slotKeys[s].add(k));
  group.dates.set(dateId(m.ev.date), m.ev.date);
}

/** A story-level slot: the first named one, its entity given as the KB id (doc-local ids mean nothing here). */
function storySlot(group: Member[], slot: Slot): SlotRef | null {
  for (const g of group) {
    const ref = g.ev[slot];
    if (!ref) continue;
    const kb = ref.entity ? (g.doc.entities ?? []).find((e) => e.id === ref.entity)?.kb ?? null : null;
    return { entity: kb, text: ref.text };
  }
  return null;
}

function mostCommon<T>(xs: readonly T[]): T {
  const c = new Map<T, number>();
  for (const x of xs) c.set(x, (c.get(x) ?? 0) + 1);
  return [...c].sort((a, b) => b[1] - a[1])[0][0];
}

function published(doc: Doc): string | null {
  return doc.published?.value?.date ?? (doc.source.published ? doc.source.published.slice(0, 10) : null);
}

/**
 * One record per real-world event of a story: events of different articles merge when type, actor, target, place
 * and date agree; every source's figures are kept side by side (killed 2 per one outlet, 1 per another), with the
 * earliest and latest report and every date given.
 */
export function mergeStoryEvents(story: Story, docsById: ReadonlyMap<string, Doc>): MergedEvent[] {
  const members: Member[] = [];
  for (const id of story.documents) {
    const doc = docsById.get(id);
    (doc?.events ?? []).forEach((ev, index) => members.push({ doc: doc!, index, ev }));
  }
  // Core events first, earliest report first: they found the groups that background mentions then join.
  const pubKey = (m: Member) => published(m.doc) ?? "9999";
  members.sort((a, b) => (a.ev.tier === "background" ? 1 : 0) - (b.ev.tier === "background" ? 1 : 0) || (pubKey(a) < pubKey(b) ? -1 : pubKey(a) > pubKey(b) ? 1 : 0));
  const grouped: Group[] = [];
  for (const member of members) {
    const m: Keyed = { ...member, keys: SLOTS.map((slot) => slotKey(member.doc, member.ev[slot])) };
    let g = grouped.find((grp) => compatible(grp, m));
    if (!g) grouped.push((g = { members: [], docs: new Set(), slotKeys: SLOTS.map(() => new Set()), dates: new Map() }));
    join(g, m);
  }
  const groups: Member[][] = grouped.map((g) => g.members);
  return groups.map((group, k) => {
    const counts: Record<"killed" | "injured" | "munitions", SourcedFigure[]> = { killed: [], injured: [], munitions: [] };
    for (const g of group) {
      const outlet = g.doc.meta?.outlet?.name ?? g.doc.source.outlet ?? null;
      for (const key of ["killed", "injured", "munitions"] as const) {
        // every figure the article gives, each with its own source ("34 wounded, per CENTCOM; 25, per Jordan")
        const figs = (g.ev.figures ?? []).filter((f) => f.kind === key);
        const seen = new Set<number>();
        for (const f of figs) {
          if (seen.has(f.value)) continue;
          seen.add(f.value);
          counts[key].push({ value: f.value, doc: g.doc.id, attribution: f.attribution?.text ?? g.ev.attribution?.text ?? outlet });
        }
        const v = g.ev.counts?.[key];
        if (!figs.length && typeof v === "number") counts[key].push({ value: v, doc: g.doc.id, attribution: g.ev.attribution?.text ?? outlet });
      }
    }
    const dates: DateValue[] = [];
    for (const g of group) if (g.ev.date && !dates.some((d) => d.date === g.ev.date!.date)) dates.push(g.ev.date);
    dates.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const pubs = group.map((g) => published(g.doc)).filter((p): p is string => !!p).sort();
    const modes = group.map((g) => g.ev.mode).filter((x): x is string => !!x);
    return {
      id: `${story.id}-e${k + 1}`,
      type: group[0].ev.type,
      mode: modes.length ? mostCommon(modes) : null,
      actor: storySlot(group, "actor"),
      target: storySlot(group, "target"),
      location: storySlot(group, "location"),
      dates,
      status: mostCommon(group.map((g) => g.ev.status)),
      counts: Object.fromEntries(Object.entries(counts).filter(([, v]) => v.length)),
      members: group.map((g) => ({ doc: g.doc.id, event: g.index })),
      firstReported: pubs[0] ?? null,
      lastReported: pubs[pubs.length - 1] ?? null,
    };
  });
}
