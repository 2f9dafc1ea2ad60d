/**
 * Splitting a file's paragraphs into documents, on text in the shape PDF extraction leaves it
 * (one paragraph per line here, as toParagraphs gives them). Expected documents are read off the text.
 */
import { describe, expect, it } from 'vitest';
import type { RawParagraph } from './paragraphs.js';
import { segmentFile } from './segment.js';
import type { Removed } from './furniture.js';
import { raw, segment, shape } from '../../test-support/segment-lines.js';


describe('loose documents', () => {
  it('sets front matter apart, with a note, and starts a document at each title', () => {
    const { docs, notes } = segment([
      '本刊由文康政策研究中心编印，仅供内部参考。',
      '',
      '上海市人民政府关于进一步优化营商环境的意见',
      '各区人民政府：',
      '为进一步优化营商环境，提出如下意见。',
    ]);
    expect(notes).toEqual(['f.txt：第 1 行是卷首内容（没有标题和结构），不作为文档']);
    expect(shape(docs)).toEqual([{ title: '上海市人民政府关于进一步优化营商环境的意见', paras: ['各区人民政府：', '为进一步优化营商环境，提出如下意见。'] }]);
  });

  it('names the front matter’s lines as a range when it has more than one', () => {
    const { notes } = segment(['本刊由文康政策研究中心编印，仅供内部参考。', '二〇二三年第五期', '', '上海市人民政府关于进一步优化营商环境的意见', '各区人民政府：', '为进一步优化营商环境，提出如下意见。']);
    expect(notes).toEqual(['f.txt：第 1–2 行是卷首内容（没有标题和结构），不作为文档']);
  });

  // 新疆维吾尔自治区质监局关于进一步加强新闻宣传工作的通知 (test-data/database-exports): its attachments are forms.
  it('never takes a form’s lines for a title: its blanks (年  月  日, （签章）), or its cells joined from ten lines or more', () => {
    const notice = ['新疆维吾尔自治区质监局关于进一步加强新闻宣传工作的通知', '各直属单位：', '现就加强信息宣传工作通知如下。', '附件2：', '宣传报道申报单'];
    const titles = (tail: RawParagraph[]) => segmentFile('f.txt', [...raw(notice), ...tail], []).docs.map((d) => d.title?.text ?? null);
    const at = (text: string, firstLine: number, lastLine: number): RawParagraph => ({ text, pages: [], firstLine, lastLine, boxStart: false });
    expect(titles([at('区局办公室意见（签章）', 10, 10)])).toEqual([notice[0]]);
    expect(titles([at('年 月 日区局办公室意见', 10, 12)])).toEqual([notice[0]]);
    const cells = '填报单位分管领导情况姓名职务办公电话手机号码单位意见';
    expect(titles([at(cells, 10, 20)])).toEqual([notice[0]]);
    // Nine lines apart (a title over four lines, blank lines between) it may still be one.
    expect(titles([at(cells, 10, 19)])).toEqual([notice[0], cells]);
  });

  it('keeps an untitled first part that has structure or addressees', () => {
    const { docs, notes } = segment(['一、总体要求', '坚持稳中求进。', '', '上海市人民政府关于进一步优化营商环境的意见', '各区人民政府：', '为进一步优化营商环境，提出如下意见。']);
    expect(notes).toEqual([]);
    expect(shape(docs).map((d) => d.title)).toEqual([null, '上海市人民政府关于进一步优化营商环境的意见']);
  });

  it('gives the 文号 printed above a title to that title’s document', () => {
    const { docs } = segment([
      '上海市人民政府关于进一步优化营商环境的意见',
      '各区人民政府：',
      '为进一步优化营商环境，提出如下意见。',
      '沪府发〔2023〕5号',
      '上海市人民政府关于印发上海市促进外贸稳增长若干措施的通知',
      '各区人民政府：',
      '现将措施印发给你们。',
    ]);
    expect(shape(docs)).toEqual([
      { title: '上海市人民政府关于进一步优化营商环境的意见', paras: ['各区人民政府：', '为进一步优化营商环境，提出如下意见。'] },
      { title: '上海市人民政府关于印发上海市促进外贸稳增长若干措施的通知', paras: ['沪府发〔2023〕5号', '各区人民政府：', '现将措施印发给你们。'] },
    ]);
  });

  it('starts an interpretation of the document before it at 政策解读', () => {
    const { docs } = segment(['青岛市政务服务管理办法', '第一条为了规范政务服务，制定本办法。', '第二条本办法适用于本市。', '政策解读', '一、制定背景', '为规范政务服务，市政府制定了本办法。', '解读', '一、主要内容', '本办法共八章。']);
    expect(docs.map((d) => [d.title?.text ?? null, d.interprets ? docs.indexOf(d.interprets) : null, d.paras.length])).toEqual([
      ['青岛市政务服务管理办法', null, 2],
      [null, 0, 2],
      // A second interpretation interprets the document, not the first interpretation.
      [null, 0, 2],
    ]);
  });

  it('ends a document at its sign-off and starts the next one after it', () => {
    const { docs } = segment(['上海市人民政府关于进一步优化营商环境的意见', '各区人民政府：', '为进一步优化营商环境，提出如下意见。', '文康政策研究中心秘书处', '近日，青岛市出台79条措施。', '措施涵盖市场准入等方面。', '转自青岛日报', '', '据新华社报道，国务院常务会议部署推进工作。']);
    expect(docs.map((d) => [d.title?.text ?? null, d.signoff, d.paras.map((p) => p.text)])).toEqual([
      ['上海市人民政府关于进一步优化营商环境的意见', '文康政策研究中心秘书处', ['各区人民政府：', '为进一步优化营商环境，提出如下意见。']],
      [null, '转自青岛日报', ['近日，青岛市出台79条措施。', '措施涵盖市场准入等方面。']],
      [null, null, ['据新华社报道，国务院常务会议部署推进工作。']],
    ]);
  });

  it('does not take an issuing body before its date line, or the name under a one-line header, for a sign-off', () => {
    const { docs } = segment(['上海市人民政府关于进一步优化营商环境的意见', '各区人民政府：', '为进一步优化营商环境，提出如下意见。', '上海市人民政府办公厅', '2023年6月13日']);
    expect(docs.map((d) => [d.signoff, d.paras.length])).toEqual([[null, 4]]);
  });

  it("does not end a document at a form's blank signature (××人民法院 in a template printed as its attachment)", () => {
    // 最高人民法院关于综合治理类司法建议工作若干问题的规定, its 附件2 (a 司法建议书 template), as pdf.js extracted it.
    const { docs } = segment([
      '最高人民法院关于综合治理类司法建议工作若干问题的规定',
      '第一条 为规范人民法院综合治理类司法建议工作，制定本规定。',
      '请你单位在收到本建议书后及时研究，采取有力措施推进××问题治理，并在×个月内向我院书面反馈工作进展情况。',
      '（院印）',
      '××人民法院',
      '年月日',
      '联系人：××× ×××× （联系电话）',
      '附件3',
      '封面样式',
    ]);
    expect(docs.map((d) => [d.title?.text ?? null, d.signoff, d.paras.length])).toEqual([['最高人民法院关于综合治理类司法建议工作若干问题的规定', null, 8]]);
  });

  it("does not end a signed notice at a 来源： line of its attachment's table (国务院办公厅关于加强三级公立医院绩效考核工作的意见, pdftotext)", () => {
    const { docs } = segment([
      '国务院办公厅关于加强三级公立医院绩效考核工作的意见',
      '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
      '国家制定《三级公立医院绩效考核指标》（见附件）供各地使用，同时确定部分指标作为国家监测指标。',
      '国务院办公厅',
      '2019年1月16日',
      '附件',
      '三级公立医院绩效考核指标',
      '计算方法：日间手术台次数/同期出院患者择期手术总台次数×100%。 指标',
      '来源：国家卫生健康委',
      '计算方法：出院患者手术台次数/同期出院患者总人次数×100%。',
    ]);
    expect(docs.map((d) => [d.title?.text ?? null, d.signoff, d.paras.length])).toEqual([['国务院办公厅关于加强三级公立医院绩效考核工作的意见', null, 9]]);
  });

  describe('after a signed notice', () => {
    const head = ['上海市商务委员会关于印发《上海市促进外贸稳增长若干措施》的通知', '各区人民政府：', '现将《上海市促进外贸稳增长若干措施》印发给你们，请认真贯彻执行。', '上海市商务委员会', '2023年6月13日'];

    it('keeps the title it announces, with its text, in the notice', () => {
      const { docs } = segment([...head, '上海市促进外贸稳增长若干措施', '一、总体要求', '坚持稳中求进。']);
      expect(shape(docs)).toEqual([{ title: head[0], paras: [...head.slice(1), '上海市促进外贸稳增长若干措施', '一、总体要求', '坚持稳中求进。'] }]);
    });

    it('keeps a title after an 附件 label, and starts a new document at a title it does not announce', () => {
      const { docs } = segment([...head, '附件', '上海市外贸企业服务事项清单', '一、服务事项', '上海市优化营商环境条例', '第一条为了持续优化营商环境，制定本条例。']);
      expect(shape(docs)).toEqual([
        { title: head[0], paras: [...head.slice(1), '附件', '上海市外贸企业服务事项清单', '一、服务事项'] },
        { title: '上海市优化营商环境条例', paras: ['第一条为了持续优化营商环境，制定本条例。'] },
      ]);
    });
  });

  it('keeps a law’s 附件 (its label, then a title with a note of its own) in the law, signed or not', () => {
    // The end of 中华人民共和国国徽法 as printed (real text, pdftotext).
    const law = ['中华人民共和国国徽法', '第十九条 本法自1991年10月1日起施行。'];
    const annex = ['附件:', '中华人民共和国国徽图案', '（1950年6月28日中央人民政府委员会第八次会议通过）', '说明：国徽的内容为国旗、天安门、齿轮和麦稻穗。'];
    expect(shape(segment([...law, ...annex]).docs)).toEqual([{ title: law[0], paras: [law[1], ...annex] }]);
    // After a sign-off the document is over: what follows starts one of its own, label or not.
    const signed = ['上海市商务委员会关于做好外贸工作的通知', '各区人民政府：', '现将《上海市外贸企业服务事项清单》印发给你们。', '上海市商务委员会', '2023年6月13日', '上海市商务委员会办公室'];
    expect(shape(segment([...signed, '上海市外贸企业服务事项清单', '一、服务事项。']).docs).map((d) => d.title)).toEqual([signed[0], '上海市外贸企业服务事项清单']);
    // Without the label the title starts a document of its own, as before.
    expect(shape(segment([...law, ...annex.slice(1)]).docs).map((d) => d.title)).toEqual([law[0], annex[1]]);
  });

  it('keeps what a notice’s title issues in the notice when its date is printed without the body that signs it', () => {
    // 新余市人民政府办公室关于印发《新余市新余市绿色建筑管理办法》的通知 (余府发〔2012〕3号) as 北大法宝 exports it: the
    // date alone under the text, then the 办法 (the title it issues doubles 新余市, as printed).
    const notice = ['新余市人民政府办公室关于印发《新余市新余市绿色建筑管理办法》的通知', '（余府发〔2012〕3号）', '各县（区）人民政府、管委会，市政府各部门，市直各单位：', '《新余市绿色建筑管理办法》已经市人民政府第7次常务会议审议通过，现予印发，请认真遵照执行。', '二○一二年一月九日'];
    const issued = ['新余市绿色建筑管理办法', '第一章　总则', '第一条　为了加强绿色建筑管理，制定本办法。'];
    expect(shape(segment([...notice, ...issued]).docs)).toEqual([{ title: notice[0], paras: [...notice.slice(1), ...issued] }]);
    // A title the notice's text only names (根据《…》) starts a text of its own when nothing signs the notice.
    const cites = ['新余市人民政府办公室关于加强绿色建筑管理的通知', '各县（区）人民政府：', '根据《新余市绿色建筑管理办法》，现就有关事项通知如下。', '二○一二年一月九日'];
    expect(shape(segment([...cites, ...issued]).docs).map((d) => d.title)).toEqual([cites[0], issued[0]]);
    // Two paragraphs above the date are enough (addressees and text); a date under the title alone is no signature.
    expect(segment([notice[0], notice[2], notice[3], notice[4], ...issued]).docs).toHaveLength(1);
    expect(shape(segment([notice[0], notice[1], notice[4], notice[3], ...issued]).docs).map((d) => d.title)).toEqual([notice[0], issued[0]]);
    // A title that names an issuing notice without being one (贯彻落实《…关于印发…的通知》的意见) issues nothing.
    const follows = ['新余市人民政府办公室关于贯彻落实《江西省人民政府关于印发新余市绿色建筑管理办法的通知》的意见', '各县（区）人民政府：', '现提出如下意见。', '二○一二年一月九日'];
    expect(shape(segment([...follows, ...issued]).docs).map((d) => d.title)).toEqual([follows[0], issued[0]]);
  });

  it('takes a publication’s name above a title with its 文号 for front matter', () => {
    const { docs, notes } = segment(['最高人民法院公报', '最高人民法院关于审理民间借贷案件适用法律若干问题的规定', '法释〔2015〕18号', '为正确审理民间借贷纠纷案件，制定本规定。']);
    expect(notes).toEqual(['f.txt：第 1 行是卷首内容（没有标题和结构），不作为文档']);
    expect(shape(docs)).toEqual([{ title: '最高人民法院关于审理民间借贷案件适用法律若干问题的规定', paras: ['法释〔2015〕18号', '为正确审理民间借贷纠纷案件，制定本规定。'] }]);
  });

  it('does not start a document at the title printed again under itself', () => {
    const { docs } = segment(['最高人民法院关于审理民间借贷案件适用法律若干问题的规定', '最高人民法院', '关于审理民间借贷案件适用法律若干问题的规定', '法释〔2015〕18号', '为正确审理民间借贷纠纷案件，制定本规定。']);
    expect(docs).toHaveLength(1);
    expect(docs[0].paras.map((p) => p.text)).toEqual(['最高人民法院', '关于审理民间借贷案件适用法律若干问题的规定', '法释〔2015〕18号', '为正确审理民间借贷纠纷案件，制定本规定。']);
  });

  it('joins a title whose first line ends in a kind word of its own when the second is too bare to be a title', () => {
    // 绍兴市村庄规划建设条例 as pdf.js extracted it (test-data/realtext-heldout): 规划 is a kind word.
    const meta = ['2020年4月29日绍兴市第八届人民代表大会第五次会议审议通过', '2020年7月31日浙江省第十三届人民代表大会常务委员会第二十二次会议批准'];
    const body = ['第一章 总则', '第一条 为了规范村庄规划建设活动，制定本条例。'];
    const joined = segment(['绍兴市村庄规划', '建设条例', ...meta, ...body]);
    expect(shape(joined.docs)).toEqual([{ title: '绍兴市村庄规划建设条例', paras: [...meta, ...body] }]);
    expect(joined.notes).toEqual([]);
    // Eight characters are still bare (建设管理实施办法); nine name a subject, a title of its own, and the line
    // above it is then a heading over it (front matter), not its first half.
    expect(shape(segment(['绍兴市村庄规划', '建设管理实施办法', ...meta, ...body]).docs)[0].title).toBe('绍兴市村庄规划建设管理实施办法');
    const apart = segment(['绍兴市国土空间总体规划', '绍兴市村庄建设条例', ...meta, ...body]);
    expect(shape(apart.docs)).toEqual([{ title: '绍兴市村庄建设条例', paras: [...meta, ...body] }]);
    expect(apart.notes).toEqual(['f.txt：第 1 行是卷首内容（没有标题和结构），不作为文档']);
  });

  it('joins a title whose second line begins by finishing the kind word the first ends in (规范 | 性文件)', () => {
    // 上海市人民代表大会常务委员会规范性文件备案审查条例, centred over two lines and extracted by pdf.js (a draw of the real-text set).
    const meta = ['2021年5月21日上海市第十五届人民代表大会常务委员会第三十一次会议通过', '2024年11月28日上海市第十六届人民代表大会常务委员会第十七次会议修正'];
    const body = ['第一章 总则', '第一条 为了进一步规范备案审查工作，制定本条例。'];
    const { docs } = segment(['上海市人民代表大会常务委员会规范', '性文件备案审查条例', ...meta, ...body]);
    expect(shape(docs)).toEqual([{ title: '上海市人民代表大会常务委员会规范性文件备案审查条例', paras: [...meta, ...body] }]);
    // A line that begins a word of its own after a title ending in its kind is still a title of its own (two titles of a list).
    expect(shape(segment(['上海市城市规划条例', '浦东新区城市更新条例', ...meta, ...body]).docs).map((d) => d.title)).toEqual(['浦东新区城市更新条例']);
    expect(shape(segment(['上海市城市规划条例', '浦东新区城市更新的若干规定', ...meta, ...body]).docs).map((d) => d.title)).toEqual(['浦东新区城市更新的若干规定']);
  });

  it('joins a title wrapped so that its last words became a paragraph of their own', () => {
    const { docs } = segment(['中国银保监会办公厅关于切实支持小微企业和', '', '“三农”发展的指导意见', '各银保监局：', '为切实支持小微企业发展，提出如下意见。']);
    expect(shape(docs)).toEqual([{ title: '中国银保监会办公厅关于切实支持小微企业和“三农”发展的指导意见', paras: ['各银保监局：', '为切实支持小微企业发展，提出如下意见。'] }]);
  });
});

