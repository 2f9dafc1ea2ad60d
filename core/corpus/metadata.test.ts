import { describe, expect, it } from 'vitest';
import { documentYear } from './facts.js';
import { dateFromLine, docNumberFrom, effectiveDate, formalIssuer, issuersFromTitle, kindFromTitle, parseTitle, publishedDate, reprintSource, sourceName, tidyTitle } from './metadata.js';
import { parseChineseNumber, toChineseNumber } from './numerals.js';

describe('parseTitle', () => {
  it('strips the compilation number and the date, and PDF spaces', () => {
    expect(parseTitle('1. 上海海关等11 部门关于印发《上海口岸2023 年深化跨境贸易营商环境改革若干措施》的通知（2023 年6 月13 日）')).toEqual({
      title: '上海海关等11部门关于印发《上海口岸2023年深化跨境贸易营商环境改革若干措施》的通知',
      date: '2023-06-13',
      number: 1,
    });
    expect(parseTitle('10.德州市人民政府办公室关于印发工作方案的通知(2023 年1 月20 日）').date).toBe('2023-01-20');
  });
  it('keeps spaces between Latin words only', () => {
    expect(tidyTitle('国家金融监督管理总局陕西监管局办公室印发 《关于2024 年的通知》')).toBe('国家金融监督管理总局陕西监管局办公室印发《关于2024年的通知》');
    expect(tidyTitle('AEO 高级认证 Authorized Economic Operator')).toBe('AEO高级认证Authorized Economic Operator');
  });
  it('reads a compilation entry as PDF extraction leaves it: leading space, wide spaces, two-digit month, 、 in the title', () => {
    expect(parseTitle(' 5. 国务院关于河北雄安新区总体规划（2018—2035年）的批复（ 2018 年 12 月 25 日 ）')).toEqual({
      title: '国务院关于河北雄安新区总体规划（2018—2035年）的批复',
      date: '2018-12-25',
      number: 5,
    });
    // The number is the digits before the first dot; the 、 between two issuers is part of the title.
    expect(parseTitle('3.福建省发展和改革委员会、福建省财政厅关于印发办法的通知')).toEqual({ title: '福建省发展和改革委员会、福建省财政厅关于印发办法的通知', date: null, number: 3 });
    expect(parseTitle('AEO 高级认证企业  Authorized  Economic Operator 名单').title).toBe('AEO高级认证企业Authorized Economic Operator名单');
  });
  it('takes no number from digits inside a title, and no date from a parenthesised date the title goes on after', () => {
    expect(parseTitle('关于推进营商环境改革2.0版的通知')).toEqual({ title: '关于推进营商环境改革2.0版的通知', date: null, number: null });
    expect(parseTitle('关于做好（2024年1月1日）起施行的新版目录衔接工作的通知')).toEqual({ title: '关于做好（2024年1月1日）起施行的新版目录衔接工作的通知', date: null, number: null });
  });
  it('tidies a title printed with ideographic spaces, tabs and ASCII parentheses', () => {
    expect(tidyTitle('国务院办公厅\u3000关于印发国家粮食应急预案的函')).toBe('国务院办公厅关于印发国家粮食应急预案的函');
    expect(tidyTitle('福建省省级政府投资项目代建制管理办法\t(试行)')).toBe('福建省省级政府投资项目代建制管理办法（试行）');
    expect(tidyTitle('Authorized\u3000Economic  Operator')).toBe('Authorized Economic Operator');
  });
});

