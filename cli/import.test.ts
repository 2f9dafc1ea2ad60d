/**
 * Importing the user's own files, on real files: a judicial interpretation
 * printed to PDF by Chromium (three-line title, running header, page-number
 * footer, a two-column table page) and written to DOCX by the `docx` package
 * (test-support/import-fixtures.ts). The Markdown it was printed from is the
 * answer key. pdf.js (the app's extractor) is checked against pdftotext (the
 * tool the bundled corpus was extracted with), and `policy-reader build`
 * against the same files in raw/.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { diffChars } from 'diff';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, summarize } from '../core/corpus/build.js';
import { importFile } from '../core/import/pipeline.js';
import { DEFAULT_CORPUS_DIR } from './corpus-files.js';
import type { PolicyDocument, Unit } from '../core/corpus/types.js';
import { allUnits } from '../core/corpus/units.js';
import { ImportError, MAX_IMPORT_BYTES, extractText, type Extracted } from '../core/import/extract.js';
import { buildUserDocuments } from '../core/import/user-documents.js';
import { toRawText } from '../core/import/pdf-lines.js';
import { fold } from '../core/text/normalize.js';
import { type AnswerKey, GAZETTE_HEADER, lawAnswerKey, lawDocx, corpusDocPdf, lawPdf, passwordProtected, scannedPdf, titleLines } from '../test-support/import-fixtures.js';
import { sha256Hex } from './hash.js';
import { nodeExtractorLibs } from './extractors.js';
import { main } from './policy-reader.js';
import { encodeGb18030 } from '../test-support/gb18030.js';
import { readFileSync } from 'node:fs';
import type { CommandIO } from './io.js';

let key: AnswerKey;
let pdf: Uint8Array;
let docx: Uint8Array;
let fromPdf: Extracted;
beforeAll(async () => {
  key = lawAnswerKey();
  [pdf, docx] = await Promise.all([lawPdf(), lawDocx()]);
  fromPdf = await extractText('规定.pdf', pdf, nodeExtractorLibs);
}, 120_000);

/** The printed text of units: label (a 款's 第二款 is not printed), heading, paragraphs. */
const unitsText = (units: Unit[]) => allUnits(units).flatMap((u) => [u.level === 'clause' ? '' : (u.printedLabel ?? u.label), u.heading ?? '', ...u.paragraphs.map((p) => p.text)]).join('');
/** Everything a reader sees of the documents: titles, 文号, and every unit's text. */
function visibleText(docs: PolicyDocument[]): string {
  return docs.map((d) => d.title + (d.docNumber ?? '') + unitsText(d.units)).join('');
}
const squeeze = (s: string) => fold(s).replace(/\s+/g, '');

/** Share of the answer key's characters that come out unchanged (1 − edits / key length). */
function charAccuracy(expected: string, actual: string): number {
  let edits = 0;
  for (const part of diffChars(expected, actual)) if (part.added || part.removed) edits += part.value.length;
  return 1 - edits / expected.length;
}

function keyText(k: AnswerKey): string {
  return [k.title, k.docNumber, ...k.dateLines, k.preamble, ...k.articles.flatMap((a) => [a.label, ...a.paragraphs]), '附：本规定所依据的法律', '序号法律名称', ...k.tableRows.map(([n, l]) => `${n}《${l}》`)].join('');
}

