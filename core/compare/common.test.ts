/**
 * Boilerplate shingles (common.ts): the threshold by corpus size, the shingles found at it, and a document's
 * shingles with and without them. Candidate generation under boilerplate is in bounded.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { COMMON_MIN_DOCS, commonPart, commonShingles, commonThreshold, withoutCommon } from './common.js';

const u32 = (xs: number[]) => Uint32Array.from(xs);

describe('commonThreshold', () => {
  it('is 20 documents up to 1,000 documents, then 2 % of them, rounded up', () => {
    expect([1, 95, 1000, 1001, 2500, 10_000].map(commonThreshold)).toEqual([20, 20, 20, 21, 50, 200]);
  });
});

describe('commonShingles', () => {
  it('a corpus smaller than the threshold has no boilerplate, even a shingle every document has', () => {
    expect(Array.from(commonShingles(Array.from({ length: COMMON_MIN_DOCS - 1 }, () => u32([7, 8]))))).toEqual([]);
    expect(Array.from(commonShingles(Array.from({ length: COMMON_MIN_DOCS }, () => u32([7, 8]))))).toEqual([7, 8]);
  });

  it('finds every shingle in enough documents, sorted as numbers, and none in one document fewer', () => {
    // 40 documents: three shingles in 20 of them (the threshold), one in 19, each document one of its own.
    const sets = Array.from({ length: 40 }, (_, i) => u32([...(i < 20 ? [5, 70_000, 3_000_000_000] : []), ...(i >= 21 ? [123_456] : []), 1_000_000 + i]).sort());
    expect(Array.from(commonShingles(sets))).toEqual([5, 70_000, 3_000_000_000]);
  });

  it('lists them sorted whatever document first has them, shingle 0 among them once', () => {
    // The first document has only the largest; every other has all three.
    const sets = Array.from({ length: 30 }, (_, i) => u32(i === 0 ? [3_000_000_000] : [0, 5, 3_000_000_000]));
    expect(Array.from(commonShingles(sets))).toEqual([0, 5, 3_000_000_000]);
  });

  it('in a corpus of more than 65,535 documents, a shingle in every one is still common', () => {
    // 65,636 documents: 1,313 is the threshold, and a 16-bit count that wrapped would say 100.
    const n = 65_536 + 100;
    expect(commonThreshold(n)).toBe(1313);
    const one = u32([7]);
    expect(Array.from(commonShingles(Array.from({ length: n }, () => one)))).toEqual([7]);
  });

  it('counts a shingle by the documents that have it', () => {
    const sets = Array.from({ length: 25 }, (_, i) => u32(i % 2 ? [1, 2] : [2, 3]));
    // 1 in 12 documents, 3 in 13, 2 in all 25.
    expect(Array.from(commonShingles(sets))).toEqual([2]);
  });
});

describe('withoutCommon and commonPart', () => {
  it("a unit's shingles without the common ones keep their order; with no common shingles it is the set itself", () => {
    const set = u32([0, 3, 9, 40, 4_000_000_000]);
    expect(Array.from(withoutCommon(set, u32([9, 4_000_000_000])))).toEqual([0, 3, 40]);
    expect(Array.from(withoutCommon(set, u32([0])))).toEqual([3, 9, 40, 4_000_000_000]);
    expect(Array.from(withoutCommon(set, u32([1, 2])))).toEqual([0, 3, 9, 40, 4_000_000_000]);
    expect(Array.from(withoutCommon(set, u32([])))).toEqual(Array.from(set));
  });

  it("a document's common shingles: those of its units that are common, each once, sorted", () => {
    const common = u32([0, 5, 9, 12, 40, 3_000_000_000]);
    expect(Array.from(commonPart([u32([1, 5, 9, 3_000_000_000]), u32([0, 5, 9, 12, 13])], common))).toEqual([0, 5, 9, 12, 3_000_000_000]);
    expect(Array.from(commonPart([u32([1, 2]), u32([3])], common))).toEqual([]);
    expect(Array.from(commonPart([u32([5, 9])], u32([])))).toEqual([]);
  });

  it('tells thousands of common shingles from the rest, colliding hashes and all', () => {
    // Consecutive numbers and multiples of a large power of two crowd a hash table's slots.
    const common = u32([...Array.from({ length: 3000 }, (_, i) => i * 2), ...Array.from({ length: 100 }, (_, i) => (i + 1) * 0x10000)]).sort();
    const set = u32(Array.from({ length: 7000 }, (_, i) => i)).sort();
    const kept = Array.from(withoutCommon(set, common));
    expect(kept).toEqual(Array.from({ length: 7000 }, (_, i) => i).filter((i) => (i % 2 === 1 && i < 6000) || i >= 6000));
    expect(Array.from(commonPart([set], common))).toEqual(Array.from({ length: 3000 }, (_, i) => i * 2));
  });

  it('a shingle that shares its low 21 bits with a common one is still told apart', () => {
    // The quick filter keys on the low bits: 5 + 2^21, 5 + 2^31 and 2^21 pass it beside 5 and 0, and only the table tells.
    const common = u32([0, 5, 7 + 2 ** 22]);
    const set = u32([0, 5, 7, 2 ** 21, 5 + 2 ** 21, 7 + 2 ** 22, 5 + 2 ** 31]).sort();
    expect(Array.from(withoutCommon(set, common))).toEqual([7, 2 ** 21, 5 + 2 ** 21, 5 + 2 ** 31]);
    expect(Array.from(commonPart([set], common))).toEqual([0, 5, 7 + 2 ** 22]);
    // Without 0 among the common ones, 0 and 2^21 (the same filter bit as 0) are both kept.
    expect(Array.from(withoutCommon(u32([0, 2 ** 21]), u32([2 ** 22])))).toEqual([0, 2 ** 21]);
    expect(Array.from(withoutCommon(u32([0, 2 ** 21]), u32([2 ** 21])))).toEqual([0]);
  });
});