describe('segmentFile: titles, interpretations and front matter (survivors of the first mutation run)', () => {
  const notice = ['上海市人民政府关于进一步优化营商环境的意见', '各区人民政府：', '为进一步优化营商环境，提出如下意见。'];

  it('takes a title that ends in no kind word when a news header or a law’s metadata follows it', () => {
    const { docs } = segment([...notice, '山东青岛79条措施优化营商环境', '发布日期：2021-04-09', '来源：青岛日报', '近日，青岛市出台79条措施。']);
    expect(shape(docs).map((d) => d.title)).toEqual([notice[0], '山东青岛79条措施优化营商环境']);
    const law = segment([...notice, '中华人民共和国中国人民银行法', '（1995年3月18日第八届全国人民代表大会第三次会议通过　2003年12月27日第十届全国人民代表大会常务委员会第六次会议修正）', '第一条　为了确立中国人民银行的地位，制定本法。']);
    expect(shape(law.docs)).toEqual([
      { title: notice[0], paras: notice.slice(1) },
      { title: '中华人民共和国中国人民银行法', paras: ['（1995年3月18日第八届全国人民代表大会第三次会议通过　2003年12月27日第十届全国人民代表大会常务委员会第六次会议修正）', '第一条　为了确立中国人民银行的地位，制定本法。'] },
    ]);
  });

  it('takes a title of four characters', () => {
    expect(shape(segment(['工作方案', '一、总体要求', '坚持稳中求进。']).docs)).toEqual([{ title: '工作方案', paras: ['一、总体要求', '坚持稳中求进。'] }]);
  });

  it('does not take the issuing body printed above a letter for its title', () => {
    const { docs } = segment(['上海市商务委员会', '各区商务主管部门：', '现将有关事项通知如下。']);
    expect(shape(docs)).toEqual([{ title: null, paras: ['上海市商务委员会', '各区商务主管部门：', '现将有关事项通知如下。'] }]);
  });

  it('keeps a lone untitled text, and sets apart front matter whose colon is inside its text', () => {
    expect(segment(['近日，青岛市出台79条措施。'])).toEqual({ docs: [expect.objectContaining({ title: null, paras: [expect.objectContaining({ text: '近日，青岛市出台79条措施。' })] })], notes: [] });
    const { docs, notes } = segment(['编者按：本期刊发青岛市优化营商环境的最新举措。', '', ...notice]);
    expect(notes).toEqual(['f.txt：第 1 行是卷首内容（没有标题和结构），不作为文档']);
    expect(shape(docs)).toEqual([{ title: notice[0], paras: notice.slice(1) }]);
  });

  it('takes a title ending in 政策解读 for a titled document, and 政策解读 inside a sentence for text; drops a last 政策解读 with no text', () => {
    const { docs } = segment(['青岛市政务服务管理办法', '第一条为了规范政务服务，制定本办法。', '《青岛市政务服务管理办法》政策解读', '现就《办法》作如下政策解读：', '一、制定背景', '政策解读']);
    expect(docs.map((d) => [d.title?.text ?? null, d.interprets ? docs.indexOf(d.interprets) : null, d.paras.map((p) => p.text)])).toEqual([
      ['青岛市政务服务管理办法', null, ['第一条为了规范政务服务，制定本办法。']],
      ['《青岛市政务服务管理办法》政策解读', null, ['现就《办法》作如下政策解读：', '一、制定背景']],
    ]);
  });

  it('does not end a document at a body paragraph that ends in an issuing body but is punctuated', () => {
    const { docs } = segment([...notice, '各区于每季度末将落实情况，报市商务委员会', '本意见自印发之日起施行。']);
    expect(docs.map((d) => [d.signoff, d.paras.length])).toEqual([[null, 4]]);
  });

  it('does not start a document at the title printed again under its 文号, PDF spaces aside', () => {
    const { docs } = segment(['上海市人民政府 关于进一步优化营商环境的意见', '沪府发〔2023〕5号', '上海市人民政府关于进一步优化 营商环境的意见', '各区人民政府：', '为进一步优化营商环境，提出如下意见。']);
    expect(shape(docs)).toEqual([{ title: '上海市人民政府 关于进一步优化营商环境的意见', paras: ['沪府发〔2023〕5号', '上海市人民政府关于进一步优化 营商环境的意见', '各区人民政府：', '为进一步优化营商环境，提出如下意见。'] }]);
  });

  it('does not start a document at the title printed again with its joint issuers apart, or at its last line alone', () => {
    // As in real judicial interpretations (LawRefBook/Laws 司法解释, saved as Markdown): the title, its adoption line,
    // then the title as printed — issuers spaced or one to a line, no 、 — and the 文号.
    const meta = '2024年11月4日 最高人民法院审判委员会第1930次会议、2024年6月27日最高人民检察院第十四届检察委员会第三十二次会议通过';
    const title = '最高人民法院、最高人民检察院关于办理袭警刑事案件适用法律若干问题的解释';
    const body = ['高检发释字〔2025〕1号', '为依法惩治袭警犯罪，根据刑法的有关规定，制定本解释。', '第一条 袭击正在依法执行职务的人民警察的，依照刑法处罚。'];
    expect(segment([title, meta, '最高人民法院 最高人民检察院 关于办理袭警刑事案件适用法律 若干问题的解释', ...body]).docs.map((d) => d.title?.text)).toEqual([title]);
    expect(segment([title, meta, '最高人民法院 最高人民检察院', '关于办理袭警刑事案件适用法律若干问题的解释', ...body]).docs.map((d) => d.title?.text)).toEqual([title]);
    // Its first lines taken out as the title's echo, the last one stands alone.
    expect(segment([title, meta, '若干问题的解释', ...body]).docs.map((d) => d.title?.text)).toEqual([title]);
    const eighth = '最高人民法院、最高人民检察院关于执行《中华人民共和国刑法》确定罪名的补充规定（八）';
    expect(segment([eighth, meta, '确定罪名的补充规定（八）', '法释〔2024〕3号', '根据《中华人民共和国刑法修正案（十二）》，现对罪名补充规定如下。']).docs.map((d) => d.title?.text)).toEqual([eighth]);
    // After a line that ends as a sentence does, only the whole title, over the lines before it, is the title again.
    const rule = '最高人民法院关于人民法院执行工作若干问题的规定';
    const noted = [rule, '本规定经最高人民法院审判委员会讨论通过，现予公布。'];
    const opening = '第一条 为了保障人民法院依法执行，制定本规定。';
    expect(segment([...noted, '最高人民法院', '关于人民法院执行工作', '若干问题的规定', opening]).docs.map((d) => d.title?.text)).toEqual([rule]);
    expect(segment([...noted, '关于人民法院执行工作若干问题的规定', opening]).docs.map((d) => d.title?.text)).toEqual([rule, '关于人民法院执行工作若干问题的规定']);
    // A title of another text after a title and its adoption line is that text's.
    expect(segment([title, meta, '中华人民共和国人民警察法实施条例', '第一条 为了维护社会治安秩序，制定本条例。']).docs.map((d) => d.title?.text)).toEqual([title, '中华人民共和国人民警察法实施条例']);
    // After text of its own, the same words are a new document.
    expect(segment([eighth, meta, '根据刑法修正案，现作如下规定。', '确定罪名的补充规定（八）', '法释〔2024〕3号', '根据《中华人民共和国刑法修正案（十二）》，现对罪名补充规定如下。']).docs.map((d) => d.title?.text)).toEqual([eighth, '确定罪名的补充规定（八）']);
  });

  it('starts a new article at a new text box after three paragraphs of a newsletter, not at a numbered one', () => {
    const { docs } = segment(['山东青岛出台79条措施优化营商环境', '近日，青岛市出台79条措施。', '措施涵盖市场准入等方面。', '措施自发布之日起施行。', ' 据新华社报道，国务院常务会议部署推进工作。', '会议要求抓好落实。']);
    expect(shape(docs)).toEqual([
      { title: '山东青岛出台79条措施优化营商环境', paras: ['近日，青岛市出台79条措施。', '措施涵盖市场准入等方面。', '措施自发布之日起施行。'] },
      { title: null, paras: ['据新华社报道，国务院常务会议部署推进工作。', '会议要求抓好落实。'] },
    ]);
    const numbered = segment(['山东青岛出台79条措施优化营商环境', '近日，青岛市出台79条措施。', '措施涵盖市场准入等方面。', '措施自发布之日起施行。', ' 一、放宽市场准入', '会议要求抓好落实。']);
    expect(numbered.docs).toHaveLength(1);
    // An official document (its 文号, its addressees) runs to its signature, indented paragraphs or not.
    const notice = ['国务院办公厅关于对国务院第五次大督查发现的典型经验做法给予表扬的通报', '国办发〔2018〕108号', '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：', '为进一步推动重大决策部署贯彻落实，国务院部署开展了第五次大督查。'];
    expect(segment([...notice, ' 为表扬先进，树立典型，对130项地方典型经验做法予以通报表扬。', '国务院办公厅', '2018年11月19日']).docs).toHaveLength(1);
    expect(segment([notice[0], notice[3], '近日，青岛市出台79条措施。', '措施自发布之日起施行。', ' 为表扬先进，树立典型，对130项地方典型经验做法予以通报表扬。']).docs).toHaveLength(2);
    // Only its opening says so: a 文号 quoted further down a newsletter's article does not.
    expect(segment([notice[0], notice[3], '近日，青岛市出台79条措施。', '措施自发布之日起施行。', '国办发〔2018〕108号', '各地区要抓好落实。', ' 为表扬先进，树立典型，对130项地方典型经验做法予以通报表扬。']).docs).toHaveLength(2);
    // After the signature, a body's name alone is a cell of the attachment's table (gov.cn's 国办发〔2018〕126号 copied:
    // 序号 | 改革举措 | 主要内容 | 指导部门 | 推广范围, a cell a line), not an article's sign-off.
    const cells = ['附件', '第二批支持创新相关改革举措推广清单', '1', '技术股与现金股结合激励的科技成果转化相关方利益捆绑机制', '转制院所以组合形式持有股权，提升科技成果转化效率。', '科技部', '全国', '2', '区域性股权市场设置科技创新专板', '在区域性股权市场推出科技创新板，开拓融资渠道。', '中国证监会', '全国'];
    expect(segment([...notice, '各地区、各部门要结合实际推广。', '国务院办公厅', '2018年12月23日', ...cells]).docs).toHaveLength(1);
    // Unsigned, it ends a reprinted article as before.
    expect(segment(['山东青岛出台79条措施优化营商环境', '近日，青岛市出台79条措施。', '措施自发布之日起施行。', '青岛市商务局', '山东济南出台新政', '济南市出台新政。']).docs).toHaveLength(2);
    // A new article that is one paragraph and its date.
    expect(segment(['山东青岛出台79条措施优化营商环境', '近日，青岛市出台79条措施。', '措施涵盖市场准入等方面。', '措施自发布之日起施行。', ' 据新华社报道，国务院常务会议部署推进工作。', '2023年5月1日']).docs).toHaveLength(2);
    // A signature set off so (gov.cn's 国办函〔1996〕16号 as copied: ' 国务院办公厅' over its date) ends the document.
    const reply = ['国务院办公厅关于黄金经济政策有关问题的复函', '国家经贸委、冶金部：', '国家经贸委的意见和冶金部的请示收悉。', '另外，白银的经济政策继续按照有关规定执行。'];
    expect(shape(segment([...reply, ' 国务院办公厅', '一九九六年二月九日', '（本文有删减）']).docs)).toEqual([{ title: reply[0], paras: [...reply.slice(1), '国务院办公厅', '一九九六年二月九日', '（本文有删减）'] }]);
    // So in a notice that prints neither 文号 nor addressees.
    const plainNotice = ['上海市人民政府关于进一步优化营商环境的通知', '为进一步优化营商环境，现通知如下。', '一要加强组织领导。', '二要狠抓工作落实。'];
    expect(segment([...plainNotice, ' 上海市人民政府', '2023年5月1日']).docs).toHaveLength(1);
  });

  it('gives a title joined from two paragraphs the pages of both', () => {
    const paras: RawParagraph[] = [
      { text: '中国银保监会办公厅关于切实支持小微企业和', pages: [4], firstLine: 1, lastLine: 1, boxStart: false },
      { text: '“三农”发展的指导意见', pages: [5], firstLine: 3, lastLine: 3, boxStart: false },
      { text: '各银保监局：', pages: [5], firstLine: 4, lastLine: 4, boxStart: false },
    ];
    expect(segmentFile('f.txt', paras, []).docs[0].title).toMatchObject({ text: '中国银保监会办公厅关于切实支持小微企业和“三农”发展的指导意见', pages: [4, 5], firstLine: 1, lastLine: 3 });
  });

  it('gives a titled document the furniture between its title and its first paragraph', () => {
    const header: Removed = { kind: 'running-header', lines: [{ no: 2, text: '营商环境政策汇编', page: null }], text: '营商环境政策汇编' };
    const { docs } = segment([notice[0], '', ...notice.slice(1)], [header]);
    expect(docs[0].furniture).toEqual([header]);
  });
});

