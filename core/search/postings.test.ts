/**
 * Set operations on posting lists (ascending unit numbers), checked on lists written out by hand: a rare
 * term's units against a common one's, by merging (lists of like size) and by galloping (one list more than
 * 16 times the other).
 */
import { describe, expect, it } from 'vitest';
import { binarySearch, intersect, unionAll } from './postings.js';

const list = (...xs: number[]) => Int32Array.from(xs);
/** Units 0, 3, 6, … below n: a common term. */
const everyThird = (n: number) => Int32Array.from({ length: Math.ceil(n / 3) }, (_, i) => 3 * i);

describe('binarySearch', () => {
  it('finds each member, first and last included, and nothing between or beyond', () => {
    const a = list(2, 5, 9, 14, 20);
    for (const x of [2, 5, 9, 14, 20]) expect(binarySearch(a, x)).toBe(true);
    for (const x of [0, 3, 6, 10, 15, 21, -1]) expect(binarySearch(a, x)).toBe(false);
    expect(binarySearch(list(7), 7)).toBe(true);
    expect(binarySearch(list(), 0)).toBe(false);
  });
});

describe('intersect', () => {
  it('merges two lists of like size, in either order', () => {
    const a = list(1, 3, 4, 8, 12, 15);
    const b = list(0, 3, 5, 8, 9, 15, 16);
    expect([...intersect(a, b)]).toEqual([3, 8, 15]);
    expect([...intersect(b, a)]).toEqual([3, 8, 15]);
    expect([...intersect(a, list())]).toEqual([]);
    expect([...intersect(list(2, 4), list(1, 3, 5))]).toEqual([]);
    // Equal lists, the last element shared.
    expect([...intersect(list(4, 9), list(4, 9))]).toEqual([4, 9]);
  });

  it('gallops through a list more than 16 times longer: members found anywhere in it, first and last included', () => {
    const common = everyThird(300); // 0, 3, …, 297: 100 units
    // 0 and 297 are its ends; 151 and 298 are not in it; 300 is past its end.
    const rare = list(0, 151, 297, 298, 300);
    expect([...intersect(rare, common)]).toEqual([0, 297]);
    expect([...intersect(common, rare)]).toEqual([0, 297]);
    expect([...intersect(list(3, 6, 9, 12, 99), common)]).toEqual([3, 6, 9, 12, 99]);
    expect([...intersect(list(1, 2, 4), common)]).toEqual([]);
  });

  it('at exactly 16 times the size it merges, with the same result', () => {
    const common = everyThird(96); // 32 units
    expect([...intersect(list(6, 7), common)]).toEqual([6]);
    expect([...intersect(list(93, 94), common)]).toEqual([93]);
  });
});

describe('unionAll', () => {
  it('the units of any of the lists, ascending, each once', () => {
    expect([...unionAll([list(1, 5, 9), list(2, 5, 10), list(0)])]).toEqual([0, 1, 2, 5, 9, 10]);
    // Numerically, not as text: 10 after 9.
    expect([...unionAll([list(10, 100), list(9)])]).toEqual([9, 10, 100]);
    expect([...unionAll([list(3, 4)])]).toEqual([3, 4]);
    expect([...unionAll([])]).toEqual([]);
  });
});
