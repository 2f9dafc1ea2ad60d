/**
 * One document draft → a document: header, body, signature, attachments and metadata, on drafts
 * in the shape segmentFile gives them (one paragraph per line). Expected values are read off the text.
 */
import { describe, expect, it } from 'vitest';
import { assemble } from './assemble.js';
import type { Removed } from './furniture.js';
import type { RawParagraph } from './paragraphs.js';
import type { DocDraft } from './segment.js';
import { allUnits } from './units.js';
import type { Unit } from './types.js';

const para = (text: string, no: number, pages: number[] = []): RawParagraph => ({ text, pages, firstLine: no, lastLine: no, boxStart: false });
const draft = (title: string | null, texts: string[], more: Partial<DocDraft> = {}): DocDraft => ({
  file: 'f.txt',
  title: title === null ? null : para(title, 1, [3]),
  paras: texts.map((t, i) => para(t, i + 2, [3 + Math.floor(i / 4)])),
  headingProvince: null,
  interprets: null,
  signoff: null,
  furniture: [],
  order: null,
  ...more,
});
const doc = (d: DocDraft) => assemble(d, () => null).doc;
const text = (u: Unit) => u.paragraphs.map((p) => p.text).join('|');
const header = (kind: Removed['kind'], text: string): Removed => ({ kind, lines: [{ no: 9, text, page: 3 }], text });

describe('assemble: addressees that name whom a reply is for', () => {
  // gov.cn's 国办函〔2004〕85号 and 国办函〔1996〕61号 as pdftotext prints them (no indent parts the addressees from the body).
  it('run into the first sentence: taken out at their colon, the sentence kept whole', () => {
    const d = doc(draft('国务院办公厅关于湖北省巴东县地质灾害险情问题的复函', ['国办函〔2004〕85号', '湖北省人民政府：你省《关于恳请解决巴东县官渡口镇马鬃山村地质险情有关问题的请示》（鄂政文〔2004〕15号）收悉。', '国务院办公厅', '二○○四年十一月二十二日']));
    expect(d.addressees).toBe('湖北省人民政府：');
    expect(allUnits(d.units).map(text)).toEqual(['你省《关于恳请解决巴东县官渡口镇马鬃山村地质险情有关问题的请示》（鄂政文〔2004〕15号）收悉。']);
  });

  it('on a line of their own, whatever body they name; a sentence opening with a colon is the body', () => {
    expect(doc(draft('国务院办公厅关于武警总部后勤部机关及部分直属单位迁址新建问题的复函', ['武警总部：', '关于武警总部后勤部机关及部分直属单位迁址新建的请示收悉，现批复如下：', '国务院办公厅'])).addressees).toBe('武警总部：');
    const d = doc(draft('国务院关于同意设立某某的批复', ['经研究，现批复如下：一、同意。', '国务院']));
    expect(d.addressees).toBeNull();
    expect(allUnits(d.units).map(text)[0]).toBe('经研究，现批复如下：一、同意。');
  });
});

