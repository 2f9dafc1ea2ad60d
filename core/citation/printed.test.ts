/**
 * What 复制引用, the export and the reading view print for a unit: the markers as the source
 * prints them, each line where the source puts it. The shapes are the ones Chinese laws and
 * notices are typeset in (第十一条　市、区…, 第一条【目的依据】为…, 一、总体要求, 第一章 总则).
 */
import { describe, expect, it } from 'vitest';
import type { Unit, UnitLevel } from '../corpus/types';
import { printedLines, signatureIndex, unitOwnLines, unitText } from './printed';
import { testUnit } from '../../test-support/doc-fixtures';

const u = (level: UnitLevel, label: string, texts: string[] = [], fields: Partial<Unit> = {}): Unit => testUnit('d', label, level, label, texts, { id: `d~${level}${label}`, ...fields });

describe('an article split into 款', () => {
  it('prints its first 款 on the line of its number and the next 款 on lines of their own', () => {
    const art = u('article', '第十一条', [], { children: [u('clause', '第一款', ['市、区人民政府负责实施。']), u('clause', '第二款', ['有关部门按照职责做好工作。'])] });
    expect(unitText(art)).toBe('第十一条　市、区人民政府负责实施。\n有关部门按照职责做好工作。');
    expect(printedLines(art).map((b) => [b.unit.label, b.depth, b.lines])).toEqual([
      ['第十一条', 0, []],
      ['第一款', 1, ['第十一条　市、区人民政府负责实施。']],
      ['第二款', 1, ['有关部门按照职责做好工作。']],
    ]);
  });
  it('counts an empty paragraph as no text of its own', () => {
    const art = u('article', '第十一条', [''], { children: [u('clause', '第一款', ['市、区人民政府负责实施。'])] });
    expect(unitText(art)).toBe('第十一条　市、区人民政府负责实施。');
  });
  it('keeps its own text on its line when it has some, and its 款 below', () => {
    const art = u('article', '第十条', ['本市实行政务服务清单管理。'], { children: [u('clause', '第二款', ['清单向社会公布。'])] });
    expect(unitText(art)).toBe('第十条　本市实行政务服务清单管理。\n清单向社会公布。');
  });
  it('prints the number alone when its first 款 opens with 项', () => {
    const art = u('article', '第五条', [], {
      children: [u('clause', '第一款', [], { children: [u('item', '（一）', ['网上办理；']), u('item', '（二）', ['就近办理。'])] })],
    });
    expect(unitText(art)).toBe('第五条\n（一）网上办理；\n（二）就近办理。');
  });
  it('prints no empty line for a later 款 whose text is all in its 项', () => {
    const art = u('article', '第五条', [], {
      children: [u('clause', '第一款', ['政务服务事项按照下列方式办理：']), u('clause', '第二款', [], { children: [u('item', '（一）', ['网上办理。'])] })],
    });
    expect(unitText(art)).toBe('第五条　政务服务事项按照下列方式办理：\n（一）网上办理。');
  });
  it('prints the number alone when its text is a list of 项, not 款', () => {
    const art = u('article', '第五条', [], { children: [u('item', '（一）', ['网上办理；'])] });
    expect(unitText(art)).toBe('第五条\n（一）网上办理；');
    expect(unitText(u('article', '第六条'))).toBe('第六条');
  });
  it('cites a 款 alone by its text, the number of its article only where it opens the article', () => {
    const first = u('clause', '第一款', ['市、区人民政府负责实施。']);
    expect(unitOwnLines(first, '第十一条')).toEqual(['第十一条　市、区人民政府负责实施。']);
    expect(unitOwnLines(first)).toEqual(['市、区人民政府负责实施。']);
  });
});

