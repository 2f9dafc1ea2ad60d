/**
 * Structural markers at the start of a paragraph (readMarker), on paragraphs of laws and notices
 * as toParagraphs gives them. Expected markers are read off the text by hand.
 */
import { describe, expect, it } from 'vitest';
import { readMarker } from './markers.js';

describe('readMarker: the levels of a law', () => {
  it('reads 编, 分编, 章, 节 and 条 with their number, the marker as printed and the text after it', () => {
    expect(readMarker('第三编　合同')).toEqual({ level: 'part', label: '第三编', printed: '第三编', n: 3, rest: '合同' });
    expect(readMarker('第二分编 典型合同')).toEqual({ level: 'subpart', label: '第二分编', printed: '第二分编', n: 2, rest: '典型合同' });
    expect(readMarker('第十二章　附则')).toEqual({ level: 'chapter', label: '第十二章', printed: '第十二章', n: 12, rest: '附则' });
    expect(readMarker('第一节 一般规定')).toEqual({ level: 'section', label: '第一节', printed: '第一节', n: 1, rest: '一般规定' });
    expect(readMarker('第一百零五条　本法自2023年7月1日起施行。')).toEqual({ level: 'article', label: '第一百零五条', printed: '第一百零五条', n: 105, rest: '本法自2023年7月1日起施行。' });
  });

  it('reads an article numbered in digits, and one printed without a space before its text', () => {
    expect(readMarker('第12条 政务服务事项实行清单管理。')).toMatchObject({ level: 'article', label: '第12条', n: 12, rest: '政务服务事项实行清单管理。' });
    expect(readMarker('第六条中小微企业可以申请贷款贴息。')).toMatchObject({ level: 'article', label: '第六条', n: 6, rest: '中小微企业可以申请贷款贴息。' });
    expect(readMarker('第二十条')).toMatchObject({ level: 'article', n: 20, rest: '' });
  });

  it('does not read a reference to an article as an article', () => {
    for (const text of [
      '第三十条规定的情形，由市场监管部门责令改正。',
      '第十条第二款的规定，不适用于个体工商户。',
      '第五条、第六条所列事项除外。',
      '第八条的规定执行。',
      '第九条至第十二条的规定。',
      '第七条或者第八条规定的程序办理。',
      '第十四条和第十五条规定的期限。',
      '第三条之一的规定。',
      '第二十一条，第二十二条不再适用。',
      // a range of 项 or 款 (本规定第一条第一至三项的…, wrapped to the start of a line in a real 规定)
      '第一条第一至三项的第一审金融民商事案件',
      '第二条第一至第三项规定的情形',
      '第十条第二至四款的规定',
      // a list of 项 (…已经发生法律效力的本规定 | 第二条第一、二、三项所称第一审案件…, a real 规定 wrapped there)
      '第二条第一、二、三项所称第一审案件判决、裁定、调解书',
      '第五条第一项、第三项规定的情形',
    ]) expect(readMarker(text)).toBeNull();
  });

  it('still reads an article whose text begins with a number of its own', () => {
    expect(readMarker('第一条 第一至三项所列案件由中级人民法院管辖。')).toMatchObject({ level: 'article', n: 1 });
    expect(readMarker('第二条 第一、二、三项所称案件由知识产权法庭审理。')).toMatchObject({ level: 'article', n: 2 });
  });
});

describe('readMarker: outline numbering of notices', () => {
  it('reads 一、 and （一） in Chinese numerals, normalising the brackets and commas it was printed with', () => {
    expect(readMarker('一、总体要求')).toEqual({ level: 'outline1', label: '一、', printed: '一、', n: 1, rest: '总体要求' });
    expect(readMarker('十一，加强组织领导')).toMatchObject({ level: 'outline1', label: '十一、', printed: '十一，', n: 11 });
    expect(readMarker('（二）创新监管模式。')).toEqual({ level: 'outline2', label: '（二）', printed: '（二）', n: 2, rest: '创新监管模式。' });
    expect(readMarker('(十) 强化督促检查')).toEqual({ level: 'outline2', label: '（十）', printed: '(十)', n: 10, rest: '强化督促检查' });
  });

  it('reads 1. 1．1、 and （1） in digits, the label always 1. or （1）', () => {
    expect(readMarker('1.压缩整体通关时间。')).toEqual({ level: 'outline3', label: '1.', printed: '1.', n: 1, rest: '压缩整体通关时间。' });
    expect(readMarker('26、推行电子化开具')).toEqual({ level: 'outline3', label: '26.', printed: '26、', n: 26, rest: '推行电子化开具' });
    expect(readMarker('3． 提升退税便利度')).toEqual({ level: 'outline3', label: '3.', printed: '3．', n: 3, rest: '提升退税便利度' });
    expect(readMarker('（1）电子化开具。')).toEqual({ level: 'outline4', label: '（1）', printed: '（1）', n: 1, rest: '电子化开具。' });
    expect(readMarker('(12) 简化办理流程')).toEqual({ level: 'outline4', label: '（12）', printed: '(12)', n: 12, rest: '简化办理流程' });
  });

  it('reads no marker in a number that is text: a decimal, a year, a count, a zero', () => {
    expect(readMarker('1.5亿元用于支持中小企业。')).toBeNull();
    expect(readMarker('2023.年远景目标另行制定。')).toBeNull();
    expect(readMarker('2035年基本实现现代化。')).toBeNull();
    expect(readMarker('0.新增措施。')).toBeNull();
    expect(readMarker('〇、总则')).toBeNull();
    expect(readMarker('第〇条 总则')).toBeNull();
    expect(readMarker('一是加强统筹协调。')).toBeNull();
    expect(readMarker('依照本法第十条的规定。')).toBeNull();
    expect(readMarker('按照前款第（1）项规定办理。')).toBeNull();
  });
});