describe('assemble: a notice', () => {
  const notice = draft('上海市商务委员会关于印发《上海市促进外贸稳增长若干措施》的通知', [
    '沪商贸〔2023〕88号',
    '各区人民政府，市政府各委、办、局：',
    '现将《上海市促进外贸稳增长若干措施》印发给你们，请认真贯彻执行。',
    '上海市商务委员会',
    '上海市财政局',
    '2023年6月13日',
    '（此件公开发布）',
    '附件2',
    '上海市促进外贸稳增长若干措施',
    '一、稳定外贸主体',
    '本措施自2023年7月1日起施行。',
  ]);

  it('reads the header, the signature and the attachment', () => {
    const d = doc(notice);
    expect(d).toMatchObject({
      title: '上海市商务委员会关于印发《上海市促进外贸稳增长若干措施》的通知',
      titleSource: 'title-line',
      docNumber: '沪商贸〔2023〕88号',
      addressees: '各区人民政府，市政府各委、办、局：',
      signature: ['上海市商务委员会', '上海市财政局', '2023年6月13日'],
      date: '2023-06-13',
      effectiveDate: '2023-07-01',
      issuers: ['上海市商务委员会'],
      issuer: '上海市商务委员会',
      kind: '措施',
      region: { level: 'province', province: '上海市', city: null },
      sources: [{ file: 'f.txt', startLine: 1, endLine: 12, firstPage: 3, lastPage: 5 }],
    });
    expect(d.units.map((u) => [u.path.replace(/-[0-9a-z]{5}$/, '-*'), u.label, u.heading])).toEqual([
      // (the note under the date is a note: level note, path fz-…)
      ['pre-*', '', null],
      ['fz-*', '', null],
      ['att2', '附件2', '上海市促进外贸稳增长若干措施'],
    ]);
    expect(d.units.map((u) => u.paragraphs[0]?.text ?? null)).toEqual(['现将《上海市促进外贸稳增长若干措施》印发给你们，请认真贯彻执行。', '（此件公开发布）', null]);
    const att = d.units[2];
    expect(att.children.map((u) => [u.path, u.heading, u.paragraphs.map((p) => p.text)])).toEqual([['att2.a1', '稳定外贸主体', ['本措施自2023年7月1日起施行。']]]);
    expect(att.pages).toEqual([5]);
  });

  it('keeps what is printed under the signature out of the last item, up to a numbered heading', () => {
    const numbered = (under: string[]) =>
      doc(draft('上海市人民政府办公厅关于做好夏季防汛工作的通知', ['各区人民政府：', '一、压实责任', '各区要落实防汛责任。', '二、加强值守', '各区要加强值班值守。', '上海市人民政府办公厅', '2023年6月13日', ...under]));
    const lastOf = (d: { units: Unit[] }) => d.units.map((u) => [u.level, u.label, u.paragraphs.map((p) => p.text)]);
    // The 附注 under the date: a unit of its own after the last item (level note), not the item's text.
    expect(lastOf(numbered(['（联系人：王明，电话：23111111）']))).toEqual([
      ['outline1', '一、', ['各区要落实防汛责任。']],
      ['outline1', '二、', ['各区要加强值班值守。']],
      ['note', '', ['（联系人：王明，电话：23111111）']],
    ]);
    // A numbered heading there (a date line inside the text taken for the signature, a heading after a page break)
    // opens its item, and the text after it is that item's, as before, even when it is in parentheses.
    expect(lastOf(numbered(['三、强化保障', '各区要做好物资保障。'])).at(-1)).toEqual(['outline1', '三、', ['各区要做好物资保障。']]);
    expect(lastOf(numbered(['三、强化保障', '（联系人：李强，电话：23222222）'])).at(-1)).toEqual(['outline1', '三、', ['（联系人：李强，电话：23222222）']]);
    // Parentheses inside the note; a note is a unit with no children.
    const nested = numbered(['（联系人：王明（市应急管理局），电话：23111111）']).units.at(-1)!;
    expect([nested.level, nested.children]).toEqual(['note', []]);
    // Only a paragraph wholly in parentheses is a note: a sentence with one after it, or one that goes on, is text.
    for (const text of ['请于6月底前报送。（联系人：王明）', '（此件公开发布）各区遵照执行。']) expect(numbered([text]).units.at(-1)!.level).not.toBe('note');
  });

  it('keeps a notice without numbered items a preamble after its note: what it forwards is read as before', () => {
    const d = doc(draft('上海市人民政府办公厅转发市商务委关于促进外贸稳增长若干措施的通知', ['各区人民政府：', '市商务委《关于促进外贸稳增长的若干措施》已经市政府同意，现转发给你们。', '上海市人民政府办公厅', '2023年6月13日', '（此件公开发布）', '上海市促进外贸稳增长若干措施为深入贯彻落实党中央、国务院决策部署，制定本措施。']));
    expect(d.units.map((u) => u.level)).toEqual(['preamble', 'note', 'preamble']);
  });

  it('counts unnumbered attachments and keeps two with one number apart', () => {
    const d = doc(draft('上海市人民政府办公厅关于印发两项措施的通知', ['各区人民政府：', '现将两项措施印发给你们。', '上海市人民政府办公厅', '2023年6月13日', '上海市促进外贸稳增长若干措施', '一、稳定外贸主体', '上海市促进消费扩容提质若干措施', '一、扩大消费']));
    expect(d.units.filter((u) => u.level === 'appendix').map((u) => [u.path, u.label, u.heading])).toEqual([
      ['att1', '附件', '上海市促进外贸稳增长若干措施'],
      ['att2', '附件', '上海市促进消费扩容提质若干措施'],
    ]);
    const twice = doc(draft('上海市人民政府办公厅关于印发两项措施的通知', ['各区人民政府：', '现将两项措施印发给你们。', '上海市人民政府办公厅', '2023年6月13日', '附件1', '上海市促进外贸稳增长若干措施', '一、稳定外贸主体', '附件1', '上海市促进消费扩容提质若干措施', '一、扩大消费']));
    expect(twice.units.filter((u) => u.level === 'appendix').map((u) => u.path)).toEqual(['att1', 'att1_']);
  });
});

