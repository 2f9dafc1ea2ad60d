/**
 * Law metadata as real laws print it (texts from the LawRefBook/Laws
 * collection, github.com/LawRefBook/Laws): dated lines or one bracketed
 * note. Expected values are read off the printed lines.
 */
import { describe, expect, it } from 'vitest';
import { DATED_BODY, endsLawMeta, eventBodies, isLawMetaText, lawEvents, lawMeta, opensLawMeta } from './law-meta.js';

describe('law metadata', () => {
  it('reads dated lines: the version is the latest amendment, adoption the first 通过, the body the adopting one', () => {
    const lines = ['1995年3月18日第八届全国人民代表大会第三次会议通过', '2003年12月27日第十届全国人民代表大会常务委员会第六次会议《关于修改<中华人民共和国中国人民银行法>的决定》修正'];
    expect(lines.map(isLawMetaText)).toEqual([true, true]);
    expect(lawMeta(lines)).toEqual({ date: '2003-12-27', adoptedDate: '1995-03-18', effectiveDate: null, issuers: ['全国人民代表大会'], approvers: [] });
  });

  it('reads one bracketed note of several events (中华人民共和国未成年人保护法)', () => {
    const note =
      '（1991年9月4日第七届全国人民代表大会常务委员会第二十一次会议通过　2006年12月29日第十届全国人民代表大会常务委员会第二十五次会议第一次修订　2012年10月26日第十一届全国人民代表大会常务委员会第二十九次会议《关于修改〈中华人民共和国未成年人保护法〉的决定》修正　2020年10月17日第十三届全国人民代表大会常务委员会第二十二次会议第二次修订）';
    expect(isLawMetaText(note)).toBe(true);
    expect(lawMeta([note])).toEqual({ date: '2020-10-17', adoptedDate: '1991-09-04', effectiveDate: null, issuers: ['全国人民代表大会常务委员会'], approvers: [] });
  });

  it('reads a regulation promulgated by order, and its 施行 line as the effective date', () => {
    expect(lawMeta(['（2014年11月24日中华人民共和国国务院令第656号公布）'])).toEqual({ date: '2014-11-24', adoptedDate: null, effectiveDate: null, issuers: ['国务院'], approvers: [] });
    expect(lawMeta(['2022年5月26日国家市场监督管理总局令第57号公布', '2022年7月1日施行'])).toEqual({ date: '2022-05-26', adoptedDate: null, effectiveDate: '2022-07-01', issuers: ['国家市场监督管理总局'], approvers: [] });
  });

  it('reads an order printed without its verb as the promulgation (中华人民共和国反间谍法实施细则)', () => {
    expect(isLawMetaText('2017年11月22日中华人民共和国国务院令第692号')).toBe(true);
    expect(lawMeta(['2017年11月22日中华人民共和国国务院令第692号'])).toEqual({ date: '2017-11-22', adoptedDate: null, effectiveDate: null, issuers: ['国务院'], approvers: [] });
  });

  it('names a local congress as the issuer, and a provincial approval as the latest version', () => {
    expect(lawMeta(['2019年10月29日宁波市第十五届人民代表大会常务委员会第二十四次会议通过', '2019年11月29日浙江省第十三届人民代表大会常务委员会第十五次会议批准'])).toEqual({
      date: '2019-11-29',
      adoptedDate: '2019-10-29',
      effectiveDate: null,
      issuers: ['宁波市人民代表大会常务委员会'],
      approvers: ['浙江省人民代表大会常务委员会'],
    });
    expect(lawMeta(['（2021年5月26日广东省第十三届人民代表大会常务委员会第三十二次会议通过）']).issuers).toEqual(['广东省人民代表大会常务委员会']);
  });

  it('names the courts for a judicial interpretation', () => {
    expect(lawMeta(['2006年2月13日最高人民法院审判委员会第1378次会议通过', '2006年3月21日最高人民法院公告公布'])).toMatchObject({ date: '2006-03-21', adoptedDate: '2006-02-13', issuers: ['最高人民法院'] });
  });

  it('gives a rule approved by 国务院 to the body that promulgates it, and a joint order to every body it names', () => {
    // Header lines as test-data/realtext prints them (幼儿园管理条例, 渔业资源增殖保护费征收使用办法).
    expect(lawMeta(['1989年8月20日国务院批准', '1989年9月11日中华人民共和国国家教育委员会令第4号发布', '1990年2月1日施行'])).toEqual({ date: '1989-09-11', adoptedDate: null, effectiveDate: '1990-02-01', issuers: ['国家教育委员会'], approvers: ['国务院'] });
    expect(lawMeta(['1988年10月9日国务院批准', '1988年10月31日农业部、财政部、国家物价局令第1号发布']).issuers).toEqual(['农业部', '财政部', '国家物价局']);
    expect(lawMeta(['1986年11月8日国务院批准', '1986年12月1日铁道部发布']).issuers).toEqual(['铁道部']);
    expect(lawMeta(['（2000年1月31日 国务院批准 2000年4月4日 中国证券监督管理委员会、财政部公布）']).issuers).toEqual(['中国证券监督管理委员会', '财政部']);
    expect(lawMeta(['（1999年9月29日中华人民共和国国务院、中华人民共和国中央军事委员会令第371号公布）']).issuers).toEqual(['国务院', '中央军事委员会']);
    // A city's regulation approved by the province stays the city's.
    expect(lawMeta(['2019年10月29日宁波市第十五届人民代表大会常务委员会第二十四次会议通过', '2019年11月29日浙江省第十三届人民代表大会常务委员会第十五次会议批准']).issuers).toEqual(['宁波市人民代表大会常务委员会']);
  });

  it('is not fooled by body text or a title that ends with its date', () => {
    expect(isLawMetaText('第二十四条 本安排自2006年4月1日起生效。')).toBe(false);
    expect(isLawMetaText('2023年6月1日，市政府召开常务会议，审议通过了本办法。')).toBe(false);
    // A compilation title continued by its date in parentheses is not a metadata note.
    expect(opensLawMeta('（2023 年6 月13 日）')).toBe(false);
    expect(opensLawMeta('（2010年6月24日第十一届全国人民代表大会常务委员会第十五次会议通过')).toBe(true);
  });

  // 中华人民共和国监察法's note: its order is numbered in Chinese numerals and the note ends with when it applies.
  it('reads each dated event of a note with its body, and no event from an undated clause', () => {
    const note = '（2018年3月11日第十三届全国人民代表大会第一次会议通过　2018年3月20日中华人民共和国主席令第三号公布　自公布之日起施行）';
    expect(isLawMetaText(note)).toBe(true);
    expect(lawEvents(note)).toEqual([
      { date: '2018-03-11', kind: '通过', by: '第十三届全国人民代表大会第一次会议' },
      { date: '2018-03-20', kind: '公布', by: '中华人民共和国主席令第三号' },
    ]);
    expect(lawMeta([note])).toEqual({ date: '2018-03-20', adoptedDate: '2018-03-11', effectiveDate: null, issuers: ['全国人民代表大会'], approvers: [] });
  });

  it('reads 起施行 and 起生效 as the effective date, with no body', () => {
    expect(lawEvents('2022年7月1日起施行')).toEqual([{ date: '2022-07-01', kind: '施行', by: '' }]);
    expect(lawMeta(['2005年12月1日国务院第116次常务会议通过', '（2006年4月1日起生效）'])).toEqual({ date: '2005-12-01', adoptedDate: '2005-12-01', effectiveDate: '2006-04-01', issuers: ['国务院'], approvers: [] });
  });

  it('adds 公布 to an order printed without its verb, and only there', () => {
    expect(lawEvents('2017年11月22日中华人民共和国国务院令第692号')).toEqual([{ date: '2017-11-22', kind: '公布', by: '中华人民共和国国务院令第692号' }]);
    expect(lawEvents('1989年9月11日中华人民共和国国家教育委员会令第4号发布')).toEqual([{ date: '1989-09-11', kind: '发布', by: '中华人民共和国国家教育委员会令第4号' }]);
  });

  it('names the body of a local government’s order or meeting, and both courts of a joint interpretation', () => {
    expect(eventBodies('上海市人民政府令第45号')).toEqual(['上海市人民政府']);
    expect(eventBodies('上海市人民政府第75次常务会议')).toEqual(['上海市人民政府']);
    expect(eventBodies('国务院第166次常务会议')).toEqual(['国务院']);
    // 征兵工作条例 (1985): 国务院、中央军委发布.
    expect(eventBodies('国务院、中央军委')).toEqual(['国务院', '中央军委']);
    // A body is the whole part: 有关部门 names none (not 有关部).
    expect(eventBodies('有关部门')).toEqual([]);
    // 国务院's own office is a body of its own.
    expect(eventBodies('国务院办公厅')).toEqual(['国务院办公厅']);
    // An amendment made 根据 a local congress's decision is that congress's.
    expect(eventBodies('根据宁波市第十五届人民代表大会常务委员会第二十四次会议《关于修改部分地方性法规的决定》')).toEqual(['宁波市人民代表大会常务委员会']);
    expect(eventBodies('上海市人民政府第十二次常务会议')).toEqual(['上海市人民政府']);
    // A city's own printing, its place short and its congress in full (杭州市院前医疗急救管理条例): the title names the city.
    expect(eventBodies('市十二届人民代表大会常务委员会第二十次会议')).toEqual(['市人民代表大会常务委员会']);
    expect(eventBodies('省十二届人民代表大会第三次会议')).toEqual(['省人民代表大会']);
    // A local congress in plenary session, not its standing committee.
    expect(eventBodies('上海市第十五届人民代表大会第二次会议')).toEqual(['上海市人民代表大会']);
    expect(eventBodies('最高人民法院审判委员会第1823次会议和最高人民检察院第十三届检察委员会第五十八次会议')).toEqual(['最高人民法院', '最高人民检察院']);
  });

  it('leaves out the 经 or 由 before the body that acted, not a name that starts 经济', () => {
    // 企业职工带薪年休假实施办法 as LawRefBook prints it: 2008年7月17日经人力资源和社会保障部第6次部务会议通过.
    expect(lawMeta(['2008年7月17日经人力资源和社会保障部第6次部务会议通过']).issuers).toEqual(['人力资源和社会保障部']);
    expect(eventBodies('由国家市场监督管理总局第10次局务会议')).toEqual(['国家市场监督管理总局']);
    expect(eventBodies('经济贸易委员会第3次主任办公会议')).toEqual(['经济贸易委员会']);
  });

  it('reads a code’s amendments listed under its title as amendments (宪法, 刑法), the latest its version', () => {
    // 中华人民共和国宪法 and 中华人民共和国刑法 as LawRefBook prints them, shortened.
    const constitution = ['1982年12月4日第五届全国人民代表大会第五次会议通过', '1982年12月4日全国人民代表大会公告公布施行', '1988年4月12日第七届全国人民代表大会第一次会议通过的《中华人民共和国宪法修正案》', '2018年3月11日第十三届全国人民代表大会第一次会议通过的《中华人民共和国宪法修正案》'];
    expect(constitution.map(isLawMetaText)).toEqual([true, true, true, true]);
    expect(lawMeta(constitution)).toMatchObject({ date: '2018-03-11', adoptedDate: '1982-12-04', issuers: ['全国人民代表大会'] });
    expect(lawEvents(constitution[3])).toEqual([{ date: '2018-03-11', kind: '修正', by: '第十三届全国人民代表大会第一次会议' }]);
    const criminal = ['1979年7月1日 第五届全国人民代表大会第二次会议通过', '1997年3月14日 第八届全国人民代表大会第五次会议修订', '2011年2月25日 第十一届全国人民代表大会常务委员会第十九次会议通过的《中华人民共和国刑法修正案（八）》', '2009年8月27日 第十一届全国人民代表大会常务委员会第十次会议通过的《全国人民代表大会常务委员会关于修改部分法律的决定》'];
    expect(criminal.map(isLawMetaText)).toEqual([true, true, true, true]);
    expect(lawMeta(criminal)).toMatchObject({ date: '2011-02-25', adoptedDate: '1979-07-01' });
    // A province's approval of a city's amending decision is an approval, not the amendment itself.
    expect(lawEvents('2010年11月25日山东省第十一届人民代表大会常务委员会第二十次会议批准的《济南市人民代表大会常务委员会关于修改〈济南市矿产资源管理规定〉的决定》')[0].kind).toBe('批准');
    // Adopting a text that is no amendment is adopting it (…通过的《…办法》 is a sentence of a notice, not a header line).
    expect(isLawMetaText('2011年2月25日市人民政府第19次常务会议通过的《杭州市数据管理办法》')).toBe(false);
  });

  it('names 中共中央 as a body of its own, and the bodies that approved a text', () => {
    // 信访工作条例 as LawRefBook prints it.
    const petitions = ['2022年1月24日中共中央政治局会议审议批准', '2022年2月25日中共中央、国务院发布'];
    expect(lawMeta(petitions)).toMatchObject({ date: '2022-02-25', issuers: ['中共中央', '国务院'] });
    // 莱芜市钢结构建筑应用促进条例: the city's congress adopted it, the province's approved it.
    const city = ['2016年9月21日 莱芜市第十七届人民代表大会常务委员会第三十三次会议通过', '2016年11月26日 山东省第十二届人民代表大会常务委员会第二十四次会议批准'];
    expect(lawMeta(city)).toMatchObject({ issuers: ['莱芜市人民代表大会常务委员会'], approvers: ['山东省人民代表大会常务委员会'] });
    expect(lawMeta(['2008年7月17日经人力资源和社会保障部第6次部务会议通过']).approvers).toEqual([]);
  });

  it('names every body of a joint order, its number before 令 or after', () => {
    expect(eventBodies('农业部、财政部、国家物价局令第1号')).toEqual(['农业部', '财政部', '国家物价局']);
    // 药品进口管理办法 as LawRefBook prints it: （2003年8月18日 食品药品监管局、海关总署第4号令公布 …）.
    expect(lawMeta(['（2003年8月18日 食品药品监管局、海关总署第4号令公布 2004年1月1日 施行）']).issuers).toEqual(['食品药品监管局', '海关总署']);
    expect(eventBodies('国家发展和改革委员会、商务部第25号令')).toEqual(['国家发展和改革委员会', '商务部']);
  });

  it('gives a text only approved to the approving body, and takes the latest of events in any order', () => {
    expect(lawMeta(['1989年8月20日国务院批准'])).toEqual({ date: '1989-08-20', adoptedDate: null, effectiveDate: null, issuers: ['国务院'], approvers: ['国务院'] });
    expect(lawMeta(['2021年4月29日第十三届全国人民代表大会常务委员会第二十八次会议第二次修正', '2012年10月26日第十一届全国人民代表大会常务委员会第二十九次会议通过']).date).toBe('2021-04-29');
  });

  it('gives a joint order to each body it names, also one named short (国家发展改革委)', () => {
    expect(lawMeta(['2017年6月28日国家发展改革委、商务部令第4号公布']).issuers).toEqual(['国家发展改革委', '商务部']);
    expect(eventBodies('国家发展改革委、财政部、商务部令第1号')).toEqual(['国家发展改革委', '财政部', '商务部']);
  });

  it('reads a dated line indented as a paragraph, and a long event line with its effective date after a comma', () => {
    // The import indents a paragraph by up to four ideographic spaces: the comma of body text still shows.
    expect(opensLawMeta('　　　　2023年12月31日，市政府召开常务会议')).toBe(false);
    expect(opensLawMeta('　　　　2021年4月29日第十三届全国人民代表大会常务委员会第二十八次会议通过')).toBe(true);
    expect(opensLawMeta('2021年4月29日第十三届全国人民代表大会常务委员会第二十八次会议通过，自2021年6月1日起施行')).toBe(true);
  });

  it('tells where a wrapped event opens and ends', () => {
    expect(opensLawMeta('根据2018年3月11日第十三届全国人民代表大会第一次会议')).toBe(true);
    expect(opensLawMeta('2023年6月1日，市政府召开常务会议')).toBe(false);
    expect(opensLawMeta('本条例自2023年6月1日起施行。')).toBe(false);
    expect(endsLawMeta('第十二届全国人民代表大会常务委员会第十八次会议通过')).toBe(true);
    expect(endsLawMeta('《关于修改〈中华人民共和国教育法〉的决定》第二次修正）')).toBe(true);
    expect(endsLawMeta('第十二届全国人民代表大会常务委员会第十八次会议通过。')).toBe(true);
    expect(endsLawMeta('第十二届全国人民代表大会常务委员会第十八次会议《关于修改的决定》')).toBe(false);
    expect(endsLawMeta('通过了本决定')).toBe(false);
  });

  it('is not a note when unclosed, without an event, or a line with a sentence after it', () => {
    expect(isLawMetaText('（2010年6月24日第十一届全国人民代表大会常务委员会第十五次会议通过')).toBe(false);
    expect(isLawMetaText('（2023年6月13日印发）')).toBe(false);
    // A closed note with the body's first sentence run on after it is body text.
    expect(isLawMetaText('（2010年6月24日第十一届全国人民代表大会常务委员会第十五次会议通过）现予公布，自2011年1月1日起施行。')).toBe(false);
    expect(isLawMetaText('2010年6月24日第十一届全国人民代表大会常务委员会第十五次会议通过。')).toBe(true);
    expect(isLawMetaText('2023年6月1日，市政府召开常务会议。会议审议并原则通过')).toBe(false);
  });

  it('reads a rule amended by a decision that says 修改 (the rule of a ministry, as printed in a real note)', () => {
    const note = '（2019年11月30日 国家市场监督管理总局令第20号公布 2022年3月24日 《国家市场监督管理总局关于修改和废止有关规章的决定》修改）';
    expect(isLawMetaText(note)).toBe(true);
    expect(lawMeta([note])).toEqual({ date: '2022-03-24', adoptedDate: null, effectiveDate: null, issuers: ['国家市场监督管理总局'], approvers: [] });
    expect(endsLawMeta('《国家市场监督管理总局关于修改和废止有关规章的决定》修改）')).toBe(true);
    expect(endsLawMeta('2010年9月29日山东省第十一届人民代表大会常务委员会第十九次会议《关于修改')).toBe(false);
    expect(lawEvents('2010年9月29日某某会议《关于修改〈某某条例〉的决定》第一次修正').map((e) => e.kind)).toEqual(['修正']);
  });

  it('reads a congress named short in its own city\u2019s printing (市十四届人大常委会), without its place', () => {
    // The real note of 宁波市人民调解条例 (pdftotext -layout).
    const note = '（2014年12月26日 市十四届人大常委会第二十次会议通过 2015年3月27日 省十二届人大常委会第十八次会议批准 2015年4月13日 宁波市人民代表大会常务委员会公告第13号公布 2015年6月1日 施行）';
    expect(lawMeta([note]).issuers).toEqual(['市人民代表大会常务委员会']);
    expect(eventBodies('省十二届人大常委会第十八次会议')).toEqual(['省人民代表大会常务委员会']);
    expect(eventBodies('自治区十三届人大第一次会议')).toEqual(['自治区人民代表大会']);
    expect(eventBodies('宁波市十四届人大常委会第十九次会议')).toEqual(['宁波市人民代表大会常务委员会']);
    expect(eventBodies('北京市第九届人大常委会第十次会议')).toEqual(['北京市人民代表大会常务委员会']);
  });

  it('reads a court\u2019s answer issued by a notice (…通知印发) as of that date, not a notice\u2019s own 印发', () => {
    // The real header lines of 最高人民法院关于审理名誉权案件若干问题的解答 (pdf.js).
    const lines = ['1993年6月15日最高人民法院审判委员会第579次会议讨论通过', '1993年8月7日最高人民法院以法发〔1993〕15号通知印发'];
    expect(lines.map(isLawMetaText)).toEqual([true, true]);
    expect(lawMeta(lines)).toMatchObject({ date: '1993-08-07', adoptedDate: '1993-06-15', issuers: ['最高人民法院'] });
    expect(endsLawMeta('2019年3月1日国务院办公厅《关于印发')).toBe(false);
    expect(isLawMetaText('（2023年6月13日印发）')).toBe(false);
  });

  it('reads a city regulation\'s events run together over wrapped lines, or one long event, as metadata; not when a sentence is among them', () => {
    // 青岛市城市节约用水管理条例 (its source's lines, wrapped by the layout extraction and joined as one paragraph).
    const run =
      '1995年12月14日 山东省第八届人民代表大会常务委员会第十九次会议批准1995年12月14日青岛市人民代表大会公告公布施行根据2004年5月27日山东省第十届人民代表大会常务委员会第八次会议批准的2004年5月11日青岛市第十三届人民代表大会常务委员会第十一次会议《关于修改〈青岛市单位内部治安保卫工作条例〉等十九件地方性法规的决定》第一次修正根据2010年11月25日山东省第十一届人民代表大会常务委员会第二十次会议批准的2010年10月29日青岛市第十四届人民代表大会常务委员会第二十一次会议《关于修改部分地方性法规的决定》第二次修正根据2018年9月7日青岛市第十六届人民代表大会常务委员会第十一次会议《关于修改〈青岛市环境噪声管理规定〉等十九件地方性法规的决定》第三次修正';
    expect(isLawMetaText(run)).toBe(true);
    expect(lawMeta(['1995年11月23日 青岛市第十一届人民代表大会常务委员会第二十次会议通过', run])).toMatchObject({ date: '2018-09-07', adoptedDate: '1995-11-23', issuers: ['青岛市人民代表大会常务委员会'] });
    // One event naming a long decision is one too; a sentence among the events, or a date that begins no event, is not.
    const long = '2018年9月7日青岛市第十六届人民代表大会常务委员会第十一次会议《关于修改〈青岛市环境噪声管理规定〉〈青岛市城市节约用水管理条例〉〈青岛市森林防火条例〉〈青岛市单位内部治安保卫工作条例〉〈青岛市城市市容和环境卫生管理条例〉〈青岛市历史文化名城保护条例〉等十九件地方性法规的决定》第三次修正';
    expect([long.length > 140, isLawMetaText(long)]).toEqual([true, true]);
    expect(isLawMetaText(run.replace('公告公布施行', '公告公布，施行'))).toBe(false);
    expect(isLawMetaText('2018年9月7日（星期五）' + '审议'.repeat(70) + '通过')).toBe(false);
  });

  it('reads a date and a body with no verb (an old regulation\'s source) as the body issuing the text', () => {
    // 武器装备研制设计师系统和行政指挥系统工作条例; 科学技术档案工作条例 (pdf.js).
    expect(lawMeta(['1984年4月4日国务院'])).toMatchObject({ date: '1984-04-04', issuers: ['国务院'] });
    expect(lawMeta(['1980年12月9日国务院批准', '1980年12月27日国家经济委员会'])).toMatchObject({ date: '1980-12-27', issuers: ['国家经济委员会'] });
    expect(DATED_BODY.test('1980年12月27日国家经济委员会')).toBe(true);
    // A date before words that are not a body's name, or before a sentence.
    expect(DATED_BODY.test('2023年5月10日全市安全生产工作会议精神')).toBe(false);
    expect(DATED_BODY.test('2023年5月10日，国务院')).toBe(false);
    expect(lawEvents('2023年5月10日全市安全生产工作会议精神')).toEqual([]);
  });

  it('opens a note whose first event is a meeting named before any date (a joint interpretation), and reads its dated events', () => {
    const note = '（最高人民法院审判委员会第1193次会议、最高人民检察院第九届检察委员会第100次会议通过 2002年3月15日最高人民法院公告公布自2002年3月26日起施行）';
    expect(opensLawMeta('（最高人民法院审判委员会第1193次会议、最高人民检察院第九届检察委员会第100')).toBe(true);
    expect(isLawMetaText(note)).toBe(true);
    expect(lawMeta([note])).toMatchObject({ date: '2002-03-15', effectiveDate: '2002-03-26', issuers: ['最高人民法院'] });
    // An outline item, a meeting of a kind (常务会议) in a sentence, a bracket with no meeting: not a note.
    expect(opensLawMeta('（二）市政府第三次会议审议通过的事项')).toBe(false);
    expect(opensLawMeta('（经市政府第12次常务会议审议通过）')).toBe(false);
    expect(opensLawMeta('（以下简称第三次会议）')).toBe(false);
  });

  it('gives a meeting printed with no verb the verb of the dated event after it: the later of two adoptions dates the text', () => {
    // 最高人民法院、最高人民检察院关于办理侵犯知识产权刑事案件具体应用法律若干问题的解释（三）: the court adopted it after the procuratorate.
    const note = '（2020年8月31日 最高人民法院审判委员会第1811次会议 2020年8月21日 最高人民检察院第十三届检察委员会第四十八次会议通过 2020年9月14日 施行）';
    expect(lawEvents(note).map((e) => [e.date, e.kind])).toEqual([
      ['2020-08-31', '通过'],
      ['2020-08-21', '通过'],
      ['2020-09-14', '施行'],
    ]);
    expect(lawMeta([note])).toMatchObject({ date: '2020-08-31', effectiveDate: '2020-09-14' });
    // A meeting with no event after it, or one whose verb is printed, is not given another.
    expect(lawEvents('2020年8月31日最高人民法院审判委员会第1811次会议').length).toBe(0);
    expect(lawEvents('2020年8月31日最高人民法院审判委员会第1811次会议2020年9月14日').length).toBe(0);
    // The meeting takes the verb of the event after it, not of one before it, and keeps its place among them.
    expect(lawEvents('2019年1月1日市人民代表大会常务委员会会议通过2020年8月31日市人民代表大会常务委员会会议2020年9月1日省人民代表大会常务委员会会议批准').map((e) => [e.date, e.kind])).toEqual([
      ['2019-01-01', '通过'],
      ['2020-08-31', '批准'],
      ['2020-09-01', '批准'],
    ]);
    // A meeting after the verb of its own event (…会议通过并报…会议) is that event, not another.
    expect(lawEvents('2020年8月31日市人民代表大会常务委员会会议通过并报省人民代表大会常务委员会会议2020年9月1日公布').map((e) => [e.date, e.kind])).toEqual([
      ['2020-08-31', '通过'],
      ['2020-09-01', '公布'],
    ]);
    expect(lawEvents('2020年8月31日最高人民法院审判委员会第1811次会议通过2020年9月1日公布').map((e) => e.kind)).toEqual(['通过', '公布']);
  });
});
