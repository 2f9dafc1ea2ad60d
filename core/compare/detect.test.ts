import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../corpus/types.js';
import { relationOf, revisionEvidence } from './relations.js';
import { CLAUSE_SIMILARITY, MAX_CLAUSE_MATCHES } from './clause-matches.js';
import { detectVariants, detectVariantsWithTables, inTextOrder, oneTitleGroups } from './detect.js';
import { articlesDoc, articlesDoc as doc2, GREENING, HOUSING, MEASURES } from './fixtures/measures.js';
import type { VariantPair } from './format.js';
import { LSH_BANDS, LSH_ROWS } from './minhash.js';
import { mulberry32 } from '../util/random.js';
import { coreTitle } from './titles.js';
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

describe('detection on a small corpus', () => {
  const corpus = () => [
    doc2('pA', '某市优化营商环境若干措施', MEASURES),
    doc2('pB', '某区优化营商环境若干措施', MEASURES),
    doc2('pC', '某市城市绿化管理办法', GREENING),
    doc2('pD', '某市住房公积金管理办法', [...HOUSING, MEASURES[3]]),
    doc2('pE', '某区关于进一步优化营商环境的实施意见', [...MEASURES.slice(0, 3), ...HOUSING]),
    doc2('pF', '某县城市绿化管理实施细则', [GREENING[0], '县城绿化工作由县住房和城乡建设局负责，乡镇人民政府负责本辖区内的绿化管理工作，村民委员会协助做好村庄绿化。']),
  ];
  const rel = (p: VariantPair) => [p.a, p.b, p.relation, p.sharedClauses];

  it('a text, its copy and two adaptations make one family around the document strongly related to all; the order of the input does not matter', () => {
    const v = detectVariants(corpus());
    expect(v.families).toHaveLength(1);
    const [f] = v.families;
    expect(f.members).toEqual(['pA', 'pB', 'pD', 'pE']);
    // pE takes three of pA's (and pB's) measures and both of pD's articles: three strong links, more than any other.
    expect(f.center).toBe('pE');
    expect(f.id).toMatch(/^f[0-9a-f]{12}$/);
    expect(f.pairs.map(rel)).toEqual([
      ['pA', 'pB', 'same', 5],
      ['pA', 'pE', 'adaptation', 3],
      ['pB', 'pE', 'adaptation', 3],
      ['pD', 'pE', 'adaptation', 2],
    ]);
    expect(v.links).toEqual([]);
    // The greening rules share one article (too little to link them) and their subject.
    expect(v.subject.map((s) => [s.a, s.b])).toEqual([['pC', 'pF']]);
    expect(v.subject[0].terms).toContain('绿化');
    expect(detectVariants(corpus().reverse())).toEqual(v);
  });

  it('a family id is its members: the same members, the same id; other members, another', () => {
    const [f] = detectVariants(corpus()).families;
    const [g] = detectVariants(corpus().filter((d) => d.id !== 'pC')).families;
    const [h] = detectVariants(corpus().filter((d) => d.id !== 'pD')).families;
    expect(g.id).toBe(f.id);
    expect(h.members).toEqual(['pA', 'pB', 'pE']);
    expect(h.id).not.toBe(f.id);
  });

  it('two documents sharing three measures among much text of their own are related: a link, not a family', () => {
    const rnd = mulberry32(5);
    const own = () => Array.from({ length: 70 }, () => String.fromCharCode(0x4e00 + Math.floor(rnd() * 0x5000))).join('');
    const x = doc2('pX', '某区营商环境改革实施方案', [...MEASURES.slice(0, 3), ...Array.from({ length: 6 }, own)]);
    const y = doc2('pY', '某县营商环境改革工作要点', [...Array.from({ length: 6 }, own), ...MEASURES.slice(0, 3)]);
    const v = detectVariants([x, y, doc2('pC', '某市城市绿化管理办法', GREENING)]);
    expect(v.families).toEqual([]);
    expect(v.links.map(rel)).toEqual([['pX', 'pY', 'related', 3]]);
  });

  it('lists the largest family first, families of one size by id', () => {
    const conscription = ['征兵工作由市人民政府征兵办公室组织实施，各区人民武装部具体负责本辖区内应征公民的兵役登记、体格检查和政治考核。', '应征公民被征集服现役，同时被普通高等学校录取的，在校学生可以保留入学资格，退出现役后两年内允许入学。'];
    const docs = [...corpus(), doc2('pG', '某县城市绿化管理办法', GREENING), doc2('pK', '某市征兵工作规定', conscription), doc2('pL', '某县征兵工作规定', conscription)];
    const v = detectVariants(docs);
    expect(v.families.map((f) => f.members)).toHaveLength(3);
    expect(v.families[0].members).toEqual(['pA', 'pB', 'pD', 'pE']);
    const pairsOf2 = v.families.slice(1);
    expect(pairsOf2.map((f) => f.members).sort()).toEqual([
      ['pC', 'pG'],
      ['pK', 'pL'],
    ]);
    expect(pairsOf2[0].id < pairsOf2[1].id).toBe(true);
    for (const f of pairsOf2) expect(f.pairs.map(rel)).toEqual([[...f.members, 'same', f.members[0] === 'pC' ? 3 : 2]]);
  });

  it("lists each unit's counterparts in other documents, in unit order, none for a unit without", () => {
    const v = detectVariants(corpus());
    expect(Object.keys(v.clauses)).toEqual(['pA~ar1', 'pA~ar2', 'pA~ar3', 'pA~ar4', 'pA~ar5', 'pB~ar1', 'pB~ar2', 'pB~ar3', 'pB~ar4', 'pB~ar5', 'pC~ar1', 'pD~ar1', 'pD~ar2', 'pD~ar3', 'pE~ar1', 'pE~ar2', 'pE~ar3', 'pE~ar4', 'pE~ar5', 'pF~ar1']);
    expect(v.clauses['pA~ar4']).toEqual([
      { unit: 'pB~ar4', doc: 'pB', similarity: 1 },
      { unit: 'pD~ar3', doc: 'pD', similarity: 1 },
    ]);
    expect(v.clauses['pA~ar5']).toEqual([{ unit: 'pB~ar5', doc: 'pB', similarity: 1 }]);
    expect(v.clauses['pC~ar1']).toEqual([{ unit: 'pF~ar1', doc: 'pF', similarity: 1 }]);
  });

  it('lists the units with counterparts by id as text: ar10 before ar2', () => {
    const ten = [...MEASURES, ...GREENING, ...HOUSING];
    const v = detectVariants([doc2('pA', '某市优化营商环境和城市管理若干规定', ten), doc2('pB', '某区优化营商环境和城市管理若干规定', ten)]);
    const ids = (d: string) => ['1', '10', '2', '3', '4', '5', '6', '7', '8', '9'].map((n) => `${d}~ar${n}`);
    expect(Object.keys(v.clauses)).toEqual([...ids('pA'), ...ids('pB')]);
  });

  it('keeps the best MAX_CLAUSE_MATCHES counterparts of a unit from CLAUSE_SIMILARITY, best first', () => {
    // One measure, three copies of it, then versions each with one more word changed (one character each):
    // each shares fewer of its shingles, and there are more counterparts than are kept.
    const m = MEASURES[0];
    const words: [string, string][] = [
      ['深化', '深入'],
      ['推行', '推进'],
      ['网上', '线上'],
      ['压缩', '压减'],
      ['以内', '之内'],
      ['办结', '办完'],
    ];
    const reworded = (n: number) => words.slice(0, n).reduce((t, [x, y]) => t.replace(x, y), m);
    const docs = [
      doc2('pA', '某市优化营商环境若干措施', [m]),
      ...[1, 2, 3].map((n) => doc2(`pC${n}`, `某区企业开办便利化措施${n}`, [m])),
      ...[1, 2, 3, 4, 5, 6].map((n) => doc2(`pR${n}`, `某县企业开办便利化措施${n}`, [reworded(n)])),
      doc2('pX', '某县企业开办服务指南', ['新开办企业可以通过政务服务网申请营业执照，并同步办理公章刻制、发票申领和社保登记，材料齐全的当场办结。']),
    ];
    const v = detectVariants(docs);
    const found = v.clauses['pA~ar1'];
    expect(found.map((c) => c.unit)).toEqual(['pC1~ar1', 'pC2~ar1', 'pC3~ar1', 'pR1~ar1', 'pR2~ar1']);
    expect(found).toHaveLength(MAX_CLAUSE_MATCHES);
    expect(found.map((c) => c.similarity).slice(0, 3)).toEqual([1, 1, 1]);
    expect(found[3].similarity).toBeLessThan(1);
    expect(found[4].similarity).toBeLessThan(found[3].similarity);
    expect(found[4].similarity).toBeGreaterThanOrEqual(CLAUSE_SIMILARITY);
    // pR3 is one changed word from pR2 and from pR4, two from pR1 and from pR5: equally similar, by unit id.
    const r3 = v.clauses['pR3~ar1'];
    expect(r3.slice(0, 4).map((c) => c.unit)).toEqual(['pR2~ar1', 'pR4~ar1', 'pR1~ar1', 'pR5~ar1']);
    expect(r3[0].similarity).toBe(r3[1].similarity);
    expect(r3[2].similarity).toBe(r3[3].similarity);
    expect(r3[2].similarity).toBeLessThan(r3[1].similarity);
    // The guide shares a few phrases (营业执照, 公章刻制, 发票申领), no counterpart.
    expect(v.clauses['pX~ar1']).toBeUndefined();
  });

  it('measuring every pair finds what LSH finds here; every stage is reported, in order', () => {
    const stages: string[] = [];
    const lsh = detectVariantsWithTables(corpus(), { onStage: (s) => stages.push(s) });
    const all = detectVariantsWithTables(corpus(), { method: 'all-pairs' });
    expect(all.variants).toEqual(lsh.variants);
    expect(stages).toEqual(['prepare', 'common', 'signatures', 'matchClauses', 'sharedClauses', 'candidates', 'docPairs', 'families+links', 'subject']);
    // 16 unit pairs: three for each of the measures pA, pB and pE share, three for pA's 4th (pA, pB, pD),
    // one for pA's 5th, two for pD's housing articles in pE, one for the greening article.
    expect(lsh.stats).toMatchObject({ commonShingles: 0, clausePairs: 16 });
    // Six documents with text: 15 pairs, each counted (no cache keeps any).
    expect(all.stats).toEqual({ commonShingles: 0, commonKept: false, clausePairs: 16, sharedCountsKept: 0, docCandidates: 15, clausesRematched: null, docPairsCounted: 15 });
  });

  it('writes the LSH tables that place a new document: ids sorted, titles, band keys (none for a document without text)', () => {
    const docs = [...corpus(), doc2('pG', '某市关于废止部分规范性文件的决定', [])];
    const { lsh } = detectVariantsWithTables(docs);
    expect({ ...lsh, keys: undefined }).toEqual({
      formatVersion: 2,
      bands: LSH_BANDS,
      rows: LSH_ROWS,
      shingle: 5,
      common: [],
      docs: ['pA', 'pB', 'pC', 'pD', 'pE', 'pF', 'pG'],
      titles: ['某市优化营商环境若干措施', '某区优化营商环境若干措施', '某市城市绿化管理办法', '某市住房公积金管理办法', '某区关于进一步优化营商环境的实施意见', '某县城市绿化管理实施细则', '某市关于废止部分规范性文件的决定'],
      keys: undefined,
    });
    expect(lsh.keys.map((k) => k.length)).toEqual([LSH_BANDS, LSH_BANDS, LSH_BANDS, LSH_BANDS, LSH_BANDS, LSH_BANDS, 0]);
    // The tables list the documents by id whatever order they came in.
    expect(detectVariantsWithTables(docs.slice().reverse()).lsh).toEqual(lsh);
    // A copy has the keys of its original.
    expect(lsh.keys[1]).toEqual(lsh.keys[0]);
    expect(lsh.keys[2]).not.toEqual(lsh.keys[0]);
  });
});

