/**
 * Real documents as a legal database (北大法宝) exports them, and those exports printed and extracted by pdftotext
 * (test-data/database-exports/README.md): the database's citation code and page address above the title, the
 * title twice, the 文号 in parentheses, items typed as ㈠, attachments that are forms. Every expected value is
 * read off the source text by a person; the three forms of each source must all give it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../test-support/sha256';
import { buildCorpus } from './build.js';
import { flattenUnits, unitOwnText } from './structure.js';
import type { PolicyDocument } from './types.js';

const DIR = path.resolve(__dirname, '../../test-data/database-exports/raw');
// The copy as stored; its print read by pdftotext, in reading order and -layout; and read by pdf.js, as the app reads a PDF the user adds.
const FORMS = ['txt', 'pdftotext.txt', 'pdftotext-layout.txt', 'pdfjs.txt'];
const parse = (name: string) => buildCorpus([{ name, bytes: new Uint8Array(readFileSync(path.join(DIR, name))) }], sha256Hex).docs;
const text = (d: PolicyDocument) => flattenUnits(d.units).map((u) => unitOwnText(u).replace(/\s+/g, '')).join('\n');
const units = (d: PolicyDocument, level: string) => flattenUnits(d.units).filter((u) => u.level === level);

const XINYU_NOTICE = '新余市人民政府办公室关于印发《新余市新余市绿色建筑管理办法》的通知';
const XINJIANG = '新疆维吾尔自治区质监局关于进一步加强新闻宣传工作的通知';
const HAIKOU = '海口市水务局关于2020年2月1日—2020年2月29日生产建设项目水土保持方案审批决定的公告';

describe.each(FORMS)('legal databases’ exports (%s)', (form) => {
  it('新余: the notice and the 办法 it issues, one document as printed, with the 文号 printed in parentheses and the date in Chinese numerals', () => {
    const docs = parse(`xinyu-green-building.${form}`);
    // The date is printed without the body that signs it; the 办法 under it is what the notice's title issues (as the
    // 财政部 notice below, and every notice of the real-text set that prints what it issues).
    expect(docs.map((d) => d.title)).toEqual([XINYU_NOTICE]);
    const notice = docs[0];
    expect(notice.kind).toBe('办法');
    expect(units(notice, 'appendix').map((u) => u.heading)).toEqual(['新余市绿色建筑管理办法']);
    expect([notice.docNumber, notice.date, notice.issuer]).toEqual(['余府发〔2012〕3号', '2012-01-09', '新余市人民政府办公室']);
    expect(notice.region).toEqual({ level: 'city', province: '江西省', city: '新余市' });
    expect(text(notice)).toContain('已经2011年12月20日市八届人民政府第7次常务会议审议通过');
    // The database's lines are no text, and the title printed twice is one title.
    for (const d of docs) expect(text(d)).not.toMatch(/法宝引证码|原文链接|pkulaw|CLI\.12/);
    expect(text(notice)).not.toContain('的通知新余市');
  });

  it('新余: 6 chapters, 29 articles, and the items typed as ㈠…㈨ read as （一）…（九）', () => {
    const [rules] = parse(`xinyu-green-building.${form}`);
    expect(units(rules, 'chapter').map((u) => u.label)).toEqual(['第一章', '第二章', '第三章', '第四章', '第五章', '第六章']);
    expect(units(rules, 'article')).toHaveLength(29);
    const art5 = units(rules, 'article')[4];
    const items = flattenUnits([art5]).filter((u) => u.level === 'item');
    expect(items.map((u) => u.label)).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）', '（六）', '（七）', '（八）', '（九）']);
    expect(unitOwnText(items[0]).replace(/\s+/g, '')).toMatch(/^新型节能建筑体系，包括墙体/);
    expect(unitOwnText(items[8]).replace(/\s+/g, '')).toBe('其他技术成熟、效果显著的绿色、节能技术和管理技术。');
    const art28Items = flattenUnits([units(rules, 'article')[27]]).filter((u) => u.level === 'item');
    expect(art28Items).toHaveLength(3);
    expect(unitOwnText(units(rules, 'article')[28]).replace(/\s+/g, '')).toBe('本办法自2012年2月1日至2017年1月31日施行。');
  });

  it('新疆: one notice; its attachments’ forms stay in it (no document titled by a form’s cells), every line of them kept', () => {
    const docs = parse(`xinjiang-publicity-notice.${form}`);
    expect(docs.map((d) => d.title)).toEqual([XINJIANG]);
    const [d] = docs;
    expect([d.docNumber, d.date, d.issuer, d.kind]).toEqual(['新质监办发〔2012〕24号', null, '新疆维吾尔自治区质监局', '通知']);
    expect(d.region).toEqual({ level: 'province', province: '新疆维吾尔自治区', city: null });
    expect(units(d, 'outline1').map((u) => u.heading?.replace(/\s+/g, '') ?? unitOwnText(u).replace(/\s+/g, '').slice(0, 8))).toEqual([
      '充分认识宣传工作的重要性和必要性',
      '突出信息宣传工作的重点和完善运行机制',
      expect.stringMatching(/^落实信息宣传工作的原则/),
      '有关信息报送和宣传工作的要求',
    ]);
    const all = text(d).replace(/\n/g, '');
    expect(all).not.toMatch(/法宝引证码|原文链接|pkulaw/);
    // A note under a form, set off by blank lines, is the text's (it was taken for a running header).
    expect(all).toContain('备注：各单位请于2012年4月28日前将此表上报区局办公室。');
    expect(all).toContain('自治区质量技术监督局协助宣传报道通知单');
    expect(all).toMatch(/自治区质监局办公室年月日$/);
    // The list of the attachments (附件：1.… | 2.… | 3.…) is one paragraph-run of its own, no item of the outline.
    expect(units(d, 'outline3')).toEqual([]);
    const list = flattenUnits(d.units).find((u) => u.paragraphs[0]?.text.replace(/\s+/g, '').startsWith('附件：1.'))!;
    expect(list.paragraphs.map((p) => p.text.replace(/\s+/g, ''))).toEqual(['附件：1.自治区质监局各单位信息宣传联络员登记表', '2.自治区质监局各单位（部门）申请宣传申报单', '3.自治区质监局协助宣传报道通知单']);
  });

  it('财政部 (a policy database’s page): the title and 文号 from its fields, the other fields dropped, the notice and the 办法 it issues', () => {
    const docs = parse(`mof-cpa-finance.${form}`);
    expect(docs.map((d) => d.title)).toEqual(['关于印发《会计师事务所财务管理暂行办法》的通知']);
    const [d] = docs;
    expect([d.docNumber, d.date, d.issuer]).toEqual(['财会〔2010〕14号', '2010-06-13', '财政部']);
    expect(d.region).toEqual({ level: 'national', province: null, city: null });
    expect(units(d, 'article')).toHaveLength(26);
    expect(text({ ...d, units: [units(d, 'article')[25]] }).replace(/\n/g, '')).toMatch(/^本暂行办法自2011年1月1日起施行。/);
    const all = text(d).replace(/\n/g, '');
    expect(d.addressees).toBe('各省、自治区、直辖市财政厅（局），深圳市财政委员会：');
    expect(d.signature).toEqual(['财政部', '二○一○年六月十三日']);
    expect(all).toMatch(/^为了贯彻落实《国务院办公厅转发财政部关于加快发展我国注册会计师行业若干意见的通知》/);
    expect(all).not.toMatch(/法规标|发布日期|发文机|效力状态|现行有效|主题分类|地域分类|全文】/);
  });

  it('海口: one announcement, with no 文号 and no date printed, its contact lines kept', () => {
    const docs = parse(`haikou-water-announcement.${form}`);
    expect(docs.map((d) => d.title)).toEqual([HAIKOU]);
    const [d] = docs;
    expect([d.docNumber, d.date, d.issuer, d.kind]).toEqual([null, null, '海口市水务局', '公告']);
    expect(d.region).toEqual({ level: 'city', province: '海南省', city: '海口市' });
    const all = text(d).replace(/\n/g, '');
    expect(all).toContain('通讯地址：海口市政府第二办公区滨海大道长滨三路');
    expect(all).not.toContain(HAIKOU);
    expect(all).not.toMatch(/法宝引证码|原文链接|pkulaw/);
  });
});

/** gov.cn's pages (test-data/database-exports/pages/gov-NN.html): read off each document as printed (its title lines, 文号, signature). */
const GOV: [string, string, string, string, string][] = [
  ['01', '国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见', '国发〔2019〕5号', '2019-01-27', '国务院'],
  ['06', '国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知', '国办发〔2019〕3号', '2019-01-09', '国务院办公厅'],
  ['11', '国务院关于2018年度国家科学技术奖励的决定', '国发〔2018〕44号', '2018-12-28', '国务院'],
  ['14', '国务院关于河北雄安新区总体规划（2018—2035年）的批复', '国函〔2018〕159号', '2018-12-25', '国务院'],
  // The page's table says 成文日期 2004年04月17日; the reply itself is signed 二〇〇四年四月二十七日.
  ['24', '国务院办公厅关于同意以哈尔滨市名义申办2009年第二十四届世界大学生冬季运动会的复函', '国办函〔2004〕36号', '2004-04-27', '国务院办公厅'],
  ['26', '国务院办公厅对全国政协十届四次会议第4626号提案的答复', '国办函〔2006〕82号', '2006-10-18', '国务院办公厅'],
  ['28', '国务院办公厅对十届全国人大四次会议第2996号建议的答复', '国办函〔2006〕70号', '2006-09-07', '国务院办公厅'],
  // Its signature set off by a space in the copy, and an editor's note under the date: （本文有删减）.
  ['42', '国务院办公厅关于黄金经济政策有关问题的复函', '国办函〔1996〕16号', '1996-02-09', '国务院办公厅'],
  // Printed, the table's second column (主题分类, 成文日期, 发布日期) comes out under the title, above the 文号.
  ['38', '国务院办公厅关于2019年部分节假日安排的通知', '国办发明电〔2018〕15号', '2018-12-04', '国务院办公厅'],
  // Its paragraphs indented, its attachment's 130 items not: too few indents to read each as a paragraph's.
  ['56', '国务院办公厅关于对国务院第五次大督查发现的典型经验做法给予表扬的通报', '国办发〔2018〕108号', '2018-11-19', '国务院办公厅'],
  // Titles over three parts with blank lines between: the middle part once taken for a running header, and the issuer
  // on a line of its own above the part that names the matter.
  ['44', '国务院关于授权香港特别行政区实施管辖的深圳湾口岸港方口岸区范围和土地使用期限的批复', '国函〔2006〕132号', '2006-12-30', '国务院'],
  ['48', '国务院办公厅关于湖北省在温家宝总理考察工作时所提问题和建议办理情况的函', '国办函〔2004〕25号', '2004-03-02', '国务院办公厅'],
  // Printed, the year of its date comes out after it (年12月4日 | 2018), and the signature over its date and the note
  // over the 附件 label at the head of a page were taken for running headers.
  ['36', '国务院办公厅关于国家综合性消防救援车辆悬挂应急救援专用号牌有关事项的通知', '国办发〔2018〕114号', '2018-12-04', '国务院办公厅'],
  // Its attachment a table, a cell a line when copied (指导部门 科技部 | 推广范围 全国): a department's name was taken for a
  // sign-off that ended the notice. Printed, its date's year comes out after it too.
  ['10', '国务院办公厅关于推广第二批支持创新相关改革举措的通知', '国办发〔2018〕126号', '2018-12-23', '国务院办公厅'],
];

