/**
 * The posting store on a hand-made index of five terms in three shards: each term's units are written
 * here, encoded with the codec, and expected back from whichever shard holds them.
 */
import { describe, expect, it } from 'vitest';
import { encodeSorted } from './codec.js';
import { SEARCH_FORMAT_VERSION } from './format.js';
import { PostingStore } from './posting-store.js';
import { ShardMissing } from './shard-reader.js';

// Term t occurs in the units LISTS[t]; shards: terms 0–1, 2–3, 4.
const LISTS = [[0, 2], [1], [0, 1, 2, 5], [3], [4, 7, 300]];
const STARTS = [0, 2, 4, 5];
const STRINGS = LISTS.map(encodeSorted);
const OFFSETS = Int32Array.from([0, ...STRINGS.map((_, t) => STRINGS.slice(0, t + 1).join('').length)]);
const shardText = (k: number) => STRINGS.slice(STARTS[k], STARTS[k + 1]).join('');
const json = (k: number, over: object = {}) => JSON.stringify({ v: SEARCH_FORMAT_VERSION, from: STARTS[k], postings: shardText(k), ...over });
const FILES: Record<string, string> = { 'postings-0.json': json(0), 'postings-1.json': json(1), 'postings-2.json': json(2) };
const reading = () => new PostingStore(STARTS, OFFSETS, (f) => FILES[f]);
const missingFiles = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ShardMissing) return e.files;
    throw e;
  }
  return null;
};

describe('PostingStore', () => {
  it('reads every term from its own shard', () => {
    const s = reading();
    LISTS.forEach((units, t) => expect(Array.from(s.list(t, units.length)), `term ${t}`).toEqual(units));
    expect([0, 1, 2, 3, 4].map((t) => s.shardOf(t))).toEqual([0, 0, 1, 1, 2]);
  });

  it('decodes a list once and gives the same one again', () => {
    const s = reading();
    expect(s.list(2, 4)).toBe(s.list(2, 4));
  });

  it('names every missing shard at once, in order; a loaded one is not named again', () => {
    const s = new PostingStore(STARTS, OFFSETS);
    expect(missingFiles(() => s.require([4, 0, 1, 4]))).toEqual(['postings-0.json', 'postings-2.json']);
    expect(missingFiles(() => s.list(3, 1))).toEqual(['postings-1.json']);
    s.put(2, json(2));
    expect(missingFiles(() => s.require([4, 3, 0]))).toEqual(['postings-0.json', 'postings-1.json']);
    s.put(0, json(0));
    s.put(1, json(1));
    expect(missingFiles(() => s.require([0, 1, 2, 3, 4]))).toBeNull();
    expect(Array.from(s.list(4, 3))).toEqual([4, 7, 300]);
  });

  it('refuses a shard of another format, another first term, without a string, or of another length', () => {
    for (const bad of [json(1, { v: SEARCH_FORMAT_VERSION - 1 }), json(1, { from: 1 }), json(1, { postings: 42 }), json(1, { postings: shardText(1).slice(1) }), json(1, { postings: shardText(1) + 'A' }), 'null']) {
      const s = new PostingStore(STARTS, OFFSETS);
      expect(() => s.put(1, bad), bad).toThrow(/postings-1\.json does not match the index/);
      expect(s.isLoaded(1)).toBe(false);
    }
  });

  it('names a shard cut short as damaged (not a bare JSON error), so the app can say which file', () => {
    const whole = json(1);
    const s = new PostingStore(STARTS, OFFSETS);
    expect(() => s.put(1, whole.slice(0, -2))).toThrow(expect.objectContaining({ name: 'SearchIndexDamaged', file: 'postings-1.json' }));
    expect(s.isLoaded(1)).toBe(false);
  });

  it('counts what it holds: the shard text, and twice the units of every list decoded', () => {
    const s = reading();
    s.require([0]);
    expect(s.heldChars()).toBe(shardText(0).length);
    s.list(0, 2);
    s.list(0, 2);
    expect(s.heldChars()).toBe(shardText(0).length + 4);
  });

  it('trims the least recently used shards first, down to the budget, and keeps the last one', () => {
    const s = reading();
    s.require([0, 2, 4]);
    // Used in the order 0, 1, 2; then 0 again: 1 is now the least recent.
    s.list(0, 2);
    const held = s.heldChars();
    s.trim(held);
    expect([0, 1, 2].map((k) => s.isLoaded(k))).toEqual([true, true, true]);
    s.trim(held - 1);
    expect([0, 1, 2].map((k) => s.isLoaded(k))).toEqual([true, false, true]);
    expect(s.heldChars()).toBe(held - shardText(1).length);
    s.trim(0);
    expect([0, 1, 2].map((k) => s.isLoaded(k))).toEqual([true, false, false]);
    // A dropped shard is read again when needed.
    expect(Array.from(s.list(3, 1))).toEqual([3]);
  });
});
