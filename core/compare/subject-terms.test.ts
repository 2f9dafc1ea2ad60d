/**
 * What subject pairs read of one document (subject-terms.ts), worked out by hand on small documents, and the
 * store a build keeps them in for the next: it gives back what was put in, and refuses a store of other code,
 * a damaged one or a cut one.
 */
import { describe, expect, it } from 'vitest';
import { testDocument, testUnit } from '../../test-support/doc-fixtures.js';
import { articlesDoc, GREENING, HOUSING } from './fixtures/measures.js';
import { decodeSubjectTerms, encodeSubjectTerms, gramText, subjectTerms, termsOfKeys, type SubjectTerms } from './subject-terms.js';
import { hashWords } from './shingles.js';

const texts = (codes: Int32Array) => Array.from(codes, gramText);

describe('subjectTerms', () => {
  const doc = testDocument(
    'd1',
    [testUnit('d1', 'ar1', 'article', '第一条', ['森林防火，防火第一']), testUnit('d1', 'ar2', 'article', '第二条', ['负责森林防火，北京市人民政府监督。'])],
    { title: '关于北京市森林防火办法（2024年修订）', region: { level: 'province', province: '北京市', city: null }, issuers: ['北京市人民政府'] },
  );

  it("reads the core title's distinct bigrams in order, without the place's name", () => {
    // 北京市 (and 北京) go, leaving a gap no bigram spans (关于|森林…); the year's bracket goes with coreTitle.
    expect(texts(subjectTerms(doc).title)).toEqual(['关于', '森林', '林防', '防火', '火办', '办法']);
  });

  it("reads the body's distinct bigrams in order with their counts, without the issuer's name, across units kept apart", () => {
    const t = subjectTerms(doc);
    // 森林防火，防火第一|负责森林防火，|监督。: the issuer 北京市人民政府 is cut out, and no bigram spans two units (一负).
    expect(texts(t.body)).toEqual(['森林', '林防', '防火', '火第', '第一', '负责', '责森', '监督']);
    expect(Array.from(t.tf)).toEqual([2, 2, 3, 1, 1, 1, 1, 1]);
  });

  it("leaves out a district's or county's name without its 区 or 县, when two characters or more are left", () => {
    const at = (city: string, body: string) => texts(subjectTerms(articlesDoc('d3', '通知', [body], { region: { level: 'city', province: '福建省', city } })).body);
    // 思明区 → 思明 too; 沙县 → 沙 alone is not a name (沙漠 stays).
    expect(at('思明区', '思明辖区治理')).toEqual(['辖区', '区治', '治理']);
    expect(at('沙县', '沙县沙漠治理')).toEqual(['沙漠', '漠治', '治理']);
  });

  it('counts the first and last code points of the ideograph ranges', () => {
    expect(texts(subjectTerms(articlesDoc('d4', '通知', ['\u3400甲，乙\u9fff，\u33ff丙，丁\ua000'])).body)).toEqual(['\u3400甲', '乙\u9fff']);
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

  it('refuses a store whose checksum holds but whose parts do not fit: another magic or format, sizes that do not add up, keys missing', () => {
    const bytes = encodeSubjectTerms(keys, terms, 'code-1');
    // The checksum as the format defines it: FNV-1a over the header's first six words, then over all after the seventh.
    const resigned = (change: (w: Uint32Array) => void) => {
      const copy = bytes.slice();
      const w = new Uint32Array(copy.buffer);
      change(w);
      w[6] = hashWords(w.subarray(7), hashWords(w.subarray(0, 6)));
      return copy;
    };
    expect(decodeSubjectTerms(resigned(() => undefined), 'code-1')).not.toBeNull(); // re-signing alone keeps it whole
    expect(decodeSubjectTerms(resigned((w) => (w[0] ^= 1)), 'code-1')).toBeNull();
    expect(decodeSubjectTerms(resigned((w) => (w[1] = 2)), 'code-1')).toBeNull();
    // A document's title or body one word longer or shorter than the header's totals allow.
    for (const at of [7, 7 + 3]) for (const by of [1, -1]) expect(decodeSubjectTerms(resigned((w) => (w[at] += by)), 'code-1')).toBeNull();
    // One document more than the keys name.
    expect(decodeSubjectTerms(resigned((w) => (w[2] += 1)), 'code-1')).toBeNull();
    // A key more or fewer than the documents (the last line break made a letter, and the other way; the stamp, first, is kept).
    const text = (w: Uint32Array) => new Uint8Array(w.buffer, 4 * (w.length - Math.ceil(w[5] / 4)), w[5]);
    expect(decodeSubjectTerms(resigned((w) => (text(w)[text(w).lastIndexOf(0x0a)] = 0x78)), 'code-1')).toBeNull();
    expect(decodeSubjectTerms(resigned((w) => (text(w)[text(w).lastIndexOf(0x2d)] = 0x0a)), 'code-1')).toBeNull();
    // Not a whole number of words (also where it does not start on a word), or shorter than a header.
    expect(decodeSubjectTerms(bytes.subarray(0, bytes.length - 1), 'code-1')).toBeNull();
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(decodeSubjectTerms(shifted.subarray(1, bytes.length), 'code-1')).toBeNull();
    expect(decodeSubjectTerms(new Uint8Array(8), 'code-1')).toBeNull();
  });

  it('holds an empty corpus', () => {
    expect(decodeSubjectTerms(encodeSubjectTerms([], [], 'code-1'), 'code-1')).toEqual({ keys: [], terms: [] });
  });

  it('puts terms in the order of the keys, each from the first store that has it; none when a key is in no store', () => {
    const first = { keys: ['key-g', 'key-h'], terms: [terms[0], terms[1]] };
    const second = { keys: ['key-h', 'key-e'], terms: [terms[2], terms[2]] };
    const got = termsOfKeys(['key-e', 'key-h', 'key-g'], [first, null, second])!;
    expect(got).toEqual([terms[2], terms[1], terms[0]]);
    expect(termsOfKeys(['key-g', 'key-x'], [first, second])).toBeNull();
    expect(termsOfKeys([], [])).toEqual([]);
  });

  it('refuses keys and terms of different counts', () => {
    expect(() => encodeSubjectTerms(keys.slice(1), terms, 'code-1')).toThrow(/2 keys for 3 documents/);
  });
});
