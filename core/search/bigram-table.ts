/**
 * The bigrams of a corpus (a pair of code units c, d as the 32-bit key (c << 16) | d, an int32: half the
 * CJK block is above 0x8000, and keys past 2^31 as numbers would be doubles) → a slot, in flat typed
 * arrays (open addressing, linear probing): what a Map<number, …> with millions of entries costs in
 * objects and hashing, here 13 bytes a slot. Slots stay put until the table grows, so callers keep
 * per-slot figures in the table's own arrays (`count`, `mark`), which grow with it.
 */
export class BigramTable {
  keys: Int32Array;
  used: Uint8Array;
  /** Per slot, the caller's: e.g. the number of units a bigram occurs in, later a write position. */
  count: Int32Array;
  /** Per slot, the caller's: e.g. the last unit a bigram was counted for (−1 at first). */
  mark: Int32Array;
  size = 0;
  private mask: number;

  constructor(capacity = 1 << 16) {
    let cap = 1 << 4;
    while (cap < capacity) cap *= 2;
    this.mask = cap - 1;
    this.keys = new Int32Array(cap);
    this.used = new Uint8Array(cap);
    this.count = new Int32Array(cap);
    this.mark = new Int32Array(cap).fill(-1);
  }

  get capacity(): number {
    return this.mask + 1;
  }

  private home(key: number): number {
    return Math.imul(key ^ (key >>> 16), 0x45d9f3b) & this.mask;
  }

  /** The slot of `key`, −1 when absent. */
  find(key: number): number {
    for (let s = this.home(key); ; s = (s + 1) & this.mask) {
      if (!this.used[s]) return -1;
      if (this.keys[s] === key) return s;
    }
  }

  /** The slot of `key`, made when absent (the table doubles at half full, which moves slots). */
  slot(key: number): number {
    for (let s = this.home(key); ; s = (s + 1) & this.mask) {
      if (!this.used[s]) {
        if (2 * (this.size + 1) > this.capacity) {
          this.grow();
          return this.slot(key);
        }
        this.used[s] = 1;
        this.keys[s] = key;
        this.size++;
        return s;
      }
      if (this.keys[s] === key) return s;
    }
  }

  private grow(): void {
    const { keys, used, count, mark } = this;
    const cap = this.capacity * 2;
    this.mask = cap - 1;
    this.keys = new Int32Array(cap);
    this.used = new Uint8Array(cap);
    this.count = new Int32Array(cap);
    this.mark = new Int32Array(cap).fill(-1);
    for (let s = 0; s < used.length; s++) {
      if (!used[s]) continue;
      let t = this.home(keys[s]);
      while (this.used[t]) t = (t + 1) & this.mask;
      this.used[t] = 1;
      this.keys[t] = keys[s];
      this.count[t] = count[s];
      this.mark[t] = mark[s];
    }
  }

  /** The keys present, as unsigned numbers (c · 65536 + d), ascending: the order of the two-character strings. */
  sortedKeys(): Uint32Array {
    const out = new Int32Array(this.size);
    let n = 0;
    for (let s = 0; s < this.used.length; s++) if (this.used[s]) out[n++] = this.keys[s];
    return new Uint32Array(out.buffer).sort();
  }
}
