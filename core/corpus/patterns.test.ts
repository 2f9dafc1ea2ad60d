/**
 * The parser's shared vocabulary (patterns.ts), line by line as policy documents print them: what ends a
 * paragraph, what ends a title, the date, 文号, byline, page-number, signature, note and attachment lines.
 */
import { describe, expect, it } from 'vitest';
import { ATTACHMENT_LABEL, bracketsClose, BYLINE, CITATION_CODE_LINE, FORM_BLANK, QR_CAPTION_LINE, SOURCE_LINK_LINE, MAX_SIGNATURE_LINES, signatureStart, CN_DATE, COPY_NUMBER_LINE, DATE_LINE, DOC_NUMBER, endsLikeTitle, endsTerminal, isImprintLine, isoDate, isOrgLine, isPrintedLine, LATIN_ONLY, META_LINE, NOTE_LINE, PAGE_NUMBER, SECRECY_LINE, SIGNER_LINE, URGENCY_LINE } from './patterns.js';

describe('endsTerminal: a line that may end a paragraph', () => {
  it('ends with a full stop, a semicolon, a colon or an ellipsis, also before closing quotes or brackets', () => {
    expect(endsTerminal('请各单位认真贯彻落实。')).toBe(true);
    expect(endsTerminal('现将有关事项通知如下：')).toBe(true);
    expect(endsTerminal('（一）基本目录；')).toBe(true);
    expect(endsTerminal('是否符合条件？')).toBe(true);
    expect(endsTerminal('包括但不限于……')).toBe(true);
    expect(endsTerminal('简称“一网通办”。”')).toBe(true);
    expect(endsTerminal('（详见附件。）')).toBe(true);
    expect(endsTerminal('Article 1: scope;')).toBe(true);
    expect(endsTerminal('  请认真贯彻执行。  ')).toBe(true);
  });

  it('does not end with a heading, a comma or a quotation closed in the middle of a sentence', () => {
    expect(endsTerminal('第一章 总则')).toBe(false);
    expect(endsTerminal('为进一步优化营商环境，')).toBe(false);
    expect(endsTerminal('以下简称“办法”')).toBe(false);
    expect(endsTerminal('请认真贯彻执行。现将')).toBe(false);
    expect(endsTerminal('')).toBe(false);
  });
});

describe('endsLikeTitle: the end of a document title', () => {
  it('ends with a kind of document, optionally followed by short bracketed notes', () => {
    expect(endsLikeTitle('关于进一步优化营商环境的实施方案')).toBe(true);
    expect(endsLikeTitle('关于做好春季防火工作的通知')).toBe(true);
    expect(endsLikeTitle('国务院办公厅关于对国务院第五次大督查发现的典型经验做法给予表扬的通报')).toBe(true);
    expect(endsLikeTitle('上海市政务服务管理办法（试行）')).toBe(true);
    expect(endsLikeTitle('关于推行告知承诺制的通知（征求意见稿）（修订）')).toBe(true);
    expect(endsLikeTitle('  国务院关于在全国推开“证照分离”改革的意见  ')).toBe(true);
    expect(endsLikeTitle('最高人民法院关于适用《中华人民共和国民法典》时间效力的若干规定')).toBe(true);
  });

  // Lines of real titles printed over two lines (test-data/realtext 134, test-data/realtext-heldout 018k).
  it('takes 函 as a letter only (…的函), and a kind word set with spaces between its characters', () => {
    expect(endsLikeTitle('国务院办公厅关于同意建立数字经济发展部际联席会议制度的函')).toBe(true);
    expect(endsLikeTitle('国 家 粮食应 急 预 案 的 函')).toBe(true);
    expect(endsLikeTitle('关于做好春季防火工作的通 知')).toBe(true);
    expect(endsLikeTitle('最高人民法院关于审理独立保函')).toBe(false);
    expect(endsLikeTitle('不得以电子邮件或者信函')).toBe(false);
  });

  it('ends with a revision year in brackets, read as the title before it', () => {
    expect(endsLikeTitle('上海市优化营商环境条例（2020年4月10日上海市第十五届人民代表大会常务委员会第二十次会议通过）')).toBe(true);
    expect(endsLikeTitle('上海市优化营商环境条例（ 2020年4月10日上海市第十五届人民代表大会常务委员会第二十次会议通过）')).toBe(true);
    expect(endsLikeTitle('青岛市城市管理办法(2021 年修订)')).toBe(true);
  });

  it('is not a title when the kind word is not at the end or the bracket holds a long sentence', () => {
    expect(endsLikeTitle('通知要求各区做好防火工作')).toBe(false);
    expect(endsLikeTitle('各区人民政府：')).toBe(false);
    expect(endsLikeTitle('一、提高思想认识')).toBe(false);
    expect(endsLikeTitle('关于做好春季防火工作的通知（本通知自印发之日起施行有效期五年）')).toBe(false);
    expect(endsLikeTitle('关于做好春季防火工作的通知（2023年印发）。')).toBe(false);
  });
});

