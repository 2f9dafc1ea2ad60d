/**
 * The postings build on small hand-made corpora, with every term, list and length worked out by hand: the
 * counting build (counted-postings.ts, with its BigramTable) and lunr's reference (lunr-postings.ts, through
 * term-postings.ts) must both give exactly these. counted-postings.test.ts compares the two on 1,500 random
 * units; this file is what a mutation run of these files uses (that one is too slow there).
 */
import { describe, expect, it } from 'vitest';
import type { SearchCorpus } from './corpus-units.js';
import { BigramTable } from './bigram-table.js';
import { countedPostings } from './counted-postings.js';
import { lunrPostings } from './lunr-postings.js';
import { fromTermMap, type TermPostings } from './term-postings.js';

function corpus(texts: string[]): SearchCorpus {
  return {
    docs: [{ id: 'sd-1', title: '山东省证明事项告知承诺制实施办法', issuer: '山东省人民政府', issuers: ['山东省人民政府'], docNumber: null, year: '2021', region: '山东省', regions: ['山东省'], kind: '办法' }],
    units: texts.map((text, i) => ({ doc: 0, path: `ar${i + 1}`, text, trail: [] })),
  };
}

/** Terms with their lists, in term-id order, for readable comparisons. */
function termLists(p: TermPostings): [string, number[]][] {
  const terms = [...p.uni, ...(p.bi.match(/[\s\S]{2}/g) ?? [])];
  let at = 0;
  return terms.map((t, id) => {
    const list = [...p.refs.subarray(at, at + p.df[id])];
    at += p.df[id];
    return [t, list];
  });
}

const BUILDS: [string, (c: SearchCorpus) => TermPostings][] = [
  ['counting', countedPostings],
  ['lunr', lunrPostings],
];

describe.each(BUILDS)('the %s postings build', (_name, build) => {
  it('lists each unigram and bigram once per unit, never a bigram across a line break, terms sorted by code unit', () => {
    // 告 U+544A, 知 U+77E5, 承 U+627F, 诺 U+8BFA, 制 U+5236, 定 U+5B9A, 度 U+5EA6.
    const p = build(corpus(['告知承诺制', '承诺\n告知', '制定制度']));
    expect(p.uni).toBe('制告定度承知诺');
    // 诺告 and 诺\n are not terms: 承诺 and 告知 are on two lines of unit 1.
    expect(p.bi).toBe('制定制度告知定制承诺知承诺制');
    expect(termLists(p)).toEqual([
      ['制', [0, 2]], // twice in unit 2, listed once
      ['告', [0, 1]],
      ['定', [2]],
      ['度', [2]],
      ['承', [0, 1]],
      ['知', [0, 1]],
      ['诺', [0, 1]],
      ['制定', [2]],
      ['制度', [2]],
      ['告知', [0, 1]],
      ['定制', [2]],
      ['承诺', [0, 1]],
      ['知承', [0]],
      ['诺制', [0]],
    ]);
    expect([...p.df]).toEqual([2, 2, 1, 1, 2, 2, 2, 1, 1, 2, 1, 2, 1, 1]);
    expect(p.refs.length).toBe(21);
    // Lengths of the normalised texts, the line break counted.
    expect([...p.unitLens]).toEqual([5, 5, 4]);
    expect(p.normChars).toBe(14);
  });

  it('lists a unit once for a bigram it says twice, and a bigram first seen in a later unit', () => {
    // 承诺承诺: 承诺 twice, 诺承 once, all new in unit 1. 告 U+544A, 承 U+627F, 知 U+77E5, 诺 U+8BFA.
    const p = build(corpus(['告知', '承诺承诺']));
    expect(p.uni).toBe('告承知诺');
    expect(p.bi).toBe('告知承诺诺承');
    expect(termLists(p)).toEqual([
      ['告', [0]],
      ['承', [1]],
      ['知', [0]],
      ['诺', [1]],
      ['告知', [0]],
      ['承诺', [1]],
      ['诺承', [1]],
    ]);
    expect([...p.unitLens]).toEqual([2, 4]);
    // 告知 twice in unit 1, right before 承诺 (unit 0) in term order: 承诺's list stays [0].
    expect(termLists(build(corpus(['承诺', '告知告知'])))).toEqual([
      ['告', [1]],
      ['承', [0]],
      ['知', [1]],
      ['诺', [0]],
      ['告知', [1]],
      ['承诺', [0]],
      ['知告', [1]],
    ]);
  });

  it('indexes the normalised text: full-width Latin folded, white space between Latin and Chinese dropped', () => {
    // Both read lpr加点 (5 characters): the same terms, in both units.
    const p = build(corpus(['ＬＰＲ加点', 'LPR 加点']));
    expect(p.uni).toBe('lpr加点');
    expect(p.bi).toBe('lpprr加加点');
    expect(termLists(p).every(([, units]) => units.join() === '0,1')).toBe(true);
    expect(termLists(p).length).toBe(9);
    expect([...p.unitLens]).toEqual([5, 5]);
    expect(p.normChars).toBe(10);
  });

  it('a unit of one character has a unigram and no bigram; an empty unit has no term but keeps its place', () => {
    const p = build(corpus(['', '甲', '甲乙']));
    // 乙 U+4E59 sorts before 甲 U+7532.
    expect(p.uni).toBe('乙甲');
    expect(p.bi).toBe('甲乙');
    expect(termLists(p)).toEqual([
      ['乙', [2]],
      ['甲', [1, 2]],
      ['甲乙', [2]],
    ]);
    expect([...p.unitLens]).toEqual([0, 1, 2]);
    expect(p.normChars).toBe(3);
  });

  it('writes more bigrams than one call of String.fromCharCode takes (8,192 code units)', () => {
    // 5,000 consecutive ideographs from 一 (U+4E00): each character and each neighbouring pair once.
    let text = '';
    for (let i = 0; i < 5000; i++) text += String.fromCharCode(0x4e00 + i);
    const p = build(corpus([text]));
    expect(p.uni).toBe(text);
    expect(p.bi.length).toBe(2 * 4999);
    expect(p.bi.slice(0, 4)).toBe('一丁丁丂');
    expect(p.bi.slice(-2)).toBe(text.slice(-2));
    expect(p.bi.slice(8190, 8194)).toBe(text.slice(4095, 4097) + text.slice(4096, 4098));
    expect(p.df.every((n) => n === 1)).toBe(true);
  });
});

