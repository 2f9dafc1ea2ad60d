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

/**
 * Signature of a shingle set: per hash function, the minimum of (a·x + b) mod 2^32. One function at a time over
 * the whole set, so the running minimum stays in a register. Written into `sig` when given (a view of a shared buffer).
 */
export function signature(set: Uint32Array, sig: Uint32Array = new Uint32Array(SIGNATURE_LENGTH)): Uint32Array {
  const { a, b } = COEF;
  const n = set.length;
  for (let i = 0; i < SIGNATURE_LENGTH; i++) {
    const ai = a[i];
    const bi = b[i];
    let min = 0xffffffff;
    for (let s = 0; s < n; s++) {
      // set[s] is already a well-mixed FNV hash: one multiply-add per function is enough.
      const h = (Math.imul(ai, set[s]) + bi) >>> 0;
      if (h < min) min = h;
    }
    sig[i] = min;
  }
  return sig;
}

/** True when signatures a and b agree on every row of band `band`. */
function agreeIn(a: Uint32Array, b: Uint32Array, band: number, rows: number): boolean {
  const off = band * rows;
  for (let r = 0; r < rows; r++) if (a[off + r] !== b[off + r]) return false;
  return true;
}

/**
 * True when `band` is the first band whose rows a and b agree on: the one band where their pair is considered.
 * Rows, not band keys: two keys can collide without their rows agreeing, and a pair that met in a collision's
 * bucket would be met again in the band its rows share (a counterpart held twice).
 */
export function firstSharedBand(a: Uint32Array, b: Uint32Array, band: number, rows: number): boolean {
  if (!agreeIn(a, b, band, rows)) return false;
  for (let e = 0; e < band; e++) if (agreeIn(a, b, e, rows)) return false;
  return true;
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

/** Deterministic per-band shuffle key of an item: a bijection of 32-bit indexes (xor, then an odd multiplier), so no two members tie. */
export const shuffleKey = (i: number, band: number) => Math.imul(i ^ Math.imul(band + 1, 0x9e3779b1), 0x85ebca6b) >>> 0;

/** A shuffle key (32 bits) times this, plus a position below it, is an integer a double holds exactly (< 2^53). */
const POSITIONS = 2 ** 21;

/**
 * A crowd's members (distinct indexes, ascending) in the band's shuffled order: by shuffle key, of the member's
 * `ids` entry when given (a stable identity: a crowd's order then does not change when items are added before
 * it, which the incremental clause matching relies on, clause-lists.ts), else of its index. Each member is
 * packed into one double (its key, then its position in the crowd, to find it again) and the doubles sorted
 * natively: sorting arrays of members with a comparator was 1.5 of the 10 s the clause candidates took at
 * 10,000 documents, and their garbage. `scratch` is reused (at least members.length long);
 * a crowd of more than `positions` members takes the comparator.
 */
export function shuffledCrowd(members: Uint32Array, band: number, scratch: Float64Array, positions = POSITIONS, ids?: ArrayLike<number>): Uint32Array {
  const m = members.length;
  const key = (i: number) => shuffleKey(ids ? ids[i] : i, band);
  if (m > positions) return Uint32Array.from(members).sort((a, b) => key(a) - key(b));
  const packed = scratch.subarray(0, m);
  for (let x = 0; x < m; x++) packed[x] = key(members[x]) * positions + x;
  packed.sort();
  const out = new Uint32Array(m);
  for (let x = 0; x < m; x++) out[x] = members[packed[x] % positions];
  return out;
}

/**
 * `order` (a permutation of 0..n-1) sorted by `keys[order[x]]`, stably: a least-significant-digit radix sort in
 * two 16-bit passes. Linear in n and free of per-band Maps and arrays, which at 700,000 units and 63 bands were
 * most of the clause step's time and garbage.
 */
function sortByKey(keys: Uint32Array, order: Uint32Array, tmp: Uint32Array, counts: Uint32Array): void {
  const n = keys.length;
  for (let i = 0; i < n; i++) order[i] = i;
  for (let shift = 0; shift < 32; shift += 16) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((keys[i] >>> shift) & 0xffff) + 1]++;
    for (let d = 1; d <= 0xffff; d++) counts[d] += counts[d - 1];
    for (let x = 0; x < n; x++) {
      const i = order[x];
      tmp[counts[(keys[i] >>> shift) & 0xffff]++] = i;
    }
    order.set(tmp);
  }
}

/**
 * Items in the order of their key in one band, buckets as runs of equal keys (members in ascending index order):
 * what candidate generation walks, band after band. The arrays are reused from band to band.
 */
export class BandOrder {
  readonly keys: Uint32Array;
  readonly order: Uint32Array;
  private readonly tmp: Uint32Array;
  private readonly counts = new Uint32Array(0x10001);

  constructor(readonly size: number) {
    this.keys = new Uint32Array(size);
    this.order = new Uint32Array(size);
    this.tmp = new Uint32Array(size);
  }

  /** Sort the items by their key in `band`. */
  fill(signatures: Uint32Array[], band: number, rows: number): void {
    for (let i = 0; i < this.size; i++) this.keys[i] = bandKey(signatures[i], band, rows);
    sortByKey(this.keys, this.order, this.tmp, this.counts);
  }