describe('readMarker: ㈠ and ⑴, one character for （一） and （1）', () => {
  it('reads them as the markers they stand for, printed as they are', () => {
    expect(readMarker('㈠新型节能建筑体系；')).toMatchObject({ level: 'outline2', label: '（一）', printed: '㈠', n: 1, rest: '新型节能建筑体系；' });
    expect(readMarker('㈩其他。')).toMatchObject({ level: 'outline2', label: '（十）', n: 10, rest: '其他。' });
    expect(readMarker('⑵ 报送材料')).toMatchObject({ level: 'outline4', label: '（2）', printed: '⑵', n: 2, rest: '报送材料' });
    expect(readMarker('⒇末项')).toMatchObject({ label: '（20）', n: 20 });
    expect(readMarker('新型㈠节能')).toBeNull();
  });
});

describe('readMarker: decimal section numbers (a plan or 预案: 1 总则, 1.1 编制目的, 2.1.1 职责)', () => {
  // The lines of 国家粮食应急预案 (test-data/realtext 134), as pdf.js extracted them.
  it('reads one outline level per number, the last number the item’s own', () => {
    expect(readMarker('1.1编制目的及依据')).toEqual({ level: 'outline2', label: '1.1', printed: '1.1', n: 1, rest: '编制目的及依据' });
    expect(readMarker('2.1.3 国家粮食应急工作指挥部成员单位职责')).toEqual({ level: 'outline3', label: '2.1.3', printed: '2.1.3', n: 3, rest: '国家粮食应急工作指挥部成员单位职责' });
    expect(readMarker('4.2国家级(Ⅰ级)应急响应')).toMatchObject({ level: 'outline2', label: '4.2', n: 2 });
    expect(readMarker('1.2.1国家级（Ⅰ级）：两个以上省、自治区、直辖市出现粮食应急状态')).toMatchObject({ level: 'outline3', label: '1.2.1', n: 1, rest: '国家级（Ⅰ级）：两个以上省、自治区、直辖市出现粮食应急状态' });
    expect(readMarker('3.2.4.1 信息报送')).toMatchObject({ level: 'outline4', label: '3.2.4.1', n: 1 });
    expect(readMarker('5．2 粮食应急保障系统')).toMatchObject({ level: 'outline2', label: '5.2', printed: '5．2', n: 2 });
  });

  it('reads a bare top-level number only before a short heading alone on its line, never before a title', () => {
    expect(readMarker('1总则')).toEqual({ level: 'outline1', label: '1', printed: '1', n: 1, rest: '总则' });
    expect(readMarker('7 附则')).toMatchObject({ level: 'outline1', label: '7', n: 7, rest: '附则' });
    expect(readMarker('2组织机构和职责')).toMatchObject({ level: 'outline1', n: 2 });
    // Twelve characters of heading at most, no punctuation, no number in it.
    expect(readMarker('3预警监测与应急响应的要求')).toMatchObject({ level: 'outline1', n: 3 });
    expect(readMarker('3预警监测与应急响应工作要求')).toBeNull();
    expect(readMarker('3预警监测，应急报告')).toBeNull();
    expect(readMarker('3预警监测(一)')).toBeNull();
    expect(readMarker('1国务院关于加强管理的通知')).toBeNull();
    expect(readMarker('2应急预案')).toBeNull();
  });

  it('reads no section number in an amount, a share or a long number', () => {
    for (const text of ['2.5万元用于应急储备', '1.5倍以上', '3.5年以内完成', '0.5%以下', '10.2亿元', '3年内完成', '2个工作日', '123.4应急', '1.2.3.4.5应急', '2019.1工作要点', '1.0应急'])
      expect(readMarker(text), text).toBeNull();
    expect(readMarker('1.1 ')).toBeNull();
  });
});
