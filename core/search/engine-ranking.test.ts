import { beforeEach, describe, expect, it } from 'vitest';
import { buildSearchArtifacts } from './artifacts.js';
import { SearchEngine } from './engine.js';
import { doc, sampleEngine, unit, units } from '../../test-support/search-engine-fixtures.js';

// Ranking at scale and the candidates a query collects: large result sets, each hit once, 同篇.

let E: SearchEngine;
beforeEach(() => {
  E = sampleEngine();
});

describe('large result sets (ranked by a prior, the best rescored exactly)', () => {
  // 451 units hold 融资担保 (more than are scored exactly at once): 50 short ones and 400 long ones say it
  // once; one unit a little longer than the short ones says it three times. On unit length alone it would
  // come after the 50 short ones; counted, its three occurrences put it first.
  const pad = (n: number) => '某'.repeat(n);
  const short = Array.from({ length: 50 }, (_, i) => unit('m-big', `s${String(i).padStart(3, '0')}`, ['融资担保' + pad(16)]));
  const long = Array.from({ length: 400 }, (_, i) => unit('m-big', `t${String(i).padStart(3, '0')}`, ['融资担保' + pad(56)]));
  const thrice = unit('m-big', 'r', ['融资担保某融资担保某融资担保' + pad(10)]);
  const files = Object.fromEntries(buildSearchArtifacts([doc('m-big', '某市若干规定', {}, [...short, thrice, ...long])]).map((f) => [f.path, f.data]));
  // Made in each test, as E is: the unit lengths the prior divides by are the constructor's.
  let M: SearchEngine;
  beforeEach(() => {
    M = SearchEngine.fromFiles((p) => files[p]);
  });

  it('finds every unit, puts the one that says it thrice first, then the short ones before the long ones', () => {
    const r = M.search('融资担保', { limit: 500 });
    expect(r.total).toBe(451);
    const ids = r.hits.map((h) => h.unitId);
    expect(ids[0]).toBe('m-big~r');
    expect(new Set(ids.slice(1, 51))).toEqual(new Set(short.map((u) => u.id)));
    expect(new Set(ids.slice(51))).toEqual(new Set(long.map((u) => u.id)));
    // The first page alone ranks the same.
    expect(M.search('融资担保', { limit: 3 }).hits.map((h) => h.unitId)).toEqual(ids.slice(0, 3));
    expect(M.search('融资担保', { limit: 3, perDoc: 2 }).hits.map((h) => h.unitId)).toEqual(ids.slice(0, 2));
  });

  it('a second word or an excluded one is checked in every unit of a large set: no false hit', () => {
    // Twenty 某 in a row: only the 400 long units have them.
    const twenty = '某'.repeat(20);
    const withBoth = M.search(`融资担保 ${twenty}`, { limit: 500 });
    expect(withBoth.total).toBe(400);
    expect(new Set(withBoth.hits.map((h) => h.unitId))).toEqual(new Set(long.map((u) => u.id)));
    const without = M.search(`融资担保 -${twenty}`, { limit: 500 });
    expect(new Set(without.hits.map((h) => h.unitId))).toEqual(new Set([...short, thrice].map((u) => u.id)));
    // 同篇 over the same large set: every unit of the document.
    expect(M.search('融资担保', { scope: 'doc', limit: 500 }).total).toBe(451);
  });

  it('shows 50 hits unless asked for another number; a negative limit or offset counts as 0', () => {
    const all = M.search('融资担保', { limit: 500 }).hits.map((h) => h.unitId);
    expect(M.search('融资担保').hits.map((h) => h.unitId)).toEqual(all.slice(0, 50));
    expect(M.search('融资担保', { limit: -5 }).hits).toEqual([]);
    expect(M.search('融资担保', { limit: 2, offset: -3 }).hits.map((h) => h.unitId)).toEqual(all.slice(0, 2));
    expect(M.search('融资担保', { limit: 2, offset: 449 }).hits.map((h) => h.unitId)).toEqual(all.slice(449));
    // Scores are given to three decimals.
    for (const h of M.search('融资担保', { limit: 20 }).hits) expect(Math.round(h.score * 1000) / 1000).toBe(h.score);
    // A word in one unit of twelve scores well above 1 (idf ≈ 2.2, times √2 for its two characters).
    expect(E.search('降低').hits[0].score).toBeGreaterThan(1);
  });

  it('grouped: a page of documents from a large set, each with its best hits', () => {
    const r = M.search('融资担保', { perDoc: 5, limit: 10 });
    expect(r.hits.map((h) => h.unitId)).toEqual(M.search('融资担保', { limit: 5 }).hits.map((h) => h.unitId));
    expect(r.available).toBe(5);
    expect(r.hits[0].docHits).toBe(451);
  });

  it('a large set of two words is ranked by unit length first, so the units that say the phrase thrice or in few words are the ones rescored', () => {
    // Every unit holds 某: the 451 hits of 融资担保 某 are scored by the prior, and only the best 100 by it
    // are counted exactly. Shorter first: the thrice unit (24 characters) and the 50 short ones (20).
    const r = M.search('融资担保 某', { limit: 51 });
    expect(r.total).toBe(451);
    expect(r.hits[0].unitId).toBe('m-big~r');
    expect(new Set(r.hits.slice(1).map((h) => h.unitId))).toEqual(new Set(short.map((u) => u.id)));
  });

  it('a large set is ranked by each unit\'s own length, wherever the unit is in its document', () => {
    // 400 long units first, then 10 short ones (410: more than are scored exactly, so by the prior): a ranking by
    // position, or by the lengths summed so far, would put long ones first.
    const first = Array.from({ length: 400 }, (_, i) => unit('m-rev', `t${String(i).padStart(3, '0')}`, ['融资担保' + pad(56)]));
    const last = Array.from({ length: 10 }, (_, i) => unit('m-rev', `s${String(i).padStart(3, '0')}`, ['融资担保' + pad(16)]));
    const revFiles = Object.fromEntries(buildSearchArtifacts([doc('m-rev', '某市若干规定', {}, [...first, ...last])]).map((f) => [f.path, f.data]));
    const R = SearchEngine.fromFiles((p) => revFiles[p]);
    expect(R.search('融资担保', { scope: 'doc', limit: 10 }).hits.map((h) => h.unitId)).toEqual(last.map((u) => u.id));
    expect(new Set(R.search('融资担保', { limit: 10 }).hits.map((h) => h.unitId))).toEqual(new Set(last.map((u) => u.id)));
  });

  it('同篇 over a large set ranks the document\'s units by length alone, shortest first, in document order', () => {
    expect(M.search('融资担保', { scope: 'doc', limit: 50 }).hits.map((h) => h.unitId)).toEqual(short.map((u) => u.id));
  });
});

