import { describe, expect, it } from 'vitest';
import { Hits, topK } from './hits.js';

const row = (h: Hits, i: number) => [h.unit[i], h.doc[i], h.score[i], h.tier[i], h.prelim[i]];

describe('Hits', () => {
  it('keeps every field of every hit as it grows past its capacity, and after reserve', () => {
    const h = new Hits(1);
    for (let i = 0; i < 40; i++) h.push(i - 1, i % 7, i / 4, i % 2 ? 1000 : 0, i % 3 === 0 ? 1 : 0);
    h.reserve(100);
    h.push(99, 3, 2.5, 1050, 1);
    expect(h.n).toBe(41);
    expect(row(h, 0)).toEqual([-1, 0, 0, 0, 1]);
    expect(row(h, 17)).toEqual([16, 3, 4.25, 1000, 0]);
    expect(row(h, 39)).toEqual([38, 4, 9.75, 1000, 1]);
    expect(row(h, 40)).toEqual([99, 3, 2.5, 1050, 1]);
  });

  it('filter keeps the chosen hits whole and in order', () => {
    const h = new Hits();
    for (let i = 0; i < 30; i++) h.push(i, i % 5, 30 - i, i % 2 ? 1000 : 0, i % 2);
    const odd = h.filter((i) => h.unit[i] % 2 === 1 && h.unit[i] > 20);
    expect(odd.n).toBe(5);
    expect([0, 1, 2, 3, 4].map((i) => row(odd, i))).toEqual([
      [21, 1, 9, 1000, 1],
      [23, 3, 7, 1000, 1],
      [25, 0, 5, 1000, 1],
      [27, 2, 3, 1000, 1],
      [29, 4, 1, 1000, 1],
    ]);
  });

  it('ranks by score, then document, then unit', () => {
    const h = new Hits();
    h.push(5, 2, 1, 0, 0); // 0
    h.push(9, 1, 3, 0, 0); // 1
    h.push(4, 2, 1, 0, 0); // 2
    h.push(7, 1, 1, 0, 0); // 3
    h.push(-1, 0, 0.5, 0, 0); // 4
    expect(topK(h, 5)).toEqual([1, 3, 2, 0, 4]);
    expect(topK(h, 2)).toEqual([1, 3]);
    expect(topK(h, 0)).toEqual([]);
    expect(topK(new Hits(), 3)).toEqual([]);
  });

  it('topK on a large set: the k best, ties cut in document and unit order', () => {
    const h = new Hits();
    // 300 hits: score = unit mod 10, so each score has 30 hits; the 35 best are the 30 nines and five eights.
    for (let u = 0; u < 300; u++) h.push(u, Math.floor(u / 100), u % 10, 0, 0);
    const nines = Array.from({ length: 30 }, (_, i) => i * 10 + 9);
    expect(topK(h, 35)).toEqual([...nines, 8, 18, 28, 38, 48]);
    expect(topK(h, 1)).toEqual([9]);
  });
});

describe('Hits at the edges', () => {
  it('a set made with room for none (the filter of an empty set) still takes hits', () => {
    const h = new Hits(0);
    h.push(12, 3, 4.5, 0, 0);
    h.push(-1, 5, 1000.25, 1000, 0);
    expect([row(h, 0), row(h, 1)]).toEqual([
      [12, 3, 4.5, 0, 0],
      [-1, 5, 1000.25, 1000, 0],
    ]);
  });

  it('topK among many documents without text (scores below 0) picks only hits that exist', () => {
    // 200 title-only hits of empty documents: −1 plus half their title coverage, here −0.5 − i/1000.
    const h = new Hits();
    for (let i = 0; i < 200; i++) h.push(-1, i, -0.5 - i / 1000, 0, 0);
    expect(topK(h, 10)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