describe('PDF extraction (pdf.js)', () => {
  it('keeps every page as a `# Page N:` block, lines top to bottom, header first and page number last', () => {
    const pages = fromPdf.text.split(/^# Page \d+:$/m).slice(1);
    expect(fromPdf.pages).toBeGreaterThanOrEqual(4);
    expect(pages.length).toBe(fromPdf.pages);
    pages.forEach((p, i) => {
      const lines = p.trim().split('\n');
      expect(lines[0]).toBe(GAZETTE_HEADER);
      expect(lines.at(-1)).toBe(`— ${i + 1} —`);
    });
  });

  it('prints the title as its three lines and repairs radical code points (⼈⺠ → 人民)', () => {
    const lines = fromPdf.text.split('\n');
    const at = lines.indexOf(titleLines(key.title)[0]);
    expect(lines.slice(at, at + 3)).toEqual(titleLines(key.title));
    expect(fromPdf.text).not.toMatch(/[\u2e80-\u2fdf]/);
    expect(fromPdf.text).toContain('人民法院');
  });

  it('reads a two-column table row by row, the cells of a row on one line', () => {
    const lines = fromPdf.text.split('\n');
    for (const [n, law] of key.tableRows) expect(lines).toContain(`${n} 《${law}》`);
  });

  it(`extracts the text with ≥ 99.5 % character accuracy against the original`, () => {
    // The extracted text itself, without the page furniture the key does not print (page markers,
    // the gazette's running header, the page numbers): what pdf.js read, before any parsing.
    const text = fromPdf.text
      .split('\n')
      .filter((l) => !/^# Page \d+:$/.test(l) && l !== GAZETTE_HEADER && !/^— \d+ —$/.test(l))
      .join('');
    const accuracy = charAccuracy(squeeze(keyText(key)), squeeze(text));
    if (accuracy < 0.995) console.log(diffChars(squeeze(keyText(key)), squeeze(text)).filter((p) => p.added || p.removed));
    console.log(`import: character accuracy of the PDF import against the answer key ${(accuracy * 100).toFixed(2)} %`);
    expect(accuracy).toBeGreaterThanOrEqual(0.995);
  });
});

describe('the pipeline on an imported PDF', () => {
  it('recognises the title over three lines and the 文号, and drops running headers and page numbers as furniture', () => {
    const built = buildUserDocuments('规定.pdf', fromPdf, sha256Hex(pdf), sha256Hex);
    const [first] = built.docs;
    expect(first.title).toBe(key.title);
    expect(first.docNumber).toBe(key.docNumber);
    expect(first.sources[0].file).toBe('规定.pdf');
    expect(first.sources[0].firstPage).toBe(1);
    expect(built.dropped['page-number']).toBe(fromPdf.pages);
    expect(built.dropped['page-repeat']).toBe(fromPdf.pages);
    expect(visibleText(built.docs)).not.toContain(GAZETTE_HEADER);
    // Articles keep their numbers and the pages they are printed on.
    const articles = built.docs.flatMap((d) => allUnits(d.units)).filter((u) => u.level === 'article');
    expect(articles.every((a) => a.pages.length > 0 && a.pages.every((p) => p >= 1 && p <= fromPdf.pages!))).toBe(true);
  });

  it("gives the answer key's one document: its dates and every article with its text", () => {
    const { docs } = buildUserDocuments('规定.pdf', fromPdf, sha256Hex(pdf), sha256Hex);
    expect(docs.length).toBe(1);
    expect(docs[0].effectiveDate).toBe(key.effectiveDate);
    const articles = allUnits(docs[0].units).filter((u) => u.level === 'article');
    expect(articles.map((a) => a.label)).toEqual(key.articles.map((a) => a.label));
    // The table page printed after the last article (附：…) is read into that article by the parser; its text is checked above.
    articles.forEach((a, i) => {
      const want = squeeze(key.articles[i].label + key.articles[i].paragraphs.join(''));
      if (i < articles.length - 1) expect(squeeze(unitsText([a]))).toBe(want);
      else expect(squeeze(unitsText([a])).startsWith(want)).toBe(true);
    });
  });

  it('gives user documents ids that cannot collide with the corpus (u…), the same on every import of the same file', () => {
    const a = buildUserDocuments('规定.pdf', fromPdf, sha256Hex(pdf), sha256Hex).docs;
    const b = buildUserDocuments('改名.pdf', fromPdf, sha256Hex(pdf), sha256Hex).docs;
    expect(a.map((d) => d.id)).toEqual(b.map((d) => d.id));
    for (const d of a) {
      expect(d.id).toMatch(/^u[0-9a-f]{11}$/);
      for (const u of allUnits(d.units)) expect(u.id.startsWith(`${d.id}~`)).toBe(true);
    }
    const other = buildUserDocuments('规定.pdf', fromPdf, sha256Hex('another file'), sha256Hex).docs;
    expect(other[0].id).not.toBe(a[0].id);
  });

  it('pdf.js and pdftotext extractions of the same PDF parse to the same documents', async (ctx) => {
    let text: string;
    try {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'import-pdftotext-'));
      await writeFile(path.join(dir, 'a.pdf'), pdf);
      text = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
      await rm(dir, { recursive: true, force: true });
    } catch (e) {
      console.log(`skipped: pdftotext (poppler-utils) is not installed: ${(e as Error).message}`);
      ctx.skip();
      return;
    }
    // pdftotext ends each page with a form feed; the corpus's raw files mark pages as `# Page N:`.
    const pages = text.split('\f').slice(0, -1).map((p) => p.split('\n').filter((l) => l.trim() !== ''));
    const poppler = buildCorpus([{ name: 'a.pdf', bytes: new TextEncoder().encode(toRawText(pages)) }], sha256Hex).docs;
    const pdfjs = buildCorpus([{ name: 'a.pdf', bytes: new TextEncoder().encode(fromPdf.text) }], sha256Hex).docs;
    // The one difference allowed: pdftotext reads a table column by column, pdf.js row by row (the
    // cells of a row on one line, as they are meant to be read); the table page's text is compared
    // as the same characters.
    const tablePage = fromPdf.pages!;
    // (A paragraph's id is a hash of its text, so it differs there too.)
    const same = (u: Unit, t: string) => (u.pages.includes(tablePage) ? [...t.replace(/^.*~pre-.*$/, '')].sort().join('') : t);
    const shape = (docs: PolicyDocument[]) => docs.map((d) => ({ id: d.id, title: d.title, docNumber: d.docNumber, date: d.date, units: allUnits(d.units).map((u) => [same(u, u.id), u.label, u.heading, u.paragraphs.map((p) => same(u, squeeze(p.text))), u.pages]) }));
    expect(shape(pdfjs)).toEqual(shape(poppler));
  });
});

