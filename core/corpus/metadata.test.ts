import { describe, expect, it } from 'vitest';
import { documentYear } from './facts.js';
import { dateFromLine, docNumberFrom, effectiveDate, issuersFromTitle, kindFromTitle, parseTitle, publishedDate, tidyTitle } from './metadata.js';
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
    // A forwarded report or request has no kind of its own: the covering notice is the kind.
    ['国务院办公厅转发国家地震局关于我国地震重点监视防御区的确定和加强防震减灾工作意见报告的通知', '通知'],
    ['国务院办公厅转发国家教委关于内地西藏班（校）扩大规模有关问题请示的通知', '通知'],
    ['国务院办公厅转发国务院体改办等部门关于城镇医药卫生体制改革指导意见的通知', '意见'],
  ])('%s → %s', (title, kind) => expect(kindFromTitle(title)).toBe(kind));

  it('classes a covering notice that shortens what it issues by its attachment, and only then by itself', () => {
    const covering = '内蒙古自治区人民政府办公厅关于印发自治区支持民营企业发展壮大若干措施及配套清单的通知';
    expect(kindFromTitle(covering, '自治区支持民营企业发展壮大若干措施')).toBe('措施');
    expect(kindFromTitle(covering, '配套清单')).toBe('通知');
    expect(kindFromTitle('关于做好有关工作的通知', '某某实施方案')).toBe('通知');
  });
});

describe('issuers, 文号 and dates', () => {
  it('reads issuers from the head of a title', () => {
    expect(issuersFromTitle('上海海关等11部门关于印发《措施》的通知')).toEqual(['上海海关等11部门']);
    expect(issuersFromTitle('江苏省政府办公厅印发关于促进个体工商户高质量发展若干政策措施的通知')).toEqual(['江苏省政府办公厅']);
    expect(issuersFromTitle('福建省发展和改革委员会、福建省财政厅关于印发办法的通知')).toEqual(['福建省发展和改革委员会', '福建省财政厅']);
    expect(issuersFromTitle('临沂市优化营商环境条例')).toEqual([]);
    expect(issuersFromTitle('国务院办公厅对全国政协十届四次会议第4626号提案的答复')).toEqual(['国务院办公厅']);
  });
  it('normalises 文号', () => {
    expect(docNumberFrom('沪商自贸〔2023〕132 号')).toBe('沪商自贸〔2023〕132号');
    expect(docNumberFrom('国办发[2023]1号')).toBe('国办发〔2023〕1号');
    expect(docNumberFrom('为贯彻落实沪府〔2023〕1号文件，制定本方案。')).toBeNull();
  });
  it('reads publication and effective dates', () => {
    expect(publishedDate('发布日期: 2021-04-09  来源：青岛日报')).toBe('2021-04-09');
    expect(effectiveDate('第六十一条本办法自2023 年7 月1 日起施行，有效期至2028年6月30日。')).toBe('2023-07-01');
  });
  it('reads a signature date printed in Chinese numerals, as older documents print it', () => {
    // The signature of 国务院办公厅 中央军委办公厅 (1996) and of a 2004 国务院办公厅 letter (test-data/realtext N01, N04).
    expect(dateFromLine('一九九六年六月二十九日')).toBe('1996-06-29');
    expect(dateFromLine('二〇〇四年十月十五日')).toBe('2004-10-15');
    expect(dateFromLine('二○○四年十一月四日')).toBe('2004-11-04'); // ○ for 〇, as some PDFs print it
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
