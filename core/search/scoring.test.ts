/**
 * The ranking numbers as a reader meets them: a rarer word, a shorter clause,
 * more mentions and a title that holds the query each rank higher, in the
 * orders the engine relies on.
 */
import { describe, expect, it } from 'vitest';
import { excludedByTitle, metaMatches, Scorer, TITLE_TIER } from './scoring.js';
import { parseQuery } from './query.js';
import type { DocRec } from './records.js';
import { normalizeUnitText } from './tokenizer.js';

/** 1,000 units of mean length 50; 融资 is in 10 of them, 企业 in 400. */
const scorer = new Scorer(1000, 50, (p) => ({ 融资: 10, 企业: 400 })[p] ?? 0);

function rec(title: string, docNumber: string | null = null, issuer = ''): DocRec {
  return {
    id: 'p1',
    title,
    issuer,
    issuers: issuer ? [issuer] : [],
    docNumber,
    year: null,
    region: '未注明',
    regions: ['未注明'],
    kind: '通知',
    titleN: normalizeUnitText(title),
    numberN: docNumber ?? '',
    issuerN: issuer,
    firstUnit: 0,
    endUnit: 1,
  };
}

describe('Scorer', () => {
  it('idf: a rarer phrase weighs more, and one in no unit the most', () => {
    expect(scorer.idf('融资')).toBeGreaterThan(scorer.idf('企业'));
    expect(scorer.idf('担保')).toBeGreaterThan(scorer.idf('融资'));
    expect(scorer.idf('担保')).toBeCloseTo(Math.log(1 + 1000.5 / 0.5), 10);
    expect(scorer.idf('企业')).toBeGreaterThan(0);
  });

  it('bm25: more mentions score higher but with diminishing returns; a longer clause with the same mentions lower', () => {
    const idf = [scorer.idf('融资')];
    const once = scorer.bm25('融资'.padEnd(50, '。'), ['融资'], idf);
    const twice = scorer.bm25('融资融资'.padEnd(50, '。'), ['融资'], idf);
    const thrice = scorer.bm25('融资融资融资'.padEnd(50, '。'), ['融资'], idf);
    expect(once).toBeGreaterThan(0);
    expect(twice).toBeGreaterThan(once);
    expect(thrice - twice).toBeLessThan(twice - once);
    expect(scorer.bm25('融资'.padEnd(200, '。'), ['融资'], idf)).toBeLessThan(once);
    expect(scorer.bm25('无关文字'.padEnd(50, '。'), ['融资'], idf)).toBe(0);
  });

  it('bm25 adds up the phrases, a longer matched phrase counting for more', () => {
    const idf = [scorer.idf('融资'), scorer.idf('融资担保')];
    const text = '融资担保'.padEnd(50, '。');
    const both = scorer.bm25(text, ['融资', '融资担保'], idf);
    expect(both).toBeGreaterThan(scorer.bm25(text, ['融资'], [idf[0]]));
    expect(scorer.bm25(text, ['融资担保'], [idf[0]])).toBeGreaterThan(scorer.bm25(text, ['融资'], [idf[0]]));
  });

  it('lengthTerm and priorFactor: the prior of a unit of mean length is BM25 with one mention', () => {
    const phrases = ['融资'];
    const idf = [scorer.idf('融资')];
    const text = '融资'.padEnd(50, '。');
    expect(scorer.priorFactor(phrases, idf) / scorer.lengthTerm(50)).toBeCloseTo(scorer.bm25(text, phrases, idf), 10);
    expect(scorer.lengthTerm(100)).toBeGreaterThan(scorer.lengthTerm(50));
    // Two phrases: averaged, so a longer query does not outrank a shorter one by its length alone.
    const two = scorer.priorFactor(['融资', '融资'], [idf[0], idf[0]]);
    expect(two).toBeCloseTo(scorer.priorFactor(phrases, idf), 10);
    expect(scorer.priorFactor([], [])).toBe(0);
  });

  it('the title tier: above every text score, higher for a title the query covers more tightly, none when a word is missing', () => {
    const q = parseQuery('融资担保');
    const tight = rec('融资担保办法');
    const loose = rec('关于进一步做好小微企业融资担保工作的通知');
    expect(scorer.titleScore(tight, q)).toBeGreaterThan(scorer.titleScore(loose, q));
    expect(scorer.titleScore(loose, q)).toBeGreaterThan(TITLE_TIER);
    expect(scorer.titleScore(tight, q)).toBeLessThanOrEqual(TITLE_TIER + 100);
    expect(scorer.titleCoverage(tight, q)).toBeCloseTo(4 / 6, 10);
    expect(scorer.titleScore(rec('融资办法'), q)).toBe(0);
    // Every clause must be in the title (or 文号); an OR clause by its longest phrase there.
    expect(scorer.titleCoverage(rec('融资担保办法'), parseQuery('融资 OR 融资担保 办法'))).toBeCloseTo(6 / 6, 10);
    expect(scorer.titleCoverage(rec('融资担保办法'), parseQuery('融资 贷款'))).toBe(0);
  });

  it('a document without text ranks below every hit with text, a tighter title first', () => {
    const q = parseQuery('融资担保');
    const tight = scorer.emptyDocScore(rec('融资担保办法'), q);
    const loose = scorer.emptyDocScore(rec('关于进一步做好小微企业融资担保工作的通知'), q);
    expect(tight).toBeLessThan(0);
    expect(tight).toBeGreaterThan(loose);
    expect(scorer.emptyDocScore(rec('其他'), q)).toBe(-1);
  });
});

describe('document-level matches', () => {
  it('a clause matches the metadata when any of its phrases is in the title, 文号 or issuer', () => {
    const d = rec('融资担保办法', '青政发〔2020〕1号', '青岛市人民政府');
    expect(metaMatches(d, ['贷款', '人民政府'])).toBe(true);
    expect(metaMatches(d, ['贷款'])).toBe(false);
  });

  it('an exclusion found in the title excludes the document', () => {
    const d = rec('融资担保办法');
    expect(excludedByTitle(d, parseQuery('融资 -担保'))).toBe(true);
    expect(excludedByTitle(d, parseQuery('融资 -小微 -贷款'))).toBe(false);
  });
});