describe('lunr postings across its builders', () => {
  it('merges the lists of a term found in more than one chunk of 1,024 units, in unit order', () => {
    // Units alternate between two clauses: 公开 in the even ones, 共享 in the odd ones, 1,030 units.
    const texts = Array.from({ length: 1030 }, (_, i) => (i % 2 ? '共享' : '公开'));
    const p = lunrPostings(corpus(texts));
    const evens = Array.from({ length: 515 }, (_, k) => 2 * k);
    const odds = evens.map((u) => u + 1);
    // 公 U+516C, 共 U+5171, 享 U+4EAB, 开 U+5F00.
    expect(p.uni).toBe('享公共开');
    expect(termLists(p)).toEqual([
      ['享', odds],
      ['公', evens],
      ['共', odds],
      ['开', evens],
      ['公开', evens],
      ['共享', odds],
    ]);
    expect(p.normChars).toBe(2060);
  });
});

describe('fromTermMap', () => {
  it('sorts the terms of a map into unigrams, then bigrams, each by code unit', () => {
    const lens = Int32Array.from([4, 2]);
    const p = fromTermMap(
      new Map([
        ['承诺', [0]],
        ['诺', [0]],
        ['告知', [0, 1]],
        ['告', [0, 1]],
      ]),
      lens,
      6,
    );
    expect(p.uni).toBe('告诺');
    expect(p.bi).toBe('告知承诺');
    expect([...p.df]).toEqual([2, 1, 2, 1]);
    expect([...p.refs]).toEqual([0, 1, 0, 0, 1, 0]);
    expect(p.unitLens).toBe(lens);
    expect(p.normChars).toBe(6);
  });

  it('refuses a term of three characters or an empty one', () => {
    expect(() => fromTermMap(new Map([['告知承', [0]]]), new Int32Array(1), 3)).toThrow('index terms must be one or two code units');
    expect(() => fromTermMap(new Map([['', [0]]]), new Int32Array(1), 0)).toThrow('index terms must be one or two code units');
  });
});

describe('BigramTable on the bigrams of one sentence', () => {
  // 50 bigrams, 34 distinct (告知, 知承, 承诺, 诺制 three times; 证明, 事项, 实行, 可以 … twice): from 16 slots the
  // table doubles at its 9th, 17th and 33rd key, to 128 slots. Ten start above U+7FFF (negative int32 keys: 诺制, 请人 …).
  const text = '本市推行证明事项告知承诺制，实行“一网通办”。申请人可以选择告知承诺制，也可以实行证明事项告知承诺制。';
  const pairs: string[] = [];
  for (let k = 0; k + 1 < text.length; k++) pairs.push(text.slice(k, k + 2));
  const key = (p: string) => (p.charCodeAt(0) << 16) | p.charCodeAt(1);

  it('finds every key with the count kept through growth, lists the keys in the order of the strings, and misses the absent', () => {
    const t = new BigramTable(16);
    for (const p of pairs) {
      const s = t.slot(key(p));
      t.count[s]++;
    }
    const distinct = [...new Set(pairs)];
    expect(t.size).toBe(34);
    expect(t.capacity).toBe(128);
    // 告知承诺制 three times: each of its bigrams counted thrice.
    for (const p of ['告知', '知承', '承诺', '诺制']) expect(t.count[t.find(key(p))]).toBe(3);
    for (const p of distinct) {
      const s = t.find(key(p));
      expect(t.keys[s]).toBe(key(p));
      expect(t.count[s]).toBe(pairs.filter((x) => x === p).length);
      // slot gives the same place again, without adding.
      expect(t.slot(key(p))).toBe(s);
    }
    expect(t.size).toBe(distinct.length);
    const sorted = [...t.sortedKeys()].map((k) => String.fromCharCode(k >>> 16, k & 0xffff));
    expect(sorted).toEqual(distinct.slice().sort());
    for (const p of ['办法', '制定', '诺告']) expect(t.find(key(p))).toBe(-1);
  });

  it('keeps each slot\'s mark through growth, and starts every mark at -1', () => {
    const t = new BigramTable(16);
    distinctOf(pairs).forEach((p, i) => {
      const s = t.slot(key(p));
      expect(t.mark[s]).toBe(-1);
      t.mark[s] = i;
    });
    distinctOf(pairs).forEach((p, i) => expect(t.mark[t.find(key(p))]).toBe(i));
  });

  it('rounds a capacity up to a power of two, at least 16', () => {
    expect(new BigramTable(1).capacity).toBe(16);
    expect(new BigramTable(16).capacity).toBe(16);
    expect(new BigramTable(17).capacity).toBe(32);
    expect(new BigramTable().capacity).toBe(65536);
  });

  it('doubles when a key would make it more than half full', () => {
    const t = new BigramTable(16);
    const distinct = distinctOf(pairs);
    distinct.slice(0, 8).forEach((p) => t.slot(key(p)));
    expect(t.capacity).toBe(16);
    t.slot(key(distinct[8]));
    expect(t.capacity).toBe(32);
  });
});

function distinctOf(xs: string[]): string[] {
  return [...new Set(xs)];
}