describe('segmentFile: what a signed notice issues (survivors of the first mutation run)', () => {
  const measures = '上海市促进外贸稳增长若干措施';

  it('keeps the title its text announces, without the qualifier in parentheses; a title its notice names only in its own title too', () => {
    const byText = segment(['上海市商务委员会关于印发两项措施的通知', '各区人民政府：', `现将《${measures}》印发给你们，请认真贯彻执行。`, '上海市商务委员会', '2023年6月13日', '（此件公开发布）', `${measures}（试行）`, '一、总体要求']);
    expect(byText.docs).toHaveLength(1);
    const byTitle = segment([`上海市商务委员会关于印发${measures}的通知`, '各区人民政府：', '现将措施印发给你们，请认真贯彻执行。', '上海市商务委员会', '2023年6月13日', measures, '一、总体要求']);
    expect(byTitle.docs).toHaveLength(1);
  });

  it('takes a notice signed right under its addressees as signed, and one without a signature as not', () => {
    const signed = segment([`上海市商务委员会关于印发${measures}的通知`, '各区人民政府：', '上海市商务委员会', '2023年6月13日', measures, '一、总体要求']);
    expect(signed.docs).toHaveLength(1);
    const unsigned = segment([`上海市商务委员会关于印发${measures}的通知`, '各区人民政府：', `现将《${measures}》印发给你们。`, measures, '一、总体要求']);
    expect(shape(unsigned.docs).map((d) => d.title)).toEqual([`上海市商务委员会关于印发${measures}的通知`, measures]);
  });
});

