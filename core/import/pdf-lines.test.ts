import { describe, expect, it } from 'vitest';
import { repairPdfGlyphs } from './glyphs.js';
import { pageLines, placeText, toRawText, type PdfTextItem } from './pdf-lines.js';

/** A pdf.js text item of `str` set at 12pt from (x, y), one em per character (CJK full width). */
function item(str: string, x: number, y: number, size = 12): PdfTextItem {
  return { str, transform: [size, 0, 0, size, x, y], width: str.length * size, height: size };
}

// A page with a 12pt body from x=72, a line pitch of 20: the shapes pdf.js reports for Chromium-printed text.
const FULL = '为了规范政务服务行为提高行政效能推进政务服务标准化规范化便利化和服务型政府建设'; // 40 characters
describe('pageLines', () => {
  it('joins the items of one baseline left to right and orders lines top to bottom', () => {
    const lines = pageLines([item('第二行', 72, 680), item('第一', 72, 700), item('行', 96, 700)]);
    expect(lines).toEqual(['第一行', '第二行']);
  });

  it('puts an ideographic space where a gap separates two CJK items, an ASCII space between Latin ones', () => {
    const lines = pageLines([item('第一条', 72, 700), item('为了', 72 + 36 + 12, 700), item('RCEP', 72, 680), item('2025', 72 + 48 + 6, 680)]);
    expect(lines).toEqual(['第一条\u3000为了', 'RCEP 2025']);
  });

  it('keeps the ideographic space a run ends with when the next run follows it directly (第一条　为了)', () => {
    // Chromium prints "第一条　" as one run whose width includes the space, and the article text right after it.
    const lines = pageLines([item('第一条\u3000', 72, 700), item('为了规范', 72 + 48, 700), item('第二条\u3000\u3000', 72, 680)]);
    expect(lines).toEqual(['第一条\u3000为了规范', '第二条']);
  });

  it('gives an indented line ideographic spaces for its indent, measured from where full lines start', () => {
    // The page number sits further left than the text, on a short line: it says nothing about the margin.
    const lines = pageLines([item(FULL.slice(0, 38), 96, 700), item(FULL, 72, 680), item('末行', 72, 660), item('1', 30, 40)]);
    expect(lines).toEqual(['\u3000\u3000' + FULL.slice(0, 38), FULL, '末行', '', '1']);
  });

  it('leaves a blank line where the gap between two lines is a paragraph gap', () => {
    const lines = pageLines([item('甲', 72, 700), item('乙', 72, 680), item('丙', 72, 660), item('丁', 72, 620)]);
    expect(lines).toEqual(['甲', '乙', '丙', '', '丁']);
    // Twice the line pitch is a paragraph gap at the default 1.4 pitches, not when three are asked for.
    expect(pageLines([item('甲', 72, 700), item('乙', 72, 680), item('丙', 72, 660), item('丁', 72, 620)], { blankGap: 3 })).toEqual(['甲', '乙', '丙', '丁']);
    expect(pageLines([item('甲', 72, 700), item('乙', 72, 680), item('丙', 72, 660), item('丁', 72, 620)], { blankGap: 1.9 })).toEqual(['甲', '乙', '丙', '', '丁']);
  });

  it('measures the line pitch as the most usual gap, whatever the order of the gaps down the page', () => {
    // Gaps 20, 20, 30, 20, 45: the pitch is 20, so 30 and 45 are paragraph gaps (over 1.4 × 20).
    const lines = pageLines([item('甲', 72, 700), item('乙', 72, 680), item('丙', 72, 660), item('丁', 72, 630), item('戊', 72, 610), item('己', 72, 565)]);
    expect(lines).toEqual(['甲', '乙', '丙', '', '丁', '戊', '', '己']);
  });

  it('keeps a large title with wide leading together, and sets it apart from the text before and after it', () => {
    const lines = pageLines([item('国发〔2019〕4号', 200, 760), item('国务院关于印发国家职业', 150, 700, 20), item('教育改革实施方案的通知', 150, 655, 20), item('各省人民政府：', 72, 615), item('现将方案印发给你们。', 72, 590), item('请认真贯彻执行。', 72, 565)]);
    expect(lines.map((l) => l.trim())).toEqual(['国发〔2019〕4号', '', '国务院关于印发国家职业', '教育改革实施方案的通知', '', '各省人民政府：', '现将方案印发给你们。', '请认真贯彻执行。']);
  });

  it('reads Kangxi and supplement radicals as the characters they stand for', () => {
    expect(repairPdfGlyphs('中华⼈⺠共和国⾏政')).toBe('中华人民共和国行政');
    expect(pageLines([item('⼈⺠代表⼤会', 72, 700)])).toEqual(['人民代表大会']);
  });

  it('reads 戶 as 户 on a page written in simplified characters only', () => {
    expect(pageLines([item('常住戶口所在地的登记机关', 72, 700)])).toEqual(['常住户口所在地的登记机关']);
    expect(pageLines([item('戶籍謄本', 72, 700)])).toEqual(['戶籍謄本']);
  });

  it('returns no lines for a page without text (a scan)', () => {
    expect(pageLines([item('  ', 72, 700)])).toEqual([]);
  });
});

