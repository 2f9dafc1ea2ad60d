/** The answer key's own rules, on header lines as the sources print them (expectations read off the lines by hand). */
import { describe, expect, it } from 'vitest';
import { actingBody, countArticles, kindOfTitle, parseLawMarkdown } from './law-source.js';
import { regionOf } from './key-region.js';
import { noticeKind, signatureDate } from './notice-source.js';
import { locateDocs, pickSentences } from './locate.js';
import { charAccuracy } from './accuracy.js';
import { printsOwnDates } from './make-set.js';

describe('actingBody: the body that acted, as a metadata line names it', () => {
  it.each([
    ['第十三届全国人民代表大会常务委员会第七次会议《关于修改〈中华人民共和国产品质量法〉等五部法律的决定》第二次修正', '全国人民代表大会常务委员会'],
    ['上海市第十五届人民代表大会常务委员会第二十次会议通过', '上海市人民代表大会常务委员会'],
    ['北京市第九届人大常委会第三十一次会议通过', '北京市人民代表大会常务委员会'],
    ['中华人民共和国国务院令第656号公布', '国务院'],
    ['中华人民共和国国务院、中华人民共和国中央军事委员会令第371号公布', '国务院、中央军事委员会'],
    // 征兵工作条例's first event, as LawRefBook/Laws prints it: 中央军委 in full, as the parser names it.
    ['国务院、中央军委发布', '国务院、中央军事委员会'],
    ['最高人民检察院第十三届检察委员会第二十八次会议通过', '最高人民检察院'],
    ['由最高人民法院审判委员会第1572次会议通过', '最高人民法院'],
    ['《国务院关于修改部分行政法规的决定》第一次修订', '国务院'],
    ['民政部令第14号发布', '民政部'],
    ['食品药品监管局、海关总署第4号令公布', '食品药品监管局、海关总署'],
    ['经人力资源和社会保障部第6次部务会议通过', '人力资源和社会保障部'],
    ['施行', null],
  ])('%s → %s', (line, body) => expect(actingBody(line)).toBe(body));
});