describe('assemble: a law promulgated by a 公告', () => {
  it('takes the law after the signature, under the document’s own title, as the body', () => {
    const d = doc(draft('临沂市优化营商环境条例', ['临沂市人民代表大会常务委员会公告', '《临沂市优化营商环境条例》已经通过，现予公布。', '临沂市人民代表大会常务委员会', '2023年1月12日', '临沂市优化营商环境条例', '（2022年12月28日临沂市第二十届人民代表大会常务委员会第五次会议通过）', '第一条　为了持续优化营商环境，制定本条例。']));
    expect(d.units.some((u) => u.level === 'appendix')).toBe(false);
    expect(allUnits(d.units).map((u) => u.label || u.paragraphs[0].text)).toEqual([
      '临沂市人民代表大会常务委员会公告',
      '《临沂市优化营商环境条例》已经通过，现予公布。',
      '临沂市优化营商环境条例',
      '（2022年12月28日临沂市第二十届人民代表大会常务委员会第五次会议通过）',
      '第一条',
    ]);
    // The law's metadata note under its title is the law's, not a 附注 of the 公告's signature.
    expect(allUnits(d.units).filter((u) => u.level === 'note')).toEqual([]);
  });

  it('reads a law’s header: its metadata shown as text, the title printed again dropped', () => {
    const d = doc(draft('中华人民共和国中国人民银行法', ['（1995年3月18日第八届全国人民代表大会第三次会议通过　2003年12月27日第十届全国人民代表大会常务委员会第六次会议修正）', '中华人民共和国中国人民银行法', '第一条　为了确立中国人民银行的地位，制定本法。']));
    expect(d).toMatchObject({ date: '2003-12-27', adoptedDate: '1995-03-18', issuers: ['全国人民代表大会'] });
    expect(allUnits(d.units).map((u) => u.label || u.paragraphs[0].text)).toEqual(['（1995年3月18日第八届全国人民代表大会第三次会议通过　2003年12月27日第十届全国人民代表大会常务委员会第六次会议修正）', '第一条']);
  });
});

describe('assemble: a city regulation of a city the gazetteer no longer lists', () => {
  // 莱芜市钢结构建筑应用促进条例 (realtext-heldout 018h): 莱芜市 was merged into 济南市 in 2019.
  const laiwu = ['2016年9月21日 莱芜市第十七届人民代表大会常务委员会第三十三次会议通过', '2016年11月26日 山东省第十二届人民代表大会常务委员会第二十四次会议批准', '第一条　为了推进钢结构建筑应用，制定本条例。'];
  it('is placed in the province that approved it', () => {
    expect(doc(draft('莱芜市钢结构建筑应用促进条例', laiwu)).region).toEqual({ level: 'province', province: '山东省', city: null });
  });
  it('is not where nothing approved it, or where a body of no province did', () => {
    expect(doc(draft('莱芜市钢结构建筑应用促进条例', [laiwu[0], laiwu[2]])).region.level).toBe('unknown');
    const approvedBy = (body: string) => doc(draft('莱芜市钢结构建筑应用促进条例', [laiwu[0], `2016年11月26日 ${body}第二十四次会议批准`, laiwu[2]])).region.level;
    expect(approvedBy('某某委员会')).toBe('unknown');
  });
});

