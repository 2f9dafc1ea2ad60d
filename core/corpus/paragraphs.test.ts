import { describe, expect, it } from 'vitest';
import { toLines } from './lines.js';
import { cleanInline, toParagraphs } from './paragraphs.js';

const paras = (text: string, width?: number) => toParagraphs(toLines(text).lines, width).map((p) => p.text);

describe('cleanInline', () => {
  it('removes PDF spaces between digits and CJK but keeps spaces between Latin words', () => {
    expect(cleanInline('上海海关等11 部门于2023 年6 月13 日')).toBe('上海海关等11部门于2023年6月13日');
    expect(cleanInline('WINCON  LAW\tFIRM')).toBe('WINCON LAW FIRM');
    expect(cleanInline('“走万企\t 提信心\t 优服务”')).toBe('“走万企 提信心 优服务”');
  });
});

describe('toParagraphs', () => {
  it('joins wrapped lines, also after 、 and ，, without spaces between CJK', () => {
    const text = ['为深入贯彻党的二十大和中央经济工作会议精神，', '认真落实党中央、', '国务院关于优化营', '商环境决策部署，现印发给你们。', '各区要抓好落实。'].join('\n');
    expect(paras(text, 40)).toEqual(['为深入贯彻党的二十大和中央经济工作会议精神，认真落实党中央、国务院关于优化营商环境决策部署，现印发给你们。', '各区要抓好落实。']);
  });
  it('starts a paragraph at every structural marker', () => {
    expect(paras('一、总体要求\n（一）指导思想。以新思想为指导\n深入贯彻。\n1.进一步压缩时间。', 40)).toEqual(['一、总体要求', '（一）指导思想。以新思想为指导深入贯彻。', '1.进一步压缩时间。']);
  });
  it('keeps a full line that ends a sentence inside its paragraph, but ends one before a blank line', () => {
    const full = '政'.repeat(38) + '。';
    expect(paras(`${full}\n后文继续。`, 40)).toEqual([`${full}后文继续。`]);
    expect(paras(`${full}\n\n新的一段。`, 40)).toEqual([full, '新的一段。']);
  });
  it('joins a title whose date is split over a page break and ends it before the 文号', () => {
    const text = '4. 上海市服务企业联席会议办公室关于印发《上海市助力中小\n微企业稳增长调结构强能力若干措施》的通知（2023 年5 月17\n\n# Page 318:\n日）\n沪企服办〔2023〕1 号\n各区人民政府：';
    const ps = toParagraphs(toLines(text).lines, 40);
    expect(ps.map((p) => p.text)).toEqual(['4. 上海市服务企业联席会议办公室关于印发《上海市助力中小微企业稳增长调结构强能力若干措施》的通知（2023年5月17日）', '沪企服办〔2023〕1号', '各区人民政府：']);
    expect(ps[0].pages).toEqual([318]);
  });
  it('joins the pieces of one justified line even when a piece ends in ；or 。', () => {
    const text = ['第十六条各级人民政府应当履行向市场主体依法作出的政策承诺以及依法订', '因国家利益、', '公共利益需要改变政策承诺、', '合同约定的，', '应当依照法定权限和程序进行；', '给市场主体造成损失的，应当依法予以补偿。', '第十七条国家机关不得拖欠账款。'].join('\n');
    expect(paras(text, 38)).toEqual(['第十六条各级人民政府应当履行向市场主体依法作出的政策承诺以及依法订因国家利益、公共利益需要改变政策承诺、合同约定的，应当依照法定权限和程序进行；给市场主体造成损失的，应当依法予以补偿。', '第十七条国家机关不得拖欠账款。']);
  });
  it('keeps Latin words apart across a line break', () => {
    expect(paras('the Authorized Economic\nOperator programme', 40)).toEqual(['the Authorized Economic Operator programme']);
  });
  it('drops a heading the PDF printed twice, the second time in fragments', () => {
    const text = '正文第一段结束了，这里是很长的一行用于确定页面宽度的文字内容。\n聚焦企业成长“痛点”，降低创业门槛\n聚焦企业成长\n，降低创业门槛\n《方案》中提出，进一步加强检查。';
    expect(paras(text, 40)).toEqual(['正文第一段结束了，这里是很长的一行用于确定页面宽度的文字内容。', '聚焦企业成长“痛点”，降低创业门槛', '《方案》中提出，进一步加强检查。']);
  });

  // Real text of 中华人民共和国中国人民银行法 第五条 (LawRefBook/Laws), printed with two-character indents.
  it('starts a paragraph at every indent where the file indents its paragraphs, even after a full line', () => {
    const lines = [
      '　　第五条　中国人民银行就年度货币供应量、利率、汇率和国务院规定的其',
      '他重要事项作出的决定，报国务院批准后执行。',
      '　　中国人民银行就前款规定以外的其他有关货币政策事项作出决定后，即予',
      '执行，并报国务院备案。',
      '　　第六条　中国人民银行应当向全国人民代表大会常务委员会提出有关货币',
      '政策情况和金融业运行情况的工作报告。',
    ];
    // A page width the second line fills: only the indent says the paragraph ends there.
    expect(paras(lines.join('\n'), 21)).toEqual([
      '第五条 中国人民银行就年度货币供应量、利率、汇率和国务院规定的其他重要事项作出的决定，报国务院批准后执行。',
      '中国人民银行就前款规定以外的其他有关货币政策事项作出决定后，即予执行，并报国务院备案。',
      '第六条 中国人民银行应当向全国人民代表大会常务委员会提出有关货币政策情况和金融业运行情况的工作报告。',
    ]);
  });

  it('measures indents from the page margin (pdftotext -layout shifts every line)', () => {
    const lines = [
      '         第五条 中国人民银行就年度货币供应量、利率、汇率和国务院规定的其',
      '      他重要事项作出的决定，报国务院批准后执行。',
      '         中国人民银行就前款规定以外的其他有关货币政策事项作出决定后，即予',
      '      执行，并报国务院备案。',
      '         第六条 中国人民银行应当向全国人民代表大会常务委员会提出有关货币',
      '      政策情况和金融业运行情况的工作报告。',
    ];
    expect(paras(lines.join('\n'), 21)).toEqual([
      '第五条 中国人民银行就年度货币供应量、利率、汇率和国务院规定的其他重要事项作出的决定，报国务院批准后执行。',
      '中国人民银行就前款规定以外的其他有关货币政策事项作出决定后，即予执行，并报国务院备案。',
      '第六条 中国人民银行应当向全国人民代表大会常务委员会提出有关货币政策情况和金融业运行情况的工作报告。',
    ]);
  });

  // The head of 郑州市失业保险条例 as pdftotext -layout leaves it (test-data/realtext L02).
  it('keeps each metadata event of a law one paragraph, also when it wraps before its verb', () => {
    const lines = [
      '                 郑州市失业保险条例',
      '       2004年12月22日 郑州市第十二届人民代表大会常务委员会第七次会议通',
      '                            过',
      '       2005年3月31日 河南省第十届人民代表大会常务委员会第十五次会议批准',
      '       2012年6月29日 郑州市第十三届人民代表大会常务委员会第二十九次会议',
      '                          审议通过',
      '                    第一章 总则',
      '         第一条 为保障失业人员失业期间的基本生活，促进其再就业，根据',
      '      《中华人民共和国劳动法》、国务院《失业保险条例》和《社会保险费征缴',
      '      暂行条例》等有关法律、法规规定，结合本市实际，制定本条例。',
    ];
    expect(paras(lines.join('\n'), 40)).toEqual([
      '郑州市失业保险条例',
      '2004年12月22日 郑州市第十二届人民代表大会常务委员会第七次会议通过',
      '2005年3月31日 河南省第十届人民代表大会常务委员会第十五次会议批准',
      '2012年6月29日 郑州市第十三届人民代表大会常务委员会第二十九次会议审议通过',
      '第一章 总则',
      '第一条 为保障失业人员失业期间的基本生活，促进其再就业，根据《中华人民共和国劳动法》、国务院《失业保险条例》和《社会保险费征缴暂行条例》等有关法律、法规规定，结合本市实际，制定本条例。',
    ]);
  });
});
