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

/** A library entry as the build writes it (青岛's 政务服务 办法), to damage field by field. */
const ENTRY = {
  id: 'p8878abf8d89',
  title: '青岛市政务服务管理办法',
  titleSource: 'title-line',
  issuer: '青岛市人民政府',
  issuers: ['青岛市人民政府'],
  docNumber: '青岛市人民政府令第285号',
  date: '2023-05-20',
  effectiveDate: '2023-07-01',
  authors: [],
  region: { level: 'city', province: '山东省', city: '青岛市' },
  kind: '办法',
  sources: [{ file: 'qingdao/banfa.pdf.txt', startLine: 1, endLine: 120, firstPage: 1, lastPage: 6 }],
  unitCount: 42,
  charCount: 9800,
  bodyMissing: null,
};

describe('restoreSummary of damaged or odd entries', () => {
  it('keeps every kind, title source and region level the build writes', () => {
    const kinds = ['通知', '办法', '意见', '方案', '措施', '条例', '规定', '要点', '计划', '细则', '决定', '公告', '法', '解释', '规则', '修正案', '批复', '答复', '函', '预案', '通报', '规范', '指南', '解读', '新闻', '文章', '其他'];
    expect(kinds.map((kind) => restoreSummary({ ...ENTRY, kind })!.kind)).toEqual(kinds);
    const sources = ['title-line', 'running-header', 'trailing-title', 'inferred'];
    expect(sources.map((titleSource) => restoreSummary({ ...ENTRY, titleSource })!.titleSource)).toEqual(sources);
    expect(restoreSummary({ ...ENTRY, titleSource: 'guessed' })!.titleSource).toBe('title-line');
    expect(restoreSummary({ ...ENTRY, region: { level: 'national', province: null, city: null } })!.region).toEqual({ level: 'national', province: null, city: null });
    expect(restoreSummary({ ...ENTRY, region: { level: 'province', province: '上海市', city: null } })!.region).toEqual({ level: 'province', province: '上海市', city: null });
    expect(restoreSummary({ ...ENTRY, region: { level: 'unknown', province: null, city: null } })!.region).toEqual({ level: 'unknown', province: null, city: null });
    // A level that names a place the entry does not name is not kept.
    expect(restoreSummary({ ...ENTRY, region: { level: 'city', province: null, city: null } })!.region).toEqual({ level: 'unknown', province: null, city: null });
  });

  it('derives the region level of files written before it existed from the places named', () => {
    expect(restoreSummary({ ...ENTRY, region: { province: '山东省', city: '青岛市' } })!.region).toEqual({ level: 'city', province: '山东省', city: '青岛市' });
    expect(restoreSummary({ ...ENTRY, region: { province: '上海市', city: null } })!.region).toEqual({ level: 'province', province: '上海市', city: null });
    expect(restoreSummary({ ...ENTRY, region: { province: '', city: '' } })!.region).toEqual({ level: 'unknown', province: null, city: null });
    expect(restoreSummary({ ...ENTRY, region: { level: 'galaxy', province: '山东省', city: null } })!.region).toEqual({ level: 'province', province: '山东省', city: null });
    expect(restoreSummary({ ...ENTRY, region: ['山东省', '青岛市'] })!.region).toEqual({ level: 'unknown', province: null, city: null });
    expect(restoreSummary({ ...ENTRY, region: undefined })!.region).toEqual({ level: 'unknown', province: null, city: null });
    expect(restoreSummary({ ...ENTRY, region: { level: 'district', province: '浙江省', city: '杭州市', district: '' } })!.region).toEqual({ level: 'district', province: '浙江省', city: '杭州市' });
  });

  it('keeps only ids safe in a URL and an element id', () => {
    for (const id of ['p8878abf8d89', 'u0123456789a', 'shili-zhengwu-banfa-2023', 'a.b_c~d']) expect(restoreSummary({ ...ENTRY, id })?.id).toBe(id);
    for (const id of ['', 'p8878 abf8d89', '#p8878', 'p8878/..', '示例', 'p8878abf8d89\n', 7]) expect(restoreSummary({ ...ENTRY, id }), String(id)).toBeNull();
    expect(restoreSummary({ ...ENTRY, title: '' })).toBeNull();
    expect(restoreSummary({ ...ENTRY, title: ['青岛市政务服务管理办法'] })).toBeNull();
    expect(restoreSummary([ENTRY])).toBeNull();
    expect(restoreSummary('p8878abf8d89')).toBeNull();
  });

  it('keeps ISO dates to the day, month or year, and drops dates of any other form', () => {
    const dates = (date: unknown) => {
      const d = restoreSummary({ ...ENTRY, date, effectiveDate: date, adoptedDate: date })!;
      return [d.date, d.effectiveDate, d.adoptedDate ?? 'absent'];
    };
    expect(dates('2023-05-20')).toEqual(['2023-05-20', '2023-05-20', '2023-05-20']);
    expect(dates('2023-05')).toEqual(['2023-05', '2023-05', '2023-05']);
    expect(dates('2023')).toEqual(['2023', '2023', '2023']);
    for (const bad of ['2023年5月20日', '2023-5-20', '23-05-20', '2023-05-20T00:00', 'x2023-05-20', '', 20230520, null]) expect(dates(bad), String(bad)).toEqual([null, null, 'absent']);
  });

  it('keeps what the entry names, drops what is not text, and reads the issuer from the issuers when it is missing', () => {
    const d = restoreSummary({ ...ENTRY, issuer: undefined, issuers: ['山东省人民政府', '', 5, '青岛市人民政府'], authors: ['李翊', '', null, '柴恩旺'], docNumber: '' })!;
    expect(d.issuers).toEqual(['山东省人民政府', '青岛市人民政府']);
    expect(d.issuer).toBe('山东省人民政府、青岛市人民政府');
    expect(d.authors).toEqual(['李翊', '柴恩旺']);
    expect(d.docNumber).toBeNull();
    expect(restoreSummary({ ...ENTRY, issuers: '青岛市人民政府', authors: '李翊' })).toMatchObject({ issuers: [], authors: [], issuer: '青岛市人民政府', docNumber: '青岛市人民政府令第285号' });
  });

  it('counts only whole numbers, and reads a source without its lines or pages', () => {
    expect(restoreSummary({ ...ENTRY, unitCount: 42.5, charCount: '9800' })).toMatchObject({ unitCount: 0, charCount: 0 });
    expect(restoreSummary({ ...ENTRY, unitCount: 42, charCount: 9800 })).toMatchObject({ unitCount: 42, charCount: 9800 });
    expect(restoreSummary({ ...ENTRY, sources: [{ file: 'a.txt', startLine: '1', endLine: 7.5, firstPage: 3, lastPage: 4 }, { file: 9 }, null] })!.sources).toEqual([{ file: 'a.txt', startLine: 0, endLine: 0, firstPage: 3, lastPage: 4 }]);
    expect(restoreSummary({ ...ENTRY, sources: { file: 'a.txt' } })!.sources).toEqual([]);
  });

  it('says why a document has no body, and no reason is no-text', () => {
    expect(restoreSummary({ ...ENTRY, bodyMissing: { reason: 'blank-pages', detail: 'a.pdf: pages 3–4 after the title have no text' } })!.bodyMissing).toEqual({ reason: 'blank-pages', detail: 'a.pdf: pages 3–4 after the title have no text' });
    expect(restoreSummary({ ...ENTRY, bodyMissing: { reason: 'no-text' } })!.bodyMissing).toEqual({ reason: 'no-text' });
    expect(restoreSummary({ ...ENTRY, bodyMissing: { reason: 'burnt', detail: 3 } })!.bodyMissing).toEqual({ reason: 'no-text' });
    expect(restoreSummary({ ...ENTRY, bodyMissing: 'blank-pages' })!.bodyMissing).toBeNull();
  });
});

