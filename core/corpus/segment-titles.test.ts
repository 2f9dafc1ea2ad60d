/**
 * Titles set over several parts, as web pages print them (segment.ts's joinWrappedTitles): on text in the shape
 * segmentFile takes it, one paragraph per line. Expected titles are read off the real pages named.
 */
import { describe, expect, it } from 'vitest';
import { segment, shape } from '../../test-support/segment-lines.js';

// gov.cn pages copied as text (test-data/database-exports and /work's 60-page draw): a title over three parts, a blank
// line between each; the middle ends like no title either.
describe('joinWrappedTitles: a title over three parts', () => {
  const body = ['各省、自治区、直辖市人民政府：', '为切实支持小微企业发展，提出如下意见。'];
  it('joins the three when the first names its matter (…关于) and only the last ends like a title', () => {
    const { docs } = segment(['国务院办公厅关于有效发挥政府性', '', '融资担保基金作用切实支持小微企业和', '', '“三农”发展的指导意见', '', ...body]);
    expect(shape(docs)).toEqual([{ title: '国务院办公厅关于有效发挥政府性融资担保基金作用切实支持小微企业和“三农”发展的指导意见', paras: body }]);
  });
  it('joins a first part that ends in a body’s name when it forwards (国务院办公厅转发国家地震局 | 关于… | …的通知)', () => {
    const { docs } = segment(['国务院办公厅转发国家地震局', '', '关于我国地震重点监视防御区的确定和', '', '加强防震减灾工作意见报告的通知', '', '国办发〔1996〕2号', ...body]);
    expect(shape(docs).map((d) => d.title)).toEqual(['国务院办公厅转发国家地震局关于我国地震重点监视防御区的确定和加强防震减灾工作意见报告的通知']);
  });
  // gov.cn's 国办函〔2004〕25号 copied as text: the issuer on a line of its own, then the part that names the matter.
  it('joins an issuer standing alone above a part that opens with 关于 (国务院办公厅 | 关于… | …的函)', () => {
    const { docs } = segment(['国务院办公厅', '', '关于湖北省在温家宝总理考察工作时', '', '所提问题和建议办理情况的函', '', '国办函〔2004〕25号', '湖北省人民政府：', '你省的问题和建议已办理。']);
    expect(shape(docs).map((d) => d.title)).toEqual(['国务院办公厅关于湖北省在温家宝总理考察工作时所提问题和建议办理情况的函']);
    // After another document too (a gazette's page).
    const after = segment(['上海市人民政府关于进一步优化营商环境的通知', '现将有关事项通知如下。', '', '国务院办公厅', '', '关于湖北省在温家宝总理考察工作时', '', '所提问题和建议办理情况的函', '', '国办函〔2004〕25号', '湖北省人民政府：', '你省的问题和建议已办理。']);
    expect(shape(after.docs).map((d) => d.title)).toContain('国务院办公厅关于湖北省在温家宝总理考察工作时所提问题和建议办理情况的函');
    // Not a middle part that has 关于 inside it: the issuer's line is then a signature's or a letterhead's.
    const { docs: other } = segment(['国务院办公厅', '', '总理考察工作时关于', '', '所提问题和建议办理情况的函', '', '国办函〔2004〕25号', '湖北省人民政府：', '你省的问题和建议已办理。']);
    expect(shape(other).map((d) => d.title)).not.toContain('国务院办公厅总理考察工作时关于所提问题和建议办理情况的函');
  });
  // gov.cn's 国函〔2006〕38号 copied as text: the first line ends in 会 (奥运会), as a body's name does.
  it('joins a two-part title whose first line ends like a body’s name when it names its matter (…关于…奥运会 | …的批复)', () => {
    const { docs } = segment(['国务院关于同意组建2008年北京奥运会', '', '首都国际机场协调委员会的批复', '', '国函〔2006〕38号', '民航总局：', '你局的请示收悉。现批复如下。']);
    expect(shape(docs).map((d) => d.title)).toEqual(['国务院关于同意组建2008年北京奥运会首都国际机场协调委员会的批复']);
  });
  it('does not join a signature and its date to a title below (国务院令: 总理 李克强 | 2018年11月6日 | 专利代理条例)', () => {
    const { docs } = segment(['中华人民共和国国务院令', '第706号', '《专利代理条例》已经国务院常务会议通过，现予公布。', '总理　李克强', '', '2018年11月6日', '', '专利代理条例', '第一条　为了规范专利代理行为，制定本条例。']);
    expect(shape(docs).map((d) => d.title)).not.toContain('总理　李克强2018年11月6日专利代理条例');
    expect(shape(docs).map((d) => d.title)).toContain('专利代理条例');
  });
  // gov.cn's 国办发〔2018〕114号: its attachment's figures are captioned 图1　汽车号牌编码规则, 图2　摩托车号牌编码规则.
  it('never takes a figure’s or a table’s caption for a title, whatever word it ends in', () => {
    const notice = ['国务院办公厅关于国家综合性消防救援车辆悬挂应急救援专用号牌有关事项的通知', '各省、自治区、直辖市人民政府：', '现将有关事项通知如下。', '附件：应急救援专用号牌式样'];
    const titles = segment([...notice, '图1　汽车号牌编码规则', '号牌由省份简称和编号组成。', '表2 摩托车号牌编码规则', '号牌由省份简称和编号组成。']).docs.map((d) => d.title?.text ?? null);
    expect(titles).toEqual([notice[0]]);
  });
  it('leaves three parts apart when more than one blank line parts them, or the middle one is a sentence', () => {
    const apart = segment(['国务院办公厅关于有效发挥政府性', '', '', '融资担保基金作用切实支持小微企业和', '', '“三农”发展的指导意见', ...body]);
    expect(shape(apart.docs).map((d) => d.title)).not.toContain('国务院办公厅关于有效发挥政府性融资担保基金作用切实支持小微企业和“三农”发展的指导意见');
    // The middle part is kept apart, as a paragraph of its own: a sentence, a date, a 文号, a heading.
    for (const middle of ['融资担保基金作用，切实支持小微企业', '2019年1月10日', '国办发〔2019〕6号', '一、总体要求']) {
      const paras = segment(['国务院办公厅关于有效发挥政府性', '', middle, '', '“三农”发展的指导意见', ...body]).docs.flatMap((d) => [d.title?.text, ...d.paras.map((x) => x.text)]);
      expect(paras, middle).toContain(middle);
    }
  });
});