describe('candidates: each hit once, in a sensible order', () => {
  it('search within results: per unit in 同条, per document in 同篇 and where the earlier hit is a document', () => {
    // 降低 is only in b-sd~o2; 小微 in b-sd~o3 and c-sh~p1.
    expect(units(E.search('小微', { within: ['降低'] }))).toEqual([]);
    expect(units(E.search('小微', { within: ['降低'], scope: 'doc' }))).toEqual(['b-sd~o3']);
    // The earlier query found a-qd by its title and 文号 only: all its units stay.
    expect(units(E.search('告知承诺制', { within: ['青岛 人民政府令'] }))).toEqual(['a-qd~ch1.ar2']);
    expect(E.search('营商环境', { field: 'title' }).hits.map((h) => h.docId).sort()).toEqual(['b-sd', 'e-empty']);
    expect(E.search('营商环境', { field: 'title', within: ['山东省'] }).hits.map((h) => h.docId)).toEqual(['b-sd']);
  });

  it('search within results keeps a hit on the corpus\'s first unit as that unit, not as its document', () => {
    // 总则 is unit 0 (a-qd's first chapter heading); 告知承诺制 is in another unit of a-qd.
    expect(units(E.search('总则', { within: ['总则'] }))).toEqual(['a-qd~ch1']);
    expect(units(E.search('告知承诺制', { within: ['总则'] }))).toEqual([]);
    // …and a search within results that never found unit 0 does not keep it.
    expect(units(E.search('总则', { within: ['告知承诺制'] }))).toEqual([]);
  });

  it('a unit hit marks the query in its document\'s title too', () => {
    const h = E.search('小微企业').hits[0];
    expect(h.unitId).toBe('c-sh~p1');
    expect(h.titleRanges).toEqual([[5, 9]]);
    expect(E.search('担保').hits.find((x) => x.unitId === 'b-sd~o2')!.titleRanges).toEqual([]);
  });

  it('a unit found both by its text and through its document\'s title is one hit', () => {
    // 小微企业 is in c-sh's title and in c-sh~p1's text; 担保 in c-sh~p1 and in b-sd~o3.
    const r = E.search('小微企业 担保');
    expect(r.hits.map((h) => h.unitId)).toEqual(['b-sd~o3', 'c-sh~p1'].sort());
    expect(r.total).toBe(2);
    // A document with unit hits gets no extra hit for its title: the title's document ranks first.
    const one = E.search('小微企业');
    expect(one.hits.map((h) => [h.unitId, h.field])).toEqual([
      ['c-sh~p1', 'text'],
      ['b-sd~o3', 'text'],
    ]);
  });

  it('a document matched only by its issuer ranks below the units that hold the words', () => {
    const r = E.search('上海市财政局 OR 告知承诺制');
    expect(r.hits.map((h) => h.field)).toEqual(['text', 'text', 'title']);
    expect(r.hits[2]).toMatchObject({ docId: 'c-sh', unitId: 'c-sh~p1', unit: -1 });
    expect(new Set(r.hits.slice(0, 2).map((h) => h.unitId))).toEqual(new Set(['a-qd~ch1.ar2', 'b-sd~o1']));
  });

  it('同篇: a document with more units that hold the word ranks first, its best (shortest) unit first', () => {
    // b-sd: o2 (17 characters) and o3 (18) say 融资担保 once; c-sh only p1, which is longer.
    expect(E.search('融资担保', { scope: 'doc' }).hits.map((h) => h.unitId)).toEqual(['b-sd~o2', 'b-sd~o3', 'c-sh~p1']);
    // With 小微 too: b-sd~o3 holds both words, o2 only one.
    const both = E.search('融资担保 小微', { scope: 'doc' }).hits.map((h) => h.unitId);
    expect(both.indexOf('b-sd~o3')).toBeLessThan(both.indexOf('b-sd~o2'));
  });
});