describe('restoreDocument of damaged or odd files', () => {
  const ID = 'p8878abf8d89';
  const unit = (path: string, over: Record<string, unknown> = {}) => ({ id: `${ID}~${path}`, path, level: 'article', label: '第一条', heading: null, paragraphs: [{ text: '为了优化政务服务，制定本办法。', pages: [1] }], pages: [1], children: [], ...over });
  const file = (over: Record<string, unknown> = {}) => ({ ...ENTRY, formatVersion: 1, addressees: '各区人民政府，市政府各部门：', signature: ['青岛市人民政府', '2023年5月20日'], units: [unit('ar1')], ...over });

  it('keeps what a valid file holds', () => {
    const d = restoreDocument(file({ reprintedFrom: '青岛日报' }), ID);
    expect(d).toMatchObject({ id: ID, formatVersion: 1, addressees: '各区人民政府，市政府各部门：', signature: ['青岛市人民政府', '2023年5月20日'], reprintedFrom: '青岛日报' });
    expect(d.units).toEqual([unit('ar1')]);
  });

  it('refuses a file without a valid id or title, with the code the caller words', () => {
    expect(() => restoreDocument(file({ title: '' }), ID)).toThrow(expect.objectContaining({ code: 'bad-document', name: 'CorpusFormatError' }));
    expect(() => restoreDocument(null, ID)).toThrow(expect.objectContaining({ code: 'bad-document', message: 'the document file has no valid id or title' }));
    expect(() => restoreDocument(file({ formatVersion: undefined }), ID)).toThrow(/corpus format undefined is not 1/);
    expect(() => restoreDocument(file(), 'p0000000000a')).toThrow(/expected document p0000000000a, the file holds p8878abf8d89/);
  });

  it('defaults the fields around the units', () => {
    const d = restoreDocument(file({ addressees: '', signature: ['青岛市人民政府', 3], units: 'none', reprintedFrom: '' }), ID);
    expect(d.addressees).toBeNull();
    expect(d.signature).toEqual(['青岛市人民政府']);
    expect(d.units).toEqual([]);
    expect(d).not.toHaveProperty('reprintedFrom');
    expect(restoreDocument(file({ signature: '青岛市人民政府' }), ID).signature).toEqual([]);
    expect(restoreDocument(file({ reprintedFrom: 7 }), ID)).not.toHaveProperty('reprintedFrom');
  });

  it('defaults a unit’s missing fields: path from its id, level para, no label or heading', () => {
    const [u] = restoreDocument(file({ units: [{ id: `${ID}~ch1.ar3`, level: 'chapterette', label: 3, heading: '', paragraphs: [{ text: '第三条 本办法自2023年7月1日起施行。' }], pages: [1, -1, 2.5, '3', 4] }] }), ID).units;
    expect(u).toEqual({ id: `${ID}~ch1.ar3`, path: 'ch1.ar3', level: 'para', label: '', heading: null, paragraphs: [{ text: '第三条 本办法自2023年7月1日起施行。', pages: [] }], pages: [1, 4], children: [] });
    expect(restoreDocument(file({ units: [unit('ar1', { paragraphs: 'text' })] }), ID).units[0].paragraphs).toEqual([]);
    // A page 0 (a raw file's `# Page 0:` marker, for a cover) is kept; a negative number is no page.
    expect(restoreDocument(file({ units: [unit('ar1', { pages: [0, 1, -1] })] }), ID).units[0].pages).toEqual([0, 1]);
  });

  it('keeps every unit level the parser writes, and a printed label only where there is one', () => {
    const levels = ['part', 'subpart', 'chapter', 'section', 'article', 'clause', 'item', 'outline1', 'outline2', 'outline3', 'outline4', 'preamble', 'para', 'appendix'];
    const d = restoreDocument(file({ units: levels.map((level, i) => unit(`u${i}`, { level })) }), ID);
    expect(d.units.map((u) => u.level)).toEqual(levels);
    const [printed, plain] = restoreDocument(file({ units: [unit('a26', { label: '26.', printedLabel: '26、' }), unit('a27', { printedLabel: 27 })] }), ID).units;
    expect(printed.printedLabel).toBe('26、');
    expect(plain).not.toHaveProperty('printedLabel');
  });

  it('drops units whose id is not this document’s or not safe, keeping their well-formed siblings', () => {
    const units = [unit('ar1'), unit('ar2', { id: `${ID}ar2` }), unit('ar3', { id: `${ID}~ar 3` }), unit('ar4', { id: `p0000000000a~ar4` }), { path: 'ar5' }, 'ar6', unit('ar7')];
    expect(restoreDocument(file({ units }), ID).units.map((u) => u.path)).toEqual(['ar1', 'ar7']);
  });

  it('reads a tree twelve levels below the top, and no deeper (a cyclic or absurd tree must not blow the stack)', () => {
    let tree = unit('d13');
    for (let depth = 12; depth >= 0; depth--) tree = unit(`d${depth}`, { children: [tree] });
    let u = restoreDocument(file({ units: [tree] }), ID).units[0];
    const paths = [u.path];
    while (u.children.length) paths.push((u = u.children[0]).path);
    expect(paths).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'd5', 'd6', 'd7', 'd8', 'd9', 'd10', 'd11', 'd12']);
  });

  it('drops a duplicate unit id wherever it occurs in the tree', () => {
    const d = restoreDocument(file({ units: [unit('ch1', { children: [unit('ch1.ar1'), unit('ch1.ar1')] }), unit('ch2', { children: [unit('ch1.ar1'), unit('ch2.ar2')] })] }), ID);
    expect(d.units.map((u) => [u.path, u.children.map((c) => c.path)])).toEqual([
      ['ch1', ['ch1.ar1']],
      ['ch2', ['ch2.ar2']],
    ]);
  });
});

describe('restoreLibrary', () => {
  it('counts as dropped a second entry with an id already seen, and keeps the first', () => {
    const r = restoreLibrary([ENTRY, { ...ENTRY, title: '青岛市政务服务管理办法（修订）' }, { ...ENTRY, id: 'p0000000000a' }]);
    expect(r.docs.map((d) => [d.id, d.title])).toEqual([
      ['p8878abf8d89', '青岛市政务服务管理办法'],
      ['p0000000000a', '青岛市政务服务管理办法'],
    ]);
    expect(r.dropped).toBe(1);
    expect(() => restoreLibrary(null)).toThrow(expect.objectContaining({ code: 'not-a-list', message: 'library.json is not a list of documents' }));
  });
});