describe('an article with a heading', () => {
  it('runs a bracketed heading and the text together, as printed', () => {
    const art = u('article', '第一条', ['为了规范政务服务，制定本办法。'], { heading: '【目的依据】' });
    expect(unitText(art)).toBe('第一条【目的依据】为了规范政务服务，制定本办法。');
  });
  it('spaces a plain heading from the number and from the text', () => {
    const art = u('article', '第一条', ['为了规范政务服务，制定本办法。'], { heading: '目的依据' });
    expect(unitText(art)).toBe('第一条　目的依据　为了规范政务服务，制定本办法。');
  });
  it('prints the heading alone when the text is in its 款', () => {
    const art = u('article', '第二条', [], { heading: '【适用范围】', children: [u('clause', '第一款', ['本办法适用于本市。'])] });
    expect(unitText(art)).toBe('第二条【适用范围】\n本办法适用于本市。');
  });
});

describe('headings of chapters, outlines and attachments', () => {
  it('puts a space after 第X章 and none after a marker that ends in 、 or a bracket', () => {
    expect(unitText(u('chapter', '第一章', [], { heading: '总则' }))).toBe('第一章 总则');
    expect(unitText(u('outline1', '一、', [], { heading: '总体要求' }))).toBe('一、总体要求');
    expect(unitText(u('outline2', '（一）', [], { heading: '工作目标' }))).toBe('（一）工作目标');
    expect(unitText(u('outline3', '1.', [], { heading: '加强领导' }))).toBe('1.加强领导');
    expect(unitText(u('appendix', '附件：', [], { heading: '申报表' }))).toBe('附件：申报表');
  });
  it('prints a heading without a marker alone and a bare marker alone', () => {
    expect(unitText(u('appendix', '', [], { heading: '上海市建筑工程施工许可管理规定' }))).toBe('上海市建筑工程施工许可管理规定');
    expect(unitText(u('appendix', '附件1'))).toBe('附件1');
  });
  it('prints the text under a heading on lines of their own', () => {
    const o = u('outline1', '一、', ['坚持问题导向。'], { heading: '总体要求' });
    expect(unitText(o)).toBe('一、总体要求\n坚持问题导向。');
  });
});

describe('paragraphs', () => {
  it('opens the first paragraph with the marker once, even where the text already starts with it', () => {
    expect(unitText(u('outline3', '1.', ['加强组织领导。']))).toBe('1.加强组织领导。');
    expect(unitText(u('outline1', '一、', ['一、加强组织领导。']))).toBe('一、加强组织领导。');
    expect(unitText(u('outline1', '一、', ['加强一、二级联动。']))).toBe('一、加强一、二级联动。');
  });
  it('skips empty paragraphs', () => {
    expect(unitText(u('outline1', '一、', ['', '加强组织领导。', '', '落实责任。']))).toBe('一、加强组织领导。\n落实责任。');
  });
  it('prints the printed marker (26、) rather than the normalised one (26.)', () => {
    expect(unitText(u('outline3', '26.', ['正文。'], { printedLabel: '26、' }))).toBe('26、正文。');
  });
});

describe('signatureIndex: where the signature is printed among the top-level units (GB/T 9704 order)', () => {
  const body = [u('outline1', '一、', ['坚持问题导向。']), u('outline1', '二、', ['由市营商办汇总上报市政府。'])];
  it('before the first 附注, attachment or 版记, whichever comes first', () => {
    expect(signatureIndex([...body, u('note', '', ['（此件主动公开）']), u('appendix', '附件1'), u('imprint', '', ['抄送：市委有关部门。'])])).toBe(2);
    expect(signatureIndex([...body, u('appendix', '附件1'), u('imprint', '', ['抄送：市委有关部门。'])])).toBe(2);
    expect(signatureIndex([...body, u('imprint', '', ['抄送：市委有关部门。'])])).toBe(2);
    expect(signatureIndex([u('outline1', '一、', ['坚持问题导向。']), u('note', '', ['（此件公开发布）'])])).toBe(1);
  });
  it('after the last unit when nothing is printed under it, and first in a document with no text', () => {
    expect(signatureIndex(body)).toBe(2);
    expect(signatureIndex([])).toBe(0);
    // A covering note with no text of its own above its attachment: the signature opens it.
    expect(signatureIndex([u('appendix', '附件1'), u('imprint', '', ['抄送：市委有关部门。'])])).toBe(0);
  });
});
