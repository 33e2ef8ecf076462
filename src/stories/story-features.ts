/**
 * What the story index keeps of one article: pure data, JSON-serialisable, extracted once by extractFeatures.
 * Terms serve same-script text similarity; anchors are the keys that survive translation
 * (`e:` KB entity, `x:` number, `y:` year, `d:` day, `v:` event signature, `n:` capitalised name).
 */
export interface StoryFeatures {
  /** Doc id. */
  readonly id: string;
  /** ISO 639-1 or "und". */
  readonly lang: string;
  readonly title: string | null;
  /** Folded outlet name, or null. */
  readonly outlet: string | null;
  /** Folded names of the outlets and agencies the article cites. */
  readonly cites: readonly string[];
  /** Publication day as days since 1970-01-01, or null when the date is unknown or coarser than a day. */
  readonly day: number | null;
  /**
   * True when `day` is an estimate (from the known events or dated events the text reports) rather than the
   * article's own date (record, URL, dateline, the date line of its text): estimates weigh less in date agreement.
   */
  readonly dayEstimated?: boolean;
  /** The days the publication date covers, at any precision ("2023-11": all of November), or null when unknown. */
  readonly span?: readonly [number, number] | null;
  /** The year the article is about: its publication year, else the year it names most; null when unknown. */
  readonly year: number | null;
  /** Prefix stems → occurrences (the most frequent 80). */
  readonly terms: Readonly<Record<string, number>>;
  /** Cross-lingual keys → weight (more mentions, a mention in the lead, a core event: heavier). */
  readonly anchors: Readonly<Record<string, number>>;
  /** Numbers in text order (years and day numbers included), for translation alignment. */
  readonly numbers: readonly number[];
  /** MinHash signature of word 4-shingles (empty for an empty text); the index keeps it as a Uint32Array. */
  readonly minhash: readonly number[] | Uint32Array;
  /** Word count. */
  readonly words: number;
  /** Prefix stems of the first words (the title and lead), distinct: what the article says it is about. */
  readonly lead?: readonly string[];
}
