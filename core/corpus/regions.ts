/**
 * Region lookup from a gazetteer (core/corpus/gazetteer.json, generated from
 * the national division codes; see scripts/gen-gazetteer.mjs): every province,
 * autonomous region and municipality, their prefecture-level cities, the
 * districts of the municipalities, and the districts and counties under every
 * other city (余杭区 → 浙江省 杭州市 余杭区).
 *
 * Matching reads the text left to right and takes the longest name at each
 * position, so 河北省 is the province and 吉林省 is not 吉林市. Short names
 * (青岛, 河北) are accepted where they are not ambiguous; an ambiguous short
 * name (吉林, 朝阳, 海南) needs its suffix. A district of a municipality is
 * matched by its full name (河北区, 和平区) or by its short name once
 * its municipality is named (天津和平, 上海市公安局奉贤分局). A district or county
 * name that several cities share (鼓楼区, 市中区) is read only where the text has
 * already named its province or city. National bodies (国务院, 部委, 国家…局) get
 * the national level; a text naming nothing stays unknown.
 *
 * Region comes from the issuer first, then the title; a compilation's region
 * heading is only a fallback, because compilations file some documents
 * under a neighbouring province.
 */
import gazetteer from './gazetteer.json';
import type { Region } from './types.js';

interface GazProvince {
  name: string;
  cities: string[];
  districts: string[];
  countyCities: string[];
  /** Districts and counties under each prefecture-level city (杭州市 → 余杭区). */
  counties?: Record<string, string[]>;
}

type Kind = 'province' | 'city' | 'district';
interface Entry {
  kind: Kind;
  province: string;
  /** Full name of the city or district (青岛市, 黄浦区); null for a province. */
  place: string | null;
  /** For a district or county under a prefecture-level city: that city (余杭区 → 杭州市). */
  city?: string;
  /** A short form: needs no suffix, but ambiguous ones are dropped. */
  short: boolean;
  /** A county-level city: loses to a prefecture of the same name. */
  county?: boolean;
}

const NATIONALITIES = ['朝鲜', '土家', '布依', '哈尼', '傈僳', '景颇', '柯尔克孜', '哈萨克', '蒙古', '藏', '彝', '苗', '壮', '傣', '白', '回', '侗', '羌'];

