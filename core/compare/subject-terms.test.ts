/**
 * What subject pairs read of one document (subject-terms.ts), worked out by hand on small documents, and the
 * store a build keeps them in for the next: it gives back what was put in, and refuses a store of other code,
 * a damaged one or a cut one.
 */
import { describe, expect, it } from 'vitest';
import { testDocument, testUnit } from '../../test-support/doc-fixtures.js';
import { articlesDoc, GREENING, HOUSING } from './fixtures/measures.js';
import { decodeSubjectTerms, encodeSubjectTerms, gramText, subjectTerms, type SubjectTerms } from './subject-terms.js';

const texts = (codes: Int32Array) => Array.from(codes, gramText);

describe('subjectTerms', () => {
  const doc = testDocument(
    'd1',
    [testUnit('d1', 'ar1', 'article', '第一条', ['森林防火，防火第一。']), testUnit('d1', 'ar2', 'article', '第二条', ['北京市人民政府负责森林防火。'])],
    { title: '北京市森林防火办法（2024年修订）', region: { level: 'province', province: '北京市', city: null }, issuers: ['北京市人民政府'] },
  );

  it("reads the core title's distinct bigrams in order, without the place's name", () => {
    // 北京市 (and 北京) go; the year's bracket goes with coreTitle.
    expect(texts(subjectTerms(doc).title)).toEqual(['森林', '林防', '防火', '火办', '办法']);
  });

  it("reads the body's distinct bigrams in order with their counts, without the issuer's name, across units kept apart", () => {
    const t = subjectTerms(doc);
    // 森林防火，防火第一。||负责森林防火。: the issuer 北京市人民政府 is cut out, and no bigram spans two units.
    expect(texts(t.body)).toEqual(['森林', '林防', '防火', '火第', '第一', '负责', '责森']);
    expect(Array.from(t.tf)).toEqual([2, 2, 3, 1, 1, 1, 1]);
  });

  it('counts a bigram only between two ideographs', () => {
    const t = subjectTerms(articlesDoc('d2', '关于A类2024事项', ['第1条规定ab两项']));
    expect(texts(t.title)).toEqual(['关于', '事项']);
    expect(texts(t.body)).toEqual(['条规', '规定', '两项']);
  });
});

describe('the store of terms', () => {
  const docs = [articlesDoc('g', '城市绿化条例', GREENING), articlesDoc('h', '住房公积金管理条例', HOUSING), articlesDoc('e', '空文件', [])];
  const terms = docs.map(subjectTerms);
  const keys = ['key-g', 'key-h', 'key-e'];
  const same = (a: SubjectTerms, b: SubjectTerms) => expect([Array.from(a.title), Array.from(a.body), Array.from(a.tf)]).toEqual([Array.from(b.title), Array.from(b.body), Array.from(b.tf)]);

  it('gives back every document’s terms under its key, in order', () => {
    const back = decodeSubjectTerms(encodeSubjectTerms(keys, terms, 'code-1'), 'code-1')!;
    expect(back.keys).toEqual(keys);
    expect(back.terms.length).toBe(3);
    back.terms.forEach((t, i) => same(t, terms[i]));
    expect(back.terms[2].body.length).toBe(0);
    expect(back.terms[0].body.length).toBeGreaterThan(50);
  });

  it('reads a store that does not start on a word (a copy is made)', () => {
    const bytes = encodeSubjectTerms(keys, terms, 'code-1');
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const back = decodeSubjectTerms(shifted.subarray(1), 'code-1')!;
    back.terms.forEach((t, i) => same(t, terms[i]));
  });

  it('refuses a store made by other code, a changed word, a cut store and other bytes', () => {
    const bytes = encodeSubjectTerms(keys, terms, 'code-1');
    expect(decodeSubjectTerms(bytes, 'code-2')).toBeNull();
    for (const at of [4 * 3, 4 * 20, bytes.length - 1]) {
      const changed = bytes.slice();
      changed[at] ^= 1;
      expect(decodeSubjectTerms(changed, 'code-1')).toBeNull();
    }
    expect(decodeSubjectTerms(bytes.subarray(0, bytes.length - 4), 'code-1')).toBeNull();
    expect(decodeSubjectTerms(new TextEncoder().encode('not a store of terms'), 'code-1')).toBeNull();
    expect(decodeSubjectTerms(new Uint8Array(0), 'code-1')).toBeNull();
  });

  it('holds an empty corpus', () => {
    expect(decodeSubjectTerms(encodeSubjectTerms([], [], 'code-1'), 'code-1')).toEqual({ keys: [], terms: [] });
  });

  it('refuses keys and terms of different counts', () => {
    expect(() => encodeSubjectTerms(keys.slice(1), terms, 'code-1')).toThrow(/2 keys for 3 documents/);
  });
});
