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
import { extractRawFiles } from './raw-files';
import { encodeGb18030 } from '../../test-support/gb18030';
import CFB from 'cfb';
import { Word97Error, hiddenRuns, pieceTable, shownText, sprmsHide, word97Text } from './word97';

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
  it('knows a web page by its start only (after a byte-order mark or white space), and reads one saved in GB2312 as the page', async () => {
    const page = readFileSync(join('test-data', 'import', 'govcn-notice-page.html'), 'utf8');
    for (const start of ['\ufeff', '  \r\n', '<?xml version="1.0"?>\n']) {
      const got = await extractText('通知.doc', new TextEncoder().encode(start + page.replace(/^<!DOCTYPE[^>]*>/i, '')), {});
      expect(got.text.split('\n')[0], JSON.stringify(start)).toBe('国务院办公厅关于复制推广');
    }
    const gb = await extractText('通知.doc', encodeGb18030(page.replace('charset=utf-8', 'charset=gb2312')), {});
    expect(gb.warnings).toEqual(['文件名是 .doc，内容其实是网页（HTML）格式，已按内容读取', '文件不是有效的 UTF-8，已按 GB18030 编码读取']);
    // A page of script and no Chinese text is no warning of "almost no Chinese" by its markup.
    const english = '<html><body>' + '<p>An English page with no Chinese text at all.</p>'.repeat(3) + '</body></html>';
    expect((await extractText('page.doc', new TextEncoder().encode(english), {})).warnings).toEqual(['文件名是 .doc，内容其实是网页（HTML）格式，已按内容读取']);
    // Markup later in a text file is not a page.
    expect((await refusal(extractText('通知.doc', new TextEncoder().encode('说明：<html> 标记'), {}))).message).toBe('不是有效的 Word 文档：通知.doc。');
  });

  it('refuses a damaged .doc and one with no text, each in its words; the build reads a .doc in raw/ like the app', async () => {
    const { doc, table, tableName } = realStreams();
    const csw = new DataView(doc.buffer).getUint16(32, true);
    const lwAt = 34 + csw * 2;
    const fcLcbAt = lwAt + 2 + new DataView(doc.buffer).getUint16(lwAt, true) * 4 + 2;
    const damaged = doc.slice();
    u32(damaged, fcLcbAt + 33 * 8 + 4, 0);
    expect(await refusal(extractText('残缺.doc', compound({ WordDocument: damaged, [tableName]: table }), {}))).toEqual({ code: 'not-docx', message: 'Word 文档已损坏，无法读取：残缺.doc' });
    const empty = doc.slice();
    u32(empty, lwAt + 2 + 12, 0);
    expect(await refusal(extractText('空白.doc', compound({ WordDocument: empty, [tableName]: table }), {}))).toEqual({ code: 'empty', message: '文档中没有文字：空白.doc' });
    const raw = await extractRawFiles([{ name: '解释.doc', bytes: fixture('face-recognition-rules.doc') }], {});
    expect(new TextDecoder().decode(raw.files[0].bytes)).toBe(word97Text(fixture('face-recognition-rules.doc')));
  });

  it('a .doc named .docx, and a .docx named .doc, are read, and the name is told', async () => {
    const asDocx = await extractText('解释.docx', fixture('face-recognition-rules.doc'), { docxText });
    expect(asDocx.warnings).toEqual(['文件名是 .docx，内容其实是旧版 Word 97–2003（.doc）格式，已按内容读取']);
    expect(asDocx.kind).toBe('docx');
    const asDoc = await extractText('解释.doc', await lawDocx(), { docxText });
    expect(asDoc.warnings).toEqual(['文件名是 .doc，内容其实是 Word .docx 格式，已按内容读取']);
    expect(asDoc.text).toBe(asDocx.text);
  });
  it('a web page saved as .doc is read as the page; RTF and anything else are refused with what to do', async () => {
    const page = readFileSync(join('test-data', 'import', 'govcn-notice-page.html'));
    const got = await extractText('通知.doc', new Uint8Array(page), {});
    expect(got.text.split('\n').slice(0, 3)).toEqual(['国务院办公厅关于复制推广', '营商环境创新试点改革举措的通知', '国办发〔2022〕35号']);
    expect(got.warnings).toEqual(['文件名是 .doc，内容其实是网页（HTML）格式，已按内容读取']);
    const rtf = new TextEncoder().encode('{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}}');
    expect(await refusal(extractText('通知.doc', rtf, {}))).toEqual({ code: 'not-docx', message: '这是 RTF 格式的文件，无法读取：通知.doc。请先在 Word 或 WPS 中另存为 .docx 或 PDF 再导入。' });
    expect(await refusal(extractText('通知.doc', new TextEncoder().encode('关于做好工作的通知'), {}))).toEqual({ code: 'not-docx', message: '不是有效的 Word 文档：通知.doc。' });
    // The hints go by how a name ends.
    for (const name of ['a.ofd.xlsx', 'a.jpeg.xlsx', 'a.wps.xlsx']) expect((await refusal(extractText(name, new Uint8Array([1]), {}))).message).toBe(`不支持的文件类型：${name}。可导入 PDF、Word（.docx、.doc）、TXT、Markdown 和 HTML 文件。`);
    expect((await refusal(extractText('扫描.tif', new Uint8Array([1]), {}))).message).toContain('文字识别');
  });
});

