import { describe, expect, it } from 'vitest';
import type { KeyFile } from './key.js';
import { mutateFile } from './mutate.js';

const raw = ['# Page 1:', '　　中华人民共和国义务', '　　教育法', '（1986年4月12日通过　2018年12月29日修正）', '第一条 为了保障适龄儿童接受义务教育的权利。', ''].join('\n');
const file: KeyFile = {
  file: '001_L03.txt',
  layout: 'L03',
  genre: 'law',
  extractor: 'pdfjs',
  pages: 1,
  accuracy: 1,
  docs: [
    {
      key: '001_L03#1',
      title: '中华人民共和国义务教育法',
      docNumber: null,
      date: '2018-12-29',
      adoptedDate: '1986-04-12',
      effectiveDate: null,
      issuer: '全国人民代表大会',
      issuerAlternatives: [],
      region: { level: 'national', province: null, city: null },
      kind: '法',
      articles: 1,
      startLine: 2,
      titleLine: 2,
      endLine: 5,
      sentences: ['为了保障适龄儿童接受义务教育的权利。'],
      wrapPhrases: [],
      versionGroup: '中华人民共和国义务教育法',
      source: { repo: 'LawRefBook/Laws', path: '行政法/义务教育法(2018-12-29).md', commit: 'c' },
    },
  ],
};

describe('mutateFile', () => {
  const m = mutateFile(raw, file, 1, '400_L03_m1');
  const lines = m.raw.split('\n');
  const city = m.file.docs[0].title.replace('义务教育法', '');
  it('renames the title for a city on its first line, keeping every line where it was', () => {
    expect(lines).toHaveLength(raw.split('\n').length);
    expect(city).toMatch(/^.{2,}[市州盟区]$/);
    expect(lines[1]).toBe(`　　${city}义务`);
    expect(lines[2]).toBe('　　教育法');
  });
  it('moves every year back by a multiple of four, in the text and in the key alike', () => {
    const delta = 2018 - Number(m.file.docs[0].date!.slice(0, 4));
    expect(delta % 4).toBe(0);
    expect(delta).toBeGreaterThan(0);
    expect(lines[3]).toBe(`（${1986 - delta}年4月12日通过　${2018 - delta}年12月29日修正）`);
    expect(m.file.docs[0].adoptedDate).toBe(`${1986 - delta}-04-12`);
  });
  it('marks the copy so the scorer leaves it out, and drops it from version groups', () => {
    expect(m.file.file).toBe('400_L03_m1.txt');
    expect(m.file.docs[0]).toMatchObject({ key: '400_L03_m1#1', mutated: true, versionGroup: null, startLine: 2, endLine: 5 });
  });
});
