import { describe, expect, it } from 'vitest';
import type { DocSummary } from './types.js';
import { LIBRARY_HEAD_FILE, libraryHead, restoreLibraryHead } from './library-head.js';
import { buildCorpus } from './build.js';
import { corpusFiles } from './file-stream.js';
import { createHash } from 'node:crypto';

const sha = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');

function doc(id: string, over: Partial<DocSummary>): DocSummary {
  return { id, title: id, titleSource: 'title-line', issuer: '', issuers: [], docNumber: null, date: null, effectiveDate: null, authors: [], region: { level: 'national', province: null, city: null }, kind: '通知', sources: [], unitCount: 0, charCount: 0, bodyMissing: null, ...over };
}

const docs = [
  doc('p00000000001', { title: '青岛市办法', date: '2023-05-20', region: { level: 'city', province: '山东省', city: '青岛市' }, kind: '办法' }),
  doc('p00000000002', { title: '国家意见', kind: '意见' }),
  doc('p00000000003', { title: '上海市通知', date: '2024-03-01', region: { level: 'province', province: '上海市', city: null } }),
  doc('p00000000004', { title: '济南市措施', effectiveDate: '2023-09-01', region: { level: 'city', province: '山东省', city: '济南市' }, kind: '措施' }),
];

describe('libraryHead', () => {
  it('holds the first rows newest first (issued, else in force; undated last), the count, and the facets of all documents', () => {
    const head = libraryHead(docs, 3);
    expect(head.count).toBe(4);
    expect(head.rows.map((d) => d.id)).toEqual(['p00000000003', 'p00000000004', 'p00000000001']);
    expect(head.facets.province).toEqual([
      { value: '山东省', count: 2 },
      // Ties in pinyin order: quán before shàng.
      { value: '全国', count: 1 },
      { value: '上海市', count: 1 },
    ]);
    expect(head.facets.year.map((v) => `${v.value}:${v.count}`)).toEqual(['2024:1', '2023:2', '未注明:1']);
    // No province chosen: no city list, as in the app.
    expect(head.facets.city).toEqual([]);
  });

  it('comes back from JSON as it was written', () => {
    const head = libraryHead(docs);
    expect(restoreLibraryHead(JSON.parse(JSON.stringify(head)))).toEqual(head);
  });

  it('is passed over when any part of it is damaged or from another format', () => {
    const good = JSON.parse(JSON.stringify(libraryHead(docs)));
    const bad: unknown[] = [
      null,
      [],
      { ...good, v: 2 },
      { ...good, count: -1 + 0.5 },
      { ...good, count: 1 }, // more rows than documents
      { ...good, rows: [{ id: 'p00000000001' }] }, // a row without a title
      { ...good, rows: [good.rows[0], { id: 'p00000000002' }] }, // one good row, one without a title
      { ...good, facets: { ...good.facets, year: [{ value: '2024', count: '1' }] } },
      { ...good, facets: { ...good.facets, kind: undefined } },
    ];
    for (const b of bad) expect(restoreLibraryHead(b)).toBeNull();
  });

  it('is passed over when its count, rows or facets are not what the app reads', () => {
    const good = JSON.parse(JSON.stringify(libraryHead(docs)));
    const bad: unknown[] = [
      'library-head',
      { ...good, v: undefined },
      { ...good, count: '4' },
      { ...good, rows: { 0: good.rows[0] } },
      { ...good, facets: null },
      { ...good, facets: [] },
      { ...good, facets: { ...good.facets, province: { value: '山东省', count: 2 } } },
      { ...good, facets: { ...good.facets, province: [null] } },
      { ...good, facets: { ...good.facets, province: ['山东省'] } },
      { ...good, facets: { ...good.facets, province: [{ value: null, count: 2 }] } },
      { ...good, facets: { ...good.facets, year: [{ value: '2024', count: -1 }] } },
      { ...good, facets: { ...good.facets, year: [{ value: '2024', count: 1.5 }] } },
    ];
    for (const b of bad) expect(restoreLibraryHead(b), JSON.stringify(b).slice(0, 80)).toBeNull();
    for (const key of ['province', 'city', 'issuer', 'year', 'kind', 'source']) {
      expect(restoreLibraryHead({ ...good, facets: { ...good.facets, [key]: undefined } }), key).toBeNull();
    }
  });

  it('keeps a facet value counted zero times and a library with no documents', () => {
    const good = JSON.parse(JSON.stringify(libraryHead(docs)));
    const zero = { ...good, facets: { ...good.facets, kind: [...good.facets.kind, { value: '条例', count: 0 }] } };
    expect(restoreLibraryHead(zero)!.facets.kind.at(-1)).toEqual({ value: '条例', count: 0 });
    const empty = libraryHead([]);
    expect(empty).toMatchObject({ count: 0, rows: [] });
    expect(restoreLibraryHead(JSON.parse(JSON.stringify(empty)))).toEqual(empty);
  });

  it('holds forty rows by default, enough for a tall window', () => {
    const many = Array.from({ length: 45 }, (_, i) => doc(`p${String(i).padStart(11, '0')}`, { title: `第${i + 1}号通知`, date: `2023-01-${String((i % 28) + 1).padStart(2, '0')}` }));
    const head = libraryHead(many);
    expect(head.count).toBe(45);
    expect(head.rows).toHaveLength(40);
  });
});

describe('the build', () => {
  it('writes the head beside library.json, made from the same documents', () => {
    const text = '关于做好春季防火工作的通知\n\n各区人民政府：\n\n一、提高认识\n\n请各单位认真落实。\n\n某市人民政府\n2021年3月1日\n';
    const result = buildCorpus([{ name: 'a.txt', bytes: new TextEncoder().encode(text) }], sha);
    const { files, manifest } = corpusFiles(result, sha);
    const head = restoreLibraryHead(JSON.parse(files.get(LIBRARY_HEAD_FILE)!));
    expect(head).not.toBeNull();
    expect(head!.count).toBe(result.docs.length);
    expect(head!.rows.map((d) => d.title)).toEqual(JSON.parse(files.get('library.json')!).map((d: DocSummary) => d.title));
    expect(manifest.files).toContain(LIBRARY_HEAD_FILE);
    // The name the app asks for beside library.json, in every corpus already on disk.
    expect(files.has('library-head.json')).toBe(true);
  });
});