/** Where the WordDocument stream starts in the file: the FIB's identifier 0xA5EC that LibreOffice writes at a sector's start. */
function wordDocumentAt(doc: Uint8Array): number {
  for (let k = 512; k < doc.length; k += 512) if (doc[k] === 0xec && doc[k + 1] === 0xa5) return k;
  throw new Error('no FIB at a sector start');
}

/** A compound file with the given streams, written by cfb (an independent writer of the format). */
function compound(streams: Record<string, Uint8Array>): Uint8Array {
  const c = CFB.utils.cfb_new();
  for (const [name, bytes] of Object.entries(streams)) CFB.utils.cfb_add(c, name, Buffer.from(bytes));
  return new Uint8Array(CFB.write(c, { type: 'buffer' }) as Buffer);
}
/** The real file's WordDocument and table streams, to damage one field at a time. */
function realStreams(): { doc: Uint8Array; table: Uint8Array; tableName: string } {
  const c = CFB.read(Buffer.from(fixture('face-recognition-rules.doc')), { type: 'buffer' });
  const doc = new Uint8Array(CFB.find(c, 'WordDocument')!.content as Buffer);
  const tableName = doc[0x0b] & 0x02 ? '1Table' : '0Table';
  return { doc, table: new Uint8Array(CFB.find(c, tableName)!.content as Buffer), tableName };
}
const u32 = (b: Uint8Array, at: number, v: number) => new DataView(b.buffer, b.byteOffset).setUint32(at, v, true);

