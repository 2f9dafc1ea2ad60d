/**
 * The common shingles (common.ts) kept from one build to the next (issue 20: a rebuild after one changed file).
 * Counting them reads every shingle of the corpus twice, about 1.5–2 s of every rebuild at 10,000 documents,
 * though a document's set depends on it alone. So each build keeps
 * - the sketch of document frequencies (an upper bound of every shingle's),
 * - the exact frequency of every shingle that could be common soon: at least `bar`, a little under the threshold,
 * - the documents counted, by content key (the variants cache's names),
 * and the next takes away the sets of the documents that went and adds those of the documents that came.
 *
 * Why that is exact. The state keeps, for every shingle it has no exact count of, a frequency below `bar`. A
 * shingle in no new document still has, so while the threshold is at least `bar`, every common shingle has
 * an exact count. A shingle of a new document with no exact count may have reached `bar`: unless the sketch
 * says it cannot have, every set is read once to count such shingles (rare: the sketch is what the full count
 * nominated from). A threshold under `bar` (many documents gone), a gone document whose set is not stored,
 * or many documents changed: everything is counted again, as a first build does.
 *
 * Stored as words: a header, the two sketch rows, the exact counts' shingles and frequencies, then the keys as
 * text. Checked whole before use (sizes, a checksum, the settings); anything else is counted again.
 */
import type { PolicyDocument } from '../corpus/types.js';
import { addToSketch, COMMON_MIN_DOCS, COMMON_SHARE, commonShingles, commonThreshold, emptySketch, estimate, nominatedCounts, removeFromSketch, SKETCH_BITS, type ShingleSketch } from './common.js';
import { checksumBut, hashString, SHINGLE_SIZE } from './shingles.js';
import { decodeStoredEntry, PREPARED_CACHE_VERSION, type PreparedCache } from './prepared-cache.js';

/** What a build kept of its count: see the file's comment. `shingles` ascend; `df[k]` is `shingles[k]`'s exact frequency. */
export interface CommonCounts {
  keys: string[];
  bar: number;
  sketch: ShingleSketch;
  shingles: Uint32Array;
  df: Uint32Array;
}

const MAGIC = 0x50434d31; // "PCM1"
const FORMAT = 1;
/** What the counts depend on besides the documents' sets: how sets are made, and how the sketch hashes. */
const SETTINGS = hashString([FORMAT, PREPARED_CACHE_VERSION, SHINGLE_SIZE, SKETCH_BITS, COMMON_SHARE, COMMON_MIN_DOCS].join(','));
const HEADER = 7;
const SUM_AT = HEADER - 1;
/** Sketch words: two rows of 16-bit counters. */
const ROW_WORDS = (1 << SKETCH_BITS) / 2;
/** More documents changed than this share of the corpus: counting all again is about as cheap, and simpler to trust. */
const MAX_CHANGED_SHARE = 0.25;

const checksum = (words: Uint32Array): number => checksumBut(words, SUM_AT);

/**
 * How far under the threshold exact counts are kept: documents can go (the threshold falls by one per 1/COMMON_SHARE
 * documents) before the next build must count again, at the cost of a few more exact counts.
 */
export function commonBar(threshold: number): number {
  return Math.max(1, threshold - Math.ceil(threshold / 8));
}

/** The common shingles (commonShingles's, exactly) of the counts for a corpus of `docCount` documents. */
function commonOf(counts: CommonCounts, docCount: number): Uint32Array {
  const threshold = commonThreshold(docCount);
  return counts.shingles.filter((_, k) => counts.df[k] >= threshold);
}

/** Count every set (document d's content key `keys[d]`): the common shingles, and what the next build keeps. */
export function countCommon(sets: readonly Uint32Array[], keys: string[]): { common: Uint32Array; counts: CommonCounts } {
  const bar = commonBar(commonThreshold(sets.length));
  const sketch = emptySketch();
  for (const set of sets) addToSketch(sketch, set);
  const { shingles, df } = nominatedCounts(sets, sketch, bar);
  const counts = { keys, bar, sketch, shingles, df };
  return { common: commonOf(counts, sets.length), counts };
}

