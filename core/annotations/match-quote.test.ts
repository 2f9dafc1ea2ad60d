/**
 * The scores re-anchoring decides by: how far the words around a candidate
 * place agree with the stored prefix and suffix, and how many edits a quote
 * may have. anchor.test.ts checks matchScore's weighting on real text.
 */
import { describe, expect, it } from 'vitest';
import { contextScore, matchScore, maxErrorsFor, MIN_MATCH_SCORE } from './match-quote';
import type { TextQuoteSelector } from './model';

const q: TextQuoteSelector = { type: 'TextQuoteSelector', exact: '受理', prefix: '甲乙丙丁', suffix: '戊己庚辛' };
/** contextScore of the first 受理 in `text`. */
const ctx = (text: string, quote = q) => contextScore(text, text.indexOf('受理'), text.indexOf('受理') + 2, quote);

describe('contextScore', () => {
  it('is the share of stored context characters that agree, counted outward from the quote', () => {
    expect(ctx('甲乙丙丁受理戊己庚辛')).toBe(1);
    expect(ctx('子丑丙丁受理戊己寅卯')).toBe(4 / 8);
    expect(ctx('子丑寅丁受理戊卯辰巳')).toBe(2 / 8);
    // Agreement must touch the quote: matching characters further out count for nothing.
    expect(ctx('甲乙丙子受理丑己庚辛')).toBe(0);
  });

  it('near the start or end of the text, only the characters there can agree', () => {
    expect(ctx('丁受理戊')).toBe(2 / 8);
    expect(ctx('受理戊己庚辛')).toBe(4 / 8);
    expect(ctx('甲乙丙丁受理')).toBe(4 / 8);
  });

  it('a quote stored without context agrees everywhere', () => {
    expect(ctx('子丑受理寅卯', { ...q, prefix: '', suffix: '' })).toBe(1);
    expect(ctx('子丑受理戊己', { ...q, prefix: '' })).toBe(2 / 4);
  });
});

describe('maxErrorsFor', () => {
  it('allows a quarter of the quote\'s length in edits, at least one and at most 64', () => {
    expect([1, 2, 7, 8, 12, 100, 256, 259, 1000].map(maxErrorsFor)).toEqual([1, 1, 1, 2, 3, 25, 64, 64, 64]);
  });
});

describe('matchScore', () => {
  const quote: TextQuoteSelector = { type: 'TextQuoteSelector', exact: '实行清单管理', prefix: '政务服务事项', suffix: '，事项清单包括' };
  const text = '政务服务事项实行清单管理，事项清单包括目录';

  it('one character of the prefix changed still clears the bar, by far', () => {
    const s = matchScore('政务服务物项实行清单管理，事项清单包括目录', 6, 12, 0, quote, 6);
    expect(s).toBeGreaterThan(0.9);
    expect(s).toBeLessThan(1);
    expect(matchScore('政务服务事项实行清单管理，事项清单包扩目录', 6, 12, 0, quote, 6)).toBeGreaterThan(0.9);
  });

  it('the context is read right next to the candidate, not anywhere in the text', () => {
    // The stored prefix and suffix are in the text, but not around this candidate.
    const elsewhere = '政务服务事项，事项清单包括。其他其他其他其他实行清单管理另有规定另有规定';
    const start = elsewhere.indexOf('实行清单管理');
    expect(matchScore(elsewhere, start, start + 6, 0, quote, start)).toBeLessThan(MIN_MATCH_SCORE);
  });

  it('a candidate near the text\'s start is scored on the prefix characters there are', () => {
    // Only 服务事项 precede it: four of six characters agree, far better than none.
    const short = '服务事项实行清单管理，事项清单包括';
    expect(matchScore(short, 4, 10, 0, quote, 4)).toBeGreaterThan(0.85);
  });

  it('nearer the old place scores higher, other things equal', () => {
    const long = text + '。'.repeat(80);
    expect(matchScore(long, 6, 12, 0, quote, 7)).toBeGreaterThan(matchScore(long, 6, 12, 0, quote, 30));
    expect(matchScore(long, 6, 12, 0, quote, 30)).toBeGreaterThan(matchScore(long, 6, 12, 0, quote, 100));
  });

  it('an empty suffix means the quote ended its clause: a candidate at the end of the text or of a clause agrees, one mid-clause does not', () => {
    const atEnd = { ...quote, suffix: '' };
    expect(matchScore('政务服务事项实行清单管理', 6, 12, 0, atEnd, 6)).toBeCloseTo(1, 5);
    expect(matchScore('政务服务事项实行清单管理\n下一条', 6, 12, 0, atEnd, 6)).toBeCloseTo(1, 5);
    expect(matchScore('政务服务事项实行清单管理。下一条', 6, 12, 0, atEnd, 6)).toBeLessThan(0.8);
  });
});
