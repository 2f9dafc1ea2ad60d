import { describe, expect, it } from 'vitest';
import { fold, normalizeWithMap, toOriginalRange } from './normalize.js';

describe('fold', () => {
  it('folds full-width ASCII to half-width and Latin to lower case, one unit for one unit', () => {
    const s = '（ＬＰＲ）１２３４５，“走万企”〔2023〕';
    expect(fold(s)).toBe('(lpr)12345,"走万企"[2023]');
    expect(fold(s)).toHaveLength(s.length);
  });
  it('leaves CJK ideographs and 、。 alone', () => {
    expect(fold('一、政务服务。')).toBe('一、政务服务。');
  });
});

describe('normalizeWithMap', () => {
  it('drops white space next to CJK and keeps it between Latin words', () => {
    expect(normalizeWithMap('2023 年 6 月').text).toBe('2023年6月');
    expect(normalizeWithMap('Authorized  Economic Operator').text).toBe('authorized economic operator');
  });
  it('maps ranges in the normalised text back to the input', () => {
    const input = '于 2023 年６月 印发';
    const n = normalizeWithMap(input);
    const at = n.text.indexOf('2023年6月');
    const [s, e] = toOriginalRange(n, at, at + '2023年6月'.length);
    expect(input.slice(s, e)).toBe('2023 年６月');
  });
});
