/**
 * Characters a PDF's text layer names by the wrong code point (a radical or a compatibility
 * form drawn with the same glyph) come back as the character the page shows.
 */
import { describe, expect, it } from 'vitest';
import { repairPdfGlyphs, repairSharedGlyphs } from './glyphs';

describe('repairPdfGlyphs', () => {
  it('turns Kangxi radicals into the ideographs the page shows', () => {
    // ⼈ U+2F08, ⺠ U+2EA0 (supplement), ⼯ U+2F2F, ⾏ U+2F8F, ⽂ U+2F42
    expect(repairPdfGlyphs('\u2f08\u2ea0政府关于\u2f2f作的\u2f8f政\u2f42件')).toBe('人民政府关于工作的行政文件');
  });
  it('reads the radicals supplement from its table, including the simplified forms', () => {
    // ⻔ C-SIMPLIFIED GATE → 门, ⻓ C-SIMPLIFIED LONG → 长, ⻜ C-SIMPLIFIED FLY → 飞, ⻋ → 车
    expect(repairPdfGlyphs('部\u2ed4\u2ed3期\u2edc\u2ecb')).toBe('部门长期飞车');
  });
  it('turns 户 drawn as the door radical into 户, not the traditional 戶', () => {
    expect(repairPdfGlyphs('个体工商\u2f3e')).toBe('个体工商户');
  });
  it('turns the horizontal bar into the dash and the angle brackets into 〈〉', () => {
    expect(repairPdfGlyphs('2023\u20152025年')).toBe('2023—2025年');
    expect(repairPdfGlyphs('《关于印发\u2329办法\u232a的通知》')).toBe('《关于印发〈办法〉的通知》');
  });
  it('turns compatibility ideographs into the unified ones', () => {
    expect(repairPdfGlyphs('\uf9b5例')).toBe('例例');
  });
  it('leaves every other character as it is', () => {
    const s = '第一条　为了规范政务服务，根据《中华人民共和国行政许可法》制定本办法。ABC ① ㈠ ｛｝';
    expect(repairPdfGlyphs(s)).toBe(s);
  });
});

describe('repairSharedGlyphs', () => {
  it('folds 戶 into 户 on a page written in simplified characters', () => {
    expect(repairSharedGlyphs(['个体工商戶登记', '这是简体页面'])).toEqual(['个体工商户登记', '这是简体页面']);
  });
  it('leaves a traditional page its own 戶', () => {
    expect(repairSharedGlyphs(['個體工商戶登記'])).toEqual(['個體工商戶登記']);
  });
});
