import { describe, expect, it } from 'vitest';
import type { Unit } from '../../core/corpus/types';
import { estimateHeightEm, pageMarks } from './pages';
import { flattenUnits } from './units';

const u = (id: string, pages: number[][], children: Unit[] = []): Unit => ({
  id,
  path: id,
  level: 'para',
  label: '',
  heading: null,
  paragraphs: pages.map((p) => ({ text: 'x', pages: p })),
  pages: [],
  children,
});

describe('pageMarks', () => {
  it('marks the first paragraph of each new page only', () => {
    const flat = flattenUnits([u('a', [[1], [1], [1, 2]]), u('b', [[2], [3]], [u('c', [[], [3], [4]])])]);
    const m = pageMarks(flat);
    expect(m.get('a')).toEqual([1, null, null]);
    expect(m.get('b')).toEqual([null, 3]);
    expect(m.get('c')).toEqual([null, null, 4]);
  });
});

describe('estimateHeightEm', () => {
  it('grows with text and paragraphs', () => {
    expect(estimateHeightEm(10, 1, false)).toBeLessThan(estimateHeightEm(400, 1, false));
    expect(estimateHeightEm(400, 1, false)).toBeLessThan(estimateHeightEm(400, 5, false));
    expect(estimateHeightEm(0, 0, true)).toBeGreaterThan(estimateHeightEm(0, 0, false));
  });
});
