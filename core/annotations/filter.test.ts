import { describe, expect, it } from 'vitest';
import type { Region } from '../corpus/types';
import { annotationFacets, type FacetCount, filterAnnotations, filterFromQuery, filterToQuery, matchesFilter, tagCounts, type AnnotationFilter } from './filter';
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

describe('each facet counts over the other filters, whichever is active', () => {
  const count = (facet: FacetCount[]) => Object.fromEntries(facet.map((c) => [c.value, c.count]));

  it('types, tags, documents and regions ignore their own selection and obey the others', () => {
    expect(count(annotationFacets(list, { types: ['note'] }, summaryOf).types)).toEqual({ bookmark: 1, highlight: 3, note: 1 });
    expect(count(annotationFacets(list, { types: ['note'] }, summaryOf).tags)).toEqual({ 待研究: 1, 汇报用: 1 });
    expect(count(annotationFacets(list, { tags: ['汇报用'] }, summaryOf).tags)).toEqual({ 待研究: 2, 汇报用: 2 });
    expect(count(annotationFacets(list, { docIds: ['psh'] }, summaryOf).docIds)).toEqual({ pqd: 3, psh: 1, pgone: 1 });
    expect(count(annotationFacets(list, { regions: ['上海市'] }, summaryOf).regions)).toEqual({ 山东省: 3, 青岛市: 3, 上海市: 1, 未注明: 1 });
    expect(count(annotationFacets(list, { regions: ['上海市'] }, summaryOf).docIds)).toEqual({ psh: 1 });
  });

  it('colours: every colour of the toolbar, in its order, and a bookmark counts for none', () => {
    const f = annotationFacets(list, {}, summaryOf);
    expect(f.colours).toEqual([
      { value: 'yellow', count: 3 },
      { value: 'green', count: 1 },
      { value: 'blue', count: 0 },
      { value: 'pink', count: 0 },
      { value: 'purple', count: 0 },
      { value: 'orange', count: 0 },
    ]);
  });

  it('most used first, then in pinyin order', () => {
    const tagged = (tags: string[]) => testAnnotation({ doc: qd, quote: '及时作出', tags });
    expect(tagCounts([tagged(['汇报', '阿里']), tagged(['重点']), tagged(['重点', '汇报']), tagged(['重点'])]).map((t) => t.value)).toEqual(['重点', '汇报', '阿里']);
    expect(tagCounts([tagged(['汇报']), tagged(['阿里'])]).map((t) => t.value)).toEqual(['阿里', '汇报']);
  });
});

describe('filter details', () => {
  it('regions are OR, words are AND, and a word must sit inside one field', () => {
    expect(ids({ regions: ['山东省', '上海市'] })).toEqual([0, 1, 2, 3]);
    expect(ids({ text: '融资 青岛' })).toEqual([]);
    // Chinese words apart: each may sit in another field (the title, a tag), as with Latin words.
    expect(ids({ text: '青岛 待研究' })).toEqual([0, 1]);
    expect(ids({ text: '待研究　汇报用' })).toEqual([1]);
    // 受理决定 is the quote of #1 and 与我局 its note: the two do not run together.
    expect(ids({ text: '受理决定与我局' })).toEqual([]);
  });

  it('dates: either end alone bounds the range, both ends inclusive; an unreadable date is outside any range', () => {
    expect(ids({ to: '2024-03-01' })).toEqual([0, 1]);
    expect(ids({ from: '2024-05-01' })).toEqual([3, 4]);
    const broken = { ...list[0], created: '不是日期' };
    expect(filterAnnotations([broken], { from: '2024-01-01' }, summaryOf)).toEqual([]);
    expect(filterAnnotations([broken], { to: '2024-12-31' }, summaryOf)).toEqual([broken]);
  });
});

describe('query string details', () => {
  it('reads hand-edited links: + as a space, padded values, bad escapes and unknown keys ignored, orphan flags', () => {
    expect(filterFromQuery('q=现行+做法')).toEqual({ text: '现行 做法' });
    expect(filterFromQuery('q=%20现行%20&tag=%20待研究%20')).toEqual({ text: '现行', tags: ['待研究'] });
    expect(filterFromQuery('tag=%E0%A4%A&tag=好')).toEqual({ tags: ['好'] });
    expect(filterFromQuery('type=note&docs')).toEqual({ types: ['note'] });
    expect(filterFromQuery('q=为什么?')).toEqual({ text: '为什么?' });
    expect(filterFromQuery('#orphaned=1')).toEqual({ orphaned: true });
    expect(filterFromQuery('orphaned=0')).toEqual({ orphaned: false });
    expect(filterFromQuery('orphaned=yes')).toEqual({});
    expect(filterFromQuery('to=tomorrow&from=x2024-01-01')).toEqual({});
    expect(filterFromQuery('to=2024-01-01x')).toEqual({});
    expect(filterFromQuery('to=2024-12-31')).toEqual({ to: '2024-12-31' });
  });

  it('writes the text trimmed, and none when it is blank', () => {
    expect(filterToQuery({ text: '   ' })).toBe('');
    expect(filterToQuery({ text: ' 现行 ', orphaned: true })).toBe(`q=${encodeURIComponent('现行')}&orphaned=1`);
  });
});