describe('inTextOrder', () => {
  it('orders document pairs as their "a,b" keys sort as text: by a written out, then b', () => {
    // 1,200 documents: one-, two-, three- and four-digit numbers, where text order differs most from numeric.
    const nDocs = 1200;
    const random = mulberry32(20);
    const keys = new Set<number>([0 * nDocs + 1, 1 * nDocs + 10, 1 * nDocs + 2, 10 * nDocs + 11, 100 * nDocs + 1199, 2 * nDocs + 3]);
    while (keys.size < 3000) {
      const a = Math.floor(random() * nDocs);
      const b = Math.floor(random() * nDocs);
      if (a < b) keys.add(a * nDocs + b);
    }
    const asText = [...keys].map((k) => `${Math.floor(k / nDocs)},${k % nDocs}`).sort();
    expect(inTextOrder(keys, nDocs).map((k) => `${Math.floor(k / nDocs)},${k % nDocs}`)).toEqual(asText);
    // Not numeric order: 1,10 before 1,2, and 100,1199 before 2,3.
    const at = (key: string) => asText.indexOf(key);
    expect([at('0,1'), at('1,10'), at('1,2'), at('10,11'), at('100,1199'), at('2,3')].every((x, k, all) => x >= 0 && (k === 0 || x > all[k - 1]))).toBe(true);
  });
});

