import { describe, expect, it } from 'vitest';
import type { Region } from '../corpus/types';
import { annotationFacets, filterAnnotations, filterFromQuery, filterToQuery, matchesFilter, tagCounts, type AnnotationFilter } from './filter';
import { testAnnotation, testDoc } from '../../test-support/annotation-fixtures';
import { quoteOf } from './model';

const qd = testDoc('pqd', ['政务服务部门应当及时作出受理决定。'], '青岛市政务服务管理办法');
const sh = testDoc('psh', ['支持小微企业融资担保。'], '上海市支持小微企业发展若干措施');
const gw = testDoc('pgw', ['各地区各部门要认真贯彻执行。'], '国务院关于进一步优化政务服务的意见');
const nw = testDoc('pnw', ['本文未写明发文地区。'], '关于做好有关工作的通知');
const regions: Record<string, Region> = {
  pqd: { level: 'city', province: '山东省', city: '青岛市' },
  psh: { level: 'province', province: '上海市', city: null },
  pgw: { level: 'national', province: null, city: null },
  pnw: { level: 'unknown', province: null, city: null },
};
const summaryOf = (id: string) => (regions[id] ? { region: regions[id] } : null);

const list = [
  testAnnotation({ doc: qd, quote: '及时作出', colour: 'yellow', tags: ['待研究'], now: '2024-01-10T02:00:00.000Z' }),
  testAnnotation({ doc: qd, quote: '受理决定', colour: 'green', note: '与我局现行做法不一致', tags: ['待研究', '汇报用'], now: '2024-03-01T02:00:00.000Z' }),
  testAnnotation({ doc: qd, motivation: 'bookmarking', now: '2024-03-05T02:00:00.000Z' }),
  testAnnotation({ doc: sh, quote: '融资担保', colour: 'yellow', tags: ['汇报用'], now: '2024-05-01T02:00:00.000Z' }),
  { ...testAnnotation({ doc: testDoc('pgone', ['已删除的文件正文。'], '已删除的文件'), quote: '已删除' }), 'policyReader:orphaned': true as const },
];

const ids = (f: AnnotationFilter) => filterAnnotations(list, f, summaryOf).map((a) => list.indexOf(a));

describe('matchesFilter', () => {
  it('filters by type, colour, tag, document, region, date, text and orphan state', () => {
    expect(ids({})).toEqual([0, 1, 2, 3, 4]);
    expect(ids({ types: ['note'] })).toEqual([1]);
    expect(ids({ types: ['bookmark', 'note'] })).toEqual([1, 2]);
    expect(ids({ colours: ['yellow'] })).toEqual([0, 3, 4]);
    expect(ids({ tags: ['待研究', '汇报用'] })).toEqual([1]);
    expect(ids({ docIds: ['psh'] })).toEqual([3]);
    expect(ids({ regions: ['山东省'] })).toEqual([0, 1, 2]);
    expect(ids({ regions: ['青岛市'] })).toEqual([0, 1, 2]);
    expect(ids({ regions: ['未注明'] })).toEqual([4]);
    expect(ids({ from: '2024-03-01', to: '2024-03-31' })).toEqual([1, 2]);
    expect(ids({ text: '现行做法' })).toEqual([1]);
    expect(ids({ text: '融资 担保' })).toEqual([3]);
    expect(ids({ text: '青岛' })).toEqual([0, 1, 2]); // the document title counts
    expect(ids({ orphaned: true })).toEqual([4]);
    expect(matchesFilter(list[0], { types: ['highlight'], colours: ['yellow'] }, summaryOf)).toBe(true);
  });
});

describe('regions', () => {
  it('use the library\'s words: 全国 only for national documents, 未注明 where nobody says', () => {
    const more = [testAnnotation({ doc: gw, quote: '认真贯彻' }), testAnnotation({ doc: nw, quote: '发文地区' })];
    const f = annotationFacets([...list, ...more], {}, summaryOf);
    expect(Object.fromEntries(f.regions.map((r) => [r.value, r.count]))).toEqual({
      山东省: 3,
      青岛市: 3,
      未注明: 2, // the unknown region and the document the corpus lost
      全国: 1,
      上海市: 1,
    });
    expect(filterAnnotations([...list, ...more], { regions: ['全国'] }, summaryOf).map((a) => quoteOf(a)?.exact)).toEqual(['认真贯彻']);
  });
});

describe('facets', () => {
  it('count each facet over the other active filters', () => {
    const f = annotationFacets(list, { colours: ['yellow'] }, summaryOf);
    // colours ignore their own filter
    expect(f.colours.find((c) => c.value === 'green')!.count).toBe(1);
    expect(f.colours.find((c) => c.value === 'yellow')!.count).toBe(3);
    // other facets see only yellow ones
    expect(f.types).toEqual([
      { value: 'bookmark', count: 0 },
      { value: 'highlight', count: 3 },
      { value: 'note', count: 0 },
    ]);
    expect(f.tags).toEqual([
      { value: '待研究', count: 1 },
      { value: '汇报用', count: 1 },
    ]);
    expect(f.docIds).toHaveLength(3);
    expect(f.docIds).toContainEqual({ value: 'pqd', count: 1 });
    expect(tagCounts(list)).toEqual([
      { value: '待研究', count: 2 },
      { value: '汇报用', count: 2 },
    ]);
  });
});

describe('query string', () => {
  it('round-trips and ignores junk', () => {
    const f: AnnotationFilter = { types: ['note', 'highlight'], colours: ['yellow'], tags: ['待研究', 'a&b=c'], docIds: ['pqd'], regions: ['上海市'], from: '2024-01-01', to: '2024-12-31', text: '现行 做法', orphaned: false };
    const q = filterToQuery(f);
    expect(q).toContain('doc=pqd');
    expect(filterFromQuery(q)).toEqual(f);
    expect(filterFromQuery(`?${q}`)).toEqual(f);
    expect(filterFromQuery('type=spam&colour=black&from=yesterday&doc=&x=1&q=%E0%A4%A')).toEqual({});
    expect(filterToQuery({})).toBe('');
  });
});
