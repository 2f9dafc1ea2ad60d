import { clauseSimilarity } from './measures.js';
import { intersectionSizeIn, overlapOf } from './shingles.js';

/**
 * A unit as detection measures it: its id, its document's index, and its shingles (every one, sorted: what pairs are
 * measured on), the `size` words of `words` from `from`. Those words are its document's stored entry (prepared-cache.ts)
 * or a set of its own; not a view per unit: 700,000 views at 10,000 documents were 70 MB of small objects in the
 * build's heap, marked at every full collection of a rebuild's clause matching (as the signatures were: unit-sigs.ts).
 */
export class PreparedUnit {
  private words: Uint32Array;
  private from: number;
  /** How many shingles it has. */
  size: number;

  constructor(
    readonly id: string,
    readonly doc: number,
    set: Uint32Array,
    from = 0,
    size = set.length,
  ) {
    this.words = set;
    this.from = from;
    this.size = size;
  }

  /** Its shingles: a view, made when asked. */
  get set(): Uint32Array {
    return this.words.subarray(this.from, this.from + this.size);
  }

  /** Its shingles replaced by these (a test moves them to shared memory). */
  set set(s: Uint32Array) {
    this.words = s;
    this.from = 0;
    this.size = s.length;
  }

  /** Clause similarity with `other` (setSimilarity of the two sets), read where they lie. */
  similarity(other: PreparedUnit): number {
    const shared = intersectionSizeIn(this.words, this.from, this.from + this.size, other.words, other.from, other.from + other.size);
    return clauseSimilarity(overlapOf(this.size, other.size, shared), this.size, other.size);
  }
}