describe('a heading that lost its number', () => {
  // As in a real file (山东省城乡规划条例, test-data/markdown/raw/dlc58.txt): 第二节 printed as its name alone.
  const law = (next: string) => [
    '山东省城乡规划条例',
    '第四十七条 建设项目选址意见书应当载明建设项目名称、位置和规模。',
    '第四十八条 建设工程开工前，建设单位应当设置建设工程规划公示牌。公示牌应当载明下列内容：',
    '（一）建设项目名称；',
    '（二）建设规模。',
    '乡村建设规划',
    next,
    '第二条 县级以上人民政府应当加强乡村建设规划管理。',
  ];

  it('is a heading inside the document when the article after it goes on from the one before', () => {
    const docs = shape(segment(law('第四十九条 使用农村集体土地进行建设的，应当提出申请。')).docs);
    expect(docs.map((d) => d.title)).toEqual(['山东省城乡规划条例']);
    expect(docs[0].paras).toContain('乡村建设规划');
    // The article before it the first paragraph of the document.
    const one = ['山东省城乡规划条例', '第四十八条 建设工程开工前，应当设置公示牌。', '乡村建设规划', '第四十九条 使用农村集体土地进行建设的，应当提出申请。'];
    expect(shape(segment(one).docs).map((d) => d.title)).toEqual(['山东省城乡规划条例']);
  });

  it('starts a document when the articles start again, or jump', () => {
    expect(shape(segment(law('第一条 为了加强乡村建设规划管理，制定本规划。')).docs).map((d) => d.title)).toEqual(['山东省城乡规划条例', '乡村建设规划']);
    expect(shape(segment(law('第五十条 使用农村集体土地进行建设的，应当提出申请。')).docs).map((d) => d.title)).toEqual(['山东省城乡规划条例', '乡村建设规划']);
  });
});

