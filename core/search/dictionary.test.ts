import { describe, expect, it } from 'vitest';
import { buildIndexData, shardFiles } from './build.js';
import type { SearchCorpus } from './corpus-units.js';
import { TermDictionary } from './dictionary.js';
import { normalizeUnitText } from './tokenizer.js';

// Clauses of a notice on financing guarantees (one document), with a line break inside one of them.
const TEXTS = [
  '第一条 为进一步发挥政府性融资担保机构作用，支持小微企业和“三农”发展，制定本办法。',
  '第二条 政府性融资担保机构应当聚焦支小支农主业，降低担保费率。',
  '第三条 担保机构按照担保金额的1%收取保费，对单户担保金额500万元及以下的小微企业，年化费率不超过1%。',
  '第四条 各级财政部门对降低担保费率的担保机构给予保费补贴。\n补贴资金从普惠金融发展专项资金中列支。',
  '第五条 银行业金融机构应当与融资担保机构合作，按照“风险共担”原则分担代偿损失。',
  '第六条 本办法自2023年5月1日起施行。',
];
const corpus: SearchCorpus = {
  docs: [{ id: 'rzdb', title: '政府性融资担保机构管理办法', issuer: '', issuers: [], docNumber: null, year: '2023', region: '全国', regions: ['全国'], kind: '办法' }],
  units: TEXTS.map((text, i) => ({ doc: 0, path: `ar${i + 1}`, text, trail: [] })),
};
const norms = TEXTS.map((t) => normalizeUnitText(t).norm);
/** The dictionary over the built index (its shards read from the built files). */
function dictionary(): TermDictionary {
  const built = buildIndexData(corpus);
  const files = shardFiles(built);
  return new TermDictionary(built.index, (f) => files[f]);
}
/** Units whose normalised text holds `phrase`, by scanning every one. */
const holding = (phrase: string) => norms.flatMap((n, u) => (n.includes(phrase) ? [u] : []));

describe('TermDictionary', () => {
  it('counts a phrase that overlaps itself as highlighting does: not overlapping, from the left', () => {
    const units = ['规定规定规定规', '规定规，规定', '定规定', '规\n定规'];
    const built = buildIndexData({ docs: corpus.docs, units: units.map((text, i) => ({ doc: 0, path: `p${i}`, text, trail: [] })) });
    const files = shardFiles(built);
    const d = new TermDictionary(built.index, (f) => files[f]);
    // 规定规 starts at 0, 2 and 4 of the first unit: 0 is counted, 2 overlaps it, 4 does not.
    const got = d.occurrences('规定规');
    expect([Array.from(got.units), Array.from(got.tf!)]).toEqual([[0, 1], [2, 1]]);
    const two = d.occurrences('规定');
    expect([Array.from(two.units), Array.from(two.tf!)]).toEqual([[0, 1, 2], [3, 2, 1]]);
    // Never across a line break: 定规 is in the last unit, 规定 is not.
    expect(Array.from(d.occurrences('定规').units)).toEqual([0, 1, 2, 3]);
    expect(Array.from(d.matchPhrase('规\n定'))).toEqual([]);
    // One character has no positions: its units, and no count.
    expect(d.occurrences('规').tf).toBeNull();
    expect(Array.from(d.occurrences('规').units)).toEqual([0, 1, 2, 3]);
    // A phrase with a bigram found nowhere.
    expect(d.occurrences('规规').units.length).toBe(0);
  });

  it('counts a phrase in each unit from that unit’s places only, not the next unit’s', () => {
    // 甲乙丙 is once in the first unit (at 0); 乙丙 is there at 1 and 4, and 甲乙 starts the next unit's third
    // character: read as the first unit's, 3 + 1 = 4 would count 甲乙丙 a second time.
    const units = ['甲乙丙，乙丙', '一二甲乙', '乙丙甲乙丙甲乙丙'];
    const built = buildIndexData({ docs: corpus.docs, units: units.map((text, i) => ({ doc: 0, path: `p${i}`, text, trail: [] })) });
    const files = shardFiles(built);
    const d = new TermDictionary(built.index, (f) => files[f]);
    const got = d.occurrences('甲乙丙');
    expect([Array.from(got.units), Array.from(got.tf!)]).toEqual([[0, 2], [1, 2]]);
    expect(Array.from(d.matchPhrase('甲乙丙'))).toEqual([0, 2]);
  });

  it('finds every character and every pair of adjacent characters of the corpus, in exactly the units that hold it', () => {
    const d = dictionary();
    const terms = new Set<string>();
    for (const n of norms) for (let i = 0; i < n.length; i++) {
      if (n[i] !== '\n') terms.add(n[i]);
      if (i + 1 < n.length && n[i] !== '\n' && n[i + 1] !== '\n') terms.add(n.slice(i, i + 2));
    }
    expect(terms.size).toBeGreaterThan(250);
    for (const t of terms) {
      const want = holding(t);
      expect([t, Array.from(d.matchPhrase(t))]).toEqual([t, want]);
      expect([t, d.estimate(t)]).toEqual([t, want.length]);
    }
  });

  it('finds nothing for characters or pairs the corpus does not have, below, between and above the ones it has', () => {
    const d = dictionary();
    // \u0001 sorts before every character of the corpus, ｛ (folded to {) and 鑫 between, 龥 after the CJK ones.
    for (const t of ['\u0001', '{', '鑫', '龥', '\u0001\u0001', '保金额为', '担担', '龥龥', '。\n']) {
      expect([t, d.matchPhrase(t).length, d.estimate(t)]).toEqual([t, 0, 0]);
    }
    expect(d.estimate('')).toBe(0);
  });

  it('a phrase whose pairs are all in a unit, but not side by side, is not found there', () => {
    const d = dictionary();
    // Clause 3 says 担保金额 and 保费 but never 担保费; clauses 2 and 4 say 担保费率.
    expect(Array.from(d.matchPhrase('担保费'))).toEqual([1, 3]);
    expect(Array.from(d.matchPhrase('收取担保费'))).toEqual([]);
    // 补贴资金 is on clause 4's second line, 保费补贴 ends its first: nothing across the break.
    expect(Array.from(d.matchPhrase('补贴。补贴'))).toEqual([]);
    expect(Array.from(d.matchPhrase('保费补贴'))).toEqual([3]);
  });

  it('estimates a phrase by its rarest pair: never below the units that hold it', () => {
    const d = dictionary();
    // 融资担保机构: 融资 is in clauses 1, 2 and 5, 担保 in 1–5, 机构 in 1–5: at most 3.
    expect(d.estimate('融资担保机构')).toBe(3);
    expect(Array.from(d.matchPhrase('融资担保机构'))).toEqual([0, 1, 4]);
    // 担保机构给予: 给予 only in clause 4.
    expect(d.estimate('担保机构给予')).toBe(1);
    for (const n of norms) for (let i = 0; i + 6 <= n.length; i += 3) {
      const p = n.slice(i, i + 6);
      if (!p.includes('\n')) expect(d.estimate(p)).toBeGreaterThanOrEqual(holding(p).length);
    }
  });
});
