import { describe, expect, it } from 'vitest';
import { VARIANTS_FORMAT_VERSION } from './format.js';
import { docVariants, emptySummary, emptyVariants, MAX_SHOWN_PAIRS, restoreLshTables, restoreVariants, variantsOf } from './restore.js';

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

describe('restore: damaged and hand-edited entries', () => {
  const ok = (a: string, b: string, extra = {}) => ({ a, b, relation: 'adaptation', jaccard: 0.4, aInB: 0.7, bInA: 0.5, sharedClauses: 4, ...extra });
  const restoredLinks = (links: unknown[]) => restoreVariants({ formatVersion: V, families: [], subject: [], clauses: {}, links }).links;

  it('"no variants" is a file of this format with nothing in it', () => {
    expect(emptyVariants()).toEqual({ formatVersion: V, families: [], subject: [], clauses: {}, links: [] });
    expect(restoreVariants(null)).toEqual({ formatVersion: V, families: [], subject: [], clauses: {}, links: [] });
    expect(emptySummary()).toEqual({ formatVersion: V, families: [], subject: [], shards: [] });
    // What the reader shows while the summary is unreadable: no family, no pairs, no subject neighbours.
    expect(docVariants(emptySummary(), null, 'pA')).toEqual({ family: null, pairs: [], subject: [] });
  });

  it('a pair is dropped when it is not an object, an id is missing or malformed, it pairs a document with itself, or its relation is unknown', () => {
    const bad = [null, 'pA,pB', 7, [ok('pA', 'pB')], ok('pA b', 'pB'), ok('pA', 'pB!'), ok('pA', ''), ok('', 'pB'), ok('pA', 'pA'), ok('pA', 'pB', { relation: 'copy' }), ok('pA', 'pB', { relation: undefined })];
    for (const p of bad) expect(restoredLinks([p])).toEqual([]);
    // A number is no id, even one whose digits would be a valid id.
    expect(restoredLinks([ok('pA', 'pB', { a: 123 })])).toEqual([]);
    expect(restoredLinks([ok('pA', 'pB', { b: 456 })])).toEqual([]);
    expect(restoredLinks([...bad, ok('pA', 'pB')])).toEqual([ok('pA', 'pB')]);
  });

  it('figures out of range are clamped, figures that are no finite numbers count as 0', () => {
    const [p] = restoredLinks([ok('pA', 'pB', { jaccard: '0.4', aInB: Number.POSITIVE_INFINITY, bInA: Number.NaN })]);
    expect([p.jaccard, p.aInB, p.bInA]).toEqual([0, 0, 0]);
    const [q] = restoredLinks([ok('pA', 'pB', { jaccard: -0.5, aInB: 1.5, bInA: 0.25 })]);
    expect([q.jaccard, q.aInB, q.bInA]).toEqual([0, 1, 0.25]);
  });

  it('a shared-clause count must be a whole number from 0 up; anything else counts as 0', () => {
    const shared = (n: unknown) => restoredLinks([ok('pA', 'pB', { sharedClauses: n })])[0].sharedClauses;
    expect([shared(4), shared(0), shared(2.5), shared(-1), shared('3'), shared(null)]).toEqual([4, 0, 0, 0, 0, 0]);
  });

  it("a revision's evidence is kept when it is draft or version; its dates only as two ISO dates", () => {
    const [draft, version, other] = restoredLinks([ok('pA', 'pB', { relation: 'revision', evidence: 'draft' }), ok('pA', 'pC', { relation: 'revision', evidence: 'version' }), ok('pA', 'pD', { relation: 'revision', evidence: 'title' })]);
    expect([draft.evidence, version.evidence, other.evidence]).toEqual(['draft', 'version', undefined]);
    expect('evidence' in other).toBe(false);
    const dates = (d: unknown) => restoredLinks([ok('pA', 'pB', { relation: 'revision', dates: d })])[0].dates;
    expect(dates(['2019-01-01', '2023-07-20'])).toEqual(['2019-01-01', '2023-07-20']);
    for (const bad of [['2019-01-01'], ['2019-01-01', '2023-07-20', '2024-01-01'], ['2019-01-01', '2023-7-20'], ['2019-01-01x', '2023-07-20'], ['x2019-01-01', '2023-07-20'], [['2019-01-01'], '2023-07-20'], '2019-01-01,2023-07-20'])
      expect(dates(bad)).toBeUndefined();
  });

  it('a family keeps its members that are ids; not an object or under two members, it is dropped; without a valid id it is named after its first member', () => {
    const v = restoreVariants({
      formatVersion: V,
      families: [null, 'f0', { id: 'bad id!', center: 'pB', members: ['pB', 'pA', 'p A', 7], pairs: 'x' }, { id: 'f2', members: 'pC,pD' }],
      subject: [],
      clauses: {},
    });
    expect(v.families).toEqual([{ id: 'f-pA', center: 'pB', members: ['pA', 'pB'], pairs: [] }]);
  });

  it("an older family's centre is its member in the most pairs, whichever side of them it is on", () => {
    const centre = (pairs: unknown[]) => restoreVariants({ formatVersion: V, families: [{ id: 'f', members: ['pA', 'pB', 'pC'], pairs }], subject: [], clauses: {} }).families[0].center;
    expect(centre([ok('pA', 'pB'), ok('pA', 'pC')])).toBe('pA');
    expect(centre([ok('pA', 'pB'), ok('pC', 'pB')])).toBe('pB');
    expect(centre([])).toBe('pA');
  });

  it('a subject pair keeps up to ten terms that are strings; bad entries are dropped', () => {
    const terms = ['营商', '环境', '优化', '市场', '主体', '政务', '服务', '审批', '改革', '监管', '信用', '融资'];
    const v = restoreVariants({
      formatVersion: V,
      families: [],
      subject: [null, { a: 'p A', b: 'pB', score: 0.5 }, { a: 'pA', b: 'pB!', score: 0.5 }, { a: 'pA', b: 'pC', score: 0.4, terms: [...terms, 3] }, { a: 'pB', b: 'pC', score: '0.3', terms: '营商' }],
      clauses: {},
    });
    expect(v.subject).toEqual([
      { a: 'pA', b: 'pC', score: 0.4, terms: terms.slice(0, 10) },
      { a: 'pB', b: 'pC', score: 0, terms: [] },
    ]);
  });

  it('clause counterparts: bad ones dropped, a unit left with none is not listed', () => {
    const v = restoreVariants({
      formatVersion: V,
      families: [],
      subject: [],
      clauses: {
        'pA~ar1': [null, { unit: 'pB~ar1', doc: 'pB', similarity: 0.8 }, { unit: '~ar2', doc: '', similarity: 0.7 }, { unit: 'pC~ar 3', doc: 'pC', similarity: 0.7 }, { unit: 'pC~ar3', doc: 'pC', similarity: 'high' }],
        'pA~ar2': [{ unit: 'pA~ar3', doc: 'pA', similarity: 1 }],
        'pA~ar3': 'pB~ar1',
      },
    });
    expect(v.clauses).toEqual({ 'pA~ar1': [{ unit: 'pB~ar1', doc: 'pB', similarity: 0.8 }, { unit: 'pC~ar3', doc: 'pC', similarity: 0 }] });
    // Clauses that are a list, not a map of unit ids: nothing.
    expect(restoreVariants({ formatVersion: V, families: [], subject: [], clauses: [[{ unit: 'pB~ar1', doc: 'pB', similarity: 0.8 }]] }).clauses).toEqual({});
  });

  it("a document's pairs are only those that involve it, and its subject neighbours best first", () => {
    const v = restoreVariants({
      formatVersion: V,
      families: [],
      subject: [
        { a: 'pA', b: 'pB', score: 0.25, terms: [] },
        { a: 'pC', b: 'pD', score: 0.9, terms: [] },
        { a: 'pB', b: 'pE', score: 0.6, terms: [] },
        { a: 'pF', b: 'pB', score: 0.3, terms: [] },
      ],
      clauses: {},
      links: [ok('pA', 'pB'), ok('pC', 'pD'), ok('pB', 'pE', { relation: 'related' })],
    });
    const b = variantsOf(v, 'pB');
    expect(b.pairs.map((p) => `${p.a},${p.b}`)).toEqual(['pA,pB', 'pB,pE']);
    expect(b.subject.map((s) => `${s.a},${s.b}`)).toEqual(['pB,pE', 'pF,pB', 'pA,pB']);
    expect(variantsOf(v, 'pZ')).toEqual({ family: null, pairs: [], subject: [] });
  });

  it('LSH tables: sizes must be whole numbers from 1, hashes 32-bit unsigned integers, titles strings; common is sorted in a copy', () => {
    const t = { formatVersion: V, bands: 2, rows: 3, shingle: 5, common: [0xffffffff, 9, 0], docs: ['pA', 'pB'], titles: ['甲', '乙'], keys: [[0, 0xffffffff], []] };
    expect(restoreLshTables(t)).toEqual({ ...t, common: [0, 9, 0xffffffff] });
    expect(t.common).toEqual([0xffffffff, 9, 0]);
    for (const size of [0, -1, 2.5, '2', null])
      for (const field of ['bands', 'rows', 'shingle']) expect([field, size, restoreLshTables({ ...t, [field]: size })]).toEqual([field, size, null]);
    for (const hash of [-1, 2.5, '3', 2 ** 32]) {
      expect(restoreLshTables({ ...t, common: [3, hash] })).toBeNull();
      expect(restoreLshTables({ ...t, keys: [[1, hash], []] })).toBeNull();
    }
    for (const titles of [['甲'], ['甲', 2], [null, '乙']]) expect(restoreLshTables({ ...t, titles })).toBeNull();
    expect(restoreLshTables({ ...t, keys: [[1, 2], 'x'] })).toBeNull();
  });
});
