import { describe, expect, it } from 'vitest';
import { toLines } from './lines.js';
import { cleanInline, joinPieces, toParagraphs } from './paragraphs.js';

const paras = (text: string, width?: number) => toParagraphs(toLines(text).lines, width).map((p) => p.text);

describe('cleanInline', () => {
  it('makes a line of white space only (ideographic spaces, tabs) empty, and leaves a line with none as it is', () => {
    expect(cleanInline('\u3000 \t')).toBe('');
    expect(cleanInline('第一条为了规范政务服务，制定本办法。')).toBe('第一条为了规范政务服务，制定本办法。');
  });

  // gov.cn's 国发〔1981〕88号 copied as text: its title's second line set letter-spaced.
  it('closes up a line set letter-spaced, every character apart, and leaves words apart that are words', () => {
    expect(cleanInline('几 个 问 题 的 通 知')).toBe('几个问题的通知');
    expect(cleanInline('　关　于　印　发　')).toBe('关于印发');
    // Two characters apart may be two words (a form's 姓 名): left as they are.
    expect(cleanInline('主 任：尤 权')).toBe('主 任：尤 权');
    expect(cleanInline('姓 名')).toBe('姓 名');
    expect(cleanInline('刘金国　公安部副部长')).toBe('刘金国 公安部副部长');
  });

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
  // The contents and the first section of 国家粮食应急预案 (test-data/realtext 134), lines as pdf.js extracted them.
  it('starts a paragraph at a decimal section number (1 总则, 1.1 编制目的), not at a number wrapped onto a full line', () => {
    const text = ['目　　录', '1 总则', '1.1 编制目的及依据', '1.2 等级划分', '2 组织机构和职责', '1 总则', '1.1 编制目的及依据', '为了有效监测和控制各类突发公共事件或者其他原因引起的国内粮。'].join('\n');
    expect(paras(text, 32)).toEqual(['目 录', '1总则', '1.1编制目的及依据', '1.2等级划分', '2组织机构和职责', '1总则', '1.1编制目的及依据', '为了有效监测和控制各类突发公共事件或者其他原因引起的国内粮。']);
    // A number in a sentence that wraps onto the next line: the line above is full and the sentence goes on.
    const wrapped = ['省级粮食应急工作指挥部接到国家粮食应急工作指挥部通知后，按照本预案第', '4.2 节的规定组织实施，并及时报告执行情况。'];
    expect(paras(wrapped.join('\n'), 34)).toEqual([wrapped.join('').replace(' ', '')]);
    // After a finished line it does start one.
    expect(paras(['并及时报告执行情况。', '4.2 国家级应急响应'].join('\n'), 34)).toEqual(['并及时报告执行情况。', '4.2国家级应急响应']);
  });
  it('keeps a full line that ends a sentence inside its paragraph, but ends one before a blank line', () => {
    const full = '政'.repeat(38) + '。';
    expect(paras(`${full}\n后文继续。`, 40)).toEqual([`${full}后文继续。`]);
    expect(paras(`${full}\n\n新的一段。`, 40)).toEqual([full, '新的一段。']);
  });
  it('starts a law’s note at its bracket left alone on a line, and keeps a title’s bracket with the title', () => {
    // 山东省清洁生产促进条例 printed by Chromium (realtext L01): the note's long first line broke after its bracket.
    const note = ['山东省清洁生产促进条例', '', '（', '2010年7月30日山东省第十一届人民代表大会常务委员会第十八次会议通过 根据2020年', '11月27日山东省第十三届人民代表大会常务委员会第二十四次会议修正）', '第一章 总则'].join('\n');
    expect(paras(note)).toEqual(['山东省清洁生产促进条例', '（2010年7月30日山东省第十一届人民代表大会常务委员会第十八次会议通过 根据2020年11月27日山东省第十三届人民代表大会常务委员会第二十四次会议修正）', '第一章 总则']);
    // Blank lines around the bracket (a note-gap layout), and a whole event on the line after it.
    const gaps = ['山东省清洁生产促进条例', '', '（', '', '2010年7月30日山东省第十一届人民代表大会常务委员会第十八次会议通过', '2020年11月27日山东省第十三届人民代表大会常务委员会第二十四次会议修正）', '第一章 总则'].join('\n');
    expect(paras(gaps)[0]).toBe('山东省清洁生产促进条例');
    expect(paras(gaps)[1]).toMatch(/^（2010年7月30日.*修正）$/);
    // A bracket that ends the file opens nothing.
    expect(paras(['山东省清洁生产促进条例', '', '（'].join('\n'))).toEqual(['山东省清洁生产促进条例（']);
    // A qualifier, or a title's own date, goes on with the title.
    expect(paras(['山东省清洁生产促进条例', '（', '试行）', '第一章 总则'].join('\n'))[0]).toBe('山东省清洁生产促进条例（试行）');
    expect(paras(['山东省清洁生产促进条例', '（', '2010年7月30日）', '第一章 总则'].join('\n'))[0]).toBe('山东省清洁生产促进条例（2010年7月30日）');
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

  // 新余 and 海口's exports printed by Chromium and extracted by pdftotext (test-data/database-exports): the page's title,
  // then its heading, the same lines twice.
  it('drops a title printed twice line for line, on one line or wrapped the same way, and counts the dropped lines', () => {
    const body = '\n各县（区）人民政府、管委会，市政府各部门，市直各单位：\n　　《新余市绿色建筑管理办法》已经市政府常务会议审议通过，现予印发，请认真遵照执行。';
    const one = '新余市人民政府办公室关于印发《新余市新余市绿色建筑管理办法》的通知';
    const stats = { echoLines: 0 };
    expect(toParagraphs(toLines(`${one}\n${one}${body}`).lines, undefined, stats)[0].text).toBe(one);
    expect(stats.echoLines).toBe(1);
    const two = ['海口市水务局关于2020年2月1日—2020年2月29日生产建设', '项目水土保持方案审批决定的公告'];
    const wrapped = { echoLines: 0 };
    expect(toParagraphs(toLines([...two, ...two, '（2020年）', body].join('\n')).lines, undefined, wrapped).map((p) => p.text).slice(0, 2)).toEqual([two.join(''), '（2020年）']);
    expect(wrapped.echoLines).toBe(2);
    // Three lines twice is still a title printed twice.
    const three = ['关于印发《某某市促进民营经济', '高质量发展若干措施》的', '通知'];
    expect(paras([...three, ...three, body].join('\n'))[0]).toBe(three.join(''));
    // A sentence is not a title, whatever repeats under it.
    const said = '现将有关事项通知如下：';
    expect(paras([said, said, body].join('\n'))[0]).toBe(said + said);
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

describe('cleanInline: the spaces PDF extraction leaves', () => {
  it('drops spaces around numbers, before closing and after opening punctuation, and collapses the rest', () => {
    expect(cleanInline('  依据《 优化营商环境条例 》第 3 条 ，增长 5 % 。  ')).toBe('依据《优化营商环境条例》第3条，增长5%。');
    expect(cleanInline('（ 一 ）\u3000 加强\t统筹')).toBe('（一） 加强 统筹');
  });
});

describe('toParagraphs: lines that are paragraphs of their own', () => {
  it('keeps each issuing body of a signature on its own line, before the date', () => {
    const text = ['请结合实际认真贯彻落实。', '上海市商务委员会', '上海市市场监督管理局', '2023年6月13日'].join('\n');
    expect(paras(text, 40)).toEqual(['请结合实际认真贯彻落实。', '上海市商务委员会', '上海市市场监督管理局', '2023年6月13日']);
  });
  it('ends a paragraph after a publication note, an 附件 label, a date line and a byline under a title', () => {
    expect(paras('（此件公开发布）\n上海口岸2023年深化跨境贸易营商环境改革若干措施', 40)).toEqual(['（此件公开发布）', '上海口岸2023年深化跨境贸易营商环境改革若干措施']);
    expect(paras('附件1\n上海市重点任务分工方案', 40)).toEqual(['附件1', '上海市重点任务分工方案']);
    expect(paras('2023年6月13日\n上海口岸深化跨境贸易改革若干措施', 40)).toEqual(['2023年6月13日', '上海口岸深化跨境贸易改革若干措施']);
    expect(paras('以高水平开放推动服务业扩能提质\n王晓明　　赵丽华\n服务业是国民经济的重要组成部分。', 40)).toEqual(['以高水平开放推动服务业扩能提质', '王晓明 赵丽华', '服务业是国民经济的重要组成部分。']);
  });
  it('ends a news page’s metadata lines and the addressees at their line', () => {
    expect(paras('发布日期：2021-04-09\n来源：青岛日报\n为进一步优化营商环境，青岛出台79条措施。', 40)).toEqual(['发布日期：2021-04-09', '来源：青岛日报', '为进一步优化营商环境，青岛出台79条措施。']);
    // A full line ending in ：is still the end of the addressees.
    expect(paras('各省、自治区、直辖市人民政府，国务院各部委：\n现将《方案》印发给你们，请认真贯彻执行。', 20)).toEqual(['各省、自治区、直辖市人民政府，国务院各部委：', '现将《方案》印发给你们，请认真贯彻执行。']);
  });
  // gov-58 printed and read by pdf.js (test-data/database-exports): no blank line or indent between the lines.
  it('ends a promulgation order’s heading and its number at their line, and nothing that only reads like them', () => {
    const order = ['中华人民共和国国务院令', '第706号', '《专利代理条例》已经2018年9月6日国务院第23次常务会议修订通过，现将修订后的', '《专利代理条例》公布，自2019年3月1日起施行。'];
    expect(paras(order.join('\n'), 40)).toEqual([order[0], order[1], order[2] + order[3]]);
    // A wrapped sentence that breaks after 令 or after a number goes on.
    expect(paras('根据中华人民共和国国务院令\n第706号的规定，制定本办法。', 13)).toEqual(['根据中华人民共和国国务院令第706号的规定，制定本办法。']);
  });
  it('counts the lines it drops as echoes of a heading', () => {
    const stats = { echoLines: 0 };
    const text = '正文第一段结束了，这里是很长的一行用于确定页面宽度的文字内容。\n聚焦企业成长“痛点”，降低创业门槛\n聚焦企业成长\n，降低创业门槛\n《方案》中提出，进一步加强检查。';
    toParagraphs(toLines(text).lines, 40, stats);
    expect(stats.echoLines).toBe(2);
  });
});

describe('toParagraphs: a file whose lines are its paragraphs (a Word document, a web page, typed text)', () => {
  // What mammoth gives for an official notice in Word (one paragraph a line, no blank lines, no indents): the title is
  // as long as the longer lines, which in text wrapped at a width would make it a full line going on below.
  const notice = ['杭州市人民政府办公厅关于印发杭州市数据资源管理办法的通知', '《杭州市数据资源管理办法》已经市政府同意，现印发给你们，请认真贯彻执行。', '杭州市人民政府办公厅', '2024年3月1日', '杭州市数据资源管理办法', '第一条　为了规范数据资源管理，制定本办法。', '第二条　本办法适用于本市行政区域内的数据资源管理活动。'];
  it('ends the title at its line, over addressees or straight over the text', () => {
    const withAddressees = [notice[0], '各区县人民政府，市政府各部门：', ...notice.slice(1)];
    // (The full-width space after 第一条 is read as a space, as everywhere.)
    const read = (lines: string[]) => toParagraphs(toLines(lines.join('\n')).lines).map((p) => p.text.replace(/^(第.条) /, '$1　'));
    expect(read(withAddressees)).toEqual(withAddressees);
    expect(read(notice)).toEqual(notice);
  });
  it('still joins the lines of text wrapped at a width, a title over addressees among them', () => {
    // Wrapped at 24 characters, as a PDF prints it: the title goes on over two lines; the addressees' second line is theirs.
    const wrapped = ['杭州市人民政府办公厅关于印发杭州市数据资', '源管理办法的通知', '各区县人民政府，市政府各部门，市属各高等院校，自', '贸区杭州片区管委会：', '《杭州市数据资源管理办法》已经市政府同意，现印发给', '你们，请认真贯彻执行。各地各部门要加强组织领导，明确', '责任分工，确保各项任务落到实处，取得实效，形成合力。'];
    expect(toParagraphs(toLines(wrapped.join('\n')).lines).map((p) => p.text)).toEqual([
      '杭州市人民政府办公厅关于印发杭州市数据资源管理办法的通知',
      '各区县人民政府，市政府各部门，市属各高等院校，自贸区杭州片区管委会：',
      '《杭州市数据资源管理办法》已经市政府同意，现印发给你们，请认真贯彻执行。各地各部门要加强组织领导，明确责任分工，确保各项任务落到实处，取得实效，形成合力。',
    ]);
  });
});

describe('toParagraphs: telling wrapped text from one paragraph a line', () => {
  // A paragraph wrapped at the width of its first line, which happens to end in 通知 as a title does.
  const first = '为做好有关工作，各地要认真贯彻落实国务院办公厅关于加强管理的通知';
  const rest = '要求，结合本地区实际制定具体措施，明确责任分工，确保各项任务落到实处，取得实效，形成工作合力，推动高质量发展。各地各部门要加强统筹协调，强化督促检查，及时研究解决工作中遇到的问题，重大情况及时报告。';
  const wrap = (text: string, w: number) => Array.from({ length: Math.ceil(text.length / w) }, (_, k) => text.slice(k * w, (k + 1) * w));
  it('a full line ending like a title goes on where the text is wrapped at a width', () => {
    const lines = [first, ...wrap(rest, first.length)];
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(toParagraphs(toLines(lines.join('\n')).lines).map((p) => p.text)).toEqual([first + rest]);
  });
  it('a file is wrapped when 40 % of its longest lines of sentences end mid-sentence, not below', () => {
    // Five lines as long as each other, with commas: k of them end mid-sentence, the others end their sentence.
    const line = (cut: boolean, i: number) => `第${'一二三四五'[i]}项工作，要加强组织领导，明确责任分工，抓好${cut ? '落实' : '落实。'}`;
    const read = (k: number) => toParagraphs(toLines(Array.from({ length: 5 }, (_, i) => line(i < k, i)).join('\n')).lines).length;
    // Wrapped: a full line goes on into the next, whatever it ends in; one paragraph a line: a line ending its
    // sentence ends its paragraph (the cut one still goes on).
    expect(read(2)).toBe(1);
    expect(read(1)).toBe(4);
  });
});

describe('toParagraphs: where a wrapped paragraph goes on', () => {
  it('joins a short piece ending in ；, and a line ending in ， across a page break', () => {
    expect(paras('一是加强统筹协调；\n二是强化督促检查。', 40)).toEqual(['一是加强统筹协调；二是强化督促检查。']);
    expect(paras('各区要加强统筹，\n\n# Page 2:\n确保各项措施落地见效。', 40)).toEqual(['各区要加强统筹，确保各项措施落地见效。']);
    expect(paras('加快推进政务服务标准化、规范化、\n\n# Page 2:\n便利化。', 40)).toEqual(['加快推进政务服务标准化、规范化、便利化。']);
  });
  it('joins a word split by a page break, but not after a numbered heading or a title', () => {
    expect(paras('推动非税收入收缴系统与财政国库集中支\n\n# Page 5:\n付平台对接。', 20)).toEqual(['推动非税收入收缴系统与财政国库集中支付平台对接。']);
    expect(paras('一、着力打造市场化法治化国际化一流营商环境\n\n# Page 5:\n以习近平新时代中国特色社会主义思想为指导。', 40)).toEqual(['一、着力打造市场化法治化国际化一流营商环境', '以习近平新时代中国特色社会主义思想为指导。']);
    expect(paras('上海市助力中小微企业稳增长调结构强能力若干措施\n\n# Page 5:\n为深入贯彻落实党中央决策部署。', 40)).toEqual(['上海市助力中小微企业稳增长调结构强能力若干措施', '为深入贯彻落实党中央决策部署。']);
  });
  // A compilation printed from LawRefBook/Laws (one law to a page, pdftotext): the first law ends in a short 附： line.
  it('ends a paragraph at a page break after a short line: the next page opens the next law', () => {
    const page = '第六条 禁止在饲料和动物饮用水中使用的药品，依照国家有关部门公告的禁止在\n饲料和动物饮用水中使用的药物品种目录确定。\n附：\n农业部 卫生部 国家药品监督管理局\n\n# Page 2:\n长江河道采砂管理条例\n\n第一条 为了加强长江河道采砂管理，维护长江河势稳定，保障防洪和通航安全，\n制定本条例。';
    expect(paras(page, 36)).toEqual([
      '第六条 禁止在饲料和动物饮用水中使用的药品，依照国家有关部门公告的禁止在饲料和动物饮用水中使用的药物品种目录确定。',
      '附：农业部 卫生部 国家药品监督管理局',
      '长江河道采砂管理条例',
      '第一条 为了加强长江河道采砂管理，维护长江河势稳定，保障防洪和通航安全，制定本条例。',
    ]);
  });
  // 普通高等学校设置暂行条例 as pdf.js extracted it from a compilation (a real-text set, seed 6060).
  it('goes on after a line ending in 、: a bracketed number there is a reference, not a new item', () => {
    const text = '的兼任教师人数，应当不超过本校专任教师的三分之一；高等职业学校的兼任教师人数，应当不\n超过本校专任教师的二分之一。\n少数地区或特殊科类的普通高等学校建校招生，具有副教授职务以上的专任教师达不到(一)、\n(二)项要求的，需经国家教育委员会批准。\n第八条 设置普通高等学校，须有与学校的学科门类和规模相适应的土地和校舍，保证教学、生';
    expect(paras(text, 44)).toEqual([
      '的兼任教师人数，应当不超过本校专任教师的三分之一；高等职业学校的兼任教师人数，应当不超过本校专任教师的二分之一。',
      '少数地区或特殊科类的普通高等学校建校招生，具有副教授职务以上的专任教师达不到(一)、(二)项要求的，需经国家教育委员会批准。',
      '第八条 设置普通高等学校，须有与学校的学科门类和规模相适应的土地和校舍，保证教学、生',
    ]);
  });
  // The 十四届全国人大一次会议's 决议 and the 1979 政府工作报告 as wikisource's pages copy (kept by a public corpus,
  // aldohemsn/chinese-political-corpora): each link on a line of its own.
  it('goes on at a line that opens with the punctuation closing a sentence or a title, whatever the line above ends in', () => {
    expect(paras('第十四届全国人民代表大会第一次会议听取和审议了国务院总理李克强所作的\n政府工作报告\n。会议高度评价新时代十年我国经济社会发展取得的历史性成就。', 40)).toEqual([
      '第十四届全国人民代表大会第一次会议听取和审议了国务院总理李克强所作的政府工作报告。会议高度评价新时代十年我国经济社会发展取得的历史性成就。',
    ]);
    expect(paras('中共十一届三中全会通过的《\n中共中央关于加快农业发展若干问题的决定（草案）\n》和《\n农村人民公社工作条例（试行草案）\n》下达到全国农村以后，全国农民热烈欢迎。', 40)).toEqual([
      '中共十一届三中全会通过的《中共中央关于加快农业发展若干问题的决定（草案）》和《农村人民公社工作条例（试行草案）》下达到全国农村以后，全国农民热烈欢迎。',
    ]);
  });
  it('ends a title on its own line, but keeps its parenthesised qualifier with it', () => {
    expect(paras('上海市优化营商环境条例\n为了持续优化营商环境，制定本条例。', 40)).toEqual(['上海市优化营商环境条例', '为了持续优化营商环境，制定本条例。']);
    expect(paras('上海市优化营商环境条例\n（征求意见稿）\n为了持续优化营商环境，制定本条例。', 40)).toEqual(['上海市优化营商环境条例（征求意见稿）', '为了持续优化营商环境，制定本条例。']);
    // A full line ending in a kind word is a body sentence wrapped at the page edge.
    const full = '各级人民政府应当按照国家和本市有关规定落实各项税收优惠和财政支持措施';
    expect(paras(`${full}\n的，可以叠加享受。`, full.length)).toEqual([`${full}的，可以叠加享受。`]);
  });
  it('starts a paragraph at a new text box after a short line or a reprint note', () => {
    expect(paras('稳步推进。\n 新华社北京电　国务院常务会议部署推进。', 40)).toEqual(['稳步推进。', '新华社北京电 国务院常务会议部署推进。']);
    // (a reprint note as wide as a full line)
    expect(paras('摘自《经济日报》2023年6月13日第五版要闻\n 新华社北京电　国务院常务会议部署推进工作', 20)).toEqual(['摘自《经济日报》2023年6月13日第五版要闻', '新华社北京电 国务院常务会议部署推进工作']);
  });
});

describe('toParagraphs: a title numbered on a line of its own', () => {
  it('keeps （三） under …若干问题的规定 with the title, and an outline item or a number after a sentence apart', () => {
    // Real lines of a compilation (pdftotext): 最高人民法院关于适用《中华人民共和国公司法》若干问题的规定（三）.
    const title = '最高人民法院关于适用《中华人民\n共和国公司法》若干问题的规定\n（三）\n\n（2010年12月6日 最高人民法院审判委员会第1504次会议通过）';
    expect(paras(title, 40)).toEqual(['最高人民法院关于适用《中华人民共和国公司法》若干问题的规定（三）', '（2010年12月6日 最高人民法院审判委员会第1504次会议通过）']);
    expect(paras('上海市促进外贸稳增长若干措施\n（三）加强金融支持', 40)).toEqual(['上海市促进外贸稳增长若干措施', '（三）加强金融支持']);
    expect(paras('最高人民法院关于审理专利纠纷案件应用法律若干问题的解释\n    （十二）', 40)).toEqual(['最高人民法院关于审理专利纠纷案件应用法律若干问题的解释（十二）']);
    expect(paras('上海市促进外贸稳增长若干措施\n二是加强金融支持（三）', 40)).toEqual(['上海市促进外贸稳增长若干措施', '二是加强金融支持（三）']);
    expect(paras('各区要加强统筹。\n（三）', 40)).toEqual(['各区要加强统筹。', '（三）']);
  });
});

describe('joinPieces', () => {
  it('puts a space only between two Latin words, not beside a digit, a bracket or a Chinese character', () => {
    expect(joinPieces('the Authorized Economic', 'Operator')).toBe('the Authorized Economic Operator');
    expect(joinPieces('区域全面经济伙伴关系协定（RCEP', '）生效实施')).toBe('区域全面经济伙伴关系协定（RCEP）生效实施');
    expect(joinPieces('同比增长5', '个百分点')).toBe('同比增长5个百分点');
    expect(joinPieces('推进政策', 'RCEP规则落地')).toBe('推进政策RCEP规则落地');
    expect(joinPieces('WINCON LAW', '')).toBe('WINCON LAW');
    expect(joinPieces('', 'FIRM')).toBe('FIRM');
  });

  // The 版记 of the sample compilation's 德州 notice (real extraction), and the standard's lines after it.
  it('starts a paragraph at each 版记 line and ends one after its printing line and its short lines', () => {
    expect(paras(['好环境，加力巩固经济恢复发展基础。', '抄送：市委有关部门，市人大常委会办公室，市政协办公室，市监委，市法院，市检察', '院。', '德州市人民政府办公室2023 年1 月20 日印发', '国务院关于印发个人所得税专项附加扣除暂行办法的通知'].join('\n'))).toEqual([
      '好环境，加力巩固经济恢复发展基础。',
      '抄送：市委有关部门，市人大常委会办公室，市政协办公室，市监委，市法院，市检察院。',
      '德州市人民政府办公室2023年1月20日印发',
      '国务院关于印发个人所得税专项附加扣除暂行办法的通知',
    ]);
    expect(paras(['公开方式：主动公开', '附件：常州市自然资源和规划局优化营商环境行动方案'].join('\n'))).toEqual(['公开方式：主动公开', '附件：常州市自然资源和规划局优化营商环境行动方案']);
    // A short cc line that goes on (ends in a comma) is one paragraph with what follows.
    expect(paras(['抄送：市委有关部门，', '市政协办公室。'].join('\n'))).toEqual(['抄送：市委有关部门，市政协办公室。']);
  });
});

