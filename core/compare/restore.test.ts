import { describe, expect, it } from 'vitest';
import { VARIANTS_FORMAT_VERSION } from './format.js';
import { emptyVariants, MAX_SHOWN_PAIRS, restoreLshTables, restoreVariants, variantsOf } from './restore.js';

const V = VARIANTS_FORMAT_VERSION;
const good = {
  formatVersion: V,
  families: [
    {
      id: 'f1',
      members: ['pB', 'pA', 'pA'],
      pairs: [
        { a: 'pA', b: 'pB', relation: 'same', jaccard: 0.9, aInB: 1.2, bInA: 0.9, sharedClauses: 3 },
        { a: 'pA', b: 'pZ', relation: 'same', jaccard: 0.9, aInB: 1, bInA: 0.9, sharedClauses: 3 },
        { a: 'pA', b: 'pB', relation: 'copy', jaccard: 0.9 },
      ],
    },
    { id: 'f2', members: ['pC'] },
  ],
  subject: [{ a: 'pA', b: 'pC', score: 0.3, terms: ['小微', 4] }, { a: 'pA', b: 'pA', score: 1 }],
  clauses: { 'pA~a1': [{ unit: 'pB~a1', doc: 'pB', similarity: 0.9 }, { unit: 'pA~a2', doc: 'pA', similarity: 1 }, { unit: 'x', doc: 'pB' }], 'bad id!': [] },
};

describe('restoreVariants', () => {
  it('keeps valid entries, drops or clamps the rest', () => {
    const v = restoreVariants(good);
    expect(v.families).toHaveLength(1);
    expect(v.families[0].members).toEqual(['pA', 'pB']);
    expect(v.families[0].pairs).toEqual([{ a: 'pA', b: 'pB', relation: 'same', jaccard: 0.9, aInB: 1, bInA: 0.9, sharedClauses: 3 }]);
    expect(v.subject).toEqual([{ a: 'pA', b: 'pC', score: 0.3, terms: ['小微'] }]);
    expect(v.clauses).toEqual({ 'pA~a1': [{ unit: 'pB~a1', doc: 'pB', similarity: 0.9 }] });
    expect(variantsOf(v, 'pB').pairs).toHaveLength(1);
    expect(variantsOf(v, 'pC')).toMatchObject({ family: null, subject: [{ a: 'pA' }] });
  });

  it('an unreadable file or another format version is "no variants", not an error', () => {
    for (const bad of [null, [], 'x', { ...good, formatVersion: 1 }, {}]) expect(restoreVariants(bad)).toEqual(emptyVariants());
  });
});

describe('restore: links, centres, dates and LSH tables', () => {
  const pair = (a: string, b: string, relation: string, aInB: number, extra = {}) => ({ a, b, relation, jaccard: aInB / 2, aInB, bInA: aInB, sharedClauses: 1, ...extra });

  it('lists a document\'s family pairs first, then its links, each ranked, at most MAX_SHOWN_PAIRS', () => {
    const links = Array.from({ length: 30 }, (_, i) => pair('pA', `pL${String(i).padStart(2, '0')}`, 'related', 0.1 + i / 100));
    const v = restoreVariants({
      formatVersion: V,
      families: [{ id: 'f1', center: 'pA', members: ['pA', 'pB', 'pC'], pairs: [pair('pA', 'pB', 'adaptation', 0.5), pair('pA', 'pC', 'same', 0.95)] }],
      subject: [],
      clauses: {},
      links: [...links, pair('pA', 'pD', 'revision', 0.8, { evidence: 'version', dates: ['2019-01-01', '2023-07-20'] }), pair('pA', 'pE', 'related', 0.3, { dates: ['2019', 'x'] })],
    });
    const shown = variantsOf(v, 'pA').pairs;
    expect(shown).toHaveLength(MAX_SHOWN_PAIRS);
    expect(shown.slice(0, 4).map((p) => p.b)).toEqual(['pC', 'pB', 'pD', 'pL29']);
    expect(shown[2].dates).toEqual(['2019-01-01', '2023-07-20']);
    expect(v.links.find((p) => p.b === 'pE')!.dates).toBeUndefined();
    expect(v.families[0].center).toBe('pA');
  });

  it('gives a family from an older file a centre: its member in the most pairs', () => {
    const v = restoreVariants({ formatVersion: V, families: [{ id: 'f', members: ['pA', 'pB', 'pC'], pairs: [pair('pA', 'pC', 'same', 1), pair('pB', 'pC', 'same', 1)] }], subject: [], clauses: {} });
    expect(v.families[0].center).toBe('pC');
    expect(v.links).toEqual([]);
  });

  it('LSH tables: valid ones kept, inconsistent ones refused', () => {
    const t = { formatVersion: V, bands: 2, rows: 3, shingle: 5, common: [9, 3], docs: ['pA', 'pB'], titles: ['甲', '乙'], keys: [[1, 2], []] };
    expect(restoreLshTables(t)).toEqual({ ...t, common: [3, 9] });
    for (const bad of [null, { ...t, formatVersion: 1 }, { ...t, keys: [[1, 2]] }, { ...t, keys: [[1], []] }, { ...t, docs: ['bad id!', 'pB'] }, { ...t, common: [-1] }]) expect(restoreLshTables(bad)).toBeNull();
  });
});
