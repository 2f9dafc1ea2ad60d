/** Shingles, their overlap, and the two similarity figures built on them (文本重合度, 条文相似度). */
import { describe, expect, it } from 'vitest';
import { clauseSimilarity, documentOverlap, documentShingles, MIN_CLAUSE_SHINGLES, unitWording } from './measures.js';
import { pairWeight, comparePairs } from './rank.js';
import { hashString, intersectionSize, overlap, shingleSet } from './shingles.js';
import type { CompareUnit } from './units.js';
import type { VariantPair } from './format.js';

describe('shingles', () => {
  it('hashString is 32-bit FNV-1a (the published test vectors), over any slice of a string', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    expect(hashString('foobar')).toBe(0xbf9cf968);
    expect(hashString('xfoobarx', 1, 7)).toBe(0xbf9cf968);
  });

  it('a set holds each run of k characters once, sorted; a key shorter than k is one shingle; an empty key none', () => {
    expect(shingleSet('')).toEqual(new Uint32Array(0));
    expect(Array.from(shingleSet('foobar', 6))).toEqual([0xbf9cf968]);
    expect(Array.from(shingleSet('foobar', 8))).toEqual([0xbf9cf968]);
    // foobarfoobar: foobar, oobarf, obarfo, barfoo, arfoob, rfooba, foobar — six distinct.
    const set = shingleSet('foobarfoobar', 6);
    expect(set).toHaveLength(6);
    expect(Array.from(set)).toContain(0xbf9cf968);
    expect(Array.from(set)).toEqual([...set].sort((x, y) => x - y));
    // 营商营商营商 in runs of two: 营商 and 商营.
    expect(shingleSet('营商营商营商', 2)).toHaveLength(2);
    expect(shingleSet('营商环境', 5)).toHaveLength(1);
  });

  it('overlap of two sorted sets', () => {
    const a = Uint32Array.from([1, 3, 5, 7]);
    const b = Uint32Array.from([3, 4, 5]);
    expect(intersectionSize(a, b)).toBe(2);
    expect(intersectionSize(b, a)).toBe(2);
    expect(overlap(a, b)).toEqual({ jaccard: 2 / 5, aInB: 2 / 4, bInA: 2 / 3, shared: 2 });
    expect(overlap(new Uint32Array(0), b)).toEqual({ jaccard: 0, aInB: 0, bInA: 0, shared: 0 });
    expect(overlap(new Uint32Array(0), new Uint32Array(0))).toEqual({ jaccard: 0, aInB: 0, bInA: 0, shared: 0 });
  });
});

describe('clause similarity (条文相似度)', () => {
  /** A set of n shingles, by its size (all clauseSimilarity reads of it). */
  const sized = (n: number) => n;
  const o = (jaccard: number, aInB: number, bInA: number) => ({ jaccard, aInB, bInA, shared: 0 });

  it('is the Jaccard of the two clauses, or the share of a short clause quoted whole in a longer one', () => {
    expect(clauseSimilarity(o(0.3, 0.2, 0.4), sized(40), sized(20))).toBe(0.3);
    expect(clauseSimilarity(o(0.3, 0.2, 0.9), sized(40), sized(20))).toBe(0.9);
    expect(clauseSimilarity(o(0.3, 0.9, 0.2), sized(20), sized(40))).toBe(0.9);
    expect(clauseSimilarity(o(0.3, 0.2, 0.85), sized(40), sized(20))).toBe(0.85);
    expect(clauseSimilarity(o(0.3, 0.2, 0.84), sized(40), sized(20))).toBe(0.3);
  });

  it('a quoted clause counts from eight shingles: a shorter one is boilerplate', () => {
    expect(clauseSimilarity(o(0.2, 0.1, 1), sized(40), sized(MIN_CLAUSE_SHINGLES))).toBe(1);
    expect(clauseSimilarity(o(0.2, 0.1, 1), sized(40), sized(MIN_CLAUSE_SHINGLES - 1))).toBe(0.2);
    expect(clauseSimilarity(o(0.2, 1, 0.1), sized(MIN_CLAUSE_SHINGLES - 1), sized(40))).toBe(0.2);
  });
});

describe('document overlap (文本重合度)', () => {
  const u = (text: string, labelLength = 0, pseudo = false): CompareUnit => ({ id: text, label: '', number: '', text, labelLength, index: 0, pseudo });

  it('a unit is measured on its wording: no marker, no punctuation, folded', () => {
    expect(unitWording(u('第十条 为了优化营商环境，制定本办法。', 4))).toBe('为了优化营商环境制定本办法');
  });

  it('title, addressees and signature are not part of a document\'s wording', () => {
    const withParts = [u('示例市办法', 0, true), u('为了优化营商环境制定本办法'), u('示例市人民政府', 0, true)];
    expect(documentShingles(withParts)).toEqual(shingleSet('为了优化营商环境制定本办法'));
  });

  it('is the larger share: a text wholly inside a longer one overlaps it fully; texts sharing nothing, not at all', () => {
    const short = [u('为了优化营商环境制定本办法')];
    const long = [u('为了优化营商环境制定本办法'), u('本办法自发布之日起施行')];
    expect(documentOverlap(short, long)).toBe(1);
    expect(documentOverlap(long, short)).toBe(1);
    expect(documentOverlap(short, [u('本办法自发布之日起施行')])).toBe(0);
  });
});

describe('ranking of pairs', () => {
  const pair = (over: Partial<VariantPair>): VariantPair => ({ a: 'a', b: 'b', relation: 'related', jaccard: 0, aInB: 0, bInA: 0, sharedClauses: 0, ...over });

  it('weighs the relation, then the larger containment, then Jaccard, then shared clauses (at most 100)', () => {
    expect(pairWeight(pair({ relation: 'same', aInB: 0.8, bInA: 0.6, jaccard: 0.5, sharedClauses: 20 }))).toBeCloseTo(30 + 4 + 0.5 + 0.02, 10);
    expect(pairWeight(pair({ relation: 'revision', aInB: 0.2, bInA: 0.6 }))).toBeCloseTo(20 + 3, 10);
    expect(pairWeight(pair({ relation: 'adaptation', sharedClauses: 150 }))).toBeCloseTo(10 + 0.1, 10);
    expect(pairWeight(pair({ relation: 'related', jaccard: 1.5 }))).toBeCloseTo(1, 10);
  });

  it('orders best first, then by the pair\'s ids', () => {
    const list = [pair({ a: 'c', b: 'd' }), pair({ relation: 'same', a: 'x', b: 'y' }), pair({ a: 'a', b: 'b' })];
    expect(list.sort(comparePairs).map((p) => p.a)).toEqual(['x', 'a', 'c']);
    expect(comparePairs(pair({ a: 'a', b: 'b' }), pair({ a: 'a', b: 'b' }))).toBe(0);
    expect(comparePairs(pair({ a: 'c', b: 'd' }), pair({ a: 'a', b: 'b' }))).toBe(1);
  });
});
