/**
 * The document pairs the last build measured, kept for the next (issue 20: a rebuild after one changed file).
 * Detection measures every candidate pair of documents by the shingles their sets share; at 10,000 documents that
 * was about 1.7 s of every rebuild, though a pair of two unchanged documents shares what it shared before: a set
 * depends only on its document. So each build keeps each measured pair's count, the documents named by their
 * content keys (the cache's names for their entries), and the next takes the count of every pair whose two
 * documents it finds again, measuring only the pairs with a new document.
 *
 * Stored as words: a header, the pairs' first documents, their second documents, their counts (documents as
 * indexes into the keys), then the keys as text. Checked whole before use (sizes, a checksum, the settings
 * a count depends on); anything that does not check out is measured again, never trusted.
 */
import { checksumBut, hashString, SHINGLE_SIZE } from './shingles.js';
import { PREPARED_CACHE_VERSION } from './prepared-cache.js';

const MAGIC = 0x50505231; // "PPR1"
const FORMAT = 1;
/** What a count depends on besides the two documents: how their sets are made. */
const SETTINGS = hashString([FORMAT, PREPARED_CACHE_VERSION, SHINGLE_SIZE].join(','));
const HEADER = 6;
const SUM_AT = HEADER - 1;

/**
 * The settings word of a state: the settings of its kind (`settings`), and the `tag` it was written under (0 for
 * none; shared-counts.ts tags with the clause state it goes with). A bijection of the tag: two tags, two words.
 */
const settingsWord = (settings: number, tag: number): number => (settings ^ Math.imul(tag, 0x9e3779b1)) >>> 0;

/** FNV-1a over every word but the checksum's own. */
const checksum = (words: Uint32Array): number => checksumBut(words, SUM_AT);

/**
 * This build's measured pairs, and the last build's counts looked up by this build's document indexes (`known`).
 * Documents are numbered as detection numbers them; `keys[i]` is document i's content key.
 */
export class PairCounts {
  private readonly first: number[] = [];
  private readonly second: number[] = [];
  private readonly counts: number[] = [];
  /** An open-addressing table of the last build's pairs found again: slot → document a, b (a < b; -1: empty) and count. */
  private readonly slotA: Int32Array;
  private readonly slotB: Int32Array;
  private readonly slotCount: Uint32Array;
  private readonly bits: number;

  private readonly settings: number;
  /** Whether the earlier build's state was read (whole, of this kind and tag). */
  readonly loaded: boolean;

  /**
   * `state`: what `encode` gave the last build, or null. `kind`: the settings of the counts' kind (these pairs'
   * by default) and the tag the state must have been written under.
   */
  constructor(
    private readonly keys: string[],
    state: Uint8Array | null,
    kind: { settings?: number; tag?: number } = {},
  ) {
    this.settings = kind.settings ?? SETTINGS;
    const earlier = state ? decodePairCounts(state, this.settings, kind.tag) : null;
    this.loaded = earlier !== null;
    const now = new Map(keys.map((k, i) => [k, i]));
    const at = earlier ? Int32Array.from(earlier.keys, (k) => now.get(k) ?? -1) : new Int32Array(0);
    let found = 0;
    if (earlier) for (let x = 0; x < earlier.count.length; x++) if (at[earlier.a[x]] >= 0 && at[earlier.b[x]] >= 0) found++;
    // At most half full: probes stay short.
    this.bits = Math.max(4, Math.ceil(Math.log2(2 * found + 1)));
    this.slotA = new Int32Array(1 << this.bits).fill(-1);
    this.slotB = new Int32Array(1 << this.bits);
    this.slotCount = new Uint32Array(1 << this.bits);
    if (!earlier) return;
    for (let x = 0; x < earlier.count.length; x++) {
      const i = at[earlier.a[x]];
      const j = at[earlier.b[x]];
      if (i < 0 || j < 0) continue;
      const s = this.slot(Math.min(i, j), Math.max(i, j));
      this.slotA[s] = Math.min(i, j);
      this.slotB[s] = Math.max(i, j);
      this.slotCount[s] = earlier.count[x];
    }
  }

  private slot(a: number, b: number): number {
    const mask = (1 << this.bits) - 1;
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) >>> (32 - this.bits);
    while (this.slotA[h] !== -1 && (this.slotA[h] !== a || this.slotB[h] !== b)) h = (h + 1) & mask;
    return h;
  }

  /** The count the last build measured for documents i and j (either order), or -1 where it measured none. */
  known(i: number, j: number): number {
    const s = this.slot(Math.min(i, j), Math.max(i, j));
    return this.slotA[s] === -1 ? -1 : this.slotCount[s];
  }

  /** Every count of the last build found again: documents i < j as numbered now. */
  forEachKnown(fn: (i: number, j: number, count: number) => void): void {
    for (let s = 0; s < this.slotA.length; s++) if (this.slotA[s] !== -1) fn(this.slotA[s], this.slotB[s], this.slotCount[s]);
  }

  /** Keep this build's count of documents i and j for the next. */
  record(i: number, j: number, count: number): void {
    this.first.push(i);
    this.second.push(j);
    this.counts.push(count);
  }

  /** This build's pairs, for the next (constructor's `state`), written under `tag`. */
  encode(tag = 0): Uint8Array {
    const n = this.counts.length;
    const keyBytes = new TextEncoder().encode(this.keys.join('\n'));
    const words = new Uint32Array(HEADER + 3 * n + Math.ceil(keyBytes.length / 4));
    words.set([MAGIC, settingsWord(this.settings, tag), this.keys.length, n, keyBytes.length, 0]);
    words.set(this.first, HEADER);
    words.set(this.second, HEADER + n);
    words.set(this.counts, HEADER + 2 * n);
    new Uint8Array(words.buffer, (HEADER + 3 * n) * 4, keyBytes.length).set(keyBytes);
    words[SUM_AT] = checksum(words);
    return new Uint8Array(words.buffer);
  }
}

/** The pairs in `bytes` if they are whole and made under these settings and tag (pair-counts' own, and none, by default); else null. */
export function decodePairCounts(bytes: Uint8Array, settings = SETTINGS, tag = 0): { keys: string[]; a: Uint32Array; b: Uint32Array; count: Uint32Array } | null {
  if (bytes.byteLength % 4 !== 0) return null;
  // A copy into a buffer of its own: a view needs a 4-byte-aligned offset, which a Node Buffer from a pool may not have.
  const words = new Uint32Array(new Uint8Array(bytes).buffer);
  // Shorter than the header: `magic` is undefined.
  const [magic, stored, nKeys, n, keyBytes, sum] = words;
  if (magic !== MAGIC || stored !== settingsWord(settings, tag) || HEADER + 3 * n + Math.ceil(keyBytes / 4) !== words.length) return null;
  if (checksum(words) !== sum) return null;
  const keys = keyBytes ? new TextDecoder().decode(new Uint8Array(words.buffer, (HEADER + 3 * n) * 4, keyBytes)).split('\n') : [];
  if (keys.length !== nKeys) return null;
  const a = words.subarray(HEADER, HEADER + n);
  const b = words.subarray(HEADER + n, HEADER + 2 * n);
  for (let x = 0; x < n; x++) if (a[x] >= nKeys || b[x] >= nKeys) return null;
  return { keys, a, b, count: words.subarray(HEADER + 2 * n, HEADER + 3 * n) };
}
