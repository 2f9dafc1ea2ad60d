/**
 * The two similarity figures the app shows, one per level, each computed in
 * one place so the same pair shows the same number everywhere:
 *
 * - 文本重合度 (document overlap): how much of one text is found in the other,
 *   the higher of the two shares of 5-character shingles. 相似文本, the
 *   comparison summary and `diff` use it; variants.json stores its parts
 *   (aInB, bInA).
 * - 条文相似度 (clause similarity): of two clauses, the Jaccard of their
 *   shingles, or the share of a short clause quoted whole inside a longer one.
 *   本条亦见于, the comparison rows and `diff` rows use it.
 */
import { overlap, shingleSet, type Overlap } from './shingles.js';
import { overlapKey, type CompareUnit } from './units.js';

export const DOCUMENT_OVERLAP_NAME = '文本重合度';
export const CLAUSE_SIMILARITY_NAME = '条文相似度';

/** Units shorter than this many shingles (≈ 12 characters) are boilerplate (总则, 附则, 各区人民政府：) and never matched on their own. */
export const MIN_CLAUSE_SHINGLES = 8;
/** A short clause quoted whole inside a longer one counts when this much of it is found there. */
export const CLAUSE_CONTAINED = 0.85;

/** Clause similarity from two clauses' overlap and the sizes of their shingle sets. */
export function clauseSimilarity(o: Overlap, aSize: number, bSize: number): number {
  const shorter = Math.min(aSize, bSize);
  const contained = shorter >= MIN_CLAUSE_SHINGLES ? Math.max(o.aInB, o.bInA) : 0;
  return Math.max(o.jaccard, contained >= CLAUSE_CONTAINED ? contained : 0);
}

/** Clause similarity of two clauses' shingle sets (symmetric). */
export const setSimilarity = (a: Uint32Array, b: Uint32Array): number => clauseSimilarity(overlap(a, b), a.length, b.length);

/** A unit's wording as it is measured: its marker left out (a renumbered clause is the same clause), folded by overlapKey. */
export function unitWording(u: Pick<CompareUnit, 'text' | 'labelLength'>): string {
  return overlapKey(u.text.slice(u.labelLength));
}

/** The shingles of a unit's wording. */
export function unitShingles(u: Pick<CompareUnit, 'text' | 'labelLength'>): Uint32Array {
  return shingleSet(unitWording(u));
}

/**
 * The shingles of a document's wording from its units' wordings, in order —
 * without title, addressees and signature (pseudo units), which a copy lacks
 * and templates share. Variant detection (detect.ts prepare) passes the
 * wordings it already has, so both measure the same text.
 */
export function wordingShingles(wordings: readonly string[]): Uint32Array {
  return shingleSet(wordings.join(''));
}

/** The shingles of a document's wording (see wordingShingles). */
export function documentShingles(units: readonly CompareUnit[]): Uint32Array {
  return wordingShingles(units.filter((u) => !u.pseudo).map(unitWording));
}

/** Document overlap: the higher share of either text found in the other. */
export function documentOverlap(a: readonly CompareUnit[], b: readonly CompareUnit[]): number {
  const o = overlap(documentShingles(a), documentShingles(b));
  return Math.max(o.aInB, o.bInA);
}
