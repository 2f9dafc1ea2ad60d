/** Units of other shapes of real text: headings and labels, closing notes, 款 and pages, tables of contents (hand-made text). */
import { describe, expect, it } from 'vitest';
import { flattenUnits } from './structure.js';
import { units, unitsOf, outline } from '../../test-support/structure-units.js';

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
      ['进一步放宽市场准入门槛。', 1],
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
    expect(units(text).map((x) => [x.heading, x.pages])).toEqual([['进一步放宽市场准入门槛。', [9, 10, 11]]]);
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

  // The shape of 国家粮食应急预案 (test-data/realtext 134): its contents, then each section with its text.
  const plan = [
    '目　录', '1 总则', '1.1 编制目的及依据', '1.2 等级划分', '2 组织机构和职责', '2.1 国家粮食应急工作指挥部',
    '1 总则', '1.1 编制目的及依据', '　　为了有效监测和控制国内粮食市场异常波动，制定本预案。', '1.2 等级划分', '　　粮食应急状态分为两级。',
    '1.2.1 国家级（Ⅰ级）：两个以上省出现粮食应急状态。', '1.2.2 省级（Ⅱ级）：一个省较大范围出现粮食应急状态。',
    '2 组织机构和职责', '2.1 国家粮食应急工作指挥部', '2.1.1 国家粮食应急工作指挥部职责', '（1）掌握粮食市场形势。', '（2）完成国务院交办的其他事项。',
  ];
  it('folds a plan’s contents of decimal sections and nests its sections one level per number', () => {
    expect(outline(plan.join('\n'))).toEqual([
      'pre-* ', 'a1 1 总则', 'a1.b1 1.1 编制目的及依据', 'a1.b2 1.2 等级划分', 'a1.b2.c1 1.2.1', 'a1.b2.c2 1.2.2',
      'a2 2 组织机构和职责', 'a2.b1 2.1 国家粮食应急工作指挥部', 'a2.b1.c1 2.1.1 国家粮食应急工作指挥部职责', 'a2.b1.c1.d1 （1）', 'a2.b1.c1.d2 （2）',
    ]);
    expect(units(plan.join('\n'))[0].paragraphs[0].text).toBe('目录：1总则　1.1编制目的及依据　1.2等级划分　2组织机构和职责　2.1国家粮食应急工作指挥部');
  });

  it('folds a run of headings only when they are printed again further on', () => {
    // Three headings in a row with their text after the last: an outline, not contents.
    const headings = ['一、总体要求', '（一）指导思想', '1.坚持问题导向', '以新思想为指导，深入贯彻落实。', '2.坚持系统观念', '统筹推进各项工作。'];
    expect(flattenUnits(units(headings.join('\n'))).map((u) => u.path)).toEqual(['a1', 'a1.b1', 'a1.b1.c1', 'a1.b1.c2']);
    // The first printed again but too few of the others: not contents either.
    const few = ['1 总则', '1.1 目的', '1.2 分级', '1.3 范围', '1.4 原则', '1 总则', '　　本预案适用于全国。'];
    expect(outline(few.join('\n'))[0]).toBe('a1 1 总则');
  });

  const body = (s: string) => `　　${s}的具体内容见本预案的有关规定。`;
  const section = (h: string) => [h, body(h)];
  it('folds contents of three headings, four in five printed again, but not three in five', () => {
    const three = ['1 总则', '1.1 目的', '1.2 分级'];
    expect(outline([...three, ...three.flatMap(section)].join('\n'))[0]).toBe('pre-* ');
    const five = ['1 总则', '1.1 目的', '1.2 分级', '1.3 范围', '1.4 原则'];
    expect(outline([...five, ...five.slice(0, 4).flatMap(section)].join('\n'))[0]).toBe('pre-* ');
    expect(outline([...five, ...five.slice(0, 3).flatMap(section)].join('\n'))[0]).toBe('a1 1 总则');
  });

  it('takes only numbered headings of a plan’s outline as contents: not articles, not a one-word or over-long heading', () => {
    const articles = ['第一条 总则', '第二条 目的', '第三条 分级'];
    expect(outline([...articles, ...articles.flatMap(section)].join('\n'))[0]).toBe('ar1 第一条');
    const long = ['1 总则', `1.1 ${'编制目的及依据'.repeat(4)}和适用`, '1.2 分级'];
    expect(long[1].length - 4).toBe(31);
    expect(outline([...long, ...long.flatMap(section)].join('\n'))[0]).toBe('a1 1 总则');
    const thirty = ['1 总则', `1.1 ${'编制目的及依据'.repeat(4)}和适`, '1.2 分级'];
    expect(outline([...thirty, ...thirty.flatMap(section)].join('\n'))[0]).toBe('pre-* ');
    const oneWord = ['1 总则', '1.1 目', '1.2 分级'];
    expect(outline([...oneWord, ...oneWord.flatMap(section)].join('\n'))[0]).toBe('a1 1 总则');
  });

  it('takes the 目录 line above the contents into them, and no other line', () => {
    const three = ['1 总则', '1.1 目的', '1.2 分级'];
    const first = (above: string) => units([above, ...three, ...three.flatMap(section)].join('\n'))[0].paragraphs[0].text;
    expect(first('目录')).toBe('目录：1总则　1.1目的　1.2分级');
    expect(first('目　录')).toBe('目录：1总则　1.1目的　1.2分级');
    for (const above of ['附件目录', '目录说明']) expect(first(above)).toBe(above);
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

  it('keeps a lead sentence taken as heading as printed, its full stop and a decimal point inside it', () => {
    const u = units('1.推进政务服务2.0版建设。\n\n全面推行一网通办，完善线上线下融合的服务体系，推进实施。');
    expect(u[0].heading).toBe('推进政务服务2.0版建设。');
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
    expect(units(`1.${lead}\n\n各区要建立工作机制，明确责任分工，抓好贯彻落实，推进实施。`)[0].heading).toBe(lead);
    const rest = `持续优化营商环境${'重点'.repeat(17)}（牵头部门：市发展改革委；配合部门：市商务局、市市场监管局、各区人民政府等）`;
    expect(rest).toHaveLength(80);
    expect(unitsOf([`一、${rest}`])[0].heading).toBe(rest);
    // A parenthesis in the middle is part of the heading: its ； makes the line a sentence.
    expect(unitsOf(['二、推进“一件事”（含企业开办；变更登记）集成改革'])[0].heading).toBeNull();
  });
});
