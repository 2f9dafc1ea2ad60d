/**
 * Chinese numerals of structural labels (第一百零五条, 第十一款, （二十）) both ways.
 * Expected values are the numbers as a reader says them.
 */
import { describe, expect, it } from 'vitest';
import { parseChineseNumber, toChineseNumber } from './numerals.js';

describe('parseChineseNumber', () => {
  it.each([
    ['一', 1], ['两', 2], ['九', 9], ['十', 10], ['十五', 15], ['二十', 20], ['九十九', 99],
    ['一百', 100], ['一百零五', 105], ['一百〇五', 105], ['一百一十', 110], ['二百二十三', 223], ['一千零一', 1001], ['零', 0], ['〇', 0],
  ])('reads %s as %i', (s, n) => {
    expect(parseChineseNumber(s)).toBe(n);
  });

  it('reads digits as they are printed in 第12条 or 26、', () => {
    expect(parseChineseNumber('12')).toBe(12);
    expect(parseChineseNumber('026')).toBe(26);
  });

  it('reads nothing that is not a numeral', () => {
    for (const s of ['', '第三', '三条', '十二a', '12a', 'a12', '一２', '壹']) expect(parseChineseNumber(s)).toBeNull();
  });
});

describe('toChineseNumber', () => {
  it.each([
    [0, '零'], [3, '三'], [10, '十'], [11, '十一'], [19, '十九'], [20, '二十'], [21, '二十一'], [47, '四十七'], [68, '六十八'], [99, '九十九'],
    [100, '一百'], [101, '一百零一'], [109, '一百零九'], [110, '一百一十'], [111, '一百一十一'], [119, '一百一十九'], [120, '一百二十'], [135, '一百三十五'], [200, '二百'], [999, '九百九十九'],
  ])('writes %i as %s', (n, s) => {
    expect(toChineseNumber(n)).toBe(s);
  });
});
