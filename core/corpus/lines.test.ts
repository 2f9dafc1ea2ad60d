/**
 * Raw text → numbered lines (toLines) and the widths the paragraph and furniture stages measure
 * lines by, on text as PDF extraction leaves it. Expected values are counted off the text by hand.
 */
import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS, displayWidth, isBlank, toLines, typicalWidth, type Line } from './lines.js';

describe('toLines: pdftotext’s form feeds', () => {
  // As pdftotext writes a page break (gov.cn's 国发〔2019〕5号 printed, test-data/database-exports/raw/gov-01.pdftotext.txt).
  it('counts pages from 1 at each form feed, and the form feed is no part of the line (it read as an indent)', () => {
    const r = toLines('（一）统筹建设监管工作平台。\n\n\f各省（区、市）人民政府要以国家企业信用信息公示系统\n为依托。\n\f');
    expect(r.hasPages).toBe(true);
    expect(r.lines.map((l) => [l.no, l.page, l.text])).toEqual([
      [1, 1, '（一）统筹建设监管工作平台。'],
      [2, 1, ''],
      [3, 2, '各省（区、市）人民政府要以国家企业信用信息公示系统'],
      [4, 2, '为依托。'],
      [5, 3, ''],
    ]);
  });
  it('leaves a file without form feeds without pages', () => {
    expect(toLines('第一行\n第二行').lines.map((l) => l.page)).toEqual([null, null]);
  });
});

describe('toLines: a date whose year pdftotext read after it', () => {
  // gov.cn's 国办发〔2018〕114号 and 126号 printed by Chromium, read by pdftotext: the year is set apart on the page.
  const texts = (t: string) => toLines(t).lines.map((l) => l.text);
  it('puts the year back in front of the date, and leaves its own line empty (line numbers kept)', () => {
    expect(texts('国务院办公厅\n年12月4日\n\n2018\n\n（此件公开发布）')).toEqual(['国务院办公厅', '2018年12月4日', '', '', '', '（此件公开发布）']);
    expect(texts('                 国务院办公厅\n                   年12月23日\n                 2018')).toEqual(['                 国务院办公厅', '                   2018年12月23日', '']);
  });
  it('leaves a year that is not alone on its line, one more than three lines down, and a year alone with no date above it', () => {
    expect(texts('国务院办公厅\n年12月4日\n2018年起施行')).toEqual(['国务院办公厅', '年12月4日', '2018年起施行']);
    expect(texts('年12月4日\n\n\n\n2018')).toEqual(['年12月4日', '', '', '', '2018']);
    expect(texts('年12月4日\n\n\n2018')).toEqual(['2018年12月4日', '', '', '']);
    expect(texts('序号\n2018\n2019')).toEqual(['序号', '2018', '2019']);
    expect(texts('年12月4日\n附件\n2018')).toEqual(['年12月4日', '附件', '2018']);
    expect(texts('国务院办公厅\n年12月4日')).toEqual(['国务院办公厅', '年12月4日']);
    expect(texts('年12月4日\n编号2018')).toEqual(['年12月4日', '编号2018']);
  });
});

describe('toLines: page markers', () => {
  it('consumes each # Page N: marker, gives the following lines its page and keeps raw line numbers', () => {
    const text = [
      '# Page 1:',
      '国务院办公厅关于印发全国深化“放管服”改革',
      '  优化营商环境电视电话会议重点任务分工方案的通知',
      '# Page 12:',
      '国办发〔2021〕25号',
    ].join('\n');
    const r = toLines(text);
    expect(r.hasPages).toBe(true);
    expect(r.splitLines).toBe(0);
    expect(r.lines).toEqual([
      { no: 2, text: '国务院办公厅关于印发全国深化“放管服”改革', page: 1 },
      // Leading space is kept: it marks a new PDF text box.
      { no: 3, text: '  优化营商环境电视电话会议重点任务分工方案的通知', page: 1 },
      { no: 5, text: '国办发〔2021〕25号', page: 12 },
    ]);
  });

  it('reads the marker in lower case, without its colon, and with the spaces an extraction tool pads it with', () => {
    const text = ['第一条　为了规范政务服务，制定本办法。', '# page 2', '第二条　本办法适用于本市。', '   #   Page   103 :   ', '第三条　本办法自公布之日起施行。'].join('\n');
    expect(toLines(text).lines.map((l) => [l.no, l.page])).toEqual([[1, null], [3, 2], [5, 103]]);
  });

  it('keeps a line that only mentions a page as text', () => {
    const text = ['# Page 1:', '#Page 2: 第二条　本办法适用于本市。', '详见 # Page 3:', 'Page 4:'].join('\n');
    const r = toLines(text);
    expect(r.lines.map((l) => l.text)).toEqual(['#Page 2: 第二条　本办法适用于本市。', '详见 # Page 3:', 'Page 4:']);
    expect(r.lines.every((l) => l.page === 1)).toBe(true);
  });

  it('takes a marker indented to 64 characters, but not a longer line', () => {
    const at64 = `${' '.repeat(55)}# Page 7:`;
    const at65 = `${' '.repeat(56)}# Page 7:`;
    expect(at64).toHaveLength(64);
    expect(toLines(`正文。\n${at64}\n下一页。`).lines).toEqual([{ no: 1, text: '正文。', page: null }, { no: 3, text: '下一页。', page: 7 }]);
    expect(toLines(`正文。\n${at65}\n下一页。`).lines.map((l) => [l.no, l.page])).toEqual([[1, null], [2, null], [3, null]]);
  });

  it('gives lines no page, and says so, when the file has no markers', () => {
    const r = toLines('关于进一步优化营商环境的通知\n各区人民政府：');
    expect(r.hasPages).toBe(false);
    expect(r.lines).toEqual([{ no: 1, text: '关于进一步优化营商环境的通知', page: null }, { no: 2, text: '各区人民政府：', page: null }]);
  });
});

