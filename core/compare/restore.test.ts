import { describe, expect, it } from 'vitest';
import { emptyVariants, restoreVariants, variantsOf } from './restore.js';

const good = {
  formatVersion: 1,
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
    for (const bad of [null, [], 'x', { ...good, formatVersion: 2 }, {}]) expect(restoreVariants(bad)).toEqual(emptyVariants());
  });
});