// gov-33 as gov.cn copies it (test-data/database-exports/raw/gov-33.txt): the State Council's order, then the regulation.
describe('a promulgation order above the text it promulgates', () => {
  const ORDER = ['中华人民共和国国务院令', '', '第707号', '', '现公布修订后的《中华人民共和国个人所得税法实施条例》，自2019年1月1日起施行。', '', '总理 李克强', '', '2018年12月18日', ''];
  const REGULATION = ['中华人民共和国个人所得税法实施条例', '', '（1994年1月28日中华人民共和国国务院令第142号发布 2018年12月18日中华人民共和国国务院令第707号第四次修订）', '', '第一条 根据《中华人民共和国个人所得税法》，制定本条例。', '第二条 个人所得税法所称在中国境内有住所，是指习惯性居住。'];

  it('is one document with it: the text, under its own title, the order kept apart', () => {
    const { docs } = segment([...ORDER, ...REGULATION]);
    expect(shape(docs)).toEqual([{ title: REGULATION[0], paras: [REGULATION[2], REGULATION[4], REGULATION[5]] }]);
    expect(docs[0].order?.heading.text).toBe('中华人民共和国国务院令');
    expect(docs[0].order?.paras.map((p) => p.text)).toEqual(['第707号', ORDER[4], '总理 李克强', '2018年12月18日']);
  });

  it('stays a document of its own where the next title is not what it names, or it names nothing', () => {
    const other = ['中华人民共和国企业所得税法实施条例', ...REGULATION.slice(1)];
    expect(shape(segment([...ORDER, ...other]).docs).map((d) => d.title)).toEqual(['中华人民共和国国务院令', other[0]]);
    const unnamed = ORDER.map((t) => (t.startsWith('现公布') ? '现公布修订后的实施条例，自2019年1月1日起施行。' : t));
    expect(shape(segment([...unnamed, ...REGULATION]).docs).map((d) => d.title)).toEqual(['中华人民共和国国务院令', REGULATION[0]]);
    // A heading that is a title of its own kind (关于…的命令) is no order's.
    // At the end of the file, nothing after it.
    expect(shape(segment(ORDER).docs).map((d) => d.title)).toEqual(['中华人民共和国国务院令']);
    const command = ['国务院关于发布《中华人民共和国个人所得税法实施条例》的命令', ...ORDER.slice(1)];
    expect(shape(segment([...command, ...REGULATION]).docs).map((d) => d.title)).toEqual([command[0], REGULATION[0]]);
  });
});
