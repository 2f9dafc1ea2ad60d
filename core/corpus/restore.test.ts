import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restoreDocument, restoreLibrary, restoreSummary } from './restore.js';

const fixture = (p: string) => JSON.parse(readFileSync(new URL(`../../e2e/fixtures/corpus/${p}`, import.meta.url), 'utf8'));

describe('restoreLibrary', () => {
  it('keeps valid entries unchanged', () => {
    const lib = fixture('library.json');
    const r = restoreLibrary(lib);
    expect(r.dropped).toBe(0);
    expect(r.docs).toEqual(lib);
  });

  it('drops entries without id/title, with unsafe ids, and duplicates', () => {
    const good = { id: 'a', title: '甲' };
    const r = restoreLibrary([good, { id: 'b' }, { title: 'x' }, { id: '../etc', title: 'y' }, good, 7, null]);
    expect(r.docs.map((d) => d.id)).toEqual(['a']);
    expect(r.dropped).toBe(6);
  });

  it('defaults missing and mistyped fields', () => {
    const d = restoreSummary({ id: 'a', title: '甲', kind: '诗歌', date: '2023年', region: { city: '青岛市' }, issuers: ['甲', 3], sources: [{ file: 'f', firstPage: 2.5 }, 'bad'] });
    expect(d).toMatchObject({ kind: '其他', date: null, region: { province: null, city: null }, issuers: ['甲'], issuer: '甲', docNumber: null, titleSource: 'title-line' });
    expect(d!.sources).toEqual([{ file: 'f', startLine: 0, endLine: 0, firstPage: null, lastPage: null }]);
  });

  it('keeps a district under its city (杭州市 余杭区), and no district without a city', () => {
    const yuhang = { level: 'district', province: '浙江省', city: '杭州市', district: '余杭区' };
    expect(restoreSummary({ id: 'a', title: '甲', region: yuhang })!.region).toEqual(yuhang);
    expect(restoreSummary({ id: 'a', title: '甲', region: { ...yuhang, city: null } })!.region).not.toHaveProperty('district');
  });

  it('rejects something that is not a list', () => {
    expect(() => restoreLibrary({})).toThrow();
  });
});

describe('restoreDocument', () => {
  const id = 'shili-zhengwu-banfa-2023';
  it('keeps a valid document unchanged', () => {
    const doc = fixture(`docs/${id}.json`);
    expect(restoreDocument(doc, id)).toEqual(doc);
  });

  it('refuses a different id or format version', () => {
    const doc = fixture(`docs/${id}.json`);
    expect(() => restoreDocument(doc, 'other')).toThrow(expect.objectContaining({ code: 'id-mismatch' }));
    expect(() => restoreDocument({ ...doc, formatVersion: 2 }, id)).toThrow(expect.objectContaining({ code: 'format-version' }));
  });

  it('drops units of another document, duplicates and bad paragraphs', () => {
    const doc = fixture(`docs/${id}.json`);
    const u = doc.units[0];
    doc.units = [u, u, { ...u, id: 'x~ch1' }, { ...u, id: `${id}~z`, paragraphs: [{ text: 1 }, { text: 'ok', pages: ['3', 4] }], children: 'no' }];
    const r = restoreDocument(doc, id);
    expect(r.units.map((x) => x.id)).toEqual([u.id, `${id}~z`]);
    expect(r.units[1].paragraphs).toEqual([{ text: 'ok', pages: [4] }]);
    expect(r.units[1].children).toEqual([]);
  });
});
