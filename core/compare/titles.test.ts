/** What a title says for revisions: draft marks, the core title under its wrappers, and title similarity. */
import { describe, expect, it } from 'vitest';
import { bigramDice, coreTitle, isDraftTitle, titleGrams } from './titles.js';

describe('draft titles', () => {
  it('every mark of a text not yet adopted', () => {
    for (const mark of ['征求意见稿', '草案', '送审稿', '讨论稿', '修订稿', '代拟稿', '意见征求稿']) expect(isDraftTitle(`示例市数据条例（${mark}）`), mark).toBe(true);
    expect(isDraftTitle('示例市数据条例')).toBe(false);
  });
});

describe('core titles', () => {
  it('the document a notice issues, forwards, publishes or asks comments on', () => {
    expect(coreTitle('示例市人民政府关于印发《示例市优化营商环境行动方案》的通知')).toBe('示例市优化营商环境行动方案');
    expect(coreTitle('关于转发《示例省数据条例》的通知')).toBe('示例省数据条例');
    expect(coreTitle('示例市人民政府发布《示例市数据条例》')).toBe('示例市数据条例');
    expect(coreTitle('关于公开征求《示例市数据条例（草案）》意见的公告')).toBe('示例市数据条例');
    expect(coreTitle('示例市人民代表大会常务委员会公布《示例市数据条例》')).toBe('示例市数据条例');
    // a title that only quotes a document is about something else
    expect(coreTitle('学习《示例市数据条例》的体会')).toBe('学习示例市数据条例的体会');
  });

  it('a notice issuing a document not in 《》: what comes between 印发/转发 and 的通知', () => {
    expect(coreTitle('示例市人民政府办公厅关于印发示例市优化营商环境工作要点的通知')).toBe('示例市优化营商环境工作要点');
    expect(coreTitle('关于转发市发展改革委优化营商环境工作要点的通知')).toBe('市发展改革委优化营商环境工作要点');
    // only at the end of the title
    expect(coreTitle('印发工作要点的通知解读')).toBe('印发工作要点的通知解读');
  });

  it('years, periods, editions and draft marks are removed, in brackets or not', () => {
    expect(coreTitle('示例市优化营商环境工作要点（2023年）')).toBe('示例市优化营商环境工作要点');
    expect(coreTitle('示例市数据条例(征求意见稿)')).toBe('示例市数据条例');
    expect(coreTitle('示例市数据条例[送审稿]')).toBe('示例市数据条例');
    expect(coreTitle('示例市数据条例（修改讨论稿）')).toBe('示例市数据条例');
    expect(coreTitle('示例市招商引资办法（试行）')).toBe('示例市招商引资办法');
    expect(coreTitle('示例市招商引资暂行办法（暂行）')).toBe('示例市招商引资暂行办法');
    expect(coreTitle('示例市营商环境评价指标（第二版）')).toBe('示例市营商环境评价指标');
    expect(coreTitle('示例市“十四五”数字经济发展规划（2021—2025年）')).toBe('示例市十四五数字经济发展规划');
    expect(coreTitle('示例市数字经济发展规划2021-2025年')).toBe('示例市数字经济发展规划');
    expect(coreTitle('示例市数字经济发展规划2021 ~ 2025')).toBe('示例市数字经济发展规划');
    expect(coreTitle('示例市2023年度优化营商环境工作要点')).toBe('示例市优化营商环境工作要点');
    expect(coreTitle('示例市2023年优化营商环境工作要点')).toBe('示例市优化营商环境工作要点');
    expect(coreTitle('示例市营商环境评价指标2023版')).toBe('示例市营商环境评价指标');
    // a bracket without any of these stays (its punctuation goes)
    expect(coreTitle('示例市营商环境评价指标（城市篇）')).toBe('示例市营商环境评价指标城市篇');
  });

  it('is folded: full-width letters and digits read as half-width', () => {
    expect(coreTitle('示例市ＡＢＣ行动２.０')).toBe('示例市abc行动20');
  });
});

describe('bigram Dice of titles', () => {
  it('shared bigrams over all bigrams of both', () => {
    // 营商环境: 营商 商环 环境; 营商服务: 营商 商服 服务 — one of three each.
    expect(bigramDice('营商环境', '营商服务')).toBeCloseTo(1 / 3, 10);
    expect(bigramDice('营商环境', '营商环境')).toBe(1);
    expect(bigramDice('营商环境', '数据要素')).toBe(0);
  });

  it('a bigram counts as often as both titles have it', () => {
    // 营商营商: 营商 ×2, 商营; 营商: 营商 — one shared of four.
    expect(bigramDice('营商营商', '营商')).toBe(0.5);
    expect(bigramDice('营商', '营商营商')).toBe(0.5);
    // 营商营商营商 (营商 ×3, 商营 ×2) and 营商营商 (营商 ×2, 商营): three shared of eight.
    expect(bigramDice('营商营商营商', '营商营商')).toBe(6 / 8);
  });

  it('bigrams are two UTF-16 code units, a character outside the BMP split across two; a single character has none', () => {
    // 𠀀𠀀: (𠀀), (low half of 𠀀, high half of 𠀀), (𠀀); 𠀀: (𠀀) — one shared of four.
    expect(bigramDice('𠀀𠀀', '𠀀')).toBe(0.5);
    expect(bigramDice('营', '营')).toBe(0);
    expect(bigramDice('', '营商')).toBe(0);
    // 商营 (0x5546, 0x8425) sorts before 营商 (0x8425, 0x5546).
    expect(Array.from(titleGrams('营商营'))).toEqual([0x55468425, 0x84255546]);
  });

  it('titles of one character or none have no bigrams', () => {
    expect(bigramDice('', '')).toBe(0);
    expect(bigramDice('法', '法')).toBe(0);
  });
});
