import type { EntityType } from "../core/doc.js";

/** A relation an analysis needs: member of, leader of, located in, … */
export interface KbRelation {
  readonly rel: string;
  readonly target: string;
}

/** One knowledge-base entry (see data/kb/README.md for the file layout). */
export interface KbEntry {
  readonly id: string;
  readonly type: EntityType;
  /** Canonical name, in English where one exists. */
  readonly name: string;
  /** Every spelling the press uses, in any language. */
  readonly aliases: readonly string[];
  readonly wikidata?: string | null;
  readonly lat?: number | null;
  readonly lon?: number | null;
  /** How precise lat/lon is: absent for a place's own point, "country" for a state's representative point. */
  readonly geoPrecision?: "country";
  /** For media: the hosts of its web sites ("radiohc.cu"). */
  readonly domains?: readonly string[];
  readonly relations?: readonly KbRelation[];
  /** For people: roles ("Secretary-General of al-Nujaba"). */
  readonly roles?: readonly string[];
  /** For states: adjectives that, in this coverage, stand for the state acting ("American strikes", "Israeli raids"). */
  readonly demonyms?: readonly string[];
  /** Names that are also common words ("العربية" Arabic, "الحدث" the event): they only count quoted or slash-joined. */
  readonly quoted?: readonly string[];
  /** For states: the ISO 3166 alpha-2 code. */
  readonly iso?: string;
}

/** The loaded, validated knowledge base. */
export interface KnowledgeBase {
  readonly size: number;
  get(id: string): KbEntry | undefined;
  all(): Iterable<KbEntry>;
  /** Entries one of whose names or aliases folds to the same key as `name`. */
  lookup(name: string): readonly KbEntry[];
  /** A media entry by web host ("www.radiohc.cu") or by name/alias ("RHC", "Press TV"). */
  findOutlet(nameOrHost: string): KbEntry | undefined;
}
