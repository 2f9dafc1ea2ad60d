import { describe, expect, it } from 'vitest';
import { removeFurniture, tailAfterKind, titleFromHeader } from './furniture.js';
import { toLines } from './lines.js';

const run = (text: string) => {
  const r = removeFurniture(toLines(text).lines);
  return { kept: r.lines.filter((l) => l.text.trim()).map((l) => l.text.trim()), removed: r.removed.map((x) => [x.kind, x.text]) };
};
const body = (n: number) => Array.from({ length: n }, (_, i) => `第${i}行正文内容，这一行足够长以便确定页面的排版宽度和换行位置，`).join('\n');

describe('removeFurniture', () => {
  it('removes Latin page furniture and page numbers', () => {
    const r = run(`${body(6)}\n INFORMATION\n\n- 12 -\n本行结束。`);
    expect(r.removed).toEqual([['latin', 'INFORMATION'], ['page-number', '- 12 -']]);
    expect(r.kept.at(-1)).toBe('本行结束。');
  });
  it('removes a running header that lands inside a sentence and learns its publication tail', () => {
    const text = `${body(6)}\n不得擅自取消、下放和调整。因承接、\n\n青岛市人民政府关于青岛市政务服务管理办法\n的通知政策简讯\n\n下放、取消等事由变动的，应当及时更新清单。\n\n${body(3)}。\n\n中国银保监会办公厅关于小微企业\n金融服务质量的通知政策简讯\n\n第二条适用本办法。`;
    const r = run(text);
    expect(r.removed).toEqual([
      ['running-header', '青岛市人民政府关于青岛市政务服务管理办法的通知政策简讯'],
      ['running-header', '中国银保监会办公厅关于小微企业金融服务质量的通知政策简讯'],
    ]);
    expect(titleFromHeader(r.removed[1][1])).toBe('中国银保监会办公厅关于小微企业金融服务质量的通知');
  });
  it('keeps a heading that follows a finished sentence', () => {
    const r = run(`${body(6)}\n本条完。\n\n第三章政务服务事项\n\n第十五条事项实行清单管理。`);
    expect(r.removed).toEqual([]);
  });
  it('recognises a title printed after the first paragraphs of a signed article', () => {
    const r = run(`${body(6)}\n加之相应的约束\n\n地方政府招商引资应完善项目评价机制\n防范骗补套利烂尾等现象\n\n李翊  柴恩旺\n\n措施不到位，导致项目建设受阻。`);
    expect(r.removed).toEqual([
      ['trailing-title', '地方政府招商引资应完善项目评价机制防范骗补套利烂尾等现象'],
      ['byline', '李翊  柴恩旺'],
    ]);
    expect(r.kept.slice(-2)).toEqual(['加之相应的约束', '措施不到位，导致项目建设受阻。']);
  });
  it('removes a header repeated at the top of many pages', () => {
    const pages = Array.from({ length: 5 }, (_, i) => `# Page ${i + 1}:\n营商环境政策汇编\n${body(3)}`).join('\n');
    const r = run(pages);
    expect(r.removed.filter((x) => x[0] === 'page-repeat')).toHaveLength(5);
    expect(r.kept.some((t) => t === '营商环境政策汇编')).toBe(false);
  });

  // The head of 国发〔2019〕4号 as pdf.js extracts it (test-data/realtext N03): every part set off by blank lines.
  it('keeps a notice header set off by blank lines: 文号, a title over two blocks, addressees, signature, date, note and the issued title', () => {
    const text = [
      '# Page 1:',
      '　　　　国 务 院文件',
      '',
      '　　　　国发〔2019〕4号',
      '',
      '　　　　国务院关于印发国家职业教育改革',
      '',
      '　　　　实施方案的通知',
      '',
      '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
      '　　现将《国家职业教育改革实施方案》印发给你们，请认真贯彻执',
      '行。',
      '',
      '　　　　国务院',
      '',
      '　　　　2019年1月24日',
      '',
      '　　　　（此件公开发布）',
      '',
      '　　　　国家职业教育改革实施方案',
      '',
      '　　职业教育与普通教育是两种不同教育类型，具有同等重要地位。',
    ].join('\n');
    const r = run(text);
    // Only the banner goes, counted as a letterhead.
    expect(r.removed).toEqual([['letterhead', '国 务 院文件']]);
    expect(r.kept).toContain('国务院关于印发国家职业教育改革');
    expect(r.kept).toContain('实施方案的通知');
    expect(r.kept).toContain('国家职业教育改革实施方案');
  });

  it('drops a page number printed under a running header once the header is known to repeat', () => {
    const pages = Array.from({ length: 4 }, (_, i) => `# Page ${i + 1}:\n地方性法规汇编\n\n—${i + 1}—\n\n${body(3)}`).join('\n');
    const r = run(pages);
    expect(r.removed.filter((x) => x[0] === 'page-number').map((x) => x[1])).toEqual(['—1—', '—2—', '—3—', '—4—']);
  });
});

