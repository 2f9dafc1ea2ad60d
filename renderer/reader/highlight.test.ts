import { describe, expect, it } from 'vitest';
import { highlightRanges, queryTerms } from './highlight';

describe('highlight', () => {
  it('splits a query into folded terms, longest first', () => {
    expect(queryTerms('  政务　服务 政务服务 ')).toEqual(['政务服务', '政务', '服务']);
    expect(queryTerms('')).toEqual([]);
  });

  it('finds every non-overlapping occurrence, preferring longer terms', () => {
    const text = '政务服务部门提供政务服务，服务群众。';
    const r = highlightRanges(text, queryTerms('政务服务 服务'));
    expect(r.map(([s, e]) => text.slice(s, e))).toEqual(['政务服务', '政务服务', '服务']);
  });

  it('matches across full-width and case differences without shifting offsets', () => {
    const text = 'ＡＢＣ公司与abc公司〔2023〕';
    const r = highlightRanges(text, queryTerms('abc [2023]'));
    expect(r.map(([s, e]) => text.slice(s, e))).toEqual(['ＡＢＣ', 'abc', '〔2023〕']);
  });
});