  /** The end of the bucket starting at `start` in `order`. */
  bucketEnd(start: number): number {
    const key = this.keys[this.order[start]];
    let end = start + 1;
    while (end < this.size && this.keys[this.order[end]] === key) end++;
    return end;
  }
}

/** The FNV-1a hash of a whole signature (equal signatures, equal hashes). */
export function signatureHash(sig: Uint32Array): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < sig.length; k++) h = Math.imul(h ^ sig[k], 0x01000193);
  return h >>> 0;
}

const sameSignature = (a: Uint32Array, b: Uint32Array): boolean => {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return a.length === b.length;
};

/**
 * For each signature, the index of the first signature equal to it. Found by sorting the indexes by hash (the
 * radix sort, stable, so a run of one hash is in index order) and comparing within runs value by value, a hash
 * being shared by unequal signatures too: a Map of 534,000 hashes to arrays took 0.9 s at 10,000 documents.
 */
function equalSignatureClasses(signatures: Uint32Array[]): Int32Array {
  const n = signatures.length;
  const twin = new Int32Array(n);
  const hashes = Uint32Array.from(signatures, signatureHash);
  const order = new Uint32Array(n);
  sortByKey(hashes, order, new Uint32Array(n), new Uint32Array(0x10001));
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && hashes[order[end]] === hashes[order[start]]) end++;
    for (let x = start; x < end; x++) {
      const i = order[x];
      twin[i] = i;
      // The first of i's class is the first earlier member of the run, among those first of theirs, equal to it.
      for (let y = start; y < x; y++) {
        const f = order[y];
        if (twin[f] === f && sameSignature(signatures[f], signatures[i])) {
          twin[i] = f;
          break;
        }
      }
    }
    start = end;
  }
  return twin;
}

/**
 * Which bands forEachCandidate walks, when two threads share them (cli/clause-thread.ts): a pair is considered
 * only in the first band its signatures agree on, whoever walks that band, so the bands can be dealt out and each
 * pair is still reported at most once, by one of the walkers. `afterBand` is called after each band walked (to take the other's pairs).
 */
export interface BandWalk {
  mine?: (band: number) => boolean;
  afterBand?: () => void;
}

/**
 * Candidate pairs (i < j) of items whose signatures share a band, each
 * reported at most once (in the first band they share: no set of seen pairs,
 * whose size would grow with the square of a large cluster). Buckets larger
 * than MAX_BUCKET are paired within a window (see there). `group[i]` (e.g.
 * the document of a unit) excludes pairs within one group when given.
 * A bucket is a run of equal keys in the band's sorted order, its members in
 * ascending index order. `ids[i]`, when given, orders crowds (see shuffledCrowd).
 */
export function forEachCandidate(
  signatures: Uint32Array[],
  visit: (i: number, j: number) => void,
  group?: ArrayLike<number>,
  rows = LSH_ROWS,
  ids?: ArrayLike<number>,
  walk: BandWalk = {},
): void {
  const n = signatures.length;
  const bands = Math.floor(SIGNATURE_LENGTH / rows);
  const mine = walk.mine ?? (() => true);
  const pair = (i: number, j: number, band: number) => {
    if (group && group[i] === group[j]) return;
    if (!firstSharedBand(signatures[i], signatures[j], band, rows)) return;
    if (i < j) visit(i, j);
    else visit(j, i);
  };
  // Items with one signature (a clause copied unchanged into many texts) meet in every band; after band 0 each of
  // their pairs is known to have agreed earlier. `twin[i]` names i's class of equal signatures, so such pairs are
  // skipped by comparing two numbers instead of calling firstSharedBand a million times.
  const twin = equalSignatureClasses(signatures);
  const sorted = new BandOrder(n);
  const order = sorted.order;
  const scratch = new Float64Array(n);
  for (let band = 0; band < bands; band++) {
    if (!mine(band)) continue;
    sorted.fill(signatures, band, rows);
    for (let start = 0; start < n; ) {
      const end = sorted.bucketEnd(start);
      const size = end - start;
      if (size >= 2 && size <= MAX_BUCKET) {
        for (let x = start; x < end; x++) {
          const i = order[x];
          for (let y = x + 1; y < end; y++) if (band === 0 || twin[i] !== twin[order[y]]) pair(i, order[y], band);
        }
      } else if (size > MAX_BUCKET) {
        const crowd = shuffledCrowd(order.subarray(start, end), band, scratch, POSITIONS, ids);
        for (let x = 0; x < size; x++)
          for (let y = x + 1; y < size && y <= x + BUCKET_WINDOW; y++) if (band === 0 || twin[crowd[x]] !== twin[crowd[y]]) pair(crowd[x], crowd[y], band);
      }
      start = end;
    }
    walk.afterBand?.();
  }
}

export function lshCandidates(signatures: Uint32Array[], group?: ArrayLike<number>): [number, number][] {
  const out: [number, number][] = [];
  forEachCandidate(signatures, (i, j) => out.push([i, j]), group);
  return out;
}