describe('pageLines: items in the order pdf.js gives them, not the order they are read', () => {
  it('reads the same lines whatever order the content stream drew the items in', () => {
    const items = [item('第一', 72, 700), item('条', 96, 700), item('为了', 108, 700), item('第二条', 72, 680), item('附则', 72, 660)];
    const reversed = [...items].reverse();
    expect(pageLines(reversed)).toEqual(['第一条为了', '第二条', '附则']);
    expect(pageLines(reversed, { layout: 'lines' })).toEqual(['第一条为了', '第二条', '附则']);
  });
  it('reads a line whose runs sit a little above or below its baseline left to right', () => {
    expect(pageLines([item('第一', 72, 700), item('条', 96, 701.5), item('为了', 108, 699)], { layout: 'lines' })).toEqual(['第一条为了']);
  });
  it('keeps a line of large type and a line of body type set close below it apart', () => {
    // 9pt below a 24pt title: half the smaller size (6pt) decides, not half the larger (12pt).
    expect(pageLines([item('通知', 72, 700, 24), item('各区：', 72, 691)], { layout: 'lines' })).toEqual(['通知', '各区：']);
  });
  it('reads the font size from the glyph height, not its width, for condensed type', () => {
    // Horizontally scaled to half width: a 3pt gap is a quarter of the 12pt height, no space.
    const condensed = (str: string, x: number): PdfTextItem => ({ str, transform: [6, 0, 0, 12, x, 700], width: str.length * 6, height: 12 });
    expect(pageLines([condensed('第一', 72), condensed('条', 72 + 12 + 3)])).toEqual(['第一条']);
  });
});

describe('pageLines: spaces between the runs of one line', () => {
  it('puts one ASCII space between Latin and CJK, however wide the gap', () => {
    expect(pageLines([item('RCEP', 72, 700), item('协定', 72 + 48 + 24, 700)])).toEqual(['RCEP 协定']);
  });
  it('puts as many ideographic spaces as the gap holds characters, at most four', () => {
    expect(pageLines([item('第一条', 72, 700), item('为了', 72 + 36 + 24, 700)])).toEqual(['第一条\u3000\u3000为了']);
    expect(pageLines([item('第一条', 72, 700), item('为了', 72 + 36 + 96, 700)])).toEqual(['第一条\u3000\u3000\u3000\u3000为了']);
  });
  it("'lines' layout: a gap of about a character between table cells is one space, a narrower one none", () => {
    expect(pageLines([item('序号', 72, 700), item('事项', 72 + 24 + 12, 700), item('办理', 72 + 24 + 12 + 24 + 10, 700)], { layout: 'lines' })).toEqual(['序号 事项办理']);
    // A 24pt cell and a 12pt one: the smaller size sets the gap that counts.
    expect(pageLines([item('一', 72, 700, 24), item('甲', 72 + 24 + 12, 700)], { layout: 'lines' })).toEqual(['一 甲']);
  });
  it("'lines' layout: drops runs of only spaces and the spaces that end a line", () => {
    expect(pageLines([item('第一条  ', 72, 700), item('   ', 72, 680), item('第二条', 72, 660)], { layout: 'lines' })).toEqual(['第一条', '第二条']);
  });
  it('sets a one-line title in large type apart from the body below it', () => {
    expect(pageLines([item('示例办法', 150, 720, 20), item('第一条为了规范。', 72, 680), item('第二条本办法适用于本市。', 72, 660)]).map((l) => l.trim())).toEqual([
      '示例办法',
      '',
      '第一条为了规范。',
      '第二条本办法适用于本市。',
    ]);
  });
});

describe('placeText: the font size of an item', () => {
  const at = (transform: number[], height: number) => placeText({ str: '第一条', transform, width: 36, height });
  it('is the glyph height, also for text set sideways', () => {
    expect(at([12, 0, 0, 12, 72, 700], 12)).toEqual({ str: '第一条', x: 72, y: 700, width: 36, size: 12 });
    expect(at([0, 12, -12, 0, 72, 700], 12).size).toBe(12);
  });
  it('falls back to the width scale, then the item height, then 10 when the matrix has no height', () => {
    expect(at([14, 0, 0, 0, 72, 700], 9).size).toBe(14);
    expect(at([0, 0, 0, 0, 72, 700], 9).size).toBe(9);
    expect(at([0, 0, 0, 0, 72, 700], 0).size).toBe(10);
  });
});

describe('toRawText', () => {
  it('writes each page under its # Page N: marker', () => {
    expect(toRawText([['甲', '乙'], [], ['丙']])).toBe('# Page 1:\n甲\n乙\n# Page 2:\n\n# Page 3:\n丙\n');
  });
});
