/**
 * What an import makes of a user's file before the parser sees it, and the Chinese message a
 * file it cannot read gets. DOCX through the real mammoth on a document written by the `docx`
 * package (test-support/import-fixtures.ts); PDF through the real pdf.js on small PDFs written by
 * hand (test-support/minimal-pdf.ts). Printed PDFs (layout, tables, headers) are in cli/import.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lawAnswerKey, lawDocx, lawDocxNumbered, passwordProtected } from '../../test-support/import-fixtures';
import { minimalPdf } from '../../test-support/minimal-pdf';
import { ACCEPTED_EXTENSIONS, type ExtractorLibs, ImportError, MAX_IMPORT_BYTES, extractText, sourceKind } from './extract';
import { extractRawFiles } from './raw-files';
import { encodeGb18030 } from '../../test-support/gb18030';

const utf8 = (s: string) => new TextEncoder().encode(s);
const docxText: ExtractorLibs['docxText'] = async (bytes) => {
  const mammoth = await import('mammoth');
  return (await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
};
const pdfjs: ExtractorLibs['pdfjs'] = () => import('pdfjs-dist/legacy/build/pdf.mjs') as never;
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ImportError);
  return { code: (e as ImportError).code, message: (e as ImportError).message };
};

describe('sourceKind', () => {
  it('knows each accepted extension in any case, and nothing else', () => {
    expect(['a.PDF', 'b.docx', 'b.DOC', 'c.txt', 'd.text', 'e.md', 'f.Markdown', 'g.html', 'h.HTM'].map(sourceKind)).toEqual(['pdf', 'docx', 'doc', 'txt', 'txt', 'md', 'md', 'html', 'html']);
    for (const n of ['a.wps', 'b.pdf.zip', 'README', 'pdf', 'x.', 'a.docm']) expect(sourceKind(n), n).toBeNull();
    expect(ACCEPTED_EXTENSIONS.map((e) => sourceKind(`x${e}`))).not.toContain(null);
  });
});

describe('extractText: refusals say in Chinese what is wrong and name the file', () => {
  it('an unsupported type, an empty file, a file over the limit', async () => {
    expect(await refusal(extractText('通知.wps', utf8('x'), {}))).toEqual({ code: 'unsupported', message: '不支持的文件类型：通知.wps。可导入 PDF、Word（.docx、.doc）、TXT、Markdown 和 HTML 文件；请先在 Word 或 WPS 中另存为 .docx 或 PDF 再导入。' });
    // What an office has most, each with what to do; anything else is told what can be imported.
    expect((await refusal(extractText('关于印发方案的通知.RTF', utf8('x'), {}))).message).toContain('；请先在 Word 或 WPS 中另存为 .docx 或 PDF 再导入。');
    expect((await refusal(extractText('电子公文.ofd', utf8('x'), {}))).message).toContain('；OFD 文件请先用 OFD 阅读器另存或打印为 PDF 再导入。');
    expect((await refusal(extractText('扫描.JPG', utf8('x'), {}))).message).toContain('；图片中的文字需要先做文字识别（OCR），存为 PDF 或文本后再导入。');
    expect((await refusal(extractText('表格.xlsx', utf8('x'), {}))).message).toBe('不支持的文件类型：表格.xlsx。可导入 PDF、Word（.docx、.doc）、TXT、Markdown 和 HTML 文件。');
    // The name's end decides, not a word inside it.
    expect((await refusal(extractText('wps说明.xlsx', utf8('x'), {}))).message).toBe('不支持的文件类型：wps说明.xlsx。可导入 PDF、Word（.docx、.doc）、TXT、Markdown 和 HTML 文件。');
    expect(await refusal(extractText('通知.txt', new Uint8Array(0), {}))).toEqual({ code: 'empty', message: '文件是空的：通知.txt' });
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1);
    expect(await refusal(extractText('大.txt', big, {}))).toEqual({ code: 'too-large', message: '文件超过 50 MB 的上限（50.0 MB）：大.txt' });
    // Exactly at the limit is read (and refused for what it holds, not for its size).
    expect((await refusal(extractText('满.txt', new Uint8Array(MAX_IMPORT_BYTES), {}))).code).not.toBe('too-large');
  });
  it('a PDF or DOCX where no reader for it is available', async () => {
    expect(await refusal(extractText('a.pdf', utf8('%PDF-1.7'), {}))).toEqual({ code: 'unsupported', message: '此处无法读取 PDF：a.pdf' });
    expect(await refusal(extractText('a.docx', await lawDocx(), {}))).toEqual({ code: 'unsupported', message: '此处无法读取 DOCX：a.docx' });
  });
  it('a file named .pdf that is no PDF at all', async () => {
    const pdfjs = async () => {
      throw new Error('pdf.js must not be loaded for a file that is no PDF');
    };
    expect(await refusal(extractText('a.pdf', utf8('<html>这不是 PDF</html>'), { pdfjs }))).toEqual({ code: 'corrupt-pdf', message: '不是有效的 PDF 文件：a.pdf' });
  });
  it('a file that is neither kind of Word file, a damaged .docx and a .docx without text', async () => {
    const notDocx = '不是有效的 Word 文档（.docx）：a.docx。';
    // A compound file's signature cut short is not one (a whole .doc named .docx is read: word97.test.ts).
    expect(await refusal(extractText('a.docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1]), { docxText }))).toEqual({ code: 'not-docx', message: '不是有效的 Word 文档：a.docx。' });
    const real = await lawDocx();
    expect(await refusal(extractText('a.docx', real.slice(0, 200), { docxText }))).toEqual({ code: 'not-docx', message: notDocx });
    expect(await refusal(extractText('a.docx', real, { docxText: async () => ' \n\n \r\n' }))).toEqual({ code: 'empty', message: '文档中没有文字：a.docx' });
  });
  it('a text file in no encoding it can read', async () => {
    const r = await refusal(extractText('a.txt', new Uint8Array([0x00, 0x01, 0x02, 0xff, 0xfe, 0x00, 0x00, 0x03]), {}));
    expect(r.code).toBe('undecodable');
    expect(r.message).toMatch(/^无法读取文件中的文字：a\.txt（.+）$/);
  });
});

describe('extractText: the text the parser gets', () => {
  it('a Word document: one line per paragraph, as the law is printed', async () => {
    const key = lawAnswerKey();
    const got = await extractText('解释.docx', await lawDocx(), { docxText });
    expect(got).toMatchObject({ kind: 'docx', pages: null, warnings: [] });
    const lines = got.text.split('\n');
    expect(lines.slice(0, 2)).toEqual([key.title, key.docNumber]);
    expect(lines).toContain(`${key.articles[0].label}　${key.articles[0].paragraphs[0]}`);
    expect(got.text).not.toMatch(/\n\n|\r|^\s|\s$/);
  });
  it('a Word document whose 第一条 … are automatic numbering: the labels are in the text, as Word shows them', async () => {
    const key = lawAnswerKey();
    const plain = await extractText('解释.docx', await lawDocx(), { docxText });
    const numbered = await extractText('解释.docx', await lawDocxNumbered(), { docxText });
    // The same text as the one with typed labels, line for line.
    expect(numbered.text).toBe(plain.text);
    expect(numbered.text.split('\n').filter((l) => /^第[一二三四五六七八九十]+条/.test(l)).map((l) => l.split('　')[0])).toEqual(key.articles.map((a) => a.label));
  });
  it('a one-line document without spaces is text', async () => {
    expect((await extractText('a.docx', await lawDocx(), { docxText: async () => '关于做好春季防火工作的通知' })).text).toBe('关于做好春季防火工作的通知');
  });
  it('Windows line ends and blank lines from the reader become single line breaks', async () => {
    const got = await extractText('a.docx', await lawDocx(), { docxText: async () => '\n第一条　甲。\r\n\r\n第二条　乙。\r第三条　丙。\n\n\n' });
    expect(got.text).toBe('第一条　甲。\n第二条　乙。\n第三条　丙。');
  });
  it('plain text as it is, Markdown and HTML without their markup', async () => {
    expect(await extractText('a.txt', utf8('第一条　甲。\n第二条　乙。'), {})).toEqual({ kind: 'txt', text: '第一条　甲。\n第二条　乙。', pages: null, warnings: [] });
    expect((await extractText('a.md', utf8('# 第一章 总则\n\n**第一条**　甲。'), {})).text).toBe('第一章 总则\n\n第一条　甲。');
    expect((await extractText('a.htm', utf8('<h1>第一章 总则</h1><p>第一条&emsp;甲。</p>'), {})).text).toBe('第一章 总则\n第一条\u3000甲。');
  });
});

describe('extractRawFiles: PDF and DOCX in raw/ become text, a bad one is skipped with its reason', () => {
  it('passes text files through untouched and skips a broken .docx', async () => {
    const txt = { name: '001.txt', bytes: utf8('关于印发办法的通知') };
    const got = await extractRawFiles([txt, { name: '002.docx', bytes: utf8('not a zip') }, { name: '003.docx', bytes: await lawDocx() }], { docxText });
    expect(got.files.map((f) => f.name)).toEqual(['001.txt', '003.docx']);
    expect(got.files[0]).toBe(txt);
    expect(new TextDecoder().decode(got.files[1].bytes).split('\n')[0]).toBe(lawAnswerKey().title);
    expect(got.skipped).toEqual([{ file: '002.docx', message: expect.stringMatching(/^已跳过：不是有效的 Word 文档/) }]);
  });
  it('reads a saved web page as the document in it, not its markup', async () => {
    const page = readFileSync(join('test-data', 'import', 'govcn-notice-page.html'));
    const got = await extractRawFiles([{ name: '004.html', bytes: new Uint8Array(page) }], {});
    expect(new TextDecoder().decode(got.files[0].bytes).split('\n').slice(0, 3)).toEqual(['国务院办公厅关于复制推广', '营商环境创新试点改革举措的通知', '国办发〔2022〕35号']);
    expect(got.warnings).toEqual([]);
    // Saved in GB2312: the same text, and the file's warning says how it was read (the text handed on is UTF-8).
    const gb = await extractRawFiles([{ name: '005.html', bytes: encodeGb18030(page.toString('utf8').replace('charset=utf-8', 'charset=gb2312')) }], {});
    expect(gb.files[0].bytes).toEqual(got.files[0].bytes);
    expect(gb.warnings).toEqual([{ file: '005.html', message: '文件不是有效的 UTF-8，已按 GB18030 编码读取' }]);
  });
  it('stops on an error that is not a refusal of the file (a bug must not pass as a bad file)', async () => {
    const boom = async () => {
      throw new TypeError('bug');
    };
    await expect(extractRawFiles([{ name: 'a.pdf', bytes: utf8('%PDF-1.7\n') }], { pdfjs: boom })).rejects.toThrow(TypeError);
  });
});

describe('extractText: a PDF through pdf.js', () => {
  const notice = [['关于印发办法的通知', '各区人民政府：'], [], ['第二条本办法自2024年1月1日起施行。']];
  it('writes each page under its marker, an empty page included, and reports each page done', async () => {
    const done: string[] = [];
    const got = await extractText('通知.pdf', minimalPdf(notice), { pdfjs }, { onPage: (n, total) => done.push(`${n}/${total}`) });
    expect(got).toEqual({ kind: 'pdf', text: '# Page 1:\n关于印发办法的通知\n各区人民政府：\n# Page 2:\n\n# Page 3:\n第二条本办法自2024年1月1日起施行。\n', pages: 3, warnings: [] });
    expect(done).toEqual(['1/3', '2/3', '3/3']);
  });
  it('reads a PDF whose header comes after some bytes of junk, as PDF readers do', async () => {
    const pdf = minimalPdf([['关于印发办法的通知']]);
    const junk = new Uint8Array(16 + pdf.length);
    junk.set(new TextEncoder().encode('\r\nHTTP junk....'));
    junk.set(pdf, 16);
    expect((await extractText('a.pdf', junk, { pdfjs })).text).toBe('# Page 1:\n关于印发办法的通知\n');
  });
  it('stops between pages when the import is cancelled', async () => {
    let asked = 0;
    const r = await refusal(extractText('a.pdf', minimalPdf(notice), { pdfjs }, { cancelled: () => ++asked === 2 }));
    expect(r).toEqual({ code: 'cancelled', message: '已取消：a.pdf' });
  });
  it('refuses a PDF without a text layer, counting characters per page', async () => {
    const scan = '此 PDF 没有文字层（可能是扫描件），无法识别文字：a.pdf';
    expect(await refusal(extractText('a.pdf', minimalPdf([[], []]), { pdfjs }))).toEqual({ code: 'no-text-layer', message: scan });
    // Five characters a page on average is text; four, or five over two pages, is not; spaces are no text.
    expect(await refusal(extractText('a.pdf', minimalPdf([['一二三四']]), { pdfjs }))).toEqual({ code: 'no-text-layer', message: scan });
    expect(await refusal(extractText('a.pdf', minimalPdf([['一二 三 四']]), { pdfjs }))).toEqual({ code: 'no-text-layer', message: scan });
    expect(await refusal(extractText('a.pdf', minimalPdf([['一二', '三四']]), { pdfjs }))).toEqual({ code: 'no-text-layer', message: scan });
    expect((await extractText('a.pdf', minimalPdf([['一二三四五']]), { pdfjs })).pages).toBe(1);
    expect(await refusal(extractText('a.pdf', minimalPdf([['一二三四五'], []]), { pdfjs }))).toEqual({ code: 'no-text-layer', message: scan });
  });
  it('refuses a password-protected PDF and a damaged one, each with its own message', async () => {
    expect(await refusal(extractText('a.pdf', passwordProtected(minimalPdf(notice)), { pdfjs }))).toEqual({ code: 'encrypted', message: '此 PDF 已加密（需要密码），无法读取：a.pdf' });
    expect(await refusal(extractText('a.pdf', new TextEncoder().encode('%PDF-1.7\n这不是一个完整的 PDF'), { pdfjs }))).toEqual({
      code: 'corrupt-pdf',
      message: 'PDF 文件已损坏或格式无效，无法读取：a.pdf',
    });
  });
});

describe('extractText: what pdf.js hands back, page by page', () => {
  /** A stand-in for pdf.js: pages of text items (or an error for a page), and a record of what was asked of it. */
  function fakePdfjs(pages: (unknown[] | Error)[], opts: { open?: Error; destroy?: Error } = {}) {
    const log: string[] = [];
    const lib = async () => ({
      getDocument: (src: { data: Uint8Array; isEvalSupported?: boolean; disableFontFace?: boolean }) => {
        log.push(`open ${src.data.length} eval=${src.isEvalSupported} fontFace=${!src.disableFontFace}`);
        return {
          promise: opts.open
            ? Promise.reject(opts.open)
            : Promise.resolve({
                numPages: pages.length,
                getPage: async (n: number) => ({
                  getTextContent: async () => {
                    const p = pages[n - 1];
                    if (p instanceof Error) throw p;
                    return { items: p };
                  },
                  cleanup: () => log.push(`cleanup ${n}`),
                }),
              }),
          destroy: async () => {
            log.push('destroy');
            if (opts.destroy) throw opts.destroy;
          },
        };
      },
    });
    return { lib: lib as unknown as ExtractorLibs['pdfjs'], log };
  }
  const text = (str: string, y: number) => ({ str, transform: [12, 0, 0, 12, 72, y], width: str.length * 12, height: 12 });
  const PDF = utf8('%PDF-1.7\n');

  it('sets down one printed line per line, with no blank lines for the gaps between paragraphs', async () => {
    // Line gaps 20, 20, 40: the 40 is a paragraph gap, which the import does not mark.
    const { lib } = fakePdfjs([[text('关于做好春季防火工作的通知', 700), text('各区人民政府：', 680), text('现将有关事项通知如下：', 660), text('一、提高认识', 620)]]);
    expect((await extractText('a.pdf', PDF, { pdfjs: lib })).text).toBe('# Page 1:\n关于做好春季防火工作的通知\n各区人民政府：\n现将有关事项通知如下：\n一、提高认识\n');
  });

  it('reads the text items of each page, skipping the marked-content items pdf.js puts among them, and lets pdf.js go', async () => {
    const { lib, log } = fakePdfjs([[{ type: 'beginMarkedContent', id: 'mc0' }, text('关于做好春季防火工作的通知', 700), { type: 'endMarkedContent' }, text('各区人民政府：', 680)]]);
    const got = await extractText('通知.pdf', PDF, { pdfjs: lib });
    expect(got).toEqual({ kind: 'pdf', text: '# Page 1:\n关于做好春季防火工作的通知\n各区人民政府：\n', pages: 1, warnings: [] });
    // No scripts from the file, no fonts loaded into the page: the text is all the import wants.
    expect(log).toEqual([`open ${PDF.length} eval=false fontFace=false`, 'cleanup 1', 'destroy']);
  });

  it('names the page that cannot be read, and still lets pdf.js go', async () => {
    const { lib, log } = fakePdfjs([[text('关于做好春季防火工作的通知', 700)], new Error('bad XRef entry')]);
    expect(await refusal(extractText('a.pdf', PDF, { pdfjs: lib }))).toEqual({ code: 'corrupt-pdf', message: 'PDF 第 2 页已损坏，无法读取：a.pdf' });
    expect(log.at(-1)).toBe('destroy');
  });

  it('keeps the text when pdf.js fails to shut down', async () => {
    const { lib } = fakePdfjs([[text('关于做好春季防火工作的通知', 700)]], { destroy: new Error('worker gone') });
    expect((await extractText('a.pdf', PDF, { pdfjs: lib })).text).toBe('# Page 1:\n关于做好春季防火工作的通知\n');
  });

  it('tells a password from damage by the error pdf.js throws on opening', async () => {
    const password = Object.assign(new Error('No password given'), { name: 'PasswordException' });
    expect((await refusal(extractText('a.pdf', PDF, { pdfjs: fakePdfjs([], { open: password }).lib }))).code).toBe('encrypted');
    const invalid = Object.assign(new Error('Invalid PDF structure'), { name: 'InvalidPDFException' });
    expect((await refusal(extractText('a.pdf', PDF, { pdfjs: fakePdfjs([], { open: invalid }).lib }))).code).toBe('corrupt-pdf');
  });
});
