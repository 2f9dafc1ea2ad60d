/**
 * What the search index is built from: one record per unit with searchable text, in reading order, documents
 * sorted by id, each document's facts in the search's vocabulary (worked out by hand for small documents).
 */
import { describe, expect, it } from 'vitest';
import type { PolicyDocument, Unit } from '../corpus/types.js';
import { docToSearchDoc, flattenCorpus, openingOf, searchTextOf } from './corpus-units.js';
import { testDocument } from '../../test-support/doc-fixtures.js';

function unit(path: string, level: Unit['level'], label: string, texts: string[], children: Unit[] = [], heading: string | null = null): Unit {
  return { id: `x~${path}`, path, level, label, heading, paragraphs: texts.map((text) => ({ text, pages: [] })), pages: [], children } as Unit;
}

/** A notice (the project's hand-made document, test-support/doc-fixtures.ts) with these fields. */
function doc(id: string, opts: Partial<PolicyDocument>, units: Unit[]): PolicyDocument {
  return testDocument(id, units, { title: '关于印发《上海市建筑工程施工许可管理规定》的通知', kind: '通知', ...opts });
}

describe('docToSearchDoc', () => {
  it('gives the issuers joined, the year of the date and the region as label and facet values', () => {
    const d = doc('sh-1', { issuers: ['上海市住房和城乡建设管理委员会', '上海市规划和自然资源局'], docNumber: '沪建规范〔2023〕5号', date: '2023-05-10', region: { level: 'city', province: '山东省', city: '青岛市' } as PolicyDocument['region'], kind: '规定' }, []);
    expect(docToSearchDoc(d)).toEqual({
      id: 'sh-1',
      title: '关于印发《上海市建筑工程施工许可管理规定》的通知',
      issuer: '上海市住房和城乡建设管理委员会、上海市规划和自然资源局',
      issuers: ['上海市住房和城乡建设管理委员会', '上海市规划和自然资源局'],
      docNumber: '沪建规范〔2023〕5号',
      year: '2023',
      region: '山东省 青岛市',
      regions: ['山东省', '青岛市'],
      kind: '规定',
    });
  });

  it('a document without issuer searches by no issuer text, though its facet says 未注明', () => {
    const s = docToSearchDoc(doc('x-1', {}, []));
    expect(s.issuer).toBe('');
    expect(s.issuers).toEqual(['未注明']);
    expect(s.year).toBeNull();
    expect(s.regions).toEqual(['未注明']);
  });
});

describe('searchTextOf and openingOf', () => {
  const k1 = unit('ar11.k1', 'clause', '第一款', ['【监督检查】市、区住房城乡建设管理部门应当加强对施工许可的监督检查。']);
  const k2 = unit('ar11.k2', 'clause', '第二款', ['发现建设单位不符合施工许可条件的，应当责令改正。']);
  const article = unit('ar11', 'article', '第十一条', [], [k1, k2]);

  it('a 款 is searched by its own words, without its label; an article by its label and text', () => {
    expect(searchTextOf(k2)).toBe('发现建设单位不符合施工许可条件的，应当责令改正。');
    expect(searchTextOf(unit('ar12', 'article', '第十二条', ['本规定自2023年6月1日起施行。']))).toBe('第十二条\n本规定自2023年6月1日起施行。');
  });

  it('an article whose text is all in its 款 opens with its first 款\'s words, cut at 120 characters', () => {
    expect(openingOf(article)).toBe('【监督检查】市、区住房城乡建设管理部门应当加强对施工许可的监督检查。');
    const long = '建设单位应当'.repeat(30);
    const opening = openingOf(unit('ar13', 'article', '第十三条', [], [unit('ar13.k1', 'clause', '第一款', [long])]))!;
    expect(opening.length).toBe(120);
    expect(long.startsWith(opening)).toBe(true);
    // Two paragraphs of the 款 are joined by a space.
    expect(openingOf(unit('ar14', 'article', '第十四条', [], [unit('ar14.k1', 'clause', '第一款', ['第一段。', '第二段。'])]))).toBe('第一段。 第二段。');
  });

  it('no opening for an article with text or a heading of its own, without a label, or whose first part is not a 款', () => {
    expect(openingOf(unit('a1', 'article', '第十一条', ['本条的文字。'], [k1]))).toBeUndefined();
    expect(openingOf(unit('a2', 'article', '第十一条', [], [k1], '监督检查'))).toBeUndefined();
    expect(openingOf(unit('a3', 'article', '', [], [k1]))).toBeUndefined();
    expect(openingOf(unit('a4', 'article', '第十一条', [], [unit('a4.i1', 'item', '（一）', ['施工许可证。'])]))).toBeUndefined();
    expect(openingOf(unit('a5', 'article', '第十一条', []))).toBeUndefined();
    // A 款 without words opens with nothing.
    expect(openingOf(unit('a6', 'article', '第十一条', [], [unit('a6.k1', 'clause', '第一款', [])]))).toBeUndefined();
  });
});

describe('flattenCorpus', () => {
  it('documents in id order, units in reading order, each with its trail; units without text are left out', () => {
    const article = unit('ch1.ar11', 'article', '第十一条', [], [
      unit('ch1.ar11.k1', 'clause', '第一款', ['市、区住房城乡建设管理部门应当加强监督检查。']),
      unit('ch1.ar11.k2', 'clause', '第二款', ['  ']),
    ]);
    const later = doc('z-2', { issuers: ['上海市人民政府'] }, [unit('ch1', 'chapter', '第一章', [], [article], '总则')]);
    const earlier = doc('a-1', { issuers: ['山东省人民政府'] }, [unit('p1', 'para', '', ['为优化营商环境，制定本办法。'])]);
    const given = [later, earlier];
    const c = flattenCorpus(given);
    expect(c.docs.map((d) => d.id)).toEqual(['a-1', 'z-2']);
    // The caller's list is left in its order.
    expect(given).toEqual([later, earlier]);
    expect(c.units).toEqual([
      { doc: 0, path: 'p1', text: '为优化营商环境，制定本办法。', trail: [] },
      { doc: 1, path: 'ch1', text: '第一章\n总则', trail: ['第一章'] },
      { doc: 1, path: 'ch1.ar11', text: '第十一条', trail: ['第一章', '第十一条'], opening: '市、区住房城乡建设管理部门应当加强监督检查。' },
      { doc: 1, path: 'ch1.ar11.k1', text: '市、区住房城乡建设管理部门应当加强监督检查。', trail: ['第一章', '第十一条', '第一款'] },
    ]);
  });

  it('takes a document’s records as given when `kept` knows them, without reading its units; the others from their units', () => {
    const mine = doc('m-1', {}, [unit('p1', 'para', '', ['本办法自印发之日起施行。'])]);
    const keptDoc = doc('k-1', {}, []);
    Object.defineProperty(keptDoc, 'units', {
      get() {
        throw new Error('its units were read');
      },
    });
    const records = [{ doc: 0, path: 'ar1', text: '第一条\n为了规范管理，制定本办法。', trail: ['第一条'] }];
    const asked: [string, number][] = [];
    const c = flattenCorpus([mine, keptDoc], (d, di) => (asked.push([d.id, di]), d === keptDoc ? records : null));
    expect(asked).toEqual([
      ['k-1', 0],
      ['m-1', 1],
    ]);
    expect(c.units).toEqual([records[0], { doc: 1, path: 'p1', text: '本办法自印发之日起施行。', trail: [] }]);
    expect(c.units[0]).toBe(records[0]);
  });
});
