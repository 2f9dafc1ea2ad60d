/**
 * Region lookup: province → prefecture-level cities (and a few county-level
 * cities that issue their own policies). Region comes from the issuer first,
 * then the title; a compilation's region heading is only a fallback, because
 * compilations file some documents under a neighbouring province.
 */
import type { Region } from './types.js';

const TABLE: Record<string, string> = {
  北京市: '东城 西城 朝阳 海淀 丰台 石景山 门头沟 房山 通州 顺义 昌平 大兴 怀柔 平谷 密云 延庆',
  天津市: '和平 河东 河西 南开 河北 红桥 滨海新 东丽 西青 津南 北辰 武清 宝坻 宁河 静海 蓟州',
  上海市: '黄浦 徐汇 长宁 静安 普陀 虹口 杨浦 闵行 宝山 嘉定 浦东新 金山 松江 青浦 奉贤 崇明',
  重庆市: '渝中 江北 南岸 沙坪坝 九龙坡 大渡口 渝北 巴南 北碚 万州 涪陵 黔江 长寿 江津 合川 永川 南川 綦江 大足 璧山 铜梁 潼南 荣昌 开州 梁平 武隆',
  河北省: '石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 雄安新区',
  山西省: '太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁',
  内蒙古自治区: '呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 兴安盟 锡林郭勒盟 阿拉善盟',
  辽宁省: '沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳 葫芦岛',
  吉林省: '长春 吉林 四平 辽源 通化 白山 松原 白城 延边',
  黑龙江省: '哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化 大兴安岭',
  江苏省: '南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 昆山 江阴 张家港 常熟 太仓 宜兴',
  浙江省: '杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 义乌 慈溪 余姚 诸暨',
  安徽省: '合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山 滁州 阜阳 宿州 六安 亳州 池州 宣城',
  福建省: '福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 晋江 平潭',
  江西省: '南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶',
  山东省: '济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽',
  河南省: '郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 济源',
  湖北省: '武汉 黄石 十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施',
  湖南省: '长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州 怀化 娄底 湘西',
  广东省: '广州 深圳 珠海 汕头 佛山 韶关 湛江 肇庆 江门 茂名 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州 揭阳 云浮',
  广西壮族自治区: '南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左',
  海南省: '海口 三亚 三沙 儋州',
  四川省: '成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 阿坝 甘孜 凉山',
  贵州省: '贵阳 六盘水 遵义 安顺 毕节 铜仁 黔西南 黔东南 黔南',
  云南省: '昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 楚雄 红河 文山 西双版纳 大理 德宏 怒江 迪庆',
  西藏自治区: '拉萨 日喀则 昌都 林芝 山南 那曲 阿里',
  陕西省: '西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 安康 商洛 杨凌',
  甘肃省: '兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 临夏 甘南',
  青海省: '西宁 海东 海北 黄南 海南藏族 果洛 玉树 海西',
  宁夏回族自治区: '银川 石嘴山 吴忠 固原 中卫',
  新疆维吾尔自治区: '乌鲁木齐 克拉玛依 吐鲁番 哈密 昌吉 博尔塔拉 巴音郭楞 阿克苏 克孜勒苏 喀什 和田 伊犁 塔城 阿勒泰 石河子',
  香港特别行政区: '',
  澳门特别行政区: '',
  台湾省: '',
};

/** Autonomous prefectures are not 市: their short name is used as is. */
const AUTONOMOUS_PREFECTURES = new Set(
  '延边 恩施 湘西 阿坝 甘孜 凉山 黔西南 黔东南 黔南 楚雄 红河 文山 西双版纳 大理 德宏 怒江 迪庆 临夏 甘南 海北 黄南 海南藏族 果洛 玉树 海西 昌吉 博尔塔拉 巴音郭楞 克孜勒苏 伊犁'.split(' '),
);
const MUNICIPALITIES = new Set(['北京市', '天津市', '上海市', '重庆市']);

export interface Place {
  province: string;
  /** Full city name as written in documents (青岛市; 黄浦区 inside a municipality). */
  city: string;
  /** Short name used for matching (青岛). */
  short: string;
}

/** Short province name: 山东省 → 山东, 广西壮族自治区 → 广西. */
export function provinceShort(p: string): string {
  return p.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');
}

const PROVINCES = Object.keys(TABLE);
const PLACES: Place[] = [];
for (const [province, cities] of Object.entries(TABLE)) {
  for (const short of cities.split(' ').filter(Boolean)) {
    const suffix = MUNICIPALITIES.has(province) ? '区' : /(盟|新区)$/.test(short) || AUTONOMOUS_PREFECTURES.has(short) ? '' : '市';
    PLACES.push({ province, city: short + suffix, short });
  }
}
// Longer names first so 连云港 wins over 云港-like fragments and 张家港 over 张家.
PLACES.sort((a, b) => b.short.length - a.short.length);

/** Province named in the text, by full or short name (national bodies yield null). */
export function findProvince(text: string): string | null {
  let best: { p: string; at: number } | null = null;
  for (const p of PROVINCES) {
    const short = provinceShort(p);
    const at = text.indexOf(short);
    if (at >= 0 && (!best || at < best.at)) best = { p, at };
  }
  return best?.p ?? null;
}

/**
 * The first place named in the text: the earliest mention wins, because an
 * issuer or title names the most specific body first (青岛市人民政府关于…).
 */
export function findRegion(text: string): Region | null {
  let bestCity: { place: Place; at: number } | null = null;
  for (const place of PLACES) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(place.short, from);
      if (at < 0) break;
      from = at + 1;
      // 朝阳 is both a Beijing district and a Liaoning city: require the suffix for ambiguous short names.
      const next = text.slice(at + place.short.length, at + place.short.length + 1);
      const ambiguous = PLACES.filter((p) => p.short === place.short).length > 1;
      if (ambiguous && !/[市区]/.test(next)) continue;
      if (place.short.length < 2) continue;
      if (!bestCity || at < bestCity.at) bestCity = { place, at };
      break;
    }
  }
  const province = findProvinceAt(text);
  if (bestCity && (!province || bestCity.at <= province.at || bestCity.place.province === province.p)) {
    return { level: 'city', province: bestCity.place.province, city: bestCity.place.city };
  }
  if (province) return { level: 'province', province: province.p, city: null };
  return null;
}

function findProvinceAt(text: string): { p: string; at: number } | null {
  let best: { p: string; at: number } | null = null;
  for (const p of PROVINCES) {
    const at = text.indexOf(provinceShort(p));
    if (at >= 0 && (!best || at < best.at)) best = { p, at };
  }
  return best;
}

/** A compilation's region heading: （一）上海, （二）江苏 → the province. */
export function provinceFromHeading(text: string): string | null {
  const m = /^[（(][一二三四五六七八九十]+[）)]\s*(\S{2,8})$/.exec(text.trim());
  if (!m) return null;
  const name = m[1];
  return PROVINCES.find((p) => p === name || provinceShort(p) === name) ?? null;
}

/** Big-region headings of compilations (三、华东) carry no province. */
export function isMacroRegionHeading(text: string): boolean {
  return /^[一二三四五六七八九十]+、\s*(华北|华东|华南|华中|西南|西北|东北|中部|西部|东部|全国|国家)(地区)?$/.test(text.trim());
}
