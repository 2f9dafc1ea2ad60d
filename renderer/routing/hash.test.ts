import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, formatHash, parseHash, type Route } from './hash';

describe('hash routes', () => {
  it('parses the library with and without filters', () => {
    expect(parseHash('')).toEqual({ name: 'library', filters: EMPTY_FILTERS });
    expect(parseHash('#/')).toEqual({ name: 'library', filters: EMPTY_FILTERS });
    const r = parseHash('#/?p=%E5%B1%B1%E4%B8%9C%E7%9C%81&c=%E9%9D%92%E5%B2%9B%E5%B8%82&y=2023&s=title&t=%E5%8A%9E%E6%B3%95');
    expect(r).toEqual({ name: 'library', filters: { ...EMPTY_FILTERS, province: '山东省', city: '青岛市', year: '2023', sort: 'title', text: '办法' } });
  });

  it('drops a city without a province and an unknown sort', () => {
    const r = parseHash('#/?c=x&s=bogus');
    expect(r).toEqual({ name: 'library', filters: EMPTY_FILTERS });
  });

  it('parses document routes with unit and query', () => {
    expect(parseHash('#/doc/abc')).toEqual({ name: 'doc', docId: 'abc', unitId: null, query: '' });
    expect(parseHash('#/doc/abc/abc~ch1.ar10?q=%E6%94%BF%E5%8A%A1')).toEqual({ name: 'doc', docId: 'abc', unitId: 'abc~ch1.ar10', query: '政务' });
  });

  it('parses search and rejects unknown or malformed hashes', () => {
    expect(parseHash('#/search?q=a+b')).toMatchObject({ name: 'search', query: 'a b', state: { query: 'a b', scope: 'clause', field: 'all', within: [], filters: {}, flat: false } });
    expect(parseHash('#/nope').name).toBe('not-found');
    expect(parseHash('#/doc/a/b/c').name).toBe('not-found');
    expect(parseHash('#/doc/%E0%A4%A').name).toBe('not-found');
  });

  it('round-trips every route shape', () => {
    const routes: Route[] = [
      { name: 'library', filters: EMPTY_FILTERS },
      { name: 'library', filters: { ...EMPTY_FILTERS, province: '山东省', city: '青岛市', issuer: '青岛市人民政府', kind: '办法', year: '2023', text: '政务 服务', sort: 'date-asc' } },
      { name: 'doc', docId: 'd-1', unitId: null, query: '' },
      { name: 'doc', docId: 'd-1', unitId: 'd-1~ch1.ar10', query: '行政 许可&x=1' },
      { name: 'annotations', filter: '' },
      { name: 'annotations', filter: 'type=note&tag=%E5%BE%85%E7%A0%94%E7%A9%B6' },
      { name: 'compare', a: 'p1', b: 'p2-x' },
    ];
    for (const r of routes) expect(parseHash(formatHash(r))).toEqual(r);
  });

  it('keeps the whole search state in the URL: scope, field, within, facets, view and page', () => {
    const state = { query: '营商环境?#', scope: 'doc', field: 'title', within: ['告知 承诺', '2023年'], filters: { region: ['山东省', '青岛市'], year: ['未注明'] }, flat: true, limit: 150, source: 'mine' } as const;
    const hash = formatHash({ name: 'search', query: state.query, state: { ...state, within: [...state.within], filters: { region: [...state.filters.region], year: [...state.filters.year] } } });
    expect(parseHash(hash)).toEqual({ name: 'search', query: state.query, state });
    expect(parseHash('#/search')).toMatchObject({ name: 'search', query: '', state: { limit: 50, filters: {} } });
    // Nonsense falls back to the defaults.
    expect(parseHash('#/search?q=x&scope=zz&field=yy&n=-3')).toMatchObject({ state: { scope: 'clause', field: 'all', limit: 50 } });
  });
});
