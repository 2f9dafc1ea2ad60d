/**
 * Finding LSH buckets again in a rebuild (band-buckets.ts): a band's buckets by the prints kept of its keys, and
 * crowd keys made when first asked. Their use in keeping clause matches is tested in clause-lists.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../util/random.js';
import { BandPrints, CrowdKeys } from './band-buckets.js';
import { bandKey, CLAUSE_LSH_ROWS, SIGNATURE_LENGTH } from './minhash.js';

describe("a band's buckets found again by their keys' prints", () => {
  const BANDS = SIGNATURE_LENGTH / CLAUSE_LSH_ROWS;
  /** Items x whose key in `band` is `key`, ascending: the bucket, from every key made. */
  const bucket = (sigs: Uint32Array[], band: number, key: number) => sigs.flatMap((s, x) => (bandKey(s, band, CLAUSE_LSH_ROWS) === key ? [x] : []));

  it("gives each asked bucket's members in ascending order, in every band, making keys only for members' print-fellows", () => {
    const rnd = mulberry32(11);
    // 3,000 items of 40 values a row: buckets of a few members each, and many keys that share a print but not the key.
    const sigs = Array.from({ length: 3000 }, () => Uint32Array.from({ length: SIGNATURE_LENGTH }, () => Math.floor(rnd() * 40)));
    const prints = BandPrints.of(sigs);
    let made = 0;
    for (let band = 0; band < BANDS; band++) {
      const asked = [0, 1, 2, 1500, 2999].map((x) => bandKey(sigs[x], band, CLAUSE_LSH_ROWS));
      // A key no item has, and one of another print, are empty buckets.
      asked.push(0x12345678);
      const found = prints.bucketsWith(band, asked, (x) => (made++, bandKey(sigs[x], band, CLAUSE_LSH_ROWS)));
      for (const key of asked) expect(found.get(key), `band ${band}`).toEqual(bucket(sigs, band, key));
    }
    // Keys made again: the members and the few that share a print, not every item of every band.
    expect(made).toBeLessThan(sigs.length * BANDS * 0.05);
  });

  it('renumbered for a rebuild: kept items keep their prints, new ones have theirs made, and buckets are found as from scratch', () => {
    const rnd = mulberry32(12);
    const sig = () => Uint32Array.from({ length: SIGNATURE_LENGTH }, () => Math.floor(rnd() * 40));
    const before = Array.from({ length: 2000 }, sig);
    // Items 100–199 left and 50 came where item 1000 was; the rest kept, in order.
    const came = Array.from({ length: 50 }, sig);
    const after = [...before.slice(0, 100), ...before.slice(200, 1000), ...came, ...before.slice(1000)];
    const from = Int32Array.from(after, (_, x) => (x < 100 ? x : x < 900 ? x + 100 : x < 950 ? -1 : x + 50));
    const earlier = BandPrints.of(before);
    // Another array of the same prints, so that a kept item's are surely copied, not made from `after`.
    const kept = BandPrints.kept(new BandPrints(earlier.prints.slice(), before.length), from, (x) => after[x]);
    expect(kept.n).toBe(after.length);
    expect(Array.from(kept.prints)).toEqual(Array.from(BandPrints.of(after).prints));
    for (let band = 0; band < BANDS; band += 7) {
      const asked = [0, 900, 949, after.length - 1].map((x) => bandKey(after[x], band, CLAUSE_LSH_ROWS));
      const found = kept.bucketsWith(band, asked, (x) => bandKey(after[x], band, CLAUSE_LSH_ROWS));
      for (const key of asked) expect(found.get(key), `band ${band}`).toEqual(bucket(after, band, key));
    }
  });

  it('renumbered, takes the prints of a kept item as stored and makes only the new ones', () => {
    const rnd = mulberry32(14);
    const sig = () => Uint32Array.from({ length: SIGNATURE_LENGTH }, () => Math.floor(rnd() * 40));
    const before = Array.from({ length: 300 }, sig);
    // Prints stored that are not those of the signatures: a kept item's must be these, not made again.
    const stored = new BandPrints(BandPrints.of(before).prints.map((p) => p ^ 0x5a5a), before.length);
    // Two new items first, then items 0–99 and 150–249 kept; 100–149 and the last 50 left.
    const came = [sig(), sig()];
    const after = [...came, ...before.slice(0, 100), ...before.slice(150, 250)];
    const from = Int32Array.from(after, (_, x) => (x < 2 ? -1 : x < 102 ? x - 2 : x + 48));
    const kept = BandPrints.kept(stored, from, (x) => after[x]);
    const made = BandPrints.of(after);
    const n = after.length;
    for (let band = 0; band < BANDS; band++)
      for (let x = 0; x < n; x++) {
        const want = from[x] < 0 ? made.prints[band * n + x] : stored.prints[band * before.length + from[x]];
        if (kept.prints[band * n + x] !== want) expect.fail(`band ${band}, item ${x}: ${kept.prints[band * n + x]}, not ${want}`);
      }
  });

  it('gives its prints as whole words, the last padded with 0: in place where they have room, else copied', () => {
    const rnd = mulberry32(13);
    const sigs = Array.from({ length: 3 }, () => Uint32Array.from({ length: SIGNATURE_LENGTH }, () => Math.floor(rnd() * 40)));
    // 3 items in 63 bands: an odd number of prints.
    const made = BandPrints.of(sigs);
    const words = made.words();
    expect(words.buffer).toBe(made.prints.buffer);
    const asPrints = (w: Uint32Array) => Array.from(new Uint16Array(w.buffer, w.byteOffset, w.length * 2));
    expect(asPrints(words)).toEqual([...made.prints, 0]);
    // Without room for the last word, at an offset not on a word, or with something after the last print: copied.
    const tight = new BandPrints(made.prints.slice(), 3);
    const offset = new Uint16Array(made.prints.length + 3);
    offset.set(made.prints, 1);
    const shifted = new BandPrints(offset.subarray(1, 1 + made.prints.length), 3);
    const after = new Uint16Array(made.prints.length + 1).fill(7);
    after.set(made.prints);
    const followed = new BandPrints(after.subarray(0, made.prints.length), 3);
    // At a word past the start of a buffer with room for exactly its words: in place.
    const inner = new Uint16Array(2 + made.prints.length + 1);
    inner.set(made.prints, 2);
    const atWord = new BandPrints(inner.subarray(2, 2 + made.prints.length), 3);
    expect(atWord.words().buffer).toBe(inner.buffer);
    expect(asPrints(atWord.words())).toEqual([...made.prints, 0]);
    for (const p of [tight, shifted, followed]) {
      expect(p.words().buffer).not.toBe(p.prints.buffer);
      expect(asPrints(p.words())).toEqual([...made.prints, 0]);
    }
  });

  it('refuses prints of another size', () => {
    expect(() => new BandPrints(new Uint16Array(BANDS * 3 - 1), 3)).toThrow(/prints for 3 items/);
  });

  it('tells apart keys of one print', () => {
    // Two keys with the same 16-bit print (the halves folded): items of the one are not in the other's bucket.
    const sig = (a: number) => Uint32Array.from({ length: SIGNATURE_LENGTH }, (_, i) => (i < CLAUSE_LSH_ROWS ? a + i : 0));
    const print = (k: number) => (k ^ (k >>> 16)) & 0xffff;
    const first = bandKey(sig(1), 0, CLAUSE_LSH_ROWS);
    let other = 2;
    while (print(bandKey(sig(other), 0, CLAUSE_LSH_ROWS)) !== print(first)) other++;
    const sigs = [sig(1), sig(other), sig(1), sig(other)];
    const prints = BandPrints.of(sigs);
    const found = prints.bucketsWith(0, [first], (x) => bandKey(sigs[x], 0, CLAUSE_LSH_ROWS));
    expect(found.get(first)).toEqual([0, 2]);
  });
});

describe('crowd keys', () => {
  it('are made for the members asked, once each, and are then the keys given', () => {
    const asked: number[] = [];
    const keys = new CrowdKeys((x) => (asked.push(x), 1000 + x), 10);
    expect(Array.from(keys.of([3, 5])).filter((_, x) => x === 3 || x === 5)).toEqual([1003, 1005]);
    expect(keys.of([5, 7, 3])[7]).toBe(1007);
    expect(asked).toEqual([3, 5, 7]);
  });
});