describe('a regulation rewritten as a whole under its title', () => {
  // Random sentences: texts that share nothing but what each test gives them.
  const rand = mulberry32(2023);
  const HAN = '国务院商用密码管理条例规定单位应当按照有关要求开展检测认证工作保障网络与信息安全促进产业发展';
  const sentence = () => Array.from({ length: 120 }, () => HAN[Math.floor(rand() * HAN.length)]).join('') + '。';
  const kept = sentence();
  const old = articlesDoc('pOld', '商用密码管理条例', [kept, ...Array.from({ length: 8 }, sentence)], { date: '1999-10-07', issuer: '国务院', issuers: ['国务院'], kind: '条例', region: { level: 'national', province: null, city: null } });
  // The kept article split over two of the new text's, each half among new words: no clause of one is a clause of
  // the other, and LSH sees two texts that share a few per cent; only their one title makes them a pair to measure.
  const now = articlesDoc('pNew', '商用密码管理条例', [sentence() + kept.slice(0, 61), kept.slice(61) + sentence(), ...Array.from({ length: 20 }, sentence)], { date: '2023-04-27', issuer: '国务院', issuers: ['国务院'], kind: '条例', region: { level: 'national', province: null, city: null } });
  it('is found as its revision, the old text first, though it keeps one article of nine', () => {
    const v = detectVariants([now, old]);
    const pairs = [...v.families.flatMap((f) => f.pairs), ...v.links];
    expect(pairs.map((p) => [p.a, p.b, p.relation, p.dates])).toEqual([['pOld', 'pNew', 'revision', ['1999-10-07', '2023-04-27']]]);
    expect(pairs[0].aInB).toBeGreaterThanOrEqual(0.08);
    expect(pairs[0].aInB).toBeLessThan(0.15);
    expect(pairs[0].sharedClauses).toBe(0);
  });
  it('groups documents by their core title for measuring: two to sixteen of one title, a title of four characters or more', () => {
    const titles = ['商用密码管理条例', '商用密码管理条例（2023年修订）', '国务院关于印发《商用密码管理条例》的通知', '某市住房公积金管理办法', '条例', '条例', ...Array.from({ length: 17 }, () => '政务公开工作要点')];
    const groups = (ts: string[]) => oneTitleGroups(ts.map(coreTitle));
    expect(groups(titles)).toEqual([[0, 1, 2]]);
    expect(groups(titles.slice(0, 6 + 16))).toEqual([[0, 1, 2], Array.from({ length: 16 }, (_, i) => 6 + i)]);
    expect(groups(['广告条例', '广告条例', '广告法', '广告法'])).toEqual([[0, 1]]);
  });
});
