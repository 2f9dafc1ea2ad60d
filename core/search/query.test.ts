import { describe, expect, it } from 'vitest';
import { parseQuery } from './query.js';

describe('parseQuery', () => {
  it('splits words (AND), exclusions, phrases and OR', () => {
    expect(parseQuery('融资 担保')).toEqual({ must: [['融资'], ['担保']], not: [] });
    expect(parseQuery('融资担保 -小微')).toEqual({ must: [['融资担保']], not: ['小微'] });
    expect(parseQuery('"融资 担保"')).toEqual({ must: [['融资担保']], not: [] });
    expect(parseQuery('“告知承诺制”')).toEqual({ must: [['告知承诺制']], not: [] });
    expect(parseQuery('融资 OR 担保 企业')).toEqual({ must: [['融资', '担保'], ['企业']], not: [] });
    expect(parseQuery('融资 | 担保')).toEqual({ must: [['融资', '担保']], not: [] });
    expect(parseQuery('"hello world" -"a b"')).toEqual({ must: [['hello world']], not: ['a b'] });
  });

  it('folds width and case, and joins stray digit spacing', () => {
    expect(parseQuery('ＬＰＲ')).toEqual({ must: [['lpr']], not: [] });
    expect(parseQuery('2023 年')).toEqual(parseQuery('2023年'));
    expect(parseQuery('２０２３ 年')).toEqual(parseQuery('2023年'));
    expect(parseQuery('第 3 条')).toEqual({ must: [['第3条']], not: [] });
    expect(parseQuery('（一）')).toEqual({ must: [['(一)']], not: [] });
    expect(parseQuery('   ')).toEqual({ must: [], not: [] });
    expect(parseQuery('-')).toEqual({ must: [['-']], not: [] });
  });
});

describe('OR without spaces', () => {
  it('A|B and A｜B are A | B', () => {
    const spaced = { must: [['融资', '担保'], ['企业']], not: [] };
    expect(parseQuery('融资|担保 企业')).toEqual(spaced);
    expect(parseQuery('融资｜担保 企业')).toEqual(spaced);
    expect(parseQuery('融资 ｜ 担保 企业')).toEqual(spaced);
    expect(parseQuery('融资｜ 担保 企业')).toEqual(spaced);
  });
});
