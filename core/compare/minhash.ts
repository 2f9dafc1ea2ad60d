/**
 * MinHash signatures and locality-sensitive hashing (banding). Two sets with
 * Jaccard similarity s agree on one signature row with probability s; with
 * rows grouped into B bands of R rows they share at least one band bucket with
 * probability 1 − (1 − s^R)^B, so only pairs likely to be similar are ever
 * compared exactly.
 */

/**
 * Documents: 42 bands × 3 rows: pairs at Jaccard 0.3 are found with p ≈ 0.68, at 0.45 with p ≈ 0.98, at 0.1
 * with p ≈ 0.04 (weaker document pairs are reached through their clauses). Clauses use the same signatures
 * as 63 bands × 2 rows (`CLAUSE_LSH_ROWS`): p ≈ 0.98 at 0.25, where rewritten clauses start.
 */
export const LSH_BANDS = 42;
export const LSH_ROWS = 3;
export const SIGNATURE_LENGTH = LSH_BANDS * LSH_ROWS;
export const CLAUSE_LSH_ROWS = 2;

/** Deterministic odd multipliers/offsets for the universal hashes (xorshift from a fixed seed). */
function makeCoefficients(n: number): { a: Uint32Array; b: Uint32Array } {
  const a = new Uint32Array(n);
  const b = new Uint32Array(n);
  let x = 0x9e3779b9;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
  for (let i = 0; i < n; i++) {
    a[i] = next() | 1;
    b[i] = next();
  }
  return { a, b };
}

const COEF = makeCoefficients(SIGNATURE_LENGTH);

/** Signature of a shingle set: per hash function, the minimum of (a·x + b) mod 2^32. */
export function signature(set: Uint32Array): Uint32Array {
  const sig = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  const { a, b } = COEF;
  for (let s = 0; s < set.length; s++) {
    const x = set[s];
    for (let i = 0; i < SIGNATURE_LENGTH; i++) {
      // x is already a well-mixed FNV hash: one multiply-add per function is enough.
      const h = (Math.imul(a[i], x) + b[i]) >>> 0;
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/** True when signatures i and j agree on every row of some band before `band`: the pair was already reported there. */
function agreedEarlier(a: Uint32Array, b: Uint32Array, band: number, rows: number): boolean {
  for (let e = 0; e < band; e++) {
    const off = e * rows;
    let same = true;
    for (let r = 0; r < rows && same; r++) same = a[off + r] === b[off + r];
    if (same) return true;
  }
  return false;
}

/**
 * A bucket larger than this is a crowd of near-copies or of texts that share boilerplate: its members are
 * paired only with their BUCKET_WINDOW next neighbours, in an order that changes from band to band, so a
 * bucket costs linear, not quadratic, time and every member still meets several others.
 */
export const MAX_BUCKET = 48;
export const BUCKET_WINDOW = 8;

/** The band's rows hashed to one number: a rare collision only adds a candidate, which is measured exactly anyway. */
export function bandKey(sig: ArrayLike<number>, band: number, rows = LSH_ROWS): number {
  const off = band * rows;
  let key = 0x811c9dc5;
  for (let r = 0; r < rows; r++) key = Math.imul(key ^ sig[off + r], 0x01000193);
  return key >>> 0;
}

/** Every band key of a signature (what `placeDocument` looks up in the shipped tables). */
export function bandKeys(sig: ArrayLike<number>, rows = LSH_ROWS): Uint32Array {
  const bands = Math.floor(SIGNATURE_LENGTH / rows);
  const out = new Uint32Array(bands);
  for (let b = 0; b < bands; b++) out[b] = bandKey(sig, b, rows);
  return out;
}

/** Deterministic per-band shuffle key of an item. */
const shuffleKey = (i: number, band: number) => Math.imul(i ^ Math.imul(band + 1, 0x9e3779b1), 0x85ebca6b) >>> 0;

/**
 * Candidate pairs (i < j) of items whose signatures share a band, each
 * reported at most once (in the first band they share: no set of seen pairs,
 * whose size would grow with the square of a large cluster). Buckets larger
 * than MAX_BUCKET are paired within a window (see there). `group[i]` (e.g.
 * the document of a unit) excludes pairs within one group when given.
 */
export function forEachCandidate(signatures: Uint32Array[], visit: (i: number, j: number) => void, group?: ArrayLike<number>, rows = LSH_ROWS): void {
  const n = signatures.length;
  const bands = Math.floor(SIGNATURE_LENGTH / rows);
  const pair = (i: number, j: number, band: number) => {
    if (group && group[i] === group[j]) return;
    if (band > 0 && agreedEarlier(signatures[i], signatures[j], band, rows)) return;
    if (i < j) visit(i, j);
    else visit(j, i);
  };
  for (let band = 0; band < bands; band++) {
    const buckets = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const key = bandKey(signatures[i], band, rows);
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
    for (const list of buckets.values()) {
      if (list.length < 2) continue;
      if (list.length <= MAX_BUCKET) {
        for (let x = 0; x < list.length; x++) for (let y = x + 1; y < list.length; y++) pair(list[x], list[y], band);
        continue;
      }
      const order = list.slice().sort((a, b) => shuffleKey(a, band) - shuffleKey(b, band) || a - b);
      for (let x = 0; x < order.length; x++) for (let y = x + 1; y < order.length && y <= x + BUCKET_WINDOW; y++) pair(order[x], order[y], band);
    }
  }
}

export function lshCandidates(signatures: Uint32Array[], group?: ArrayLike<number>): [number, number][] {
  const out: [number, number][] = [];
  forEachCandidate(signatures, (i, j) => out.push([i, j]), group);
  return out;
}
