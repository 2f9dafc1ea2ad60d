/**
 * What variant detection finds (`VariantsFile`, in memory) and how the corpus build stores it: a small
 * summary, `variants.json` (families' members and centres, related-by-subject pairs, which documents
 * have a shard), and one shard per document, `variants/<docId>.json` (its clause counterparts and the
 * pairs that involve it). At 10,000 documents the single file was 300 MB, which a renderer cannot
 * fetch whole; a document's shard is what its reading view needs. Both are covered by the manifest's
 * contentHash and read back through core/compare/restore.ts (`splitVariants`/`joinVariants` in
 * shards.ts convert).
 */

export const VARIANTS_FILE = 'variants.json';
/** Folder of the per-document shards. */
export const VARIANTS_DIR = 'variants';
/** 2: the single file split into summary + per-document shards (1 held everything in variants.json). */
export const VARIANTS_FORMAT_VERSION = 2;

/** A document's shard, relative to the corpus folder. */
export function variantShardPath(docId: string): string {
  return `${VARIANTS_DIR}/${docId}.json`;
}

/**
 * same: one text (differences only in punctuation width, spacing, or a part missing from one copy);
 * adaptation: shares much of the text, differs in parts (a city's version of a province's measures, a template);
 * revision: a draft and its adopted text, or an older and a newer version, as titles and dates show;
 * related: shares some clauses.
 */
export type Relation = 'same' | 'adaptation' | 'revision' | 'related';
/** Each relation in the words the reader and the CLI show it in. */
export const RELATION_LABEL: Record<Relation, string> = { same: '同一文本', adaptation: '改编', revision: '修订', related: '部分相同' };
export const RELATIONS: readonly Relation[] = ['same', 'adaptation', 'revision', 'related'];
/** Why a revision is one, as the CLI prints it: a draft and the text adopted from it, or two dated versions. */
export const EVIDENCE_LABEL: Record<NonNullable<VariantPair['evidence']>, string> = { draft: '征求意见稿与定稿', version: '前后版本' };

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
  /** For a revision: the dates of a and b (older first), where both are known. */
  dates?: [string, string];
}

export interface VariantFamily {
  /** Stable: derived from the members' ids. */
  id: string;
  /** The member every other member is strongly related to (same, adaptation or revision): families do not chain. */
  center: string;
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
  /**
   * Pairs outside any one family: weak `related` links, and strong links between members of two
   * families. Each is among the MAX_LINKS best of at least one of its documents (bounded, ranked).
   */
  links: VariantPair[];
}

/** A family as the summary holds it: who is in it, without its pairs (those are in the members' shards). */
export type FamilySummary = Omit<VariantFamily, 'pairs'>;

/** `variants.json`: what the library and 相似文本 need before any one document's shard. */
export interface VariantsSummary {
  formatVersion: typeof VARIANTS_FORMAT_VERSION;
  families: FamilySummary[];
  subject: SubjectPair[];
  /** Ids of the documents that have a shard (sorted): one without has no counterparts and no pairs. */
  shards: string[];
}

/** `variants/<docId>.json`: one document's clause counterparts and every pair that involves it. */
export interface VariantShard {
  formatVersion: typeof VARIANTS_FORMAT_VERSION;
  doc: string;
  /** Unit id (of this document) → its counterparts, best first. */
  clauses: Record<string, ClauseMatch[]>;
  /** Its family's pairs that involve it, then its links (each list in the build's order). */
  pairs: VariantPair[];
}

/** The LSH tables of a built corpus (`variants-lsh.json`): what places a new document without a rebuild (`placeDocument`). */
export const VARIANTS_LSH_FILE = 'variants-lsh.json';

export interface LshTables {
  formatVersion: typeof VARIANTS_FORMAT_VERSION;
  /** Signature layout: bands × rows MinHash values over SHINGLE_SIZE-character shingles. */
  bands: number;
  rows: number;
  shingle: number;
  /** Boilerplate shingles left out of the signatures (sorted 32-bit hashes). */
  common: number[];
  /** Document ids, in the order of `keys`. */
  docs: string[];
  /** Per document: its core title (`coreTitle`), so a rewritten version that shares little text is still a candidate. */
  titles: string[];
  /** Per document: its band keys (one 32-bit number per band); empty for a document without text. */
  keys: number[][];
}
