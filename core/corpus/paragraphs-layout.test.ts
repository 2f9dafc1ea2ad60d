/**
 * Splitting lines into paragraphs where the layout is all there is to go by: indents, PDF text boxes, pieces of a
 * line, and headings on lines of their own (the cases the first mutation run of paragraphs.ts found untested).
 */
import { describe, expect, it } from 'vitest';
import { toLines } from './lines.js';
import { toParagraphs } from './paragraphs.js';

const paras = (text: string, width?: number) => toParagraphs(toLines(text).lines, width).map((p) => p.text);
describe('toParagraphs: indents, text boxes and pieces of lines (survivors of the first mutation run)', () => {
  // 中华人民共和国中国人民银行法 第五条、第六条, with the first-line indent printed three other ways.
  const law = (indent: string) => [
    `${indent}第五条　中国人民银行就年度货币供应量、利率、汇率和国务院规定的其`,
    '他重要事项作出的决定，报国务院批准后执行。',
    `${indent}中国人民银行就前款规定以外的其他有关货币政策事项作出决定后，即予`,
    '执行，并报国务院备案。',
    `${indent}第六条　中国人民银行应当向全国人民代表大会常务委员会提出有关货币`,
    '政策情况和金融业运行情况的工作报告。',
  ].join('\n');
  const lawParas = [
    '第五条 中国人民银行就年度货币供应量、利率、汇率和国务院规定的其他重要事项作出的决定，报国务院批准后执行。',
    '中国人民银行就前款规定以外的其他有关货币政策事项作出决定后，即予执行，并报国务院备案。',
    '第六条 中国人民银行应当向全国人民代表大会常务委员会提出有关货币政策情况和金融业运行情况的工作报告。',
  ];

  it('counts one ideographic space or one tab as a paragraph indent (two and four columns)', () => {
    expect(paras(law('\u3000'), 21)).toEqual(lawParas);
    expect(paras(law('\t'), 21)).toEqual(lawParas);
  });

  it('does not count the one-space lead of a pdf.js text run as a paragraph indent', () => {
    const text = [
      '为进一步优化营商环境，激发市场主体活力，推动经济高质量发展，',
      '结合本市实际，制定本措施。',
      '各级人民政府应当加强对优化营商环境工作的组织领导，完善',
      ' 优化营商环境的政策措施，建立健全统筹推进、督促落实优化',
      ' 营商环境的工作机制，及时协调、解决优化营商环境工作中的',
      ' 重大问题。',
    ].join('\n');
    expect(paras(text, 30)).toEqual([
      '为进一步优化营商环境，激发市场主体活力，推动经济高质量发展，结合本市实际，制定本措施。',
      '各级人民政府应当加强对优化营商环境工作的组织领导，完善优化营商环境的政策措施，建立健全统筹推进、督促落实优化营商环境的工作机制，及时协调、解决优化营商环境工作中的重大问题。',
    ]);
  });

  it('judges a line ending in 。 by the physical line its pieces fill: a full one goes on', () => {
    // 20 + 10 = 30 columns: one full line of a page 29 wide (a line may overrun by one), cut in two after ，.
    expect(paras('为进一步优化营商环境，激发市场主体活力，\n推动经济高质量发展。\n结合本市实际，制定本措施。', 29)).toEqual(['为进一步优化营商环境，激发市场主体活力，推动经济高质量发展。结合本市实际，制定本措施。']);
  });

  it('reads one indented line in a file that does not indent its paragraphs as a shifted line, not a paragraph', () => {
    expect(paras('为进一步优化营商环境，激发市场主体活力，推动经济高质量发展，\n  结合本市实际，制定本措施。', 30)).toEqual(['为进一步优化营商环境，激发市场主体活力，推动经济高质量发展，结合本市实际，制定本措施。']);
  });

  it('takes the page margin from the lead most lines share, not from a stray outdented line or the blank lines', () => {
    // 郑州市失业保险条例 as pdftotext -layout prints it (margin 6), with a note set further left.
    const lines = [
      '         第一条 为保障失业人员失业期间的基本生活，促进其再就业，根据',
      '      《中华人民共和国劳动法》、国务院《失业保险条例》和《社会保险费征缴',
      '      暂行条例》等有关法律、法规规定，结合本市实际，制定本条例。',
      '',
      '         第二条 本条例适用于本市行政区域内的城镇企业事业单位及其职工。',
      '',
      '  注：本条例自2005年7月1日起施行。',
    ];
    expect(paras(lines.join('\n'), 40)).toEqual([
      '第一条 为保障失业人员失业期间的基本生活，促进其再就业，根据《中华人民共和国劳动法》、国务院《失业保险条例》和《社会保险费征缴暂行条例》等有关法律、法规规定，结合本市实际，制定本条例。',
      '第二条 本条例适用于本市行政区域内的城镇企业事业单位及其职工。',
      '注：本条例自2005年7月1日起施行。',
    ]);
  });

  it('marks a paragraph that starts in a new text box (a lead beyond the margin)', () => {
    const ps = toParagraphs(toLines('稳步推进。\n 新华社北京电　国务院常务会议部署推进。').lines, 40);
    expect(ps.map((p) => [p.text, p.boxStart])).toEqual([['稳步推进。', false], ['新华社北京电 国务院常务会议部署推进。', true]]);
  });

  it('in a file extracted as pieces of justified lines, takes a short line ending in 。 for a piece when the next fits beside it', () => {
    const pair = ['为进一步优化营商环境，激发市场主体活力，推动经济高质量发展，', '结合本市实际，制定本措施。'];
    const joined = '为进一步优化营商环境，激发市场主体活力，推动经济高质量发展，结合本市实际，制定本措施。';
    const tail = ['依法保护各类市场主体的', '合法权益。', '营造公平竞争的市场环境。'];
    // 24 lines, two of them short pieces without punctuation (为进一步优化营商环境，and 依法保护各类市场主体的); a
    // short line ending in 。 before a full line (结合本市实际，制定本措施。) still ends its paragraph.
    const fragmented = ['为进一步优化营商环境，', '激发市场主体活力，推动经济高质量发展，', pair[1], ...Array.from({ length: 9 }, () => pair).flat(), '', ...tail];
    expect(paras(fragmented.join('\n'), 30)).toEqual([...Array(10).fill(joined), '依法保护各类市场主体的合法权益。营造公平竞争的市场环境。']);
    // In a file of whole lines the short line ending in 。 ends its paragraph: a short file, or a long one
    // with one piece in 23 lines (the blank line is no piece).
    expect(paras(tail.join('\n'), 30)).toEqual(['依法保护各类市场主体的合法权益。', '营造公平竞争的市场环境。']);
    const whole = [...Array.from({ length: 10 }, () => pair).flat(), '', ...tail];
    expect(paras(whole.join('\n'), 30)).toEqual([...Array(10).fill(joined), '依法保护各类市场主体的合法权益。', '营造公平竞争的市场环境。']);
  });
});