describe('kindFromTitle', () => {
  it.each([
    ['青岛市政务服务管理办法', '办法'],
    ['上海海关等11部门关于印发《上海口岸2023年深化跨境贸易营商环境改革若干措施》的通知', '措施'],
    ['临沂市优化营商环境条例（征求意见稿）', '条例'],
    ['山东省人民政府办公厅关于印发2023年山东省政务公开工作要点的通知', '要点'],
    ['福建省人民政府关于印发福建省省级政府投资项目代建制管理办法（试行）的通知', '办法'],
    ['安徽省财政厅关于进一步贯彻落实优化政府采购营商环境有关规定的通知', '通知'],
    ['上海市人民政府办公厅关于本市推进12345市民服务热线与110报警服务台高效对接联动的实施意见', '意见'],
    ['杭州市发改委关于公开征求《实施意见（征求意见稿）》意见的公告', '公告'],
    // Laws, judicial texts and replies (titles from test-data/realtext, answer key kinds).
    ['中华人民共和国外商投资法', '法'],
    ['中华人民共和国宪法修正案（2018年）', '修正案'],
    ['最高人民法院关于适用《中华人民共和国保险法》若干问题的解释（一）', '解释'],
    ['最高人民法院、最高人民检察院关于办理环境污染刑事案件适用法律若干问题的解释', '解释'],
    ['国务院办公厅关于湖北省巴东县地质灾害险情有关问题的复函', '函'],
    ['国务院办公厅对全国政协十届四次会议第4626号提案的答复', '答复'],
    ['北京市实施《中华人民共和国反恐怖主义法》办法', '办法'],
    // 通报 is one of the statutory kinds of 公文 (党政机关公文处理工作条例 第八条).
    ['国务院办公厅关于山西、安徽省四起特大煤矿瓦斯爆炸事故调查处理情况的通报', '通报'],
    // 预案: what each body does in an emergency, a genre of its own; a notice that issues one is classed by it.
    ['国家粮食应急预案', '预案'],
    ['上海市人民政府关于印发《上海市突发公共事件总体应急预案》的通知', '预案'],
    // A forwarded report or request has no kind of its own: the covering notice is the kind.
    ['国务院办公厅转发国家地震局关于我国地震重点监视防御区的确定和加强防震减灾工作意见报告的通知', '通知'],
    ['国务院办公厅转发国家教委关于内地西藏班（校）扩大规模有关问题请示的通知', '通知'],
    ['国务院办公厅转发国务院体改办等部门关于城镇医药卫生体制改革指导意见的通知', '意见'],
    // 规范 and 指南: a ministry's rules (部门规章) and guidance, as LawRefBook and ministries' sites title them.
    ['医疗机构制剂配制质量管理规范（试行）', '规范'],
    ['交通警察道路执勤执法工作规范', '规范'],
    ['国家市场监督管理总局关于印发《企业境外经营合规管理指引》的通知', '指南'],
    ['政务服务事项办事指南', '指南'],
    ['关于做好政务服务事项办事指南编制工作的通知', '通知'],
  ])('%s → %s', (title, kind) => expect(kindFromTitle(title)).toBe(kind));

  // Kinds of the answer key of test-data/realtext.
  it.each([
    ['中华人民共和国台湾同胞投资保护法实施细则', '细则'],
    ['国务院关于印发《国务院工作规则》的通知', '规则'],
    ['济南市矿产资源管理规定', '规定'],
    ['国务院关于同意建立国务院职业教育工作部际联席会议制度的批复', '批复'],
    ['国务院关于印发国家职业教育改革实施方案的通知', '方案'],
    ['国务院关于2018年度国家科学技术奖励的决定', '决定'],
    ['国务院办公厅关于印发国家粮食应急预案的函', '函'],
    ['国务院办公厅关于推广第二批支持创新相关改革举措的通知', '通知'],
    ['国务院关于印发“十四五”数字经济发展规划的通知', '计划'],
    ['江苏省政府办公厅印发关于促进个体工商户高质量发展若干政策措施的通知', '措施'],
    ['《青岛市政务服务管理办法》政策解读', '解读'],
  ])('%s → %s (answer key)', (title, kind) => expect(kindFromTitle(title)).toBe(kind));

  // A kind word inside a title is not its kind: the title's last word is.
  it.each([
    ['国务院办公厅关于加强政府信息公开政策解读工作的通知', '通知'],
    ['关于修改《中华人民共和国增值税暂行条例实施细则》和《中华人民共和国营业税暂行条例实施细则》的决定', '决定'],
    ['国务院关于修改《建设工程勘察设计管理条例》的决定', '决定'],
    ['住房城乡建设部关于修改《房屋建筑和市政基础设施工程施工招标投标管理办法》的决定', '决定'],
    ['最高人民检察院关于认真学习贯彻刑法修正案（十一）的通知', '通知'],
    ['全国人民代表大会常务委员会关于修改《全国人民代表大会常务委员会议事规则》的决定', '决定'],
    ['最高人民法院关于废止部分司法解释及相关规范性文件的决定', '决定'],
    ['财政部关于做好部门预算批复工作的通知', '通知'],
    ['关于做好人大代表建议答复工作的通知', '通知'],
    ['国务院办公厅关于规范公文函件办理工作的通知', '通知'],
    ['中国银保监会关于对通报批评事项整改情况的通知', '通知'],
    ['国务院关于贯彻实施《中华人民共和国行政许可法》的通知', '通知'],
    ['关于做好实施方案编制工作的通知', '通知'],
    ['山东省人民政府办公厅关于做好2023年政务公开工作要点落实工作的通知', '通知'],
    ['关于调整2024年度招生计划的通知', '通知'],
    ['教育部关于学习贯彻《中共中央关于全面深化改革若干重大问题的决定》的通知', '通知'],
    ['关于做好政府采购公告发布工作的通知', '通知'],
    ['河南省人民代表大会常务委员会关于执行《关于做好2023年政务公开工作的通知》的决议', '其他'],
  ])('%s → %s (a kind word inside the title)', (title, kind) => expect(kindFromTitle(title)).toBe(kind));

  it('reads the kind through notes after it: （试行）, （草案…）, （2021年版）, （2021-2025） before a further note', () => {
    expect(kindFromTitle('深圳市公共数据开放管理办法（试行）（2023年修订）')).toBe('办法');
    expect(kindFromTitle('广东省数字经济促进条例（草案修改稿）（二次审议稿）')).toBe('条例');
    expect(kindFromTitle('中央预算内投资补助和贴息项目管理办法（2021年版）（修订）')).toBe('办法');
    expect(kindFromTitle('中央预算内投资补助和贴息项目管理办法（2021版）（修订）')).toBe('办法');
    expect(kindFromTitle('上海市城市更新规划（2021-2025）（修订）')).toBe('计划');
  });

  it('classes what a notice issues however the title names it', () => {
    // 发布修订后的《…》的公告: words between the verb and the book title.
    expect(kindFromTitle('国家税务总局关于发布修订后的《企业所得税优惠政策事项办理办法》的公告')).toBe('办法');
    // A news-style title without 的通知, the issued text carrying a note of its own.
    expect(kindFromTitle('司法部发布《行政复议法实施条例（修订草案征求意见稿）》')).toBe('条例');
    expect(kindFromTitle('市政府办公室关于转发《江苏省公共数据管理办法》通知')).toBe('办法');
    // Two issued texts of one kind.
    expect(kindFromTitle('财政部关于印发《行政事业单位内部控制规范》和《行政事业单位内部控制管理办法》的通知')).toBe('办法');
    // Several texts named by the first of them: the notice is a 通知.
    expect(kindFromTitle('财政部关于印发《行政单位财务规则》等三项制度的通知')).toBe('通知');
    // A notice forwarding a notice is a notice, whatever the forwarded one issued.
    expect(kindFromTitle('市政府办公室关于转发省政府办公厅关于印发江苏省数字政府建设实施方案的通知的通知')).toBe('通知');
  });

  it('classes a title of no kind of its own (a decree) by the text it carries', () => {
    expect(kindFromTitle('上海市人民政府令', '上海市公共数据开放暂行办法')).toBe('办法');
    expect(kindFromTitle('上海市人民政府令')).toBe('其他');
  });

  it('classes a covering notice that shortens what it issues by its attachment, and only then by itself', () => {
    const covering = '内蒙古自治区人民政府办公厅关于印发自治区支持民营企业发展壮大若干措施及配套清单的通知';
    expect(kindFromTitle(covering, '自治区支持民营企业发展壮大若干措施')).toBe('措施');
    expect(kindFromTitle(covering, '配套清单')).toBe('通知');
    expect(kindFromTitle('关于做好有关工作的通知', '某某实施方案')).toBe('通知');
  });
});

