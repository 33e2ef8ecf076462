import type { Context } from "../../core/context.js";
import type { EntityType, EventStatus, PloverType } from "../../core/doc.js";
import { PLOVER_TYPES, EVENT_STATUSES } from "../../core/doc.js";
import { readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { SentenceAnnotator, type PhraseTable } from "./phrase-matcher.js";
import { normalizeWord } from "./event-tokens.js";
import { loadKb } from "../../kb/load-kb.js";

/** A trigger row of data/lang/<iso>/event-triggers.tsv. */
export interface TriggerEntry {
  readonly phrase: string;
  /** PLOVER type, or null for a kind the record does not code (benchmark only). */
  readonly type: PloverType | null;
  readonly mode: string | null;
  readonly acled: string | null;
  readonly role: "v" | "n" | "g" | "gn" | "gi";
  readonly weak: boolean;
  readonly future: boolean;
  readonly status: EventStatus | null;
  readonly prio: number;
  /** A governor that absorbs verb triggers only. */
  readonly verbsOnly: boolean;
  /** Kept only with an actor / with a target. */
  readonly needAgent: boolean;
  readonly needPatient: boolean;
  /** A participle: passive unless an object follows. */
  readonly participle: boolean;
  /**
   * A statement of who is responsible for an attack (flag `resp=…`): `claim` ("claimed responsibility"), or blame
   * naming the party as the subject ("Iran bears responsibility"), the object ("blamed X for"), or the phrase after
   * the trigger ("bore the footprints of X", "carried out by X"). The party becomes the attack's actor.
   */
  readonly resp: "claim" | "subject" | "object" | "after" | null;
  /** The subject is the one threatened and the speaker threatens (flag `addressee`): "you will pay the price," it said. */
  readonly addressee: boolean;
  /** The two parties it names next are actor and target (flag `pair`): "la guerre entre Israël et le Hamas". */
  readonly pair?: boolean;
}

/** A status cue of event-status-cues.tsv. */
export interface StatusCue {
  readonly status: EventStatus;
  readonly hostile: EventStatus;
  readonly scope: "near" | "before" | "after" | "sentence";
}

/** A loaded label's referent: the KB entry its neutral alternative names ("occupation forces" → US forces). */
export interface LabelLink {
  readonly kb: string;
  readonly name: string;
  readonly type: EntityType;
}

/** Entity types a label may stand for as a party to an event. */
const PARTY_TYPES: ReadonlySet<EntityType> = new Set(["person", "armed_group", "organization", "state", "government_body"]);

/**
 * The framing lexicon's labels (framing.tsv: term, category, neutral) whose neutral alternative names exactly one
 * KB party: a slot the text fills with "the occupiers" is linked to whom the label stands for.
 */
export function labelRows(ctx: Context, lang: string): { phrase: string; value: LabelLink }[] {
  const kb = ctx.resource("kb", loadKb);
  const out: { phrase: string; value: LabelLink }[] = [];
  // event-party-labels.tsv: neutral names of a party that are no name ("foreign forces"), as phrase → party
  const rows = [...ctx.lang(lang).table("framing"), ...ctx.lang(lang).table("event-party-labels").map(([term, party]) => [term, "", party])];
  for (const [term, , neutral] of rows) {
    if (!term || !neutral) continue;
    const hits = kb.lookup(neutral);
    if (hits.length !== 1 || !PARTY_TYPES.has(hits[0].type)) continue;
    out.push({ phrase: term, value: { kb: hits[0].id, name: hits[0].name, type: hits[0].type } });
  }
  return out;
}

/** The folded demonyms of every KB state (any language: a French article may say "American"). */
function demonymSet(ctx: Context): ReadonlySet<string> {
  const kb = ctx.resource("kb", loadKb);
  const out = new Set<string>();
  for (const e of kb.all()) for (const d of e.demonyms ?? []) out.add(foldDemonym(d));
  return out;
}

/** Folds a name for the demonym test: lower case, no diacritics, Arabic alef/ya/ta marbuta folded, no article. */
export function foldDemonym(s: string): string {
  return normalizeWord(s.normalize("NFD").replace(/[\u0300-\u036f]/g, ""), "ar").replace(/^ال/, "").trim();
}

/** Everything the event rules know about one language, compiled. */
export interface EventLexicon {
  readonly lang: string;
  readonly triggers: PhraseTable<TriggerEntry>;
  readonly cues: PhraseTable<StatusCue>;
  readonly roles: PhraseTable<string>;
  readonly clause: PhraseTable<string>;
  readonly counts: PhraseTable<{ kind: "killed" | "injured" | "munitions"; dir: string }>;
  readonly numbers: ReadonlyMap<string, number | "skip">;
  readonly weapons: PhraseTable<string>;
  /**
   * Anaphors: the types they may stand for; `parties`, those types without "event" (worked out once per entry), and
   * `placeKind`, when each of those is a facility or a place ("the base": named again by its kind).
   */
  readonly anaphora: PhraseTable<{ readonly types: readonly (EntityType | "event")[]; readonly target: boolean; readonly speaker: boolean; readonly parties: readonly EntityType[]; readonly placeKind: boolean }>;
  readonly attribution: PhraseTable<"before" | "after" | "verb-before" | "after-nobreak">;
  /** Subject pronouns: after a reporting verb, the speaker speaking of itself. */
  readonly pronouns: ReadonlySet<string>;
  readonly tier: PhraseTable<string>;
  readonly lightVerbs: PhraseTable<true>;
  /** Context cues that refine an ACLED code (event-refiners.tsv). */
  readonly refiners: PhraseTable<string>;
  /** Loaded labels that stand for a KB party (framing.tsv). */
  readonly labels: PhraseTable<LabelLink>;
  /** Determiners that make an event noun a reference to an event already reported ("the attack"). */
  readonly definites: ReadonlySet<string>;
  /** Words that may stand between an actor and its event noun ("the US drone strike"). */
  readonly nounModifiers: ReadonlySet<string>;
  /** Words that name a party's sites as an attack's object ("facilities", "targets", "positions"): the party they belong to is the target. */
  readonly assetNouns: PhraseTable<true>;
  /** Coordinators ("and", "et"): a name coordinated with another shares its role ("in Iraq and Syria"). */
  readonly coordinators: ReadonlySet<string>;
  /** Adjectives of the KB's states ("American", "israélienne", "أمريكية"), folded: a state named so may act ("American strikes"); named by its name before an event noun, it is where ("the Jordan attack"). */
  readonly demonyms: ReadonlySet<string>;
  /** Nationality adjectives follow the event noun ("frappe de drone américaine"). */
  readonly modifierAfterNoun: boolean;
  /** A definite article written as a prefix ("ال"): an event noun bearing it points back to an event already told. */
  readonly definitePrefix: string | null;
  /** The ending of a progressive verb form ("targeting"): an auxiliary before it does not make it passive. */
  readonly progressiveSuffix: string | null;
  /** The subject may follow the verb (VSO). */
  readonly subjectAfterVerb: boolean;
}

/** The language-independent tables of data/events/. */
export interface EventTables {
  /** "ASSAULT/drone" or "ASSAULT/-" → CAMEO root and ACLED code. */
  readonly plover: ReadonlyMap<string, { cameo: string; acled: string | null }>;
  /** ACLED code → event type and sub-event type (null for codes outside ACLED). */
  readonly acled: ReadonlyMap<string, { event_type: string; sub_event_type: string } | null>;
  /** Rows of acled-refine.tsv, in order. */
  readonly refine: readonly { code: string; cue: string | null; where: "any" | "before"; to: string }[];
  /** KB party → the parties it acts for, itself first (party-sides.ts); absent without a KB. */
  readonly sides?: ReadonlyMap<string, readonly string[]>;
  /** KB armed groups that are a state's forces (party-sides.ts). */
  readonly stateForces?: ReadonlySet<string>;
}

const dash = (s: string | undefined): string | null => (s === undefined || s === "" || s === "-" ? null : s);

function readTsv(path: string): string[][] {
  if (!existsSync(path)) return [];
  return readFileSync(path, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim() && !l.trimStart().startsWith("#"))
    .map((l) => l.split("\t").map((c) => c.trim()));
}

/** Loads data/events/plover.tsv and acled.tsv. */
export function loadEventTables(dataDir: string): EventTables {
  const plover = new Map<string, { cameo: string; acled: string | null }>();
  for (const [type, mode, cameo, acled] of readTsv(join(dataDir, "events", "plover.tsv"))) {
    plover.set(`${type}/${mode ?? "-"}`, { cameo, acled: dash(acled) });
  }
  const acled = new Map<string, { event_type: string; sub_event_type: string } | null>();
  for (const [code, et, st] of readTsv(join(dataDir, "events", "acled.tsv"))) {
    acled.set(code, dash(et) ? { event_type: et, sub_event_type: st } : null);
  }
  const refine = readTsv(join(dataDir, "events", "acled-refine.tsv"))
    .filter((r) => r.length >= 4)
    .map(([code, cue, where, to]) => ({ code, cue: dash(cue), where: where === "before" ? ("before" as const) : ("any" as const), to }));
  return { plover, acled, refine };
}

function parseResp(v: string | undefined, phrase: string): TriggerEntry["resp"] {
  if (v === undefined) return null;
  if (v === "claim" || v === "subject" || v === "object" || v === "after") return v;
  throw new Error(`event-triggers.tsv: unknown resp '${v}' for '${phrase}' (claim, subject, object or after)`);
}

function parseTrigger(r: readonly string[]): TriggerEntry | null {
  const [phrase, type, mode, acled, role, flags, prio] = r;
  if (!phrase) return null;
  const t = dash(type);
  if (t && !(PLOVER_TYPES as readonly string[]).includes(t)) throw new Error(`event-triggers.tsv: unknown PLOVER type '${t}' for '${phrase}'`);
  const fl = (dash(flags) ?? "").split(",").map((x) => x.trim());
  const st = fl.find((f) => f.startsWith("status="))?.slice(7) ?? null;
  if (st && !(EVENT_STATUSES as readonly string[]).includes(st)) throw new Error(`event-triggers.tsv: unknown status '${st}' for '${phrase}'`);
  const ro = (dash(role) ?? "n") as TriggerEntry["role"];
  return {
    phrase,
    type: t as PloverType | null,
    mode: dash(mode),
    acled: dash(acled),
    role: ["v", "n", "g", "gn", "gi"].includes(ro) ? ro : "n",
    weak: fl.includes("weak"),
    future: fl.includes("future"),
    status: st as EventStatus | null,
    prio: Number(prio) || 5,
    verbsOnly: fl.includes("verbs"),
    needAgent: fl.includes("agent"),
    needPatient: fl.includes("patient"),
    participle: fl.includes("pp"),
    resp: parseResp(fl.find((f) => f.startsWith("resp="))?.slice(5), phrase),
    addressee: fl.includes("addressee"),
    ...(fl.includes("pair") ? { pair: true } : {}),
  };
}

/** Compiles the event lexicon of one language from data/lang/<iso>/event-*.tsv. */
export function loadEventLexicon(ctx: Context, lang: string): EventLexicon {
  const p = ctx.lang(lang);
  const rows = <T>(name: string, f: (r: readonly string[]) => { phrase: string; value: T } | null) =>
    p.table(name).map(f).filter((x): x is { phrase: string; value: T } => !!x);
  const triggers = rows("event-triggers", (r) => {
    const e = parseTrigger(r);
    return e ? { phrase: e.phrase, value: e } : null;
  });
  const cues = rows<StatusCue>("event-status-cues", ([ph, st, ho, sc]) => {
    if (!(EVENT_STATUSES as readonly string[]).includes(st)) return null;
    const hostile = (ho === "=" || !ho ? st : ho) as EventStatus;
    return { phrase: ph, value: { status: st as EventStatus, hostile, scope: (sc ?? "before") as StatusCue["scope"] } };
  });
  const syntax = new Map(p.table("event-syntax").map(([k, v]) => [k, v] as const));
  const numbers = new Map<string, number | "skip">();
  for (const [w, v] of p.table("event-numbers")) numbers.set(w.toLowerCase(), v === "skip" ? "skip" : Number(v));
  // one annotator for all tables: a sentence is looked up once
  const ann = new SentenceAnnotator(lang);
  const lex: EventLexicon = {
    lang,
    triggers: ann.table(triggers),
    cues: ann.table(cues),
    roles: ann.table(rows("event-roles", ([w, r]) => ({ phrase: w, value: r }))),
    clause: ann.table(rows("event-clause", ([w, k]) => ({ phrase: w, value: k }))),
    counts: ann.table(
      rows("event-counts", ([w, k, d]) =>
        ["killed", "injured", "munitions"].includes(k) ? { phrase: w, value: { kind: k as "killed", dir: d ?? "both" } } : null,
      ),
    ),
    numbers,
    weapons: ann.table(rows("event-weapons", ([w, m]) => ({ phrase: w, value: m }))),
    anaphora: ann.table(
      rows("event-anaphora", ([w, t, sl]) => {
        const types = (t ?? "").split("|") as (EntityType | "event")[];
        const parties = types.filter((x): x is EntityType => x !== "event");
        return { phrase: w, value: { types, target: sl === "any", speaker: sl === "speaker", parties, placeKind: parties.every((x) => x === "facility" || x === "place") } };
      }),
    ),
    attribution: ann.table(rows("event-attribution", ([w, k, nb]) => ({ phrase: w, value: k === "before" || k === "verb-before" ? k : nb === "nobreak" ? "after-nobreak" : "after" }))),
    pronouns: new Set(p.list("event-pronouns").map((w) => normalizeWord(w, lang))),
    tier: ann.table(rows("event-tier", ([w, t]) => ({ phrase: w, value: t }))),
    refiners: ann.table(rows("event-refiners", ([w, c]) => (c ? { phrase: w, value: c } : null))),
    labels: ann.table(labelRows(ctx, lang)),
    assetNouns: ann.table(p.list("event-asset-nouns").map((w) => ({ phrase: w, value: true as const }))),
    coordinators: new Set(p.list("event-coordinators").map((w) => normalizeWord(w, lang))),
    demonyms: ctx.resource("events:demonyms", () => demonymSet(ctx)),
    definites: new Set(p.list("event-definites").map((w) => normalizeWord(w, lang))),
    nounModifiers: new Set(p.list("event-noun-modifiers").map((w) => w.toLowerCase())),
    modifierAfterNoun: syntax.get("modifier-after-noun") === "yes",
    subjectAfterVerb: syntax.get("subject-after-verb") === "yes",
    progressiveSuffix: dash(syntax.get("progressive-suffix")),
    definitePrefix: dash(syntax.get("definite-prefix")),
    lightVerbs: ann.table(p.list("event-light-verbs").map((w) => ({ phrase: w, value: true as const }))),
  };
  ann.seal();
  return lex;
}
