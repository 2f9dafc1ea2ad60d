import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../../core/corpus/types';
import { citationLine, citationText, formatPages, locator } from './citation';
import { buildOutline, flattenUnits } from './units';

const load = (id: string): PolicyDocument => JSON.parse(readFileSync(new URL(`../../e2e/fixtures/corpus/docs/${id}.json`, import.meta.url), 'utf8'));
const reg = load('shili-zhengwu-banfa-2023');
const notice = load('shili-tongzhi-2024');
const find = (doc: PolicyDocument, path: string) => {
  const f = flattenUnits(doc.units).find((x) => x.unit.path === path);
  if (!f) throw new Error(path);
  return f;
};

describe('citation', () => {
  it('cites an article by its own number, without the chapter', () => {
    const { unit, ancestors } = find(reg, 'ch3.ar10');
    expect(locator(unit, ancestors)).toBe('第十条');
    expect(citationLine(reg, unit, ancestors)).toBe('《示例市政务服务管理办法》（示例市人民政府令第1号）第十条（第3页）');
    expect(citationText(reg, unit, ancestors)).toBe(
      '《示例市政务服务管理办法》（示例市人民政府令第1号）第十条（第3页）\n第十条　市、区（市）政务服务管理办公室具体管理、指导、协调本行政区域政务服务工作，对下级审批服务、政务服务体系建设等进行业务指导。',
    );
  });

  it('includes items under an article and cites an item within it', () => {
    const art = find(reg, 'ch2.ar5');
    expect(citationText(reg, art.unit, art.ancestors).split('\n')).toEqual([
      '《示例市政务服务管理办法》（示例市人民政府令第1号）第五条（第2页）',
      '第五条　政务服务事项按照下列方式办理：',
      '（一）网上办理；',
      '（二）就近办理；',
      '（三）一次办理。',
    ]);
    const item = find(reg, 'ch2.ar5.it2');
    expect(locator(item.unit, item.ancestors)).toBe('第五条（二）');
  });

  it('keeps the parent of outline markers and omits pages when unknown', () => {
    const sub = find(notice, 'o1.o2');
    expect(citationLine(notice, sub.unit, sub.ancestors)).toBe('《关于印发示例实施方案的通知》（沪示商〔2024〕12号）一（二）（第2页）');
    const chapter = find(reg, 'ch1');
    expect(locator(chapter.unit, chapter.ancestors)).toBe('第一章');
    expect(citationLine({ title: 'T', docNumber: null }, { ...chapter.unit, pages: [] }, [])).toBe('《T》第一章');
  });

  it('formats page ranges', () => {
    expect(formatPages([])).toBe('');
    expect(formatPages([4, 2, 3])).toBe('（第2–4页）');
    expect(formatPages([7])).toBe('（第7页）');
  });
});

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
});