describe('parseLawMarkdown', () => {
  const md = [
    '# 中华人民共和国义务教育法',
    '',
    '1986年4月12日 第六届全国人民代表大会第四次会议通过',
    '',
    '2018年12月29日 第十三届全国人民代表大会常务委员会第七次会议《关于修改〈中华人民共和国产品质量法〉等五部法律的决定》第二次修正）',
    '',
    '2019年1月1日 施行',
    '',
    '<!-- INFO END -->',
    '',
    '## 第一章 总则',
    '',
    '第一条 为了保障适龄儿童、少年接受义务教育的权利，制定本法。',
    '',
    '国家实行九年义务教育制度。',
    '',
    '第二条 国家实行九年义务教育制度。',
    '',
    '第十条规定的期限，依照前款执行。',
    '',
    '“第三条 本法自公布之日起施行。”',
  ].join('\n');
  const law = parseLawMarkdown(md, '行政法/义务教育法(2018-12-29).md', 'c0ffee')!;
  it('reads the title, the dated events with their bodies, and the blocks', () => {
    expect(law.title).toBe('中华人民共和国义务教育法');
    expect(law.fileDate).toBe('2018-12-29');
    expect(law.meta.map((m) => [m.date, m.event, m.body])).toEqual([
      ['1986-04-12', 'adopted', '全国人民代表大会'],
      ['2018-12-29', 'amended', '全国人民代表大会常务委员会'],
      ['2019-01-01', 'effective', null],
    ]);
    expect(law.blocks[0]).toEqual({ kind: 'heading', level: 2, text: '第一章 总则' });
  });
  it('reads each event of a line that runs several together (…修订根据2017年…第二次修正)', () => {
    const joined = parseLawMarkdown(
      [
        '# 上海市市民体育健身条例',
        '',
        '2000年12月15日 上海市第十一届人民代表大会常务委员会第二十四次会议通过',
        '',
        '2012年4月19日 上海市第十三届人民代表大会常务委员会第三十三次会议修订根据2017年11月23日上海市第十四届人民代表大会常务委员会第四十一次会议《关于修改本市部分地方性法规的决定》第二次修正',
        '',
        '<!-- INFO END -->',
        '',
        '第一条 为了促进本市市民体育健身活动的开展，制定本条例。',
      ].join('\n'),
      'DLC/上海地方法规/地方性法规/上海/上海市市民体育健身条例(2017-11-23).md',
      'c0ffee',
    )!;
    expect(joined.meta.map((m) => [m.date, m.event])).toEqual([
      ['2000-12-15', 'adopted'],
      ['2012-04-19', 'revised'],
      ['2017-11-23', 'amended'],
    ]);
  });
  it('gives a meeting printed with no verb the verb of the meeting after it (one line each, 通过 after the second)', () => {
    const joint = parseLawMarkdown(
      [
        '# 最高人民法院 最高人民检察院关于办理非法从事资金支付结算业务、非法买卖外汇刑事案件适用法律若干问题的解释',
        '',
        '2018年9月17日 最高人民法院审判委员会第1749次会议',
        '',
        '2018年12月12日 最高人民检察院第十三届检察委员会第十一次会议通过',
        '',
        '2019年2月1日 施行',
        '',
        '<!-- INFO END -->',
        '',
        '第一条 为依法惩治非法从事资金支付结算业务、非法买卖外汇犯罪活动，制定本解释。',
      ].join('\n'),
      '司法解释/最高人民法院、最高人民检察院关于办理非法从事资金支付结算业务、非法买卖外汇刑事案件适用法律若干问题的解释.md',
      'c0ffee',
    )!;
    expect(joint.meta.map((m) => [m.date, m.event, m.body])).toEqual([
      ['2018-09-17', 'adopted', '最高人民法院'],
      ['2018-12-12', 'adopted', '最高人民检察院'],
      ['2019-02-01', 'effective', null],
    ]);
  });
  it('reads a province\'s approval printed inside a city\'s amendment as an approval of its own (…通过并经2018年9月21日…批准的《…》修正)', () => {
    const approved = parseLawMarkdown(
      [
        '# 淄博市生猪屠宰管理办法',
        '',
        '1996年5月29日 淄博市第十届人民代表大会常务委员会第二十五次会议通过',
        '',
        '1997年10月15日 山东省第八届人民代表大会常务委员会第三十次会议批准',
        '',
        '2018年8月29日 淄博市第十五届人民代表大会常务委员会第十六次会议通过并经2018年9月21日山东省第十三届人民代表大会常务委员会第五次会议批准的《淄博市人民代表大会常务委员会关于修改〈淄博市国土绿化条例〉等十三件地方性法规的决定》第二次修正',
        '',
        '<!-- INFO END -->',
        '',
        '第一条 为加强生猪屠宰管理，制定本办法。',
      ].join('\n'),
      'DLC/山东地方法规/地方性法规/淄博/淄博市生猪屠宰管理办法(2018-08-29).md',
      'c0ffee',
    )!;
    expect(approved.meta.map((m) => [m.date, m.event, m.body])).toEqual([
      ['1996-05-29', 'adopted', '淄博市人民代表大会常务委员会'],
      ['1997-10-15', 'approved', '山东省人民代表大会常务委员会'],
      ['2018-08-29', 'amended', '淄博市人民代表大会常务委员会'],
      ['2018-09-21', 'approved', '山东省人民代表大会常务委员会'],
    ]);
  });
  it('gives each body of a joint adoption its event (最高人民法院…会议、2024年…最高人民检察院…会议通过)', () => {
    const joint = parseLawMarkdown(
      [
        '# 最高人民法院、最高人民检察院关于办理洗钱刑事案件适用法律若干问题的解释',
        '',
        '2023年3月20日 最高人民法院审判委员会第1880次会议、2024年3月29日最高人民检察院第十四届检察委员会第二十八次会议通过',
        '',
        '2024年8月20日 施行',
        '',
        '<!-- INFO END -->',
        '',
        '第一条 为依法惩治洗钱犯罪活动，制定本解释。',
      ].join('\n'),
      '司法解释/最高人民法院、最高人民检察院关于办理洗钱刑事案件适用法律若干问题的解释(2024-08-19).md',
      'c0ffee',
    )!;
    expect(joint.meta.map((m) => [m.date, m.event, m.body])).toEqual([
      ['2023-03-20', 'adopted', '最高人民法院'],
      ['2024-03-29', 'adopted', '最高人民检察院'],
      ['2024-08-20', 'effective', null],
    ]);
  });
  it('counts the paragraphs that begin with 第X条 and a space, not a quoted one nor a reference (第十条规定)', () => {
    expect(countArticles(law.blocks)).toBe(2);
  });
});

describe('kinds', () => {
  it.each([
    ['中华人民共和国义务教育法', '法'],
    ['不动产登记暂行条例', '条例'],
    ['最高人民法院关于审理食品药品纠纷案件适用法律若干问题的规定', '规定'],
    ['中华人民共和国刑法修正案（七）', '修正案'],
    ['国家机关、事业单位贯彻《国务院关于职工工作时间的规定》的实施办法', '办法'],
  ])('%s → %s', (t, k) => expect(kindOfTitle(t)).toBe(k));
  it.each([
    ['国务院关于印发国家职业教育改革实施方案的通知', '方案'],
    ['国务院关于印发《国务院工作规则》的通知', '规则'],
    ['国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知', '通知'],
    ['国务院关于河北雄安新区总体规划（2018—2035年）的批复', '批复'],
    ['国务院办公厅关于黄金经济政策有关问题的复函', '函'],
    // (A 函 that issues a 预案 is a 函: the genre's rule classes only a 通知 by what it issues.)
    ['国务院办公厅关于印发国家粮食应急预案的函', '函'],
    ['国务院办公厅关于印发国家突发公共事件总体应急预案的通知', '预案'],
  ])('notice %s → %s', (t, k) => expect(noticeKind(t, kindOfTitle)).toBe(k));
});

