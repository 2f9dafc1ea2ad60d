/**
 * Ranking numbers: BM25 over exact phrase counts, the cheap prior used for
 * large result sets (tf = 1, unit length only), and the title tier that puts
 * documents whose title holds the query first.
 */
import { countOccurrences } from './highlight.js';
import type { ParsedQuery } from './query.js';
import { inMetadata, inTitleOrNumber, type DocRec } from './records.js';

export const K1 = 1.2;
export const B = 0.75;
export const TITLE_TIER = 1000;

export class Scorer {
  constructor(
    private readonly unitCount: number,
    readonly avgLen: number,
    private readonly estimate: (phrase: string) => number,
  ) {}

  idf(phrase: string): number {
    const df = this.estimate(phrase);
    const N = this.unitCount;
    return Math.log(1 + (N - df + 0.5) / (df + 0.5));
  }

  /** The BM25 length term 1 + k1·(1 − b + b·len/avgLen) of a unit. */
  lengthTerm(len: number): number {
    return 1 + K1 * (1 - B + (B * len) / this.avgLen);
  }

  bm25(norm: string, phrases: string[], idf: number[]): number {
    return this.bm25Counts(
      norm.length,
      phrases.map((p) => countOccurrences(norm, p)),
      phrases,
      idf,
    );
  }

  /** The same from a unit's normalised length and each phrase's count in it (known from positions without its text). */
  bm25Counts(len: number, counts: ArrayLike<number>, phrases: string[], idf: number[]): number {
    let s = 0;
    const norml = 1 - B + (B * len) / this.avgLen;
    for (let i = 0; i < phrases.length; i++) {
      const tf = counts[i];
      if (tf) s += ((idf[i] * (tf * (K1 + 1))) / (tf + K1 * norml)) * Math.sqrt(phrases[i].length);
    }
    return s;
  }

  /** BM25 numerator with tf = 1 averaged over the phrases (the prior divides it by the length term). */
  priorFactor(phrases: string[], idf: number[]): number {
    let s = 0;
    for (let i = 0; i < phrases.length; i++) s += idf[i] * (K1 + 1) * Math.sqrt(phrases[i].length);
    return s / Math.max(1, phrases.length);
  }

  /** Share of the title the query covers (0 when some clause is not in the title / 文号). */
  titleCoverage(d: DocRec, q: ParsedQuery): number {
    let covered = 0;
    for (const clause of q.must) {
      let best = 0;
      for (const p of clause) if (inTitleOrNumber(d, p)) best = Math.max(best, p.length);
      if (!best) return 0;
      covered += best;
    }
    return covered / Math.max(1, d.titleN.norm.length);
  }

  /** Title tier: TITLE_TIER plus up to 100 for a tighter title; 0 when the title does not hold the query. */
  titleScore(d: DocRec, q: ParsedQuery): number {
    const c = this.titleCoverage(d, q);
    return c ? TITLE_TIER + 100 * c : 0;
  }

  /**
   * Score of a document without any text to read: its title match alone,
   * below every hit with text (those score > 0), a tighter title first.
   */
  emptyDocScore(d: DocRec, q: ParsedQuery): number {
    return -1 + 0.5 * this.titleCoverage(d, q);
  }
}

export function metaMatches(d: DocRec, clause: string[]): boolean {
  for (const p of clause) if (inMetadata(d, p)) return true;
  return false;
}

export function excludedByTitle(d: DocRec, q: ParsedQuery): boolean {
  for (const p of q.not) if (inTitleOrNumber(d, p)) return true;
  return false;
}
