/**
 * Finding LSH buckets again in a rebuild (clause-lists.ts): every item's key in a band, made sixteen bands at a time;
 * the members of a few asked buckets, by one pass over a band's keys or, in a second pass, by prints kept of them;
 * and the crowd keys that order a crowd, made when first asked.
 */
import { bandKey, CLAUSE_LSH_ROWS, SIGNATURE_LENGTH } from './minhash.js';

/**
 * Items' crowd keys (`keyOf(x)`: for a unit, unitKey of its id), each made when first asked. Only the members of a
 * crowd a change reached need one: hashing the ids of all 534,000 matched units was 0.4 s of a rebuild.
 */
export class CrowdKeys {
  private readonly keys: Uint32Array;
  private readonly made: Uint8Array;

  constructor(
    private readonly keyOf: (x: number) => number,
    n: number,
  ) {
    this.keys = new Uint32Array(n);
    this.made = new Uint8Array(n);
  }

  /** Every item's key, those of `members` made (the others may not be). */
  of(members: ArrayLike<number>): Uint32Array {
    for (let q = 0; q < members.length; q++) {
      const x = members[q];
      if (this.made[x]) continue;
      this.keys[x] = this.keyOf(x);
      this.made[x] = 1;
    }
    return this.keys;
  }
}

/** Bands whose keys are computed together (bandKeyTable): 16 bands of 534,000 items (10,000 documents) are 34 MB. */
const BLOCK_BANDS = 16;

/**
 * Every item's key in a band (`of(band)[x]`), computed BLOCK_BANDS bands at a time, each signature's rows for
 * them read together, in memory order. Reading two words of each of 534,000 signatures, band after band, missed
 * the cache at every one (3.5 s of a rebuild at 10,000 documents); all 63 bands at once held 101 MB more at the
 * build's peak. What `of` returns holds until a band of another block is asked for: ask band after band.
 */
export function bandKeyTable(sigs: Uint32Array[], rows: number): (band: number) => Uint32Array {
  const n = sigs.length;
  const bands = Math.floor(SIGNATURE_LENGTH / rows);
  const block = new Uint32Array(n * Math.min(BLOCK_BANDS, bands));
  let first = -1;
  return (band) => {
    if (first < 0 || band < first || band >= first + BLOCK_BANDS) {
      first = band - (band % BLOCK_BANDS);
      const last = Math.min(bands, first + BLOCK_BANDS);
      for (let x = 0; x < n; x++) for (let b = first; b < last; b++) block[(b - first) * n + x] = bandKey(sigs[x], b, rows);
    }
    return block.subarray((band - first) * n, (band - first + 1) * n);
  };
}

/**
 * Band keys asked band after band (`of`, a bandKeyTable), each band's also kept as 16-bit prints (2 bytes an item a
 * band: 67 MB at 10,000 documents). A second pass over the bands then finds a bucket's members by their prints and
 * makes only their keys again: making all 534,000 items' keys twice, band after band, was 1.2 s of a rebuild.
 */
export class BandPrints {
  private readonly prints: Uint16Array;
  private of: ((band: number) => Uint32Array) | null;

  constructor(
    of: (band: number) => Uint32Array,
    private readonly n: number,
    rows = CLAUSE_LSH_ROWS,
  ) {
    this.of = of;
    this.prints = new Uint16Array(n * Math.floor(SIGNATURE_LENGTH / rows));
  }

  /** Band `band`'s keys (asked once per band, in order, before any `bucketsWith`), their prints kept. */
  keys(band: number): Uint32Array {
    const keys = this.of!(band);
    const row = this.prints.subarray(band * this.n, (band + 1) * this.n);
    for (let x = 0; x < this.n; x++) row[x] = print16(keys[x]);
    return keys;
  }

  /**
   * The buckets of `keys` in band `band`, as bucketsWith gives them, from the prints: an item whose print is one of
   * theirs has its key made (`keyOf`) and compared. Once asked, no more keys are: the table they came from is let go.
   */
  bucketsWith(band: number, keys: number[], keyOf: (x: number) => number): Map<number, number[]> {
    this.of = null;
    const wanted = new KeyTable(keys);
    const printed = new Uint8Array(1 << 16);
    for (const k of keys) printed[print16(k)] = 1;
    const out = new Map<number, number[]>(keys.map((k) => [k, []]));
    const row = this.prints.subarray(band * this.n, (band + 1) * this.n);
    for (let x = 0; x < this.n; x++) {
      if (!printed[row[x]]) continue;
      const k = keyOf(x);
      if (wanted.has(k)) out.get(k)!.push(x);
    }
    return out;
  }
}

/** A band key's 16 bits kept: both halves folded, so that no half of FNV's output stands alone. */
const print16 = (key: number): number => (key ^ (key >>> 16)) & 0xffff;

/**
 * The buckets of these keys in one band (`bandKeys[x]`: item x's key there), each its members in ascending
 * order, as forEachCandidate has them: one pass over the band's keys, no sort. A rebuild asks for a few buckets
 * of each band; sorting every band, twice, was most of the time a rebuild took to keep the matches.
 */
export function bucketsWith(bandKeys: Uint32Array, keys: number[]): Map<number, number[]> {
  const wanted = new KeyTable(keys);
  const out = new Map<number, number[]>(keys.map((k) => [k, []]));
  for (let x = 0; x < bandKeys.length; x++) if (wanted.has(bandKeys[x])) out.get(bandKeys[x])!.push(x);
  return out;
}

/** A set of 32-bit keys asked of hundreds of thousands of times: open addressing over typed arrays. */
export class KeyTable {
  private readonly slots: Uint32Array;
  private readonly used: Uint8Array;
  private readonly shift: number;

  constructor(keys: number[]) {
    const bits = Math.max(4, Math.ceil(Math.log2(keys.length * 2 + 1)));
    this.shift = 32 - bits;
    this.slots = new Uint32Array(1 << bits);
    this.used = new Uint8Array(1 << bits);
    for (const k of keys) {
      const h = this.find(k);
      this.slots[h] = k;
      this.used[h] = 1;
    }
  }

  private find(key: number): number {
    const mask = this.slots.length - 1;
    let h = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (this.used[h] && this.slots[h] !== key) h = (h + 1) & mask;
    return h;
  }

  has(key: number): boolean {
    return this.used[this.find(key)] === 1;
  }
}
