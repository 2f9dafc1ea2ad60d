/** The gazetteer and the longest-name-in-context rule, with names from every province. */
import { describe, expect, it } from 'vitest';
import gazetteer from './gazetteer.json';
import { findRegion, isMacroRegionHeading, isNationalBody, provinceFromHeading, regionOf } from './regions.js';

const unknown = { level: 'unknown', province: null, city: null };

describe('gazetteer', () => {
  it('holds every province-level division and the cities of each', () => {
    const provinces = gazetteer.provinces.map((p) => p.name);
    expect(provinces).toHaveLength(34);
    for (const p of gazetteer.provinces) {
      if (/^(北京|天津|上海|重庆)市$/.test(p.name)) expect(p.districts.length).toBeGreaterThan(10);
      else if (!/(香港|澳门|台湾)/.test(p.name)) expect(p.cities.length).toBeGreaterThan(0);
    }
  });

  it('finds a city of every province by its issuer name, and the province by its own', () => {
    const issuers: [string, string, string][] = [
      ['石家庄市人民政府', '河北省', '石家庄市'],
      ['大同市发展和改革委员会', '山西省', '大同市'],
      ['鄂尔多斯市人民政府办公室', '内蒙古自治区', '鄂尔多斯市'],
      ['锦州市财政局', '辽宁省', '锦州市'],
      ['吉林市人民政府', '吉林省', '吉林市'],
      ['牡丹江市商务局', '黑龙江省', '牡丹江市'],
      ['盐城市人民政府', '江苏省', '盐城市'],
      ['衢州市人民政府办公室', '浙江省', '衢州市'],
      ['亳州市市场监督管理局', '安徽省', '亳州市'],
      ['龙岩市人民政府', '福建省', '龙岩市'],
      ['赣州市人民政府', '江西省', '赣州市'],
      ['菏泽市人民政府', '山东省', '菏泽市'],
      ['驻马店市人民政府', '河南省', '驻马店市'],
      ['恩施土家族苗族自治州人民政府', '湖北省', '恩施土家族苗族自治州'],
      ['张家界市人民政府', '湖南省', '张家界市'],
      ['深圳市人民政府办公厅', '广东省', '深圳市'],
      ['柳州市人民政府', '广西壮族自治区', '柳州市'],
      ['儋州市人民政府', '海南省', '儋州市'],
      ['成都市人民政府办公厅', '四川省', '成都市'],
      ['遵义市人民政府', '贵州省', '遵义市'],
      ['大理白族自治州人民政府', '云南省', '大理白族自治州'],
      ['日喀则市人民政府', '西藏自治区', '日喀则市'],
      ['宝鸡市人民政府', '陕西省', '宝鸡市'],
      ['酒泉市人民政府', '甘肃省', '酒泉市'],
      ['海东市人民政府', '青海省', '海东市'],
      ['中卫市人民政府', '宁夏回族自治区', '中卫市'],
      ['喀什地区行政公署', '新疆维吾尔自治区', '喀什地区'],
    ];
    for (const [issuer, province, city] of issuers) expect(findRegion(issuer), issuer).toEqual({ level: 'city', province, city });
    for (const p of gazetteer.provinces) expect(findRegion(`${p.name}人民政府办公厅`), p.name).toMatchObject({ province: p.name });
  });

  it('takes the longest name in context: 河北省 is a province, 河北区 a district of 天津', () => {
    expect(findRegion('河北省人民政府办公厅')).toEqual({ level: 'province', province: '河北省', city: null });
    expect(findRegion('吉林省发展和改革委员会')).toEqual({ level: 'province', province: '吉林省', city: null });
    expect(findRegion('天津市河北区人民政府')).toEqual({ level: 'district', province: '天津市', city: '河北区' });
    expect(findRegion('天津和平区商务局')).toEqual({ level: 'district', province: '天津市', city: '和平区' });
    expect(findRegion('上海市公安局奉贤分局')).toEqual({ level: 'district', province: '上海市', city: '奉贤区' });
    expect(findRegion('北京市朝阳区人民政府')).toEqual({ level: 'district', province: '北京市', city: '朝阳区' });
    expect(findRegion('朝阳市人民政府')).toEqual({ level: 'city', province: '辽宁省', city: '朝阳市' });
    expect(findRegion('内蒙古自治区人民政府')).toEqual({ level: 'province', province: '内蒙古自治区', city: null });
    expect(findRegion('广西壮族自治区发展和改革委员会')).toEqual({ level: 'province', province: '广西壮族自治区', city: null });
    expect(findRegion('山东青岛79条新招')).toEqual({ level: 'city', province: '山东省', city: '青岛市' });
    expect(findRegion('昆山市深化营商环境行动方案')).toEqual({ level: 'city', province: '江苏省', city: '昆山市' });
    expect(findRegion('国家税务总局安徽省税务局')).toEqual({ level: 'province', province: '安徽省', city: null });
  });

  it('files a district or county under any city, not only the municipalities\' (余杭区 → 浙江省 杭州市 余杭区)', () => {
    const yuhang = { level: 'district', province: '浙江省', city: '杭州市', district: '余杭区' };
    // Issuer lines as printed on district notices (the 余杭区人民政府办公室文件 letterhead of issue 15).
    expect(findRegion('余杭区人民政府办公室')).toEqual(yuhang);
    expect(findRegion('杭州市余杭区人民政府')).toEqual(yuhang);
    expect(findRegion('浙江省杭州市余杭区市场监督管理局')).toEqual(yuhang);
    expect(regionOf(['余杭区人民政府办公室'], '余杭区人民政府办公室关于印发某某实施方案的通知', null)).toEqual(yuhang);
    expect(findRegion('长丰县人民政府')).toEqual({ level: 'district', province: '安徽省', city: '合肥市', district: '长丰县' });
    expect(findRegion('鄂托克前旗人民政府')).toEqual({ level: 'district', province: '内蒙古自治区', city: '鄂尔多斯市', district: '鄂托克前旗' });
    // A city's own text naming its districts stays the city's.
    expect(findRegion('杭州市人民代表大会常务委员会')).toEqual({ level: 'city', province: '浙江省', city: '杭州市' });
  });

  it('reads a district name that several cities share only in its city\'s or province\'s context', () => {
    // 鼓楼区 is a district of 南京, 徐州, 福州 and 开封.
    expect(findRegion('南京市鼓楼区人民政府')).toEqual({ level: 'district', province: '江苏省', city: '南京市', district: '鼓楼区' });
    expect(findRegion('福州市鼓楼区人民政府')).toEqual({ level: 'district', province: '福建省', city: '福州市', district: '鼓楼区' });
    expect(findRegion('鼓楼区人民政府')).toBeNull();
    // 普陀区 is Shanghai's and 舟山's: alone it stays Shanghai's, as before; after 舟山市 it is 舟山's.
    expect(findRegion('普陀区人民政府')).toEqual({ level: 'district', province: '上海市', city: '普陀区' });
    expect(findRegion('舟山市普陀区人民政府')).toEqual({ level: 'district', province: '浙江省', city: '舟山市', district: '普陀区' });
    // Two-character county names and 区域 are ordinary words.
    expect(findRegion('关于市和县人民政府职责的通知')).toBeNull();
    expect(findRegion('关于加强平安区域建设的意见')).toBeNull();
  });

  it('refines a province only by a place inside it: a city of another province named later is a subject, not the issuer', () => {
    const title = '上海市商务委员会关于学习借鉴青岛市经验的通知';
    expect(findRegion(title)).toEqual({ level: 'province', province: '上海市', city: null });
    expect(regionOf([], title, null)).toEqual({ level: 'province', province: '上海市', city: null });
    expect(findRegion('山东省人民政府关于支持青岛市建设的意见')).toEqual({ level: 'city', province: '山东省', city: '青岛市' });
  });

  it("gives a province's text named first for one of its cities to that city (温州市民间融资管理条例, by 浙江省人大常委会)", () => {
    expect(regionOf(['浙江省人民代表大会常务委员会'], '温州市民间融资管理条例', null)).toMatchObject({ level: 'city', province: '浙江省', city: '温州市' });
    // Named after the province, or for a city of another province, or naming the city later: the province's.
    expect(regionOf(['浙江省人民政府'], '浙江省人民政府关于温州市城市总体规划的批复', null)).toMatchObject({ level: 'province', province: '浙江省', city: null });
    expect(regionOf(['浙江省人民代表大会常务委员会'], '苏州市民间融资管理条例', null)).toMatchObject({ level: 'province', province: '浙江省', city: null });
    expect(regionOf(['浙江省人民政府'], '关于支持温州市民营经济发展的意见', null)).toMatchObject({ level: 'province', province: '浙江省', city: null });
    // A city's own issuer is placed by itself.
    expect(regionOf(['温州市人民政府'], '温州市民间融资管理办法', null)).toMatchObject({ level: 'city', city: '温州市' });
  });

  it('gives national bodies the national level and leaves unnamed origins unknown', () => {
    for (const body of ['国务院办公厅', '国家发展改革委', '国家市场监督管理总局', '中国银保监会办公厅', '财政部', '工业和信息化部办公厅', '海关总署', '中国人民银行'])
      expect(regionOf([body], `${body}关于做好有关工作的通知`, null), body).toEqual({ level: 'national', province: null, city: null });
    expect(isNationalBody('国家税务总局安徽省税务局')).toBe(true);
    // Former ministries issued rules still in force (铁路货物运输合同实施细则, 铁道部发布).
    for (const body of ['铁道部', '卫生部', '交通部', '农业部', '劳动部'])
      expect(regionOf([body], '某某实施细则', null), body).toEqual({ level: 'national', province: null, city: null });
    // Any ministry by its name (有线电视管理暂行办法, 广播电影电视部令第2号发布): only the central government has 部.
    for (const body of ['广播电影电视部', '电子工业部', '能源部', '航空航天工业部'])
      expect(regionOf([body], '某某管理暂行办法', null), body).toEqual({ level: 'national', province: null, city: null });
    // Not a ministry: a party committee's or an armed forces' 部, named without its place.
    expect(regionOf(['电子工业部办公厅'], '某某管理暂行办法', null)).toEqual({ level: 'national', province: null, city: null });
    for (const body of ['市委宣传部', '组织部', '县人民武装部', '团市委宣传部', '校党委学工部', '有关部门', '某某县水利部'])
      expect(regionOf([body], '关于做好有关工作的通知', null), body).toEqual(unknown);
    expect(regionOf(['国家税务总局安徽省税务局'], '', null)).toMatchObject({ level: 'province', province: '安徽省' });
    expect(regionOf([], '地方政府招商引资应完善项目评价机制', null)).toEqual(unknown);
    expect(regionOf(['李翊', '柴恩旺'], '国有企业“低价中标”问题应严格依法治理', null)).toEqual(unknown);
  });

  it('takes a 法 or 条例 that names no issuer and begins with no place for national (the real titles of compilations)', () => {
    const national = { level: 'national', province: null, city: null };
    for (const title of ['稀土管理条例', '地名管理条例', '关键信息基础设施安全保护条例', '普通高等学校设置暂行条例', '广告管理条例'])
      expect(regionOf([], title, null, '条例'), title).toEqual(national);
    expect(regionOf([], '反有组织犯罪法', null, '法')).toEqual(national);
    // A congress's 条例 begins with its place, known to the gazetteer or not; other kinds are issued everywhere.
    expect(regionOf([], '温州市民间融资管理条例', null, '条例')).toMatchObject({ level: 'city', city: '温州市' });
    expect(regionOf([], '某某县村庄规划条例', null, '条例')).toEqual(unknown);
    expect(regionOf([], '城市供水条例', null, '条例')).toEqual(unknown);
    expect(regionOf([], '稀土管理办法', null, '办法')).toEqual(unknown);
    // A title that begins with the state's name is national, whatever its kind; one that names a province is not.
    expect(regionOf([], '中华人民共和国渔业法实施细则', null, '细则')).toEqual(national);
    expect(regionOf([], '实施《中华人民共和国反外国制裁法》的规定', null, '规定')).toEqual(national);
    expect(regionOf([], '北京市实施《中华人民共和国城市居民委员会组织法》办法', null, '办法')).toMatchObject({ level: 'province', province: '北京市' });
    expect(regionOf([], '中华人民共和国农业技术推广法浙江省实施办法', null, '办法')).toMatchObject({ level: 'province', province: '浙江省' });
    expect(regionOf([], '稀土管理条例', null)).toEqual(unknown);
    // An issuer decides where there is one.
    expect(regionOf(['张三'], '稀土管理条例', null, '条例')).toEqual(unknown);
    expect(regionOf([], '稀土管理条例', '上海市', '条例')).toEqual({ level: 'province', province: '上海市', city: null });
  });

  it('takes a text without issuer that speaks to every province for national, when its title begins with no place', () => {
    const national = { level: 'national', province: null, city: null };
    // 机动车登记规定 (公安部令第164号) printed without its order: 省级公安机关…负责本省（自治区、直辖市）机动车登记工作.
    const body = '第二条 本规定由公安机关交通管理部门负责实施。\n省级公安机关交通管理部门负责本省（自治区、直辖市）机动车登记工作的指导、检查和监督。';
    expect(regionOf([], '机动车登记规定', null, '规定', body)).toEqual(national);
    expect(regionOf([], '关于做好农民工工资支付工作的通知', null, '通知', '各省、自治区、直辖市人民政府，国务院各部委：\n为…')).toEqual(national);
    // As PDF extraction may space it.
    expect(regionOf([], '机动车登记规定', null, '规定', '负责本省 （ 自治区 、 直辖市） 机动车登记工作')).toEqual(national);
    // Without those words, or with a place first in the title, or an issuer that decides, it is not.
    expect(regionOf([], '机动车登记规定', null, '规定', '本省机动车登记工作由省公安厅负责。')).toEqual(unknown);
    expect(regionOf([], '某某县机动车登记规定', null, '规定', body)).toEqual(unknown);
    expect(regionOf(['杭州市人民政府'], '机动车登记规定', null, '规定', body)).toMatchObject({ level: 'city', city: '杭州市' });
  });

  it('reads an autonomous prefecture by its short name (恩施州, 西双版纳州), and 吉林 alone as the province', () => {
    expect(findRegion('恩施州人民政府办公室')).toEqual({ level: 'city', province: '湖北省', city: '恩施土家族苗族自治州' });
    expect(findRegion('西双版纳州人民政府')).toEqual({ level: 'city', province: '云南省', city: '西双版纳傣族自治州' });
    expect(findRegion('延边州人民政府')).toEqual({ level: 'city', province: '吉林省', city: '延边朝鲜族自治州' });
    expect(findRegion('吉林出台促进民营经济发展若干措施')).toEqual({ level: 'province', province: '吉林省', city: null });
    // 克孜尔 (the grottoes in 拜城县) is not 克孜勒苏柯尔克孜自治州, whose short name is 克孜勒苏.
    expect(findRegion('克孜尔石窟保护管理办法')).toBeNull();
  });

  it('does not read a place out of 市域 or out of a word after a municipality (重庆市…忠诚)', () => {
    expect(findRegion('昆山市域社会治理现代化试点工作方案')).toEqual({ level: 'city', province: '江苏省', city: '昆山市' });
    expect(findRegion('重庆市公安局关于开展忠诚教育活动的通知')).toEqual({ level: 'province', province: '重庆市', city: null });
  });

  it('refines a city only by its own district, and reads a shared district name after its province', () => {
    expect(findRegion('杭州市人民政府关于学习借鉴南京市鼓楼区经验的通知')).toEqual({ level: 'city', province: '浙江省', city: '杭州市' });
    expect(findRegion('浙江省普陀区人民政府')).toEqual({ level: 'district', province: '浙江省', city: '舟山市', district: '普陀区' });
    // 鼓楼区 is a district of both 南京 and 徐州: after 江苏省 alone it names neither.
    expect(findRegion('江苏省鼓楼区人民政府')).toEqual({ level: 'province', province: '江苏省', city: null });
  });

  it('recognises national bodies by their full names only', () => {
    for (const body of [' 国务院办公厅', '中央军委办公厅', '中央全面深化改革委员会办公室', '新闻出版总署', '最高人民检察院', '全国人民代表大会常务委员会'])
      expect(isNationalBody(body), body).toBe(true);
    expect(isNationalBody('各级教育部门')).toBe(false);
    expect(isNationalBody('上海市人民政府')).toBe(false);
  });

  it('files the National Audit Office and the State Council\'s 中国…局 as national, not as the place a title names', () => {
    // Real titles: 审计署 and 中国气象局 issue rules that name a province they concern.
    expect(regionOf(['审计署'], '审计署关于印发审计署驻上海特派员办事处工作规则的通知', null)).toEqual({ level: 'national', province: null, city: null });
    expect(regionOf(['中国气象局'], '中国气象局关于加强新疆维吾尔自治区人工影响天气工作的通知', null)).toEqual({ level: 'national', province: null, city: null });
    for (const body of ['审计署', '中国地震局', '中国民用航空局', '中国民用航空总局', '中国科学院']) expect(isNationalBody(body), body).toBe(true);
    // A local audit office is not one.
    expect(isNationalBody('上海市审计局')).toBe(false);
    expect(isNationalBody('中国共产党上海市委员会')).toBe(false);
  });

  it('files by the title, then the compilation heading, then a national title; a national issuer outranks a place in the title', () => {
    expect(regionOf(['国务院'], '国务院关于支持海南全面深化改革开放的指导意见', null)).toEqual({ level: 'national', province: null, city: null });
    expect(regionOf([], '关于做好有关工作的通知', '江苏省')).toEqual({ level: 'province', province: '江苏省', city: null });
    expect(regionOf([], '苏州市关于做好有关工作的通知', '江苏省')).toEqual({ level: 'city', province: '江苏省', city: '苏州市' });
    expect(regionOf([], '国务院关于在线政务服务的若干规定', null)).toEqual({ level: 'national', province: null, city: null });
  });
});

