/**
 * Character shingles. Chinese has no word boundaries, so overlap is measured
 * on runs of K characters of the overlap key (folded, no punctuation or
 * spaces). Shingles are hashed to 32-bit integers; a set is a sorted,
 * de-duplicated Uint32Array so intersections are linear merges.
 */

/**
 * 5 characters: long enough that two unrelated documents on the same subject
 * share few (common words like 营商环境 are 4), short enough that a changed
 * number or an inserted word breaks only a few shingles around it.
 */
export const SHINGLE_SIZE = 5;

/** FNV-1a over UTF-16 code units, 32 bits. */
export function hashString(s: string, start = 0, end = s.length): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * FNV-1a over 32-bit words, continuing from `seed` (a hash of the words before, so a run can skip a word): the
 * checksums of the variants cache's files and the common shingles' fingerprint.
 */
export function hashWords(words: ArrayLike<number>, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i], 0x01000193);
  return h >>> 0;
}

/**
 * The checksum of a cache file held as words, whose word `at` holds it: FNV-1a over every other word, the header's
 * first (its sizes place everything else). The variants cache's files all check themselves this way.
 */
export const checksumBut = (words: Uint32Array, at: number): number => hashWords(words.subarray(at + 1), hashWords(words.subarray(0, at)));

/** Sorted distinct shingle hashes of `key`; a key shorter than k is one shingle. */
export function shingleSet(key: string, k = SHINGLE_SIZE): Uint32Array {
  if (key.length === 0) return new Uint32Array(0);
  const n = Math.max(1, key.length - k + 1);
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = hashString(key, i, Math.min(key.length, i + k));
  out.sort();
  let w = 0;
  for (let i = 0; i < n; i++) if (i === 0 || out[i] !== out[i - 1]) out[w++] = out[i];
  return out.slice(0, w);
}

export function intersectionSize(a: Uint32Array, b: Uint32Array): number {
  return intersectionSizeIn(a, 0, a.length, b, 0, b.length);
}

/** The size of the intersection of two sorted runs, a[aFrom … aEnd) and b[bFrom … bEnd), without a view of either. */
export function intersectionSizeIn(a: Uint32Array, aFrom: number, aEnd: number, b: Uint32Array, bFrom: number, bEnd: number): number {
  let i = aFrom;
  let j = bFrom;
  let n = 0;
  while (i < aEnd && j < bEnd) {
    if (a[i] === b[j]) {
      n++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return n;
}

export interface Overlap {
  /** |A∩B| / |A∪B| */
  jaccard: number;
  /** |A∩B| / |A|: how much of A is found in B. */
  aInB: number;
  /** |A∩B| / |B| */
  bInA: number;
  shared: number;
}

export function overlap(a: Uint32Array, b: Uint32Array): Overlap {
  return overlapOf(a.length, b.length, intersectionSize(a, b));
}

/** The overlap of two sets of these sizes sharing `shared` members (a count kept from an earlier build: pair-counts.ts). */
export function overlapOf(aSize: number, bSize: number, shared: number): Overlap {
  const union = aSize + bSize - shared;
  return {
    jaccard: union ? shared / union : 0,
    aInB: aSize ? shared / aSize : 0,
    bInA: bSize ? shared / bSize : 0,
    shared,
  };
}