describe.each(FORMS)('gov.cn policy pages, their information table above the document (%s)', (form) => {

  it.each(GOV)('gov-%s: one document, titled, numbered, dated and signed as it prints itself; the table is the site’s', (id, title, number, date, issuer) => {
    const docs = parse(`gov-${id}.${form}`);
    expect(docs.map((d) => [d.title, d.docNumber, d.date, d.issuer])).toEqual([[title, number, date, issuer]]);
    expect(docs[0].region).toEqual({ level: 'national', province: null, city: null });
    expect(text(docs[0])).not.toMatch(/索引|主题分|成文日|发文字号|主题词|扫一扫/);
  });

  // A 批复 or 复函 is addressed to the bodies that asked, a reply to a proposal to the member who made it. Printed
  // by pdftotext, which keeps no indent, they run into the first sentence of the body.
  it.each([
    ['01', '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：', '在市场监管领域全面推行'],
    ['14', '河北省人民政府、国家发展改革委：', '你们《关于呈报〈河北雄安新区总体规划'],
    ['24', '黑龙江省人民政府，教育部、外交部、财政部、体育总局：', '教育部、外交部、财政部、体育总局《关于以哈尔滨市名义'],
    ['26', '王超斌委员：', '您提出的《关于设立总理热线电话的提案》收悉'],
    ['28', '石英代表：', '您提出的关于建设地方政府门户网站外文版的建议收悉'],
    ['42', '国家经贸委、冶金部：', '国家经贸委《关于解决当前黄金生产问题的意见》和冶金部'],
  ])('gov-%s: the addressees, not the body’s first words', (id, addressees, opening) => {
    const [d] = parse(`gov-${id}.${form}`);
    expect(d.addressees).toBe(addressees);
    expect(text(d).startsWith(opening)).toBe(true);
  });

  // A regulation as the State Council publishes it: its order (中华人民共和国国务院令 | 第707号 | 现公布…《X》… | 总理 李克强 |
  // date) above its title and text. One document, the regulation, numbered and dated by its order; the order's words
  // open its text. (The site's table abbreviates the number: 国令第707号.)
  it.each([
    ['33', '中华人民共和国个人所得税法实施条例', '中华人民共和国国务院令第707号', '2018-12-18', '现公布修订后的《中华人民共和国个人所得税法实施条例》，自2019年1月1日起施行。', '第一条'],
    // Dated by its order, not by the meeting that adopted it (2018年9月6日国务院第23次常务会议), which its note prints.
    ['58', '专利代理条例', '中华人民共和国国务院令第706号', '2018-11-06', '《专利代理条例》已经2018年9月6日国务院第23次常务会议修订通过，现将修订后的《专利代理条例》公布，自2019年3月1日起施行。', '第一章'],
  ])('gov-%s: the regulation under the order that promulgates it, one document', (id, title, number, date, opening, firstPart) => {
    const docs = parse(`gov-${id}.${form}`);
    expect(docs.map((d) => [d.title, d.docNumber, d.date, d.issuer])).toEqual([[title, number, date, '国务院']]);
    const [d] = docs;
    expect(d.region).toEqual({ level: 'national', province: null, city: null });
    expect(text(d).startsWith(opening)).toBe(true);
    expect(text(d)).toContain('总理李克强');
    expect(text(d)).not.toMatch(/国务院令\s*$|^第70\d号|扫一扫/m);
    // The regulation's own parts follow, whole: its note of earlier versions, then its chapters or articles.
    expect(flattenUnits(d.units).find((u) => u.level !== 'preamble')?.label).toBe(firstPart);
    expect(flattenUnits(d.units).filter((u) => u.level === 'article').length).toBeGreaterThan(30);
  });
});

