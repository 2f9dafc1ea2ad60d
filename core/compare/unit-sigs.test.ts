/**
 * Unit signatures held in blocks (unit-sigs.ts): each unit's is the right run of its block, whichever order the units
 * of the blocks come in, and a stored entry hands its signatures over as one view of what was read.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../util/random.js';
import { SIGNATURE_LENGTH } from './minhash.js';
import { UnitSigs } from './unit-sigs.js';
import { decodeStoredEntry, encodePreparedEntry } from './prepared-cache.js';
import { docSignature } from './clause-matches.js';

const rnd = mulberry32(5);
const sig = () => Uint32Array.from({ length: SIGNATURE_LENGTH }, () => Math.floor(rnd() * 1000));
/** Signatures one after the other in one buffer, as an entry stores them. */
const block = (sigs: Uint32Array[]) => {
  const out = new Uint32Array(sigs.length * SIGNATURE_LENGTH);
  sigs.forEach((s, k) => out.set(s, k * SIGNATURE_LENGTH));
  return out;
};

describe('UnitSigs', () => {
  it("gives each unit its own signature from its document's block, the units of two documents interleaved", () => {
    const a = [sig(), sig(), sig()];
    const b = [sig(), sig()];
    const sigs = new UnitSigs(5);
    // Document A's units are 0, 2 and 4; B's are 3 and 1, in that order in its block.
    sigs.put([0, 2, 4], block(a));
    sigs.put([3, 1], block(b));
    expect([0, 1, 2, 3, 4].map((u) => Array.from(sigs.of(u)))).toEqual([a[0], b[1], a[1], b[0], a[2]].map((s) => Array.from(s)));
    expect(sigs.of(4).length).toBe(SIGNATURE_LENGTH);
  });

  it("lowers a document's signature to each unit's, word by word, as a list of views would", () => {
    const list = [sig(), sig(), sig(), sig()];
    const sigs = new UnitSigs(4);
    sigs.put([1, 3], block([list[1], list[3]]));
    sigs.put([0, 2], block([list[0], list[2]]));
    const least = Array.from({ length: SIGNATURE_LENGTH }, (_, i) => Math.min(list[0][i], list[2][i], list[3][i]));
    expect(Array.from(docSignature([0, 2, 3], sigs))).toEqual(least);
    expect(Array.from(docSignature([2, 3, 0], UnitSigs.of(list)))).toEqual(least);
  });

  it('refuses a unit given no signature, and a block too short for its units', () => {
    const sigs = new UnitSigs(3);
    sigs.put([0, 1], block([sig(), sig()]));
    expect(() => sigs.of(2)).toThrow(/unit 2/);
    expect(() => sigs.lowerTo(new Uint32Array(SIGNATURE_LENGTH), 2)).toThrow(/unit 2/);
    expect(() => sigs.put([2, 0], block([sig()]))).toThrow(/2 signatures/);
  });

  it("takes a stored entry's signatures as one view of the bytes read, not a copy", () => {
    const list = [sig(), sig()];
    const bytes = encodePreparedEntry({
      ids: ['p~1', 'p~2'],
      unitSets: [Uint32Array.from([1, 2, 3]), Uint32Array.from([4, 5])],
      docSet: Uint32Array.from([1, 2, 3, 4, 5]),
      boiler: new Uint32Array(0),
      common: 0,
      own: Int32Array.from([3, 2]),
      sigs: block(list),
    });
    const entry = decodeStoredEntry(bytes)!;
    expect(entry.sigs.buffer).toBe(bytes.buffer);
    expect(entry.sigs.length).toBe(2 * SIGNATURE_LENGTH);
    const sigs = new UnitSigs(2);
    sigs.put([1, 0], entry.sigs);
    expect([Array.from(sigs.of(0)), Array.from(sigs.of(1))]).toEqual([Array.from(list[1]), Array.from(list[0])]);
    // An entry whose signatures do not fit its units is not written.
    expect(() => encodePreparedEntry({ ...entry, sigs: block(list).subarray(1) })).toThrow(/signature words/);
  });
});