describe('candidates: no false hit from a document\'s title, 文号 or issuer', () => {
  it('a title-only search gives document hits, each opening no unit of its own', () => {
    expect(E.search('小微企业', { field: 'title' }).hits.map((h) => [h.docId, h.unit, h.field, h.unitId])).toEqual([['c-sh', -1, 'title', 'c-sh~p1']]);
  });

  it('a word that only the title holds lets a unit match by its other word, whichever word is rarer in the text', () => {
    // 施行 is in one unit (a-qd~ar3); 政务服务 in a-qd's title and in two units, none of which says 施行.
    expect(units(E.search('政务服务 施行'))).toEqual(['a-qd~ar3']);
    expect(units(E.search('施行 政务服务'))).toEqual(['a-qd~ar3']);
  });

  it('one word in a title and the other nowhere in that document is no hit', () => {
    // 青岛 is in a-qd's title (and in b-sd~o1's text); 融资担保 is in b-sd and c-sh, never in a-qd.
    expect(E.search('青岛 融资担保').total).toBe(0);
    expect(E.search('人民政府令 小微').total).toBe(0);
  });

  it('a document found by its title and 文号 alone is dropped by a word its title excludes', () => {
    expect(E.search('青岛 人民政府令').total).toBe(1);
    expect(E.search('青岛 人民政府令 -管理办法').total).toBe(0);
  });
});

