import { describe, expect, it } from 'vitest';
import type { DocSummary } from './types.js';
import { EMPTY_FILTERS, SORT_KEYS, facetCounts, filterDocs, libraryIndex, setFacet, warmQuickFilter } from './library-filters.js';
import { NATIONAL_LABEL as NATIONAL } from './facts.js';

function doc(id: string, over: Partial<DocSummary>): DocSummary {
  return { id, title: id, titleSource: 'title-line', issuer: '', issuers: [], docNumber: null, date: null, effectiveDate: null, authors: [], region: { level: 'national', province: null, city: null }, kind: '通知', sources: [], unitCount: 0, charCount: 0, bodyMissing: null, ...over };
}

const docs = [
  doc('qd', { title: '青岛市政务服务管理办法', date: '2023-05-20', region: { level: 'city', province: '山东省', city: '青岛市' }, kind: '办法', issuers: ['青岛市人民政府'] }),
  doc('jn', { title: '济南市支持措施', date: '2022-01-02', region: { level: 'city', province: '山东省', city: '济南市' }, kind: '措施', issuers: ['济南市人民政府', '济南市财政局'] }),
  doc('sd', { title: '山东省通知', date: '2023', region: { level: 'province', province: '山东省', city: null }, issuers: ['山东省人民政府'], docNumber: '鲁政发〔2023〕1号' }),
  doc('sh', { title: '上海市通知', date: '2024-03-01', region: { level: 'province', province: '上海市', city: null } }),
  doc('cn', { title: '国家意见', kind: '意见' }),
];

describe('filterDocs', () => {
  it('offers the three sorts, newest first by default', () => {
    expect([...SORT_KEYS].sort()).toEqual(['date-asc', 'date-desc', 'title']);
    expect(EMPTY_FILTERS.sort).toBe('date-desc');
  });

  it('sorts by title in pinyin order, and documents of one date by title', () => {
    const provinces = [
      doc('p4', { title: '重庆市通知', date: '2023-01-01' }),
      doc('p1', { title: '上海市通知', date: '2023-01-01' }),
      doc('p3', { title: '北京市通知', date: '2023-01-01' }),
      doc('p2', { title: '安徽省通知', date: '2023-01-01' }),
      doc('p0', { title: '安徽省通知', date: '2023-01-01' }),
    ];
    // 安 an, 北 bei, 重 chong, 上 shang; two equal titles by id.
    const expected = ['p0', 'p2', 'p3', 'p4', 'p1'];
    expect(filterDocs(provinces, { ...EMPTY_FILTERS, sort: 'title' }).map((d) => d.id)).toEqual(expected);
    expect(filterDocs(provinces, EMPTY_FILTERS).map((d) => d.id)).toEqual(expected);
    expect(filterDocs(provinces, { ...EMPTY_FILTERS, sort: 'date-asc' }).map((d) => d.id)).toEqual(expected);
    // By title whatever the dates: 国 guo, 济 ji, 青 qing, 山 shan, 上 shang.
    expect(filterDocs(docs, { ...EMPTY_FILTERS, sort: 'title' }).map((d) => d.title)).toEqual(['国家意见', '济南市支持措施', '青岛市政务服务管理办法', '山东省通知', '上海市通知']);
  });

  it('lists undated documents last oldest first too, wherever they stand in the list', () => {
    const list = [doc('n1', {}), doc('a', { date: '2020-01-01' }), doc('n2', {}), doc('b', { date: '2021-01-01' }), doc('c', { date: '2019-01-01' })];
    expect(filterDocs(list, { ...EMPTY_FILTERS, sort: 'date-asc' }).map((d) => d.id)).toEqual(['c', 'a', 'b', 'n1', 'n2']);
    expect(filterDocs(list, EMPTY_FILTERS).map((d) => d.id)).toEqual(['b', 'a', 'c', 'n1', 'n2']);
  });

  it('sorts by date, newest first, undated last', () => {
    expect(filterDocs(docs, EMPTY_FILTERS).map((d) => d.id)).toEqual(['sh', 'qd', 'sd', 'jn', 'cn']);
    expect(filterDocs(docs, { ...EMPTY_FILTERS, sort: 'date-asc' }).map((d) => d.id)).toEqual(['jn', 'sd', 'qd', 'sh', 'cn']);
  });

  it('filters by province, city, issuer, year and kind together', () => {
    expect(filterDocs(docs, { ...EMPTY_FILTERS, province: '山东省' }).map((d) => d.id)).toEqual(['qd', 'sd', 'jn']);
    expect(filterDocs(docs, { ...EMPTY_FILTERS, province: '山东省', city: '青岛市' }).map((d) => d.id)).toEqual(['qd']);
    expect(filterDocs(docs, { ...EMPTY_FILTERS, issuer: '济南市财政局' }).map((d) => d.id)).toEqual(['jn']);
    expect(filterDocs(docs, { ...EMPTY_FILTERS, year: '2023', kind: '通知' }).map((d) => d.id)).toEqual(['sd']);
    expect(filterDocs(docs, { ...EMPTY_FILTERS, province: NATIONAL }).map((d) => d.id)).toEqual(['cn']);
  });

  it('quick filter matches title and 文号, folding full-width forms', () => {
    expect(filterDocs(docs, { ...EMPTY_FILTERS, text: ' 政务 ' }).map((d) => d.id)).toEqual(['qd']);
    expect(filterDocs(docs, { ...EMPTY_FILTERS, text: '〔2023〕1号' }).map((d) => d.id)).toEqual(['sd']);
    expect(filterDocs(docs, { ...EMPTY_FILTERS, text: '不存在' })).toEqual([]);
  });

  it('quick filter does not match across the end of the title and the 文号', () => {
    // 山东省通知 + 鲁政发〔2023〕1号: "通知鲁政" is in neither.
    expect(filterDocs(docs, { ...EMPTY_FILTERS, text: '通知鲁政' })).toEqual([]);
    expect(facetCounts(docs, { ...EMPTY_FILTERS, text: '通知鲁政' }).kind).toEqual([]);
  });
});