describe('a Word file that does not add up', () => {
  it('is refused as not Word without its WordDocument stream, or with one too short for a FIB; as damaged without its table', () => {
    const { doc, table, tableName } = realStreams();
    expect(word97Text(compound({ WordDocument: doc, [tableName]: table }))).toBe(word97Text(fixture('face-recognition-rules.doc')));
    expect(reason(compound({ Workbook: doc }))).toBe('not-word97');
    expect(reason(compound({ WordDocument: doc.slice(0, 0x1a2 + 7), [tableName]: table }))).toBe('not-word97');
    expect(reason(compound({ WordDocument: doc, [tableName === '1Table' ? '0Table' : '1Table']: table }))).toBe('damaged');
  });

  it('is refused as damaged when its FIB or piece table points outside the streams, never with another error', () => {
    const { doc, table, tableName } = realStreams();
    const csw = new DataView(doc.buffer).getUint16(32, true);
    const lwAt = 34 + csw * 2;
    const cslw = new DataView(doc.buffer).getUint16(lwAt, true);
    const fcLcbAt = lwAt + 2 + cslw * 4 + 2;
    const damaged = (edit: (d: Uint8Array, t: Uint8Array) => void) => {
      const d = doc.slice();
      const t = table.slice();
      edit(d, t);
      return reason(compound({ WordDocument: d, [tableName]: t }));
    };
    const fcClx = new DataView(doc.buffer).getUint32(fcLcbAt + 33 * 8, true);
    const lcbClx = new DataView(doc.buffer).getUint32(fcLcbAt + 33 * 8 + 4, true);
    expect(damaged((d) => u32(d, lwAt + 2 + 12, 0xffffffff))).toBe('damaged'); // ccpText < 0
    expect(damaged((d) => u32(d, fcLcbAt + 33 * 8 + 4, 0))).toBe('damaged'); // no Clx
    expect(damaged((d) => u32(d, fcLcbAt + 33 * 8 + 4, table.length))).toBe('damaged'); // Clx past the table
    expect(damaged((d) => new DataView(d.buffer).setUint16(lwAt, 0xffff, true))).toBe('damaged'); // FibRgFcLcb past the stream
    expect(damaged((_, t) => (t[fcClx] = 0x05))).toBe('damaged'); // neither a Prc nor the Pcdt
    expect(damaged((_, t) => u32(t, fcClx + 1, lcbClx * 4))).toBe('damaged'); // a piece table longer than the Clx
    expect(damaged((_, t) => u32(t, fcClx + 1, lcbClx - 5 - 1))).toBe('damaged'); // not 4 + 12n bytes
    expect(damaged((_, t) => u32(t, fcClx + 5, 1_000_000))).toBe('damaged'); // a piece ending before it starts
    expect(damaged((_, t) => u32(t, fcClx + 5 + 8 + 2, 0x3ffffff0))).toBe('damaged'); // a piece past the stream
    // Within the limits, the same text.
    expect(damaged(() => undefined)).toBeNull();
  });

  it('reads its text whatever its character-property pages say when they do not add up', () => {
    const file = fixture('face-recognition-rules.doc');
    const text = word97Text(file);
    const { doc, table, tableName } = realStreams();
    const csw = new DataView(doc.buffer).getUint16(32, true);
    const lwAt = 34 + csw * 2;
    const fcLcbAt = lwAt + 2 + new DataView(doc.buffer).getUint16(lwAt, true) * 4 + 2;
    for (const [pair, value] of [[0, 0xffff], [4, 3], [4, 0], [0, table.length]] as const) {
      const d = doc.slice();
      u32(d, fcLcbAt + 12 * 8 + pair, value);
      expect(word97Text(compound({ WordDocument: d, [tableName]: table }))).toBe(text);
    }
  });
});

