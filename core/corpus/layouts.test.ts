/**
 * The parser on layouts it was not tuned on: fixtures in fixtures/layouts/
 * written for the purpose, with issuers, regions, 文号 and dates the sample
 * does not contain, laid out as PDF extraction leaves them (titles wrapped
 * over two lines, `# Page N:` markers, page-number lines, running headers).
 * Each expected value is read off the fixture text by a person, not computed.
 */
import { sha256Hex } from '../../test-support/sha256';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCorpus } from './build.js';
import { flattenUnits, unitOwnText } from './structure.js';
import type { DocKind, PolicyDocument, Region } from './types.js';


const DIR = path.resolve(__dirname, 'fixtures/layouts');
const parse = (name: string) => buildCorpus([{ name, bytes: new Uint8Array(readFileSync(path.join(DIR, name))) }], sha256Hex);
const text = (d: PolicyDocument) => flattenUnits(d.units).map((u) => [u.label, unitOwnText(u)].join('')).join('\n');

interface Expected {
  title: string;
  docNumber: string | null;
  date: string | null;
  issuer: string;
  region: Region;
  kind: DocKind;
}
const prov = (province: string): Region => ({ level: 'province', province, city: null });
const city = (province: string, c: string): Region => ({ level: 'city', province, city: c });

const EXPECTED: Record<string, Expected[]> = {
  'hebei-notice.txt': [
    { title: '河北省人民政府办公厅关于印发河北省促进民营经济高质量发展若干措施的通知', docNumber: '冀政办字〔2024〕87号', date: '2024-09-12', issuer: '河北省人民政府办公厅', region: prov('河北省'), kind: '措施' },
  ],
  'jilin-notice.txt': [
    { title: '吉林省发展和改革委员会关于做好2025年重点项目谋划储备工作的通知', docNumber: '吉发改投资〔2025〕16号', date: '2025-02-18', issuer: '吉林省发展和改革委员会', region: prov('吉林省'), kind: '通知' },
  ],
  'tianjin-heping-notice.txt': [
    { title: '天津市和平区人民政府办公室关于印发和平区推动楼宇经济高质量发展实施方案的通知', docNumber: '和平政办发〔2024〕9号', date: '2024-05-20', issuer: '天津市和平区人民政府办公室', region: { level: 'district', province: '天津市', city: '和平区' }, kind: '方案' },
  ],
  'neimenggu-attachments.txt': [
    { title: '内蒙古自治区人民政府办公厅关于印发自治区支持民营企业发展壮大若干措施及配套清单的通知', docNumber: '内政办发〔2024〕31号', date: '2024-06-03', issuer: '内蒙古自治区人民政府办公厅', region: prov('内蒙古自治区'), kind: '措施' },
  ],
  'guangxi-banfa.txt': [
    { title: '广西壮族自治区财政厅关于印发《广西壮族自治区省级财政专项资金管理办法》的通知', docNumber: '桂财预〔2024〕45号', date: '2024-11-08', issuer: '广西壮族自治区财政厅', region: prov('广西壮族自治区'), kind: '办法' },
  ],
  'shenzhen-table.txt': [
    { title: '深圳市人民政府办公厅关于印发深圳市进一步扩大对外开放若干措施的通知', docNumber: '深府办规〔2025〕2号', date: '2025-03-06', issuer: '深圳市人民政府办公厅', region: city('广东省', '深圳市'), kind: '措施' },
  ],
  'chengdu-header.txt': [
    { title: '成都市人民政府办公厅关于印发成都市2025年数字经济发展工作要点的通知', docNumber: '成办发〔2025〕7号', date: '2025-01-24', issuer: '成都市人民政府办公厅', region: city('四川省', '成都市'), kind: '要点' },
  ],
  'guowuyuan-opinion.txt': [
    { title: '国务院办公厅关于进一步优化支付服务提升支付便利性的意见', docNumber: '国办发〔2024〕10号', date: '2024-03-01', issuer: '国务院办公厅', region: { level: 'national', province: null, city: null }, kind: '意见' },
  ],
  'compilation-henan-hunan.txt': [
    { title: '河南省人民政府办公厅关于印发河南省优化营商环境三年行动方案的通知', docNumber: '豫政办〔2024〕21号', date: '2024-04-02', issuer: '河南省人民政府办公厅', region: prov('河南省'), kind: '方案' },
    { title: '郑州市人民政府关于进一步降低企业物流成本的若干措施', docNumber: '郑政〔2024〕8号', date: '2024-05-15', issuer: '郑州市人民政府', region: city('河南省', '郑州市'), kind: '措施' },
    { title: '湖南省发展和改革委员会关于做好2024年价格监测工作的通知', docNumber: '湘发改价调〔2024〕112号', date: '2024-03-08', issuer: '湖南省发展和改革委员会', region: prov('湖南省'), kind: '通知' },
    { title: '长沙市优化营商环境条例', docNumber: null, date: '2024-06-28', issuer: '', region: city('湖南省', '长沙市'), kind: '条例' },
  ],
  'newsletter-jiangxi.txt': [
    { title: '江西省商务厅关于开展2024年外贸企业培育行动的通知', docNumber: '赣商务外贸字〔2024〕33号', date: '2024-07-10', issuer: '江西省商务厅', region: prov('江西省'), kind: '通知' },
    { title: '南昌市人民政府关于支持楼宇经济高质量发展的若干意见', docNumber: '洪府发〔2024〕15号', date: '2024-08-02', issuer: '南昌市人民政府', region: city('江西省', '南昌市'), kind: '意见' },
    { title: '九江市财政局关于下达2024年中小企业发展专项资金的通知', docNumber: '九财企〔2024〕27号', date: '2024-09-05', issuer: '九江市财政局', region: city('江西省', '九江市'), kind: '通知' },
  ],
  'article-byline.txt': [
    { title: '以高水平开放推动服务业扩能提质', docNumber: null, date: null, issuer: '王晓明、赵丽华', region: { level: 'unknown', province: null, city: null }, kind: '文章' },
  ],
};

