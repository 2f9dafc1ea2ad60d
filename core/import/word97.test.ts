/**
 * Word 97–2003 documents as LibreOffice's "MS Word 97" filter writes them from real text (test-data/import/
 * make-word97.mts): the same text as the .docx they were made from, what a .doc carries beside its text left out,
 * and the refusals of what is not one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import mammoth from 'mammoth';
import { lawAnswerKey, lawDocx } from '../../test-support/import-fixtures';
import { type ExtractorLibs, ImportError, extractText } from './extract';
import { Word97Error, word97Text } from './word97';

const fixture = (name: string) => new Uint8Array(readFileSync(join('test-data', 'import', name)));
const docxText: ExtractorLibs['docxText'] = async (bytes) => (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
const refusal = (p: Promise<unknown>) => p.then(
  () => {
    throw new Error('expected a refusal');
  },
  (e: ImportError) => ({ code: e.code, message: e.message }),
);
const reason = (bytes: Uint8Array) => {
  try {
    word97Text(bytes);
    return null;
  } catch (e) {
    return (e as Word97Error).reason;
  }
};

describe('a Word 97–2003 document', () => {
  it('gives the same text as the .docx it was saved from: title, 文号, dates, preamble, every article and paragraph', async () => {
    const fromDoc = await extractText('解释.doc', fixture('face-recognition-rules.doc'), {});
    const fromDocx = await extractText('解释.docx', await lawDocx(), { docxText });
    expect(fromDoc).toEqual({ kind: 'doc', text: fromDocx.text, pages: null, warnings: [] });
    const key = lawAnswerKey();
    const lines = fromDoc.text.split('\n');
    expect(lines.slice(0, 2)).toEqual([key.title, key.docNumber]);
    for (const a of key.articles) expect(lines).toContain(`${a.label}　${a.paragraphs[0]}`);
    expect(lines.at(-1)).toBe(key.articles.at(-1)!.paragraphs.at(-1));
  });

  it('leaves out its running header, page-number field, footnote and a hyperlink\'s code, and keeps the link\'s words and a table\'s cells', () => {
    const text = word97Text(fixture('face-recognition-rules-fields.doc'));
    const key = lawAnswerKey();
    expect(text.split('\n')).toEqual([
      key.title,
      key.docNumber,
      ...key.dateLines.flatMap((l) => l.split(/\s+/)),
      key.preamble,
      ...key.articles.slice(0, 2).flatMap((a) => [`${a.label}　${a.paragraphs[0]}`, ...a.paragraphs.slice(1)]),
      '原文见最高人民法院网站。',
    ]);
    for (const absent of ['最高人民法院公报', '脚注', 'HYPERLINK', 'PAGE', '—']) expect(text).not.toContain(absent);
  });

  it('has no labels where its 条 were Word\'s automatic numbering (not in the text stream), and all their words', () => {
    const text = word97Text(fixture('face-recognition-rules-numbered.doc'));
    const key = lawAnswerKey();
    expect(text).not.toContain('第一条');
    for (const a of key.articles) expect(text.split('\n')).toContain(a.paragraphs[0]);
  });

  it('refuses an encrypted document, a damaged one and a compound file that is not Word, each in Chinese', async () => {
    const doc = fixture('face-recognition-rules.doc');
    // The FIB is the WordDocument stream's start; its flags say "encrypted" (bit 8) or "obfuscated" (bit 15).
    const at = wordDocumentAt(doc);
    for (const bit of [0x01, 0x80]) {
      const locked = doc.slice();
      locked[at + 0x0b] |= bit;
      expect(reason(locked)).toBe('encrypted');
      expect(await refusal(extractText('加密.doc', locked, {}))).toEqual({ code: 'encrypted', message: '此 Word 文档已加密（需要密码），无法读取：加密.doc' });
    }
    const cut = doc.slice(0, 4096);
    expect(reason(cut)).not.toBeNull();
    expect((await refusal(extractText('残缺.doc', cut, {}))).code).toBe('not-docx');
    // Not a Word document's identifier at the FIB's start.
    const other = doc.slice();
    other[at] = 0;
    expect(reason(other)).toBe('not-word97');
    expect(await refusal(extractText('表格.doc', other, {}))).toEqual({ code: 'not-docx', message: '不是有效的 Word 文档：表格.doc（这个文件不是 Word 97–2003 格式）。' });
  });
});

describe('a Word file read by what it holds, whatever its name says', () => {
  it('a .doc named .docx, and a .docx named .doc, are read, and the name is told', async () => {
    const asDocx = await extractText('解释.docx', fixture('face-recognition-rules.doc'), { docxText });
    expect(asDocx.warnings).toEqual(['文件名是 .docx，内容其实是 旧版 Word 97–2003（.doc） 格式，已按内容读取']);
    expect(asDocx.kind).toBe('docx');
    const asDoc = await extractText('解释.doc', await lawDocx(), { docxText });
    expect(asDoc.warnings).toEqual(['文件名是 .doc，内容其实是 Word .docx 格式，已按内容读取']);
    expect(asDoc.text).toBe(asDocx.text);
  });
  it('a web page saved as .doc is read as the page; RTF and anything else are refused with what to do', async () => {
    const page = readFileSync(join('test-data', 'import', 'govcn-notice-page.html'));
    const got = await extractText('通知.doc', new Uint8Array(page), {});
    expect(got.text.split('\n').slice(0, 3)).toEqual(['国务院办公厅关于复制推广', '营商环境创新试点改革举措的通知', '国办发〔2022〕35号']);
    expect(got.warnings).toEqual(['文件名是 .doc，内容其实是 网页（HTML） 格式，已按内容读取']);
    const rtf = new TextEncoder().encode('{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}}');
    expect(await refusal(extractText('通知.doc', rtf, {}))).toEqual({ code: 'not-docx', message: '这是 RTF 格式的文件，无法读取：通知.doc。请先在 Word 或 WPS 中另存为 .docx 或 PDF 再导入。' });
    expect(await refusal(extractText('通知.doc', new TextEncoder().encode('关于做好工作的通知'), {}))).toEqual({ code: 'not-docx', message: '不是有效的 Word 文档：通知.doc。' });
  });
});

/** Where the WordDocument stream starts in the file: the FIB's identifier 0xA5EC that LibreOffice writes at a sector's start. */
function wordDocumentAt(doc: Uint8Array): number {
  for (let k = 512; k < doc.length; k += 512) if (doc[k] === 0xec && doc[k + 1] === 0xa5) return k;
  throw new Error('no FIB at a sector start');
}
