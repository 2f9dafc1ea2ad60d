/**
 * The 版记 found among paragraphs. The lines are real: 德州市人民政府办公室's 版记 as the sample compilation's PDF
 * extraction prints it (resources/corpus/raw/003_…), and the 国务院 版记 of GB/T 9704's form under a real notice's
 * last lines (test-data/realtext/raw/004_…).
 */
import { describe, expect, it } from 'vitest';
import { imprintParagraphs, trailingImprint } from './imprint.js';

const DEZHOU = ['好环境，加力巩固经济恢复发展基础。', '抄送：市委有关部门，市人大常委会办公室，市政协办公室，市监委，市法院，市检察院。', '各民主党派市委（总支），市工商联。', '德州市人民政府办公室2023 年1 月20 日印发'];

describe('imprintParagraphs', () => {
  it('takes a cc list, the groups it goes on to and its printing line, not the text above', () => {
    expect([...imprintParagraphs(DEZHOU)]).toEqual([1, 3, 2]);
    expect(trailingImprint(DEZHOU)).toBe(3);
  });

  it('takes an office extraction put on its own line above the date it printed on', () => {
    const lines = ['（此件公开发布）', '抄送：党中央各部门，中央军委办公厅，各战区，各军兵种，军事科学院，国防大学，国防科技大学，武警部队。', '国务院办公厅', '2019年1月28日印发'];
    expect(trailingImprint(lines)).toBe(3);
    // An office above the body's last line is a signature, not a printing office.
    expect(trailingImprint(['国务院', '2019年1月27日'])).toBe(0);
    // The office goes with a date alone, not with a printing line that names its own (apart or run together).
    expect([...imprintParagraphs(['国务院', '国务院办公厅 2019年1月28日印发'])]).toEqual([1]);
    expect([...imprintParagraphs(['国务院', '国务院办公厅2019年1月28日印发'])]).toEqual([1]);
  });

  it('takes the groups after a cc list only up to its printing line or the end, and only groups of names', () => {
    // No printing line: the next paragraph is the document's text again (a 公开方式 line before its attachments).
    expect([...imprintParagraphs(['公开方式：主动公开', '附件1：', '常州市自然资源和规划局优化营商环境行动方案'])]).toEqual([0]);
    // A sentence is not a group of names, whatever follows it.
    expect([...imprintParagraphs(['抄送：市委有关部门。', '各地要认真贯彻落实。请及时报告进展情况。', '德州市人民政府办公室2023 年1 月20 日印发'])]).toEqual([0, 2]);
    // A cc list with its further group at the end of the text.
    expect([...imprintParagraphs(['抄送：党中央各部门，中央军委办公厅。', '各民主党派中央，全国工商联。'])]).toEqual([0, 1]);
    // Four groups, the most a cc list prints, then its printing line: all of it.
    expect(trailingImprint(['抄送：甲，乙。', '丙，丁。', '戊，己。', '庚，辛。', '壬，癸。', '国务院办公厅 2019年1月28日印发'])).toBe(6);
    // A label or a title is no group of recipients (no names apart by ，or 、), nor is a paragraph of 200 characters.
    expect([...imprintParagraphs(['抄送：市委。', '附件3', '德州市人民政府办公室2023 年1 月20 日印发'])]).toEqual([0, 2]);
    expect([...imprintParagraphs(['抄送：市委。', '甲，'.repeat(100) + '乙。', '德州市人民政府办公室2023 年1 月20 日印发'])]).toEqual([0, 2]);
    // More groups than a cc list prints: not one 版记.
    const many = ['抄送：甲，乙。', '丙，丁。', '戊，己。', '庚，辛。', '壬，癸。', '子，丑。', '国务院办公厅 2019年1月28日印发'];
    expect([...imprintParagraphs(many)].sort()).toEqual([0, 6]);
    expect(trailingImprint(['正文。'])).toBe(0);
  });
});