describe('the parts of a Word file, as [MS-DOC] lays them out', () => {
  it('skips the property runs before the piece table, and reads each piece\'s positions and kind', () => {
    // A Prc of 2 bytes, then a Pcdt of two pieces: [0, 3) compressed at byte 100, [3, 5) UTF-16 at 300.
    const plc = [0, 3, 5];
    const pcd = (fc: number) => [0, 0, fc & 0xff, (fc >> 8) & 0xff, (fc >> 16) & 0xff, fc >>> 24, 0, 0];
    const lcb = 4 * plc.length + 8 * 2;
    const bytes = new Uint8Array([0x01, 2, 0, 0xaa, 0xbb, 0x02, lcb, 0, 0, 0, ...plc.flatMap((p) => [p, 0, 0, 0]), ...pcd(0x40000000 | 200), ...pcd(300)]);
    expect(pieceTable(bytes, 0, bytes.length)).toEqual([
      { cpStart: 0, cpEnd: 3, fc: 200, compressed: true },
      { cpStart: 3, cpEnd: 5, fc: 300, compressed: false },
    ]);
  });

  it("knows each operand size by the modifier's top three bits, so a deletion after any other modifier is seen", () => {
    const sprm = (spra: number, low: number) => [low, spra << 5];
    const operands: Record<number, number[]> = { 0: [9], 1: [9], 2: [9, 9], 3: [9, 9, 9, 9], 4: [9, 9], 5: [9, 9], 6: [3, 9, 9, 9], 7: [9, 9, 9] };
    for (const [spra, operand] of Object.entries(operands)) {
      for (const on of [1, 0x81]) expect(sprmsHide(new Uint8Array([...sprm(Number(spra), 0x10), ...operand, 0x00, 0x08, on])), `spra ${spra}`).toBe(true);
      // One byte too few or too many for that operand puts the deletion out of step.
      expect(sprmsHide(new Uint8Array([...sprm(Number(spra), 0x10), ...operand, 0x01, 0x00, 0x08, 1]))).toBe(false);
    }
    expect(sprmsHide(new Uint8Array([0x3c, 0x08, 1]))).toBe(true); // hidden (sprmCFVanish)
    expect(sprmsHide(new Uint8Array([0x35, 0x08, 1]))).toBe(false); // bold (sprmCFBold) is shown
    for (const off of [0, 0x80]) expect(sprmsHide(new Uint8Array([0x00, 0x08, off]))).toBe(false);
    expect(sprmsHide(new Uint8Array([0x00, 0x08]))).toBe(false); // no operand
    expect(sprmsHide(new Uint8Array([0x00]))).toBe(false);
  });

  it('hides exactly the stream positions its runs cover', () => {
    // One character-property page (FKP) at stream offset 512: runs [600, 610) deleted, [610, 620) plain, [620, 630) hidden.
    const doc = new Uint8Array(1024);
    const dv = new DataView(doc.buffer);
    const fkp = 512;
    [600, 610, 620, 630].forEach((fc, i) => dv.setUint32(fkp + i * 4, fc, true));
    doc[fkp + 511] = 3;
    // Each run's properties: a word offset into the page, then cb and the modifiers.
    const props = [[0x00, 0x08, 1], [0x35, 0x08, 1], [0x3c, 0x08, 1]];
    props.forEach((grpprl, r) => {
      const at = 400 + r * 8;
      doc[fkp + 16 + r] = at / 2;
      doc[fkp + at] = grpprl.length;
      doc.set(grpprl, fkp + at + 1);
    });
    // The PlcBteChpx: the page's first and last positions, then its page number (1).
    const table = new Uint8Array(12);
    new DataView(table.buffer).setUint32(0, 600, true);
    new DataView(table.buffer).setUint32(4, 630, true);
    new DataView(table.buffer).setUint32(8, 1, true);
    const hidden = hiddenRuns(doc, table, 0, 12);
    expect([599, 600, 609, 610, 619, 620, 629, 630].map((k) => hidden.has(k))).toEqual([false, true, true, false, false, true, true, false]);
    // A page past the stream, a run count past the page, an offset of 0: nothing hidden, nothing thrown.
    expect(hiddenRuns(doc.slice(0, 900), table, 0, 12).has(605)).toBe(false);
    const crowded = doc.slice();
    crowded[fkp + 511] = 120;
    expect(hiddenRuns(crowded, table, 0, 12).has(605)).toBe(false);
    const unset = doc.slice();
    unset[fkp + 16] = 0;
    expect(hiddenRuns(unset, table, 0, 12).has(605)).toBe(false);
    const long = doc.slice();
    long[fkp + 400] = 200;
    expect(hiddenRuns(long, table, 0, 12).has(605)).toBe(false);
  });

  it('shows the marks as Word does: field codes out and results in, lines at paragraph, cell, line and page marks', () => {
    const raw = '第一条\x13 HYPERLINK "x" \x14链接\x15。\r表\x07格\x07\x07甲\x0b乙\x0c丙\t丁\x1e戊\xa0己\x01\x02\x08\x1f庚\r\r  \r' + '\x13 IF \x13 PAGE \x14 1\x15 = 1 \x14嵌套\x15\x14';
    expect(shownText(raw)).toBe('第一条链接。\n表\n格\n甲\n乙\n丙\t丁-戊 己庚\n嵌套');
    // A separator with no field open is no mark of a field (and shows nothing).
    expect(shownText('甲\x14乙')).toBe('甲乙');
    expect(shownText('甲 \t\r乙')).toBe('甲\n乙');
    // A paragraph of nothing but full-width spaces (how a blank line is often typed in Chinese documents) is blank too.
    expect(shownText('甲\r\u3000\u3000\r乙')).toBe('甲\n乙');
  });
});

describe('a compressed piece', () => {
  it('reads bytes 0x80–0x9f as Windows-1252 and the rest as Latin-1 (Word 97 SR2\'s own file)', () => {
    const file = new Uint8Array(readFileSync(join('test-data', 'word97', 'raw', 'test05.doc')));
    const text = 'This is a simple file created with Word 97-SR2.';
    expect(word97Text(file)).toBe(text);
    // The text's bytes, one per character: replace "This" with 0x80, 0x9f, 0x7f and 0xa0.
    const at = Buffer.from(file).indexOf(Buffer.from(text, 'latin1'));
    const edited = file.slice();
    edited.set([0x80, 0x9f, 0x41, 0xa0], at);
    // 0xa0 is a no-break space, shown as a space.
    expect(word97Text(edited)).toBe('€ŸA  is a simple file created with Word 97-SR2.');
  });
});

