import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../core/corpus/types';
import { buildOutline } from './units';

const load = (id: string): PolicyDocument => JSON.parse(readFileSync(new URL(`../../e2e/fixtures/corpus/docs/${id}.json`, import.meta.url), 'utf8'));
const reg = load('shili-zhengwu-banfa-2023');
const notice = load('shili-tongzhi-2024');

describe('outline', () => {
  it('lists chapters with their articles and notice headings, skipping items', () => {
    const o = buildOutline(reg.units);
    expect(o.map((e) => e.text)).toEqual(['第一章 总则', '第二章 服务规范', '第三章 附则']);
    expect(o.flatMap((e) => e.children).length).toBe(12);
    expect(o[1].children[0].children).toEqual([]);
    const n = buildOutline(notice.units);
    expect(n.map((e) => e.text)).toEqual(['一、 总体要求', '二、 重点任务', '附件 示例实施方案']);
    expect(n[0].children.map((e) => e.text)).toEqual(['（一） 工作目标', '（二） 基本原则']);
    const bare = { ...notice.units[1].children[0], heading: null, paragraphs: [{ text: '到2025年，政务服务事项全部实现网上可办。', pages: [] }] };
    expect(buildOutline([bare])[0].text).toBe('（一） 到2025年');
    const long = { ...bare, paragraphs: [{ text: '压减办理环节和申请材料并推行告知承诺制度的具体做法。', pages: [] }] };
    expect(buildOutline([long])[0].text).toBe('（一） 压减办理环节和申请材料并推行…');
  });

  it('shows an article\'s printed 【heading】 after its number, from its text or its first 款', () => {
    const unit = (id: string, level: 'article' | 'clause', label: string, text: string, children: PolicyDocument['units'] = []) => ({ id, path: id, level, label, heading: null, paragraphs: text ? [{ text, pages: [] }] : [], pages: [], children });
    const a1 = unit('a1', 'article', '第一条', '【目的依据】为加快政府职能转变，制订本管理规定。');
    const a11 = unit('a11', 'article', '第十一条', '', [unit('a11.k1', 'clause', '第一款', '【监督检查】市、区建设行政管理部门应当加强监管。'), unit('a11.k2', 'clause', '第二款', '【不是标题】发现违法行为的，追究责任。')]);
    const plain = unit('a2', 'article', '第二条', '本办法适用于本市。');
    expect(buildOutline([a1, a11, plain]).map((e) => e.text)).toEqual(['第一条【目的依据】', '第十一条【监督检查】', '第二条']);
    expect(buildOutline([{ ...plain, heading: '适用范围' }])[0].text).toBe('第二条 适用范围');
  });
});
