import { describe, expect, it } from 'vitest';
import type { DocSummary } from './types.js';
import { EMPTY_FILTERS, SORT_KEYS, facetCounts, filterDocs, libraryIndex, setFacet, sortDocs, warmQuickFilter } from './library-filters.js';
import { NATIONAL_LABEL as NATIONAL, documentIssuers, documentYear, regionTop } from './facts.js';

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

  it('gets an empty library ready for the quick filter without failing', () => {
    const ix = libraryIndex([]);
    warmQuickFilter(ix);
    expect(filterDocs(ix, { ...EMPTY_FILTERS, text: '通知' })).toEqual([]);
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

describe('filtering and counting in one pass, against the definition', () => {
  // Random libraries and filters, checked against a plain reading of the rules written here: a document is
  // shown when it passes every filter; a facet value's count is the number of documents with that value that
  // pass every filter but that facet's own (and the quick filter).
  let seed = 11;
  // The high bits: a power-of-two LCG's low bits repeat with a short period.
  const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), Math.floor((seed / 2 ** 31) * n));
  const pick = <T,>(xs: readonly T[]): T => xs[rnd(xs.length)];
  const provinces = ['山东省', '上海市', '广东省'];
  const cities: Record<string, string[]> = { 山东省: ['青岛市', '济南市'], 上海市: [], 广东省: ['广州市', '深圳市'] };
  const issuers = ['人民政府', '财政局', '发展改革委', '教育局', '卫生健康委'];
  const kinds: DocSummary['kind'][] = ['通知', '办法', '意见', '方案', '条例'];
  const randomDoc = (i: number): DocSummary => {
    const level = pick(['national', 'province', 'city', 'unknown'] as const);
    const province = level === 'province' || level === 'city' ? pick(provinces) : null;
    const city = level === 'city' && province && cities[province].length ? pick(cities[province]) : null;
    const own = Array.from({ length: rnd(3) }, () => pick(issuers));
    const year = pick(['2021', '2022', '2023', null]);
    return doc(i % 7 === 0 ? `u${String(i).padStart(11, '0')}` : `d${i}`, {
      title: `${pick(['青岛', '上海', '全省'])}${pick(kinds)}关于${pick(['政务', '营商', '教育'])}的${pick(kinds)}`,
      docNumber: rnd(2) ? `鲁政发〔${2020 + rnd(4)}〕${rnd(30)}号` : null,
      date: year && rnd(4) ? `${year}-0${1 + rnd(9)}-1${rnd(9)}` : null,
      effectiveDate: year ? `${year}-12-01` : null,
      region: { level, province, city },
      kind: pick(kinds),
      issuers: own,
      authors: own.length && rnd(5) === 0 ? [own[0]] : [],
    });
  };
  const KEYS = ['province', 'city', 'issuer', 'year', 'kind', 'source'] as const;
  const valuesOf = (d: DocSummary): Record<(typeof KEYS)[number], string[]> => ({
    province: [regionTop(d.region)],
    city: d.region.city ? [d.region.city] : [],
    issuer: [...new Set(documentIssuers(d))],
    year: [documentYear(d) ?? '未注明'],
    kind: [d.kind],
    source: [/^u/.test(d.id) ? '我的文件' : '文库'],
  });
  const zh = new Intl.Collator('zh-Hans-CN');

  it('shows and counts what the rules say, for 200 random filters over random libraries', () => {
    for (let round = 0; round < 200; round++) {
      const lib = Array.from({ length: 40 + rnd(80) }, (_, i) => randomDoc(i));
      const f = {
        ...EMPTY_FILTERS,
        province: rnd(2) ? pick([...provinces, '全国', '未注明', '西藏自治区']) : null,
        city: rnd(4) === 0 ? pick(['青岛市', '广州市', '不存在市']) : null,
        issuer: rnd(3) === 0 ? pick([...issuers, '未注明']) : null,
        year: rnd(3) === 0 ? pick(['2021', '2023', '未注明', '1999', '2030']) : null,
        kind: rnd(3) === 0 ? pick(kinds) : null,
        source: rnd(5) === 0 ? pick(['我的文件', '文库']) : null,
        text: rnd(2) ? pick(['青岛', '办法', '〔2021〕', '营商的', ' 政务 ', '没有']) : '',
        sort: pick(SORT_KEYS),
      };
      const needle = f.text.trim();
      const matchesText = (d: DocSummary) => !needle || d.title.includes(needle) || (d.docNumber ?? '').includes(needle);
      const passesBut = (d: DocSummary, except: string | null) => matchesText(d) && KEYS.every((k) => k === except || !f[k] || valuesOf(d)[k].includes(f[k]!));
      const ix = libraryIndex(lib);
      const shown = filterDocs(ix, f);
      expect(shown.map((d) => d.id)).toEqual(sortDocs(lib, f.sort).filter((d) => passesBut(d, null)).map((d) => d.id));
      const facets = facetCounts(ix, f);
      for (const k of KEYS) {
        const counts = new Map<string, number>();
        for (const d of lib) if (passesBut(d, k)) for (const v of valuesOf(d)[k]) counts.set(v, (counts.get(v) ?? 0) + 1);
        if (f[k] && !counts.has(f[k]!)) counts.set(f[k]!, 0);
        const expected = [...counts].map(([value, count]) => ({ value, count }));
        if (k === 'year') expected.sort((a, b) => (a.value === '未注明' ? 1 : 0) - (b.value === '未注明' ? 1 : 0) || (a.value < b.value ? 1 : a.value > b.value ? -1 : 0));
        else expected.sort((a, b) => b.count - a.count || zh.compare(a.value, b.value));
        expect(facets[k], `${k} under ${JSON.stringify(f)}`).toEqual(k === 'city' && !f.province ? [] : expected);
      }
    }
  });
});
