import type { KnowledgeBase } from "../kb/knowledge-base.js";
import type { StoredEvent } from "../store/news-store.js";
import { stanceOf, type StanceRule } from "./stance-rules.js";

/** One step of a stance timeline, with the events and documents behind it. */
export interface StanceStep {
  readonly stance: string;
  /** First and last dates of the events behind the step (YYYY, YYYY-MM or YYYY-MM-DD as resolved). */
  readonly from: string;
  readonly to: string;
  readonly events: readonly { docId: string; index: number; type: string; status: string; date: string; actor: string | null; target: string | null; file: string; outlet: string | null; evidence: string }[];
}

type Rec = { type: string; status: string; date?: { date: string } | null; actor?: { entity: string | null; text: string } | null; target?: { entity: string | null; text: string } | null; evidence?: { text: string }; tier?: string | null };

/** An entity and every KB entry that is (transitively) a member of it: "iraqi-resistance" → its factions. */
export function withMembers(kb: KnowledgeBase, id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of kb.all()) {
      if (out.has(e.id)) continue;
      if ((e.relations ?? []).some((r) => r.rel === "member of" && out.has(r.target))) {
        out.add(e.id);
        grew = true;
      }
    }
  }
  return out;
}

/** The counterpart, its members, and what it is a part or member of ("US forces" → also "United States"). */
export function counterpartSet(kb: KnowledgeBase, id: string): Set<string> {
  const out = withMembers(kb, id);
  for (const r of kb.get(id)?.relations ?? []) if (r.rel === "member of" || r.rel === "part of") out.add(r.target);
  return out;
}

/**
 * The sequence of an actor's declared stances toward a counterpart, oldest first: each dated event whose actor is
 * the actor (or one of its members) and whose target is the counterpart (or one of its members, or unnamed) gives a
 * stance by data/timeline/stances.tsv; consecutive events of the same stance make one step.
 */
export function buildTimeline(events: readonly StoredEvent[], actors: ReadonlySet<string>, toward: ReadonlySet<string> | null, rules: readonly StanceRule[]): StanceStep[] {
  const rows = events
    .map((e) => ({ e, r: e.record as Rec }))
    .filter(({ e, r }) => e.actorKb && actors.has(e.actorKb) && r.date?.date && (!toward || !e.targetKb || toward.has(e.targetKb)))
    .map(({ e, r }) => ({ e, r, rule: stanceOf(rules, r.type, r.status) }))
    .filter((x) => x.rule)
    .sort((a, b) => a.r.date!.date.localeCompare(b.r.date!.date) || b.rule!.rank - a.rule!.rank);
  // One document on one date declares one stance: the highest-ranked ("halt … or we will fight" is a halt).
  const best = new Map<string, number>();
  for (const x of rows) best.set(`${x.e.docId}|${x.r.date!.date}`, Math.max(best.get(`${x.e.docId}|${x.r.date!.date}`) ?? 0, x.rule!.rank));
  const kept = rows.filter((x) => x.rule!.rank === best.get(`${x.e.docId}|${x.r.date!.date}`));
  const steps: { stance: string; from: string; to: string; events: StanceStep["events"][number][] }[] = [];
  for (const { e, r, rule } of kept) {
    const ev = { docId: e.docId, index: e.index ?? 0, type: r.type, status: r.status, date: r.date!.date, actor: r.actor?.text ?? null, target: r.target?.text ?? null, file: e.file, outlet: e.outlet, evidence: (r.evidence?.text ?? "").slice(0, 300) };
    const last = steps[steps.length - 1];
    if (last && last.stance === rule!.stance) {
      last.events.push(ev);
      if (ev.date > last.to) last.to = ev.date;
    } else steps.push({ stance: rule!.stance, from: ev.date, to: ev.date, events: [ev] });
  }
  return steps;
}
