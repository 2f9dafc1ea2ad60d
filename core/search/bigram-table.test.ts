import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../util/random.js';
import { BigramTable } from './bigram-table.js';

describe('BigramTable', () => {
  it('finds every key it was given, keeps per-slot figures through growth, and lists keys in order', () => {
    const rnd = mulberry32(11);
    const t = new BigramTable(16);
    // The extremes of the key space (\u0000\u0000, \uffff\uffff, either side of the sign bit) and many that force growth.
    const pair = (c: number, d: number) => (c << 16) | d;
    const keys = [pair(0, 0), pair(0xffff, 0xffff), pair(1, 0), pair(0x7fff, 0xffff), pair(0x8000, 0), ...Array.from({ length: 5000 }, () => pair(Math.floor(rnd() * 65536), Math.floor(rnd() * 65536)))];
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
    expect([...t.sortedKeys()]).toEqual([...tally.keys()].map((k) => k >>> 0).sort((a, b) => a - b));
  });

  it('an absent key is not found, even key 0 in a table that is empty there', () => {
    const t = new BigramTable(16);
    expect(t.find(0)).toBe(-1);
    t.slot(1);
    expect(t.find(0)).toBe(-1);
  });
});
