import { describe, expect, it } from 'vitest';
import { SEARCH_FORMAT_VERSION } from './format.js';
import { SearchIndexDamaged } from './shard-reader.js';
import { ShardMissing, TextStore } from './texts.js';

// Three shards: units 0–1, 2–4 and 5.
const STARTS = [0, 2, 5, 6];
const SHARDS = [
  ['第一条 总则', '第二条 融资担保'],
  ['一、告知承诺制', '二、ＬＰＲ 加点', '三、小微企业'],
  ['附则'],
];
const OPENINGS = [{}, { 1: '【适用范围】本办法适用于…' }, {}];
// Paths and trails, front-coded from each shard's first unit (unit-table.ts; VLQ A = 0, B = 1 …): shard 1's
// units ch1.ar2 (第一章 第二条), ch1.ar3 (sharing "ch1.ar" and 第一章), ch2 (sharing "ch").
const NAMES = [
  { pathCodes: 'ADCB', pathChars: 'ar12', labels: ['第一条', '第二条'], trailCodes: 'ABAABB' },
  { pathCodes: 'AHGBCB', pathChars: 'ch1.ar232', labels: ['第一章', '第二条', '第三条', '第二章'], trailCodes: 'ACABBBCABD' },
  { pathCodes: 'AE', pathChars: 'fuze', labels: [], trailCodes: 'AA' },
];
const json = (k: number, patch: object = {}) => JSON.stringify({ v: SEARCH_FORMAT_VERSION, from: STARTS[k], texts: SHARDS[k], openings: OPENINGS[k], names: NAMES[k], ...patch });
const file = (f: string) => Number(/^texts-(\d+)\.json$/.exec(f)![1]);