describe('formalIssuer', () => {
  it.each([
    ['河南省人大常委会', '河南省人民代表大会常务委员会'],
    ['河南省人大常委会办公厅', '河南省人民代表大会常务委员会办公厅'],
    ['中华人民共和国海关总署', '海关总署'],
    ['中华人民共和国国务院', '国务院'],
    ['中央军委', '中央军事委员会'],
    // Its office signs with the short name (国务院办公厅、中央军委办公厅 as gov.cn lists them).
    ['中央军委办公厅', '中央军委办公厅'],
    // Nothing to shorten: the name as it is.
    ['中华人民共和国', '中华人民共和国'],
    ['中华人民共和国令', '中华人民共和国令'],
    ['美国驻中华人民共和国大使馆', '美国驻中华人民共和国大使馆'],
    ['上海市人民政府', '上海市人民政府'],
  ])('%s → %s', (name, formal) => expect(formalIssuer(name)).toBe(formal));
});

describe('issuers, 文号 and dates', () => {
  it('reads issuers from the head of a title', () => {
    expect(issuersFromTitle('上海海关等11部门关于印发《措施》的通知')).toEqual(['上海海关等11部门']);
    expect(issuersFromTitle('江苏省政府办公厅印发关于促进个体工商户高质量发展若干政策措施的通知')).toEqual(['江苏省政府办公厅']);
    expect(issuersFromTitle('福建省发展和改革委员会、福建省财政厅关于印发办法的通知')).toEqual(['福建省发展和改革委员会', '福建省财政厅']);
    expect(issuersFromTitle('临沂市优化营商环境条例')).toEqual([]);
    // A joint notice of thirteen bodies: 80 characters before 关于, set apart by spaces.
    expect(issuersFromTitle('国家发展改革委 教育部 科技部 工业和信息化部 财政部 人力资源社会保障部 自然资源部 生态环境部 住房城乡建设部 交通运输部 农业农村部 商务部 市场监管总局关于印发《促进绿色消费实施方案》的通知')).toEqual([
      '国家发展改革委', '教育部', '科技部', '工业和信息化部', '财政部', '人力资源社会保障部', '自然资源部', '生态环境部', '住房城乡建设部', '交通运输部', '农业农村部', '商务部', '市场监管总局',
    ]);
    expect(issuersFromTitle('国务院办公厅对全国政协十届四次会议第4626号提案的答复')).toEqual(['国务院办公厅']);
  });
  it('takes no issuer from a head that names a book title or a year', () => {
    expect(issuersFromTitle('《优化营商环境条例》正式发布')).toEqual([]);
    expect(issuersFromTitle('2023年全省优化营商环境重点任务清单发布')).toEqual([]);
    // A title that begins with its matter, as a database lists a ministry's notice (its signature names the issuer).
    expect(issuersFromTitle('关于印发《会计师事务所财务管理暂行办法》的通知')).toEqual([]);
    expect(issuersFromTitle('印发关于促进个体工商户发展若干政策措施的通知')).toEqual([]);
    expect(issuersFromTitle('转发省政府办公厅关于做好防汛工作的通知')).toEqual([]);
  });
  it('normalises 文号', () => {
    expect(docNumberFrom('沪商自贸〔2023〕132 号')).toBe('沪商自贸〔2023〕132号');
    expect(docNumberFrom('国办发[2023]1号')).toBe('国办发〔2023〕1号');
    expect(docNumberFrom('为贯彻落实沪府〔2023〕1号文件，制定本方案。')).toBeNull();
  });
  it('reads the date and the source of a news page header, spaced or not', () => {
    expect(publishedDate('发布时间：2023年6月13日')).toBe('2023-06-13');
    expect(publishedDate('日期 : 2021/04/09')).toBe('2021-04-09');
    expect(sourceName('发布日期: 2021-04-09  来源：青岛日报')).toBe('青岛日报');
    expect(sourceName('来源 ： 中国政府网')).toBe('中国政府网');
    expect(sourceName('发布日期：2021-04-09')).toBeNull();
  });
  it('reads a reprint note that ends an article, and only one', () => {
    expect(reprintSource('转自国家金融监督管理总局')).toBe('国家金融监督管理总局');
    expect(reprintSource('  来源：中国政府网 ')).toBe('中国政府网');
    expect(reprintSource('摘自 人民日报')).toBe('人民日报');
    expect(reprintSource('本文观点转自相关部门公开信息')).toBeNull();
    // A table's cell (指标 | 来源：医院填报。) is a sentence, not a source's name.
    for (const cell of ['来源：医院填报。', '来源：医院填报，每年一次', '来源：医院；卫生健康委', '来源：谁在填报？', '来源：见附表！']) expect(reprintSource(cell), cell).toBeNull();
  });
  it('reads publication and effective dates', () => {
    expect(publishedDate('发布日期: 2021-04-09  来源：青岛日报')).toBe('2021-04-09');
    expect(effectiveDate('第六十一条本办法自2023 年7 月1 日起施行，有效期至2028年6月30日。')).toBe('2023-07-01');
    expect(effectiveDate('本办法自 2023 年 6 月 30 日 起施行。')).toBe('2023-06-30');
  });
  it('reads a signature date printed in Chinese numerals, as older documents print it', () => {
    // The signature of 国务院办公厅 中央军委办公厅 (1996) and of a 2004 国务院办公厅 letter (test-data/realtext N01, N04).
    expect(dateFromLine('一九九六年六月二十九日')).toBe('1996-06-29');
    expect(dateFromLine('二〇〇四年十月十五日')).toBe('2004-10-15');
    expect(dateFromLine('二○○四年十一月四日')).toBe('2004-11-04'); // ○ for 〇, as some PDFs print it
    expect(dateFromLine('二零二三年六月十三日')).toBe('2023-06-13'); // 零 for 〇
  });
  it('reads 起生效 as taking effect too, so a text printed without its issue date keeps its year', () => {
    // The last article of 最高人民法院关于内地与澳门特别行政区关于相互认可和执行民商事判决的安排 (2006).
    const effective = effectiveDate('第二十四条 本安排自2006年4月1日起生效。');
    expect(effective).toBe('2006-04-01');
    expect(documentYear({ date: null, effectiveDate: effective })).toBe('2006');
    expect(effectiveDate('本规定自2024年1月1日起实施。')).toBe('2024-01-01');
    expect(effectiveDate('本细则自2019年3月1日起执行。')).toBe('2019-03-01');
  });
});

describe('Chinese numerals', () => {
  it.each([
    ['一', 1], ['十', 10], ['十二', 12], ['二十', 20], ['六十一', 61], ['一百零三', 103], ['一百一十', 110],
  ])('%s = %i', (s, n) => {
    expect(parseChineseNumber(s)).toBe(n);
    expect(parseChineseNumber(toChineseNumber(n))).toBe(n);
  });
});