describe('removeFurniture: what is text and what is furniture', () => {
  it('removes a page number only at the edge of its page, and keeps a number inside the page', () => {
    const text = ['# Page 3:', body(3), '2025', '年度目标如下。', '3', '# Page 4:', '4', body(3)].join('\n');
    const r = run(text);
    expect(r.removed).toEqual([['page-number', '3'], ['page-number', '4']]);
    expect(r.kept).toContain('2025');
  });

  it('in a file without pages, removes a decorated number anywhere and a bare one only between blank lines', () => {
    const r = run(`${body(6)}\n第 3 页\n${body(1)}\n\n12\n\n${body(1)}\n2024\n${body(1)}`);
    expect(r.removed).toEqual([['page-number', '第 3 页'], ['page-number', '12']]);
    expect(r.kept).toContain('2024');
    // A local government's PDF numbers its pages with full-width dashes (－ 3 －), pasted into a text file.
    expect(run(`${body(6)}\n－ 3 －\n${body(1)}`).removed).toEqual([['page-number', '－ 3 －']]);
  });

  it('keeps a Latin word inside the text and a long Latin line, removes one repeated on three pages', () => {
    const inText = run(`${body(6)}\n协定简称\nRCEP\n生效以来成效明显，`);
    expect(inText.removed).toEqual([]);
    // (also before a blank line, when the sentence before it runs on)
    expect(run(`${body(6)}\n协定简称\nRCEP\n\n生效以来成效明显。`).removed).toEqual([]);
    const long = run(`${body(6)}\n本行结束。\nTHE CENTER FOR POLICY RESEARCH OF CHINA\n\n下一段。`);
    expect(long.removed).toEqual([]);
    const pages = Array.from({ length: 3 }, (_, i) => `# Page ${i + 1}:\n${body(2)}\nWINCON LAW FIRM\n${body(2)}`).join('\n');
    expect(run(pages).removed).toEqual([['latin', 'WINCON LAW FIRM'], ['latin', 'WINCON LAW FIRM'], ['latin', 'WINCON LAW FIRM']]);
  });

  it('takes a line at the bottom of many pages for a running footer, its page number aside, but not a numbered heading', () => {
    const pages = Array.from({ length: 5 }, (_, i) => `# Page ${i + 1}:\n${body(3)}\n营商环境简报第${i + 1}期`).join('\n');
    expect(run(pages).removed.map((x) => x[0])).toEqual(Array(5).fill('page-repeat'));
    const headings = Array.from({ length: 5 }, (_, i) => `# Page ${i + 1}:\n一、总体要求\n${body(3)}`).join('\n');
    expect(run(headings).removed).toEqual([]);
    // Two pages of five are not "many".
    const twice = Array.from({ length: 5 }, (_, i) => `# Page ${i + 1}:\n${i < 2 ? '营商环境政策汇编\n' : ''}${body(3)}`).join('\n');
    expect(run(twice).removed).toEqual([]);
  });

  it('takes the line that tops both pages of a two-page file for its running header, but not an order’s heading or a line at one page’s foot', () => {
    // A regulation of two pages printed under its gazette's name (realtext L06, 上海市商品包装物减量若干规定).
    const gazette = Array.from({ length: 2 }, (_, i) => `# Page ${i + 1}:\n政府公报\n\n\n${body(3)}`).join('\n');
    expect(run(gazette).removed).toEqual([
      ['page-repeat', '政府公报'],
      ['page-repeat', '政府公报'],
    ]);
    // Two orders, one a page: each page's heading is its order's.
    const orders = Array.from({ length: 2 }, (_, i) => `# Page ${i + 1}:\n中华人民共和国国务院令\n第${707 + i}号\n${body(3)}`).join('\n');
    expect(run(orders).removed).toEqual([]);
    // Topping one page and ending the other is no header of both.
    const topAndFoot = `# Page 1:\n政府公报\n${body(3)}\n# Page 2:\n${body(3)}\n政府公报`;
    expect(run(topAndFoot).removed).toEqual([]);
  });

  it('removes a letterhead line, but not a title that ends in 文件', () => {
    const r = run(`杭州市余杭区人民政府办公室文件\n\n余政办〔2023〕12号\n\n关于印发《余杭区推进数字经济发展若干政策》的文件\n${body(6)}`);
    expect(r.removed).toEqual([['letterhead', '杭州市余杭区人民政府办公室文件']]);
    // gov.cn's 国办发〔2018〕115号 copied as text: its title's first line ends in 文件 and begins with a body's name.
    const title = run(`国务院办公厅关于全面推行行政规范性文件\n\n合法性审核机制的指导意见\n\n国办发〔2018〕115号\n${body(6)}`);
    expect(title.removed).toEqual([]);
  });

  it('removes a letterhead set in letter-spaced type, as pdftotext spaces a wide banner', () => {
    const r = run(`国 务 院 文 件\n\n国发〔2019〕5 号\n\n国务院关于在市场监管领域全面推行部门联合\n“双随机、一公开”监管的意见\n${body(6)}`);
    expect(r.removed).toEqual([['letterhead', '国 务 院 文 件']]);
  });

  // GB/T 9704 §7.2.1–7.2.3: 份号, 密级和保密期限, 紧急程度, each on a line above the banner.
  it('removes the handling marks above the banner: copy number, classification and term, urgency', () => {
    const head = (marks: string) => `# Page 1:\n${marks}\n\n国务院办公厅文件\n\n国办发〔2019〕5号\n\n国务院办公厅关于加强三级公立医院绩效考核工作的意见\n${body(6)}`;
    expect(run(head('000123\n机密★1年\n特急')).removed).toEqual([
      ['head-mark', '000123机密★1年特急'],
      ['letterhead', '国务院办公厅文件'],
    ]);
    expect(run(head('000123\n\n秘 密★6 个月\n\n加 急')).removed.map((x) => x[0])).toEqual(['head-mark', 'letterhead']);
    expect(run(head('绝密★长期')).removed.map((x) => x[1])).toEqual(['绝密★长期', '国务院办公厅文件']);
    // A copy number alone is one only right above a banner.
    expect(run(head('000123')).removed.map((x) => x[1])).toEqual(['000123', '国务院办公厅文件']);
  });

  it("takes the marks at the head of a later page (a compilation's next document), whatever the page before held", () => {
    const r = run(`# Page 1:\n${body(6)}\n本通知自印发之日起施行。\n# Page 2:\n000124\n机密★1年\n\n国务院办公厅文件\n\n国办发〔2019〕6号\n${body(3)}`);
    expect(r.removed).toEqual([
      ['head-mark', '000124机密★1年'],
      ['letterhead', '国务院办公厅文件'],
    ]);
    // With a copy number among the marks and no banner under them (letter format), on the first page or a later one.
    expect(run(`# Page 1:\n000124\n特急\n国务院办公厅\n\n国办函〔2019〕6号\n${body(3)}`).removed).toEqual([['head-mark', '000124特急']]);
    expect(run(`# Page 1:\n${body(6)}\n本通知自印发之日起施行。\n# Page 2:\n特急\n国务院办公厅\n\n国办函〔2019〕6号\n${body(3)}`).removed).toEqual([['head-mark', '特急']]);
  });

  it('counts a banner printed at the top of every page once, as a repeated line', () => {
    const pages = Array.from({ length: 4 }, (_, i) => `# Page ${i + 1}:\n国务院办公厅文件\n${body(3)}`).join('\n');
    expect(run(pages).removed.map((x) => x[0])).toEqual(Array(4).fill('page-repeat'));
  });

  it('takes the marks at the head of a page without a banner, but not a copy number alone, nor a mark in the text', () => {
    // A 信函 (letter format) prints the office's name, not …文件, under its marks.
    expect(run(`特急\n国务院办公厅\n\n国办函〔2019〕5号\n\n${body(6)}`).removed).toEqual([['head-mark', '特急']]);
    expect(run(`100010\n\n${body(6)}`).removed).toEqual([]);
    // A table's cells under a sentence: 特急 and 机密 are the table's text.
    const table = run(`${body(6)}\n文件按紧急程度分为：\n特急\n加急\n密级分为：\n机密\n秘密`);
    expect(table.removed).toEqual([]);
    expect(table.kept).toContain('特急');
    // Nor a sentence that begins with the word.
    expect(run(`特急件应当在一个工作日内办结。\n${body(6)}`).removed).toEqual([]);
  });

  it('keeps a short block that is a title: before its 文号, or after a date line', () => {
    const beforeNumber = run(`${body(6)}\n推进落实\n\n青岛市人民政府关于优化营商环境的意见\n\n青政发〔2023〕5号\n\n各区市人民政府：`);
    expect(beforeNumber.removed).toEqual([]);
    const afterDate = run(`${body(6)}\n青岛市人民政府\n\n2023年6月13日\n\n青岛市优化营商环境若干措施\n\n为持续优化营商环境，`);
    expect(afterDate.removed).toEqual([]);
  });
});