// gov-58 (test-data/database-exports): the regulation under the order that promulgates it (segment.ts keeps the order apart).
describe('assemble: a text under its promulgation order', () => {
  const order = (heading: string, texts: string[]) => ({ heading: para(heading, 0), paras: texts.map((t, i) => para(t, 10 + i)) });
  const ORDER = ['第706号', '《专利代理条例》已经2018年9月6日国务院第23次常务会议修订通过，现将修订后的《专利代理条例》公布，自2019年3月1日起施行。', '总理 李克强', '2018年11月6日'];
  const REGULATION = ['（1991年3月4日中华人民共和国国务院令第76号发布　2018年9月6日国务院第23次常务会议修订通过）', '第一条　为了规范专利代理行为，制定本条例。'];

  it('numbers, dates and issues it by the order, whose words open its text', () => {
    const d = doc(draft('专利代理条例', REGULATION, { order: order('中华人民共和国国务院令', ORDER) }));
    expect(d).toMatchObject({ title: '专利代理条例', docNumber: '中华人民共和国国务院令第706号', date: '2018-11-06', issuers: ['国务院'], effectiveDate: '2019-03-01', signature: [] });
    expect(allUnits(d.units).map((u) => u.label || u.paragraphs[0].text)).toEqual([ORDER[1], '总理 李克强', '2018年11月6日', REGULATION[0], '第一条']);
    // Its lines are the document's too.
    expect(d.sources[0].startLine).toBe(0);
  });

  it('is issued by the body of the order, before the one its note names first; by the congress for the President’s', () => {
    const ministry = doc(draft('外商投资某办法', REGULATION, { order: order('中华人民共和国商务部令', ['2019年第1号', '《外商投资某办法》已经通过，现予公布。', '部长 某某', '2019年1月2日']) }));
    expect([ministry.issuers, ministry.docNumber, ministry.date]).toEqual([['商务部'], '中华人民共和国商务部令2019年第1号', '2019-01-02']);
    const law = doc(draft('中华人民共和国某法', ['（1996年5月15日第八届全国人民代表大会常务委员会第十九次会议通过）', '第一条　为了某事，制定本法。'], { order: order('中华人民共和国主席令', ['第八十四号', '《中华人民共和国某法》已由全国人民代表大会常务委员会通过，现予公布。', '中华人民共和国主席 某某', '2019年1月2日']) }));
    expect([law.issuers, law.docNumber, law.date]).toEqual([['全国人民代表大会常务委员会'], '中华人民共和国主席令第八十四号', '2019-01-02']);
  });

  it('keeps a 文号 the text prints itself, and the title line’s date', () => {
    const d = doc(draft('某某办法（2019年1月5日）', ['某府令〔2019〕3号', '第一条　为了某事，制定本办法。'], { order: order('某某市人民政府令', ['第3号', '《某某办法》现予公布。', '市长 某某', '2019年1月2日']) }));
    expect([d.docNumber, d.date]).toEqual(['某府令〔2019〕3号', '2019-01-05']);
  });
});

describe('assemble: issuers by their formal names', () => {
  // Real lines (a Henan compilation, extracted by pdf.js): the expected names are the bodies' own.
  it('names a congress printed short in a title (河南省人大常委会关于…的决议) in full, as its meta line does', () => {
    const d = doc(draft('河南省人大常委会关于努力夺取传染性非典型肺炎防治工作和经济建设双胜利的决议', ['2003年5月29日河南省第十届人民代表大会常务委员会第三次会议通过', '河南省第十届人大常委会第三次会议听取和审议了省人民政府关于非典防治工作的报告。']));
    expect([d.issuers, d.issuer, d.date]).toEqual([['河南省人民代表大会常务委员会'], '河南省人民代表大会常务委员会', '2003-05-29']);
  });
  it('names a ministry after 中华人民共和国 in a title (中华人民共和国海关总署关于…的规定) as it signs', () => {
    const d = doc(draft('中华人民共和国海关总署关于外国驻中国使馆和使馆人员进出境物品的规定', ['1986年10月31日国务院批准', '1986年12月1日海关总署发布', '第一条　根据《中华人民共和国外交特权与豁免条例》，制定本规定。']));
    expect(d.issuers).toEqual(['海关总署']);
  });
});

describe('assemble: a regulation dated by its issuing body alone', () => {
  it('reads 1984年4月4日国务院 under the title as the date and issuer, shown with the text (real lines, pdf.js)', () => {
    const d = doc(draft('武器装备研制设计师系统和行政指挥系统工作条例', ['1984年4月4日国务院', '第一章 总则', '第一条　为加强武器装备(含卫星系统，下同)研制工作中的责任制，特制定本条例。']));
    expect([d.date, d.issuers]).toEqual(['1984-04-04', ['国务院']]);
  });
});