describe('dates', () => {
  it('finds a date printed in digits, with or without the spaces a PDF puts in', () => {
    expect(CN_DATE.exec('本办法自2023年6月13日起施行。')?.slice(1)).toEqual(['2023', '6', '13']);
    expect(CN_DATE.exec('2023 年6 月13 日')?.slice(1)).toEqual(['2023', '6', '13']);
    expect(CN_DATE.exec('2024 年 12 月 1 日')?.slice(1)).toEqual(['2024', '12', '1']);
    expect(CN_DATE.exec('23年6月13日')).toBeNull();
    expect(CN_DATE.exec('2023年6月')).toBeNull();
  });

  it('writes it as an ISO date, to the day or to the month', () => {
    expect(isoDate('2023', '6', '13')).toBe('2023-06-13');
    expect(isoDate('2021', '3', '1')).toBe('2021-03-01');
    expect(isoDate('2023', '11', '30')).toBe('2023-11-30');
    expect(isoDate('2023', '6')).toBe('2023-06');
  });

  it('reads a line that is only a date, in digits or in Chinese numerals', () => {
    expect(DATE_LINE.exec('2021年3月1日')?.slice(1, 4)).toEqual(['2021', '3', '1']);
    expect(DATE_LINE.exec('  2023 年 6 月 13 日  ')?.slice(1, 4)).toEqual(['2023', '6', '13']);
    expect(DATE_LINE.exec('一九九六年六月二十九日')?.slice(4)).toEqual(['一九九六', '六', '二十九']);
    expect(DATE_LINE.exec('二〇二三年十二月三十一日')?.slice(4)).toEqual(['二〇二三', '十二', '三十一']);
    expect(DATE_LINE.exec('二○二三年 一月 十日')?.slice(4)).toEqual(['二○二三', '一', '十']);
    expect(DATE_LINE.exec('一九九六 年 六 月 二十九 日')?.slice(4)).toEqual(['一九九六', '六', '二十九']);
    expect(DATE_LINE.exec('2023年12月31日')?.slice(1, 4)).toEqual(['2023', '12', '31']);
  });

  it('is not a date line when the date is inside a sentence', () => {
    expect(DATE_LINE.test('2023年6月13日起施行')).toBe(false);
    expect(DATE_LINE.test('于2023年6月13日')).toBe(false);
    expect(DATE_LINE.test('2023年6月')).toBe(false);
    expect(DATE_LINE.test('一九九六年六月')).toBe(false);
    expect(DATE_LINE.test('一九九六年六月二十九日通过')).toBe(false);
  });
});

