/**
 * The serialised index of a small hand-made corpus, every figure worked out by hand: statistics, shards of
 * unit texts (whole documents, about `shardChars` each), shards of posting strings (whole terms), file names.
 */
import { describe, expect, it } from 'vitest';
import { searchArtifactsOf } from './artifacts.js';
import { buildIndexData, shardFiles, shardFileStream } from './build.js';
import type { SearchCorpus } from './corpus-units.js';

const doc = (id: string, title: string) => ({ id, title, issuer: '山东省人民政府', issuers: ['山东省人民政府'], docNumber: null, year: '2021', region: '山东省', regions: ['山东省'], kind: '办法' });

// Two documents: sd-1 with two units of 5 characters, sd-2 with one of 4 (normalised lengths, the line break counted).
const CORPUS: SearchCorpus = {
  docs: [doc('sd-1', '山东省证明事项告知承诺制实施办法'), doc('sd-2', '山东省政务服务制度建设办法')],
  units: [
    { doc: 0, path: 'ar1', text: '告知承诺制', trail: ['第一条'] },
    { doc: 0, path: 'ar2', text: '承诺\n告知', trail: ['第二条'] },
    { doc: 1, path: 'ar1', text: '制定制度', trail: ['第一条'] },
  ],
};

// The units' names in their text shards, front-coded (unit-table.ts): one shard of sd-1's two units, ar2 sharing
// "ar" with ar1, and one of sd-2's; each shard's first unit spells its path and trail out whole.
const NAMES_SD1 = { pathCodes: 'ADCB', pathChars: 'ar12', labels: ['第一条', '第二条'], trailCodes: 'ABAABB' };
const NAMES_SD2 = { pathCodes: 'AD', pathChars: 'ar1', labels: ['第一条'], trailCodes: 'ABA' };

// Its terms (postings-build.test.ts): 制 告 定 度 承 知 诺, then 制定 制度 告知 定制 承诺 知承 诺制, in
// 2 2 1 1 2 2 2 1 1 2 1 2 1 1 units. Every number is below 32, one character each (A = 0, B = 1, C = 2, …).
const DF = 'CCBBCCCBBCBCBB';

