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

// Real text of 中华人民共和国民法典 合同编 and 宪法修正案（2018年） (LawRefBook/Laws, github.com/LawRefBook/Laws).
describe('laws printed in parts', () => {
  it('nests 分编 › 章 › 条 and accepts articles numbered from where the 编 starts', () => {
    const text = [
      '第一分编　通则',
      '第一章　一般规定',
      '第四百六十三条　本编调整因合同产生的民事关系。',
      '第四百六十四条　合同是民事主体之间设立、变更、终止民事法律关系的协议。',
      '第四百六十五条　依法成立的合同，受法律保护。',
    ].join('\n');
    expect(outline(text)).toEqual([
      'spt1 第一分编 通则',
      'spt1.ch1 第一章 一般规定',
      'spt1.ch1.ar463 第四百六十三条',
      'spt1.ch1.ar464 第四百六十四条',
      'spt1.ch1.ar465 第四百六十五条',
    ]);
  });

  it('gives an amendment its own articles (第三十二条… of the 2018 amendment)', () => {
    const text = [
      '第三十二条　宪法序言第七自然段中“健全社会主义法制”修改为“健全社会主义法治”。',
      '第三十三条　宪法序言第十自然段中“在长期的革命和建设过程中”修改为“在长期的革命、建设、改革过程中”。',
      '第三十四条　宪法序言第十一自然段中“平等、团结、互助的社会主义民族关系已经确立，并将继续加强。”修改为：“平等团结互助和谐的社会主义民族关系已经确立，并将继续加强。”',
    ].join('\n');
    expect(outline(text)).toEqual(['ar32 第三十二条', 'ar33 第三十三条', 'ar34 第三十四条']);
  });

  it('does not start an article at a wrapped line that continues a reference (依照本法 | 第一百四十二条第一款的规定)', () => {
    const text = [
      '第四百六十六条　当事人对合同条款的理解有争议的，应当依据本法',
      '第一百四十二条第一款的规定，确定争议条款的含义。',
      '第四百六十七条　本法或者其他法律没有明文规定的合同，适用本编通则的规定，并可以参照',
      '适用本编或者其他法律最相类似合同的规定。',
      '第四百六十八条　非因合同产生的债权债务关系，适用有关该债权债务关系的法律规定；没有规定的，',
      '适用本编通则的有关规定，但是根据其性质不能适用的除外。',
    ].join('\n');
    expect(outline(text)).toEqual(['ar466 第四百六十六条', 'ar467 第四百六十七条', 'ar468 第四百六十八条']);
    expect(units(text)[0].paragraphs[0].text).toBe('当事人对合同条款的理解有争议的，应当依据本法第一百四十二条第一款的规定，确定争议条款的含义。');
  });
});