describe('tailAfterKind and titleFromHeader', () => {
  it('reads a publication name of 2 to 10 characters after the last kind word', () => {
    expect(tailAfterKind('青岛市人民政府关于政务服务管理办法的通知政策简讯')).toBe('政策简讯');
    expect(tailAfterKind('青岛市人民政府关于政务服务管理办法的通知')).toBeNull();
    expect(tailAfterKind('青岛市人民政府关于政务服务管理办法的通知讯')).toBeNull();
    expect(tailAfterKind('青岛市人民政府关于政务服务管理办法的通知文康政策研究中心内部资料')).toBeNull();
    expect(tailAfterKind('通知政策简讯')).toBeNull();
    // The last kind word counts, not the longest: …措施的通知 ends at 通知.
    expect(tailAfterKind('关于印发若干措施的通知政策简讯')).toBe('政策简讯');
  });
  it('gives no title shorter than six characters', () => {
    expect(titleFromHeader('若干措施的通知政策简讯')).toBe('若干措施的通知');
    expect(titleFromHeader('措施的通知政策简讯')).toBeNull();
  });
});


describe('removeFurniture: page numbers and Latin lines at the edges (survivors of the first mutation run)', () => {
  it('in a file without pages, removes a bare number at the file’s first or last line set off by a blank line, not one that touches text', () => {
    expect(run(`12\n\n${body(6)}`).removed).toEqual([['page-number', '12']]);
    expect(run(`${body(6)}\n\n12`).removed).toEqual([['page-number', '12']]);
    expect(run(`${body(6)}\n\n12\n${body(1)}`).removed).toEqual([]);
    expect(run(`${body(1)}\n12\n\n${body(6)}`).removed).toEqual([]);
  });

  it('counts a decorated number at the foot of every page as a page number, not as a repeated line', () => {
    const pages = Array.from({ length: 5 }, (_, i) => `# Page ${i + 1}:\n${body(3)}\n- ${i + 1} -`).join('\n');
    expect(run(pages).removed).toEqual(Array.from({ length: 5 }, (_, i) => ['page-number', `- ${i + 1} -`]));
  });

  it('removes a run of Latin lines as one, and a run that a page break cuts as two', () => {
    expect(run(`${body(6)}\n本行结束。\nCENTER\nFOR\nPOLICY RESEARCH\n\n下一段。`).removed).toEqual([['latin', 'CENTERFORPOLICY RESEARCH']]);
    const acrossPages = `# Page 1:\n${body(3)}\n本页结束。\nINFORMATION\n# Page 2:\nWINCON LAW FIRM\n\n${body(3)}`;
    expect(run(acrossPages).removed).toEqual([['latin', 'INFORMATION'], ['latin', 'WINCON LAW FIRM']]);
  });

  it('removes a Latin line that ends the file', () => {
    expect(run(`${body(6)}\n本行结束。\n\nWINCON LAW FIRM`).removed).toEqual([['latin', 'WINCON LAW FIRM']]);
  });

  it('removes a Latin line of five words, spaced and indented as pdf.js prints it, repeated inside the text of three pages', () => {
    const pages = Array.from({ length: 3 }, (_, i) => `# Page ${i + 1}:\n${body(2)}\n  CENTER  FOR  POLICY  RESEARCH  CHINA\n${body(2)}`).join('\n');
    expect(run(pages).removed).toEqual(Array(3).fill(['latin', 'CENTER  FOR  POLICY  RESEARCH  CHINA']));
  });
});

