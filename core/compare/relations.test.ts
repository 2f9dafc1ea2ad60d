/**
 * The relation of two measured documents at each of its thresholds, and the pair as stored:
 * overlaps are given, so each expectation is the rule read off its figures.
 */
import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../corpus/types.js';
import { measuredPair, relationOf, revisionEvidence } from './relations.js';
import type { Overlap } from './shingles.js';

const doc = (over: Partial<PolicyDocument>): PolicyDocument =>
  ({ id: 'p', title: '', issuer: '', issuers: [], date: null, effectiveDate: null, kind: '方案', region: { level: 'city', province: '福建省', city: '厦门市' }, ...over }) as PolicyDocument;
const ov = (aInB: number, bInA: number, shared = 500): Overlap => ({ aInB, bInA, jaccard: Math.min(aInB, bInA) / 2, shared });

// Two documents whose titles say nothing of each other.
const a = doc({ id: 'a', title: '厦门市促进民营经济发展若干措施' });
const b = doc({ id: 'b', title: '厦门市数据要素市场培育方案' });

describe('how much overlap makes a link', () => {
  it('related from 15 % of one text, if that is at least 60 shingles', () => {
    expect(relationOf(a, b, ov(0.15, 0.05, 60), 0)?.relation).toBe('related');
    expect(relationOf(a, b, ov(0.05, 0.15, 60), 0)?.relation).toBe('related');
    expect(relationOf(a, b, ov(0.15, 0.05, 59), 0)).toBeNull();
    expect(relationOf(a, b, ov(0.14, 0.05, 500), 0)).toBeNull();
  });

  it('related from three clauses matched one to one, however little of the texts they are', () => {
    expect(relationOf(a, b, ov(0.02, 0.01, 20), 3)?.relation).toBe('related');
    expect(relationOf(a, b, ov(0.02, 0.01, 20), 2)).toBeNull();
  });

  it('adaptation from 40 % of the smaller text, same from 85 % of each', () => {
    expect(relationOf(a, b, ov(0.4, 0.2), 0)?.relation).toBe('adaptation');
    expect(relationOf(a, b, ov(0.2, 0.4), 0)?.relation).toBe('adaptation');
    expect(relationOf(a, b, ov(0.39, 0.2), 0)?.relation).toBe('related');
    expect(relationOf(a, b, ov(0.85, 0.85), 0)).toEqual({ relation: 'same', swap: false });
    expect(relationOf(a, b, ov(0.84, 0.9), 0)?.relation).toBe('adaptation');
  });

  it('commentary (解读, 新闻, 文章) on a text is related to it, but two commentaries can be one text', () => {
    for (const kind of ['解读', '新闻', '文章'] as const) {
      expect(relationOf(doc({ id: 'c', kind }), b, ov(0.95, 0.95), 10)).toEqual({ relation: 'related', swap: false });
      expect(relationOf(b, doc({ id: 'c', kind }), ov(0.95, 0.95), 10)).toEqual({ relation: 'related', swap: false });
    }
    expect(relationOf(doc({ id: 'j1', kind: '解读' }), doc({ id: 'j2', kind: '解读' }), ov(0.95, 0.95), 10)?.relation).toBe('same');
  });
});

describe('one text at two dates', () => {
  const city = (over: Partial<PolicyDocument>) => doc({ issuer: '厦门市人民政府', issuers: ['厦门市人民政府'], ...over });
  // Issued by two offices of one city (no common issuer) under two different titles: only the dates and the text speak.
  const first = city({ id: 'x', title: a.title, date: '2021-05-01' });
  const reissue = city({ id: 'y', title: b.title, issuer: '厦门市人民政府办公厅', issuers: ['厦门市人民政府办公厅'], date: '2023-05-01' });

  it('the same text reissued in one place is a revision, the older first', () => {
    expect(relationOf(first, reissue, ov(0.9, 0.9), 0)).toEqual({ relation: 'revision', evidence: 'version', swap: false });
    expect(relationOf(reissue, first, ov(0.9, 0.9), 0)).toEqual({ relation: 'revision', evidence: 'version', swap: true });
    // on one day it is the same text
    expect(relationOf(first, { ...reissue, date: '2021-05-01' }, ov(0.9, 0.9), 0)?.relation).toBe('same');
  });

  it('…but in another city, or another province, it is a copy', () => {
    expect(relationOf(first, { ...reissue, region: { level: 'city', province: '福建省', city: '福州市' } }, ov(0.9, 0.9), 0)?.relation).toBe('same');
    expect(relationOf(first, { ...reissue, region: { level: 'city', province: '广东省', city: '厦门市' } }, ov(0.9, 0.9), 0)?.relation).toBe('same');
    // where one place is unknown, it may be the same place
    expect(relationOf(first, { ...reissue, region: { level: 'unknown' } } as PolicyDocument, ov(0.9, 0.9), 0)?.relation).toBe('revision');
    expect(relationOf({ ...first, region: { level: 'unknown' } } as PolicyDocument, reissue, ov(0.9, 0.9), 0)?.relation).toBe('revision');
  });

  it('dated by when they take effect when neither has an issue date', () => {
    const x = { ...first, date: null, effectiveDate: '2021-06-01' };
    const y = { ...reissue, date: null, effectiveDate: '2023-06-01' };
    expect(relationOf(y, x, ov(0.9, 0.9), 0)).toEqual({ relation: 'revision', evidence: 'version', swap: true });
  });
});