/** Where `h` is in ascending `list`, or −1. */
function find(list: Uint32Array, h: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid] < h) lo = mid + 1;
    else if (list[mid] > h) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/**
 * The common shingles of `sets` (document d's content key `keys[d]`) from the earlier build's `counts`, and
 * the counts for the next; null when they cannot be had exactly (see the file's comment): the caller counts
 * all. `goneSet(key)` is a gone document's set, null when it is not stored. `counts` is used up.
 */
export function updatedCommon(
  counts: CommonCounts,
  sets: readonly Uint32Array[],
  keys: string[],
  goneSet: (key: string) => Uint32Array | null,
): { common: Uint32Array; counts: CommonCounts } | null {
  if (counts.bar > commonThreshold(sets.length)) return null;
  const earlier = new Map(counts.keys.map((k, e) => [k, e]));
  const stays = new Uint8Array(counts.keys.length);
  const came: number[] = [];
  const seen = new Set<string>();
  for (let d = 0; d < keys.length; d++) {
    if (seen.has(keys[d])) return null;
    seen.add(keys[d]);
    const e = earlier.get(keys[d]);
    if (e === undefined) came.push(d);
    else stays[e] = 1;
  }
  const gone: Uint32Array[] = [];
  for (let e = 0; e < counts.keys.length; e++) {
    if (stays[e]) continue;
    const set = goneSet(counts.keys[e]);
    if (!set) return null;
    gone.push(set);
  }
  if (came.length + gone.length > MAX_CHANGED_SHARE * Math.max(sets.length, counts.keys.length)) return null;

  const { sketch, shingles, df, bar } = counts;
  for (const set of gone) {
    if (!removeFromSketch(sketch, set)) return null;
    for (let i = 0; i < set.length; i++) {
      const k = find(shingles, set[i]);
      if (k < 0) continue;
      // An exact count cannot go below 0: the counts never held this document.
      if (df[k] === 0) return null;
      df[k]--;
    }
  }
  for (const d of came) addToSketch(sketch, sets[d]);
  // Shingles of new documents with no exact count that the sketch does not rule out (checked once all are added).
  const unsure = new Set<number>();
  for (const d of came) {
    const set = sets[d];
    for (let i = 0; i < set.length; i++) {
      const k = find(shingles, set[i]);
      if (k >= 0) df[k]++;
      else if (estimate(sketch, set[i]) >= bar) unsure.add(set[i]);
    }
  }
  let next: CommonCounts = { keys, bar, sketch, shingles, df };
  if (unsure.size) next = withCounted(next, sets, unsure);
  return { common: commonOf(next, sets.length), counts: next };
}

/** `counts` with the exact frequencies of `unsure` (none of which it has) over every set, merged in order. */
function withCounted(counts: CommonCounts, sets: readonly Uint32Array[], unsure: Set<number>): CommonCounts {
  const exact = new Map<number, number>(Array.from(unsure, (h) => [h, 0]));
  for (const set of sets)
    for (let i = 0; i < set.length; i++) {
      const n = exact.get(set[i]);
      if (n !== undefined) exact.set(set[i], n + 1);
    }
  const added = Uint32Array.from(exact.keys()).sort();
  const size = counts.shingles.length + added.length;
  const shingles = new Uint32Array(size);
  const df = new Uint32Array(size);
  for (let k = 0, a = 0, out = 0; out < size; out++) {
    if (a >= added.length || (k < counts.shingles.length && counts.shingles[k] < added[a])) {
      shingles[out] = counts.shingles[k];
      df[out] = counts.df[k++];
    } else {
      shingles[out] = added[a];
      df[out] = exact.get(added[a++])!;
    }
  }
  return { ...counts, shingles, df };
}

