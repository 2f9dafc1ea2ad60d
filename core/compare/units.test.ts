import { describe, expect, it } from 'vitest';
import type { PolicyDocument, Unit } from '../corpus/types.js';
import { alignDocuments } from './align.js';
import { compareUnits } from './units.js';
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