describe('removeFurniture: lines repeated on pages (survivors of the first mutation run)', () => {
  const paged = (n: number, header: (k: number) => string) => Array.from({ length: n }, (_, i) => `# Page ${i + 1}:\n${header(i + 1)}${body(3)}`).join('\n');

  it('takes a line at the top of a fifth of the pages or more for a running header', () => {
    const onThree = (k: number) => (k <= 3 ? '营商环境政策汇编\n' : '');
    expect(run(paged(15, onThree)).removed).toEqual(Array(3).fill(['page-repeat', '营商环境政策汇编']));
    expect(run(paged(20, onThree)).removed).toEqual([]);
  });

  it('groups a running footer whose page number has one or two digits and whose lead varies', () => {
    const pages = Array.from({ length: 5 }, (_, i) => i + 8)
      .map((k) => `# Page ${k}:\n${body(3)}\n${k % 2 ? '  ' : ''}上海市营商环境政策汇编 ${k}`)
      .join('\n');
    expect(run(pages).removed.map((x) => x[1])).toEqual([8, 9, 10, 11, 12].map((k) => `上海市营商环境政策汇编 ${k}`));
  });

  it('keeps a title that ends in 文件 but goes on (a compilation of them)', () => {
    expect(run(`杭州市人民政府规范性文件汇编\n\n${body(6)}`).removed).toEqual([]);
  });
});

