/**
 * A legal database's fields above a text (database-fields.ts), on the lines of a real page
 * (test-data/database-exports/pages/mof-cpa-finance.html) as a browser copies it and as pdftotext extracts it printed.
 */
import { describe, expect, it } from 'vitest';
import { pageTable, readDatabaseFields } from './database-fields.js';
import { toLines } from './lines.js';

const read = (text: string) => {
  const lines = toLines(text).lines;
  const r = readDatabaseFields(lines);
  return { kept: r.lines.filter((l, i) => l.text.trim() && !r.dropped.includes(i)).map((l) => l.text), dropped: r.dropped.map((i) => lines[i].text.trim()) };
};
const BODY = '各省、自治区、直辖市财政厅（局），深圳市财政委员会：\n为了贯彻落实有关通知，现予印发，自2011年1月1日起施行。';

describe('readDatabaseFields', () => {
  it('keeps the title and the 文号 of a copied page’s fields, as their own lines, and drops the database’s other fields', () => {
    const page = '【法规标题】\t关于印发《会计师事务所财务管理暂行办法》的通知\n\n【发布日期】2010-06-13 \t\n【发文机关】\t财政部 \n\n【文号】财会[2010]14号 \t【行业分类】 \n【效力状态】现行有效 \t【效力级别】  \n【主题分类】财务管理 \t【地域分类】全国 \n\n【全文】\n';
    expect(read(page + BODY)).toEqual({
      kept: ['关于印发《会计师事务所财务管理暂行办法》的通知', '财会[2010]14号', ...BODY.split('\n')],
      dropped: ['【发布日期】2010-06-13', '【发文机关】\t财政部', '【效力状态】现行有效 \t【效力级别】', '【主题分类】财务管理 \t【地域分类】全国', '【全文】'],
    });
  });

  it('puts back a label a narrow column broke (【法规标 | 题】), the second half a line or two below', () => {
    const printed = '【法规标 关于印发《会计师事务所财务管理暂行办法》的通知\n题】\n【发文机 财政部\n【发布日期】2010-06-13\n关】\n【文号】财会[2010]14号\n【全文】\n';
    expect(read(printed + BODY)).toEqual({
      kept: ['关于印发《会计师事务所财务管理暂行办法》的通知', '财会[2010]14号', ...BODY.split('\n')],
      dropped: ['题】', '【发文机 财政部', '【发布日期】2010-06-13', '关】', '【全文】'],
    });
  });

  it('puts back halves of two characters, and a label broken at the end of its line; not one whose half is four lines below', () => {
    const printed = '【法规标题】关于印发某办法的通知\n【效力 现行有效\n状态】\n【发文机\n【发布日期】2010-06-13\n关】\n【文号】财会[2010]14号\n';
    expect(read(printed + BODY).kept).toEqual(['关于印发某办法的通知', '财会[2010]14号', ...BODY.split('\n')]);
    const far = '【法规标题】关于印发某办法的通知\n【效力 现行有效\n【文号】财会[2010]14号\n【全文】\n第一行。\n状态】\n';
    expect(read(far + BODY).kept).toEqual(['关于印发某办法的通知', '【效力 现行有效', '财会[2010]14号', '第一行。', '状态】', ...BODY.split('\n')]);
    // A line with words after the half (关】财政部) is never taken for a label's half: its words would be lost.
    const worded = '【法规标题】关于印发某办法的通知\n【发文机\n关】财政部\n【文号】财会[2010]14号\n';
    expect(read(worded + BODY).kept).toEqual(['关于印发某办法的通知', '【发文机', '关】财政部', '财会[2010]14号', ...BODY.split('\n')]);
    const near = '【法规标题】关于印发某办法的通知\n【效力 现行有效\n【文号】财会[2010]14号\n【全文】\n状态】\n';
    expect(read(near + BODY).kept).toEqual(['关于印发某办法的通知', '财会[2010]14号', ...BODY.split('\n')]);
  });

  it('takes two fields for a database’s (the least), spaces in a value as one, and leaves the lines it was given as they were', () => {
    const lines = toLines(`【标题】国家发展改革委  财政部关于印发某办法的通知\n【文号】发改价格〔2023〕5号\n${BODY}`).lines;
    const before = lines.map((l) => l.text);
    expect(readDatabaseFields(lines).lines.slice(0, 2).map((l) => l.text)).toEqual(['国家发展改革委 财政部关于印发某办法的通知', '发改价格〔2023〕5号']);
    expect(lines.map((l) => l.text)).toEqual(before);
  });

  it('reads 北大法宝’s fields too (【发布部门】, 【发文字号】, 【时效性】 …)', () => {
    const pkulaw = '新余市绿色建筑管理办法\n【发布部门】新余市人民政府办公室\n【发文字号】余府发〔2012〕3号\n【发布日期】2012.01.09\n【实施日期】2012.02.01\n【时效性】失效\n【效力级别】地方规范性文件\n【法规类别】建筑业\n\n';
    expect(read(pkulaw + BODY).kept).toEqual(['新余市绿色建筑管理办法', '余府发〔2012〕3号', ...BODY.split('\n')]);
  });

  it('leaves a text alone that prints one bracketed field, prints them below its head, or brackets words of its own', () => {
    const one = `【标题】关于某事的通知\n${BODY}`;
    expect(read(one)).toEqual({ kept: one.split('\n'), dropped: [] });
    const late = `${Array.from({ length: 40 }, (_, i) => `第${i + 1}行正文。`).join('\n')}\n【发布日期】2010-06-13\n【文号】财会[2010]14号`;
    expect(read(late).dropped).toEqual([]);
    const own = `第一条【宗旨原则】为促进用户作出公正的点评，制定本规则。\n第二条【适用范围】本规则适用于所有用户。\n【效力级别】本规则与服务协议冲突的，以本规则为准。`;
    expect(read(own).dropped).toEqual([]);
  });
});

