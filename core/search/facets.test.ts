/**
 * Facet counts over hits, on three hand-made documents: every count written out, with no filter, one filter
 * and two (each facet is counted over the hits that pass every *other* filter).
 */
import { describe, expect, it } from 'vitest';
import type { SearchDoc } from './corpus-units.js';
import { FacetFilter } from './facets.js';
import { Hits } from './hits.js';

const doc = (id: string, issuers: string[], year: string | null, regions: string[], kind: string): SearchDoc => ({
  id,
  title: id,
  issuer: issuers.join('、'),
  issuers,
  docNumber: null,
  year,
  region: regions.join(' '),
  regions,
  kind,
});

const DOCS = [doc('a', ['国务院', '财政部'], '2020', ['全国'], '通知'), doc('b', ['财政部'], null, ['山东省', '济南市'], '办法'), doc('c', ['国务院'], '2021', ['全国'], '通知')];

/** Two hits in a, one in b, three in c. */
function hits(): Hits {
  const h = new Hits();
  for (const [d, n] of [
    [0, 2],
    [1, 1],
    [2, 3],
  ])
    for (let i = 0; i < n; i++) h.push(10 * d + i, d, 1, 0, 0);
  return h;
}

describe('facet counts', () => {
  it('counts every hit under each of its document\'s values, most first and then by value, with a city\'s province', () => {
    expect(new FacetFilter().count(hits(), DOCS)).toEqual({
      // 山 (U+5C71) before 济 (U+6D4E): equal counts go by value.
      region: [{ value: '全国', count: 5 }, { value: '山东省', count: 1 }, { value: '济南市', count: 1, parent: '山东省' }],
      issuer: [
        { value: '国务院', count: 5 },
        { value: '财政部', count: 3 },
      ],
      kind: [
        { value: '通知', count: 5 },
        { value: '办法', count: 1 },
      ],
      year: [
        { value: '2021', count: 3 },
        { value: '2020', count: 2 },
        { value: '未注明', count: 1 },
      ],
    });
  });

  it('counts a facet over the hits that pass the other filters: what picking one of its values would give', () => {
    // b fails the issuer filter only: it still counts under issuer, and nowhere else.
    const one = new FacetFilter({ issuer: ['国务院'] }).count(hits(), DOCS);
    expect(one.issuer).toEqual([
      { value: '国务院', count: 5 },
      { value: '财政部', count: 3 },
    ]);
    expect(one.region).toEqual([{ value: '全国', count: 5 }]);
    expect(one.kind).toEqual([{ value: '通知', count: 5 }]);
    expect(one.year).toEqual([
      { value: '2021', count: 3 },
      { value: '2020', count: 2 },
    ]);
    // a passes both; c fails the year only (it counts under year); b fails both (it counts nowhere).
    const two = new FacetFilter({ issuer: ['国务院'], year: ['2020'] }).count(hits(), DOCS);
    expect(two).toEqual({
      region: [{ value: '全国', count: 2 }],
      issuer: [
        { value: '国务院', count: 2 },
        { value: '财政部', count: 2 },
      ],
      kind: [{ value: '通知', count: 2 }],
      year: [
        { value: '2021', count: 3 },
        { value: '2020', count: 2 },
      ],
    });
    // A region filter: b fails it alone and counts under region only; a year of 未注明 is a value to pick.
    const region = new FacetFilter({ region: ['济南市'], year: ['未注明'] }).count(hits(), DOCS);
    expect(region.region).toEqual([{ value: '山东省', count: 1 }, { value: '济南市', count: 1, parent: '山东省' }]);
    expect(region.year).toEqual([{ value: '未注明', count: 1 }]);
    expect(region.kind).toEqual([{ value: '办法', count: 1 }]);
  });

  it('counts each facet over what fails its own filter alone: region, kind', () => {
    // b alone is not 全国, and alone not a 通知: each facet still lists it, as picking its value would give it.
    expect(new FacetFilter({ region: ['全国'] }).count(hits(), DOCS).region).toEqual([{ value: '全国', count: 5 }, { value: '山东省', count: 1 }, { value: '济南市', count: 1, parent: '山东省' }]);
    expect(new FacetFilter({ kind: ['通知'] }).count(hits(), DOCS).kind).toEqual([
      { value: '通知', count: 5 },
      { value: '办法', count: 1 },
    ]);
  });

  it('orders equal counts by value whatever order the hits came in', () => {
    // 规定 first among the hits; 办 (U+529E) sorts before 规 (U+89C4).
    const two = [doc('x', ['国务院'], '2020', ['全国'], '规定'), doc('y', ['国务院'], '2020', ['全国'], '办法')];
    const h = new Hits();
    h.push(0, 0, 1, 0, 0);
    h.push(1, 1, 1, 0, 0);
    expect(new FacetFilter().count(h, two).kind).toEqual([
      { value: '办法', count: 1 },
      { value: '规定', count: 1 },
    ]);
  });

  it('counts nothing for no hits', () => {
    expect(new FacetFilter({ kind: ['通知'] }).count(new Hits(), DOCS)).toEqual({ region: [], issuer: [], kind: [], year: [] });
  });
});