describe('buildIndexData', () => {
  it('keeps the statistics ranking needs: unit count, mean length to three decimals, frequencies, lengths', () => {
    const { index } = buildIndexData(CORPUS);
    expect(index.unitCount).toBe(3);
    // (5 + 5 + 4) / 3 = 4.666…
    expect(index.avgLen).toBe(4.667);
    expect(index.uni).toBe('制告定度承知诺');
    expect(index.bi).toBe('制定制度告知定制承诺知承诺制');
    expect(index.df).toBe(DF);
    // A list of k small unit numbers is k characters long.
    expect(index.lens).toBe(DF);
    expect(index.unitLens).toBe('FFE');
  });

  it('an empty corpus has a mean length of 0, not NaN', () => {
    expect(buildIndexData({ docs: [], units: [] }).index.avgLen).toBe(0);
  });

  it('cuts the unit texts into shards at document boundaries once a shard holds shardChars characters', () => {
    // sd-1 holds 10 characters: with shardChars 10, sd-2 starts a new shard.
    const ten = buildIndexData(CORPUS, 'counting', 10);
    expect(ten.index.shards).toEqual([0, 2, 3]);
    expect(ten.texts).toEqual([
      { v: 10, from: 0, texts: ['告知承诺制', '承诺\n告知'], openings: {}, names: NAMES_SD1 },
      { v: 10, from: 2, texts: ['制定制度'], openings: {}, names: NAMES_SD2 },
    ]);
    // One more and it does not.
    expect(buildIndexData(CORPUS, 'counting', 11).index.shards).toEqual([0, 3]);
    // Never inside a document, however small the shards.
    expect(buildIndexData(CORPUS, 'counting', 1).index.shards).toEqual([0, 2, 3]);
  });

  it('cuts the posting strings into shards of whole terms once a shard holds postingShardChars characters', () => {
    // Term lengths 2 2 1 | 1 2 2 | 2 1 1 2 | 1 2 1 1: a shard is closed at 5 characters or more.
    const built = buildIndexData(CORPUS, 'counting', 400_000, 5);
    expect(built.index.postingShards).toEqual([0, 3, 6, 10, 14]);
    expect(built.postings.map((p) => [p.v, p.from, p.postings.length])).toEqual([
      [10, 0, 5],
      [10, 3, 5],
      [10, 6, 6],
      [10, 10, 5],
    ]);
    // The shards are the one-shard string cut at those places.
    const whole = buildIndexData(CORPUS).postings;
    expect(whole.map((p) => p.from)).toEqual([0]);
    expect(built.postings.map((p) => p.postings).join('')).toBe(whole[0].postings);
    // 制 is in units 0 and 2: A (0), then B (the gap of one unit skipped); 告 in 0 and 1: A, A.
    expect(whole[0].postings.slice(0, 4)).toBe('ABAA');
  });

  it('names the shard files by kind and number', () => {
    const built = buildIndexData(CORPUS, 'counting', 1, 5);
    const files = shardFiles(built);
    expect(Object.keys(files)).toEqual(['texts-0.json', 'texts-1.json', 'postings-0.json', 'postings-1.json', 'postings-2.json', 'postings-3.json', 'positions-0.json', 'positions-1.json', 'positions-2.json']);
    expect(JSON.parse(files['texts-1.json'])).toEqual({ v: 10, from: 2, texts: ['制定制度'], openings: {}, names: NAMES_SD2 });
    expect(JSON.parse(files['postings-3.json']).from).toBe(10);
  });

  it('makes each shard file only when it is asked for (the build writes one before the next is made)', () => {
    const built = buildIndexData(CORPUS, 'counting', 1, 5);
    const files = shardFileStream(built);
    expect(files.next().value).toEqual({ path: 'texts-0.json', data: JSON.stringify({ v: 10, from: 0, texts: ['告知承诺制', '承诺\n告知'], openings: {}, names: NAMES_SD1 }) });
    built.texts[1] = { ...built.texts[1], texts: ['改过的'] };
    expect(files.next().value).toEqual({ path: 'texts-1.json', data: `{"v":10,"from":2,"texts":["改过的"],"openings":{},"names":${JSON.stringify(NAMES_SD2)}}` });
    expect([...files].map((f) => f.path)).toEqual(['postings-0.json', 'postings-1.json', 'postings-2.json', 'postings-3.json', 'positions-0.json', 'positions-1.json', 'positions-2.json']);
  });

  it('stores where each bigram starts in each of its units, in shards of whole terms', () => {
    // Bigrams in term order (after the 7 unigrams): 制定 制度 告知 定制 承诺 知承 诺制. Per unit: the count − 1, then
    // the places as deltas. 告知: unit 0 at 0 (A A), unit 1 at 3, after 承诺 and the line break (A D).
    const built = buildIndexData(CORPUS, 'counting', 1, 5);
    expect(built.index.positionShards).toEqual([7, 10, 12, 14]);
    expect(built.positions).toEqual([
      { v: 10, from: 7, lens: 'CCE', positions: 'AA' + 'AC' + 'AAAD' },
      { v: 10, from: 10, lens: 'CE', positions: 'AB' + 'ACAA' },
      { v: 10, from: 12, lens: 'CC', positions: 'AB' + 'AD' },
    ]);
    // A bigram three times in one unit: 规定 at 0, 2 and 5 → count 3 (C), then 0, 2 − 0 − 1, 5 − 2 − 1.
    const again = buildIndexData({ docs: CORPUS.docs, units: [{ doc: 0, path: 'ar1', text: '规定规定的规定', trail: [] }] });
    const lens = again.positions[0].lens;
    expect(again.index.bi).toBe('定的' + '定规' + '的规' + '规定');
    expect(lens).toBe('CCCE');
    expect(again.positions[0].positions).toBe('AD' + 'AB' + 'AE' + 'CABC');
    // Where a count, a place or a length needs a second character (5 bits a character, 32 = continue): 32 of
    // 一一 in one unit (count − 1 = 31 → f, then 0 and 31 gaps of 0), 33 characters (h B); 乙丙 at 31 in the
    // next unit (A f) and at 32 in the last (A g B), 5 characters (F); 甲乙 at 30 and 31 (A e A f); 甲甲 30 and
    // 31 times (d and 30 A, e and 31 A): 63 characters (_ B).
    const long = buildIndexData({ docs: CORPUS.docs, units: ['一'.repeat(33), '甲'.repeat(31) + '乙丙', '甲'.repeat(32) + '乙丙'].map((text, i) => ({ doc: 0, path: `p${i}`, text, trail: [] })) });
    expect(long.index.bi).toBe('一一' + '乙丙' + '甲乙' + '甲甲');
    const strings = long.positions[0].positions;
    expect(long.positions[0].lens).toBe('hB' + 'F' + 'E' + '_B');
    expect(strings).toBe('f' + 'A'.repeat(32) + 'Af' + 'AgB' + 'AeAf' + 'd' + 'A'.repeat(30) + 'e' + 'A'.repeat(31));
  });
});

describe('searchArtifactsOf', () => {
  it('gives the index, the unit list and each shard as JSON files', () => {
    const files = searchArtifactsOf(CORPUS);
    expect(files.map((f) => f.path)).toEqual(['index.json', 'units.json', 'texts-0.json', 'postings-0.json', 'positions-0.json']);
    const index = JSON.parse(files[0].data);
    expect([index.unitCount, index.avgLen, index.uni]).toEqual([3, 4.667, '制告定度承知诺']);
    expect(JSON.parse(files[2].data).texts).toEqual(['告知承诺制', '承诺\n告知', '制定制度']);
  });
});