describe('同篇 ranking', () => {
  it('keeps a document\'s units together, best first, the document ranked by its best unit', () => {
    const docs = [
      doc('x-pilot', '甲市科技金融试点方案', {}, [
        unit('x-pilot', 'a1', ['一、试点期间，各银行业金融机构要结合科技型中小企业轻资产的特点，创新金融产品和服务方式，积极开展知识产权质押融资业务，扩大业务覆盖面，提高审批效率。']),
        unit('x-pilot', 'a2', ['二、推广知识产权质押融资。']),
      ]),
      doc('y-notice', '乙市关于支持科技企业发展的通知', {}, [unit('y-notice', 'a1', ['三、对开展知识产权质押融资的企业给予贴息支持。'])]),
      doc('z-other', '丙市优化营商环境若干措施', {}, [unit('z-other', 'a1', ['四、压缩企业开办时间。']), unit('z-other', 'a2', ['五、推行告知承诺制。'])]),
    ];
    const files = Object.fromEntries(buildSearchArtifacts(docs).map((f) => [f.path, f.data]));
    const S = SearchEngine.fromFiles((p) => files[p]);
    // 同条 ranks units alone: the shortest first, the long one after y-notice's.
    expect(S.search('知识产权质押融资').hits.map((h) => h.unitId)).toEqual(['x-pilot~a2', 'y-notice~a1', 'x-pilot~a1']);
    // 同篇: x-pilot's best unit beats y-notice's, and its long unit stays with it.
    expect(S.search('知识产权质押融资', { scope: 'doc' }).hits.map((h) => h.unitId)).toEqual(['x-pilot~a2', 'x-pilot~a1', 'y-notice~a1']);
  });

  it('a document\'s further units add only a little: a strong single unit beats three weaker ones', () => {
    const docs = [
      doc('p-one', '甲市通知', {}, [unit('p-one', 'a1', ['一、鼓励开展知识产权质押融资。'])]),
      doc('q-many', '乙市通知', {}, [
        unit('q-many', 'a1', ['一、各银行业金融机构要创新金融产品，积极开展知识产权质押融资业务，扩大覆盖面。']),
        unit('q-many', 'a2', ['二、对开展知识产权质押融资的企业给予贴息支持，具体办法由市财政局会同有关部门另行制定。']),
        unit('q-many', 'a3', ['三、建立知识产权质押融资风险补偿机制，对合作银行发生的不良贷款给予一定比例的补偿。']),
      ]),
    ];
    const files = Object.fromEntries(buildSearchArtifacts(docs).map((f) => [f.path, f.data]));
    const S = SearchEngine.fromFiles((p) => files[p]);
    expect(S.search('知识产权质押融资', { scope: 'doc' }).hits.map((h) => h.unitId)).toEqual(['p-one~a1', 'q-many~a1', 'q-many~a3', 'q-many~a2']);
  });

  it('of two documents with the same best unit, the one with more units that hold the word ranks first', () => {
    const said = '二、推广知识产权质押融资。';
    const docs = [
      doc('a-city', '甲市通知', {}, [unit('a-city', 'a1', [said])]),
      doc('b-city', '乙市通知', {}, [unit('b-city', 'a1', [said]), unit('b-city', 'a2', ['三、对开展知识产权质押融资的企业给予贴息支持。'])]),
    ];
    const files = Object.fromEntries(buildSearchArtifacts(docs).map((f) => [f.path, f.data]));
    const S = SearchEngine.fromFiles((p) => files[p]);
    expect(S.search('知识产权质押融资', { scope: 'doc' }).hits.map((h) => h.unitId)).toEqual(['b-city~a1', 'b-city~a2', 'a-city~a1']);
  });

  it('a document found by its 文号 alone ranks on its title tier, even the corpus\'s first document', () => {
    // a-qd (first unit 0) holds 人民政府令 only in its 文号: 5 of its title's 11 characters, a higher tier than
    // c-sh's (小微企业, 4 of 15), whose unit says it too; b-sd says it in a unit, its title not at all.
    expect(E.search('人民政府令 OR 小微企业', { scope: 'doc' }).hits.map((h) => [h.docId, h.field])).toEqual([
      ['a-qd', 'title'],
      ['c-sh', 'text'],
      ['b-sd', 'text'],
    ]);
  });

  it('a document found only by its issuer ranks below units that hold the words, above a document without text', () => {
    // d-lab's item holds 营商环境规划; e-empty (no text) has it in its title; c-sh is issued by 上海市财政局.
    expect(E.search('营商环境规划 OR 上海市财政局', { scope: 'doc' }).hits.map((h) => [h.docId, h.field])).toEqual([
      ['d-lab', 'text'],
      ['c-sh', 'title'],
      ['e-empty', 'title'],
    ]);
  });
});
