/**
 * The search engine's test corpus (core/search/engine*.test.ts): five hand-made documents — a city's rules
 * with chapters, a province's notice, a measure with two issuers, a regulation whose labels are printed apart
 * from their text, and a title whose pages were blank — their search files, and the engine over them.
 */
import type { PolicyDocument, Unit } from '../core/corpus/types.js';
import { buildSearchArtifacts } from '../core/search/artifacts.js';
import { SearchEngine } from '../core/search/engine.js';
export function unit(docId: string, path: string, texts: string[], heading: string | null = null, children: Unit[] = [], label = ''): Unit {
  return { id: `${docId}~${path}`, path, level: 'article', label, heading, paragraphs: texts.map((text) => ({ text, pages: [] })), pages: [], children };
}

export function doc(id: string, title: string, opts: Partial<PolicyDocument>, units: Unit[]): PolicyDocument {
  return {
    formatVersion: 1,
    id,
    title,
    titleSource: 'title-line',
    issuer: opts.issuers?.join('、') ?? '',
    issuers: opts.issuers ?? [],
    docNumber: opts.docNumber ?? null,
    date: opts.date ?? null,
    region: opts.region ?? { level: 'unknown', province: null, city: null },
    kind: opts.kind ?? '通知',
    sources: [],
    unitCount: units.length,
    charCount: 0,
    addressees: null,
    signature: [],
    units,
  } as unknown as PolicyDocument;
}

export const DOCS: PolicyDocument[] = [
  doc('a-qd', '青岛市政务服务管理办法', { issuers: ['青岛市人民政府'], region: { level: 'city', province: '山东省', city: '青岛市' }, kind: '办法', date: '2023-05-01', docNumber: '青岛市人民政府令第1号' }, [
    unit('a-qd', 'ch1', [], '总则', [
      unit('a-qd', 'ch1.ar1', ['第一条 为了规范政务服务，制定本办法。']),
      unit('a-qd', 'ch1.ar2', ['第二条 本市推行证明事项告知承诺制，实行“一网通办”。', '申请人可以选择告知承诺制。']),
    ]),
    unit('a-qd', 'ar3', ['第三条 本办法自 2023 年 5 月 1 日起施行。']),
  ]),
  doc('b-sd', '山东省关于进一步优化营商环境的通知', { issuers: ['山东省人民政府办公厅'], region: { level: 'province', province: '山东省', city: null }, kind: '通知', date: '2022-03-01' }, [
    unit('b-sd', 'o1', ['一、推行告知承诺制。参照《青岛市政务服务管理办法》执行政务服务管理办法。']),
    unit('b-sd', 'o2', ['二、发展融资担保，降低ＬＰＲ加点。']),
    unit('b-sd', 'o3', ['三、小微企业融资担保费率不超过1%。']),
  ]),
  doc('c-sh', '上海市支持小微企业发展若干措施', { issuers: ['上海市发展和改革委员会', '上海市财政局'], region: { level: 'province', province: '上海市', city: null }, kind: '措施', date: '2023-01-10', docNumber: '沪发改〔2023〕5号' }, [
    unit('c-sh', 'p1', ['（一）政府性融资担保机构为小微企业提供担保，LPR 报价。']),
    unit('c-sh', 'p2', ['（二）2023年起实施，热线12345受理。']),
  ]),
  // Labels printed apart from the text, as the parser stores articles and items.
  doc('d-lab', '某市数据条例', { issuers: ['某市人民代表大会常务委员会'], region: { level: 'national', province: null, city: null }, kind: '条例', date: '2021-01-01' }, [
    unit('d-lab', 'ch5', [], '数据共享', [
      unit('d-lab', 'ch5.ar43', ['公共数据共享事项应当公开。'], null, [unit('d-lab', 'ch5.ar43.it18', ['其他优化营商环境规划的事项。'], null, [], '（十八）')], '第四十三条'),
    ], '第五章'),
  ]),
  // Title only: its source pages were blank.
  doc('e-empty', '某市优化营商环境规划', { issuers: ['某市人民政府'], kind: '通知' }, []),
];

/** The sample corpus's search files, built once. */
export const FILES = Object.fromEntries(buildSearchArtifacts(DOCS).map((f) => [f.path, f.data]));
/**
 * The engine over them. Tests make it again for each test (`beforeEach`) rather than once when the file loads:
 * what the constructor does (titles and 文号 normalised, each document's units, unit lengths) then counts towards
 * the tests that rely on it, which a mutation run (npm run mutate) needs to see (work done while a file loads is
 * tested by no test).
 */
export const sampleEngine = (): SearchEngine => SearchEngine.fromFiles((p) => FILES[p]);
/** The text hits' unit ids, sorted. */
export const units = (r: ReturnType<SearchEngine['search']>) => r.hits.filter((h) => h.field === 'text').map((h) => h.unitId).sort();

