/**
 * toParagraphs on the lines under a law's title and at its end: each dated event of its metadata one paragraph,
 * wherever the lines wrap, and nothing of the next law's title taken into them. Lines from real texts (LawRefBook/Laws
 * printed and extracted as in test-data/realtext).
 */
import { describe, expect, it } from 'vitest';
import { toLines } from './lines.js';
import { toParagraphs } from './paragraphs.js';

const paras = (text: string, width?: number) => toParagraphs(toLines(text).lines, width).map((p) => p.text);

describe('toParagraphs: the metadata of a law', () => {
  it("does not run a list's last short line into the title of the next text after a blank line (a gazette, 179)", () => {
    const text = ['成 员：孙 尧 教育部副部长', '孙瑞标 税务总局副局长', '洪天云 扶贫办副主任', '', '国务院办公厅关于对国务院第五次大督查', '发现的典型经验做法给予表扬的通报'].join('\n');
    expect(paras(text).at(-1)).toBe('国务院办公厅关于对国务院第五次大督查发现的典型经验做法给予表扬的通报');
    // A sentence wrapped over a blank line still runs on: its next line is not a title's opening.
    expect(paras(['为进一步推动决策部署贯彻落实，国务院部署开展了第五次大督查和', '', '专项检查工作，取得明显成效。'].join('\n'))).toHaveLength(1);
    // The rule's edges: a line opening with a name in 《》, or going on after a comma, is not a title's first line.
    expect(paras(['成 员：孙 尧 教育部副部长', '洪天云 扶贫办副主任', '', '《国务院关于加强安全生产工作的决定》'].join('\n'))).toHaveLength(1);
    expect(paras(['成 员：孙 尧 教育部副部长', '洪天云 扶贫办副主任', '', '国务院办公厅关于印发实施方案的通知要求，抓好落实。'].join('\n'))).toHaveLength(1);
  });
  it('ends a title before a note whose first meeting is undated (（最高人民法院审判委员会第1193次会议、…通过 2002年…公布）)', () => {
    // test-data/realtext 092 (pdf.js): the title's last line was read as the note's first words.
    const text = [
      '　　　　最高人民法院、最高人民检察院关于执行',
      '　　　　《中华人民共和国刑法》确定罪名的补充',
      '　　　　规定',
      '',
      '　　（最高人民法院审判委员会第1193次会议、最高人民检察院第九届检察委员会第100',
      '次会议通过 2002年3月15日最高人民法院公告公布自2002年3月26日起施行）',
    ].join('\n');
    expect(paras(text)).toEqual([
      '最高人民法院、最高人民检察院关于执行《中华人民共和国刑法》确定罪名的补充规定',
      '（最高人民法院审判委员会第1193次会议、最高人民检察院第九届检察委员会第100次会议通过2002年3月15日最高人民法院公告公布自2002年3月26日起施行）',
    ]);
  });
  it('keeps an amendment adopted by a city and approved by its province as one event, the dated line after 并经 with it', () => {
    // The real header of 济南市矿产资源管理规定 (pdf.js), two of its four amendments.
    const text = [
      '　　　　1997年12月13日山东省第八届人民代表大会常务委员会第三十一次会议批准',
      '　　2010年10月27日济南市第十四届人民代表大会常务委员会第二十四次会议通过并经',
      '　　2010年11月25日山东省第十一届人民代表大会常务委员会第二十次会议批准的《济南',
      '　　市人民代表大会常务委员会关于修改〈济南市城镇企业职工基本养老保险条例〉等二',
      '　　　　十三件地方性法规的决定》第二次修正',
      '　　2012年5月10日济南市第十五届人民代表大会常务委员会第二次会议通过',
    ].join('\n');
    expect(paras(text, 40)).toEqual([
      '1997年12月13日山东省第八届人民代表大会常务委员会第三十一次会议批准',
      '2010年10月27日济南市第十四届人民代表大会常务委员会第二十四次会议通过并经2010年11月25日山东省第十一届人民代表大会常务委员会第二十次会议批准的《济南市人民代表大会常务委员会关于修改〈济南市城镇企业职工基本养老保险条例〉等二十三件地方性法规的决定》第二次修正',
      '2012年5月10日济南市第十五届人民代表大会常务委员会第二次会议通过',
    ]);
    // An amendment wrapped inside its decision's name (…会议《关于修改 | 〈…〉…的决定》第一次修正) goes on: 关于修改 is a
    // name, not the verb 修改 (real header of 山东省实施《中华人民共和国野生动物保护法》办法, pdf.js).
    const shandong = [
      '　　　　1991年12月20日山东省第七届人民代表大会常务委员会第二十五次会议通过',
      '　　2010年9月29日山东省第十一届人民代表大会常务委员会第十九次会议《关于修改',
      '　　〈山东省乡镇人民代表大会工作若干规定〉等二十件地方性法规的决定》第一次修正',
      '　　2015年7月24日山东省第十二届人民代表大会常务委员会第十五次会议《关于修改',
      '　　　　〈山东省农村可再生能源条例〉等十二件地方性法规的决定》第二次修正',
    ].join('\n');
    expect(paras(shandong, 40).map((p) => p.slice(-5))).toEqual(['次会议通过', '第一次修正', '第二次修正']);
    // (…通过后经 | the approval, too; a 经 inside a line, as in 经济, ends nothing.)
    expect(paras('2004年7月30日济南市人民代表大会常务委员会会议通过后经\n2004年9月23日山东省人民代表大会常务委员会批准', 40)).toHaveLength(1);
    expect(paras('2004年7月30日济南市人民代表大会常务委员会经济工作委员会\n2004年9月23日山东省人民代表大会常务委员会批准', 40)).toHaveLength(2);
  });
  // A compilation printed by pdftotext -layout (test-data/realtext-heldout/020m): 北京市森林资源保护管理条例's last
  // paragraph opens with dates and meetings, as a law's note does, but is a sentence; the next law's title follows.
  it('ends a dated sentence about repealed laws at its full stop: the next law’s title is no part of it', () => {
    const text = [
      '      1985年8月3日市第八届人大常委会第二十二次会议通过、1997年10月15日市',
      '      第十届人大常委会第四十次会议修正的《北京市农村林木资源保护管理条例》',
      '      同时废止。',
      '',
      '                浙江省城市景观风貌条例',
      '       （2017年11月30日 浙江省第十二届人民代表大会常务委员会第四十五次',
    ].join('\n');
    expect(paras(text, 38).slice(0, 2)).toEqual([
      '1985年8月3日市第八届人大常委会第二十二次会议通过、1997年10月15日市第十届人大常委会第四十次会议修正的《北京市农村林木资源保护管理条例》同时废止。',
      '浙江省城市景观风貌条例',
    ]);
  });
  // 中华人民共和国刑法 as LawRefBook/Laws lists its amendments under the title: each line a whole event ending in 》.
  it('keeps apart amendments that each end in 》, the next not a verb alone', () => {
    const head = '2009年2月28日第十一届全国人民代表大会常务委员会第七次会议通过的《中华人民共和国刑法修正案（七）》\n2011年2月25日第十一届全国人民代表大会常务委员会第十九次会议通过的《中华人民共和国刑法修正案（八）》\n第一编 总则';
    expect(paras(head, 44)).toEqual([
      '2009年2月28日第十一届全国人民代表大会常务委员会第七次会议通过的《中华人民共和国刑法修正案（七）》',
      '2011年2月25日第十一届全国人民代表大会常务委员会第十九次会议通过的《中华人民共和国刑法修正案（八）》',
      '第一编 总则',
    ]);
  });
  it('keeps an amendment whose verb wrapped onto a line of its own as one event', () => {
    const head = '济南市森林资源保护管理办法\n1999年9月17日济南市第十二届人民代表大会常务委员会第十次会议通过\n2004年7月30日济南市第十三届人民代表大会常务委员会第十二次会议通过的《济南市人民代\n表大会常务委员会关于修改〈济南市发展社区服务的若干规定〉等十三件地方性法规的决定》\n第一次修正\n第一章 总 则';
    expect(paras(head, 44)).toEqual([
      '济南市森林资源保护管理办法',
      '1999年9月17日济南市第十二届人民代表大会常务委员会第十次会议通过',
      '2004年7月30日济南市第十三届人民代表大会常务委员会第十二次会议通过的《济南市人民代表大会常务委员会关于修改〈济南市发展社区服务的若干规定〉等十三件地方性法规的决定》第一次修正',
      '第一章 总 则',
    ]);
  });
});
