/**
 * The common shingles kept from one build to the next (common-counts.ts). The hand-counted cases use
 * 30 documents: the threshold is COMMON_MIN_DOCS (20), and counts are kept from 17 (20 less an eighth, rounded up).
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../util/random.js';
import { addToSketch, commonShingles, emptySketch, estimate, removeFromSketch, SATURATED, SKETCH_BITS } from './common.js';
import { cachedCommon, commonBar, commonWithCache, countCommon, decodeCommonCounts, encodeCommonCounts, updatedCommon, type CommonCounts } from './common-counts.js';
import type { PolicyDocument } from '../corpus/types.js';
import { SIGNATURE_LENGTH } from './minhash.js';
import { encodePreparedEntry } from './prepared-cache.js';
import { hashWords } from './shingles.js';

const set = (...xs: number[]) => Uint32Array.from(xs).sort();
const keysOf = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
/** Sets by key, for a gone document's set. */
const lookup = (keys: string[], sets: Uint32Array[]) => {
  const byKey = new Map(keys.map((k, i) => [k, sets[i]]));
  return (key: string) => byKey.get(key) ?? null;
};
/** The counts after a round trip through their bytes, as a build reads them. */
const stored = (c: CommonCounts) => decodeCommonCounts(encodeCommonCounts(c))!;

/** `bytes` with word `at` set to `value` and the checksum made again (word 6: FNV-1a over the others, as the format defines it). */
function resigned(bytes: Uint8Array, at: number, value: number): Uint8Array {
  const words = new Uint32Array(bytes.slice().buffer);
  words[at] = value;
  words[6] = hashWords(words.subarray(7), hashWords(words.subarray(0, 6)));
  return new Uint8Array(words.buffer);
}

/** 30 documents: 7 in the first 20, 9 in the first 19, 5 in the first 16, and one shingle of each document's own. */
function thirty(): { sets: Uint32Array[]; keys: string[] } {
  const sets = Array.from({ length: 30 }, (_, i) => set(...(i < 20 ? [7] : []), ...(i < 19 ? [9] : []), ...(i < 16 ? [5] : []), 1000 + i));
  return { sets, keys: keysOf(30) };
}

