/** Units and outlines of laws and notices: articles, parts, which numbers are markers (hand-made text). */
import { describe, expect, it } from 'vitest';
import { flattenUnits } from './structure.js';
import { units, outline } from '../../test-support/structure-units.js';

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
    expect(u[0]).toMatchObject({ label: '1.', heading: '进一步放宽市场准入门槛。', paragraphs: [{ text: '全面落实市场准入负面清单制度，完善投资项目服务推进机制，推进实施。' }] });
  });
  it('treats a number that breaks the sequence as text, not a new item', () => {
    const text = ['一、目标', '1.到2025年基本建成。', '2.到2027年全面建成现代化政务服务体系，持续优化营商环境，稳步提升企业和群众满意度。', '', '2035.年远景目标另行制定。'].join('\n');
    const u = flattenUnits(units(text));
    expect(u.map((x) => x.path)).toEqual(['a1', 'a1.c1', 'a1.c2']);
    expect(u[2].paragraphs.map((p) => p.text)).toEqual(['到2027年全面建成现代化政务服务体系，持续优化营商环境，稳步提升企业和群众满意度。', '2035.年远景目标另行制定。']);
  });
});

// The end of 新疆维吾尔自治区质监局关于进一步加强新闻宣传工作的通知 (新质监办发〔2012〕24号) as 北大法宝 exports it, and a
// 国务院办公厅 复函 (国办函〔2004〕80号, test-data/realtext 079): a list of attachments numbered as an outline is.
describe('a list of attachments', () => {
  const end = ['一、有关信息报送和宣传工作的要求', '（一）信息报送按照逐级上报要求，经本单位审核后报区局办公室。', '（二）如需开展业务宣传工作，请填报申请宣传申报单（见附件2），经部门负责人同意签字后报区局办公室。', '联系人：邹思媛'];
  it('keeps its lines with the 附件 line, as one unit, and no item of the outline', () => {
    const text = [...end, '附件：1.自治区质监局各单位信息宣传联络员登记表', '2.自治区质监局各单位（部门）申请宣传申报单', '3.自治区质监局协助宣传报道通知单'].join('\n');
    expect(outline(text)).toEqual(['a1 一、 有关信息报送和宣传工作的要求', 'a1.b1 （一）', 'a1.b2 （二）', 'p-* ']);
    expect(units(text).at(-1)!.paragraphs.map((p) => p.text)).toEqual(['附件：1.自治区质监局各单位信息宣传联络员登记表', '2.自治区质监局各单位（部门）申请宣传申报单', '3.自治区质监局协助宣传报道通知单']);
  });
  it('also when the list starts on the line under 附件：', () => {
    const text = [...end, '附件：', '1.登记表', '2.申报单'].join('\n');
    expect(units(text).at(-1)!.paragraphs.map((p) => p.text)).toEqual(['附件：', '1.登记表', '2.申报单']);
  });
  it('ends where the numbers stop following on: a numbered item after it is the outline’s again', () => {
    const text = ['一、总体要求', '1.压缩通关时间。', '附件：1.登记表', '2.申报单', '2.创新监管模式。'].join('\n');
    expect(outline(text)).toEqual(['a1 一、 总体要求', 'a1.c1 1.', 'p-* ', 'c2 2.']);
    expect(units(text)[1].paragraphs.map((p) => p.text)).toEqual(['附件：1.登记表', '2.申报单']);
  });
  it('takes only lines that begin with the list’s next number, of one digit or more', () => {
    // （二） is the outline's second item, though 2 is the number the list would take next.
    const text = ['一、总体要求', '（一）压缩通关时间。', '附件：1.登记表', '（二）安排资金2.5亿元。'].join('\n');
    expect(outline(text)).toEqual(['a1 一、 总体要求', 'a1.b1 （一）', 'p-* ', 'b2 （二）']);
    const ten = ['附件：8.甲表', '9.乙表', '10.丙表'].join('\n');
    expect(units(ten).map((u) => u.paragraphs.map((p) => p.text))).toEqual([['附件：8.甲表', '9.乙表', '10.丙表']]);
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
