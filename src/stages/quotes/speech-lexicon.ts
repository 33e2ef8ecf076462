import { partResource, type Context } from "../../core/context.js";
import { PhraseIndex, WordSieve } from "./phrase-index.js";

/** What a reporting verb form is: its lemma and flags from `speech-verbs.tsv`. */
export interface SpeechVerb {
  readonly form: string;
  readonly lemma: string;
  /** A short quote inside its complement clause is attributed to its subject. */
  readonly embed: boolean;
  /** A media subject/object of this verb is a cited source. */
  readonly cite: boolean;
  /** A preposition-like cue whose object is the speaker ("according to", "selon", "بحسب"). */
  readonly prep: boolean;
  /** A speaker pronoun inside the form itself ("a-t-il déclaré"). */
  readonly pronoun: string | null;
}

/** The kinds of words that head a speaker phrase (see speaker-words.tsv). */
export type SpeakerWordKind = "person-pronoun" | "group-pronoun" | "any-pronoun" | "source" | "statement" | "group" | "role";

/** One language's reporting lexicon, compiled once per context. */
export interface SpeechLexicon {
  readonly iso: string;
  /** Every reporting verb form, found word by word. */
  readonly verbIndex: PhraseIndex<SpeechVerb>;
  verb(form: string): SpeechVerb | undefined;
  /** Speaker head words by lower-case form. */
  readonly speakerWords: ReadonlyMap<string, SpeakerWordKind>;
  /** Full forms of abbreviated roles ("pm" → "prime minister"). */
  readonly roleFull: ReadonlyMap<string, string>;
  /** Speaker head words, found word by word. */
  readonly speakerIndex: PhraseIndex<SpeakerWordKind>;
  /** Media nouns before / after a name ("le journal X", "X newspaper"). */
  readonly mediaBefore: readonly string[];
  readonly mediaAfter: readonly string[];
  /** The last word of each "after" noun and the first word of each "before" noun, lower-case. */
  readonly mediaAfterWords: ReadonlySet<string>;
  readonly mediaBeforeWords: ReadonlySet<string>;
  /** Both at once, for one look-up a word: 1 = an "after" noun's last word, 2 = a "before" noun's first word, 3 = both. */
  readonly mediaWords: ReadonlyMap<string, number>;
  /** The keys of mediaWords, sieved: most words are passed over without the look-up. */
  readonly mediaSieve: WordSieve;
  /** Words that open a subject naming nobody ("No group claimed …"), lower-case (speaker-nobody.txt). */
  readonly nobody: ReadonlySet<string>;
  /** Clitics allowed before a verb or speaker word (Arabic و ف). */
  readonly prefix: string;
  /** A cite cue at the end of a stretch (group 1: what follows the cue). */
  readonly citeBeforeRe: RegExp | null;
  /** A cite cue at the start of a stretch (group 1: what precedes the cue). */
  readonly citeAfterRe: RegExp | null;
}

/** Escapes a string for a RegExp. */
export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A lexicon form as a pattern: any apostrophe, any run of spaces. */
export function formPattern(form: string): string {
  return escapeRe(form).replace(/['’]/g, "['’]").replace(/ +/g, "\\s+");
}

const foldKey = (s: string) => s.toLowerCase().replace(/’/g, "'").replace(/\s+/g, " ");

/**
 * Loads speech-verbs.tsv, speaker-words.tsv, speaker-nobody.txt, cite-cues.tsv, media-nouns.tsv and speech-prefixes.txt
 * of one language.
 */
const lexiconOf = partResource<SpeechLexicon>("speech-lexicon");
export function loadSpeechLexicon(ctx: Context, iso: string): SpeechLexicon {
  return lexiconOf(ctx, iso, () => {
    const pack = ctx.lang(iso);
    const prefixes = pack.list("speech-prefixes");
    const prefix = prefixes.length ? `(?:${prefixes.map(escapeRe).join("|")})?` : "";
    const verbs = new Map<string, SpeechVerb>();
    for (const r of pack.table("speech-verbs")) {
      if (!r[0]) continue;
      const flags = new Set((r[2] ?? "").split(",").map((s) => s.trim()));
      const pron = /-(?:t-)?(il|elle|ils|elles)\b/i.exec(r[0]);
      verbs.set(foldKey(r[0]), {
        form: r[0],
        lemma: r[1] || r[0],
        embed: flags.has("embed"),
        cite: flags.has("cite"),
        prep: flags.has("prep"),
        pronoun: pron ? pron[1].toLowerCase() : null,
      });
    }
    const speakerWords = new Map<string, SpeakerWordKind>();
    const roleFull = new Map<string, string>();
    for (const r of pack.table("speaker-words")) {
      if (!r[0] || !r[1]) continue;
      speakerWords.set(foldKey(r[0]), r[1] as SpeakerWordKind);
      if (r[2]) roleFull.set(foldKey(r[0]), r[2]);
    }
    const cues = pack.table("cite-cues");
    const media = pack.table("media-nouns");
    const alts = (xs: readonly string[]) => xs.map(formPattern).join("|");
    const cb = cues.filter((r) => r[1] === "before").map((r) => r[0]);
    const ca = cues.filter((r) => r[1] === "after").map((r) => r[0]);
    const mediaAfterWords = new Set(media.filter((r) => r[1] === "after").map((r) => r[0].toLowerCase().split(/\s+/).pop()!));
    const mediaBeforeWords = new Set(media.filter((r) => r[1] === "before").map((r) => r[0].toLowerCase().split(/\s+/)[0]));
    const mediaWords = new Map<string, number>();
    for (const w of mediaAfterWords) mediaWords.set(w, 1);
    for (const w of mediaBeforeWords) mediaWords.set(w, (mediaWords.get(w) ?? 0) | 2);
    const mediaSieve = new WordSieve();
    for (const w of mediaWords.keys()) mediaSieve.add(w);
    return {
      iso,
      verbIndex: new PhraseIndex([...verbs.values()].map((v) => ({ phrase: v.form, value: v })), prefixes),
      verb: (form: string) => verbs.get(foldKey(form)),
      speakerWords,
      roleFull,
      speakerIndex: new PhraseIndex([...speakerWords].map(([w, k]) => ({ phrase: w, value: k })), prefixes),
      mediaBefore: media.filter((r) => r[1] === "before").map((r) => r[0]),
      mediaAfter: media.filter((r) => r[1] === "after").map((r) => r[0]),
      mediaAfterWords,
      mediaBeforeWords,
      mediaWords,
      mediaSieve,
      nobody: new Set(pack.list("speaker-nobody").map((w) => w.toLowerCase())),
      prefix,
      citeBeforeRe: cb.length ? new RegExp(`(?<![\\p{L}])${prefix}(?:${alts(cb)})(?![\\p{L}])([^.;!?]*)$`, "iu") : null,
      citeAfterRe: ca.length ? new RegExp(`^([^.;!?]*?)(?<![\\p{L}])(?:${alts(ca)})(?![\\p{L}])`, "iu") : null,
    };
  });
}
