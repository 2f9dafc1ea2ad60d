/**
 * The parser on the real seeds in resources/corpus/raw: the documents an
 * official will open first, with the metadata a citation needs.
 */
import { sha256Hex } from '../../test-support/sha256';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BuildResult, buildCorpus } from './build.js';
import { corpusFiles } from './file-stream.js';
import { flattenUnits, unitOwnText } from './structure.js';
import type { PolicyDocument } from './types.js';
import { parseChineseNumber } from './numerals.js';


const RAW = path.resolve(__dirname, '../../resources/corpus/raw');
const rawFiles = () => readdirSync(RAW).map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(RAW, name))) }));

let built: BuildResult | undefined;
/**
 * Built on first use inside a test, not in beforeAll: Stryker counts code run in beforeAll as
 * "static" and tests every such mutant against the whole suite, which made nearly every parser
 * mutant static and a mutation run of core/corpus take a day (npm run mutate).
 */
const result = (): BuildResult => (built ??= buildCorpus(rawFiles(), sha256Hex));
const byTitle = (re: RegExp) => result().docs.filter((d) => re.test(d.title));
const one = (re: RegExp): PolicyDocument => {
  const found = byTitle(re);
  expect(found.map((d) => d.title)).toHaveLength(1);
  return found[0];
};
const allText = (d: PolicyDocument) => flattenUnits(d.units).map((u) => u.label + unitOwnText(u)).join('\n');

