import type { EventStatus, PloverType } from "../../core/doc.js";
import type { EventLexicon, StatusCue, TriggerEntry } from "./event-lexicon.js";
import type { SentenceView } from "./sentence-view.js";
import type { PhraseMatch } from "./phrase-matcher.js";
import type { TriggerSite } from "./resolve-slots.js";

const HOSTILE: ReadonlySet<PloverType> = new Set(["ASSAULT", "COERCE", "THREATEN", "SANCTION"]);

/** True for the types whose future is a threat rather than a plan. */
export function isHostile(type: PloverType): boolean {
  return HOSTILE.has(type);
}

/** A colon, a quotation mark or a dash between two positions: "No doubt: we will …" negates nothing after it. */
function punctuationBetween(v: SentenceView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!v.tokens[k].isWord && !/^['’-]$/.test(v.tokens[k].forms[0])) return true;
  return false;
}

/** The cues of a sentence that bear on the trigger at `site`, by their scope. */
function cuesFor(v: SentenceView, site: TriggerSite, lex: EventLexicon, withComplement: boolean): StatusCue[] {
  const out: StatusCue[] = [];
  // (kept on the view: cheaper for the collector than a WeakMap entry)
  let all = v.cues;
  if (!all) {
    // every cue of the sentence, overlapping ones too ("will" and "will continue"), found once per sentence
    const found: PhraseMatch<StatusCue>[] = [];
    for (let i = 0; i < v.tokens.length; i++) {
      const ms = lex.cues.matchAt(v.tokens, i);
      for (let k = 0; k < ms.length; k++) found.push(ms[k]);
    }
    v.cues = all = found;
  }
  for (let k = 0; k < all.length; k++) {
    const m = all[k];
    const c = m.value;
    if (m.from >= site.from && m.from < site.to) {
      // the trigger itself, but for the future its own ending tells ("attaquerons", "frappera")
      if (site.to - site.from === 1 && (site.role === "v" || site.role === "g") && (c.status === "planned" || c.status === "threatened")) out.push(c);
      continue;
    }
    const ok =
      c.scope === "sentence" ||
      (c.scope === "near" && m.to <= site.from && site.from - m.to <= 3 && !punctuationBetween(v, m.to, site.from)) ||
      (c.scope === "before" && m.from >= site.clauseStart && m.to <= site.from) ||
      (c.scope === "after" && m.from >= site.to && m.from < Math.max(site.clauseEnd, site.reach)) ||
      // a governor's complement carries its own cues: "agreed to resume …"
      (withComplement && site.reach > site.to && m.from >= site.to && m.from < site.reach && c.scope !== "near");
    if (ok) out.push(c);
  }
  return out;
}

/** True when a cue gives status `s` (for a hostile type, its hostile reading too). */
function hasCue(cues: readonly StatusCue[], s: EventStatus, hostile: boolean): boolean {
  for (let k = 0; k < cues.length; k++) if (cues[k].status === s || (hostile && cues[k].hostile === s)) return true;
  return false;
}

/** The status the text gives an event: its trigger's default, then modality cues by precedence. */
export function eventStatus(v: SentenceView, site: TriggerSite, trig: TriggerEntry, type: PloverType, lex: EventLexicon): { status: EventStatus; future: boolean } {
  const hostile = isHostile(type);
  // "agreed to resume …" takes its status from the complement; "accused X of threatening …" does not
  const cues = cuesFor(v, site, lex, trig.status !== null);
  const has = (s: EventStatus) => hasCue(cues, s, hostile);
  let future = false;
  for (let k = 0; k < cues.length && !future; k++) future = cues[k].status === "planned" || cues[k].status === "threatened";
  const cueFuture = future;
  let base: EventStatus = trig.status ?? (type === "THREATEN" ? "threatened" : "occurred");
  if (base === "planned" && hostile) base = "threatened";
  if (base === "planned" || base === "threatened") {
    const status = has("conditional") ? "conditional" : has("resumed") ? "resumed" : has("denied") && type !== "REJECT" ? "denied" : base;
    return { status, future: cueFuture || trig.role === "gi" || trig.role === "g" };
  }
  if (has("denied") && type !== "REJECT" && type !== "RETREAT") return { status: "denied", future };
  if (has("conditional") && future) return { status: "conditional", future: true };
  if (has("resumed")) return { status: "resumed", future };
  if (base === "suspended") return { status: "suspended", future };
  if (has("ongoing")) return { status: "ongoing", future };
  if (future) return { status: hostile ? "threatened" : "planned", future };
  return { status: base, future };
}
