/**
 * The merged search on the real sample corpus: one corpus document is taken
 * out of the corpus index and searched as a user document; the merged list
 * must rank it where the corpus index ranks it when it holds it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus } from '../corpus/build';
import type { PolicyDocument } from '../corpus/types';
import { SearchEngine } from '../search/engine';
import { sha256Hex } from '../../test-support/sha256';
import { searchBoth, userEngine } from './user-search';

const RAW = join(__dirname, '..', '..', 'resources', 'corpus', 'raw');
let docs: PolicyDocument[];
let all: SearchEngine;
let withoutOne: SearchEngine;
let mine: SearchEngine;
let moved: PolicyDocument;

beforeAll(() => {
  docs = buildCorpus(readdirSync(RAW).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(RAW, name))) })), sha256Hex).docs;
  moved = docs.find((d) => d.docNumber === '宁市监〔2023〕115号')!;
  all = userEngine(docs)!;
  withoutOne = userEngine(docs.filter((d) => d !== moved))!;
  mine = userEngine([moved], withoutOne)!;
}, 60_000);

const docOrder = (hits: { docId: string }[]) => [...new Set(hits.map((h) => h.docId))];

describe('searchBoth', () => {
  it.each(['信用', '营商环境', '市场主体 信用', '信用风险分类管理'])('ranks a user document where the corpus would rank it: %s', (q) => {
    const expected = docOrder(all.search(q, { limit: 200 }).hits);
    const merged = searchBoth(withoutOne, mine, q, { limit: 200 });
    const got = docOrder(merged.hits);
    expect(got.indexOf(moved.id)).toBeGreaterThanOrEqual(0);
    // Within two places of where the single index puts it (statistics differ by one document).
    expect(Math.abs(got.indexOf(moved.id) - expected.indexOf(moved.id))).toBeLessThanOrEqual(2);
    expect(merged.total).toBe(all.search(q).total);
  });

  it('adds totals and facet counts, pages over the merged list, and filters by source', () => {
    const q = '营商环境';
    const merged = searchBoth(withoutOne, mine, q, { limit: 10 });
    const region = merged.facets.region;
    const whole = all.search(q, { limit: 10 });
    expect(Object.fromEntries(region.map((f) => [f.value, f.count]))).toEqual(Object.fromEntries(whole.facets.region.map((f) => [f.value, f.count])));
    const page2 = searchBoth(withoutOne, mine, q, { limit: 10, offset: 10 });
    const both = searchBoth(withoutOne, mine, q, { limit: 20 });
    expect(page2.hits.map((h) => h.unitId)).toEqual(both.hits.slice(10).map((h) => h.unitId));
    expect(new Set(searchBoth(withoutOne, mine, q, {}, 'mine').hits.map((h) => h.docId))).toEqual(new Set([moved.id]));
    expect(searchBoth(withoutOne, mine, q, {}, 'corpus').hits.some((h) => h.docId === moved.id)).toBe(false);
  });
});

describe('searchBoth: one document, one engine', () => {
  it('expands a group in the engine that holds the document, user or corpus', () => {
    const q = '信用';
    const inMine = searchBoth(withoutOne, mine, q, { doc: moved.id });
    expect(inMine.hits.length).toBeGreaterThan(0);
    expect(new Set(inMine.hits.map((h) => h.docId))).toEqual(new Set([moved.id]));
    expect(inMine.hits.every((h) => h.engine === mine)).toBe(true);
    expect(inMine.total).toBe(mine.search(q, { doc: moved.id }).total);
    const other = withoutOne.search(q, { limit: 1 }).hits[0].docId;
    const inCorpus = searchBoth(withoutOne, mine, q, { doc: other });
    expect(new Set(inCorpus.hits.map((h) => h.docId))).toEqual(new Set([other]));
    expect(inCorpus.hits.every((h) => h.engine === withoutOne)).toBe(true);
    expect(inCorpus.total).toBe(withoutOne.search(q, { doc: other }).total);
  });

  it('searches the corpus alone when there is no user library, and the user library alone when asked', () => {
    const q = '营商环境';
    const alone = searchBoth(withoutOne, null, q, { limit: 5 });
    expect(alone.total).toBe(withoutOne.search(q).total);
    expect(alone.hits.map((h) => h.unitId)).toEqual(withoutOne.search(q, { limit: 5 }).hits.map((h) => h.unitId));
    expect(searchBoth(withoutOne, mine, q, {}, 'mine').total).toBe(mine.search(q).total);
  });

  it('adds the documents and the hits shown of both, and shows no more hits than asked for', () => {
    const q = '营商环境';
    const merged = searchBoth(withoutOne, mine, q, { limit: 5 });
    expect(merged.hits).toHaveLength(5);
    expect(merged.docTotal).toBe(withoutOne.search(q).docTotal + mine.search(q).docTotal);
    expect(merged.available).toBe(withoutOne.search(q, { limit: 5 }).available + mine.search(q, { limit: 5 }).available);
  });

  it('lists merged facet values by count, ties in a fixed order', () => {
    const merged = searchBoth(withoutOne, mine, '营商环境', { limit: 10 });
    for (const list of Object.values(merged.facets)) {
      for (let i = 1; i < list.length; i++) {
        const [a, b] = [list[i - 1], list[i]];
        expect(a.count > b.count || (a.count === b.count && a.value < b.value), `${a.value} ${a.count} / ${b.value} ${b.count}`).toBe(true);
      }
    }
  });
});
