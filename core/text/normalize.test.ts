import { describe, expect, it } from 'vitest';
import { fold, normalize, normalizeWithMap, toOriginalRange } from './normalize.js';

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

describe('fold: the variants printed documents use for one character search as that character', () => {
  it('folds the punctuation of Chinese typesetting to its ASCII twin', () => {
    // 　 ideographic space, ‘’ single quotes, 【】 brackets, — – dashes, · ・ middle dots, no-break space.
    expect(fold('甲\u3000乙‘丙’【丁】—–·・\u00a0戊')).toBe("甲 乙'丙'[丁]--.. 戊");
  });
  it('folds the whole full-width ASCII block, its first and last characters included', () => {
    expect(fold('！～ＡＺａｚ＠［０９')).toBe('!~azaz@[09');
  });
  it('leaves the code units just outside the full-width block alone', () => {
    // U+FF00 and U+FF5F (｟) border the block; ｡ (U+FF61) is half-width katakana punctuation.
    expect(fold('\uff00｟｡')).toBe('\uff00｟｡');
  });
  it('lowers only A–Z of plain ASCII, not the @ and [ beside them', () => {
    expect(fold('@AZ[')).toBe('@az[');
  });
});

describe('normalizeWithMap: white space a PDF put next to CJK goes, white space between words stays', () => {
  const squeezed = (s: string) => normalizeWithMap(s).text;
  it('normalize gives the same text as normalizeWithMap, for queries', () => {
    expect(normalize(' 2023 年６月 ＡＥＯ  认证 ')).toBe('2023年6月aeo认证');
  });
  it('drops white space at either end and turns tabs and line breaks between words into one space', () => {
    expect(squeezed('  政策 ')).toBe('政策');
    expect(squeezed(' AEO \t\n certification ')).toBe('aeo certification');
  });
  it('drops a space next to any CJK ideograph, from Ext A to the compatibility block and Ext B', () => {
    // Escapes: an editor's NFC would turn the compatibility ideograph U+F900 into U+8C48.
    for (const ch of ['\u3400', '\u9fff', '\uf900', '\ufaff', '𠀀', '\ud800\udc00', '\udbff\udfff']) expect(squeezed(`x ${ch} x`), ch).toBe(`x${ch}x`);
  });
  it('drops a space next to CJK and full-width punctuation as printed', () => {
    for (const ch of ['、', '〿', '！', '／', '：', '＠', '“', '”', '‘', '’']) expect(squeezed(`x ${ch}`), ch).toBe(`x${fold(ch)}`);
  });
  it('keeps a space next to characters outside those blocks (full-width digits and letters, kana, Latin)', () => {
    for (const ch of ['０', 'Ａ', 'ぁ', '㏿', 'ꀀ', 'é']) expect(squeezed(`x ${ch}`), ch).toBe(`x ${fold(ch)}`);
  });
});

describe('toOriginalRange: a range found in normalised text, in the text the user reads', () => {
  it('skips the dropped white space both ways', () => {
    const input = '第 一 条  AEO  认证';
    const n = normalizeWithMap(input);
    expect(n.text).toBe('第一条aeo认证');
    const at = n.text.indexOf('aeo');
    expect(input.slice(...toOriginalRange(n, at, at + 3))).toBe('AEO');
    expect(input.slice(...toOriginalRange(n, 0, 3))).toBe('第 一 条');
  });
  it('clamps a range that runs past either end to the text', () => {
    const input = ' 通知 ';
    const n = normalizeWithMap(input);
    expect(toOriginalRange(n, -5, 99)).toEqual([1, 3]);
    // An empty range past the end sits at the end of the input.
    expect(toOriginalRange(n, 3, 3)).toEqual([4, 4]);
  });
  it('gives an empty range for an empty or reversed one', () => {
    const n = normalizeWithMap('甲 乙');
    expect(toOriginalRange(n, 1, 1)).toEqual([2, 2]);
    expect(toOriginalRange(n, 2, 1)).toEqual([3, 3]);
  });
});
