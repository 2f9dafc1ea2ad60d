import { describe, expect, it } from 'vitest';
import type { Unit } from '../../core/corpus/types';
import { chunkUnits, estimateHeightEm, pageMarks } from './pages';
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

describe('chunkUnits', () => {
  const para = (id: string, n: number): Unit => ({ id, path: id, level: 'para', label: '', heading: null, paragraphs: [{ text: 'x'.repeat(n), pages: [] }], pages: [], children: [] });
  it('keeps order, covers every unit once, and respects the limits', () => {
    const flat = flattenUnits(Array.from({ length: 25 }, (_, i) => para(`u${i}`, 300)));
    const chunks = chunkUnits(flat, 1000, 40);
    expect(chunks.flatMap((c) => c.units.map((f) => f.unit.id))).toEqual(flat.map((f) => f.unit.id));
    expect(chunks.map((c) => c.units.length)).toEqual([3, 3, 3, 3, 3, 3, 3, 3, 1]);
    expect(chunkUnits(flat, 1e9, 10).map((c) => c.units.length)).toEqual([10, 10, 5]);
    expect(chunks[0].estimateEm).toBeGreaterThan(chunks[8].estimateEm);
  });
  it('never makes an empty chunk, even for one oversized unit', () => {
    expect(chunkUnits(flattenUnits([para('big', 99999)]), 100).map((c) => c.units.length)).toEqual([1]);
    expect(chunkUnits([])).toEqual([]);
  });
});