describe('TextStore', () => {
  it('reads each unit from the shard that holds it, on first use', () => {
    const reads: string[] = [];
    const s = new TextStore(STARTS, (f) => (reads.push(f), json(file(f))));
    expect(s.shardCount).toBe(3);
    expect([0, 1, 2, 3, 4, 5].map((u) => s.shardOf(u))).toEqual([0, 0, 1, 1, 1, 2]);
    expect(reads).toEqual([]);
    expect(s.text(3)).toBe('二、ＬＰＲ 加点');
    expect(reads).toEqual(['texts-1.json']);
    expect(s.text(4)).toBe('三、小微企业');
    expect(s.text(2)).toBe('一、告知承诺制');
    expect(s.text(1)).toBe('第二条 融资担保');
    expect(s.text(5)).toBe('附则');
    expect(s.text(0)).toBe('第一条 总则');
    expect(reads).toEqual(['texts-1.json', 'texts-0.json', 'texts-2.json']);
    expect(s.normalized(3).norm).toBe('二、lpr加点');
    expect(s.normalized(1).norm).toBe('第二条融资担保');
  });

  it('gives a label-only article’s opening words from its shard, and none for any other unit', () => {
    const s = new TextStore(STARTS, (f) => json(file(f)));
    expect([0, 1, 2, 3, 4, 5].map((u) => s.opening(u))).toEqual([undefined, undefined, undefined, '【适用范围】本办法适用于…', undefined, undefined]);
    for (const openings of [null, [], { 2: '超出' }, { '-1': '负数' }, { 0: 5 }]) {
      expect(() => new TextStore([0, 2], () => JSON.stringify({ v: SEARCH_FORMAT_VERSION, from: 0, texts: ['a', 'b'], openings, names: NAMES[0] })).text(0), JSON.stringify(openings)).toThrow(SearchIndexDamaged);
    }
  });

  it('gives each unit’s path and trail from its shard, and refuses names that are not its units’ when one is asked for', () => {
    const s = new TextStore(STARTS, (f) => json(file(f)));
    expect([0, 1, 2, 3, 4, 5].map((u) => s.path(u))).toEqual(['ar1', 'ar2', 'ch1.ar2', 'ch1.ar3', 'ch2', 'fuze']);
    expect([0, 1, 2, 3, 4, 5].map((u) => s.trail(u))).toEqual([['第一条'], ['第二条'], ['第一章', '第二条'], ['第一章', '第三条'], ['第二章'], []]);
    for (const names of [undefined, NAMES[0], { ...NAMES[1], pathChars: 'ch1.ar23' }, { ...NAMES[1], labels: ['第一章'] }]) {
      const bad = new TextStore(STARTS, (f) => json(file(f), file(f) === 1 ? { names } : {}));
      expect(bad.text(0)).toBe('第一条 总则');
      expect(bad.path(0)).toBe('ar1');
      let err: unknown;
      try {
        bad.trail(2);
      } catch (e) {
        err = e;
      }
      expect(err, JSON.stringify(names)).toBeInstanceOf(SearchIndexDamaged);
      expect((err as SearchIndexDamaged).file).toBe('texts-1.json');
      expect((err as Error).message).toMatch(/^search text shard texts-1\.json does not match the index/);
    }
  });

  it('gives every path and trail of a shard at once, by index in the shard, and refuses names that are not its units’', () => {
    const s = new TextStore(STARTS, (f) => json(file(f)));
    expect(s.allNames(1)).toEqual({ paths: ['ch1.ar2', 'ch1.ar3', 'ch2'], trails: [['第一章', '第二条'], ['第一章', '第三条'], ['第二章']] });
    expect(s.allNames(2)).toEqual({ paths: ['fuze'], trails: [[]] });
    const bad = new TextStore(STARTS, (f) => json(file(f), file(f) === 1 ? { names: NAMES[0] } : {}));
    expect(() => bad.allNames(1)).toThrow(/^search text shard texts-1\.json does not match the index/);
    expect(() => new TextStore(STARTS, () => undefined).allNames(0)).toThrow(ShardMissing);
  });

  it('names every shard a set of units needs and does not have, at once, in order', () => {
    const s = new TextStore(STARTS);
    let err: unknown;
    try {
      s.require([5, 0, 1, 5, 3]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ShardMissing);
    expect((err as ShardMissing).files).toEqual(['texts-0.json', 'texts-1.json', 'texts-2.json']);
    expect((err as Error).message).toMatch(/texts-0\.json, texts-1\.json, texts-2\.json/);
    expect(() => s.text(2)).toThrow(ShardMissing);
    s.put(1, json(1));
    expect(() => s.require([2, 3, 4])).not.toThrow();
    expect(() => s.require([1, 4])).toThrow(expect.objectContaining({ files: ['texts-0.json'] }));
    expect(s.text(2)).toBe('一、告知承诺制');
  });

  it('refuses a shard that is not the one the index expects', () => {
    const s = new TextStore(STARTS);
    const refused = /texts-1\.json does not match the index/;
    expect(() => s.put(1, json(1, { v: SEARCH_FORMAT_VERSION - 1 }))).toThrow(refused);
    expect(() => s.put(1, json(1, { from: 1 }))).toThrow(refused);
    expect(() => s.put(1, json(1, { texts: SHARDS[1].slice(1) }))).toThrow(refused);
    expect(() => s.put(1, json(1, { texts: [...SHARDS[1], '多'] }))).toThrow(refused);
    expect(() => s.put(1, json(1, { texts: ['一', 2, '三'] }))).toThrow(refused);
    expect(() => s.put(1, json(1, { texts: '一二三' }))).toThrow(refused);
    expect(() => s.put(1, 'null')).toThrow(refused);
    expect(s.isLoaded(1)).toBe(false);
  });

  it('names the damaged shard, a cut-short one too, so the app can tell the user which file', () => {
    const s = new TextStore(STARTS);
    const whole = json(1, {});
    for (const bad of [whole.slice(0, whole.length - 3), json(1, { from: 1 })]) {
      let caught: unknown;
      try {
        s.put(1, bad);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(SearchIndexDamaged);
      expect((caught as SearchIndexDamaged).file).toBe('texts-1.json');
    }
  });

  it('trim drops the shards read longest ago until the budget holds, but keeps the latest', () => {
    const s = new TextStore(STARTS, (f) => json(file(f)));
    s.text(0); // shard 0: 6 + 8 characters
    s.text(2); // shard 1: 7 + 8 + 6
    s.text(5); // shard 2: 2
    s.text(1); // shard 0 read again: now the latest
    expect(s.heldChars()).toBe(14 + 21 + 2);
    s.trim(37);
    expect([0, 1, 2].map((k) => s.isLoaded(k))).toEqual([true, true, true]);
    // Shard 1 (read before shard 2) goes first; 14 + 2 = 16 is within the budget.
    s.trim(16);
    expect([0, 1, 2].map((k) => s.isLoaded(k))).toEqual([true, false, true]);
    s.trim(15);
    expect([0, 1, 2].map((k) => s.isLoaded(k))).toEqual([true, false, false]);
    expect(s.heldChars()).toBe(14);
    s.trim(0);
    expect(s.isLoaded(0)).toBe(true);
    // A dropped shard is read again when needed.
    expect(s.text(4)).toBe('三、小微企业');
    s.trim(0);
    expect([0, 1, 2].map((k) => s.isLoaded(k))).toEqual([false, true, false]);
    expect(s.text(0)).toBe('第一条 总则');
  });
});

describe('TextStore as the worker uses it (shards fetched, put, read and trimmed)', () => {
  it('a unit of a shard not at hand names that shard, whichever shard the units start in', () => {
    const s = new TextStore(STARTS);
    let err: unknown;
    try {
      s.text(3);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ name: 'ShardMissing', files: ['texts-1.json'] });
    // Units all in shard 1 (the first one looked at is shard 1 too).
    expect(() => s.require([2, 3, 4])).toThrow(expect.objectContaining({ files: ['texts-1.json'] }));
  });

  it('shards put by a fetch are dropped in the order they came, and a dropped shard is read again, not served from memory', () => {
    const reads: string[] = [];
    const s = new TextStore(STARTS, (f) => (reads.push(f), json(file(f))));
    expect(s.text(0)).toBe('第一条 总则'); // shard 0 read: 14 characters
    s.put(2, json(2)); // 2 characters
    s.put(1, json(1)); // 21 characters
    // Over a budget of 30: shard 0 (read first) goes; 2 + 21 = 23 fit.
    s.trim(30);
    expect([0, 1, 2].map((k) => s.isLoaded(k))).toEqual([false, true, true]);
    expect(s.text(1)).toBe('第二条 融资担保');
    expect(reads).toEqual(['texts-0.json', 'texts-0.json']);
    // Over a budget of 21 (37 held): shard 2 (put before shard 1) goes, then shard 1; shard 0 was read last.
    s.trim(21);
    expect([0, 1, 2].map((k) => s.isLoaded(k))).toEqual([true, false, false]);
  });
});