export function encodeCommonCounts(counts: CommonCounts): Uint8Array {
  const n = counts.shingles.length;
  const keyBytes = new TextEncoder().encode(counts.keys.join('\n'));
  const words = new Uint32Array(HEADER + 2 * ROW_WORDS + 2 * n + Math.ceil(keyBytes.length / 4));
  words.set([MAGIC, SETTINGS, counts.keys.length, counts.bar, n, keyBytes.length, 0]);
  new Uint16Array(words.buffer, HEADER * 4, 2 * ROW_WORDS).set(counts.sketch.row1);
  new Uint16Array(words.buffer, (HEADER + ROW_WORDS) * 4, 2 * ROW_WORDS).set(counts.sketch.row2);
  words.set(counts.shingles, HEADER + 2 * ROW_WORDS);
  words.set(counts.df, HEADER + 2 * ROW_WORDS + n);
  new Uint8Array(words.buffer, (HEADER + 2 * ROW_WORDS + 2 * n) * 4, keyBytes.length).set(keyBytes);
  words[SUM_AT] = checksum(words);
  return new Uint8Array(words.buffer);
}

/**
 * The counts in `bytes` if they are whole and made under these settings; else null. Their arrays are views into
 * `bytes` where it starts on a word (a file read whole: 17 MB not copied at the build's peak), else into a copy;
 * updatedCommon changes them.
 */
export function decodeCommonCounts(bytes: Uint8Array): CommonCounts | null {
  if (bytes.byteLength % 4 !== 0) return null;
  const words = bytes.byteOffset % 4 === 0 ? new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4) : new Uint32Array(new Uint8Array(bytes).buffer);
  // Shorter than the header: `magic` is undefined.
  const [magic, settings, nKeys, bar, n, keyBytes, sum] = words;
  if (magic !== MAGIC || settings !== SETTINGS || HEADER + 2 * ROW_WORDS + 2 * n + Math.ceil(keyBytes / 4) !== words.length) return null;
  if (checksum(words) !== sum || bar < 1) return null;
  const keys = keyBytes ? new TextDecoder().decode(new Uint8Array(words.buffer, words.byteOffset + (HEADER + 2 * ROW_WORDS + 2 * n) * 4, keyBytes)).split('\n') : [];
  if (keys.length !== nKeys) return null;
  const shingles = words.subarray(HEADER + 2 * ROW_WORDS, HEADER + 2 * ROW_WORDS + n);
  for (let k = 1; k < n; k++) if (shingles[k] <= shingles[k - 1]) return null;
  return {
    keys,
    bar,
    sketch: { row1: new Uint16Array(words.buffer, words.byteOffset + HEADER * 4, 2 * ROW_WORDS), row2: new Uint16Array(words.buffer, words.byteOffset + (HEADER + ROW_WORDS) * 4, 2 * ROW_WORDS) },
    shingles,
    df: words.subarray(HEADER + 2 * ROW_WORDS + n, HEADER + 2 * ROW_WORDS + 2 * n),
  };
}

/**
 * The common shingles of `sets` (document d's content key `keys[d]`), from the earlier build's counts in
 * `state` where they can be had exactly, else counted; the counts are left in `state` for the next build.
 * `kept`: whether the earlier counts were used.
 */
export function cachedCommon(
  sets: readonly Uint32Array[],
  keys: string[],
  state: { read(): Uint8Array | null; write(bytes: Uint8Array): void },
  goneSet: (key: string) => Uint32Array | null,
): { common: Uint32Array; kept: boolean } {
  const bytes = state.read();
  const earlier = bytes ? decodeCommonCounts(bytes) : null;
  const updated = earlier ? updatedCommon(earlier, sets, keys, goneSet) : null;
  const { common, counts } = updated ?? countCommon(sets, keys);
  state.write(encodeCommonCounts(counts));
  return { common, kept: updated !== null };
}

/**
 * The common shingles of `sets` (one per document of `docs`, in order) with the cache's counts (`commonState`,
 * documents named by `key`, a gone document's set from its stored entry); counted where it keeps none.
 */
export function commonWithCache(sets: readonly Uint32Array[], docs: readonly PolicyDocument[], cache: PreparedCache | undefined): { common: Uint32Array; kept: boolean } {
  const keyOf = cache?.key;
  if (!cache?.commonState || !keyOf) return { common: commonShingles(sets), kept: false };
  const goneSet = (key: string) => {
    const stored = cache.entryByKey?.(key);
    return (stored && decodeStoredEntry(stored)?.docSet) || null;
  };
  return cachedCommon(
    sets,
    docs.map((d) => keyOf(d)),
    cache.commonState,
    goneSet,
  );
}