describe('title evidence of a revision', () => {
  // Core titles 示例市优化营商环境工作要点 and …重点工作要点 share 11 of 12 and 14 bigrams: Dice 22/26, similar but not one title.
  const points = (over: Partial<PolicyDocument>) => doc({ title: '示例市优化营商环境工作要点', issuer: '示例市人民政府', issuers: ['示例市人民政府'], date: '2022-03-01', ...over });
  const older = points({ id: 'o' });
  const newer = points({ id: 'n', title: '示例市优化营商环境重点工作要点', date: '2023-03-01' });

  it('similar titles at two dates are versions from 30 % shared text; one title needs only a link', () => {
    expect(relationOf(older, newer, ov(0.3, 0.2), 0)).toEqual({ relation: 'revision', evidence: 'version', swap: false });
    expect(relationOf(older, newer, ov(0.29, 0.2), 0)?.relation).toBe('related');
    // one title (years removed) at two dates: a revision even when rewritten as a whole
    const y2022 = points({ id: 'o', title: '示例市优化营商环境工作要点（2022年）' });
    const y2023 = points({ id: 'n', title: '示例市优化营商环境工作要点（2023年）', date: '2023-03-01' });
    expect(revisionEvidence(y2022, y2023)).toEqual({ evidence: 'version', swap: false, oneTitle: true });
    expect(revisionEvidence(older, newer)).toEqual({ evidence: 'version', swap: false });
    expect(relationOf(y2022, y2023, ov(0.2, 0.2), 0)).toEqual({ relation: 'revision', evidence: 'version', swap: false });
    // 21 characters, one changed at the start: 19 of 20 bigrams shared each way, Dice 0.95, still one title.
    const tail = '市进一步优化营商环境更好服务市场主体措施';
    expect(revisionEvidence(points({ id: 'o', title: '甲' + tail }), points({ id: 'n', title: '乙' + tail, date: '2023-03-01' }))?.oneTitle).toBe(true);
  });

  it('a title is read once per document, and again when it is set again', () => {
    const a = points({ id: 'o' });
    const b = points({ id: 'n', title: '示例市优化营商环境重点工作要点', date: '2023-03-01' });
    expect(revisionEvidence(a, b)).toEqual({ evidence: 'version', swap: false });
    b.title = '示例市优化营商环境工作要点（征求意见稿）';
    b.date = '2021-12-01';
    expect(revisionEvidence(a, b)).toEqual({ evidence: 'draft', swap: true });
    b.title = '另一城市的住房公积金管理办法';
    expect(revisionEvidence(a, b)).toBeNull();
  });

  it('versions need one authority: the same issuer, an unknown one, a common co-issuer, or two national bodies', () => {
    expect(revisionEvidence(older, { ...newer, issuer: '' })?.evidence).toBe('version');
    expect(revisionEvidence({ ...older, issuer: '' }, newer)?.evidence).toBe('version');
    expect(revisionEvidence(older, { ...newer, issuer: '示例市人民政府、示例市发展和改革委员会', issuers: ['示例市发展和改革委员会', '示例市人民政府'] })?.evidence).toBe('version');
    expect(revisionEvidence(older, { ...newer, issuer: '示例市发展和改革委员会', issuers: ['示例市发展和改革委员会'] })).toBeNull();
    const law = (over: Partial<PolicyDocument>) => doc({ title: '中华人民共和国数据安全法', region: { level: 'national' }, ...over } as Partial<PolicyDocument>);
    const adopted = law({ id: 'l1', issuer: '全国人民代表大会', issuers: ['全国人民代表大会'], date: '2021-06-10' });
    const amended = law({ id: 'l2', issuer: '全国人民代表大会常务委员会', issuers: ['全国人民代表大会常务委员会'], date: '2024-06-28' });
    expect(revisionEvidence(amended, adopted)).toEqual({ evidence: 'version', swap: true, oneTitle: true });
  });

  it('a draft and its adoption on one day, or an undated draft, are still draft and adoption; two drafts are not versions', () => {
    const draft = doc({ id: 'd', title: '示例市优化营商环境工作要点（征求意见稿）', date: '2023-03-01' });
    expect(revisionEvidence(draft, { ...older, date: '2023-03-01' })).toEqual({ evidence: 'draft', swap: false });
    expect(revisionEvidence({ ...older, date: '2023-03-01' }, { ...draft, date: null })).toEqual({ evidence: 'draft', swap: true });
    expect(revisionEvidence(draft, { ...draft, id: 'd2', title: '示例市优化营商环境工作要点（送审稿）', date: '2023-05-01' })).toBeNull();
  });
});