describe('facetCounts', () => {
  it('counts every facet over the other active filters', () => {
    const f = facetCounts(docs, { ...EMPTY_FILTERS, province: '山东省' });
    expect(f.province).toEqual([
      { value: '山东省', count: 3 },
      { value: '全国', count: 1 },
      { value: '上海市', count: 1 },
    ]);
    expect(f.city).toEqual([
      { value: '济南市', count: 1 },
      { value: '青岛市', count: 1 },
    ]);
    expect(f.year).toEqual([
      { value: '2023', count: 2 },
      { value: '2022', count: 1 },
    ]);
    expect(f.kind.find((k) => k.value === '通知')).toEqual({ value: '通知', count: 1 });
  });

  it('offers no cities until a province is chosen, and keeps an emptied selection visible', () => {
    expect(facetCounts(docs, EMPTY_FILTERS).city).toEqual([]);
    const f = facetCounts(docs, { ...EMPTY_FILTERS, kind: '意见', year: '2024' });
    expect(f.year).toContainEqual({ value: '2024', count: 0 });
  });

  it('changing the province clears the city, changing anything else keeps it', () => {
    expect(setFacet({ ...EMPTY_FILTERS, province: '山东省', city: '青岛市' }, 'province', '上海市')).toMatchObject({ province: '上海市', city: null });
    expect(setFacet({ ...EMPTY_FILTERS, province: '山东省', city: '青岛市' }, 'kind', '办法')).toMatchObject({ province: '山东省', city: '青岛市', kind: '办法' });
  });

  it('counts a document that fails two filters for no facet, and counts only what the quick filter keeps', () => {
    // sh (上海市, 通知) fails both 山东省 and 办法; only qd passes 办法, so the province facet shows 山东省 alone.
    const f = facetCounts(docs, { ...EMPTY_FILTERS, province: '山东省', kind: '办法' });
    expect(f.province).toEqual([{ value: '山东省', count: 1 }]);
    expect(f.kind).toEqual([
      { value: '办法', count: 1 },
      { value: '措施', count: 1 },
      { value: '通知', count: 1 },
    ]);
    const q = facetCounts(docs, { ...EMPTY_FILTERS, text: '通知' });
    expect(q.province).toEqual([
      { value: '山东省', count: 1 },
      { value: '上海市', count: 1 },
    ]);
    expect(q.kind).toEqual([{ value: '通知', count: 2 }]);
  });

  it('tells the user\'s own documents from the library\'s, by id', () => {
    const mixed = [...docs, doc('u0123456789a', { title: '我导入的实施方案', kind: '方案', date: '2024-05-01' })];
    expect(facetCounts(mixed, EMPTY_FILTERS).source).toEqual([
      { value: '文库', count: 5 },
      { value: '我的文件', count: 1 },
    ]);
    expect(filterDocs(mixed, { ...EMPTY_FILTERS, source: '我的文件' }).map((d) => d.id)).toEqual(['u0123456789a']);
  });
});

describe('the library says what it knows, in one vocabulary', () => {
  const more = [
    ...docs,
    doc('art', { title: '署名文章', kind: '文章', issuer: '李翊、柴恩旺', issuers: ['李翊', '柴恩旺'], authors: ['李翊', '柴恩旺'], region: { level: 'unknown', province: null, city: null } }),
    doc('eff', { title: '只有施行日期的办法', effectiveDate: '2023-07-01', region: { level: 'city', province: '山东省', city: '青岛市' }, issuers: ['青岛市人民政府'] }),
  ];

  it('does not list the authors of a signed article as issuers', () => {
    const issuers = facetCounts(more, EMPTY_FILTERS).issuer.map((v) => v.value);
    expect(issuers).not.toContain('李翊');
    expect(issuers).not.toContain('柴恩旺');
    expect(issuers).toContain('青岛市人民政府');
  });

  it('files national documents under 全国 and unknown origin under 未注明', () => {
    const provinces = facetCounts(more, EMPTY_FILTERS).province.map((v) => v.value);
    expect(provinces).toEqual(expect.arrayContaining(['全国', '未注明', '山东省']));
    expect(filterDocs(more, { ...EMPTY_FILTERS, province: '未注明' }).map((d) => d.id)).toEqual(['art']);
  });

  it('sorts a document by its effective date when it has no issue date', () => {
    // eff (施行 2023-07-01) sits between qd (2023-05-20) and sh (2024-03-01).
    expect(filterDocs(more, EMPTY_FILTERS).map((d) => d.id)).toEqual(['sh', 'eff', 'qd', 'sd', 'jn', 'cn', 'art']);
  });

  it('lists years newest first and 未注明 last: it is no year', () => {
    expect(facetCounts(more, EMPTY_FILTERS).year.map((v) => v.value)).toEqual(['2024', '2023', '2022', '未注明']);
  });

  it('filters the same through an index built once as from the list', () => {
    const ix = libraryIndex(more);
    warmQuickFilter(ix);
    // The titles are folded ahead of the first key (the index's documented cache).
    expect(ix.text).toHaveLength(more.length);
    for (const f of [EMPTY_FILTERS, { ...EMPTY_FILTERS, province: '山东省', sort: 'title' as const }, { ...EMPTY_FILTERS, text: '通知', year: '2024' }]) {
      expect(filterDocs(ix, f)).toEqual(filterDocs(more, f));
      expect(facetCounts(ix, f)).toEqual(facetCounts(more, f));
    }
  });
});