describe('a PDF whose Chinese font is not embedded', () => {
  // ReportLab's STSong-Light, named through the standard CMap UniGB-UCS2-H (test-data/import/make-unembedded-font-pdf.py):
  // without pdf.js's CMaps no character of it is read, and the file was refused as a scan.
  it('is read through the CMaps shipped with pdf.js, as pdftotext reads it', async () => {
    const file = path.join('test-data', 'import', 'unembedded-font.pdf');
    const got = await extractText('人脸识别规定.pdf', new Uint8Array(await readFile(file)), nodeExtractorLibs);
    const lines = got.text.split('\n');
    expect(lines.slice(0, 4)).toEqual(['# Page 1:', '关于审理使用人脸识别技术处理个人信息相关民事案件适用法律若干问题的规定', '2021年6月8日 最高人民法院审判委员会第1841次会议通过', '2021年8月1日 施行']);
    expect(squeeze(got.text.replace(/^# Page \d+:$/gm, ''))).toBe(squeeze(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })));
  });
});

describe('DOCX import (mammoth)', () => {
  it('gives the title, 文号 and every article with its paragraphs, in order', async () => {
    const ex = await extractText('规定.docx', docx, nodeExtractorLibs);
    expect(ex.kind).toBe('docx');
    const { docs } = buildUserDocuments('规定.docx', ex, sha256Hex(docx), sha256Hex);
    expect(docs.length).toBe(1);
    expect(docs[0].title).toBe(key.title);
    expect(docs[0].docNumber).toBe(key.docNumber);
    expect(docs[0].effectiveDate).toBe(key.effectiveDate);
    const articles = allUnits(docs[0].units).filter((u) => u.level === 'article');
    expect(articles.map((a) => a.label)).toEqual(key.articles.map((a) => a.label));
    articles.forEach((a, i) => expect(squeeze(unitsText([a]))).toBe(squeeze(key.articles[i].label + key.articles[i].paragraphs.join(''))));
  });
});

describe('bad input is refused with its own Chinese message', () => {
  const refusal = async (name: string, bytes: Uint8Array) => {
    try {
      await extractText(name, bytes, nodeExtractorLibs);
    } catch (e) {
      if (e instanceof ImportError) return { code: e.code, message: e.message };
      throw e;
    }
    throw new Error(`${name} was accepted`);
  };

  it('a scanned PDF (pages that are images, no text layer)', async () => {
    expect(await refusal('扫描件.pdf', await scannedPdf())).toEqual({ code: 'no-text-layer', message: '此 PDF 没有文字层（可能是扫描件），无法识别文字：扫描件.pdf' });
  }, 60_000);

  it('a password-protected PDF, a truncated PDF and a file that is not a PDF', async () => {
    expect((await refusal('加密.pdf', passwordProtected(pdf))).code).toBe('encrypted');
    expect((await refusal('加密.pdf', passwordProtected(pdf))).message).toContain('已加密');
    expect((await refusal('残缺.pdf', pdf.slice(0, 4000))).code).toBe('corrupt-pdf');
    expect((await refusal('假的.pdf', new TextEncoder().encode('这不是 PDF 文件'))).code).toBe('corrupt-pdf');
  });

  it('a .docx that is not one (plain text, or a PDF renamed)', async () => {
    const r = await refusal('通知.docx', new TextEncoder().encode('关于做好工作的通知'));
    expect(r.code).toBe('not-docx');
    expect(r.message).toContain('不是有效的 Word 文档');
    expect((await refusal('通知.docx', pdf)).code).toBe('not-docx');
  });

  it('an empty file, a file over the size limit (named in the message), an unsupported type', async () => {
    expect(await refusal('空.pdf', new Uint8Array())).toEqual({ code: 'empty', message: '文件是空的：空.pdf' });
    const big = await refusal('大.txt', new Uint8Array(MAX_IMPORT_BYTES + 1));
    expect(big.code).toBe('too-large');
    expect(big.message).toContain('50 MB');
    expect((await refusal('表格.xlsx', docx)).code).toBe('unsupported');
  });

  it('a cancelled extraction stops between pages', async () => {
    let pages = 0;
    const r = await extractText('规定.pdf', pdf, nodeExtractorLibs, { onPage: () => pages++, cancelled: () => pages >= 2 }).catch((e: ImportError) => e.code);
    expect(r).toBe('cancelled');
    expect(pages).toBe(2);
  });
});

describe('policy-reader build with .pdf, .doc and .html in raw/', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'policy-reader-import-'));
    await mkdir(path.join(dir, 'raw'));
    await writeFile(path.join(dir, 'raw', '规定.pdf'), pdf);
    await writeFile(path.join(dir, 'raw', '扫描件.pdf'), await scannedPdf());
    // A page saved from a site that still serves GB2312, as many government sites do.
    const page = readFileSync(path.join('test-data', 'import', 'govcn-notice-page.html'), 'utf8').replace('charset=utf-8', 'charset=gb2312');
    await writeFile(path.join(dir, 'raw', '网页.html'), encodeGb18030(page));
    await writeFile(path.join(dir, 'raw', '解释.doc'), readFileSync(path.join('test-data', 'import', 'face-recognition-rules.doc')));
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('builds the PDF through the same extractor as the app and skips the scan with its reason', async () => {
    const err: string[] = [];
    const io: CommandIO = { out: () => {}, err: (t) => err.push(t), stdinIsTTY: true, async *stdinLines() {} };
    expect(await main(['build', '--corpus', dir, '--quiet'], io)).toBe(0);
    const library = JSON.parse(await readFile(path.join(dir, 'library.json'), 'utf8')) as { title: string; docNumber: string; sources: { file: string }[] }[];
    const app = buildUserDocuments('规定.pdf', fromPdf, sha256Hex(pdf), sha256Hex).docs;
    expect(library.map((d) => [d.title, d.docNumber])).toEqual(expect.arrayContaining(app.map((d) => [d.title, d.docNumber])));
    expect(library.filter((d) => d.sources[0].file === '规定.pdf').length).toBe(app.length);
    expect(err.join('\n')).toContain('警告：扫描件.pdf：已跳过：此 PDF 没有文字层');
    // The saved page is read as the document in it, and how it was read is said, as for a text file.
    expect(library.filter((d) => d.sources[0].file === '网页.html').map((d) => [d.title, d.docNumber])).toEqual([['国务院办公厅关于复制推广营商环境创新试点改革举措的通知', '国办发〔2022〕35号']]);
    expect(err).toContain('警告：网页.html：文件不是有效的 UTF-8，已按 GB18030 编码读取');
    // A Word 97–2003 document is read by the same reader as the app's (word97.ts).
    expect(library.filter((d) => d.sources[0].file === '解释.doc').map((d) => [d.title, d.docNumber])).toEqual([[lawAnswerKey().title, '法释〔2021〕15号']]);
    // A rebuild takes the page from the cache, and says it again.
    err.length = 0;
    expect(await main(['build', '--corpus', dir, '--quiet'], io)).toBe(0);
    expect(err).toContain('警告：网页.html：文件不是有效的 UTF-8，已按 GB18030 编码读取');
  }, 60_000);
});