describe('removeFurniture: short blocks that are text (survivors of the first mutation run)', () => {
  it('keeps an unnumbered heading after a finished sentence, and an issuing body at the end of the file', () => {
    expect(run(`${body(6)}\n本条完。\n\n政务服务事项管理\n\n各部门应当按照清单提供服务，`).removed).toEqual([]);
    expect(run(`${body(6)}\n\n上海市商务委员会办公室`).removed).toEqual([]);
  });

  it('removes by a learned publication tail only the blocks that end in it, not a title above its 文号', () => {
    const text = `${body(6)}\n不得擅自取消、下放和调整。因承接、\n\n青岛市人民政府关于青岛市政务服务管理办法\n的通知政策简讯\n\n下放、取消等事由变动的，应当及时更新清单。\n\n${body(3)}\n\n青岛市人民政府关于优化营商环境的意见\n\n青政发〔2023〕5号\n\n各区市人民政府：`;
    expect(run(text).removed).toEqual([['running-header', '青岛市人民政府关于青岛市政务服务管理办法的通知政策简讯']]);
  });
});

describe('tailAfterKind and titleFromHeader: the bounds', () => {
  it('reads a tail of two and of ten characters, and a title of six', () => {
    expect(tailAfterKind('青岛市人民政府关于政务服务管理办法的通知简讯')).toBe('简讯');
    expect(tailAfterKind('青岛市人民政府关于政务服务管理办法的通知文康政策研究中心简讯')).toBe('文康政策研究中心简讯');
    expect(titleFromHeader('工作要点通知政策简讯')).toBe('工作要点通知');
  });
});

describe('removeFurniture: a title and its 文号 at the foot of a gazette page', () => {
  // test-data/realtext 179 (中华人民共和国国务院公报, pdftotext): a 批复's list of members, then the next notice's title
  // and 文号 set off together as the page's last lines, taken for a running header (the notice lost its title).
  it('keeps a block that ends in a 文号: it is a document\'s head', () => {
    const text = [
      '孙瑞标 税务总局副局长',
      '洪天云 扶贫办副主任',
      '',
      '国务院办公厅关于对国务院第五次大督查',
      '发现的典型经验做法给予表扬的通报',
      '国办发〔2018〕108号',
      '',
      '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
      body(4),
    ].join('\n');
    expect(run(text).removed).toEqual([]);
  });
});