describe('layouts the sample does not contain', () => {
  it('covers every fixture file', () => {
    expect(readdirSync(DIR).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: documents, 文号, date, issuer, region and kind`, () => {
      const r = parse(file);
      const got = r.docs
        .map(({ title, docNumber, date, issuer, region, kind }) => ({ title, docNumber, date, issuer, region, kind }))
        .sort((a, b) => a.title.localeCompare(b.title));
      expect(got).toEqual([...expected].sort((a, b) => a.title.localeCompare(b.title)));
    });
  }

  it('keeps the issued text after the signature in its notice, as a titled attachment', () => {
    const [d] = parse('hebei-notice.txt').docs;
    const att = d.units.filter((u) => u.level === 'appendix');
    expect(att.map((a) => a.heading)).toEqual(['河北省促进民营经济高质量发展若干措施']);
    expect(flattenUnits(att).filter((u) => u.level === 'outline1').map((u) => u.heading)).toEqual(['优化民营经济发展环境', '加大对民营经济政策支持力度', '强化民营经济发展法治保障']);
    expect(d.signature).toEqual(['河北省人民政府办公厅', '2024年9月12日']);
    expect(d.effectiveDate).toBe('2024-10-01');
    expect(d.sources[0]).toMatchObject({ startLine: 2, firstPage: 1 });
    // The body ends with its sentence, not with the signature glued to it.
    const body = d.units.filter((u) => u.level !== 'appendix').map((u) => unitOwnText(u));
    expect(body.join('\n')).not.toContain('落实。河北省');
    expect(body).toContain('（此件公开发布）');
  });

  it('keeps a numbered heading after the signature (三、保障措施) in the attachment, not as a second one', () => {
    const [d] = parse('tianjin-heping-notice.txt').docs;
    const att = d.units.filter((u) => u.level === 'appendix');
    expect(att.map((a) => a.heading)).toEqual(['和平区推动楼宇经济高质量发展实施方案']);
    expect(att[0].children.filter((u) => u.level === 'outline1').map((u) => `${u.label}${u.heading}`)).toEqual(['一、总体要求', '二、重点任务', '三、保障措施']);
  });

  it('keeps a closing publication note apart from the last item', () => {
    const [d] = parse('jilin-notice.txt').docs;
    const items = flattenUnits(d.units).filter((u) => u.level !== 'note');
    expect(items.some((u) => unitOwnText(u).includes('（此件主动公开）'))).toBe(false);
    // Under the signature: a note of the document's (附注), after its last item.
    expect(d.units.filter((u) => u.level === 'note').map((u) => unitOwnText(u))).toEqual(['（此件主动公开）']);
  });

  it('takes a 文号 printed above the title as the document’s own', () => {
    const [d] = parse('jilin-notice.txt').docs;
    expect(d.sources[0].startLine).toBe(2);
    expect(d.units.filter((u) => u.level === 'outline1').map((u) => u.label)).toEqual(['一、', '二、', '三、', '四、']);
  });

  it('splits a notice with several attachments into labelled attachments', () => {
    const [d] = parse('neimenggu-attachments.txt').docs;
    const att = d.units.filter((u) => u.level === 'appendix');
    expect(att.map((a) => [a.label, a.heading])).toEqual([
      ['附件1', '内蒙古自治区支持民营企业发展壮大若干措施'],
      ['附件2', '内蒙古自治区民营企业服务事项清单'],
    ]);
    expect(att[1].children.map((u) => u.label)).toEqual(['1.', '2.', '3.']);
  });

  it('reads the chapters and articles of an issued 办法', () => {
    const [d] = parse('guangxi-banfa.txt').docs;
    const units = flattenUnits(d.units);
    expect(units.filter((u) => u.level === 'chapter').map((u) => u.heading)).toEqual(['总则', '资金分配', '附则']);
    expect(units.filter((u) => u.level === 'article').map((u) => u.label)).toEqual(['第一条', '第二条', '第三条', '第四条', '第五条']);
    expect(d.effectiveDate).toBe('2025-01-01');
  });

  it('keeps lone numbers and Latin words of a table as text, and drops only page numbers and running headers', () => {
    const [d] = parse('shenzhen-table.txt').docs;
    const all = text(d);
    expect(all.replace(/\s/g, '')).toContain('指标20242025RCEP（三）');
    expect(all).not.toMatch(/^\d+$/m);
    const [c] = parse('chengdu-header.txt').docs;
    expect(text(c)).not.toContain('成都市人民政府办公厅文件');
    const [n] = parse('newsletter-jiangxi.txt').docs.filter((x) => x.title.startsWith('江西'));
    expect(text(n)).not.toContain('政策汇编');
  });

  it('counts every line it drops as furniture, per file', () => {
    const r = parse('shenzhen-table.txt');
    // The fixture prints its page number as the last line of every page.
    const pages = readFileSync(path.join(DIR, 'shenzhen-table.txt'), 'utf8').split('\n').filter((l) => l.startsWith('# Page')).length;
    expect(pages).toBeGreaterThan(1);
    expect(r.rawFiles[0].dropped).toEqual({ 'page-number': pages });
    const c = parse('chengdu-header.txt');
    expect(c.rawFiles[0].dropped['page-repeat']).toBeGreaterThanOrEqual(2);
  });
});
