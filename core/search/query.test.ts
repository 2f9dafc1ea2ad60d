import { describe, expect, it } from 'vitest';
import { parseQuery, positivePhrases } from './query.js';

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

describe('query edge cases a user types', () => {
  it('a minus starts an exclusion only when a word follows it at once', () => {
    expect(parseQuery('-小微')).toEqual({ must: [], not: ['小微'] });
    expect(parseQuery('- 小微')).toEqual({ must: [['-'], ['小微']], not: [] });
    expect(parseQuery('融资 -')).toEqual({ must: [['融资'], ['-']], not: [] });
    expect(parseQuery('-"小微 企业"')).toEqual({ must: [], not: ['小微企业'] });
  });

  it('an unclosed quote runs to the end; quotes next to a word split it', () => {
    expect(parseQuery('"融资 担保')).toEqual({ must: [['融资担保']], not: [] });
    expect(parseQuery('融资"担保"')).toEqual({ must: [['融资'], ['担保']], not: [] });
  });

  it('OR at either end joins nothing; a quoted "OR" is a word; an exclusion ends an OR', () => {
    expect(parseQuery('OR 融资')).toEqual({ must: [['融资']], not: [] });
    expect(parseQuery('|融资')).toEqual({ must: [['融资']], not: [] });
    expect(parseQuery('融资 OR')).toEqual({ must: [['融资']], not: [] });
    expect(parseQuery('融资 or 担保')).toEqual({ must: [['融资', '担保']], not: [] });
    expect(parseQuery('"OR" 融资')).toEqual({ must: [['or'], ['融资']], not: [] });
    expect(parseQuery('融资 OR -小微 担保')).toEqual({ must: [['融资'], ['担保']], not: ['小微'] });
  });

  it('a space is stray only between a number and a counter, or after 第 before a number', () => {
    expect(parseQuery('3 万元')).toEqual({ must: [['3万元']], not: [] });
    expect(parseQuery('第  3  条')).toEqual({ must: [['第3条']], not: [] });
    expect(parseQuery('3年 月')).toEqual({ must: [['3年'], ['月']], not: [] });
    expect(parseQuery('a 3')).toEqual({ must: [['a'], ['3']], not: [] });
    expect(parseQuery('2023 ab')).toEqual({ must: [['2023'], ['ab']], not: [] });
    expect(parseQuery('第 条')).toEqual({ must: [['第'], ['条']], not: [] });
  });

  it('positivePhrases: each phrase once, exclusions left out', () => {
    expect(positivePhrases(parseQuery('融资 OR 担保 融资 -小微'))).toEqual(['融资', '担保']);
  });
});

describe('stray spacing around the digits 0 and 9, and what is not a digit', () => {
  it('joins a year ending in 0 or 9 to its 年, but not a closing bracket to a counter', () => {
    expect(parseQuery('2019 年')).toEqual({ must: [['2019年']], not: [] });
    expect(parseQuery('2020 年 小微企业')).toEqual({ must: [['2020年'], ['小微企业']], not: [] });
    // ）folds to ), which sorts below 0 but is no digit: 项 stays a word of its own.
    expect(parseQuery('（一） 项')).toEqual({ must: [['(一)'], ['项']], not: [] });
  });

  it('an empty pair of quotes is no word', () => {
    expect(parseQuery('融资担保 ""')).toEqual({ must: [['融资担保']], not: [] });
    expect(parseQuery('“” 小微')).toEqual({ must: [['小微']], not: [] });
  });
});
