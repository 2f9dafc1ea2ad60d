/**
 * Reading the split variants files back (restore.ts): a summary of another format, a shard of another
 * document or a damaged one is refused as a whole (the caller says so in Chinese); bad entries inside a
 * good file are dropped; 相似文本 is ranked from the summary and one shard as it was from the whole file.
 * The sample corpus's round trip is in corpus.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { VARIANTS_FILE, VARIANTS_FORMAT_VERSION as V } from './format.js';
import { docVariants, MAX_SHOWN_PAIRS, restoreVariantShard, restoreVariantsSummary, shardUnreadable, SUMMARY_UNREADABLE } from './restore.js';
import { joinVariants, splitVariants } from './shards.js';

const pair = (a: string, b: string, relation: string, aInB: number) => ({ a, b, relation, jaccard: aInB / 2, aInB, bInA: aInB, sharedClauses: 1 });

describe('restoreVariantsSummary', () => {
  it('keeps families (members sorted, centre a member), subject pairs and the shard list; drops the rest', () => {
    const s = restoreVariantsSummary({
      formatVersion: V,
      families: [{ id: 'f1', center: 'pB', members: ['pB', 'pA', 'pA'] }, { id: 'f2', members: ['pC'] }, { id: 'f3', center: 'pZ', members: ['pD', 'pE'] }],
      subject: [{ a: 'pA', b: 'pC', score: 0.3, terms: ['小微'] }, { a: 'pA', b: 'pA', score: 1 }],
      shards: ['pB', 'pA', 'bad id!', 'pA'],
    });
    expect(s).toEqual({
      formatVersion: V,
      families: [{ id: 'f1', center: 'pB', members: ['pA', 'pB'] }, { id: 'f3', center: 'pD', members: ['pD', 'pE'] }],
      subject: [{ a: 'pA', b: 'pC', score: 0.3, terms: ['小微'] }],
      shards: ['pA', 'pB'],
    });
  });

  it('a file of the single-file format (1), or not a summary at all, is refused: the caller says SUMMARY_UNREADABLE', () => {
    for (const bad of [null, [], 'x', {}, { formatVersion: 1, families: [], subject: [], clauses: {}, links: [] }]) expect(restoreVariantsSummary(bad)).toBeNull();
    expect(SUMMARY_UNREADABLE).toMatch(/variants\.json.*重新构建语料库/);
    // It names the very file the summary is read from.
    expect(SUMMARY_UNREADABLE).toContain(`（${VARIANTS_FILE}）`);
  });
});

describe('restoreVariantShard', () => {
  const shard = {
    formatVersion: V,
    doc: 'pA',
    clauses: { 'pA~a1': [{ unit: 'pB~a1', doc: 'pB', similarity: 0.9 }, { unit: 'pA~a2', doc: 'pA', similarity: 1 }], 'pB~a1': [{ unit: 'pA~a1', doc: 'pA', similarity: 0.9 }] },
    pairs: [pair('pA', 'pB', 'same', 0.9), pair('pB', 'pC', 'same', 0.9), pair('pA', 'pC', 'copy', 0.5)],
  };

  it("keeps this document's units and the pairs that involve it, counterparts in other documents only", () => {
    expect(restoreVariantShard(shard, 'pA')).toEqual({
      formatVersion: V,
      doc: 'pA',
      clauses: { 'pA~a1': [{ unit: 'pB~a1', doc: 'pB', similarity: 0.9 }] },
      pairs: [pair('pA', 'pB', 'same', 0.9)],
    });
  });

  it('keeps the pairs where the document is the second one too', () => {
    expect(restoreVariantShard({ ...shard, doc: 'pB', clauses: {} }, 'pB')?.pairs).toEqual([pair('pA', 'pB', 'same', 0.9), pair('pB', 'pC', 'same', 0.9)]);
  });

  it("another document's shard, another format or a damaged file is refused; the message names the file and that the rest works", () => {
    for (const bad of [null, 'x', { ...shard, doc: 'pB' }, { ...shard, formatVersion: 1 }, { ...shard, doc: undefined }]) expect(restoreVariantShard(bad, 'pA')).toBeNull();
    expect(shardUnreadable('pA')).toContain('variants/pA.json');
    expect(shardUnreadable('pA')).toMatch(/其他文件.*不受影响.*重新构建语料库/);
  });
});

describe('docVariants: 相似文本 from the summary and one shard', () => {
  it("ranks the document's family pairs first, then its links, at most MAX_SHOWN_PAIRS; no shard, no pairs", () => {
    const links = Array.from({ length: 30 }, (_, i) => pair('pA', `pL${String(i).padStart(2, '0')}`, 'related', 0.1 + i / 100));
    const whole = {
      formatVersion: V,
      families: [{ id: 'f1', center: 'pA', members: ['pA', 'pB', 'pC'], pairs: [pair('pA', 'pB', 'adaptation', 0.5), pair('pA', 'pC', 'same', 0.95), pair('pB', 'pC', 'related', 0.2)] }],
      subject: [{ a: 'pC', b: 'pA', score: 0.2, terms: [] }],
      clauses: {},
      // In the build's order (by the two ids), as detection writes them.
      links: [pair('pA', 'pD', 'revision', 0.8), ...links],
    } as Parameters<typeof splitVariants>[0];
    const { summary, shards } = splitVariants(whole);
    const a = shards.find((s) => s.doc === 'pA')!;
    const shown = docVariants(summary, a, 'pA');
    expect(shown.pairs).toHaveLength(MAX_SHOWN_PAIRS);
    // Family first (same 95 % before adaptation 50 %), then the links by relation and overlap.
    expect(shown.pairs.slice(0, 4).map((p) => p.b)).toEqual(['pC', 'pB', 'pD', 'pL29']);
    expect(shown.family?.center).toBe('pA');
    expect(shown.subject).toHaveLength(1);
    expect(docVariants(summary, null, 'pA').pairs).toEqual([]);
    // The pair between two other members is in their shards, not in pA's.
    expect(a.pairs.some((p) => p.a === 'pB' && p.b === 'pC')).toBe(false);
    expect(joinVariants(summary, shards)).toEqual(whole);
  });
});

describe('splitVariants and joinVariants: the build order whatever order the shards are read in', () => {
  it('lists the shards in id order, and joins shards read in any order back to the build order', () => {
    const whole = {
      formatVersion: V,
      // A family of two later documents first, then links (in the build's order, by the two ids).
      families: [{ id: 'f1', center: 'pC', members: ['pC', 'pD'], pairs: [pair('pC', 'pD', 'same', 0.95)] }],
      subject: [],
      clauses: { 'pA~ar2': [{ unit: 'pD~ar1', doc: 'pD', similarity: 0.7 }], 'pB~ar1': [{ unit: 'pC~ar4', doc: 'pC', similarity: 0.6 }] },
      links: [pair('pA', 'pC', 'related', 0.2), pair('pA', 'pE', 'related', 0.25), pair('pB', 'pD', 'related', 0.3)],
    } as Parameters<typeof splitVariants>[0];
    const { summary, shards } = splitVariants(whole);
    expect(summary.shards).toEqual(['pA', 'pB', 'pC', 'pD', 'pE']);
    expect(shards.map((s) => s.doc)).toEqual(['pA', 'pB', 'pC', 'pD', 'pE']);
    const joined = joinVariants(summary, shards.slice().reverse());
    expect(joined).toEqual(whole);
    expect(joined.links.map((p) => `${p.a},${p.b}`)).toEqual(['pA,pC', 'pA,pE', 'pB,pD']);
    expect(Object.keys(joined.clauses)).toEqual(['pA~ar2', 'pB~ar1']);
  });

  it("a family's pairs are joined in the build order too", () => {
    const whole = {
      formatVersion: V,
      families: [{ id: 'f1', center: 'pA', members: ['pA', 'pB', 'pC', 'pD'], pairs: [pair('pA', 'pB', 'same', 0.9), pair('pA', 'pC', 'adaptation', 0.6), pair('pA', 'pD', 'adaptation', 0.5), pair('pB', 'pC', 'related', 0.2)] }],
      subject: [],
      clauses: {},
      links: [],
    } as Parameters<typeof splitVariants>[0];
    const { summary, shards } = splitVariants(whole);
    expect(joinVariants(summary, shards.slice().reverse())).toEqual(whole);
  });
});