describe('assemble: documents without a title line', () => {
  it('titles an interpretation after what it interprets', () => {
    const of = draft('青岛市政务服务管理办法', ['第一条　为了规范政务服务，制定本办法。']);
    const d = assemble(draft(null, ['一、制定背景', '为规范政务服务，市政府制定了本办法。'], { interprets: of }), (x) => (x === of ? '青岛市政务服务管理办法' : null)).doc;
    expect([d.title, d.titleSource, d.kind]).toEqual(['《青岛市政务服务管理办法》政策解读', 'inferred', '解读']);
    const orphan = assemble(draft(null, ['一、制定背景'], { interprets: of }), () => null).doc;
    expect(orphan.title).toBe('政策解读');
  });

  it('takes a trailing title and its byline, then a running header, then the opening words', () => {
    const byline: Removed = { kind: 'byline', lines: [{ no: 9, text: '李翊  柴恩旺', page: 3 }], text: '李翊柴恩旺' };
    const article = doc(draft(null, ['措施不到位，导致项目建设受阻。'], { furniture: [header('trailing-title', '地方政府招商引资应完善项目评价机制'), byline] }));
    expect([article.title, article.titleSource, article.authors, article.kind, article.issuers]).toEqual(['地方政府招商引资应完善项目评价机制', 'trailing-title', ['李翊', '柴恩旺'], '文章', ['李翊', '柴恩旺']]);
    const headed = doc(draft(null, ['下放、取消等事由变动的，应当及时更新清单。'], { furniture: [header('running-header', '青岛市人民政府关于青岛市政务服务管理办法的通知政策简讯')] }));
    expect([headed.title, headed.titleSource, headed.issuers]).toEqual(['青岛市人民政府关于青岛市政务服务管理办法的通知', 'running-header', ['青岛市人民政府']]);
    const bare = doc(draft(null, ['近日，青岛市出台79条措施，涵盖市场准入、要素获取、公平执法等方面。']));
    expect([bare.title, bare.titleSource]).toEqual(['近日，青岛市出台79条措施，涵盖市场准入、要素获…', 'inferred']);
    expect(doc(draft(null, ['近日，青岛市出台79条措施。'])).title).toBe('近日，青岛市出台79条措施。');
  });

  it('reads a news page’s date and source, and gives a reprint its source as issuer', () => {
    const news = doc(draft('山东青岛79条措施优化营商环境', ['发布日期：2021-04-09', '来源：青岛日报', '近日，青岛市出台79条措施。']));
    expect([news.date, news.issuers, news.kind]).toEqual(['2021-04-09', ['青岛日报'], '新闻']);
    const reprint = doc(draft(null, ['近日，青岛市出台79条措施。'], { signoff: '转自青岛日报' }));
    expect([reprint.issuers, reprint.reprintedFrom]).toEqual([['青岛日报'], '青岛日报']);
    const signed = doc(draft(null, ['近日，青岛市出台79条措施。'], { signoff: '文康政策研究中心秘书处' }));
    expect(signed.issuers).toEqual(['文康政策研究中心']);
  });
});

