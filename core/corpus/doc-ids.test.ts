import { describe, expect, it } from 'vitest';
import { isUserDocId, sortedById } from './doc-ids.js';

describe('sortedById', () => {
  it('orders by code units, not by number or locale, and leaves the input as it was', () => {
    const docs = [{ id: 'p9' }, { id: 'u0000000000a' }, { id: 'p10' }, { id: 'P2' }, { id: 'p1~x' }, { id: 'p1' }];
    const before = docs.map((d) => d.id);
    expect(sortedById(docs).map((d) => d.id)).toEqual(['P2', 'p1', 'p10', 'p1~x', 'p9', 'u0000000000a']);
    expect(docs.map((d) => d.id)).toEqual(before);
  });

  it('keeps documents of one id in the order given', () => {
    const a = { id: 'p1', n: 1 };
    const b = { id: 'p1', n: 2 };
    expect(sortedById([b, { id: 'p0', n: 0 }, a]).map((d) => d.n)).toEqual([0, 2, 1]);
  });
});

describe('isUserDocId', () => {
  it('tells the user’s documents by their prefix', () => {
    expect(isUserDocId('u0123456789a')).toBe(true);
    expect(isUserDocId('p0123')).toBe(false);
  });
});
