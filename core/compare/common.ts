/**
 * Boilerplate shingles: the 5-character runs that occur in more than a small
 * share of the corpus's documents (本条例自公布之日起施行, 县级以上人民政府,
 * 违反本办法规定). Every law prints them, so in MinHash signatures they make
 * unrelated documents and clauses collide in LSH buckets and the candidate set
 * grows with the square of the corpus. They are left out of the signatures
 * (candidate generation) only; pairs are still measured on the full shingle
 * sets, so a relation's figures do not depend on the corpus around it.
 */
import { hashWords } from './shingles.js';

/** A shingle is boilerplate from this share of the documents… */
export const COMMON_SHARE = 0.02;
/** …and in at least this many documents, so a small corpus (the sample's 95 documents) drops nothing by chance. */
export const COMMON_MIN_DOCS = 20;

/** Count-min sketch size (two rows of 2^22 16-bit counters, 16 MiB): the first pass only finds candidates, the second counts them exactly. */
export const SKETCH_BITS = 22;
const SKETCH_MASK = (1 << SKETCH_BITS) - 1;
/** A counter that reached this stays there: it stands for "this many or more". */
export const SATURATED = 0xffff;

export function mix(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The document-frequency threshold for a corpus of `docCount` documents. */
export function commonThreshold(docCount: number): number {
  return Math.max(COMMON_MIN_DOCS, Math.ceil(COMMON_SHARE * docCount));
}

/**
 * A count-min sketch of document frequencies: each shingle adds one to a counter in each row (collisions add,
 * so a counter is never below the frequency of any shingle in it). `estimate` is the smaller of the two.
 */
export interface ShingleSketch {
  row1: Uint16Array;
  row2: Uint16Array;
}

export function emptySketch(): ShingleSketch {
  return { row1: new Uint16Array(1 << SKETCH_BITS), row2: new Uint16Array(1 << SKETCH_BITS) };
}

/**
 * Add one document's distinct shingles. A saturated counter stays as it is: "this many or more". (This and
 * removeFromSketch each find a shingle's two counters inline: the full build adds some 30 million shingles.)
 */
export function addToSketch(sketch: ShingleSketch, set: Uint32Array): void {
  const { row1, row2 } = sketch;
  for (let i = 0; i < set.length; i++) {
    const h = set[i];
    const a = h & SKETCH_MASK;
    const b = mix(h) & SKETCH_MASK;
    if (row1[a] < SATURATED) row1[a]++;
    if (row2[b] < SATURATED) row2[b]++;
  }
}

/**
 * Take away one document's distinct shingles, added before; a saturated counter stays (still an upper bound).
 * False when a counter is already 0: the sketch never held this document, and is no bound any more.
 */
export function removeFromSketch(sketch: ShingleSketch, set: Uint32Array): boolean {
  const { row1, row2 } = sketch;
  for (let i = 0; i < set.length; i++) {
    const h = set[i];
    const a = h & SKETCH_MASK;
    const b = mix(h) & SKETCH_MASK;
    if (row1[a] === 0 || row2[b] === 0) return false;
    if (row1[a] < SATURATED) row1[a]--;
    if (row2[b] < SATURATED) row2[b]--;
  }
  return true;
}

/** An upper bound of the shingle's document frequency. */
export function estimate(sketch: ShingleSketch, h: number): number {
  return Math.min(sketch.row1[h & SKETCH_MASK], sketch.row2[mix(h) & SKETCH_MASK]);
}

/**
 * The exact document frequency of every shingle of `sets` whose estimate is at least `bar`, sorted by shingle:
 * the sketch over-counts, never under-counts, so every shingle in at least `bar` sets is among them.
 */
export function nominatedCounts(sets: readonly Uint32Array[], sketch: ShingleSketch, bar: number): { shingles: Uint32Array; df: Uint32Array } {
  const exact = new Map<number, number>();
  for (const set of sets)
    for (let i = 0; i < set.length; i++) {
      const h = set[i];
      if (estimate(sketch, h) >= bar) exact.set(h, (exact.get(h) ?? 0) + 1);
    }
  const shingles = Uint32Array.from(exact.keys()).sort();
  return { shingles, df: Uint32Array.from(shingles, (h) => exact.get(h)!) };
}

/**
 * Shingles found in at least `commonThreshold(sets.length)` of the sets (one set per document, distinct
 * shingles), sorted. Memory is the fixed sketch plus an exact count of the few shingles the sketch
 * nominates, never a map of every distinct shingle of the corpus.
 */
export function commonShingles(sets: readonly Uint32Array[]): Uint32Array {
  const threshold = commonThreshold(sets.length);
  if (sets.length < threshold) return new Uint32Array(0);
  const sketch = emptySketch();
  for (const set of sets) addToSketch(sketch, set);
  const { shingles, df } = nominatedCounts(sets, sketch, threshold);
  return shingles.filter((_, k) => df[k] >= threshold);
}

/**
 * Sorted `common` as an open-addressing table (0 marks a free slot, so shingle 0 is told by `hasZero`): a merge
 * against the sorted array walked most of its thousands of entries for each of 700,000 units. In front of it, one
 * bit per value of a shingle's low FILTER_BITS bits, set for the common ones: about nine shingles in ten are not
 * common, and most of those are turned away by that bit (256 KB, in cache) without hashing or probing. A rebuild at
 * 10,000 documents looks up every unit's 28 million shingles to check its stored signatures (signatures step).
 */
interface CommonTable {
  slots: Uint32Array;
  mask: number;
  hasZero: boolean;
  filter: Uint32Array;
}

/** A shingle is already a hash (shingles.ts), so its low bits are spread evenly. 2^21 bits: 5,540 common shingles at 10,000 documents mark a quarter of a percent. */
const FILTER_BITS = 21;
const FILTER_MASK = (1 << FILTER_BITS) - 1;

const tables = new WeakMap<Uint32Array, CommonTable>();

function commonTable(common: Uint32Array): CommonTable {
  let t = tables.get(common);
  if (t) return t;
  let size = 16;
  while (size < common.length * 2) size *= 2;
  t = { slots: new Uint32Array(size), mask: size - 1, hasZero: false, filter: new Uint32Array(1 << (FILTER_BITS - 5)) };
  for (let i = 0; i < common.length; i++) {
    const x = common[i];
    const b = x & FILTER_MASK;
    t.filter[b >>> 5] |= 1 << (b & 31);
    if (x === 0) t.hasZero = true;
    else {
      let k = mix(x) & t.mask;
      while (t.slots[k] !== 0 && t.slots[k] !== x) k = (k + 1) & t.mask;
      t.slots[k] = x;
    }
  }
  tables.set(common, t);
  return t;
}

function inTable(t: CommonTable, x: number): boolean {
  const b = x & FILTER_MASK;
  if ((t.filter[b >>> 5] & (1 << (b & 31))) === 0) return false;
  if (x === 0) return t.hasZero;
  for (let k = mix(x) & t.mask; ; k = (k + 1) & t.mask) {
    const s = t.slots[k];
    if (s === x) return true;
    if (s === 0) return false;
  }
}

/** `set` without the shingles of sorted `common` (`set` sorted: the result stays sorted). */
export function withoutCommon(set: Uint32Array, common: Uint32Array): Uint32Array {
  if (!common.length) return set;
  const t = commonTable(common);
  const out = new Uint32Array(set.length);
  let n = 0;
  for (let i = 0; i < set.length; i++) if (!inTable(t, set[i])) out[n++] = set[i];
  return n === set.length ? set : out.slice(0, n);
}

/** The shingles of `sets` (each sorted) that are in sorted `common`: sorted, distinct. */
export function commonPart(sets: readonly Uint32Array[], common: Uint32Array): Uint32Array {
  if (!common.length) return new Uint32Array(0);
  const t = commonTable(common);
  const found: number[] = [];
  for (const set of sets) for (let i = 0; i < set.length; i++) if (inTable(t, set[i])) found.push(set[i]);
  const sorted = Uint32Array.from(found).sort();
  let w = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[w - 1]) sorted[w++] = sorted[i];
  return sorted.slice(0, w);
}

/**
 * A hash of a set of common shingles: what was made without them (signatures, and the clause matches made from
 * them) names them by it, so that another set is noticed (prepared-cache.ts, clause-state.ts).
 */
export const commonHash = (common: Uint32Array): number => hashWords(common, 0x811c9dc5 ^ common.length);