describe('the real seeds', () => {
  it('finds every numbered document of the compilation, in order, each once', () => {
    const compilation = result().docs
      .flatMap((d) => d.sources.filter((s) => s.file.startsWith('003_')).map((s) => ({ d, s })))
      .sort((a, b) => a.s.startLine - b.s.startLine);
    // The compilation prints 86 numbered titles, each ending with its date in parentheses.
    expect(compilation).toHaveLength(86);
    expect(compilation[0].d.title).toBe('上海海关等11部门关于印发《上海口岸2023年深化跨境贸易营商环境改革若干措施》的通知');
    expect(compilation[0].s.startLine).toBe(5);
    expect(compilation[85].d.title).toBe('三明市市场监督管理局关于印发2023年市场监管业务工作要点的通知');
    const starts = compilation.map((c) => c.s.startLine);
    expect(new Set(starts).size).toBe(starts.length);
    expect(compilation.every((c) => c.s.firstPage! >= 302 && c.s.lastPage! <= 833 && c.s.firstPage! <= c.s.lastPage!)).toBe(true);
  });

  it('parses 青岛市政务服务管理办法 into the chapters and articles its own 解读 announces', () => {
    const banfa = one(/^青岛市政务服务管理办法$/);
    const units = flattenUnits(banfa.units);
    const chapters = units.filter((u) => u.level === 'chapter');
    const articles = units.filter((u) => u.level === 'article');
    const jiedu = one(/《青岛市政务服务管理办法》政策解读/);
    const claim = /共(\d+|[一二三四五六七八九十]+)章(\d+|[一二三四五六七八九十]+)条/.exec(allText(jiedu));
    expect(claim).not.toBeNull();
    expect(chapters).toHaveLength(parseChineseNumber(claim![1])!);
    expect(articles).toHaveLength(parseChineseNumber(claim![2])!);
    expect(articles.map((a) => parseChineseNumber(a.label.slice(1, -1)))).toEqual(articles.map((_, i) => i + 1));
    expect(chapters[7].heading).toBe('附则');
    expect(banfa.region).toEqual({ level: 'city', province: '山东省', city: '青岛市' });
    expect(banfa.kind).toBe('办法');
    expect(banfa.effectiveDate).toBe('2023-07-01');
    expect(banfa.issuers).toEqual(['青岛市人民政府']);
    expect(jiedu.kind).toBe('解读');
  });

  it('collapses the newsletter’s 16 copies into one document listing every copy', () => {
    const raw000 = readFileSync(path.join(RAW, '000_57e3cdbe4450e5ba.txt'), 'utf8').split('\n');
    const titleLines = raw000.map((l, i) => [l.trim(), i + 1] as const).filter(([l]) => l === '青岛市政务服务管理办法').map(([, n]) => n);
    const banfa = one(/^青岛市政务服务管理办法$/);
    expect(banfa.sources.map((s) => s.startLine)).toEqual(titleLines);
    expect(titleLines.length).toBe(16);
    for (const d of result().docs.filter((x) => x.sources.some((s) => s.file.startsWith('000_')) && x.kind !== '文章')) expect(d.sources).toHaveLength(16);
  });

  it('leaves no page marker or page furniture in any unit', () => {
    for (const d of result().docs) {
      const text = allText(d) + d.title;
      expect(text).not.toMatch(/# ?Page|INFORMATION|WINCON LAW FIRM|POLICY RESEARCH|政策简讯/);
    }
  });

  it('reads the compilation’s first document with exact metadata and its attached measures', () => {
    const d = one(/^上海海关等11部门关于印发/);
    expect(d).toMatchObject({
      title: '上海海关等11部门关于印发《上海口岸2023年深化跨境贸易营商环境改革若干措施》的通知',
      docNumber: '沪商自贸〔2023〕132号',
      date: '2023-06-13',
      region: { province: '上海市', city: null },
      kind: '措施',
      issuers: ['上海海关等11部门'],
      addressees: '各相关单位：',
    });
    expect(d.sources[0]).toMatchObject({ file: '003_3b0432dd4a7437f5.txt', startLine: 5, firstPage: 302 });
    const attachment = d.units.find((u) => u.level === 'appendix')!;
    expect(attachment.heading).toBe('上海口岸2023年深化跨境贸易营商环境改革若干措施');
    const measures = flattenUnits([attachment]).filter((u) => u.level === 'outline3');
    expect(measures.map((m) => m.label)).toEqual(measures.map((_, i) => `${i + 1}.`));
    expect(measures.length).toBeGreaterThan(20);
  });

  it('takes the region from the issuer when a document sits under another province’s heading', () => {
    expect(one(/^泰安市人民政府办公室关于/).region).toEqual({ level: 'city', province: '山东省', city: '泰安市' });
    expect(one(/^淮南市人民政府办公室关于/).region).toEqual({ level: 'city', province: '安徽省', city: '淮南市' });
  });

  it('recovers titles the text lacks and says how', () => {
    const notice = result().docs.filter((d) => d.title === '中国银保监会办公厅关于2023年加力提升小微企业金融服务质量的通知');
    expect(notice.map((d) => d.titleSource).sort()).toEqual(['running-header', 'title-line']);
    const articles = result().docs.filter((d) => d.kind === '文章');
    expect(articles.map((a) => a.title).sort()).toEqual(['国有企业“低价中标”问题应严格依法治理', '地方政府招商引资应完善项目评价机制防范骗补套利烂尾等现象']);
    expect(articles.every((a) => a.titleSource === 'trailing-title' && a.authors.join() === '李翊,柴恩旺')).toBe(true);
  });

  it('reads the clean notices and the news article', () => {
    expect(one(/^山东青岛79条/)).toMatchObject({ kind: '新闻', date: '2021-04-09', issuer: '青岛日报', region: { province: '山东省', city: '青岛市' } });
    expect(one(/陕西银行业保险业/)).toMatchObject({ region: { province: '陕西省', city: null }, titleSource: 'title-line' });
    const national = result().docs.find((d) => d.sources.some((s) => s.file.startsWith('001_')))!;
    expect(national).toMatchObject({ date: '2023-04-20', region: { level: 'national', province: null, city: null }, issuers: ['中国银保监会办公厅'] });
    expect(one(/^上海市黄浦区人民政府关于印发/).region).toEqual({ level: 'district', province: '上海市', city: '黄浦区' });
    for (const a of result().docs.filter((d) => d.kind === '文章')) expect(a.region.level).toBe('unknown');
  });

  it('keeps the compilation’s outline clean: headings apart from their body, no glued signatures or 附件 labels, no cut brackets, no page-break splits', () => {
    const units = result().docs.flatMap((d) => flattenUnits(d.units));
    const paragraphs = units.flatMap((u) => u.paragraphs.map((p) => p.text));
    // 一、总体要求 on its own line is a heading, not the start of its first paragraph.
    expect(paragraphs.filter((t) => /^总体要求以习近平/.test(t))).toEqual([]);
    expect(units.filter((u) => u.label === '一、' && u.heading === '总体要求').length).toBeGreaterThanOrEqual(5);
    // A signature is not glued to the last sentence.
    expect(paragraphs.filter((t) => /。[^。]{2,20}(人民政府办公室|人民政府办公厅|人民政府)$/.test(t))).toEqual([]);
    // 附件 labels and publication notes are not glued to the unit that follows.
    expect(units.filter((u) => u.level !== 'appendix' && /^附件\s*\d*\s*(\d+[.．]|[（(])/.test(u.label + (u.heading ?? '') + (u.paragraphs[0]?.text ?? '')))).toEqual([]);
    expect(paragraphs.filter((t) => /^附件\s*[（(]此件/.test(t))).toEqual([]);
    // A heading with a parenthesised note keeps the whole note.
    expect(units.find((u) => u.label === '（二）' && u.heading?.startsWith('纳税'))?.heading).toBe('纳税（牵头部门：市税务局；目标位置：全省前5）');
    // A word split by a page break is joined again.
    expect(paragraphs.filter((t) => /集中支$/.test(t))).toEqual([]);
    expect(paragraphs.some((t) => t.includes('与财政国库集中支付平台对接'))).toBe(true);
  });

  it('keeps the end of an item that wraps its lead departments in that item, not in the signature under it', () => {
    // 泰安's last item: 77.…（市行政审批服务局、⏎市大数据中心牵头）, then 泰安市人民政府办公室 / 2023 年3 月13 日.
    const d = one(/^泰安市人民政府办公室关于进一步优化营商环境降低市场主体制度性交易成本的实施意见$/);
    expect(d.signature).toEqual(['泰安市人民政府办公室', '2023年3月13日']);
    expect(d.date).toBe('2023-03-13');
    const last = flattenUnits(d.units).at(-1)!;
    expect(last.label).toBe('77.');
    expect(unitOwnText(last)).toMatch(/切实加强社会监督。（市行政审批服务局、市大数据中心牵头）$/);
    // A signature whose 代章 note wraps keeps both of its lines.
    expect(one(/^山东省社会信用体系建设2023年工作要点$/).signature).toEqual(['山东省社会信用体系建设领导小组办公室', '（山东省发展和改革委员会', '中国人民银行济南分行代章）', '2023年4月10日']);
    // No signature in the sample begins with a line that closes a parenthesis it did not open.
    expect(result().docs.filter((d) => /^[^（(]*[）)]/.test(d.signature[0] ?? '')).map((d) => d.title)).toEqual([]);
  });

  it('marks the compilation entries whose pages are blank as having no body, with the pages', () => {
    const missing = result().docs.filter((d) => d.bodyMissing);
    expect(missing.map((d) => d.title).sort()).toEqual(['济南市人民政府关于印发济南市“十四五”时期优化营商环境规划的通知', '浙江省市场监督管理局批准发布《营商环境无感监测规范指标体系》省级地方标准']);
    expect(missing.map((d) => d.bodyMissing!.reason)).toEqual(['blank-pages', 'blank-pages']);
    expect(missing.every((d) => d.unitCount === 0)).toBe(true);
    expect(missing.find((d) => d.title.startsWith('济南'))!.bodyMissing!.detail).toContain('第 712–719 页');
    expect(result().docs.filter((d) => d.unitCount === 0 && !d.bodyMissing)).toEqual([]);
  });

  it('gives every document and unit a unique URL-safe id and builds the same bytes twice', () => {
    const ids = result().docs.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of result().docs) {
      const unitIds = flattenUnits(d.units).map((u) => u.id);
      expect(new Set(unitIds).size).toBe(unitIds.length);
      expect([d.id, ...unitIds].every((id) => /^[A-Za-z0-9._~-]+$/.test(id))).toBe(true);
    }
    const again = corpusFiles(buildCorpus(rawFiles(), sha256Hex), sha256Hex);
    expect(again.manifest.contentHash).toBe(corpusFiles(result(), sha256Hex).manifest.contentHash);
  });

  // The compilation's PDF prints 德州市人民政府办公室's notice with its 版记 (抄送：…, …印发) under the plan's last item.
  it('sets a 版记 apart from the clause above it, and marks a disclosure line as the 版记\'s', () => {
    const dezhou = one(/^德州市人民政府办公室关于印发进一步优化营商环境/);
    const units = flattenUnits(dezhou.units);
    const item74 = units.find((u) => u.label === '74.')!;
    expect(unitOwnText(item74)).not.toMatch(/抄送|印发/);
    expect(unitOwnText(item74)).toContain('切实提高诉求办理质量。');
    expect(units.filter((u) => u.level === 'imprint').map((u) => unitOwnText(u))).toEqual([
      '抄送：市委有关部门，市人大常委会办公室，市政协办公室，市监委，市法院，市检察院。各民主党派市委（总支），市工商联。',
      '德州市人民政府办公室2023年1月20日印发',
    ]);
    expect(dezhou.date).toBe('2023-01-20');
    const changzhou = one(/^常州市自然资源和规划局关于印发优化营商环境行动方案的/);
    const disclosure = flattenUnits(changzhou.units).filter((u) => u.level === 'imprint');
    expect(disclosure.map((u) => unitOwnText(u))).toEqual(['公开方式：主动公开']);
  });
});

