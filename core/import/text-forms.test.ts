import { describe, expect, it } from 'vitest';
import { repairPdfGlyphs } from './glyphs';
import { htmlToText } from './html-text';
import { placedLines, toRawText } from './pdf-lines';

describe('repairPdfGlyphs', () => {
  it('turns radical and compatibility code points from PDF text layers into the ideographs they draw', () => {
    // As Chromium's PDFs name them: ⼈ Kangxi radical, ⺠⻔ CJK Radicals Supplement, ― and 〈〉 shared glyphs.
    expect(repairPdfGlyphs('各区⼈⺠政府，四部⻔，2023―2025年，《关于适用〈民法典〉的解释》')).toBe('各区人民政府，四部门，2023—2025年，《关于适用〈民法典〉的解释》');
    expect(repairPdfGlyphs('\u2329民法典\u232a')).toBe('〈民法典〉');
    expect(repairPdfGlyphs('个体工商\u2f3e')).toBe('个体工商户');
  });
  it('leaves every other character alone', () => {
    const s = '第一条　ＡＢＣ abc 123 —（一）①';
    expect(repairPdfGlyphs(s)).toBe(s);
  });
});

describe('pageLines', () => {
  const item = (str: string, x: number, y: number, size = 16) => ({ str, x, y, width: str.length * size, size });
  it('joins runs on one baseline in x order, a gap wider than a character as one space, lines top to bottom', () => {
    expect(placedLines([item('政府', 132, 700), item('各区人民', 68, 701), item('序号', 68, 650), item('法律名称', 200, 650), item('— 1 —', 260, 40, 9), item('公报', 260, 800, 9)], { layout: 'lines' })).toEqual(['公报', '各区人民政府', '序号 法律名称', '— 1 —']);
  });
  it('marks pages as the raw files do', () => {
    expect(toRawText([['甲'], ['乙', '丙']])).toBe('# Page 1:\n甲\n# Page 2:\n乙\n丙\n');
  });
});

describe('htmlToText', () => {
  it('keeps block structure as lines, table cells apart, and drops scripts, styles and tags', () => {
    const html = '<html><head><title>关于印发办法的通知</title><style>p{}</style></head><body><h1>关于印发办法的通知</h1><p>第一条&nbsp;为了规范管理，<b>制定</b>本办法。</p><table><tr><td>序号</td><td>事项</td></tr></table><script>x()</script></body></html>';
    expect(htmlToText(html).split('\n')).toEqual(['关于印发办法的通知', '关于印发办法的通知', '第一条 为了规范管理，制定本办法。', '序号 事项']);
  });
});
