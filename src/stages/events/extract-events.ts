import type { DateValue, Doc, EventRecord, PloverType, SlotRef, PlaceRef, TextSpan, EventCounts, TimeExpression } from "../../core/doc.js";
import type { EventLexicon, EventTables, TriggerEntry } from "./event-lexicon.js";
import type { PhraseMatch } from "./phrase-matcher.js";
import type { Candidate, SentenceView } from "./sentence-view.js";
import { buildMentionIndex, buildSentenceView } from "./sentence-view.js";
import { sentenceTokens, shapeOf, type EventToken, type WordShape } from "./event-tokens.js";
import { clauseOf, resolveSlots, type TriggerSite } from "./resolve-slots.js";
import { eventStatus } from "./event-status.js";
import { findCounts } from "./event-counts.js";
import { findAttribution } from "./find-attribution.js";
import { mergeEvents, type EventNotes } from "./merge-events.js";
import { refineAcled } from "./refine-acled.js";

/** How far (in tokens) a governor ("agreed to", "vowed to") reaches for the event it governs. */
const GOVERNOR_REACH = 25;
/** Who can be quoted as the author of a statement. */
const SPEAKERS: ReadonlySet<string> = new Set(["person", "armed_group", "organization", "government_body", "state"]);
/** Uses of force: triggers of these in one clause are one event ("continue its operations to drive out …"). */
const FORCE: ReadonlySet<PloverType | null> = new Set(["ASSAULT", "COERCE"]);
/** Quotation marks, as tokens. */
const QUOTE_MARKS: ReadonlySet<string> = new Set(['"', "“", "”", "«", "»"]);
/** Statement types: a governor of one of these starts an event of its own. */
const STATEMENTS: ReadonlySet<PloverType> = new Set(["THREATEN", "AGREE", "ACCUSE", "REJECT", "REQUEST"]);

interface Item {
  main: PhraseMatch<TriggerEntry>;
  absorbed: PhraseMatch<TriggerEntry>[];
}

function slot(c: Candidate | null): SlotRef | null {
  if (!c) return null;
  // a party named only by a loaded label: no entity of the document, the KB entry it stands for
  if (!c.entity.id) return { entity: null, text: c.text, span: { start: c.start, end: c.end }, kb: c.entity.kb, name: c.entity.name };
  return { entity: c.entity.id, text: c.text, span: { start: c.start, end: c.end } };
}

function place(c: Candidate | null): PlaceRef | null {
  if (!c) return null;
  return { entity: c.entity.id, text: c.text, span: { start: c.start, end: c.end }, lat: c.entity.lat ?? null, lon: c.entity.lon ?? null };
}

