/**
 * One file through the whole import on the real sample corpus: a raw text the corpus holds,
 * imported again by a user as a .txt. The stages the user sees, the refusals, the ids of the
 * user's documents and where they are placed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, summarize } from '../corpus/build';
import type { PolicyDocument } from '../corpus/types';
import { allUnits } from '../corpus/units';
import { sha256Hex } from '../../test-support/sha256';
import { minimalPdf } from '../../test-support/minimal-pdf';
import type { LshTables } from '../compare/format';
import { ImportError } from './extract';
import { DuplicateImport, importFile, type ImportContext } from './pipeline';
import { buildUserDocuments, isUserDocId, withId } from './user-documents';

const RAW = join(__dirname, '..', '..', 'resources', 'corpus', 'raw');
const FILE = '001_3ae65a0b828b041b.txt';
let docs: PolicyDocument[];
let bytes: Uint8Array;

beforeAll(() => {
  docs = buildCorpus(readdirSync(RAW).map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(RAW, name))) })), sha256Hex).docs;
  bytes = new Uint8Array(readFileSync(join(RAW, FILE)));
}, 60_000);

const context = (o: Partial<ImportContext> = {}): ImportContext => ({
  libs: {},
  sha256Hex,
  known: new Set(),
  library: async () => docs.map(summarize),
  loadDocument: async (id) => docs.find((d) => d.id === id)!,
  ...o,
});

describe('importFile', () => {
  it('reads, recognises, parses and compares, in that order, and places each document beside the corpus copy it repeats', async () => {
    const stages: string[] = [];
    const r = await importFile('我的.txt', bytes, context({ onStage: (s) => stages.push(s) }));
    expect(stages).toEqual(['reading', 'recognising', 'parsing', 'comparing']);
    expect(r).toMatchObject({ hash: sha256Hex(bytes), name: '我的.txt', kind: 'txt', size: bytes.length, pages: null });
    expect(r.rawText).toBe(new TextDecoder().decode(bytes));
    const held = docs.filter((d) => d.sources[0]?.file === FILE);
    expect(r.docs.map((d) => d.title)).toEqual(held.map((d) => d.title));
    for (const d of r.docs) {
      expect(isUserDocId(d.id), d.id).toBe(true);
      expect(r.placements[d.id][0]).toMatchObject({ relation: 'same', changed: 0 });
      expect(held.map((h) => h.id)).toContain(r.placements[d.id][0].other.id);
    }
  });
  it('gives the same file the same ids on every import', async () => {
    const a = await importFile('a.txt', bytes, context({ library: async () => [] }));
    const b = await importFile('b.txt', bytes, context({ library: async () => [] }));
    expect(b.docs.map((d) => d.id)).toEqual(a.docs.map((d) => d.id));
  });
  it('a law saved as Markdown under a .txt name is read for its words: its heading is the title', async () => {
    // A real file of LawRefBook/Laws (test-data/markdown/README.md): `# 中华人民共和国劳动法`, `## 第一章 总则`, a comment.
    const md = new Uint8Array(readFileSync(join(__dirname, '..', '..', 'test-data', 'markdown', 'raw', 'md21.txt')));
    const r = await importFile('劳动法.txt', md, context({ library: async () => [] }));
    expect(r.docs.map((d) => d.title)).toEqual(['中华人民共和国劳动法']);
    expect(r.docs[0].units.filter((u) => u.level === 'chapter').map((u) => u.heading)).toContain('总则');
  });

  it('refuses a file already imported, naming it, before reading it', async () => {
    const e = await importFile('又一次.txt', bytes, context({ known: new Set([sha256Hex(bytes)]) })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DuplicateImport);
    expect(e).toMatchObject({ code: 'duplicate', message: '这个文件已经导入过：又一次.txt', hash: sha256Hex(bytes) });
  });
  it.each([1, 2, 3, 4])('stops with 已取消 when cancelled at check %i', async (at) => {
    let asked = 0;
    const e = await importFile('a.txt', bytes, context({ cancelled: () => ++asked >= at })).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'cancelled', message: '已取消：a.txt' });
  });
  it('reports each page of a PDF while recognising its text', async () => {
    const pdf = minimalPdf([['关于做好春季防火工作的通知', '各区人民政府：'], ['一、提高认识', '请各单位认真落实。']]);
    const stages: [string, string | undefined][] = [];
    const pdfjs = () => import('pdfjs-dist/legacy/build/pdf.mjs') as never;
    const r = await importFile('通知.pdf', pdf, context({ libs: { pdfjs }, library: async () => [], onStage: (s, d) => stages.push([s, d]) }));
    expect(stages).toEqual([
      ['reading', undefined],
      ['recognising', undefined],
      ['recognising', '1/2 页'],
      ['recognising', '2/2 页'],
      ['parsing', undefined],
      ['comparing', undefined],
    ]);
    expect(r).toMatchObject({ kind: 'pdf', pages: 2, size: pdf.length });
    expect(r.docs.map((d) => d.title)).toEqual(['关于做好春季防火工作的通知']);
  });
  it('places by titles and 文号 alone when the corpus’s text tables cannot be read or are of another version', async () => {
    const plain = await importFile('a.txt', bytes, context());
    const unreadable = await importFile('a.txt', bytes, context({ lshTables: async () => Promise.reject(new Error('missing')) }));
    const foreign = await importFile('a.txt', bytes, context({ lshTables: async () => ({ bands: 1, rows: 1, shingle: 1, common: [], docs: [], keys: [] }) as unknown as LshTables }));
    const none = await importFile('a.txt', bytes, context({ lshTables: async () => null }));
    for (const r of [unreadable, foreign, none]) expect(r.placements).toEqual(plain.placements);
    expect(Object.values(plain.placements).flat().length).toBeGreaterThan(0);
  });
  it('places a document among the candidates it could load, skipping one that fails to load', async () => {
    const r = await importFile('a.txt', bytes, context({ loadDocument: async () => Promise.reject(new Error('gone')) }));
    for (const d of r.docs) expect(r.placements[d.id]).toEqual([]);
  });
});

describe('importFile: a page saved from a government site', () => {
  it('is one notice with its title, 文号, issuer, date and kind, ending where the document ends', async () => {
    const page = new Uint8Array(readFileSync(join('test-data', 'import', 'govcn-notice-page.html')));
    const r = await importFile('国办发〔2022〕35号.html', page, context());
    expect(r.docs.map((d) => [d.title, d.docNumber, d.issuer, d.date, d.kind])).toEqual([['国务院办公厅关于复制推广营商环境创新试点改革举措的通知', '国办发〔2022〕35号', '国务院办公厅', '2022-09-28', '通知']]);
    expect(JSON.stringify(r.docs[0].units)).not.toMatch(/纠错|相关稿件|扫一扫/);
    expect(r.warnings).toEqual([]);
  });
  it('says nothing of "almost no Chinese" for a page that is mostly script, and says it of a page whose text has none', async () => {
    const page = readFileSync(join('test-data', 'import', 'govcn-notice-page.html'), 'utf8');
    // As saved pages are: tens of kilobytes of script and style in the head.
    const heavy = page.replace('</head>', `<script>${'var track = function (a, b) { return a + b; };\n'.repeat(2000)}</script></head>`);
    const r = await importFile('页面.html', new TextEncoder().encode(heavy), context());
    expect(r.warnings).toEqual([]);
    const english = '<html><body>' + '<p>This page has no Chinese text at all, only English sentences.</p>'.repeat(3) + '</body></html>';
    expect((await importFile('english.html', new TextEncoder().encode(english), context())).warnings).toEqual(['文件中几乎没有中文文字']);
  });
});

describe('importFile: a notice in Word, laid out as 公文 are printed', () => {
  it('is one notice with its title under its banner and 文号, its addressees and its signature', async () => {
    const { noticeDocx } = await import('../../test-support/import-fixtures');
    const mammoth = await import('mammoth');
    const docxText = async (b: Uint8Array) => (await mammoth.extractRawText({ buffer: Buffer.from(b.buffer, b.byteOffset, b.byteLength) })).value;
    const r = await importFile('国办发〔2022〕35号.docx', await noticeDocx(), context({ libs: { docxText } }));
    expect(r.docs.map((d) => [d.title, d.docNumber, d.issuer, d.date, d.kind, d.addressees])).toEqual([
      ['国务院办公厅关于复制推广营商环境创新试点改革举措的通知', '国办发〔2022〕35号', '国务院办公厅', '2022-09-28', '通知', '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：'],
    ]);
  });
});

describe('importFile: a regulation in Word 97–2003 (.doc)', () => {
  it('is the same document as from the .docx it was saved from: title, 文号, date, kind and every article', async () => {
    const { lawDocx } = await import('../../test-support/import-fixtures');
    const mammoth = await import('mammoth');
    const docxText = async (b: Uint8Array) => (await mammoth.extractRawText({ buffer: Buffer.from(b.buffer, b.byteOffset, b.byteLength) })).value;
    const doc = await importFile('人脸识别规定.doc', new Uint8Array(readFileSync(join('test-data', 'import', 'face-recognition-rules.doc'))), context());
    const docx = await importFile('人脸识别规定.docx', await lawDocx(), context({ libs: { docxText } }));
    const facts = (r: typeof doc) => r.docs.map((d) => [d.title, d.docNumber, d.date, d.kind, d.unitCount, allUnits(d.units).filter((u) => u.level === 'article').map((u) => u.label)]);
    expect(facts(doc)).toEqual(facts(docx));
    expect(facts(doc)[0].slice(0, 4)).toEqual(['最高人民法院关于审理使用人脸识别技术处理个人信息相关民事案件适用法律若干问题的规定', '法释〔2021〕15号', '2021-06-08', '规定']);
    expect(doc.kind).toBe('doc');
  });
});

describe('buildUserDocuments', () => {
  it('refuses a text in which the parser finds no document, saying so in Chinese', () => {
    const extracted = { kind: 'txt' as const, text: '', pages: null, warnings: [] };
    let e: unknown;
    try {
      buildUserDocuments('空.txt', extracted, 'h', sha256Hex);
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(ImportError);
    expect((e as ImportError).code).toBe('no-document');
    expect((e as ImportError).message).toMatch(/^未能从文件中识别出正文：空\.txt/);
  });
  it('says what the parser found instead, when it finds no document', () => {
    const extracted = { kind: 'txt' as const, text: '\n\n \n', pages: null, warnings: [] };
    expect(() => buildUserDocuments('空.txt', extracted, 'h', sha256Hex)).toThrow('未能从文件中识别出正文：空.txt（文件中几乎没有中文文字；文件中没有识别出有标题和正文的文档）');
  });
  it('keeps the extraction’s warnings first, and counts the page numbers it dropped', () => {
    const text = '# Page 1:\n关于做好春季防火工作的通知\n各区人民政府：\n一、提高认识\n请各单位认真落实。\n- 1 -\n# Page 2:\n二、压实责任\n各单位要明确专人负责。\n- 2 -\n';
    const built = buildUserDocuments('通知.pdf', { kind: 'pdf', text, pages: 2, warnings: ['第 3 页没有文字'] }, 'h', sha256Hex);
    expect(built.warnings[0]).toBe('第 3 页没有文字');
    expect(built.dropped).toEqual({ 'page-number': 2 });
    expect(built.docs.map((d) => d.title)).toEqual(['关于做好春季防火工作的通知']);
  });
  it('renames every unit under the new id, children included', () => {
    const d = docs.find((x) => x.units.some((u) => u.children.length))!;
    const renamed = withId(d, 'u123');
    const ids = (us: PolicyDocument['units']): string[] => us.flatMap((u) => [u.id, ...ids(u.children)]);
    expect(ids(renamed.units).every((id) => id.startsWith('u123~'))).toBe(true);
    expect(ids(renamed.units).length).toBe(ids(d.units).length);
    expect(renamed.units[0].id).toBe(`u123~${d.units[0].path}`);
  });
});
