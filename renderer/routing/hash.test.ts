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
    expect(parseHash('#/search?q=a+b')).toEqual({ name: 'search', query: 'a b' });
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
      { name: 'search', query: '' },
      { name: 'search', query: '营商环境?#' },
      { name: 'compare', a: 'p1', b: 'p2-x' },
    ];
    for (const r of routes) expect(parseHash(formatHash(r))).toEqual(r);
  });
});