describe('toParagraphs: headings on lines of their own (survivors of the first mutation run)', () => {
  it('ends a numbered heading of two numerals at its line', () => {
    expect(paras('十一、优化政务服务\n深化“一网通办”改革，推进政务服务标准化。', 40)).toEqual(['十一、优化政务服务', '深化“一网通办”改革，推进政务服务标准化。']);
    expect(paras('（十二）强化督促检查\n各区要加强对本方案落实情况的督促检查。', 40)).toEqual(['（十二）强化督促检查', '各区要加强对本方案落实情况的督促检查。']);
  });

  it('joins a title centred over two lines, also across the blank line between them', () => {
    const title = ['                国务院关于印发全国深化“放管服”改革', '                  优化营商环境重点任务分工方案的通知'];
    const addressees = '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：';
    const expected = ['国务院关于印发全国深化“放管服”改革优化营商环境重点任务分工方案的通知', addressees];
    expect(paras([...title, addressees].join('\n'), 40)).toEqual(expected);
    expect(paras([title[0], '', title[1], addressees].join('\n'), 40)).toEqual(expected);
  });

  it('finds no paragraph in a file of blank lines', () => {
    expect(toParagraphs(toLines('\n\u3000\n  \n').lines, 40)).toEqual([]);
  });

  it('ends a short unpunctuated heading at the blank line under it, on one page', () => {
    expect(paras('推进政务服务标准化\n\n各区要加强统筹。', 40)).toEqual(['推进政务服务标准化', '各区要加强统筹。']);
  });

  it('does not end addressees at a colon inside a full line', () => {
    expect(paras('各有关单位：为做好2023年度政务服务\n工作，现将有关事项通知如下。', 20)).toEqual(['各有关单位：为做好2023年度政务服务工作，现将有关事项通知如下。']);
  });

  it('keeps a title going while a 《 is open, even where a line of it ends like a title', () => {
    expect(paras('上海市人民政府办公厅关于转发市发展改革委《关于进一步优化营商环境的实施方案\n及配套措施》的通知\n各区人民政府：', 50)).toEqual([
      '上海市人民政府办公厅关于转发市发展改革委《关于进一步优化营商环境的实施方案及配套措施》的通知',
      '各区人民政府：',
    ]);
  });

  it('keeps each of three issuing bodies of a signature on its own line', () => {
    expect(paras('请结合实际认真贯彻落实。\n上海市商务委员会\n上海市财政局\n上海市市场监督管理局\n2023年6月13日', 40)).toEqual(['请结合实际认真贯彻落实。', '上海市商务委员会', '上海市财政局', '上海市市场监督管理局', '2023年6月13日']);
  });

  it('ends a title that ends with its date in parentheses, even when the text below names a date', () => {
    expect(paras('上海市人民政府关于本市加快推进城市数字化转型（2023年5月25日）\n为加快推进城市数字化转型，市政府于2023年6月1日决定如下。', 40)).toEqual([
      '上海市人民政府关于本市加快推进城市数字化转型（2023年5月25日）',
      '为加快推进城市数字化转型，市政府于2023年6月1日决定如下。',
    ]);
  });
});