describe('common shingles kept between builds', () => {
  it('the bar is the threshold less an eighth, rounded up, and never under 1', () => {
    expect([commonBar(20), commonBar(200), commonBar(201), commonBar(8), commonBar(1)]).toEqual([17, 175, 175, 7, 1]);
  });

  it('counted whole: the threshold decides, the shingles from the bar up are counted exactly', () => {
    const { sets, keys } = thirty();
    const { common, counts } = countCommon(sets, keys);
    expect(Array.from(common)).toEqual([7]);
    expect(counts.bar).toBe(17);
    expect(Array.from(counts.shingles)).toEqual([7, 9]);
    expect(Array.from(counts.df)).toEqual([20, 19]);
  });

  it('a document that went, one that came: the counts move by one, and the common shingles with them', () => {
    const { sets, keys } = thirty();
    const first = countCommon(sets, keys);
    // k0 (7, 9, 5) goes: 7 is in 19 of 29.
    const less = updatedCommon(stored(first.counts), sets.slice(1), keys.slice(1), lookup(keys, sets))!;
    expect(Array.from(less.common)).toEqual([]);
    expect(Array.from(less.counts.df)).toEqual([19, 18]);
    // Two come with 9: it is in 20 of 31.
    const more = updatedCommon(stored(less.counts), [...sets.slice(1), set(9, 2000), set(9, 2001)], [...keys.slice(1), 'n1', 'n2'], lookup(keys, sets))!;
    expect(Array.from(more.common)).toEqual([9]);
    expect(Array.from(more.counts.df)).toEqual([19, 20]);
  });

  it('a shingle that had no count reaches the bar in a new document: every set is counted for it', () => {
    const { sets, keys } = thirty();
    let counts = countCommon(sets, keys).counts;
    expect(Array.from(counts.shingles)).not.toContain(5);
    // 5 was in 16: with a 17th it may be at the bar, so it is counted (17), and not common.
    const all = [...sets];
    const allKeys = [...keys];
    const add = (i: number) => {
      all.push(set(5, 3000 + i));
      allKeys.push(`n${i}`);
      const r = updatedCommon(stored(counts), [...all], [...allKeys], lookup(keys, sets))!;
      counts = r.counts;
      return r;
    };
    const r1 = add(1);
    expect(Array.from(r1.counts.shingles)).toEqual([5, 7, 9]);
    expect(Array.from(r1.counts.df)).toEqual([17, 20, 19]);
    expect(Array.from(r1.common)).toEqual([7]);
    add(2);
    // 19 of 33: the threshold is still 20.
    expect(Array.from(add(3).common)).toEqual([7]);
    expect(Array.from(add(4).common)).toEqual([5, 7]);
    expect(Array.from(counts.df)).toEqual([20, 20, 19]);
  });

  it('a shingle after every counted one reaches the bar in a new document: counted too', () => {
    // 99 in the first 16 documents: past 7 and 9, the counted ones.
    const sets = thirty().sets.map((s, i) => (i < 16 ? set(...s, 99) : s));
    const keys = keysOf(30);
    const { counts } = countCommon(sets, keys);
    const more = [...sets, set(99, 4000)];
    const r = updatedCommon(stored(counts), more, [...keys, 'n'], lookup(keys, sets))!;
    expect(Array.from(r.counts.shingles)).toEqual([7, 9, 99]);
    expect(Array.from(r.counts.df)).toEqual([20, 19, 17]);
  });

  it('gives up, for a full count, when it cannot be exact', () => {
    const { sets, keys } = thirty();
    const { counts } = countCommon(sets, keys);
    const byKey = lookup(keys, sets);
    // A gone document's set is not stored.
    expect(updatedCommon(stored(counts), sets.slice(1), keys.slice(1), () => null)).toBeNull();
    // Two documents with one key.
    expect(updatedCommon(stored(counts), [...sets, set(1)], [...keys, 'k3'], byKey)).toBeNull();
    // More than a quarter of 30 changed: 4 replaced are 4 gone and 4 come; 3 replaced are 6 changes.
    const replaced = (n: number) => keys.map((k, i) => (i < n ? `new${i}` : k));
    expect(updatedCommon(stored(counts), sets, replaced(4), byKey)).toBeNull();
    expect(updatedCommon(stored(counts), sets, replaced(3), byKey)).not.toBeNull();
    // A quarter of the larger corpus, exactly, is still updated: 32 documents before, 6 gone and 2 come, 8 changes.
    const sets32 = Array.from({ length: 32 }, (_, i) => set(7, 1000 + i));
    const keys32 = keysOf(32);
    const after = [...sets32.slice(6), set(7, 5000), set(7, 5001)];
    const r = updatedCommon(stored(countCommon(sets32, keys32).counts), after, [...keys32.slice(6), 'a', 'b'], lookup(keys32, sets32));
    expect(Array.from(r!.common)).toEqual([7]);
    expect(updatedCommon(stored(countCommon(sets32, keys32).counts), [...after, set(7)], [...keys32.slice(6), 'a', 'b', 'c'], lookup(keys32, sets32))).toBeNull();
    // The counts never held the gone document's set: a counter or an exact count would go under 0.
    expect(updatedCommon(stored(counts), sets.slice(1), keys.slice(1), () => set(424242))).toBeNull();
    const fake = stored(counts);
    fake.df[0] = 0;
    expect(updatedCommon(fake, sets.slice(1), keys.slice(1), byKey)).toBeNull();
  });

  it('gives up when the threshold falls under the bar: many documents gone', () => {
    // 2,000 documents: threshold 40, bar 35. At 1,700 the threshold is 34.
    const sets = Array.from({ length: 2000 }, (_, i) => set(i % 50, 100000 + i));
    const keys = keysOf(2000);
    const { counts } = countCommon(sets, keys);
    expect(counts.bar).toBe(35);
    const byKey = lookup(keys, sets);
    expect(updatedCommon(stored(counts), sets.slice(300), keys.slice(300), byKey)).toBeNull();
    // At 1,750 the threshold is 35, the bar: still exact.
    expect(updatedCommon(stored(counts), sets.slice(250), keys.slice(250), byKey)).not.toBeNull();
  });

  it('random corpora changed at random: always what counting every set gives', () => {
    const rnd = mulberry32(20261206);
    for (let round = 0; round < 12; round++) {
      // Shingles from a small range, skewed, so many sit near the threshold.
      const make = () => set(...new Set(Array.from({ length: 40 }, () => Math.floor(Math.pow(rnd(), 3) * 400))));
      let sets = Array.from({ length: 400 }, make);
      let keys = keysOf(400, `r${round}-`);
      const everSet = new Map(keys.map((k, i) => [k, sets[i]]));
      let counts = countCommon(sets, keys).counts;
      for (let step = 0; step < 4; step++) {
        const drop = new Set(Array.from({ length: Math.floor(rnd() * 30) }, () => Math.floor(rnd() * sets.length)));
        const kept = sets.map((_, i) => i).filter((i) => !drop.has(i));
        const fresh = Array.from({ length: Math.floor(rnd() * 30) }, make);
        const freshKeys = fresh.map((_, i) => `r${round}-s${step}-${i}`);
        fresh.forEach((s, i) => everSet.set(freshKeys[i], s));
        sets = [...kept.map((i) => sets[i]), ...fresh];
        keys = [...kept.map((i) => keys[i]), ...freshKeys];
        const r = updatedCommon(stored(counts), sets, keys, (k) => everSet.get(k) ?? null);
        expect(r).not.toBeNull();
        expect(Array.from(r!.common)).toEqual(Array.from(commonShingles(sets)));
        expect(r!.common.length).toBeGreaterThan(0);
        counts = r!.counts;
      }
    }
  });

  it('a saturated counter is left as it is when a document goes: still an upper bound', () => {
    const sketch = emptySketch();
    const s = set(12345);
    addToSketch(sketch, s);
    sketch.row1[12345 & ((1 << SKETCH_BITS) - 1)] = SATURATED;
    addToSketch(sketch, s);
    expect(removeFromSketch(sketch, s)).toBe(true);
    expect(sketch.row1[12345 & ((1 << SKETCH_BITS) - 1)]).toBe(SATURATED);
    expect(estimate(sketch, 12345)).toBe(1);
    expect(removeFromSketch(sketch, s)).toBe(true);
    expect(estimate(sketch, 12345)).toBe(0);
    expect(removeFromSketch(sketch, s)).toBe(false);
  });

  describe('stored', () => {
    // Made in each test: a throw while the file's tests are collected is no failed test to Stryker.
    const written = () => ({ keys: thirty().keys, bytes: encodeCommonCounts(countCommon(thirty().sets, thirty().keys).counts) });

    it('reads back what was written, also from a misaligned copy', () => {
      const { keys, bytes } = written();
      const back = decodeCommonCounts(bytes)!;
      expect(back.keys).toEqual(keys);
      expect([back.bar, Array.from(back.shingles), Array.from(back.df)]).toEqual([17, [7, 9], [20, 19]]);
      expect(estimate(back.sketch, 7)).toBeGreaterThanOrEqual(20);
      const shifted = new Uint8Array(bytes.length + 1).subarray(1);
      shifted.set(bytes);
      expect(decodeCommonCounts(shifted)?.keys).toEqual(keys);
      // A word further into a larger buffer: read where it lies, every part from there.
      const inside = new Uint8Array(bytes.length + 8).subarray(4, 4 + bytes.length);
      inside.set(bytes);
      const there = decodeCommonCounts(inside)!;
      expect([there.keys, there.bar, Array.from(there.shingles), Array.from(there.df)]).toEqual([keys, 17, [7, 9], [20, 19]]);
      expect([estimate(there.sketch, 7), estimate(there.sketch, 9)]).toEqual([estimate(back.sketch, 7), estimate(back.sketch, 9)]);
      expect(there.sketch.row1.byteOffset).toBe(4 + 7 * 4);
      const none = decodeCommonCounts(encodeCommonCounts(countCommon([], []).counts))!;
      expect([none.keys, none.shingles.length]).toEqual([[], 0]);
    });

    it('refuses a changed word, a cut store, other bytes and shingles out of order', () => {
      const { bytes } = written();
      const changed = bytes.slice();
      changed[bytes.length - 40] ^= 1;
      expect(decodeCommonCounts(changed)).toBeNull();
      expect(decodeCommonCounts(bytes.subarray(0, bytes.length - 4))).toBeNull();
      expect(decodeCommonCounts(bytes.subarray(0, bytes.length - 1))).toBeNull();
      expect(decodeCommonCounts(new Uint8Array(8))).toBeNull();
      expect(decodeCommonCounts(new Uint8Array(0))).toBeNull();
      // Re-signed with the shingles swapped: the checksum holds, the order does not.
      const c = decodeCommonCounts(bytes)!;
      c.shingles.set([9, 7]);
      expect(decodeCommonCounts(encodeCommonCounts(c))).toBeNull();
      c.shingles.set([7, 7]);
      expect(decodeCommonCounts(encodeCommonCounts(c))).toBeNull();
    });

    it('refuses whole, re-signed counts of another kind, with sizes that do not add up, or no bar', () => {
      const { bytes } = written();
      expect(decodeCommonCounts(resigned(bytes, 3, 1))?.bar).toBe(1); // the checksum made again, as the format defines it
      expect(decodeCommonCounts(resigned(bytes, 0, 0x50434d32))).toBeNull(); // another format's magic word
      expect(decodeCommonCounts(resigned(bytes, 1, 12345))).toBeNull(); // other settings
      expect(decodeCommonCounts(resigned(bytes, 2, 29))).toBeNull(); // 29 keys named, 30 listed
      expect(decodeCommonCounts(resigned(bytes, 3, 0))).toBeNull(); // no bar
      expect(decodeCommonCounts(resigned(bytes, 4, 3))).toBeNull(); // three counts named, two stored
      expect(decodeCommonCounts(resigned(bytes, 5, 4))).toBeNull(); // the keys' length
    });
  });

  it("through detection's cache: a gone document's set from its stored entry; none without a state or keys", () => {
    const { sets } = thirty();
    const docs = sets.map((_, i) => ({ id: `d${i}` }) as PolicyDocument);
    const entry = (docSet: Uint32Array) => encodePreparedEntry({ ids: ['u'], unitSets: [docSet], docSet, boiler: new Uint32Array(0), common: 0, own: Int32Array.from([docSet.length]), sigs: new Uint32Array(SIGNATURE_LENGTH) });
    const entries = new Map(docs.map((d, i) => [`key-${d.id}`, entry(sets[i])]));
    let file: Uint8Array | null = null;
    const cache = {
      get: () => null,
      put: () => undefined,
      key: (d: PolicyDocument) => `key-${d.id}`,
      entryByKey: (k: string) => entries.get(k) ?? null,
      commonState: { read: () => file, write: (b: Uint8Array) => void (file = b) },
    };
    expect(commonWithCache(sets, docs, cache)).toEqual({ common: Uint32Array.from([7]), kept: false });
    // d0 (with 7) gone: its set read from its entry.
    expect(commonWithCache(sets.slice(1), docs.slice(1), cache)).toEqual({ common: new Uint32Array(0), kept: true });
    // d1 gone now, and its entry is not stored (or does not read): counted whole.
    entries.set('key-d1', new Uint8Array(12));
    expect(commonWithCache(sets.slice(2), docs.slice(2), cache)).toEqual({ common: new Uint32Array(0), kept: false });
    expect(commonWithCache(sets, docs, { ...cache, commonState: undefined })).toEqual({ common: Uint32Array.from([7]), kept: false });
    expect(commonWithCache(sets, docs, { ...cache, key: undefined })).toEqual({ common: Uint32Array.from([7]), kept: false });
    expect(commonWithCache(sets, docs, undefined)).toEqual({ common: Uint32Array.from([7]), kept: false });
  });

  it('through a state file: counted first, kept next, counted again from a damaged file', () => {
    const { sets, keys } = thirty();
    let file: Uint8Array | null = null;
    const state = { read: () => file, write: (b: Uint8Array) => void (file = b) };
    const first = cachedCommon(sets, keys, state, lookup(keys, sets));
    expect([Array.from(first.common), first.kept]).toEqual([[7], false]);
    const second = cachedCommon(sets.slice(1), keys.slice(1), state, lookup(keys, sets));
    expect([Array.from(second.common), second.kept]).toEqual([[], true]);
    file = file!.slice(0, 100);
    const third = cachedCommon(sets, keys, state, lookup(keys, sets));
    expect([Array.from(third.common), third.kept]).toEqual([[7], false]);
  });
});