describe('removeFurniture: an export’s provenance (rule 8)', () => {
  const head = '    【法宝引证码】 CLI.12.7186154\n原文链接：https://www.pkulaw.com/lar/3d49cd077b5c.html\n海口市水务局关于水土保持方案审批决定的公告\n';
  it('removes the citation code and the address under it, and nothing else', () => {
    const r = run(`${head}${body(6)}`);
    expect(r.removed).toEqual([
      ['provenance', '【法宝引证码】 CLI.12.7186154'],
      ['provenance', '原文链接：https://www.pkulaw.com/lar/3d49cd077b5c.html'],
    ]);
    expect(r.kept[0]).toBe('海口市水务局关于水土保持方案审批决定的公告');
  });
  it('takes the address’s label printed apart with it: spread over its line, or a character a line', () => {
    const spread = run(`【法宝引证码】 CLI.12.748997\n      原        文        链        接        ：\n      https://www.pkulaw.com/lar/b64c9966.html\n新余市绿色建筑管理办法\n${body(6)}`);
    expect(spread.removed.map((x) => String(x[1]).replace(/\s/g, ''))).toEqual(['【法宝引证码】CLI.12.748997', '原文链接：https://www.pkulaw.com/lar/b64c9966.html']);
    const stacked = run(`【法宝引证码】 CLI.12.748997\n原\n文\n链\n接\n：\nhttps://www.pkulaw.com/lar/b64c9966.html\n新余市绿色建筑管理办法\n${body(6)}`);
    expect(stacked.kept[0]).toBe('新余市绿色建筑管理办法');
    // The longest label a link line has: six characters and the colon.
    const six = run(`【法宝引证码】 CLI.12.748997\n原\n文\n网\n页\n地\n址\n：\nhttps://www.pkulaw.com/lar/b64c9966.html\n新余市绿色建筑管理办法\n${body(6)}`);
    expect(six.kept[0]).toBe('新余市绿色建筑管理办法');
  });
  it('keeps an address that is the text’s own: a contact line at the end of a notice', () => {
    const r = run(`海口市水务局关于水土保持方案审批决定的公告\n${body(6)}\n联系电话：68724690\n网址：http://swj.haikou.gov.cn/\n`);
    expect(r.removed).toEqual([]);
    expect(r.kept.at(-1)).toBe('网址：http://swj.haikou.gov.cn/');
  });
  it('keeps a note set off by blank lines that has a sentence in it, or ends mid-sentence (not a running header)', () => {
    // A block inside a sentence that is a title is still a running header (the rule these must not reach), with a comma in it too.
    expect(run(`${body(6)}\n单位盖章\n\n关于优化营商环境，更好服务市场主体的实施方案\n\n联系人：邹思媛。`).removed.map((x) => x[0])).toEqual(['running-header']);
    expect(run(`${body(6)}\n单位盖章\n\n某某市人民政府关于印发某某办法的通知\n\n联系人：邹思媛。`).removed.map((x) => x[0])).toEqual(['running-header']);
    expect(run(`${body(6)}\n单位盖章\n\n备注：请于4月28日前将此表上报。联系电话：0991-2316124，\n\n联系人：邹思媛。`).removed).toEqual([]);
    expect(run(`${body(6)}\n单位盖章\n\n备注：请于4月28日前将此表上报。联系人：邹思媛\n\n联系电话：0991-2316124。`).removed).toEqual([]);
    expect(run(`${body(6)}\n单位盖章\n\n备注：各单位请于4月28日前将此表上报区局办公室，\n\n联系人：邹思媛。`).removed).toEqual([]);
  });
  it('takes the provenance of a second export in one file, next to its code, and an http address at the head', () => {
    const second = `\n【法宝引证码】 CLI.12.748997\n原文链接：https://www.pkulaw.com/lar/b64c9966.html\n新余市绿色建筑管理办法\n${body(3)}`;
    expect(run(`${head}${body(6)}${second}`).removed.map((x) => x[0])).toEqual(['provenance', 'provenance', 'provenance', 'provenance']);
    expect(run(`http://www.gov.cn/zhengce/content/2019-01/29/content_5362014.htm\n国务院办公厅关于某事的通知\n${body(6)}`).removed).toEqual([
      ['provenance', 'http://www.gov.cn/zhengce/content/2019-01/29/content_5362014.htm'],
    ]);
    // An address the text refers to, ending a line that is not an address line, stays.
    expect(run(`${head}${body(6)}\n详见国务院网站https://www.gov.cn\n${body(2)}`).removed).toHaveLength(2);
  });
  // gov.cn's pages end every document with the caption of their QR code; pdftotext may run it on after the last line.
  it('takes the caption of the page’s QR code, wherever it stands, and no sentence that asks to scan one', () => {
    const r = run(`国务院办公厅关于某事的通知\n${body(6)}\n（此件公开发布）\n扫一扫在手机打开当前页\n`);
    expect(r.removed).toEqual([['provenance', '扫一扫在手机打开当前页']]);
    expect(r.kept.at(-1)).toBe('（此件公开发布）');
    expect(run(`国务院办公厅关于某事的通知\n${body(6)}\n扫一扫下方二维码报名参加培训。\n`).removed).toEqual([]);
  });
});

