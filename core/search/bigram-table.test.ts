import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../util/random.js';
import { BigramTable } from './bigram-table.js';

describe('BigramTable', () => {
  it('finds every key it was given, keeps per-slot figures through growth, and lists keys in order', () => {
    const rnd = mulberry32(11);
    const t = new BigramTable(16);
    // The extremes of the key space (the pair \u0000\u0000, the pair \uffff\uffff) and many that force growth.
    const keys = [0, 0xffffffff, 65536, ...Array.from({ length: 5000 }, () => Math.floor(rnd() * 2 ** 32))];
    const tally = new Map<number, number>();
    for (const k of [...keys, ...keys.slice(0, 100)]) {
      const s = t.slot(k);
      t.count[s]++;
      tally.set(k, (tally.get(k) ?? 0) + 1);
    }
    expect(t.capacity).toBeGreaterThan(16);
    expect(t.size).toBe(tally.size);
    for (const [k, n] of tally) {
      const s = t.find(k);
      expect(t.keys[s]).toBe(k);
      expect(t.count[s]).toBe(n);
    }
    expect([...t.sortedKeys()]).toEqual([...tally.keys()].sort((a, b) => a - b));
  });

  it('an absent key is not found, even key 0 in a table that is empty there', () => {
    const t = new BigramTable(16);
    expect(t.find(0)).toBe(-1);
    t.slot(1);
    expect(t.find(0)).toBe(-1);
  });
});
