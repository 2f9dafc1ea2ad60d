/**
 * Finding LSH buckets again in a rebuild (clause-lists.ts): every item's key in a band, made sixteen bands at a time;
 * 16-bit prints of them, kept from build to build, by which the members of a few asked buckets are found; and the
 * crowd keys that order a crowd, made when first asked.
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
 * Every item's key in every band, kept as 16-bit prints (2 bytes an item a band: 67 MB at 10,000 documents), band
 * after band (`prints[band · n + x]`). A bucket's members are then found by their prints, and only their keys made
 * again (`bucketsWith`). A rebuild takes the earlier build's prints of the items it keeps from the clause state
 * (clause-lists.ts) and makes only the new items' keys: making all 534,000 matched units' keys in 63 bands, and
 * looking each up, was 1 s of a rebuild at 10,000 documents.
 */
export class BandPrints {
  readonly bands: number;

  /** `prints`: n items' prints in each band, band after band (`BandPrints.of` makes them). */
  constructor(
    readonly prints: Uint16Array,
    readonly n: number,
    rows = CLAUSE_LSH_ROWS,
  ) {
    this.bands = Math.floor(SIGNATURE_LENGTH / rows);
    if (prints.length !== n * this.bands) throw new Error(`BandPrints: ${prints.length} prints for ${n} items in ${this.bands} bands`);
  }

  /**
   * The prints as whole 32-bit words (the last padded with 0 when their number is odd), as the clause state stores
   * them: a view where they fill their own buffer's words from its start, as `of` and `kept` make them, else a copy.
   */
  words(): Uint32Array {
    const { buffer, byteOffset, length } = this.prints;
    const count = Math.ceil(length / 2);
    const room = byteOffset % 4 === 0 && buffer.byteLength >= byteOffset + count * 4;
    if (room && (length % 2 === 0 || new Uint16Array(buffer, byteOffset, length + 1)[length] === 0)) return new Uint32Array(buffer, byteOffset, count);
    const out = new Uint32Array(count);
    new Uint16Array(out.buffer).set(this.prints);
    return out;
  }

  /** The prints of every key of `sigs`, made a block of bands at a time (bandKeyTable). */
  static of(sigs: Uint32Array[], rows = CLAUSE_LSH_ROWS): BandPrints {
    const n = sigs.length;
    const bands = Math.floor(SIGNATURE_LENGTH / rows);
    const prints = printArray(n * bands);
    const table = bandKeyTable(sigs, rows);
    for (let band = 0; band < bands; band++) {
      const keys = table(band);
      const row = prints.subarray(band * n, (band + 1) * n);
      for (let x = 0; x < n; x++) row[x] = print16(keys[x]);
    }
    return new BandPrints(prints, n, rows);
  }

  /**
   * Prints renumbered: item x's are those of item `from[x]` of `earlier`, or, where that is −1 (an item that came),
   * made from `sigOf(x)`. The earlier build's items kept in a rebuild, and the few new ones.
   */
  static kept(earlier: BandPrints, from: Int32Array, sigOf: (x: number) => ArrayLike<number>, rows = CLAUSE_LSH_ROWS): BandPrints {
    const n = from.length;
    const bands = earlier.bands;
    const prints = printArray(n * bands);
    const old = earlier.prints;
    const oldN = earlier.n;
    // Runs of items kept in a row (x, x + 1, … from y, y + 1, …) are copied whole in each band: a rebuild's few.
    const runs: number[] = [];
    const made: number[] = [];
    for (let x = 0; x < n; ) {
      if (from[x] < 0) {
        made.push(x++);
        continue;
      }
      let end = x + 1;
      while (end < n && from[end] === from[end - 1] + 1) end++;
      runs.push(x, end, from[x]);
      x = end;
    }
    for (let band = 0; band < bands; band++) {
      const at = band * n;
      const oldAt = band * oldN;
      for (let r = 0; r < runs.length; r += 3) prints.set(old.subarray(oldAt + runs[r + 2], oldAt + runs[r + 2] + runs[r + 1] - runs[r]), at + runs[r]);
      for (const x of made) prints[at + x] = print16(bandKey(sigOf(x), band, rows));
    }
    return new BandPrints(prints, n, rows);
  }

  /**
   * The buckets of `keys` in band `band`, each its members in ascending order as forEachCandidate has them: an
   * item whose print is one of theirs has its key made (`keyOf`) and compared. One pass over the band's prints, no
   * sort: a rebuild asks for a few buckets of each band.
   */
  bucketsWith(band: number, keys: number[], keyOf: (x: number) => number): Map<number, number[]> {
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

/** `count` prints in a buffer of whole words (words() then views it). */
const printArray = (count: number): Uint16Array => new Uint16Array(count + (count % 2)).subarray(0, count);

/** A band key's 16 bits kept: both halves folded, so that no half of FNV's output stands alone. */
const print16 = (key: number): number => (key ^ (key >>> 16)) & 0xffff;

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
