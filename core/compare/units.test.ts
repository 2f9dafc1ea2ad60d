import { describe, expect, it } from 'vitest';
import type { PolicyDocument, Unit } from '../corpus/types.js';
import { alignDocuments } from './align.js';
import { compareUnits, isPseudoUnitId, overlapKey, unitDisplayText } from './units.js';
import { testDocument } from '../../test-support/doc-fixtures.js';

const unit = (doc: string, path: string, level: Unit['level'], label: string, text: string, extra: Partial<Unit> = {}): Unit => ({
  id: `${doc}~${path}`,
  path,
  level,
  label,
  heading: null,
  paragraphs: text ? [{ text, pages: [1] }] : [],
  pages: [1],
  children: [],
  ...extra,
});

const doc = (id: string, units: Unit[]): PolicyDocument => testDocument(id, units, { title: '示例办法', titleSource: 'inferred' });

// A list printed with 、 after its numbers (7、) and an article of two 款: the
// parser normalises 7、 to 7. and names the 款 第一款/第二款, neither of which is printed.
const printedA = doc('pa', [
  unit('pa', 'o7', 'outline3', '7.', '加强人才培养。', { printedLabel: '7、' }),
  unit('pa', 'ar3', 'article', '第三条', '', {
    children: [unit('pa', 'ar3.k1', 'clause', '第一款', '第三条 市人民政府负责组织实施。'), unit('pa', 'ar3.k2', 'clause', '第二款', '区人民政府负责具体工作。')],
  }),
]);
const printedB = doc('pb', [unit('pb', 'o7', 'outline3', '7.', '加强人才队伍培养。', { printedLabel: '7、' })]);

describe('comparison units are the text as printed', () => {
  it('print the source\'s marker (7、, not 7.) and no 款 label', () => {
    const texts = compareUnits(printedA).map((u) => u.text);
    expect(texts[0]).toBe('7、加强人才培养。');
    expect(texts).toContain('区人民政府负责具体工作。');
    expect(texts.join('\n')).not.toMatch(/第[一二]款/);
  });

  it('the diff returns the printed marker and does not call a different printing a renumbering', () => {
    const al = alignDocuments(printedA, printedB);
    const row = al.rows.find((r) => r.a[0] === 'pa~o7')!;
    expect(row.ops[0]).toEqual(['=', '7、加强人才']);
    expect(row.renumbered).toBeUndefined();
  });
});

describe('the display text of a unit', () => {
  const t = (level: Unit['level'], label: string, texts: string[], extra: Partial<Unit> = {}) => unitDisplayText(unit('d', 'x', level, label, '', { paragraphs: texts.map((text) => ({ text, pages: [1] })), ...extra }));

  it('an article number is run into its first line after a space; the marker and space are the numbering', () => {
    expect(t('article', '第十条', ['为了优化营商环境，制定本办法。'])).toEqual({ text: '第十条 为了优化营商环境，制定本办法。', labelLength: 4 });
  });

  it('a marker printed with its separator (一、 7． （三）) takes no space', () => {
    expect(t('outline1', '一、', ['总体要求'])).toEqual({ text: '一、总体要求', labelLength: 2 });
    expect(t('outline3', '7．', ['加强人才培养。'])).toEqual({ text: '7．加强人才培养。', labelLength: 2 });
    expect(t('outline2', '（三）', ['强化监管。'])).toEqual({ text: '（三）强化监管。', labelLength: 3 });
  });

  it('a paragraph that prints the marker itself is not given it twice', () => {
    expect(t('outline2', '（三）', ['（三）强化监管。'])).toEqual({ text: '（三）强化监管。', labelLength: 3 });
  });

  it('a heading follows the number; later paragraphs are lines of their own; a bare number is just the number', () => {
    expect(t('chapter', '第一章', [], { heading: '总则' })).toEqual({ text: '第一章 总则', labelLength: 4 });
    expect(t('article', '第二条', ['本办法适用于本市。', '法律另有规定的除外。'])).toEqual({ text: '第二条 本办法适用于本市。\n法律另有规定的除外。', labelLength: 4 });
    expect(t('article', '第五条', [])).toEqual({ text: '第五条', labelLength: 3 });
    expect(t('para', '', ['各区人民政府：'])).toEqual({ text: '各区人民政府：', labelLength: 0 });
  });
});

describe('the comparable units of a document', () => {
  const body = [unit('d', 'ar1', 'article', '第一条', '为了优化营商环境，制定本办法。'), unit('d', 'ar2', 'article', '', ''), unit('d', 'ar3', 'article', '第三条', '本办法自发布之日起施行。')];
  const fields = { title: '示例市优化营商环境办法', addressees: '各区人民政府：', signature: ['示例市人民政府', '2023年3月1日'] };

  it('a printed title, the addressees, the units in reading order and the signature, numbered from 0; an empty unit is left out', () => {
    const list = compareUnits(testDocument('d', body, { ...fields, titleSource: 'title-line' }));
    expect(list).toEqual([
      { id: 'd~#title', label: '', number: '', text: '示例市优化营商环境办法', labelLength: 0, index: 0, pseudo: true },
      { id: 'd~#addressees', label: '', number: '', text: '各区人民政府：', labelLength: 0, index: 1, pseudo: true },
      { id: 'd~ar1', label: '第一条', number: '第一条', text: '第一条 为了优化营商环境，制定本办法。', labelLength: 4, index: 2, pseudo: false },
      { id: 'd~ar3', label: '第三条', number: '第三条', text: '第三条 本办法自发布之日起施行。', labelLength: 4, index: 3, pseudo: false },
      { id: 'd~#signature', label: '', number: '', text: '示例市人民政府\n2023年3月1日', labelLength: 0, index: 4, pseudo: true },
    ]);
    expect(list.map((u) => isPseudoUnitId(u.id))).toEqual([true, true, false, false, true]);
  });

  it('the title is compared only where the document prints it (a title line or a trailing title)', () => {
    const titles = (titleSource: PolicyDocument['titleSource']) => compareUnits(testDocument('d', body, { ...fields, titleSource })).filter((u) => u.id === 'd~#title').length;
    expect(titles('trailing-title')).toBe(1);
    expect(titles('inferred')).toBe(0);
    expect(titles('running-header')).toBe(0);
  });

  it('a note under the signature (（此件公开发布）) is shown but pairs no texts; a 版记 line is left out', () => {
    const units = [...body, unit('d', 'fz-y387c', 'note', '', '（此件公开发布）'), unit('d', 'end.bj-abcde', 'imprint', '', '抄送：市委各部门。')];
    const list = compareUnits(testDocument('d', units, { titleSource: 'inferred', addressees: null, signature: [] }));
    expect(list.map((u) => [u.id, u.pseudo])).toEqual([['d~ar1', false], ['d~ar3', false], ['d~fz-y387c', true]]);
  });

  it('no addressees and no signature: no pseudo-units for them', () => {
    const list = compareUnits(testDocument('d', body, { titleSource: 'inferred', addressees: null, signature: [] }));
    expect(list.map((u) => u.id)).toEqual(['d~ar1', 'd~ar3']);
  });

  it('the overlap key keeps letters and digits only, folded', () => {
    expect(overlapKey('（一）加强 协同，推动ＬＰＲ改革２０２３年。')).toBe('一加强协同推动lpr改革2023年');
  });
});
