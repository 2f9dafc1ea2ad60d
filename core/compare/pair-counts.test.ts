/**
 * The measured document pairs kept between builds (pair-counts.ts): a count is found again by the two documents'
 * content keys whatever their numbers in the next build, and a state that does not check out gives none.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../util/random.js';
import { decodePairCounts, PairCounts } from './pair-counts.js';
import { hashWords } from './shingles.js';

/** `bytes` with word `at` set to `value` and the checksum made again (word 5, FNV-1a over the others, as the format defines it). */
function rewritten(bytes: Uint8Array, at: number, value: number, extraWords = 0): Uint8Array {
  const words = new Uint32Array(bytes.length / 4 + extraWords);
  words.set(new Uint32Array(bytes.slice().buffer));
  words[at] = value;
  words[5] = hashWords(words.subarray(6), hashWords(words.subarray(0, 5)));
  return new Uint8Array(words.buffer);
}

describe('counts kept from the earlier build', () => {
  it('are found by the documents their keys name, in either order, whatever their numbers now; a new or gone document has none', () => {
    const before = new PairCounts(['k0', 'k1', 'k2'], null);
    before.record(0, 1, 5);
    before.record(1, 2, 0);
    before.record(0, 2, 7);
    // k2 first now, a new document kX, k0 and k1 after it.
    const now = new PairCounts(['k2', 'kX', 'k0', 'k1'], before.encode());
    expect(now.known(2, 3)).toBe(5);
    expect(now.known(3, 2)).toBe(5);
    expect(now.known(0, 3)).toBe(0); // measured, and nothing shared: a count, not "unknown"
    expect(now.known(0, 2)).toBe(7);
    expect(now.known(1, 2)).toBe(-1);
    expect(now.known(0, 1)).toBe(-1);
    // Without k1, its pairs are not found, the others are.
    const fewer = new PairCounts(['k0', 'k2'], before.encode());
    expect([fewer.known(0, 1), fewer.known(1, 0)]).toEqual([7, 7]);
  });

  it('are kept exactly for thousands of pairs (the table probes past collisions)', () => {
    const rnd = mulberry32(7);
    const keys = Array.from({ length: 300 }, (_, i) => `doc${i}`);
    const before = new PairCounts(keys, null);
    const expected = new Map<string, number>();
    while (expected.size < 5000) {
      const [i, j] = [Math.floor(rnd() * 300), Math.floor(rnd() * 300)];
      const k = `${Math.min(i, j)},${Math.max(i, j)}`;
      if (i === j || expected.has(k)) continue;
      const count = Math.floor(rnd() * 100000);
      expected.set(k, count);
      before.record(i, j, count);
    }
    // The same documents in the reverse order: document i is 299 − i now.
    const now = new PairCounts(keys.slice().reverse(), before.encode());
    for (const [k, count] of expected) {
      const [i, j] = k.split(',').map(Number);
      expect(now.known(299 - i, 299 - j)).toBe(count);
    }
    let unknown = 0;
    for (let i = 0; i < 300; i++) for (let j = i + 1; j < 300; j++) if (!expected.has(`${299 - j},${299 - i}`) && now.known(i, j) === -1) unknown++;
    expect(unknown).toBe((300 * 299) / 2 - 5000);
  });

  it('are none when the state is damaged, cut short, of another kind, or names documents it does not list', () => {
    const before = new PairCounts(['k0', 'k1', 'k2'], null);
    before.record(0, 1, 5);
    before.record(1, 2, 9);
    const bytes = before.encode();
    expect(decodePairCounts(bytes)).not.toBeNull();
    const unknownAll = (state: Uint8Array) => {
      const now = new PairCounts(['k0', 'k1', 'k2'], state);
      return [now.known(0, 1), now.known(1, 2)];
    };
    expect(unknownAll(bytes)).toEqual([5, 9]);
    // Any one byte changed: the checksum, the sizes or the magic word refuse it.
    for (let at = 0; at < bytes.length; at++) {
      const flipped = bytes.slice();
      flipped[at] ^= 0x10;
      expect([at, decodePairCounts(flipped)]).toEqual([at, null]);
      expect([at, unknownAll(flipped)]).toEqual([at, [-1, -1]]);
    }
    for (const cut of [bytes.subarray(0, bytes.length - 4), bytes.subarray(0, bytes.length - 1), bytes.subarray(0, 20), new Uint8Array(0)]) expect(decodePairCounts(cut)).toBeNull();
    // A state naming a document past its key list is refused, though its checksum is its own.
    const twoKeys = new PairCounts(['k0', 'k1'], null);
    twoKeys.record(0, 2, 3);
    expect(decodePairCounts(twoKeys.encode())).toBeNull();
    const secondPast = new PairCounts(['k0', 'k1'], null);
    secondPast.record(2, 0, 3);
    expect(decodePairCounts(secondPast.encode())).toBeNull();
  });

  it('are none when a whole, checksummed state is of another format or settings, or its sizes do not add up', () => {
    const before = new PairCounts(['k0', 'k1', 'k2'], null);
    before.record(0, 1, 5);
    const bytes = before.encode();
    expect(decodePairCounts(rewritten(bytes, 2, 3))).not.toBeNull(); // the checksum made again, as the format defines it
    expect(decodePairCounts(rewritten(bytes, 0, 0x50505232))).toBeNull(); // another format's magic word
    expect(decodePairCounts(rewritten(bytes, 1, 12345))).toBeNull(); // made under other settings
    expect(decodePairCounts(rewritten(bytes, 2, 4))).toBeNull(); // four keys named, three listed
    expect(decodePairCounts(rewritten(bytes, 3, 2))).toBeNull(); // two pairs named, one stored
    expect(decodePairCounts(rewritten(bytes, 2, 3, 1))).toBeNull(); // a word more than the sizes say
  });

  it('are all found for a document in every pair (a star around document 0), whichever side of the pairs it was', () => {
    const keys = Array.from({ length: 200 }, (_, i) => `k${i}`);
    for (const first of [true, false]) {
      const before = new PairCounts(keys, null);
      for (let j = 1; j < 200; j++) {
        if (first) before.record(0, j, j * 3);
        else before.record(j, 0, j * 3);
      }
      const now = new PairCounts(keys, before.encode());
      for (let j = 1; j < 200; j++) expect([first, now.known(j, 0)]).toEqual([first, j * 3]);
    }
  });

  it('counts of another kind, or written under another tag, are not read; those read are all listed', () => {
    const keys = ['k0', 'k1', 'k2'];
    const before = new PairCounts(keys, null, { settings: 77 });
    before.record(0, 1, 5);
    before.record(2, 1, 6);
    const bytes = before.encode(9);
    // The same kind and tag: read, and listed by this build's numbers (k1 is 0 now, k2 is 2, k0 is 1).
    const now = new PairCounts(['k1', 'k0', 'k2'], bytes, { settings: 77, tag: 9 });
    expect(now.loaded).toBe(true);
    const listed: number[][] = [];
    now.forEachKnown((i, j, count) => listed.push([i, j, count]));
    expect(listed.sort((x, y) => x[2] - y[2])).toEqual([
      [0, 1, 5],
      [0, 2, 6],
    ]);
    for (const kind of [{ settings: 77, tag: 8 }, { settings: 77 }, { settings: 78, tag: 9 }, { tag: 9 }, {}]) {
      const other = new PairCounts(keys, bytes, kind);
      expect([kind, other.loaded, other.known(0, 1)]).toEqual([kind, false, -1]);
    }
    // Tag 0 is no tag: measured pairs' states read as before.
    expect(new PairCounts(keys, new PairCounts(keys, null).encode()).loaded).toBe(true);
    expect(new PairCounts(keys, null).loaded).toBe(false);
  });

  it('a build with no documents keeps an empty state that reads back', () => {
    const empty = new PairCounts([], null);
    expect(decodePairCounts(empty.encode())).toEqual({ keys: [], a: new Uint32Array(0), b: new Uint32Array(0), count: new Uint32Array(0) });
  });
});