/** Short province name: 山东省 → 山东, 广西壮族自治区 → 广西. */
export function provinceShort(p: string): string {
  return p.replace(/(省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');
}

function cityShort(c: string): string | null {
  if (/自治州$/.test(c)) {
    const cut = Math.min(...NATIONALITIES.map((n) => c.indexOf(n, 2)).filter((i) => i >= 2));
    return Number.isFinite(cut) ? c.slice(0, cut) : null;
  }
  if (/盟$/.test(c)) return null; // 兴安盟 is always written in full
  const s = c.replace(/(市|地区)$/, '');
  return s.length >= 2 && s !== c ? s : null;
}

// Through unknown: TypeScript infers each province of the JSON as its own shape, which no interface matches.
const PROVINCES: GazProvince[] = (gazetteer as unknown as { provinces: GazProvince[] }).provinces;
const MUNICIPALITIES = new Set(PROVINCES.filter((p) => p.districts.length > 0).map((p) => p.name));

/** name → entries; a name with several entries of the same length is ambiguous. */
const NAMES = new Map<string, Entry[]>();
/** District short names, matched only once their municipality is named. */
const DISTRICT_SHORT = new Map<string, Entry>();
function add(name: string, e: Entry) {
  NAMES.set(name, [...(NAMES.get(name) ?? []), e]);
}
for (const p of PROVINCES) {
  add(p.name, { kind: 'province', province: p.name, place: null, short: false });
  add(provinceShort(p.name), { kind: 'province', province: p.name, place: null, short: true });
  for (const c of p.cities) {
    add(c, { kind: 'city', province: p.name, place: c, short: false });
    const s = cityShort(c);
    if (s) add(s, { kind: 'city', province: p.name, place: c, short: true });
  }
  for (const c of p.countyCities) if (!NAMES.has(c)) add(c, { kind: 'city', province: p.name, place: c, short: false, county: true });
  for (const d of p.districts) {
    add(d, { kind: 'district', province: p.name, place: d, short: false });
    const s = d.replace(/(新区|区|县)$/, '');
    if (s.length >= 2) DISTRICT_SHORT.set(p.name + '|' + s, { kind: 'district', province: p.name, place: d, short: true });
  }
  for (const [city, list] of Object.entries(p.counties ?? {})) for (const d of list) add(d, { kind: 'district', province: p.name, place: d, short: false, city });
}
/** Names by first character, longest first. */
const BY_FIRST = new Map<string, string[]>();
for (const name of NAMES.keys()) BY_FIRST.set(name[0], [...(BY_FIRST.get(name[0]) ?? []), name]);
for (const list of BY_FIRST.values()) list.sort((a, b) => b.length - a.length);

interface Mention {
  at: number;
  end: number;
  entry: Entry;
}

/**
 * Places named in the text, in order. At each position the longest name wins;
 * a short name shared by several places (吉林 = province and city) is a
 * province when one of them is a province, else skipped.
 */
export function placeMentions(text: string): Mention[] {
  const out: Mention[] = [];
  let municipality: string | null = null;
  for (let i = 0; i < text.length; ) {
    const candidates = BY_FIRST.get(text[i]);
    let hit: Mention | null = null;
    const context = out.length ? out[out.length - 1].entry : null;
    for (const name of candidates ?? []) {
      if (!text.startsWith(name, i)) continue;
      // 重点区域, 城区域: 区 followed by 域 is the word "area", not a district's name.
      if (name.endsWith('区') && text[i + name.length] === '域') continue;
      const entries = NAMES.get(name)!;
      const full = entries.filter((e) => !e.short && !(e.county && entries.some((x) => !x.short && !x.county)));
      let entry: Entry | undefined;
      if (full.length === 1) entry = full[0];
      else if (full.length > 1 && full.every((e) => e.kind === 'district')) entry = districtInContext(full, context);
      else if (full.length > 1) entry = full.find((e) => e.kind === 'province') ?? full[0];
      else if (entries.length === 1) entry = entries[0];
      else entry = entries.find((e) => e.kind === 'province');
      if (!entry) continue;
      hit = { at: i, end: i + name.length, entry };
      break;
    }
    // 天津和平, 上海市公安局奉贤分局: a district's short name once its municipality is named.
    if (!hit && municipality) {
      for (let len = 4; len >= 2 && !hit; len--) {
        const d = DISTRICT_SHORT.get(municipality + '|' + text.slice(i, i + len));
        if (d) hit = { at: i, end: i + len, entry: d };
      }
    }
    if (hit) {
      out.push(hit);
      i = hit.end;
      if (hit.entry.kind === 'province' && MUNICIPALITIES.has(hit.entry.province)) municipality = hit.entry.province;
    } else i++;
  }
  return out;
}

/**
 * A district name several places share (鼓楼区: 南京, 福州, 徐州, 开封) is the one
 * under the city or province the text has just named; with no such context it is
 * a municipality's district where one of them is (朝阳区 is Beijing's as before),
 * else nobody's.
 */
function districtInContext(entries: Entry[], context: Entry | null): Entry | undefined {
  if (context) {
    const cityOf = context.kind === 'city' ? context.place : context.kind === 'district' ? (context.city ?? null) : null;
    const inCity = cityOf ? entries.filter((e) => e.city === cityOf) : [];
    if (inCity.length === 1) return inCity[0];
    const inProvince = entries.filter((e) => e.province === context.province);
    if (inProvince.length === 1) return inProvince[0];
  }
  const ofMunicipality = entries.filter((e) => MUNICIPALITIES.has(e.province));
  return ofMunicipality.length === 1 ? ofMunicipality[0] : undefined;
}

/**
 * National bodies: 国务院, 中共中央, ministries (…部, today's and the former ones that
 * issued the older rules still in force: 铁道部, 卫生部, 交通部), 国家…局/委员会,
 * …总署, 审计署, 中国人民银行, 中国银保监会/证监会, the State Council's 中国…局 and academies
 * (中国气象局, 中国地震局, 中国民用航空局, 中国科学院), 最高人民法院. Checked only when
 * no place is named (国家税务总局安徽省税务局 is provincial).
 */
const NATIONAL_BODY =
  /^(?:实施)?(?:《)?(?:中华人民共和国|国务院|中共中央|中央[\u4e00-\u9fa5]{0,10}(?:委员会|办公厅|部)|全国人民代表大会|全国人大|全国政协|最高人民(?:法院|检察院)|中国人民银行|中国(?:银保监会|证监会|银监会|保监会|人民银行|银行保险监督管理委员会|证券监督管理委员会)|国家[\u4e00-\u9fa5]{1,14}(?:局|委员会|委|署|院|部|办公室)|海关总署|[\u4e00-\u9fa5]{0,8}总署|审计署|中国(?:气象局|地震局|民用航空(?:总)?局|科学院|社会科学院|工程院)|(?:外交|国防|教育|科学技术|科技|工业和信息化|工信|公安|民政|司法|财政|人力资源和社会保障|人社|自然资源|生态环境|住房和城乡建设|住建|交通运输|水利|农业农村|商务|文化和旅游|退役军人事务|应急管理|审计|铁道|卫生|交通|农业|劳动|人事|监察|建设|文化|林业|邮电|地质矿产|国土资源|环境保护|信息产业|劳动和社会保障|对外贸易经济合作|对外经济贸易|商业|物资|轻工业|纺织工业|化学工业|机械工业|冶金工业|煤炭工业|石油工业|电力工业|水利电力|城乡建设环境保护)部)/;

export function isNationalBody(text: string): boolean {
  return NATIONAL_BODY.test(text.trim());
}

/**
 * An issuer that is a ministry (or its 办公厅) by its name alone (广播电影电视部, 电子工业部, 能源部: former ministries the list above
 * lacks): only the central government has 部, a province's and a city's are 厅 and 局. A party committee's 部
 * (市委宣传部, 组织部 named alone) and a local armed forces' 人民武装部 are not ministries; a name with its place is placed by it first.
 */
const MINISTRY = /^(?!.*(?:[省市县区州盟旗乡镇]|委[^员]|武装|组织部|宣传部|统战部|统一战线工作部))[\u4e00-\u9fa5]{2,12}部(?:办公厅)?$/;

const isNationalIssuer = (body: string) => isNationalBody(body) || MINISTRY.test(body);

/**
 * The place the text names first, made as specific as the text allows
 * (上海市黄浦区 → district 黄浦区 of 上海市; 浙江省杭州市余杭区 → district
 * 余杭区 of 杭州市): the first mention fixes the province; a later city of
 * the same province, then a district of that city, refines it.
 */
export function findRegion(text: string): Region | null {
  const mentions = placeMentions(text);
  if (!mentions.length) return null;
  const first = mentions[0].entry;
  let best = first;
  if (first.kind === 'province') {
    const finer = mentions.find((m) => m.entry.kind !== 'province' && m.entry.province === first.province);
    if (finer) best = finer.entry;
  }
  if (best.kind === 'city') {
    const district = mentions.find((m) => m.entry.kind === 'district' && m.entry.city === best.place);
    if (district) best = district.entry;
  }
  return regionOfEntry(best);
}

/** A municipality's district is filed under the municipality (city = the district, as before); any other district under its city. */
function regionOfEntry(e: Entry): Region {
  if (e.kind === 'district' && e.city) return { level: 'district', province: e.province, city: e.city, district: e.place };
  return { level: e.kind, province: e.province, city: e.place };
}

/** Region of a document from its issuers, then its title; national bodies are national, the rest unknown. */
const NATIONAL: Region = { level: 'national', province: null, city: null };

/** A title that begins with what may be a place (北京市…, 某某县…, 城市…): a congress's 条例 is named for its place. */
const PLACE_FIRST = /^[\u4e00-\u9fa5]{0,9}?(?:省|市|县|区|州|盟|旗)/;

/**
 * Words only a national body's text uses: it speaks to every province (各省、自治区、直辖市, 本省（自治区、直辖市）),
 * the whole of a ministry's system, whatever place it is read in. A province's own text says 本省 or names itself.
 */
const ALL_PROVINCES = /省\s*[、（(]\s*自治区\s*[、，]\s*直辖市/;

export function regionOf(issuers: string[], title: string, headingProvince: string | null, kind: string | null = null, text = ''): Region {
  const byIssuer = issuers.length ? findRegion(issuers.join('、')) : null;
  // A province's text for one of its cities, named for it first (温州市民间融资管理条例, adopted by 浙江省人大常委会): that city's.
  const forCity = byIssuer?.level === 'province' ? findRegion(title) : null;
  if (forCity?.city && forCity.province === byIssuer!.province && title.startsWith(forCity.city)) return forCity;
  if (byIssuer) return byIssuer;
  // A national body's text is national whatever place its title names (香港特别行政区基本法, 关于支持海南…的决定).
  if (issuers.length && issuers.every(isNationalIssuer)) return NATIONAL;
  const byTitle = findRegion(title);
  if (byTitle) return byTitle;
  if (headingProvince) return { level: 'province', province: headingProvince, city: null };
  if (issuers.some(isNationalIssuer) || isNationalBody(title)) return NATIONAL;
  // Only the National People's Congress makes a 法, and a 条例 is the State Council's or a people's congress's, whose
  // 条例 carries its place in its title. Printed without its note or issuer (a compilation's 稀土管理条例), a 法 or
  // 条例 whose title begins with no place is national; one that may name a place the gazetteer lacks stays unknown.
  if (!issuers.length && (kind === '法' || kind === '条例') && !PLACE_FIRST.test(title)) return NATIONAL;
  // So is a text printed without its issuer whose title names no place and which speaks to every province (a
  // ministry's 机动车登记规定 in a compilation: 省级公安机关…负责本省（自治区、直辖市）…).
  if (!issuers.length && !PLACE_FIRST.test(title) && ALL_PROVINCES.test(text)) return NATIONAL;
  return { level: 'unknown', province: null, city: null };
}

/** A compilation's region heading: （一）上海, （二）江苏 → the province. */
export function provinceFromHeading(text: string): string | null {
  const m = /^[（(][一二三四五六七八九十]+[）)]\s*(\S{2,8})$/.exec(text.trim());
  if (!m) return null;
  const name = m[1];
  return PROVINCES.find((p) => p.name === name || provinceShort(p.name) === name)?.name ?? null;
}

/** Big-region headings of compilations (三、华东) carry no province. */
export function isMacroRegionHeading(text: string): boolean {
  return /^[一二三四五六七八九十]+、\s*(华北|华东|华南|华中|西南|西北|东北|中部|西部|东部|全国|国家)(地区)?$/.test(text.trim());
}
