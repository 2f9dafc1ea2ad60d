/**
 * Finding LSH buckets again in a rebuild (band-buckets.ts): a band's buckets by the prints kept of its keys, and
 * crowd keys made when first asked. Their use in keeping clause matches is tested in clause-lists.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../util/random.js';
import { BandPrints, bandKeyTable, CrowdKeys } from './band-buckets.js';
import { bandKey, CLAUSE_LSH_ROWS, SIGNATURE_LENGTH } from './minhash.js';

describe("a band's buckets found again by their keys' prints", () => {
  const BANDS = SIGNATURE_LENGTH / CLAUSE_LSH_ROWS;
  /** Items x whose key in `band` is `key`, ascending: the bucket, from every key made. */
  const bucket = (sigs: Uint32Array[], band: number, key: number) => sigs.flatMap((s, x) => (bandKey(s, band, CLAUSE_LSH_ROWS) === key ? [x] : []));

  it("gives each asked bucket's members in ascending order, in every band, making keys only for members' print-fellows", () => {
    const rnd = mulberry32(11);
    // 3,000 items of 40 values a row: buckets of a few members each, and many keys that share a print but not the key.
    const sigs = Array.from({ length: 3000 }, () => Uint32Array.from({ length: SIGNATURE_LENGTH }, () => Math.floor(rnd() * 40)));
    const prints = new BandPrints(bandKeyTable(sigs, CLAUSE_LSH_ROWS), sigs.length);
    for (let band = 0; band < BANDS; band++) expect(Array.from(prints.keys(band))).toEqual(sigs.map((s) => bandKey(s, band, CLAUSE_LSH_ROWS)));
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

  it('tells apart keys of one print', () => {
    // Two keys with the same 16-bit print (the halves folded): items of the one are not in the other's bucket.
    const sig = (a: number) => Uint32Array.from({ length: SIGNATURE_LENGTH }, (_, i) => (i < CLAUSE_LSH_ROWS ? a + i : 0));
    const print = (k: number) => (k ^ (k >>> 16)) & 0xffff;
    const first = bandKey(sig(1), 0, CLAUSE_LSH_ROWS);
    let other = 2;
    while (print(bandKey(sig(other), 0, CLAUSE_LSH_ROWS)) !== print(first)) other++;
    const sigs = [sig(1), sig(other), sig(1), sig(other)];
    const prints = new BandPrints(bandKeyTable(sigs, CLAUSE_LSH_ROWS), sigs.length);
    for (let band = 0; band < BANDS; band++) prints.keys(band);
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