describe('assemble: headers, signatures and issuers (survivors of the first mutation run)', () => {
  it('reads an article’s 作者 line and a byline under its title as its authors', () => {
    const byLine = doc(draft('以高水平开放推动服务业扩能提质', ['作者：王晓明、赵丽华', '服务业是国民经济的重要组成部分。']));
    expect([byLine.authors, byLine.kind]).toEqual([['王晓明', '赵丽华'], '文章']);
    const byNames = doc(draft('以高水平开放推动服务业扩能提质', ['王晓明 赵丽华', '服务业是国民经济的重要组成部分。']));
    expect([byNames.authors, byNames.kind]).toEqual([['王晓明', '赵丽华'], '文章']);
  });

  it('drops the title printed again over two paragraphs of the header, then reads the 文号', () => {
    const d = doc(draft('最高人民法院关于审理民间借贷案件适用法律若干问题的规定', ['最高人民法院', '关于审理民间借贷案件适用法律若干问题的规定', '法释〔2015〕18号', '为正确审理民间借贷纠纷案件，制定本规定。']));
    expect(d.docNumber).toBe('法释〔2015〕18号');
    expect(allUnits(d.units).map((u) => u.paragraphs[0]?.text)).toEqual(['为正确审理民间借贷纠纷案件，制定本规定。']);
  });

  it('reads a signature that starts the text, and gives a text with nothing else an empty title', () => {
    const d = doc(draft(null, ['上海市商务委员会', '2023年6月13日']));
    expect([d.signature, d.date, d.title]).toEqual([['上海市商务委员会', '2023年6月13日'], '2023-06-13', '']);
  });

  it('takes the issuer from the signature when the title names none, and no issuer from a date line alone', () => {
    const signed = doc(draft('关于做好2023年度政务服务工作的通知', ['各区人民政府：', '现将有关事项通知如下。', '上海市商务委员会', '2023年6月13日']));
    expect(signed.issuers).toEqual(['上海市商务委员会']);
    const dated = doc(draft('关于做好2023年度政务服务工作的通知', ['各区人民政府：', '现将有关事项通知如下。', '2023年6月13日']));
    expect([dated.issuers, dated.date]).toEqual([[], '2023-06-13']);
  });

  it('reads a customs district (上海海关) as a line of the signature, as any other issuing body', () => {
    const d = doc(draft('关于进一步优化口岸营商环境的通知', ['各有关单位：', '现将有关事项通知如下。', '上海市商务委员会', '上海海关', '2023年6月13日']));
    expect(d.signature).toEqual(['上海市商务委员会', '上海海关', '2023年6月13日']);
    expect(allUnits(d.units).map((u) => u.paragraphs.map((p) => p.text).join('|'))).not.toContain('上海海关');
  });

  it('takes the issuer from a running header that names the notice issuing the document, also for its interpretation', () => {
    const running = [header('running-header', '青岛市人民政府关于印发青岛市政务服务管理办法的通知政策简讯')];
    const d = doc(draft('青岛市政务服务管理办法', ['第一条　为了规范政务服务，制定本办法。'], { furniture: running }));
    expect(d.issuers).toEqual(['青岛市人民政府']);
    const of = draft('青岛市政务服务管理办法', ['第一条　为了规范政务服务，制定本办法。']);
    const jiedu = assemble(draft(null, ['一、制定背景'], { interprets: of, furniture: running }), () => '青岛市政务服务管理办法').doc;
    expect([jiedu.title, jiedu.issuers]).toEqual(['《青岛市政务服务管理办法》政策解读', ['青岛市人民政府']]);
  });

  it('classes a news page titled …解读 as an interpretation, and one that only mentions 解读 as news', () => {
    expect(doc(draft('优化营商环境条例政策解读', ['来源：青岛日报', '近日，青岛市出台79条措施。'])).kind).toBe('解读');
    expect(doc(draft('专家解读优化营商环境新政', ['来源：青岛日报', '近日，青岛市出台79条措施。'])).kind).toBe('新闻');
  });

  it('keeps an attachment’s two-digit number in its path', () => {
    const d = doc(draft('上海市人民政府办公厅关于印发两项措施的通知', ['各区人民政府：', '现将两项措施印发给你们。', '上海市人民政府办公厅', '2023年6月13日', '附件12', '上海市促进外贸稳增长若干措施', '一、稳定外贸主体', '二、扩大进口']));
    const att = d.units.find((u) => u.level === 'appendix')!;
    expect([att.path, att.label]).toEqual(['att12', '附件12']);
  });

  it('titles a text without a title line by its opening words: 24 characters without an ellipsis, never page furniture', () => {
    const opening = '近日，青岛市出台79条措施，涵盖市场准入等方面。';
    expect(opening).toHaveLength(24);
    const d = doc(draft(null, [opening], { furniture: [header('latin', 'WINCON LAW FIRM')] }));
    expect([d.title, d.titleSource]).toEqual([opening, 'inferred']);
  });

  it('keeps joint issuers apart where the printed title sets them apart by a space', () => {
    // A real title line (最高人民法院 最高人民检察院关于办理非法从事资金支付结算业务…的解释, extracted by pdf.js).
    const title = '最高人民法院 最高人民检察院关于办理非法从事资金支付结算业务、非法买卖外汇刑事案件适用法律若干问题的解释';
    const d = doc(draft(title, ['第一条 违反国家规定，具有下列情形之一的，属于刑法第二百二十五条第三项规定的“非法从事资金支付结算业务”。']));
    // The title keeps the space between them, as printed (the key's title, from the source, has it).
    expect([d.title, d.issuers]).toEqual([title, ['最高人民法院', '最高人民检察院']]);
    // One body's name run together with nothing is one issuer, and letter-spaced titles keep theirs whole.
    expect(doc(draft('最高人民法院关于审理专利纠纷案件的解释', ['第一条 为了正确审理。'])).issuers).toEqual(['最高人民法院']);
    expect(doc(draft('国 务 院 关 于 加 强 管 理 的 通 知', ['一、总体要求。'])).issuers).toEqual(['国务院']);
    expect(doc(draft('12．公安部 司法部关于执行有关规定的通知', ['一、总体要求。']))).toMatchObject({ title: '公安部 司法部关于执行有关规定的通知', issuers: ['公安部', '司法部'] });
    expect(doc(draft('国 务 院 关 于 加 强 管 理 的 通 知', ['一、总体要求。'])).title).toBe('国务院关于加强管理的通知');
    // A space a PDF put inside one body's name does not make two, and is not the title's.
    expect(doc(draft('上海市 商务委员会关于印发促进外贸若干措施的通知', ['一、总体要求。']))).toMatchObject({ title: '上海市商务委员会关于印发促进外贸若干措施的通知', issuers: ['上海市商务委员会'] });
    expect(doc(draft('会同县 人民政府关于做好防汛工作的通知', ['一、总体要求。'])).issuers).toEqual(['会同县人民政府']);
    expect(doc(draft('中央商务区 管理委员会关于加强楼宇管理的通知', ['一、总体要求。'])).issuers).toEqual(['中央商务区管理委员会']);
    // Letter-spaced, the printed title's parts are not the names: kept whole.
    expect(doc(draft('国 务 院 办公厅 财政部关于做好有关工作的通知', ['一、总体要求。'])).issuers).toEqual(['国务院办公厅财政部']);
  });

  it('reads a joint adoption printed as a line per meeting, the verb after the second only', () => {
    // The real header lines of that interpretation, as pdf.js extracted them.
    const d = doc(
      draft('最高人民法院 最高人民检察院关于办理非法从事资金支付结算业务、非法买卖外汇刑事案件适用法律若干问题的解释', [
        '2018年9月17日最高人民法院审判委员会第1749次会议',
        '2018年12月12日最高人民检察院第十三届检察委员会第十一次会议通过',
        '2019年2月1日施行',
        '第一条 违反国家规定，具有下列情形之一的，属于刑法第二百二十五条第三项规定的“非法从事资金支付结算业务”。',
      ]),
    );
    expect([d.date, d.effectiveDate]).toEqual(['2018-12-12', '2019-02-01']);
    // A dated meeting that no event line follows is text, not metadata.
    const meeting = doc(draft('关于全市安全生产工作会议精神的传达提纲', ['2023年5月10日全市安全生产工作会议', '一、总体要求。']));
    expect(meeting.date).toBeNull();
    expect(doc(draft('关于全市安全生产工作会议精神的传达提纲', ['2023年5月10日全市安全生产工作会议'])).units).toHaveLength(1);
    // Nor is a paragraph metadata because metadata follows it: the header ends there (the 文号 after it is text).
    for (const first of ['为依法惩治犯罪，制定本解释。', '2023年5月10日全市安全生产工作会议精神', '全市安全生产工作会议'])
      expect(doc(draft('最高人民法院关于审理案件的解释', [first, '2019年2月1日施行', '法释〔2019〕1号', '第一条 本解释自公布之日起施行。'])).docNumber, first).toBeNull();
  });

  it('reads a dated event cut short before its verb as one of the events, so the later events still date the law', () => {
    // 中华人民共和国计量法 as LawRefBook/Laws prints it (its fourth amendment's line ends inside the decision's name).
    const meta = [
      '1985年9月6日 第六届全国人民代表大会常务委员会第十二次会议通过',
      '2015年4月24日 第十二届全国人民代表大会常务委员会第十四次会议《关于修改〈中华人民共和国计量法〉等五部法律的决定》第三次修正',
      '2017年12月27日 第十二届全国人民代表大会常务委员会第三十一次会议《关于修改〈中华人民共和国招标投标法〉',
      '2018年10月26日 第十三届全国人民代表大会常务委员会第六次会议《关于修改〈中华人民共和国野生动物保护法〉等十五部法律的决定》第五次修正',
    ];
    const d = doc(draft('中华人民共和国计量法', [...meta, '第一章 总则', '第一条 为了加强计量监督管理，制定本法。']));
    expect(d.date).toBe('2018-10-26');
    // (The header is shown as printed, each event a paragraph above the first chapter.)
    expect(d.units.map((u) => u.level)).toEqual(['preamble', 'preamble', 'preamble', 'preamble', 'chapter']);
    // Cut short after a decision's name that closes (…决定》), or without a meeting, it is text: the header ends there.
    const closed = doc(draft('中华人民共和国计量法', [meta[0], '2017年12月27日 第十二届全国人民代表大会常务委员会第三十一次会议《关于修改部分法律的决定》的说明', meta[3], '第一条 为了加强计量监督管理，制定本法。']));
    expect(closed.date).toBe('1985-09-06');
  });

  it('reads a 附件 after the last article of a law printed without a signature as its appendix', () => {
    const law = ['第一条 为了维护国徽的尊严，制定本法。', '第二条 本法自1991年10月1日起施行。', '附件:', '中华人民共和国国徽图案', '（1950年6月28日中央人民政府委员会第八次会议通过）', '说明：国徽的内容为国旗、天安门、齿轮和麦稻穗。'];
    const d = doc(draft('中华人民共和国国徽法', law));
    expect(d.units.map((u) => [u.level, u.label, u.heading])).toEqual([
      ['article', '第一条', null],
      ['article', '第二条', null],
      ['appendix', '附件', '中华人民共和国国徽图案'],
    ]);
    expect(allUnits(d.units).filter((u) => u.path.startsWith('att1.')).map((u) => u.paragraphs[0].text)).toEqual(law.slice(4));
    expect(d.signature).toEqual([]);
    // A short title of four characters will do; a title that follows the attachment's title at once is its text.
    const short = doc(draft('仲裁委员会仲裁收费办法', [...law.slice(0, 2), '附件：', '收费标准', '仲裁委员会仲裁案件收费办法', '按争议金额分段交纳。']));
    expect(short.units.map((u) => [u.level, u.heading])).toEqual([['article', null], ['article', null], ['appendix', '收费标准']]);
    expect(allUnits(short.units).filter((u) => u.path.startsWith('att1.'))).toHaveLength(2);
    // Not an appendix: a label of two characters' title, a label at the very end, a document that begins with its
    // label (an attachment filed on its own), and a last paragraph shaped like a title with no label before it.
    for (const paras of [
      [...law.slice(0, 2), '附件：', '名单'],
      [...law.slice(0, 2), '附件：'],
      ['附件：', '中华人民共和国国徽图案', '说明：国徽的内容为国旗、天安门、齿轮和麦稻穗。'],
      [...law.slice(0, 2), '上海市外贸企业服务事项清单'],
    ])
      expect(doc(draft('中华人民共和国国徽法', paras)).units.some((u) => u.level === 'appendix'), paras.join('|')).toBe(false);
    // (the label at the end stays as printed; a document with no signature has none)
    const end = doc(draft('中华人民共和国国徽法', [...law.slice(0, 2), '附件：']));
    expect([end.units.map((u) => u.level), end.signature]).toEqual([['article', 'article', 'para'], []]);
    // A title of up to 60 characters after its label; a longer line is text.
    const titled = (t: string) => doc(draft('某某办法', [...law.slice(0, 2), '附件：', t, '内容。'])).units.some((u) => u.level === 'appendix');
    expect([titled('甲'.repeat(60)), titled('甲'.repeat(61))]).toEqual([true, false]);
    // A label followed by a sentence, or by a table run into one paragraph, is not an appendix: the text stays as printed.
    const table = ['第一条 为规范仲裁收费，制定本办法。', '第二条 本办法自1995年9月1日起施行。', '附件：', '仲裁委员会仲裁案件受理费表争议金额(人民币) 仲裁案件受理费(人民币)1000元以下的部分40－100元1001元至50000元的部分按4%－5%交纳'];
    expect(doc(draft('仲裁委员会仲裁收费办法', table)).units.map((u) => u.level)).toEqual(['article', 'article', 'para', 'para']);
    expect(doc(draft('仲裁委员会仲裁收费办法', [...table.slice(0, 2), '附件：', '详见本办法第五条。'])).units.map((u) => u.level)).toEqual(['article', 'article', 'para', 'para']);
  });

  it('gives a congress named short (市十四届人大常委会) the place its title names', () => {
    const note = (body: string) => `（2014年12月26日 ${body}第二十次会议通过 2015年3月27日 省十二届人大常委会第十八次会议批准）`;
    const issuers = (title: string, body = '市十四届人大常委会') => doc(draft(title, [note(body), '第一条 为了完善人民调解制度，制定本条例。'])).issuers;
    expect(issuers('宁波市人民调解条例')).toEqual(['宁波市人民代表大会常务委员会']);
    expect(issuers('浙江省人民调解条例', '省十三届人大常委会')).toEqual(['浙江省人民代表大会常务委员会']);
    // A title that names no city (or a province where the note says 市) leaves the body as the note has it.
    expect(issuers('人民调解条例')).toEqual(['市人民代表大会常务委员会']);
    expect(issuers('浙江省人民调解条例')).toEqual(['市人民代表大会常务委员会']);
    // A body the note names in full keeps its name.
    expect(issuers('宁波市人民调解条例', '宁波市第十四届人民代表大会常务委员会')).toEqual(['宁波市人民代表大会常务委员会']);
  });
});

