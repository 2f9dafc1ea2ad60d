/** What the text and posting stores share: the errors callers tell apart, reading a shard, finding an item's shard. */
import { describe, expect, it } from 'vitest';
import { parseShard, SearchIndexDamaged, shardContaining, ShardMissing } from './shard-reader.js';

describe('ShardMissing and SearchIndexDamaged', () => {
  it('name the shards a query waits for, and the damaged file when one is known', () => {
    const missing = new ShardMissing(['texts-0.json', 'postings-3.json']);
    expect(missing).toMatchObject({ name: 'ShardMissing', files: ['texts-0.json', 'postings-3.json'], message: 'search shards texts-0.json, postings-3.json are not loaded' });
    expect(new SearchIndexDamaged('search index does not match its unit list', 'units.json')).toMatchObject({ name: 'SearchIndexDamaged', file: 'units.json', message: 'search index does not match its unit list' });
    expect(new SearchIndexDamaged('search index damaged').file).toBeNull();
  });
});

describe('parseShard', () => {
  it('reads a shard\'s JSON, and calls a shard cut short damaged, naming it', () => {
    expect(parseShard('texts-2.json', '{"v":7,"from":40,"texts":["第一条 为了规范政务服务，制定本办法。"]}')).toEqual({ v: 7, from: 40, texts: ['第一条 为了规范政务服务，制定本办法。'] });
    let caught: unknown;
    try {
      parseShard('texts-2.json', '{"v":7,"from":40,"texts":["第一条 为了规范');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SearchIndexDamaged);
    expect(caught).toMatchObject({ file: 'texts-2.json', message: 'search shard texts-2.json is not valid JSON: rebuild the corpus (npm run build:corpus)' });
  });
});

describe('shardContaining', () => {
  it('finds the shard of each item, at the first and last item of each shard', () => {
    // Shards of units 0–3, 4–9, 10–10, 11–19 (20 units).
    const starts = [0, 4, 10, 11, 20];
    const want = [
      [0, 0], [3, 0], [4, 1], [9, 1], [10, 2], [11, 3], [19, 3],
    ];
    for (const [x, k] of want) expect([x, shardContaining(starts, x)]).toEqual([x, k]);
    expect(shardContaining([0, 7], 6)).toBe(0);
  });
});
