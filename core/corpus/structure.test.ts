import { describe, expect, it } from 'vitest';
import { toLines } from './lines.js';
import { toParagraphs } from './paragraphs.js';
import type { RawParagraph } from './paragraphs.js';
import { buildUnits, flattenUnits } from './structure.js';

const units = (text: string) => buildUnits('d1', toParagraphs(toLines(text).lines, 40));
/** Paragraphs as given, one per string (for shapes toParagraphs would join or drop as an echo). */
const unitsOf = (texts: string[]) => buildUnits('d1', texts.map((text, i): RawParagraph => ({ text, pages: [], firstLine: i + 1, lastLine: i + 1, boxStart: false })));
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

  it('nests 节 under 章 and articles under 节, numbered on through the chapter', () => {
    const text = [
      '第一章　总则',
      '第一节　一般规定',
      '第一条　为了规范政务服务，制定本办法。',
      '第二节　服务事项',
      '第二条　政务服务事项实行清单管理。',
      '第三条　清单应当向社会公布。',
    ].join('\n');
    expect(outline(text)).toEqual([
      'ch1 第一章 总则',
      'ch1.se1 第一节 一般规定',
      'ch1.se1.ar1 第一条',
      'ch1.se2 第二节 服务事项',
      'ch1.se2.ar2 第二条',
      'ch1.se2.ar3 第三条',
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

describe('which numbers are accepted as markers', () => {
  it('survives one article lost by extraction, but reads a number further on as text of the article before', () => {
    // 第二条 fell out with a lost line; 第六条 after 第三条 is a quoted number, not the next article.
    const text = [
      '第一条　为了规范政务服务，制定本办法。',
      '第三条　本办法适用于本市行政区域内的政务服务活动。',
      '第六条　第七条所列事项另行公布。',
      '第四条　市人民政府应当加强对政务服务工作的领导。',
    ].join('\n');
    expect(outline(text)).toEqual(['ar1 第一条', 'ar3 第三条', 'ar3.k1 第一款', 'ar3.k2 第二款', 'ar4 第四条']);
    const ar3 = flattenUnits(units(text)).find((u) => u.path === 'ar3.k2')!;
    expect(ar3.paragraphs[0].text).toBe('第六条 第七条所列事项另行公布。');
  });

  it('survives the first item of a list under a new heading being lost', () => {
    const text = ['一、总体要求', '1.坚持稳中求进。', '2.坚持系统观念。', '3.坚持底线思维。', '二、重点任务', '2.优化政务服务。', '3.压缩办理时限。'].join('\n');
    expect(flattenUnits(units(text)).map((u) => u.path)).toEqual(['a1', 'a1.c1', 'a1.c2', 'a1.c3', 'a2', 'a2.c2', 'a2.c3']);
  });

  it('numbers articles through the whole law, also across chapters and over one lost article', () => {
    const text = [
      '第一章　总则',
      '第一条　为了规范政务服务，制定本办法。',
      '第二条　本办法适用于本市。',
      '第二章　政务服务事项',
      '第三条　政务服务事项实行清单管理。',
      '第三章　监督管理',
      '第五条　市人民政府应当建立考核制度。',
    ].join('\n');
    expect(outline(text)).toEqual(['ch1 第一章 总则', 'ch1.ar1 第一条', 'ch1.ar2 第二条', 'ch2 第二章 政务服务事项', 'ch2.ar3 第三条', 'ch3 第三章 监督管理', 'ch3.ar5 第五条']);
  });

  it('does not take an article number three past the last one for an article, in a new chapter either', () => {
    const text = ['第一章　总则', '第一条　为了规范政务服务，制定本办法。', '第二章　附则', '第四条　本办法自公布之日起施行。'].join('\n');
    expect(outline(text)).toEqual(['ch1 第一章 总则', 'ch1.ar1 第一条', 'ch2 第二章 附则']);
    expect(units(text)[1].paragraphs.map((p) => p.text)).toEqual(['第四条 本办法自公布之日起施行。']);
  });

  it('starts a law at a later article only when the next two articles follow it', () => {
    // 民法典 物权编 starts at 第二百零五条 and runs on.
    const law = [
      '第二百零五条　本编调整因物的归属和利用产生的民事关系。',
      '第二百零六条　国家坚持和完善公有制为主体、多种所有制经济共同发展的基本经济制度。',
      '第二百零七条　国家、集体、私人的物权和其他权利人的物权受法律平等保护。',
      '第二百零八条　不动产物权的设立、变更、转让和消灭，应当依照法律规定登记。',
    ].join('\n');
    expect(outline(law)).toEqual(['ar205 第二百零五条', 'ar206 第二百零六条', 'ar207 第二百零七条', 'ar208 第二百零八条']);
    // An article quoted in a news text, with another one far off, starts nothing.
    const news = ['修订后的条例共有四十条，其中明确：', '第十二条　县级以上人民政府应当将政务服务纳入考核。', '第十三条　政务服务中心应当公开办事指南。', '第二十条　市场主体可以通过热线反映问题。'].join('\n');
    expect(outline(news)).toEqual(['pre-* ', 'pre-* ', 'pre-* ', 'pre-* ']);
    expect(flattenUnits(units(news)).every((u) => u.level === 'preamble')).toBe(true);
  });

  it('takes （一） inside an article as its 项 and outside any article as an outline item', () => {
    const text = ['一、总体要求', '（一）指导思想。', '二、重点任务', '第一条　下列事项应当公开：', '（一）办事指南；', '（二）办理时限。'].join('\n');
    expect(flattenUnits(units(text)).map((u) => `${u.path} ${u.level}`)).toEqual([
      'a1 outline1',
      'a1.b1 outline2',
      'a2 outline1',
      // An article outranks an outline item: it closes 二、.
      'ar1 article',
      'ar1.it1 item',
      'ar1.it2 item',
    ]);
  });

  it('gives a list numbered again under the same parent paths of its own', () => {
    const text = ['一、出台背景', '二、主要内容', '三、答问', '一、适用范围是什么？', '二、何时施行？', '一、补充说明'].join('\n');
    expect(flattenUnits(units(text)).map((u) => u.path)).toEqual(['a1', 'a2', 'a3', 'a1_2', 'a2_2', 'a1_3']);
    expect(flattenUnits(units(text)).every((u) => u.id === `d1~${u.path}`)).toBe(true);
  });
});

describe('headings and labels', () => {
  it('keeps a heading with a punctuated note in parentheses, but not a sentence or a long line', () => {
    const fifty = '持续优化提升营商环境推动经济高质量发展的若干重点任务和具体举措加快建设现代化产业体系全面推进';
    expect(fifty).toHaveLength(46);
    const text = [
      '一、纳税（牵头部门：市税务局；目标位置：全省前5）',
      `二、${fifty}工作要点`,
      `三、${fifty}工作要点及`,
      '四、加强组织领导。各区要建立工作机制。',
      `五、${'优化'.repeat(20)}（牵头部门：市发展改革委、市商务局、市市场监管局、市税务局、市人力社保局；配合部门：各区人民政府）`,
    ].join('\n');
    const u = units(text);
    expect(u.map((x) => [x.heading, x.paragraphs.map((p) => p.text)])).toEqual([
      ['纳税（牵头部门：市税务局；目标位置：全省前5）', []],
      [`${fifty}工作要点`, []],
      [null, [`${fifty}工作要点及`]],
      [null, ['加强组织领导。各区要建立工作机制。']],
      [null, [`${'优化'.repeat(20)}（牵头部门：市发展改革委、市商务局、市市场监管局、市税务局、市人力社保局；配合部门：各区人民政府）`]],
    ]);
  });

  it('gives an article no heading, and a bare marker neither heading nor paragraph', () => {
    const u = units('第一条　立法目的\n第二条\n本办法适用于本市。\n一、\n总体要求如下。');
    expect(u.map((x) => [x.label, x.heading, x.paragraphs.map((p) => p.text)])).toEqual([
      ['第一条', null, ['立法目的']],
      ['第二条', null, ['本办法适用于本市。']],
    ]);
  });

  it('keeps the marker as printed when it differs from the label', () => {
    const u = flattenUnits(units('一、主要任务\n1、压缩通关时间。\n(1)推行提前申报。\n（2）推行两步申报。\n2．创新监管模式。'));
    expect(u.map((x) => [x.label, x.printedLabel])).toEqual([
      ['一、', undefined],
      ['1.', '1、'],
      ['（1）', '(1)'],
      ['（2）', undefined],
      ['2.', '2．'],
    ]);
    expect(u.every((x) => !('printedLabel' in x) || x.printedLabel !== undefined)).toBe(true);
  });

  it('takes a short lead sentence as an item heading only when it is one sentence of up to 30 characters', () => {
    const body = '全面落实市场准入负面清单制度，完善投资项目服务推进机制。';
    const text = [
      '1.进一步放宽市场准入门槛。', body,
      '2.推行告知承诺制。简化审批流程。', body,
      '3.加快推进政务服务标准化、规范化、便利化，全面提升政务服务效能。', body,
      '4.优化营商环境', body,
      '5.深化改革。',
    ].join('\n\n');
    const u = units(text);
    expect(u.map((x) => [x.heading, x.paragraphs.length])).toEqual([
      ['进一步放宽市场准入门槛', 1],
      [null, 2],
      [null, 2],
      ['优化营商环境', 1],
      [null, 1],
    ]);
  });
});

describe('what a closing note and plain text belong to', () => {
  it('closes every open unit at a publication note or an attachment line', () => {
    const text = ['为深入贯彻落实党中央决策部署，现提出如下措施。', '一、优化政务服务', '1.推行一网通办。', '（此件公开发布）', '附件：1.重点任务分工表'].join('\n');
    const u = units(text);
    expect(u.map((x) => `${x.level} ${x.path.replace(/-[0-9a-z]{5}$/, '-*')}`)).toEqual(['preamble pre-*', 'outline1 a1', 'para p-*', 'para p-*']);
    expect(u.slice(2).map((x) => x.paragraphs[0].text)).toEqual(['（此件公开发布）', '附件：1.重点任务分工表']);
    // An 附件 line alone closes them too.
    const att = units(['一、优化政务服务', '1.推行一网通办。', '附件：1.重点任务分工表'].join('\n'));
    expect(att.map((x) => `${x.level} ${x.path.replace(/-[0-9a-z]{5}$/, '-*')}`)).toEqual(['outline1 a1', 'para p-*']);
  });

  it('names an unnumbered paragraph by its text, white space aside, so a paragraph added before it renames nothing', () => {
    // FNV-1a of the text without white space, base 36 (worked out separately, not by this code).
    const p = '为贯彻落实党中央、国务院决策部署，现提出如下意见。';
    expect(units(p)[0].path).toBe('pre-a5ymg');
    expect(units(`各区人民政府：\n\n${p.replace('国务院', '国务院 ')}`)[1].path).toBe('pre-a5ymg');
    expect(units('一、总体要求\n（此件公开发布）')[1].path).toBe('p-y387c');
    // The same text twice gets a second name.
    expect(units(`${p}\n\n${p}`).map((x) => x.path)).toEqual(['pre-a5ymg', 'pre-a5ymg_2']);
  });

  it('keeps text after a 项 in the 项 outside articles, and in the outline item it follows', () => {
    const text = ['一、主要任务', '（一）优化政务服务。全面推行一网通办。', '各区要抓好落实。', '二、保障措施'].join('\n');
    const u = flattenUnits(units(text));
    expect(u.map((x) => [x.path, x.paragraphs.map((p) => p.text)])).toEqual([
      ['a1', []],
      ['a1.b1', ['优化政务服务。全面推行一网通办。', '各区要抓好落实。']],
      ['a2', []],
    ]);
  });
});

describe('款 and pages', () => {
  it('puts 项 before the first paragraph of an article ahead of its 款, and nested items under their 款', () => {
    const text = [
      '第一条',
      '（一）办事指南；',
      '（二）办理时限。',
      '前款规定的事项应当公开。',
      '法律、法规另有规定的，从其规定。',
      '第二条　政务服务部门应当公开下列信息：',
      '（一）办事指南，包括：',
      '（1）办理条件；',
      '（2）申请材料。',
      '（二）办理时限。',
      '有前款情形的，从其规定。',
    ].join('\n');
    expect(outline(text)).toEqual(['ar1 第一条', 'ar1.it1 （一）', 'ar1.it2 （二）', 'ar1.k1 第一款', 'ar1.k2 第二款', 'ar2 第二条', 'ar2.k1 第一款', 'ar2.k1.it1 （一） 办事指南，包括：', 'ar2.k1.it1.d1 （1）', 'ar2.k1.it1.d2 （2）', 'ar2.k1.it2 （二）', 'ar2.k2 第二款']);
    const all = flattenUnits(units(text));
    expect(all.every((u) => u.id === `d1~${u.path}`)).toBe(true);
    expect(all.find((u) => u.path === 'ar1.k2')!.paragraphs.map((p) => p.text)).toEqual(['法律、法规另有规定的，从其规定。']);
  });

  it('gives each unit the pages of its marker, its text and its children, in page order', () => {
    const text = ['# Page 9:', '一、保障措施', '# Page 10:', '（一）加强组织领导。建立工作机制。', '# Page 11:', '各区要抓好落实。'].join('\n');
    const u = flattenUnits(units(text));
    expect(u.map((x) => [x.path, x.pages])).toEqual([
      ['a1', [9, 10, 11]],
      ['a1.b1', [10, 11]],
    ]);
  });

  it('gives an item its lead sentence’s page when that becomes its heading', () => {
    const text = ['# Page 9:', '1.', '', '# Page 10:', '进一步放宽市场准入门槛。', '# Page 11:', '全面落实市场准入负面清单制度。'].join('\n');
    expect(units(text).map((x) => [x.heading, x.pages])).toEqual([['进一步放宽市场准入门槛', [9, 10, 11]]]);
  });
});

describe('tables of contents', () => {
  it('folds a table of contents of parts after a title line, and leaves chapters that follow each other without one', () => {
    const text = ['中华人民共和国民法典', '第一编　总则', '第二编　物权', '第三编　合同', '第一编　总则', '第一条　为了保护民事主体的合法权益，制定本法。'].join('\n');
    expect(outline(text)).toEqual(['pre-* ', 'pre-* ', 'pt1 第一编 总则', 'pt1.ar1 第一条']);
    expect(units(text)[1].paragraphs[0].text).toBe('目录：第一编 总则　第二编 物权　第三编 合同');
    // Chapter headings back to back with no chapter 1 again later are chapters, the first one empty.
    expect(outline('第一章　总则\n第二章　政务服务\n第一条　政务服务事项实行清单管理。')).toEqual(['ch1 第一章 总则', 'ch2 第二章 政务服务', 'ch2.ar1 第一条']);
  });

  it('does not fold chapter lines that are sentences', () => {
    const text = ['第一章　总则。本章规定适用范围；', '第二章　附则。本章规定施行日期；', '第一章　总则', '第一条　为了规范管理，制定本办法。'].join('\n');
    expect(flattenUnits(units(text)).map((u) => u.path)).toEqual(['ch1', 'ch2', 'ch1_2', 'ch1_2.ar1']);
  });
});

describe('more shapes of real text', () => {
  it('reads a number that goes back in a list as text', () => {
    const text = ['一、主要任务', '1.压缩通关时间。', '2.创新监管模式。', '3.提升退税便利度。', '4.优化口岸收费。', '2.上述措施由各区负责落实。'].join('\n');
    const u = flattenUnits(units(text));
    expect(u.map((x) => x.path)).toEqual(['a1', 'a1.c1', 'a1.c2', 'a1.c3', 'a1.c4']);
    expect(u[4].paragraphs.map((p) => p.text)).toEqual(['2.上述措施由各区负责落实。']);
  });

  it('closes open units at an 附件 line with a number, but not at 附件 named inside a sentence', () => {
    const text = ['一、主要任务', '1.加强组织领导。', '具体分工见附件：重点任务分工表。', '2.强化督促检查。', '附件2：政务服务事项清单'].join('\n');
    const u = units(text);
    expect(flattenUnits(u).map((x) => x.path.replace(/-[0-9a-z]{5}$/, '-*'))).toEqual(['a1', 'a1.c1', 'a1.c2', 'p-*']);
    expect(u[1].paragraphs[0].text).toBe('附件2：政务服务事项清单');
  });

  it('keeps a decimal point inside a lead sentence taken as heading', () => {
    const u = units('1.推进政务服务2.0版建设。\n\n全面推行一网通办，完善线上线下融合的服务体系，推进实施。');
    expect(u[0].heading).toBe('推进政务服务2.0版建设');
  });

  it('reads chapter headings at the end of a text as chapters, and a table of contents followed only by chapter 1', () => {
    expect(outline('第一章　总则\n\n第二章　附则')).toEqual(['ch1 第一章 总则', 'ch2 第二章 附则']);
    expect(flattenUnits(unitsOf(['第一章　总则', '第二章　附则', '第一章　总则'])).map((x) => `${x.level} ${x.paragraphs[0]?.text ?? x.heading}`)).toEqual([
      'preamble 目录：第一章　总则　第二章　附则',
      'chapter 总则',
    ]);
    // A single chapter line before chapter 1 is not a table of contents.
    expect(flattenUnits(unitsOf(['第一章　总则', '第一章　总则', '第一条　为了规范管理，制定本办法。'])).map((x) => x.path)).toEqual(['ch1', 'ch1_2', 'ch1_2.ar1']);
  });

  it('pads a paragraph name to five characters', () => {
    // FNV-1a of this text is below 36^4 (worked out separately): its name starts with 0.
    expect(units('为深入贯彻落实党中央、国务院决策部署，现就做好2028年第6批次政务服务工作通知如下。')[0].path).toBe('pre-0v73k');
  });

  it('starts a law at a later article also when its articles have 款, but not at articles quoted out of order', () => {
    const law = ['第二百零五条　本编调整因物的归属和利用产生的民事关系。', '本编所称物，包括不动产和动产。', '第二百零六条　国家坚持和完善社会主义基本经济制度。', '第二百零七条　国家、集体、私人的物权受法律平等保护。'];
    expect(flattenUnits(unitsOf(law)).map((u) => u.path)).toEqual(['ar205', 'ar205.k1', 'ar205.k2', 'ar206', 'ar207']);
    const quoted = ['第十二条　县级以上人民政府应当将政务服务纳入考核。', '第十五条　市场主体可以通过热线反映问题。', '第十四条　政务服务中心应当公开办事指南。'];
    expect(flattenUnits(unitsOf(quoted)).map((u) => u.level)).toEqual(['preamble', 'preamble', 'preamble']);
  });

  it('reads a number one back in a list as text', () => {
    const u = flattenUnits(unitsOf(['一、主要任务', '1.压缩通关时间。', '2.创新监管模式。', '3.提升退税便利度。', '2.上述措施由各区负责落实。']));
    expect(u.map((x) => x.path)).toEqual(['a1', 'a1.c1', 'a1.c2', 'a1.c3']);
  });

  it('sorts the pages of an article whose one paragraph comes after its 项', () => {
    const text = ['# Page 9:', '第一条', '# Page 10:', '（一）办事指南；', '（二）办理时限。', '# Page 11:', '前款规定的事项应当公开。'].join('\n');
    expect(units(text).map((x) => [x.path, x.pages])).toEqual([['ar1', [9, 10, 11]]]);
  });

  it('makes 款 units of level clause', () => {
    const u = flattenUnits(unitsOf(['第一条　为了规范政务服务，制定本办法。', '本办法所称政务服务，是指行政机关提供的服务。']));
    expect(u.map((x) => [x.path, x.level])).toEqual([['ar1', 'article'], ['ar1.k1', 'clause'], ['ar1.k2', 'clause']]);
  });

  it('does not fold one chapter line after a title into a table of contents', () => {
    expect(flattenUnits(unitsOf(['青岛市政务服务管理办法', '第一章　总则', '第一章　总则', '第一条　为了规范政务服务，制定本办法。'])).map((x) => x.path.replace(/-[0-9a-z]{5}$/, '-*'))).toEqual(['pre-*', 'ch1', 'ch1_2', 'ch1_2.ar1']);
  });

  it('names a long paragraph after its first 200 characters, so an edit at its end keeps the name', () => {
    const head = '为深入贯彻落实党中央、国务院关于优化营商环境的决策部署，持续打造市场化法治化国际化一流营商环境，'.repeat(5);
    expect(head.length).toBeGreaterThan(200);
    const u = unitsOf([`${head}现提出如下意见。`, `${head}特制定本方案。`]);
    expect(u[1].path).toBe(`${u[0].path}_2`);
  });

  it('takes a lead sentence of 30 characters as heading, and a heading whose note makes it 80 characters', () => {
    const lead = '推进政务服务事项“一网通办”“一窗受理”“一次办成”的改革。';
    expect(lead).toHaveLength(30);
    expect(units(`1.${lead}\n\n各区要建立工作机制，明确责任分工，抓好贯彻落实，推进实施。`)[0].heading).toBe(lead.slice(0, -1));
    const rest = `持续优化营商环境${'重点'.repeat(17)}（牵头部门：市发展改革委；配合部门：市商务局、市市场监管局、各区人民政府等）`;
    expect(rest).toHaveLength(80);
    expect(unitsOf([`一、${rest}`])[0].heading).toBe(rest);
    // A parenthesis in the middle is part of the heading: its ； makes the line a sentence.
    expect(unitsOf(['二、推进“一件事”（含企业开办；变更登记）集成改革'])[0].heading).toBeNull();
  });
});