describe('the pair as stored', () => {
  it('a revision is stored older first, its figures swapped with it, rounded, with both dates', () => {
    const older = doc({ id: 'o', title: '示例市数据条例', issuer: '示例市人大常委会', date: null, effectiveDate: '2020-01-01' });
    const newer = doc({ id: 'n', title: '示例市数据条例', issuer: '示例市人大常委会', date: null, effectiveDate: '2024-01-01' });
    const pair = measuredPair(newer, older, { aInB: 0.61234, bInA: 0.70001, jaccard: 0.45678, shared: 800 }, 7);
    expect(pair).toEqual({ a: 'o', b: 'n', relation: 'revision', jaccard: 0.457, aInB: 0.7, bInA: 0.612, sharedClauses: 7, evidence: 'version', dates: ['2020-01-01', '2024-01-01'] });
  });

  it('a copy keeps its order and has no evidence and no dates; an undated draft has no dates', () => {
    const x = doc({ id: 'x', title: '甲', date: '2020-01-01' });
    const y = doc({ id: 'y', title: '乙市某某办法', date: '2021-01-01', region: { level: 'city', province: '福建省', city: '福州市' } });
    expect(measuredPair(x, y, { aInB: 0.9, bInA: 0.95, jaccard: 0.86, shared: 900 }, 4)).toEqual({ a: 'x', b: 'y', relation: 'same', jaccard: 0.86, aInB: 0.9, bInA: 0.95, sharedClauses: 4 });
    const draft = doc({ id: 'd', title: '示例办法（征求意见稿）' });
    const adopted = doc({ id: 'e', title: '示例办法', date: '2021-01-01' });
    expect(measuredPair(draft, adopted, ov(0.5, 0.5), 0)).toMatchObject({ a: 'd', b: 'e', relation: 'revision', evidence: 'draft' });
    expect(measuredPair(draft, adopted, ov(0.5, 0.5), 0)?.dates).toBeUndefined();
    expect(measuredPair(x, y, ov(0.01, 0.01, 5), 0)).toBeNull();
  });
});

describe('a text rewritten as a whole under its title', () => {
  // 商用密码管理条例 (国务院) of 1999 and of 2023: 0.112 of the old text in the new, 0.036 of the new in the old, 199 shingles.
  const old = doc({ id: 'old', title: '商用密码管理条例', issuer: '国务院', issuers: ['国务院'], date: '1999-10-07', kind: '条例', region: { level: 'national', province: null, city: null } });
  const now = { ...old, id: 'new', date: '2023-04-27' };
  it('is a revision of it from 8 % of the smaller text, older first, where texts merely related need 15 %', () => {
    expect(relationOf(old, now, ov(0.112, 0.036, 199), 0)).toEqual({ relation: 'revision', evidence: 'version', swap: false });
    expect(relationOf(now, old, ov(0.036, 0.112, 199), 0)).toEqual({ relation: 'revision', evidence: 'version', swap: true });
    expect(relationOf(old, now, ov(0.08, 0.03, 60), 0)?.relation).toBe('revision');
    expect(relationOf(old, now, ov(0.079, 0.03, 500), 0)).toBeNull();
    expect(relationOf(old, now, ov(0.112, 0.036, 59), 0)).toBeNull();
  });
  it('is not, with a title that differs, a series number included (补充规定, 补充规定（三）), or at one date, or as commentary', () => {
    const series = doc({ ...old, id: 's1', title: '最高人民法院、最高人民检察院关于执行《中华人民共和国刑法》确定罪名的补充规定', date: '2002-03-15', kind: '规定' });
    const third = { ...series, id: 's3', title: '最高人民法院、最高人民检察院关于执行《中华人民共和国刑法》确定罪名的补充规定（三）', date: '2007-10-25' };
    expect(relationOf(series, third, ov(0.136, 0.149, 300), 0)).toBeNull();
    expect(relationOf(old, { ...now, date: old.date }, ov(0.112, 0.036, 199), 0)).toBeNull();
    expect(relationOf(old, { ...now, kind: '解读' }, ov(0.112, 0.036, 199), 0)).toBeNull();
    expect(relationOf({ ...old, kind: '解读' }, now, ov(0.112, 0.036, 199), 0)).toBeNull();
    // Another place's regulation of that title is not its version.
    const city = { ...now, issuer: '杭州市人民政府', issuers: ['杭州市人民政府'], region: { level: 'city' as const, province: '浙江省', city: '杭州市' } };
    expect(relationOf(old, city, ov(0.112, 0.036, 199), 0)).toBeNull();
  });
});
