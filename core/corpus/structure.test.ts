import { describe, expect, it } from 'vitest';
import { toLines } from './lines.js';
import { toParagraphs } from './paragraphs.js';
import { buildUnits, flattenUnits } from './structure.js';

const units = (text: string) => buildUnits('d1', toParagraphs(toLines(text).lines, 40));
const outline = (text: string) => flattenUnits(units(text)).map((u) => `${u.path.replace(/^(pre|p)-[0-9a-z]{5}$/, '$1-*')} ${u.label}${u.heading ? ' ' + u.heading : ''}`);

describe('buildUnits', () => {
  it('nests chapters, articles, 款 and 项 as they are cited', () => {
    const text = [
      '第一章总则',
      '第一条为了规范管理，制定本办法。',
      '第二章服务',
      '第二条政务服务部门应当：',
      '（一）公开事项；',
      '（二）限时办结。',
      '有前款第（一）项情形的，从其规定。',
      '第三条本办法自2023年7月1日起施行。',
    ].join('\n');
    expect(outline(text)).toEqual([
      'ch1 第一章 总则',
      'ch1.ar1 第一条',
      'ch2 第二章 服务',
      'ch2.ar2 第二条',
      'ch2.ar2.k1 第一款',
      'ch2.ar2.k1.it1 （一）',
      'ch2.ar2.k1.it2 （二）',
      'ch2.ar2.k2 第二款',
      'ch2.ar3 第三条',
    ]);
    const all = flattenUnits(units(text));
    expect(all.every((u) => u.id === `d1~${u.path}`)).toBe(true);
    expect(all.find((u) => u.path === 'ch2.ar2.k2')!.paragraphs[0].text).toBe('有前款第（一）项情形的，从其规定。');
  });
  it('nests outline items and lets 1. numbering run on across 一、 sections', () => {
    const text = ['总体说明如下。', '一、总体要求', '1.压缩通关时间。', '2.创新监管模式。', '二、主要任务', '3.提升退税便利度。', '（1）电子化开具。'].join('\n');
    expect(outline(text)).toEqual(['pre-* ', 'a1 一、 总体要求', 'a1.c1 1.', 'a1.c2 2.', 'a2 二、 主要任务', 'a2.c3 3.', 'a2.c3.d1 （1）']);
  });
  it('folds a table of contents into one paragraph instead of empty chapters', () => {
    const text = ['第一章总则', '第二章附则', '第一章总则', '第一条为了规范管理，制定本条例。', '第二章附则', '第二条本条例自公布之日起施行。'].join('\n');
    expect(outline(text)).toEqual(['pre-* ', 'ch1 第一章 总则', 'ch1.ar1 第一条', 'ch2 第二章 附则', 'ch2.ar2 第二条']);
    expect(units(text)[0].paragraphs[0].text).toBe('目录：第一章总则　第二章附则');
  });
  it('takes a short lead sentence standing alone as the item heading', () => {
    const u = flattenUnits(units('1.进一步放宽市场准入门槛。\n全面落实市场准入负面清单制度，完善投资项目服务推进机制，推进实施。'));
    expect(u[0]).toMatchObject({ label: '1.', heading: '进一步放宽市场准入门槛', paragraphs: [{ text: '全面落实市场准入负面清单制度，完善投资项目服务推进机制，推进实施。' }] });
  });
  it('treats a number that breaks the sequence as text, not a new item', () => {
    const text = ['一、目标', '1.到2025年基本建成。', '2.到2027年全面建成现代化政务服务体系，持续优化营商环境，稳步提升企业和群众满意度。', '', '2035.年远景目标另行制定。'].join('\n');
    const u = flattenUnits(units(text));
    expect(u.map((x) => x.path)).toEqual(['a1', 'a1.c1', 'a1.c2']);
    expect(u[2].paragraphs.map((p) => p.text)).toEqual(['到2027年全面建成现代化政务服务体系，持续优化营商环境，稳步提升企业和群众满意度。', '2035.年远景目标另行制定。']);
  });
});
