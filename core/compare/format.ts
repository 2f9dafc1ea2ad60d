/**
 * `variants.json`, written by the corpus build next to library.json and
 * covered by the manifest's contentHash. Read back through
 * `restoreVariants` (core/compare/restore.ts).
 */

export const VARIANTS_FILE = 'variants.json';
export const VARIANTS_FORMAT_VERSION = 1;

/**
 * same: one text (differences only in punctuation width, spacing, or a part missing from one copy);
 * adaptation: shares much of the text, differs in parts (a city's version of a province's measures, a template);
 * revision: a draft and its adopted text, or an older and a newer version, as titles and dates show;
 * related: shares some clauses.
 */
export type Relation = 'same' | 'adaptation' | 'revision' | 'related';
export const RELATIONS: readonly Relation[] = ['same', 'adaptation', 'revision', 'related'];

export interface VariantPair {
  /** For a revision, `a` is the draft or the older text and `b` the adopted or newer one; otherwise a < b. */
  a: string;
  b: string;
  relation: Relation;
  /** Jaccard similarity of the two texts' 5-character shingle sets. */
  jaccard: number;
  /** Share of a's shingles found in b. */
  aInB: number;
  /** Share of b's shingles found in a. */
  bInA: number;
  /** Units of a with a counterpart in b (clause-level matches). */
  sharedClauses: number;
  /** Why a revision is one, e.g. 'draft' or 'version'; absent otherwise. */
  evidence?: 'draft' | 'version';
}

export interface VariantFamily {
  /** Stable: derived from the members' ids. */
  id: string;
  /** Document ids, sorted. */
  members: string[];
  /** Every measured pair inside the family that has a relation. */
  pairs: VariantPair[];
}

/** Documents related by subject (title and key terms), sharing little text. Kept apart from text variants. */
export interface SubjectPair {
  a: string;
  b: string;
  /** Cosine similarity of TF-IDF vectors over title bigrams and body key terms. */
  score: number;
  /** The terms contributing most, for display. */
  terms: string[];
}

export interface ClauseMatch {
  /** The counterpart unit id (`<docId>~<path>`). */
  unit: string;
  doc: string;
  /** max(Jaccard, containment of the shorter unit) of the two units' shingle sets. */
  similarity: number;
}

export interface VariantsFile {
  formatVersion: typeof VARIANTS_FORMAT_VERSION;
  families: VariantFamily[];
  subject: SubjectPair[];
  /** Unit id → its closest counterparts in other documents, best first. */
  clauses: Record<string, ClauseMatch[]>;
}