// A compilation printed by pdftotext -layout (test-data/realtext-heldout/012l): 国旗法 ends in its figure's caption, at
// the body's indent; the next law's title is centred, a text box of its own, with its note below.
describe('joinWrappedTitles: a body line above a title set off on its own', () => {
  const tail = ['戊、长96公分，高64公分。', '国旗制法图案', '', ' 国有企业监事会暂行条例', ' （2000年2月1日 国务院第26次常务会议通过 2000年3月15日 中华人民共和国国务院令第283号发布）', '第一条 为了健全国有企业监督机制，加强对国有企业的监督，制定本条例。'];
  it('keeps the caption in the text above and the title whole', () => {
    const { docs } = segment(['中华人民共和国国旗法', '第一条 为了维护国旗的尊严，制定本法。', ...tail]);
    expect(shape(docs).map((d) => d.title)).toEqual(['中华人民共和国国旗法', '国有企业监事会暂行条例']);
    expect(shape(docs)[0].paras.at(-1)).toBe('国旗制法图案');
  });
  it('still joins a title whose two lines are both set off, or neither', () => {
    const body = ['（2016年7月11日 最高人民法院审判委员会第1688次会议通过）', '第一条 本规定所称的独立保函，是指银行出具的承诺。'];
    for (const [a, b] of [['最高人民法院关于审理独立保函', '纠纷案件若干问题的规定'], [' 最高人民法院关于审理独立保函', ' 纠纷案件若干问题的规定']]) {
      expect(shape(segment([a, b, ...body]).docs).map((d) => d.title)).toEqual(['最高人民法院关于审理独立保函纠纷案件若干问题的规定']);
    }
  });
});

// A compilation printed by pdftotext (test-data/realtext-heldout/045n): a title over four lines, its second ending in a
// kind word that is part of the title's words (…违反外汇管理规定 | 行为的…).
describe('joinWrappedTitles: a first part that names its matter but has no 的 yet', () => {
  const body = ['（1998年12月16日 国务院批准 1999年1月25日 监察部、人事部、中国人民银行、海关总署、国家外汇管理局令第7号发布）', '第一条 为了维护国家外汇管理秩序，制定本规定。'];
  it('goes on into the next part, though it ends in 规定', () => {
    const { docs } = segment(['关于骗购外汇、非法套汇、逃汇、非法买卖外汇等违反外汇管理规定', '行为的行政处分或者纪律处分暂行规定', ...body]);
    expect(shape(docs).map((d) => d.title)).toEqual(['关于骗购外汇、非法套汇、逃汇、非法买卖外汇等违反外汇管理规定行为的行政处分或者纪律处分暂行规定']);
  });
  it('ends at a kind word after its 的: a title line right under it is a title of its own', () => {
    const { docs } = segment(['关于修改部分行政法规的决定', '行政机构设置和编制管理条例', ...body]);
    expect(shape(docs).at(-1)!.title).toBe('行政机构设置和编制管理条例');
  });
});