describe('removeFurniture: a title’s middle line is no running header', () => {
  // gov.cn's 国办发〔2019〕6号 copied as text: its title in three parts with blank lines between (the middle one was deleted).
  it('keeps a short line between a short unpunctuated line standing alone and the rest of the title', () => {
    const text = `国务院办公厅关于有效发挥政府性\n\n融资担保基金作用切实支持小微企业和\n\n“三农”发展的指导意见\n\n${body(6)}`;
    expect(run(text).removed).toEqual([]);
  });
  // gov.cn's 国函〔2006〕132号 copied as text: the title's first line nearly as long as the text's lines (no short line
  // standing alone), its last set letter-spaced, its 文号 under it.
  it('keeps a short line between a title’s first line and its last over the 文号', () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `第${i}行正文内容，这一行用来确定页面的宽度。`).join('\n');
    const text = `国务院关于授权香港特别行政区实施管辖的\n\n深圳湾口岸港方口岸区范围和\n\n土 地 使 用 期 限 的 批 复\n\n国函〔2006〕132号\n\n广东省人民政府、香港特别行政区政府：\n${lines(6)}`;
    expect(run(text).removed).toEqual([]);
    // The same block over a line that does not end like a title, or one without a 文号 under it, is still a header.
    const header = (below: string) => run(`${lines(6)}\n不得擅自取消、下放和调整。因承接、\n\n深圳湾口岸港方口岸区范围和\n\n${below}\n${lines(2)}`).removed.map((x) => x[0]);
    expect(header('土 地 使 用 期 限 已 经 确 定\n\n国函〔2006〕132号')).toEqual(['running-header']);
    expect(header('土 地 使 用 期 限 的 批 复')).toEqual(['running-header']);
    // Nor over a title's last line that ends the file.
    expect(run(`${lines(6)}\n不得擅自取消、下放和调整。因承接、\n\n深圳湾口岸港方口岸区范围和\n\n土 地 使 用 期 限 的 批 复`).removed.map((x) => x[0])).toEqual(['running-header']);
  });
  // gov.cn's 国办发〔2018〕114号 printed: the signature over its date, then the note over the 附件 label, each pair set off
  // by blank lines at the head of a page, under an 附件 line that names the attachment.
  it('keeps a signature over its date and a note over an 附件 label, each set off as one block', () => {
    const text = `${body(6)}\n附件：应急救援专用号牌式样和车辆涂装样图\n\f国务院办公厅\n2018年12月4日\n\n（此件公开发布）\n附件\n\n应急救援专用号牌式样和车辆涂装样图\n${body(2)}`;
    expect(run(text).removed).toEqual([]);
    // A 文号 wrapped over two lines is a header part as a whole; a newsletter's name over its date is still a header.
    expect(run(`${body(6)}\n不得擅自取消、下放和调整。因承接、\n\n沪府办发〔2023〕\n12号\n\n下放、取消等事由变动的，应当及时更新清单。\n${body(2)}`).removed).toEqual([]);
    expect(run(`${body(6)}\n不得擅自取消、下放和调整。因承接、\n\n政务服务简报\n2023年6月13日\n\n下放、取消等事由变动的，应当及时更新清单。\n${body(2)}`).removed.map((x) => x[0])).toEqual(['running-header']);
  });
  // gov.cn's 国函〔2006〕38号 copied as text: a committee's members, one a line with blank lines between.
  it('keeps a list’s items set off by blank lines: a label and a name, or a name and a post', () => {
    const text = `${body(6)}\n协调委员会组成人员如下\n\n主　任：尤　权　　国务院副秘书长\n\n副主任：杨元元　　民航总局局长\n\n刘金国　　公安部副部长\n\n吉　林　　北京市副市长\n\n${body(2)}`;
    expect(run(text).removed).toEqual([]);
  });
  it('still takes a header that interrupts a wrapped sentence', () => {
    const text = `${body(6)}\n不得擅自取消、下放和调整。因承接、\n\n青岛市人民政府关于青岛市政务服务管理办法\n的通知政策简讯\n\n下放、取消等事由变动的，应当及时更新清单。\n${body(2)}`;
    expect(run(text).removed.map((x) => x[0])).toEqual(['running-header']);
  });
});

