/**
 * Set operations on posting lists (ascending unit numbers), checked on lists written out by hand: a rare
 * term's units against a common one's, by merging (lists of like size) and by galloping (one list more than
 * 16 times the other).
 */
import { describe, expect, it } from 'vitest';
import { binarySearch, intersect, seek, unionAll } from './postings.js';

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

describe('seek', () => {
  it('gives the first place at or after `from` holding a value at least x, written out by hand', () => {
    const a = list(2, 5, 9, 14, 20);
    // [from, x, place]
    const cases: [number, number, number][] = [
      [0, 0, 0], [0, 2, 0], [0, 3, 1], [0, 5, 1], [0, 6, 2], [0, 14, 3], [0, 15, 4], [0, 20, 4], [0, 21, 5],
      // From further on: what is before `from` is not looked at, even a smaller value.
      [2, 3, 2], [2, 9, 2], [2, 10, 3], [3, 20, 4], [4, 21, 5], [5, 1, 5], [5, 99, 5],
    ];
    for (const [from, x, at] of cases) expect(seek(a, from, x), `seek(${from}, ${x})`).toBe(at);
    expect(seek(list(), 0, 7)).toBe(0);
    expect(seek(list(7), 0, 7)).toBe(0);
    expect(seek(list(7), 0, 8)).toBe(1);
  });

  it('walks a long list as a linear scan would, with steps of every size', () => {
    // A common term's 3,334 units (every third below 10,000): each query value and start tried against a plain scan.
    const a = everyThird(10_000);
    const scan = (from: number, x: number) => {
      let i = from;
      while (i < a.length && a[i] < x) i++;
      return i;
    };
    for (const from of [0, 1, 17, 1000, 3333, 3334]) for (let x = -1; x <= 10_002; x += 7) expect(seek(a, from, x)).toBe(scan(from, x));
    // Ascending lookups with the cursor carried on, as the engine walks a list.
    let at = 0;
    for (let x = 0; x < 10_000; x += 97) {
      at = seek(a, at, x);
      expect(at).toBe(scan(0, x));
    }
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