describe('placement on arrival', () => {
  it('a corpus document printed to PDF and imported is placed as the same text as the corpus copy, every unit matched', async () => {
    const raw = await readFile(path.join(DEFAULT_CORPUS_DIR, 'raw', '003_3b0432dd4a7437f5.txt'));
    const corpus = buildCorpus([{ name: '003.txt', bytes: new Uint8Array(raw) }], sha256Hex).docs;
    const original = corpus.find((d) => d.docNumber === '宁市监〔2023〕115号')!;
    const bytes = await corpusDocPdf(original, '宁德市人民政府公报');
    const imported = await importFile('计划.pdf', bytes, {
      libs: nodeExtractorLibs,
      sha256Hex,
      known: new Set(),
      library: async () => corpus.map(summarize),
      loadDocument: async (id) => corpus.find((d) => d.id === id)!,
    });
    expect(imported.docs.length).toBe(1);
    const [doc] = imported.docs;
    expect([doc.title, doc.docNumber, doc.date]).toEqual([original.title, original.docNumber, original.date]);
    const units = (d: PolicyDocument) => allUnits(d.units).map((u) => [u.path, u.label, squeeze(u.heading ?? ''), u.paragraphs.map((p) => squeeze(p.text))]);
    expect(units(doc)).toEqual(units(original));
    const [best] = imported.placements[doc.id];
    expect(best.other.id).toBe(original.id);
    expect(best.relation).toBe('same');
    expect(best.changed).toBe(0);
    // Every unit, and the printed title, addressees and signature (compared as units too, see README).
    expect(best.matched).toBe(allUnits(original.units).length + 3);
  }, 120_000);

  it('refuses the same bytes twice (the caller offers to open the first import)', async () => {
    const ctx = { libs: nodeExtractorLibs, sha256Hex, known: new Set([sha256Hex(pdf)]), library: async () => [], loadDocument: async () => { throw new Error('not reached'); } };
    await expect(importFile('again.pdf', pdf, ctx)).rejects.toMatchObject({ code: 'duplicate', hash: sha256Hex(pdf) });
  });
});