describe('toLines: white space and long lines', () => {
  it('removes trailing white space, ideographic and zero-width spaces and BOMs included, and keeps blank lines', () => {
    const text = '沪商自贸〔2023〕132 号 \t\n\u3000\u3000各区人民政府：\u3000\n\u200b\n（此件公开发布）\ufeff\u200b';
    expect(toLines(text).lines.map((l) => l.text)).toEqual(['沪商自贸〔2023〕132 号', '\u3000\u3000各区人民政府：', '', '（此件公开发布）']);
  });

  it('keeps a line of exactly MAX_LINE_CHARS whole, also with trailing spaces, and splits one character more', () => {
    const whole = toLines(`${'政'.repeat(MAX_LINE_CHARS)}   \n末行`);
    expect(whole.splitLines).toBe(0);
    expect(whole.lines.map((l) => [l.no, l.text.length])).toEqual([[1, MAX_LINE_CHARS], [2, 2]]);
    const split = toLines(`${'政'.repeat(MAX_LINE_CHARS + 1)}\n末行`);
    expect(split.splitLines).toBe(1);
    expect(split.lines.map((l) => [l.no, l.text.length])).toEqual([[1, MAX_LINE_CHARS], [1, 1], [2, 2]]);
  });

  it('cuts a line of twice MAX_LINE_CHARS into two pieces, with no empty third', () => {
    const r = toLines(`${'政'.repeat(MAX_LINE_CHARS * 2)}\n末行`);
    expect(r.lines.map((l) => [l.no, l.text.length])).toEqual([[1, MAX_LINE_CHARS], [1, MAX_LINE_CHARS], [2, 2]]);
  });

  it('numbers the lines of a file that starts with blank lines', () => {
    expect(toLines('\n\n青岛市政务服务管理办法\n第一条　为了规范政务服务，制定本办法。').lines).toEqual([
      { no: 1, text: '', page: null },
      { no: 2, text: '', page: null },
      { no: 3, text: '青岛市政务服务管理办法', page: null },
      { no: 4, text: '第一条　为了规范政务服务，制定本办法。', page: null },
    ]);
  });

  it('reads many blank lines padded with spaces in linear time (trailing space is looked for within its own line only)', () => {
    // pdftotext -layout pads the blank lines of a page; 200,000 of them walked back over each other took minutes.
    const r = toLines(`第一条　为了规范政务服务，制定本办法。\n${'    \n'.repeat(200_000)}第二条　本办法适用于本市。`);
    expect(r.lines).toHaveLength(200_002);
    expect(r.lines.slice(1, -1).every((l) => l.text === '')).toBe(true);
    expect(r.lines.at(-1)).toEqual({ no: 200_002, text: '第二条　本办法适用于本市。', page: null });
  });

  it('gives the pieces of a split line the page it is on', () => {
    const r = toLines(`# Page 4:\n${'务'.repeat(MAX_LINE_CHARS + 10)}`);
    expect(r.lines.map((l) => [l.no, l.page, l.text.length])).toEqual([[2, 4, MAX_LINE_CHARS], [2, 4, 10]]);
  });
});

describe('isBlank', () => {
  it('is true for a line of spaces, ideographic ones included, and false for any text', () => {
    const line = (text: string): Line => ({ no: 1, text, page: null });
    expect(isBlank(line(''))).toBe(true);
    expect(isBlank(line(' \u3000\t'))).toBe(true);
    expect(isBlank(line('\u3000\u3000一、'))).toBe(false);
  });
});

describe('displayWidth', () => {
  it('counts a Chinese character or full-width mark as one and a Latin letter, digit or space as half, without the ends', () => {
    expect(displayWidth('第一条')).toBe(3);
    expect(displayWidth('  2023 年6 月  ')).toBe(5.5);
    expect(displayWidth('国办发〔2021〕25号')).toBe(9);
    expect(displayWidth('WINCON LAW FIRM')).toBe(7.5);
    expect(displayWidth('——')).toBe(2);
    expect(displayWidth('\u3000\u3000')).toBe(0);
  });

  it('counts a character outside the BMP (a surrogate pair) as one, and a lone half of one as one', () => {
    // 𠀀 (U+20000) is two code units; a name in a rare character is one character wide.
    expect(displayWidth('王𠀀a')).toBe(2.5);
    expect(displayWidth('\ud840王')).toBe(2);
    // The first and last characters outside the BMP (U+10000: D800 DC00; U+10FFFF: DBFF DFFF).
    expect(displayWidth('\u{10000}a\u{10FFFF}')).toBe(2.5);
  });
});

describe('typicalWidth', () => {
  const lines = (texts: string[]): Line[] => texts.map((text, i) => ({ no: i + 1, text, page: null }));

  it('takes the width four fifths up the lines of 8 characters or more: the wrap width, not the short last lines', () => {
    const text = [
      '一、总体要求', // 6: too short to count
      '为深入贯彻落实党中央、国务院关于优化营商环境的决策部署，', // 28
      '进一步激发市场主体活力，结合本市实际，制定本方案。', // 25
      '（一）指导思想。', // 8
      '坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻', // 27
      '党的二十大精神，持续优化营商环境。', // 17
      '二、主要任务', // 6
    ];
    // Widths of 8 and more, sorted: 8, 17, 25, 27, 28; four fifths up is the fifth.
    expect(typicalWidth(lines(text))).toBe(28);
    // Without the line of 8 only four are left: too few, so the default page width.
    expect(typicalWidth(lines(text.filter((t) => t !== '（一）指导思想。')))).toBe(40);
  });
});