// gov.cn's information table, as test-data/database-exports/raw/gov-24.* hold it (copied; printed and read by pdftotext).
describe('pageTable', () => {
  const rows = (text: string) => {
    const lines = toLines(text).lines;
    return pageTable(lines).map((i) => lines[i].text.trim());
  };
  const doc = '\n国务院办公厅关于同意以哈尔滨市名义申办2009年第二十四届世界大学生冬季运动会的复函\n国办函〔2004〕36号\n黑龙江省人民政府：\n你省关于申办的请示收悉。';
  it('takes the table as a browser copies it, to its last row', () => {
    const copied = '索 引 号：\t000014349/2004-00206\t主题分类：\t卫生、体育\\体育\n发文机关：\t国务院办公厅\t成文日期：\t2004年04月17日\n标　　题：\t国务院办公厅关于同意以哈尔滨市名义申办2009年第二十四届世界大学生冬季运动会的复函\n发文字号：\t国办函〔2004〕36号\t发布日期：\t2018年12月24日\n主 题 词：\t体育　运动会　函\t\t';
    expect(rows(copied + doc)).toHaveLength(5);
  });
  it('takes it printed, its labels broken by the narrow cells, a value wrapped between a label’s halves', () => {
    const printed = '索 引 000014349/2004-00206\n主题分 卫生、体育\\体育\n号：\n类：\n发文机 国务院办公厅\n成文日 2004年04月17日\n关：\n期：\n标\n国务院办公厅关于同意以哈尔滨市名义申办2009年第二十四届世界大学生冬季运动\n题： 会的复函\n发文字 国办函〔2004〕36号\n发布日 2018年12月24日\n号：\n期：\n主 题 体育 运动会 函\n词：';
    expect(rows(printed + doc)).toHaveLength(17);
    const layout = '  索 引 000014349/2004-00206 主题分 卫生、体育\\体育\n  号：                       类：\n  发文机 国务院办公厅               成文日 2004年04月17日\n  关：                       期：\n  标   国务院办公厅关于同意以哈尔滨市名义申办2009年第二十四届世界大学生冬季运动\n  题： 会的复函\n  发文字 国办函〔2004〕36号         发布日 2018年12月24日\n  号：                       期：\n  主题\n  词：';
    expect(rows(layout + doc)).toHaveLength(10);
  });
  // The same page printed by Chromium and read by pdf.js (as the app reads a PDF the user adds): the two columns' label
  // starts on one line, their values on the next, their ends on the next. 发文字 opens 发文字号, though 发文机关 starts
  // with 发文 too: the table ended there, and its last rows were read as the document's title.
  it('takes it as pdf.js reads the print: a row of label starts, a row of values, a row of label ends', () => {
    const pdfjs = '索引 主题分\n000014349/2004-00206 卫生、体育\\体育\n号： 类：\n发文机 成文日\n国务院办公厅 2004年04月17日\n关： 期：\n标 国务院办公厅关于同意以哈尔滨市名义申办2009年第二十四届世界大学生冬季运动\n题： 会的复函\n发文字 发布日\n国办函〔2004〕36号 2018年12月24日\n号： 期：\n主题 体育 运动会 函\n词：';
    expect(rows(pdfjs + doc)).toEqual(pdfjs.split('\n'));
  });
  it('takes the second column printed under the document’s title (gov.cn’s 国办发明电〔2018〕15号, pdftotext)', () => {
    const first = '索 引 000014349/2018-00213\n号：\n发文机 国务院办公厅\n关：\n标\n题： 国务院办公厅关于2019年部分节假日安排的通知\n发文字 国办发明电〔2018〕15号\n号：\n主题\n词：\n';
    const title = '\n国务院办公厅关于2019年\n部分节假日安排的通知\n\n';
    const second = '主题分 综合政务\\其他\n类：\n成文日 2018年12月04日\n期：\n发布日 2018年12月06日\n期：\n';
    const body = '\n国办发明电〔2018〕15号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n经国务院批准，现将2019年元旦、春节安排通知如下。';
    expect(rows(first + title + second + body)).toEqual([...first.trim().split('\n'), ...second.trim().split('\n')]);
    // Not a column with one label of its own, nor one printed further down than the next few lines.
    expect(rows(first + title + '成文日 2018年12月04日\n期：\n' + body)).toEqual(first.trim().split('\n'));
    // Its start at most seven lines after the table's last (the title's two, then five more).
    const filler = (n: number) => Array.from({ length: n }, (_, i) => `第${i + 1}行。`).join('\n') + '\n';
    expect(rows(first + title + filler(5) + second + body)).toHaveLength(16);
    expect(rows(first + title + filler(6) + second + body)).toEqual(first.trim().split('\n'));
    // Two labels of its own are enough; labels the table already has are the document's (a page printing them again).
    const two = '成文日 2018年12月04日\n期：\n发布日 2018年12月06日\n期：\n';
    expect(rows(first + title + two + body)).toEqual([...first.trim().split('\n'), ...two.trim().split('\n')]);
    expect(rows(first + title + '标题：国务院办公厅关于2019年部分节假日安排的通知\n主题词：节假日\n' + body)).toEqual(first.trim().split('\n'));
  });
  it('takes a table of three labels, not of two', () => {
    const three = '索引号：000014349/2018-00213\n发文机关：国务院办公厅\n成文日期：2018年12月04日\n';
    expect(rows(three + doc)).toHaveLength(3);
    expect(rows('索引号：000014349/2018-00213\n发文机关：国务院办公厅\n' + doc)).toEqual([]);
  });
  it('takes nothing that does not open with 索引号 near the head, or names fewer than three of its labels', () => {
    expect(rows(`${doc}\n发文机关：国务院办公厅\n成文日期：2004年04月17日`)).toEqual([]);
    expect(rows(`索引号：000014349/2004-00206\n发文机关：国务院办公厅${doc}`)).toEqual([]);
    const late = `${Array.from({ length: 10 }, (_, i) => `第${i + 1}行。`).join('\n')}\n索引号：1\n发文机关：国务院\n成文日期：2004年\n${doc}`;
    expect(rows(late)).toEqual([]);
  });
});

