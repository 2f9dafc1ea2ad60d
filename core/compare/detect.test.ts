import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../corpus/types.js';
import { relationOf, revisionEvidence } from './relations.js';
import type { Overlap } from './shingles.js';

const doc = (over: Partial<PolicyDocument>): PolicyDocument =>
  ({ id: 'p', title: '', issuer: '', issuers: [], date: null, effectiveDate: null, kind: '方案', region: { level: 'city', province: '福建省', city: '厦门市' }, ...over }) as PolicyDocument;
const ov = (aInB: number, bInA: number, shared = 500): Overlap => ({ aInB, bInA, jaccard: Math.min(aInB, bInA) / 2, shared });

describe('relations from measured overlap and title evidence', () => {
  it('a draft for comment and its adopted text: revision, draft first, whichever order they come in', () => {
    const draft = doc({ id: 'd', title: '示例市再创营商环境新优势行动方案（征求意见稿）', date: '2023-03-17' });
    const adopted = doc({ id: 'a', title: '示例市人民政府关于印发再创营商环境新优势行动方案的通知', date: '2023-06-14' });
    expect(relationOf(draft, adopted, ov(0.4, 0.6), 5)).toEqual({ relation: 'revision', evidence: 'draft', swap: false });
    expect(relationOf(adopted, draft, ov(0.6, 0.4), 5)).toEqual({ relation: 'revision', evidence: 'draft', swap: true });
    // adopted before the draft was written: not its adoption
    expect(revisionEvidence(draft, { ...adopted, date: '2022-01-01' })).toBeNull();
    // a draft in another city is not this city's draft
    expect(revisionEvidence(draft, { ...adopted, region: { level: 'city', province: '山东省', city: '临沂市' } })).toBeNull();
  });

  it('the same title in one place at two dates: an older and a newer version', () => {
    const old = doc({ id: 'o', title: '示例市优化营商环境工作要点（2022年）', issuer: '示例市人民政府', date: '2022-03-01' });
    const neu = doc({ id: 'n', title: '示例市优化营商环境工作要点（2023年）', issuer: '示例市人民政府', date: '2023-03-01' });
    expect(relationOf(neu, old, ov(0.7, 0.7), 20)).toEqual({ relation: 'revision', evidence: 'version', swap: true });
    // other issuers with one template: not versions of each other
    expect(revisionEvidence(old, { ...neu, issuer: '另一区人民政府' })).toBeNull();
  });

  it('same, adaptation, related and nothing, by containment', () => {
    const a = doc({ id: 'a', title: '甲' });
    const b = doc({ id: 'b', title: '乙市某某办法' });
    expect(relationOf(a, b, ov(1, 0.9), 20)?.relation).toBe('same');
    expect(relationOf(a, b, ov(0.8, 0.3), 20)?.relation).toBe('adaptation');
    expect(relationOf(a, b, ov(0.2, 0.1), 1)?.relation).toBe('related');
    expect(relationOf(a, b, ov(0.05, 0.05), 0)).toBeNull();
    // a tiny text "contained" by a few shared shingles is no link
    expect(relationOf(a, b, ov(0.3, 0.01, 20), 0)).toBeNull();
    // commentary quoting a text is related, not an adaptation
    expect(relationOf(doc({ id: 'j', kind: '解读', title: '《乙》政策解读' }), b, ov(0.6, 0.2), 2)?.relation).toBe('related');
  });
});

describe('versions are dated like with like', () => {
  it('an issue date and an effective date are not two versions; two issue dates are', () => {
    const issued = doc({ id: 'i', title: '某市数据条例', issuer: '某市人民代表大会常务委员会', date: '2018-06-25', effectiveDate: '2018-07-01' });
    const copy = doc({ id: 'c', title: '某市数据条例', issuer: '某市人民代表大会常务委员会', date: null, effectiveDate: '2018-07-01' });
    expect(revisionEvidence(issued, copy)).toBeNull();
    expect(relationOf(issued, copy, ov(0.96, 0.93), 30)?.relation).toBe('same');
    const amended = { ...issued, id: 'a', date: '2023-12-05', effectiveDate: '2024-01-01' };
    expect(relationOf(amended, issued, ov(0.9, 0.9), 30)).toEqual({ relation: 'revision', evidence: 'version', swap: true });
  });
});
