/**
 * Modules that build tables when they load (the gazetteer's name tables, the library's collator),
 * imported inside a test so that a table that fails to build fails a test: a failure while a test
 * file loads runs no test, which Stryker scores as a surviving mutant (npm run mutate).
 */
import { expect, it } from 'vitest';
import type { DocSummary } from './types.js';

it('builds the gazetteer tables and reads a province, a city and a district with them', async () => {
  const { findRegion } = await import('./regions.js');
  expect(findRegion('山东省人民政府')).toEqual({ level: 'province', province: '山东省', city: null });
  expect(findRegion('青岛市人民政府')).toEqual({ level: 'city', province: '山东省', city: '青岛市' });
  expect(findRegion('上海市黄浦区人民政府')).toEqual({ level: 'district', province: '上海市', city: '黄浦区' });
});

it('builds the library\'s Chinese collator and sorts titles by it', async () => {
  const { EMPTY_FILTERS, filterDocs } = await import('./library-filters.js');
  const summary = (id: string, title: string): DocSummary => ({
    id, title, titleSource: 'title-line', issuer: '', issuers: [], docNumber: null, date: null, effectiveDate: null, authors: [], region: { level: 'unknown', province: null, city: null }, kind: '通知', sources: [], unitCount: 0, charCount: 0, bodyMissing: null,
  });
  const list = [summary('p1', '上海市通知'), summary('p2', '安徽省通知')];
  expect(filterDocs(list, { ...EMPTY_FILTERS, sort: 'title' }).map((d) => d.id)).toEqual(['p2', 'p1']);
});