describe('compilation headings', () => {
  it('reads a province heading （一）上海 in short or full, and nothing else', () => {
    expect(provinceFromHeading('（一）上海')).toBe('上海市');
    expect(provinceFromHeading('（十二）江苏省')).toBe('江苏省');
    expect(provinceFromHeading(' (三) 广西 ')).toBe('广西壮族自治区');
    expect(provinceFromHeading('（四）华东')).toBeNull();
    expect(provinceFromHeading('一、上海')).toBeNull();
    expect(provinceFromHeading('1（一）上海')).toBeNull();
    expect(provinceFromHeading('（一）上海市人民政府办公厅关于印发方案的通知')).toBeNull();
    expect(provinceFromHeading('（一）上 海')).toBeNull();
  });

  it('knows the big-region headings (三、华东), which name no province', () => {
    expect(isMacroRegionHeading('三、华东')).toBe(true);
    expect(isMacroRegionHeading(' 十一、 西部地区 ')).toBe(true);
    expect(isMacroRegionHeading('三、上海')).toBe(false);
    expect(isMacroRegionHeading('（三）华东')).toBe(false);
    expect(isMacroRegionHeading('三、华东地区的经验做法')).toBe(false);
    expect(isMacroRegionHeading('报告三、华东')).toBe(false);
    expect(isMacroRegionHeading('三、地区')).toBe(false);
  });
});