describe('signatureDate', () => {
  it.each([
    ['2019年1月27日', '2019-01-27'],
    ['一九九六年六月二十九日', '1996-06-29'],
    ['二〇〇四年十二月十七日', '2004-12-17'],
    ['2019年1月27日印发', null],
    ['2019年13月1日', null],
  ])('%s → %s', (l, d) => expect(signatureDate(l)).toBe(d));
});

describe('regionOf', () => {
  it('is the folder province, or the city its issuer or title begins with', () => {
    expect(regionOf('山东', ['青岛市人民代表大会常务委员会', '青岛市城市风貌保护条例'])).toEqual({ level: 'city', province: '山东省', city: '青岛市' });
    expect(regionOf('广东', ['', '深圳经济特区房地产登记条例'])).toEqual({ level: 'city', province: '广东省', city: '深圳市' });
    expect(regionOf('上海', ['上海市人民代表大会常务委员会', '上海市促进浦东新区保税维修业务发展若干规定'])).toEqual({ level: 'province', province: '上海市', city: null });
  });
});

describe('locateDocs and pickSentences', () => {
  const raw = ['# Page 1:', '全国人民代表大会常务委员会公报', '', '中华人民共和国义务', '教育法', '第一条 为了保障适龄儿童、少年接受义务教育的权利，保', '证义务教育的实施。', '', '—1—', '# Page 2:', '不动产登记暂行条例', '第一条 为整合不动产登记职责。', '2'].join('\n');
  it('finds a wrapped title past the running header, and ends a document on its last text line', () => {
    const [a, b] = locateDocs(
      raw,
      [
        { first: '中华人民共和国义务教育法', title: '中华人民共和国义务教育法', text: '第一条 为了保障适龄儿童、少年接受义务教育的权利，保证义务教育的实施。' },
        { first: '不动产登记暂行条例', title: '不动产登记暂行条例', text: '第一条 为整合不动产登记职责。' },
      ],
      ['全国人民代表大会常务委员会公报'],
    );
    expect(a).toEqual({ startLine: 4, titleLine: 4, endLine: 7, wrapPhrases: ['的权利，保证义务教育'] });
    expect(b).toMatchObject({ startLine: 11, endLine: 12 });
  });
  it('picks whole sentences without the unit label', () => {
    expect(pickSentences(['第一条 为了保障适龄儿童、少年接受义务教育的权利，制定本法。', '（一）国务院烟草专卖行政主管部门规定的其他条件。'], 3)).toEqual([
      '为了保障适龄儿童、少年接受义务教育的权利，制定本法。',
      '国务院烟草专卖行政主管部门规定的其他条件。',
    ]);
  });
});

describe('charAccuracy', () => {
  it('counts a substituted character as one edit and ignores whitespace', () => {
    const sub = charAccuracy('常住户口所在地', '常住 戶口\n所在地');
    expect(sub).toMatchObject({ edits: 1, chars: 7 });
    expect(sub.accuracy).toBeCloseTo(6 / 7, 12);
    const lost = charAccuracy('人民代表大会', '人民大会');
    expect(lost).toMatchObject({ edits: 2, chars: 6 });
    expect(lost.accuracy).toBeCloseTo(4 / 6, 12);
  });
});

describe('printsOwnDates: which texts of one title the key may ask to be ordered as versions', () => {
  // The headers of a text the source repository holds twice (…解释.md and …解释(2019-01-31).md), and of a revision.
  const header = (lines: string[], file: string) =>
    parseLawMarkdown(['# 最高人民法院 最高人民检察院关于办理非法从事资金支付结算业务、非法买卖外汇刑事案件适用法律若干问题的解释', '', ...lines.flatMap((l) => [l, '']), '<!-- INFO END -->', '', '第一条 为依法惩治非法从事资金支付结算业务、非法买卖外汇犯罪活动，制定本解释。'].join('\n'), file, 'c0ffee')!;
  const adopted = ['2018年9月17日 最高人民法院审判委员会第1749次会议、2018年12月12日最高人民检察院第十三届检察委员会第十一次会议通过', '2019年2月1日 施行'];
  const copyA = header(adopted, '司法解释/最高人民法院、最高人民检察院关于办理非法从事资金支付结算业务、非法买卖外汇刑事案件适用法律若干问题的解释.md');
  const copyB = header(adopted, '司法解释/最高人民法院 最高人民检察院关于办理非法从事资金支付结算业务、非法买卖外汇刑事案件适用法律若干问题的解释(2019-01-31).md');
  const revised = header([...adopted.slice(0, 1), '2023年5月6日 最高人民法院审判委员会第1890次会议修正'], '司法解释/x(2023-05-06).md');
  const undated = header(['2019年2月1日 施行'], '司法解释/y.md');
  it('two copies that print the same date are not versions, whatever their file names say', () => {
    expect(copyA.meta.length).toBeGreaterThan(0);
    expect(printsOwnDates([copyA, copyB])).toBe(false);
  });
  it('a text and its revision are', () => expect(printsOwnDates([copyA, revised])).toBe(true));
  it('a text that prints no date of its own cannot be ordered', () => expect(printsOwnDates([undated, revised])).toBe(false));
});