describe('line kinds', () => {
  it('reads a 文号 line in its usual brackets, with or without spaces', () => {
    expect(DOC_NUMBER.exec('沪商自贸〔2023〕132 号')?.[1]).toBe('沪商自贸〔2023〕132 号');
    expect(DOC_NUMBER.exec('国办发[2023]1号')?.[1]).toBe('国办发[2023]1号');
    expect(DOC_NUMBER.exec('  鲁政字（2023）45号  ')?.[1]).toBe('鲁政字（2023）45号');
    expect(DOC_NUMBER.exec('冀政办字〔 2024 〕 87 号')?.[1]).toBe('冀政办字〔 2024 〕 87 号');
    expect(DOC_NUMBER.test('国发〔2023〕号')).toBe(false);
    expect(DOC_NUMBER.test('根据国发〔2023〕12号文件')).toBe(false);
    expect(DOC_NUMBER.test('国发〔2023〕12号文件')).toBe(false);
    expect(DOC_NUMBER.test('〔2023〕12号')).toBe(false);
  });
  it('reads a 文号 in parentheses on a line of its own (as legal databases print it under the title), only with both of them', () => {
    expect(DOC_NUMBER.exec('（余府发〔2012〕3号）')?.[1]).toBe('余府发〔2012〕3号');
    expect(DOC_NUMBER.exec(' (新质监办发〔2012〕24号) ')?.[1]).toBe('新质监办发〔2012〕24号');
    expect(DOC_NUMBER.exec('（鲁政字（2023）45号）')?.[1]).toBe('鲁政字（2023）45号');
    // A title's qualifier wrapped at its bracket is not a 文号 line, nor is a year.
    expect(DOC_NUMBER.test('（国发〔2023〕1号')).toBe(false);
    expect(DOC_NUMBER.test('国发〔2023〕1号）')).toBe(false);
    expect(DOC_NUMBER.test('（2020年）')).toBe(false);
  });
  it('knows an export’s provenance lines: a database’s citation code, the page’s address', () => {
    expect(CITATION_CODE_LINE.test('    【法宝引证码】 CLI.12.1075244')).toBe(true);
    expect(CITATION_CODE_LINE.test('【法宝引证码】CLI.1.123')).toBe(true);
    expect(CITATION_CODE_LINE.test('【法宝引证码】 见第三条')).toBe(false);
    expect(CITATION_CODE_LINE.test('【重要】 CLI.12.1075244 已失效')).toBe(false);
    expect(CITATION_CODE_LINE.test('【法宝引证码】CLI.12.1075244号')).toBe(false);
    expect(CITATION_CODE_LINE.test('见【法宝引证码】CLI.12.1075244')).toBe(false);
    expect(SOURCE_LINK_LINE.test('原文链接：  https://www.pkulaw.com/lar/58783248d9ec.html  ')).toBe(true);
    expect(SOURCE_LINK_LINE.test('原文链接：https://www.pkulaw.com/lar/58783248d9ec.html 访问')).toBe(false);
    expect(SOURCE_LINK_LINE.test('原文链接：https://www.pkulaw.com/lar/58783248d9ec.html')).toBe(true);
    expect(SOURCE_LINK_LINE.test('原 文 链 接 ：https://www.pkulaw.com/lar/58783248d9ec.html')).toBe(true);
    expect(SOURCE_LINK_LINE.test('http://www.gov.cn/zhengce/content/2019-01/29/content_5362014.htm')).toBe(true);
    expect(SOURCE_LINK_LINE.test('请登录https://www.gov.cn查询。')).toBe(false);
  });
  it('knows the caption of a page’s QR code, alone on its line', () => {
    for (const t of ['扫一扫在手机打开当前页', '  扫一扫在手机打开当前页  ', '用手机扫描二维码查看本页', '扫描二维码阅读', '扫码阅读本文', '微信扫一扫在手机上浏览']) expect([t, QR_CAPTION_LINE.test(t)]).toEqual([t, true]);
    // A sentence of the text that asks to scan a code, or names the caption, is the text's.
    for (const t of ['扫一扫下方二维码报名参加培训。', '请扫码填写问卷', '扫一扫在手机打开当前页（见附图）', '用手机扫描二维码缴纳罚款', '详情请扫一扫查看']) expect([t, QR_CAPTION_LINE.test(t)]).toEqual([t, false]);
  });
  it('knows a form’s blanks: a body left to fill in, a date left blank, a seal’s place', () => {
    for (const t of ['××人民法院', '年   月   日', '  年  月  日', '填报日期：    年  月  日', ' （签章） ', '单位（ 盖章 ）', '区局办公室意见（签章）']) expect(FORM_BLANK.test(t), t).toBe(true);
    for (const t of ['2023年6月13日', '2023 年 6 月 13 日', '一年内', '单位盖章后报送', '年月日', '（签章单位）']) expect(FORM_BLANK.test(t), t).toBe(false);
  });

  it('reads a byline of names set apart by wide spaces', () => {
    expect(BYLINE.test('李翊　　柴恩旺')).toBe(true);
    expect(BYLINE.test('张三  李四  王小五')).toBe(true);
    expect(BYLINE.test('李翊 柴恩旺')).toBe(false);
    expect(BYLINE.test('李翊')).toBe(false);
    expect(BYLINE.test('李翊　　柴恩旺。')).toBe(false);
    expect(BYLINE.test('　　李翊　　柴恩旺')).toBe(true);
    // A header line naming the authors is a meta line, not a byline.
    expect(BYLINE.test('作者：李翊　　柴恩旺')).toBe(false);
  });

  it('reads Latin-only page furniture, not Latin words in Chinese text', () => {
    expect(LATIN_ONLY.test('INFORMATION')).toBe(true);
    expect(LATIN_ONLY.test('WINCON LAW FIRM')).toBe(true);
    expect(LATIN_ONLY.test('  INFORMATION')).toBe(true);
    expect(LATIN_ONLY.test('WTO规则')).toBe(false);
    expect(LATIN_ONLY.test('2023 REPORT')).toBe(false);
  });

  it('reads the ways a page number is printed on its own line', () => {
    for (const s of ['12', '- 12 -', '— 12 —', '–3–', '－ 3 －', '―12―', '−3−', '第 12 页', '第3页 共10页', '第3页共10页', '第 3 页 共 10 页', '12/30', ' 7 / 30 ']) expect(PAGE_NUMBER.test(s), s).toBe(true);
    for (const s of ['12345', '第十二页', '2023年', '第3条', '12.5', '共10页']) expect(PAGE_NUMBER.test(s), s).toBe(false);
  });

  it('reads an issuing body of a signature block, not a sentence or a lone word', () => {
    expect(isOrgLine('某市人民政府')).toBe(true);
    expect(isOrgLine('上海市商务委员会上海海关')).toBe(true);
    expect(isOrgLine('  青岛市发展和改革委员会  ')).toBe(true);
    expect(isOrgLine('中国人民银行上海总部')).toBe(true);
    expect(isOrgLine('国家税务总局上海市税务局')).toBe(true);
    expect(isOrgLine('局')).toBe(false);
    // A form's blank for the body that will sign (a template in an attachment), in each way it is printed.
    for (const s of ['××人民法院', '×市人民政府', 'ＸＸ市人民政府', 'XX区发展和改革委员会']) expect(isOrgLine(s), s).toBe(false);
    expect(isOrgLine('请各区政府认真落实。')).toBe(false);
    expect(isOrgLine('市政府、市委')).toBe(false);
    expect(isOrgLine('一、提高认识')).toBe(false);
    // Unpunctuated headings that name no body, or name a body's word inside them.
    expect(isOrgLine('提高思想认识')).toBe(false);
    expect(isOrgLine('研究部署相关工作')).toBe(false);
    expect(isOrgLine('某局')).toBe(true);
    // Sixty characters, a joint notice's signatories on one line, are still a signature line; three more are not.
    const joint = '国家发展和改革委员会工业和信息化部财政部人力资源和社会保障部自然资源部生态环境部住房和城乡建设部退役军人事务部交通运输部';
    expect(isOrgLine(joint)).toBe(true);
    expect(isOrgLine(`　　${joint}　`)).toBe(true);
    expect(isOrgLine(`${joint}水利部`)).toBe(false);
  });

  describe('signatureStart: the names above a date', () => {
    const start = (lines: string[]) => signatureStart((i) => lines[i], lines.length - 1);
    it('takes the names right above the date, and stops at the text', () => {
      expect(start(['请认真贯彻执行。', '某市人民政府', '2023年1月1日'])).toBe(1);
      expect(start(['请认真贯彻执行。', '山东省能源局', '国网山东省电力公司', '2023年2月10日'])).toBe(1);
      expect(start(['请认真贯彻执行。', '2023年1月1日'])).toBe(1);
      // Names from the first line on (a signature page of its own).
      expect(start(['某市人民政府', '某市财政局', '2023年1月1日'])).toBe(0);
    });
    it('leaves to the text a line that closes a parenthesis the text opened (泰安: 77.…（市行政审批服务局、⏎市大数据中心牵头）)', () => {
      expect(start(['切实加强社会监督。（市行政审批服务局、', '市大数据中心牵头）', '泰安市人民政府办公室', '2023年3月13日'])).toBe(2);
      expect(start(['（商务部、', '财政部等和各有关省级人民政府负责）', '国务院办公厅', '2018年12月30日'])).toBe(2);
    });
    it('keeps a 代章 note wrapped over two lines of the signature', () => {
      expect(start(['请认真组织实施。', '山东省社会信用体系建设领导小组办公室', '（山东省发展和改革委员会', '中国人民银行济南分行代章）', '2023年4月10日'])).toBe(1);
    });
    it('takes at most MAX_SIGNATURE_LINES names', () => {
      const names = Array.from({ length: MAX_SIGNATURE_LINES + 2 }, (_, i) => `第${i}市人民政府`);
      expect(start([...names, '2023年1月1日'])).toBe(2);
    });
  });

  it('tells a text whose parentheses close from one that closes what it did not open, or leaves one open', () => {
    for (const s of ['中共某市委办公室（某市人民政府办公室）', '某市人民政府(代章)', '山东省社会信用体系建设领导小组办公室（山东省发展和改革委员会中国人民银行济南分行代章）', '某市财政局', '（一）（二）']) expect(bracketsClose(s), s).toBe(true);
    // 泰安's notice: 77.…（市行政审批服务局、⏎市大数据中心牵头）, then its signature.
    for (const s of ['市大数据中心牵头）', '市大数据中心牵头)', '（市大数据中心牵头', '）市大数据中心（', '市大数据中心（牵头））', '（（某市']) expect(bracketsClose(s), s).toBe(false);
  });

  // GB/T 9704 §7.2.1–7.2.3, as extraction prints them: letter-spaced, indented, the term after ★ or not.
  it('reads the handling marks of a document head, each a line of its own', () => {
    for (const t of ['机密★1年', '  秘 密★6 个 月', '绝密★长 期', '机密', '机密 ★ 1年', '秘密★十年', '秘密☆6个月']) expect(SECRECY_LINE.test(t), t).toBe(true);
    for (const t of ['机密★1年（本件不得复制）', '涉密★1年', '机密文件', '属于机密', '机密★']) expect(SECRECY_LINE.test(t), t).toBe(false);
    for (const t of ['特急', ' 特 急 ', '加急', '加\u3000急', '特提', '特 提', '平急', '平 急']) expect(URGENCY_LINE.test(t), t).toBe(true);
    for (const t of ['特急件', '很特急', '急', '特急：']) expect(URGENCY_LINE.test(t), t).toBe(false);
    for (const t of ['000123', ' No.000123 ', 'No 000123']) expect(COPY_NUMBER_LINE.test(t), t).toBe(true);
    for (const t of ['1000123', '00123', '000123号', '编号000123', 'No.000123。']) expect(COPY_NUMBER_LINE.test(t), t).toBe(false);
  });

  it('reads a publication note after the signature', () => {
    expect(NOTE_LINE.test('（此件公开发布）')).toBe(true);
    expect(NOTE_LINE.test(' (本件不公开) ')).toBe(true);
    expect(NOTE_LINE.test('（此文主动公开）')).toBe(true);
    expect(NOTE_LINE.test('（ 此件公开发布 ）')).toBe(true);
    expect(NOTE_LINE.test('特此通知。（此件公开发布）')).toBe(false);
    expect(NOTE_LINE.test('（此件）')).toBe(false);
    expect(NOTE_LINE.test('（此件公开发布）。')).toBe(false);
    expect(NOTE_LINE.test('（联系人：张三）')).toBe(false);
  });

  it('reads an attachment label on its own line, with its number', () => {
    expect(ATTACHMENT_LABEL.exec('附件')?.[1]).toBe('');
    expect(ATTACHMENT_LABEL.exec('附件1')?.[1]).toBe('1');
    expect(ATTACHMENT_LABEL.exec(' 附件 12： ')?.[1]).toBe('12');
    expect(ATTACHMENT_LABEL.exec('附件2:')?.[1]).toBe('2');
    expect(ATTACHMENT_LABEL.test('附件：1.重点任务清单')).toBe(false);
    expect(ATTACHMENT_LABEL.test('附件123')).toBe(false);
    expect(ATTACHMENT_LABEL.test('见附件1')).toBe(false);
  });

  it('reads the header lines of news pages and articles', () => {
    expect(META_LINE.test('发布日期：2023-06-13')).toBe(true);
    expect(META_LINE.test('来源: 上海市人民政府')).toBe(true);
    expect(META_LINE.test('作者 ：李翊')).toBe(true);
    expect(META_LINE.test('本文来源：新华社')).toBe(false);
    expect(META_LINE.test('来源于群众')).toBe(false);
  });

  // Real lines: the 版记 of 德州市人民政府办公室's notice and a 公开方式 line in the sample compilation
  // (resources/corpus/raw/003_…, a PDF's extraction), and body lines of the real-text set that name 抄送 or 印发.
  it('reads the lines of a 版记, and not the body sentences that name 抄送 or 印发', () => {
    for (const s of ['抄送：市委有关部门，市人大常委会办公室，市政协办公室，市监委，市法院，市检察', '公开方式：主动公开', '德州市人民政府办公室2023 年1 月20 日印发', '2019年1月28日印发', '抄 送：省委各部门。', '（共印120份）'])
      expect(isImprintLine(s), s).toBe(true);
    // Letters spaced apart, as a PDF's extraction may leave a 版记's labels and dates.
    for (const s of ['抄 报：省委。', '分 送：各区。', '发 送：各区。', '主 题 词：经济管理 通知', '公 开 方 式：主动公开', '公 开 属 性：主动公开', '信息公开选项：主动公开', '德州市人民政府办公室 2023 年 12 月 20 日 印 发', '二〇一九年 十二 月 二十八 日印发'])
      expect(isImprintLine(s), s).toBe(true);
    // A sentence that names a cc (同时抄送：…) is not a 版记's line.
    expect(isImprintLine('同时抄送：市政府办公室。')).toBe(false);
    for (const s of [
      '理工商注册登记的信息抄送地方金融管理部门。',
      '定，报本级人民政府审定。应急预案应当抄送同级民防办。',
      '《黄浦区加强集成创新持续优化营商环境2023 年工作方案》已经区政府同意，现印发',
      '7. 国家税务总局安徽省税务局印发',
      '科学合理确定公开方式，对公开内容仅涉及部分特定对象的，实行定点、定向公开。把',
      // A form's 版记 (the 司法建议 rule's template, LawRefBook) is the form's text.
      '抄送：××××。（抄送单位名称，如抄送单位较多，名称需要回行，回行时与冒号后的首字对齐，并在最后一个抄送单位名称后标句号）',
    ])
      expect(isImprintLine(s), s).toBe(false);
  });

  it('reads a printing line only after nothing or an office: a sentence that says when something was printed is not one', () => {
    expect(isPrintedLine('国务院办公厅 2019年1月28日印发')).toBe(true);
    expect(isPrintedLine('二〇一九年一月二十八日印发')).toBe(true);
    expect(isPrintedLine('该通知已于2019年1月28日印发')).toBe(false);
    expect(isPrintedLine('国务院办公厅 2019年1月28日印发。')).toBe(false);
    expect(isPrintedLine('国务院办公厅 2019年1月28日')).toBe(false);
  });

  it('reads a report\'s 文号 with its 签发人 beside it, and the 签发人 on a line of its own', () => {
    expect(DOC_NUMBER.exec('国办发〔2019〕5号                    签发人：张三')?.[1]).toBe('国办发〔2019〕5号');
    expect(DOC_NUMBER.exec('粤府〔2020〕12号 签 发 人：王五 赵六')?.[1]).toBe('粤府〔2020〕12号');
    expect(DOC_NUMBER.test('国办发〔2019〕5号 抄送：省委')).toBe(false);
    expect(SIGNER_LINE.test('签发人：张三')).toBe(true);
    expect(SIGNER_LINE.test('签发人：张三。请各地认真贯彻执行')).toBe(false);
  });
});