function daysBefore(date: string, days: number): string {
  const d = new Date(date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** Body sentences: not inside the title or a caption. */
function bodySentences(doc: Doc): number[] {
  const sentences = doc.sentences ?? [];
  const skip = (doc.regions ?? []).filter((r) => r.kind === "title" || r.kind === "caption");
  return sentences.map((s, i) => i).filter((i) => !skip.some((r) => sentences[i].start < r.end && r.start < sentences[i].end));
}

/** The date the lead reports (a day in its first three body sentences, within the week before publication), else the publication date. */
function leadDateOf(doc: Doc, body: readonly number[]): DateValue | null {
  const sentences = doc.sentences ?? [];
  const times = (doc.times ?? []).filter((t) => t.value);
  const published = doc.published?.value ?? null;
  const week = published ? daysBefore(published.date, 8) : null;
  const lead = body.slice(0, 3).map((i) => sentences[i]);
  const dl = doc.meta?.dateline;
  const t = times.find(
    (x) =>
      !(dl && x.start >= dl.start && x.end <= dl.end) &&
      lead.some((s) => x.start >= s.start && x.end <= s.end) &&
      x.value!.precision === "day" &&
      (!published || published.precision !== "day" || (x.value!.date <= published.date && x.value!.date >= week!)),
  );
  return t ? t.value : published;
}

/**
 * An event's date and tier: the time expression of its sentence nearest the trigger; an old date (over 30 days
 * before publication) or a tier cue makes it background; a core event undated in its sentence takes the lead's date.
 */
function dateAndTier(
  times: readonly TimeExpression[],
  s: { readonly start: number; readonly end: number },
  trigPos: number,
  tierCue: boolean,
  published: DateValue | null,
  cutoff: string | null,
  leadDate: DateValue | null,
): { date: DateValue | null; tier: "core" | "background" } {
  const inSentence = times.filter((x) => x.start >= s.start && x.end <= s.end);
  inSentence.sort((a, b) => Math.abs(a.start - trigPos) - Math.abs(b.start - trigPos));
  let date: DateValue | null = inSentence[0]?.value ?? null;
  const tier: "core" | "background" = tierCue || (date && cutoff && date.date < cutoff.slice(0, date.date.length) && date.date !== published?.date.slice(0, date.date.length)) ? "background" : "core";
  // the news itself, undated in its sentence: the date the lead reports, saying so
  if (!date && tier === "core" && leadDate) date = { ...leadDate, basis: `no date in the sentence; the report's date: ${leadDate.basis}` };
  return { date, tier };
}

/**
 * Dates the undated core events of a document dated after the events stage ran (story-dates): each takes its
 * sentence's time expression, else the lead's date, by the rules the events stage uses. Other events are kept as they are.
 */
export function redateEvents(doc: Doc): readonly EventRecord[] | null {
  const evs = doc.events ?? [];
  if (!evs.some((e) => !e.date && e.tier !== "background")) return null;
  const sentences = doc.sentences ?? [];
  const times = (doc.times ?? []).filter((t) => t.value);
  const published = doc.published?.value ?? null;
  const cutoff = published ? daysBefore(published.date, 30) : null;
  const leadDate = leadDateOf(doc, bodySentences(doc));
  let changed = false;
  const out = evs.map((e) => {
    if (e.date || e.tier === "background") return e;
    const s = sentences.find((x) => e.trigger.start >= x.start && e.trigger.start < x.end);
    if (!s) return e;
    // a core event had no tier cue: only a date found now can make it background
    const { date, tier } = dateAndTier(times, s, e.trigger.start, false, published, cutoff, leadDate);
    if (!date) return e;
    changed = true;
    return { ...e, date, tier };
  });
  return changed ? out : null;
}

/** Groups a sentence's triggers: a governor absorbs the triggers of its complement; same-clause ASSAULT triggers merge. */
function groupTriggers(v: SentenceView, trigs: PhraseMatch<TriggerEntry>[]): Item[] {
  const items: Item[] = [];
  const used = new Set<number>();
  for (let i = 0; i < trigs.length; i++) {
    if (used.has(i)) continue;
    const t = trigs[i];
    const item: Item = { main: t, absorbed: [] };
    if (t.value.role === "g" || t.value.role === "gi" || t.value.role === "gn") {
      for (let j = i + 1; j < trigs.length; j++) {
        const u = trigs[j];
        if (t.value.verbsOnly && u.value.role === "n") continue;
        if (u.from - t.to > GOVERNOR_REACH) break;
        if (v.tokens.slice(t.to, u.from).some((x) => x.forms[0] === ";")) break;
        let crosses = false;
        for (let k = t.to; k < u.from; k++) if (v.marks.get(k) === "break" || v.marks.get(k) === "relative") crosses = true;
        if (crosses) break;
        // "agreed … and vowed …": a second statement of another kind is its own event
        if (!t.value.verbsOnly && (u.value.role === "g" || u.value.role === "gi") && u.value.type !== t.value.type && u.value.type !== null && STATEMENTS.has(u.value.type)) break;
        item.absorbed.push(u);
        used.add(j);
      }
    }
    items.push(item);
  }
  // same-clause ASSAULT triggers are one attack: "a US drone strike assassinated …"
  const out: Item[] = [];
  for (const it of items) {
    const prev = out[out.length - 1];
    if (
      prev &&
      FORCE.has(prev.main.value.type) &&
      FORCE.has(it.main.value.type) &&
      prev.main.value.role !== "g" &&
      it.main.value.role !== "g"
    ) {
      const c = clauseOf(v, prev.main.from, prev.main.to);
      if (it.main.from < c.end) {
        // one attack: a verb keeps the slots (its voice and position: "a drone strike assassinated X"); among
        // nouns, the most specific ("responded to the attack with airstrikes"); the most specific gives the mode
        const all = [prev.main, ...prev.absorbed, it.main, ...it.absorbed];
        const verb = all.find((x) => x.value.role === "v");
        const main = verb ?? [...all].sort((a, b) => b.value.prio - a.value.prio)[0];
        prev.main = main;
        prev.absorbed = all.filter((x) => x !== main);
        continue;
      }
    }
    out.push(it);
  }
  return out;
}

/** The PLOVER events of a document, one per trigger clause, merged within the document. */
export function extractEvents(doc: Doc, lex: EventLexicon, tables: EventTables): EventRecord[] {
  const sentences = doc.sentences ?? [];
  if (!sentences.length) return [];
  const mentions = buildMentionIndex(doc);
  const times = (doc.times ?? []).filter((t) => t.value);
  const published = doc.published?.value ?? null;
  const cutoff = published ? daysBefore(published.date, 30) : null;
  const body = bodySentences(doc);
  // the date the lead reports, for core events whose sentence has none
  const leadDate = leadDateOf(doc, body);
  const startsWithEventAnaphor = (t: readonly EventToken[]) => t.length > 0 && lex.anaphora.matchAt(t, 0).some((m) => m.value.types.includes("event"));
  const anaphorStart = (v: SentenceView) => startsWithEventAnaphor(v.tokens);

  // the party a sentence quotes: its own attribution, else the next sentence's ("…", Biden said.), else the previous
  const speakerOf = (si: number): Candidate | null => {
    const k = body.indexOf(si);
    for (const sj of [si, body[k + 1], body[k - 1]]) {
      if (sj === undefined || Math.abs(sj - si) > 1) continue;
      const sv = view(sj);
      const att = findAttribution(sv, doc.text, lex);
      if (!att?.span) continue;
      const c = sv.candidates.find((x) => x.start >= att.span!.start && x.end <= att.span!.end && !x.anaphor && SPEAKERS.has(x.entity.type));
      if (c) return c;
    }
    return null;
  };
  // inside quotation marks: an odd number of quotes before the position in the sentence
  const quoteCounts = new Map<SentenceView, Uint16Array>();
  const quoted = (v: SentenceView, at: number) => {
    // quotes before each position, counted once per sentence
    let q = quoteCounts.get(v);
    if (!q) {
      q = new Uint16Array(v.tokens.length + 1);
      for (let k = 0; k < v.tokens.length; k++) q[k + 1] = q[k] + (QUOTE_MARKS.has(v.tokens[k].forms[0]) ? 1 : 0);
      quoteCounts.set(v, q);
    }
    return q[Math.min(at, v.tokens.length)] % 2 === 1;
  };
  const events: EventRecord[] = [];
  const notes: EventNotes = new WeakMap();
  let lastAssault: { index: number; sentence: number } | null = null;
  const views = new Map<number, SentenceView>();
  const tokensOf = new Map<number, EventToken[]>();
  const toks = (si: number) => {
    let t = tokensOf.get(si);
    if (!t) tokensOf.set(si, (t = sentenceTokens(doc, si, lex.lang, shapes)));
    return t;
  };
  const view = (si: number) => {
    let v = views.get(si);
    if (!v) views.set(si, (v = buildSentenceView(doc, si, lex, mentions, toks(si))));
    return v;
  };

  // sentences where a trigger may start (a word is the first word of one), found on the doc's own tokens
  const mayHold = new Uint8Array(sentences.length);
  const docTokens = doc.tokens ?? [];
  const shapes: WordShape[] = new Array(docTokens.length);
  for (let ti = 0; ti < docTokens.length; ti++) {
    const t = docTokens[ti];
    const sh = (shapes[ti] = shapeOf(t.text, t.isWord, lex.lang));
    // every word is looked up (primed) once: its tokens then carry the phrases they may start
    if (lex.triggers.mayStartShape(sh, t.isWord)) mayHold[t.sentence] = 1;
  }

  for (const si of body) {
    const s = sentences[si];
    // most sentences hold no trigger: look before building the sentence's view
    if (!mayHold[si] || !lex.triggers.findAll(toks(si)).length) continue;
    const v = view(si);
    // a trigger inside a name is no trigger: "Popular Mobilization Units"
    const named = v.candidates.filter((c) => !c.anaphor);
    const trigs = lex.triggers
      .findAll(v.tokens)
      .filter((m) => m.value.type !== null || m.value.role === "gi")
      .filter((m) => !named.some((c) => v.tokens[m.from].start < c.end && c.start < v.tokens[m.to - 1].end));
    if (!trigs.length) continue;
    const items = groupTriggers(v, trigs);
    for (let ii = 0; ii < items.length; ii++) {
      const it = items[ii];
      const t = it.main;
      const itemEnd = Math.max(t.to, ...it.absorbed.map((a) => a.to));
      const nextItem = items.slice(ii + 1).map((x) => Math.min(x.main.from, ...x.absorbed.map((a) => a.from))).find((f) => f >= itemEnd);
      let type: PloverType | null = t.value.type;
      if (t.value.role === "gi") {
        // "intend to …", "claimed responsibility for …": nothing without the event they govern
        type = it.absorbed.find((a) => a.value.type)?.value.type ?? null;
      }
      if (!type) continue;
      const clause = clauseOf(v, t.from, t.to);
      const reach = Math.max(t.to, ...it.absorbed.map((a) => a.to));
      const targeted = [t, ...it.absorbed].some((x) => x.value.mode === "targeted");
      const speechAct = type === "ACCUSE" || type === "REJECT" || type === "REQUEST";
      const merged = it.absorbed.map((a) => ({ from: a.from, to: a.to, verb: a.value.role === "v" }));
      const site: TriggerSite = { from: t.from, to: t.to, clauseStart: clause.start, clauseEnd: Math.max(clause.end, reach), reach, role: t.value.role, targeted, speechAct, merged, participle: t.value.participle, limit: nextItem };
      let slots = resolveSlots(v, site, lex);

      // "Baghdad, August 26 (RHC)--" names where the report was filed, not where the event was
      const dl = doc.meta?.dateline;
      if (dl && slots.location && slots.location.start >= dl.start && slots.location.end <= dl.end) slots = { ...slots, location: null };
      const st = eventStatus(v, site, t.value, type, lex);
      if (t.value.future && !st.future) continue;
      if (it.absorbed.some((a) => a.value.future) && !st.future && type !== t.value.type) continue;

      // mode: the most specific trigger, else the weapon named in the clause
      const all = [t, ...it.absorbed].filter((x) => x.value.type === "ASSAULT" || x.value.type === type);
      const best = [...all].sort((a, b) => b.value.prio - a.value.prio)[0];
      let mode = type === "ASSAULT" || type === "COERCE" || type === "RETREAT" || type === "PROTEST" ? (all.filter((x) => x.value.mode).sort((a, b) => b.value.prio - a.value.prio)[0]?.value.mode ?? null) : null;
      const wm = lex.weapons.findAll(v.tokens, clause.start, Math.max(clause.end, reach))[0];
      const weapon = wm ? doc.text.slice(v.tokens[wm.from].start, v.tokens[wm.to - 1].end) : null;
      if (type === "ASSAULT" && wm && (!mode || mode === "targeted" || (wm.value === "drone" && mode === "aerial"))) mode = wm.value;
      // a threatened or conditional attack is a threat
      if ((type === "ASSAULT" || type === "COERCE") && st.future && st.status !== "denied") {
        type = "THREATEN";
        mode = null;
      }
      const isAttack = type === "ASSAULT";
      // "“We will respond,” Biden said": the actor of a quoted statement in the first person is its speaker
      if (!isAttack && (slots.actor?.speaker || (!slots.actor && quoted(v, t.from)))) {
        const who = speakerOf(si);
        if (who) slots = { ...slots, actor: who };
      }

      // counts: this sentence, and the next when it goes on about the same attack ("The incident led to …")
      let counts: EventCounts = {};
      let countPhrases: TextSpan[] = [];
      let evEnd = s.end;
      if (isAttack) {
        // the figures of this attack, not of the next one the sentence reports ("strikes … after an attack that killed three")
        const c = findCounts(v.tokens, doc.text, lex, 0, nextItem ?? v.tokens.length);
        counts = c.counts;
        countPhrases = c.phrases;
        // the next sentences of the paragraph, while they go on about this attack: "The incident led to the
        // death of two …", "At least 34 soldiers were wounded." (no attack trigger of their own)
        for (let k = 1; k <= 2; k++) {
          const nx = body[body.indexOf(si) + k];
          if (nx === undefined || nx !== si + k || sentences[nx].paragraph !== s.paragraph) break;
          const nt = toks(nx);
          const ownAttack = lex.triggers.findAll(nt).some((m) => m.value.type === "ASSAULT" && !m.value.weak);
          if (ownAttack && !startsWithEventAnaphor(nt)) break;
          const c2 = findCounts(nt, doc.text, lex);
          for (const kind of ["killed", "injured", "munitions"] as const) {
            if (counts[kind] === undefined && c2.counts[kind] !== undefined) {
              counts = { ...counts, [kind]: c2.counts[kind] };
              countPhrases = [...countPhrases, ...c2.phrases.filter((p) => !countPhrases.some((q) => q.start === p.start))];
              evEnd = sentences[nx].end;
            }
          }
          if (ownAttack) break;
        }
      }
      const hasCounts = Object.keys(counts).length > 0;
      // "The strike at Tower 22 also injured at least 34 others": a definite reference to the attack just reported
      if (isAttack && lastAssault && si - lastAssault.sentence <= 3 && anaphorStart(v) && t.from <= 2) {
        const prev = events[lastAssault.index];
        events[lastAssault.index] = {
          ...prev,
          actor: prev.actor ?? slot(slots.actor),
          target: prev.target ?? slot(slots.target),
          location: prev.location ?? place(slots.location),
          counts: { ...counts, ...(prev.counts ?? {}) },
          countPhrases: [...(prev.countPhrases ?? []), ...countPhrases],
        };
        continue;
      }
      if (!slots.actor && !slots.target) {
        // "The attack took place in …": no parties; lend its place and figures to the attack just reported
        if (isAttack && lastAssault && si - lastAssault.sentence <= 2 && (anaphorStart(v) || t.value.weak)) {
          const prev = events[lastAssault.index];
          events[lastAssault.index] = {
            ...prev,
            location: prev.location ?? place(slots.location),
            counts: { ...counts, ...(prev.counts ?? {}) },
            countPhrases: [...(prev.countPhrases ?? []), ...countPhrases],
          };
        }
        if (!(isAttack && hasCounts && slots.location)) continue;
      }
      if (t.value.weak && !slots.actor && !slots.target) continue;
      if ((t.value.needAgent && !slots.actor) || (t.value.needPatient && !slots.target)) continue;
      // only an attack can go unclaimed; a statement, a threat, a deal always has someone behind it
      if (type !== "ASSAULT" && !slots.actor) continue;

      // date: the nearest time expression in the sentence; else the lead's date for the news itself
      const tierCue = lex.tier.findAll(v.tokens).length > 0;
      const { date, tier } = dateAndTier(times, s, v.tokens[t.from].start, tierCue, published, cutoff, leadDate);

      const code = (mode ? tables.plover.get(`${type}/${mode}`) : undefined) ?? tables.plover.get(`${type}/-`);
      const acledCode = type === "ASSAULT" && !mode && best?.value.acled ? best.value.acled : code?.acled ?? null;
      const refined = acledCode ? refineAcled(acledCode, v.tokens, t.from, lex, tables) : null;
      const acled = refined ? tables.acled.get(refined) ?? null : null;
      const trigText = doc.text.slice(v.tokens[t.from].start, v.tokens[t.to - 1].end);
      const rec: EventRecord = {
        type,
        mode,
        cameo: code?.cameo ?? null,
        acled,
        actor: slot(slots.actor),
        target: slot(slots.target),
        location: place(slots.location),
        date,
        status: st.status,
        ...(hasCounts ? { counts, countPhrases } : {}),
        weapon,
        attribution: findAttribution(v, doc.text, lex),
        trigger: { start: v.tokens[t.from].start, end: v.tokens[t.to - 1].end, text: trigText },
        evidence: { start: s.start, end: evEnd, text: doc.text.slice(s.start, evEnd) },
        tier,
      };
      if (isAttack) lastAssault = { index: events.length, sentence: si };
      events.push(rec);
      const before = v.tokens[t.from - 1];
      notes.set(rec, {
        sentence: si,
        definite: !!before && before.forms.some((f) => lex.definites.has(f)),
        claim: t.value.role === "gi" && t.value.acled === "ATTRIB",
      });
    }
  }
  return mergeEvents(events, notes);
}
