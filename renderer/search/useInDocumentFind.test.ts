import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../core/corpus/types';
import { findInDocument } from './useInDocumentFind';
import { allUnits, LABEL_LINE } from '../../core/corpus/units';

const doc = JSON.parse(readFileSync(new URL('../../e2e/fixtures/corpus/docs/shili-zhengwu-banfa-2023.json', import.meta.url), 'utf8')) as PolicyDocument;

describe('findInDocument', () => {
  it('finds every match in reading order, headings included', () => {
    const m = findInDocument(doc, '政务服务');
    expect(m.length).toBeGreaterThan(3);
    const first = m[0];
    const unit = doc.units[0].children[0];
    expect(first.unitId).toBe(unit.id);
    expect(unit.paragraphs[first.paragraph].text.slice(first.start, first.end)).toBe('政务服务');
    expect(findInDocument(doc, '总则')[0]).toMatchObject({ unitId: doc.units[0].id, paragraph: -1 });
    expect(findInDocument(doc, '')).toEqual([]);
    expect(findInDocument(doc, '-政务')).toEqual([]);
  });
});

describe('findInDocument finds labels', () => {
  it('finds an article by its label (第十条), on the label line', () => {
    const units = allUnits(doc.units);
    const a10 = units.find((u) => u.label === '第十条')!;
    expect(a10).toBeDefined();
    const m = findInDocument(doc, '第十条').filter((x) => x.unitId === a10.id);
    expect(m).toEqual([{ unitId: a10.id, paragraph: LABEL_LINE, start: 0, end: 3 }]);
  });
});
