import { beforeEach, describe, expect, it } from 'vitest';
import type { PolicyDocument, Unit } from '../corpus/types.js';
import { buildSearchArtifacts } from './artifacts.js';
import { buildIndexData, shardFiles } from './build.js';
import { flattenCorpus } from './corpus-units.js';
import { runSearch, SearchEngine, withShards } from './engine.js';
import { CancellationToken, isCancelled } from '../util/cancellation.js';
import { findMatches, makeSnippet } from './highlight.js';
import { lineRanges, LABEL_LINE } from '../corpus/units.js';
import { DOCS, doc, sampleEngine, unit, units } from '../../test-support/search-engine-fixtures.js';

let E: SearchEngine;
beforeEach(() => {
  E = sampleEngine();
});

describe('search artifacts', () => {
  it('are deterministic', () => {
    expect(buildSearchArtifacts(DOCS)).toEqual(buildSearchArtifacts(DOCS.slice().reverse()));
  });

  it('the counting build gives the same bytes as lunr\'s builder (the reference it replaced)', () => {
    // Texts with line breaks, Latin, digits, a surrogate pair and a one-character paragraph, besides the sample documents.
    const odd = doc('z-odd', '杂项', {}, [unit('z-odd', 'p1', ['第一行\n第二行 LPR 12345', '𠀀字与𠀁', '甲'])]);
    const corpus = flattenCorpus([...DOCS, odd]);
    const lunrBuilt = buildIndexData(corpus, 'lunr');
    const counted = buildIndexData(corpus, 'counting');
    expect(JSON.stringify(counted)).toBe(JSON.stringify(lunrBuilt));
    expect(lunrBuilt.index.uni).toContain('𠀀'[0]);
  });
});

describe('SearchEngine', () => {
  it('finds every clause with a phrase, with exact ranges', () => {
    const r = E.search('告知承诺制');
    expect(units(r)).toEqual(['a-qd~ch1.ar2', 'b-sd~o1']);
    const h = r.hits.find((x) => x.unitId === 'a-qd~ch1.ar2')!;
    const text = E.unitText(h.unit);
    expect(h.ranges.map(([s, e]) => text.slice(s, e))).toEqual(['告知承诺制', '告知承诺制']);
  });

  it('AND, exclusion, OR and phrases', () => {
    expect(units(E.search('融资担保 小微'))).toEqual(['b-sd~o3', 'c-sh~p1']);
    expect(units(E.search('融资担保 -小微'))).toEqual(['b-sd~o2']);
    expect(units(E.search('告知承诺制 OR 12345'))).toEqual(['a-qd~ch1.ar2', 'b-sd~o1', 'c-sh~p2']);
    expect(units(E.search('"融资 担保"'))).toEqual(['b-sd~o2', 'b-sd~o3', 'c-sh~p1']);
    expect(units(E.search('"融资担保机构"'))).toEqual(['c-sh~p1']);
    expect(units(E.search('融资担保'))).toEqual(['b-sd~o2', 'b-sd~o3', 'c-sh~p1']);
  });

  it('folds widths, case and stray digit spaces', () => {
    expect(units(E.search('lpr'))).toEqual(['b-sd~o2', 'c-sh~p1']);
    expect(units(E.search('ＬＰＲ'))).toEqual(['b-sd~o2', 'c-sh~p1']);
    expect(units(E.search('2023年'))).toEqual(['a-qd~ar3', 'c-sh~p2']);
    expect(units(E.search('2023 年'))).toEqual(['a-qd~ar3', 'c-sh~p2']);
    expect(units(E.search('“一网通办”'))).toEqual(['a-qd~ch1.ar2']);
    expect(units(E.search('(一)'))).toEqual(['c-sh~p1']);
    const h = E.search('2023年5月').hits[0];
    const t = E.unitText(h.unit);
    expect(h.ranges.map(([s, e]) => t.slice(s, e))).toEqual(['2023 年 5 月']);
  });

  it('ranks title matches first', () => {
    const r = E.search('政务服务管理办法');
    expect(r.hits[0].docId).toBe('a-qd');
    expect(r.hits[0].field).toBe('title');
    expect(r.hits[0].titleRanges).toEqual([[3, 11]]);
    // the other document only mentions it in text
    expect(r.hits.some((h) => h.docId === 'b-sd')).toBe(true);
  });

  it('ranks a tighter title first: the title that is mostly the query beats one that merely contains it', () => {
    // Same body text in both, so only the title decides. The looser title's id sorts first,
    // so a ranking that ignored how much of the title the query covers would put it first.
    const body = (id: string) => [unit(id, 'ar1', ['第一条 数据安全管理办法适用于本市公共数据。'])];
    const loose = doc('a-loose', '某市关于加强和规范公共数据资源的数据安全管理办法实施细则', {}, body('a-loose'));
    const tight = doc('z-tight', '数据安全管理办法', {}, body('z-tight'));
    const files = Object.fromEntries(buildSearchArtifacts([loose, tight]).map((f) => [f.path, f.data]));
    const T = SearchEngine.fromFiles((p) => files[p]);
    expect(T.search('数据安全管理办法').hits.map((h) => h.docId)).toEqual(['z-tight', 'a-loose']);
    expect(T.search('数据安全管理办法', { field: 'title' }).hits.map((h) => h.docId)).toEqual(['z-tight', 'a-loose']);
    // A query that is not in the body: the document-level title hits are ordered the same way.
    expect(T.search('管理办法', { field: 'title' }).hits.map((h) => h.docId)).toEqual(['z-tight', 'a-loose']);
  });

  it('unit hits carry document metadata: words may match title or issuer', () => {
    // 青岛 is only in a-qd's title; 告知承诺制 in its text
    expect(units(E.search('青岛 告知承诺制'))).toEqual(['a-qd~ch1.ar2', 'b-sd~o1']);
    expect(units(E.search('上海市财政局 担保'))).toEqual(['c-sh~p1']);
  });

  it('scopes: same document, title only', () => {
    expect(units(E.search('告知承诺制 融资担保'))).toEqual([]);
    const doc = E.search('告知承诺制 融资担保', { scope: 'doc' });
    expect([...new Set(doc.hits.map((h) => h.docId))]).toEqual(['b-sd']);
    expect(units(doc)).toEqual(['b-sd~o1', 'b-sd~o2', 'b-sd~o3']);
    expect(E.search('告知承诺制 -ＬＰＲ', { scope: 'doc' }).hits.map((h) => h.docId)).toEqual(['a-qd']);
    const title = E.search('小微企业', { field: 'title' });
    expect(title.hits.map((h) => h.docId)).toEqual(['c-sh']);
    expect(E.search('2023〕5号', { field: 'title' }).hits.map((h) => h.docId)).toEqual(['c-sh']);
  });

  it('filters with counts (other facets applied), and search within results', () => {
    const all = E.search('融资担保');
    expect(all.facets.region).toEqual([
      { value: '山东省', count: 2 },
      { value: '上海市', count: 1 },
    ]);
    expect(all.facets.issuer.map((f) => f.value)).toContain('上海市财政局');
    const sh = E.search('融资担保', { filters: { region: ['上海市'] } });
    expect(units(sh)).toEqual(['c-sh~p1']);
    expect(sh.facets.region.length).toBe(2); // own facet ignores its own filter
    expect(sh.facets.year).toEqual([{ value: '2023', count: 1 }]);
    expect(units(E.search('小微', { within: ['融资担保'] }))).toEqual(['b-sd~o3', 'c-sh~p1']);
    expect(E.search('融资担保', { filters: { kind: ['办法'] } }).total).toBe(0);
    // A province includes its cities; a city narrows to itself.
    expect(new Set(E.search('告知承诺制', { filters: { region: ['山东省'] } }).hits.map((h) => h.docId))).toEqual(new Set(['a-qd', 'b-sd']));
    expect(E.search('告知承诺制', { filters: { region: ['青岛市'] } }).hits.every((h) => h.docId === 'a-qd')).toBe(true);
    expect(E.search('告知承诺制', { filters: { region: ['青岛市'] } }).total).toBeGreaterThan(0);
    // Unknown values are selectable too.
    const noYear = E.search('告知承诺制 OR 融资担保', { filters: { year: ['2022'] } });
    expect(noYear.total).toBe(3);
  });

  it('limit/offset give a stable ranking; total counts everything', () => {
    const r = E.search('政务服务', { limit: 1 });
    const r2 = E.search('政务服务', { limit: 1, offset: 1 });
    const full = E.search('政务服务', { limit: 100 });
    expect(r.total).toBe(full.total);
    expect([r.hits[0], r2.hits[0]]).toEqual(full.hits.slice(0, 2));
  });

  it('empty and only-negative queries find nothing', () => {
    expect(E.search('').total).toBe(0);
    expect(E.search('-融资').total).toBe(0);
    expect(E.search('不存在的词语').total).toBe(0);
  });
});

describe('labels and where a hit is', () => {
  it('finds articles and items by their label, alone or with words of their text', () => {
    expect(units(E.search('第四十三条'))).toEqual(['d-lab~ch5.ar43']);
    expect(units(E.search('第四十三条 事项'))).toEqual(['d-lab~ch5.ar43']);
    expect(units(E.search('（十八）'))).toEqual(['d-lab~ch5.ar43.it18']);
    const h = E.search('第四十三条').hits[0];
    expect(E.unitText(h.unit).slice(...h.ranges[0])).toBe('第四十三条');
  });

  it('an article whose text is in its 款: a label hit shows its opening words, and no snippet shows 第一款/第二款', () => {
    const kuan = (path: string, n: string, text: string): Unit => ({ ...unit('f-kuan', path, [text], null, [], n), level: 'clause' }) as Unit;
    const article = unit('f-kuan', 'ar11', [], null, [kuan('ar11.k1', '第一款', '【监督检查】市、区住房城乡建设管理部门应当加强对施工许可的监督检查。'), kuan('ar11.k2', '第二款', '发现建设单位不符合施工许可条件的，应当责令改正。')], '第十一条');
    const files = Object.fromEntries(buildSearchArtifacts([doc('f-kuan', '上海市建筑工程施工许可管理规定', {}, [article])]).map((f) => [f.path, f.data]));
    const K = SearchEngine.fromFiles((p) => files[p]);
    const label = K.search('第十一条').hits;
    expect(label.map((h) => h.unitId)).toEqual(['f-kuan~ar11']);
    const s = K.snippet(label[0])!;
    expect(s.text.startsWith('第十一条 【监督检查】市、区')).toBe(true);
    expect(s.text.slice(...s.ranges[0])).toBe('第十一条');
    // A hit inside the second 款 shows its words, under the article, without the 款 label.
    const second = K.search('责令改正').hits[0];
    expect(second.trail).toEqual(['第十一条', '第二款']);
    expect(K.snippet(second)!.text).toBe('发现建设单位不符合施工许可条件的，应当责令改正。');
    for (const h of K.search('施工许可').hits) expect(K.snippet(h)?.text ?? '').not.toMatch(/第[一二三四五六七八九十]+款/);
    // The label is not printed text: it finds nothing.
    expect(K.search('第二款').total).toBe(0);
  });

  it('says where each hit is: the labels from the chapter down', () => {
    expect(E.search('第四十三条').hits[0].trail).toEqual(['第五章', '第四十三条']);
    expect(E.search('（十八）').hits[0].trail).toEqual(['第五章', '第四十三条', '（十八）']);
    // A chapter heading hit reads as the chapter: 第五章 数据共享.
    const ch = E.search('数据共享').hits.find((x) => x.unitId === 'd-lab~ch5')!;
    expect(makeSnippet(E.unitText(ch.unit), ch.ranges).text).toBe('第五章 数据共享');
    // Title-only hits have no trail.
    expect(E.search('某市优化营商环境规划').hits[0].trail).toEqual([]);
  });

  it('keeps no 文号 for a document without one, so that no query matches one there', () => {
    const none = E.docs.filter((d) => d.docNumber === null);
    expect(none.length).toBeGreaterThan(0);
    for (const d of none) expect(d.numberN).toBe('');
    for (const d of E.docs.filter((x) => x.docNumber !== null)) expect(d.numberN.length).toBeGreaterThan(0);
  });

  it('ranks a document without text on its title alone, below units that contain the words', () => {
    for (const scope of ['clause', 'doc'] as const) {
      const r = E.search('营商环境规划', { scope });
      expect(r.hits.map((x) => x.docId)).toEqual(['d-lab', 'e-empty']);
      expect(r.hits[1]).toMatchObject({ field: 'title', unitId: '' });
    }
  });

  it('groups: at most N hits per document, with each document\'s full count', () => {
    const r = E.search('融资担保', { perDoc: 1 });
    expect(r.total).toBe(3);
    expect(r.docTotal).toBe(2);
    expect(r.hits.map((x) => [x.docId, x.docHits])).toEqual([
      ['b-sd', 2],
      ['c-sh', 1],
    ].sort((a, b) => (r.hits[0].docId === a[0] ? -1 : r.hits[0].docId === b[0] ? 1 : 0)));
    expect(r.available).toBe(2);
    expect(E.search('融资担保', { doc: 'b-sd' }).hits.map((x) => x.unitId)).toEqual(expect.arrayContaining(['b-sd~o2', 'b-sd~o3']));
    expect(E.search('融资担保', { doc: 'b-sd' }).total).toBe(2);
  });

  it('uses one vocabulary for what is unknown: 未注明 for a missing issuer and region, 全国 for national', () => {
    const r = E.search('营商环境规划');
    expect(r.facets.region.map((f) => f.value).sort()).toEqual(['全国', '未注明']);
    expect(E.search('某市优化营商环境规划', { filters: { issuer: ['某市人民政府'] } }).total).toBe(1);
    expect(E.search('告知承诺制').facets.issuer.every((f) => f.value !== '未知')).toBe(true);
  });
});

describe('findMatches / snippets / paragraph ranges', () => {
  it('highlights a query in display text', () => {
    const t = '实行“告知承诺制”，ＬＰＲ 与 2023 年';
    expect(findMatches(t, '告知承诺制 lpr 2023年').map(([s, e]) => t.slice(s, e))).toEqual(['告知承诺制', 'ＬＰＲ', '2023 年']);
    expect(findMatches(t, '-告知')).toEqual([]);
  });

  it('cuts snippets around the first match', () => {
    const t = '甲'.repeat(100) + '融资担保' + '乙'.repeat(100);
    const s = makeSnippet(t, [[100, 104]], 40);
    expect(s.text.slice(...s.ranges[0])).toBe('融资担保');
    expect(s.before && s.after).toBe(true);
  });

  it('maps unit ranges to paragraphs', () => {
    const u = DOCS[0].units[0].children[1];
    const h = E.search('告知承诺制').hits.find((x) => x.unitId === u.id)!;
    expect(lineRanges(u, h.ranges)).toEqual([
      { part: 0, start: 12, end: 17 },
      { part: 1, start: 7, end: 12 },
    ]);
  });

  it('maps a label hit to the label line', () => {
    const a43 = DOCS[3].units[0].children[0];
    const h = E.search('第四十三条').hits[0];
    expect(lineRanges(a43, h.ranges)).toEqual([{ part: LABEL_LINE, start: 0, end: 5 }]);
  });

  it('never cuts a snippet inside a highlighted word', () => {
    const t = '甲'.repeat(50) + '有效的政策' + '乙'.repeat(100) + '政策' + '丙'.repeat(20);
    const ranges: [number, number][] = [[53, 55], [155, 157]];
    // width 40 around the first match would start at 53 - 10 = 43 and end at 83; move the first mark to the window's edge.
    for (const width of [8, 9, 10, 40, 104, 105, 106]) {
      const s = makeSnippet(t, ranges, width);
      for (const [a, b] of s.ranges) expect(s.text.slice(a, b)).toBe('政策');
    }
    // A window edge falling inside the second mark (start 53 - 34, width 137: end 156) extends to its end.
    const s = makeSnippet(t, ranges, 137);
    expect(s.text.endsWith('政策')).toBe(true);
  });
});

describe('topK', () => {
  it('equals a full sort for random scores with ties', async () => {
    const { Hits, topK } = await import('./hits.js');
    let seed = 1;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let t = 0; t < 300; t++) {
      const n = Math.floor(rnd() * 3000);
      const h = new Hits();
      for (let i = 0; i < n; i++) h.push(i, Math.floor(rnd() * 50), Math.floor(rnd() * 20) / 4, 0, 0);
      const k = 1 + Math.floor(rnd() * 300);
      const want = [...Array(n).keys()].sort((i, j) => h.compare(i, j)).slice(0, k);
      expect(topK(h, k)).toEqual(want);
    }
  });
});

describe('grouped ranking', () => {
  it('keeps the best N hits per document even when one document crowds the top', () => {
    const big = doc('big', '甲文件', {}, Array.from({ length: 300 }, (_, i) => unit('big', `p${i}`, [`融资担保融资担保第${i}项`])));
    const small = Array.from({ length: 40 }, (_, i) => doc(`s${String(i).padStart(2, '0')}`, `乙文件${i}`, {}, [unit(`s${i}`, 'p0', [`本条涉及融资担保，并有很多其他的文字说明第${i}项内容，使它比前者长得多。`])]));
    const files = Object.fromEntries(buildSearchArtifacts([big, ...small]).map((f) => [f.path, f.data]));
    const G = SearchEngine.fromFiles((p) => files[p]);
    const r = G.search('融资担保', { perDoc: 3, limit: 20 });
    const perDoc = new Map<string, number>();
    for (const h of r.hits) perDoc.set(h.docId, (perDoc.get(h.docId) ?? 0) + 1);
    expect(perDoc.get('big')).toBe(3);
    expect(r.hits).toHaveLength(20);
    expect(r.available).toBe(3 + 40);
    expect(r.hits[0].docHits).toBe(300);
    // The big document's units each say 融资担保 twice in a short text: they rank first.
    expect(r.hits.slice(0, 3).every((h) => h.docId === 'big')).toBe(true);
  });
});

describe('the engine as callers use it', () => {
  const files = Object.fromEntries(buildSearchArtifacts(DOCS).map((f) => [f.path, f.data]));
  const idOf = (u: number) => E.unitId(u);

  it('matchPhrase gives exactly the units holding the phrase; estimate bounds their number from above', () => {
    expect(Array.from(E.matchPhrase('融资担保'), idOf)).toEqual(['b-sd~o2', 'b-sd~o3', 'c-sh~p1']);
    // In the full text of b-sd~o1 and a-qd~ch1.ar2 only (twice in the latter: one unit still).
    expect(Array.from(E.matchPhrase('告知承诺制'), idOf)).toEqual(['a-qd~ch1.ar2', 'b-sd~o1']);
    expect(E.estimate('告知承诺制')).toBe(2);
    // 鑫 occurs nowhere; 担保融资 has every character but not as one phrase.
    expect(E.estimate('鑫')).toBe(0);
    expect(E.matchPhrase('鑫').length).toBe(0);
    expect(E.matchPhrase('担保融资').length).toBe(0);
  });

  it('never finds a phrase across a paragraph break, nor two characters that are not side by side', () => {
    // a-qd~ch1.ar2's first paragraph ends with 。, its second starts with 申请人.
    expect(units(E.search('申请人'))).toEqual(['a-qd~ch1.ar2']);
    expect(E.search('。申请人').total).toBe(0);
    expect(E.matchPhrase('。申').length).toBe(0);
    // 融 and 担 are both in b-sd~o2, never next to each other.
    expect(E.search('融担').total).toBe(0);
    expect(Array.from(E.matchPhrase('担'), (u) => E.unitId(u))).toEqual(['b-sd~o2', 'b-sd~o3', 'c-sh~p1']);
  });

  it('never finds a phrase across the end of a title and the start of its 文号 or issuer', () => {
    // a-qd: title 青岛市政务服务管理办法, 文号 青岛市人民政府令第1号, issuer 青岛市人民政府.
    expect(E.search('办法青岛', { field: 'title' }).total).toBe(0);
    expect(E.search('办法青岛').total).toBe(0);
    expect(E.search('1号青岛').total).toBe(0);
    expect(E.search('管理办法', { field: 'title' }).hits.map((h) => h.docId)).toEqual(['a-qd']);
  });

  it('gives the text of the first unit', () => {
    expect(E.unitText(0)).toBe('总则');
    expect(E.snippet({ unit: 0, ranges: [] })?.text).toBe('总则');
  });

  it('finds a document by its id, and nothing for an unknown one', () => {
    expect(E.docById('c-sh')?.title).toBe('上海市支持小微企业发展若干措施');
    expect(E.docById('z-none')).toBeUndefined();
  });

  it('gives no text and no snippet for a unit it does not have (a title-only hit, or past the end)', () => {
    const titleHit = E.search('某市优化营商环境规划').hits[0];
    expect(titleHit).toMatchObject({ docId: 'e-empty', unit: -1, field: 'title' });
    expect(E.snippet(titleHit)).toBeNull();
    expect(E.unitText(-1)).toBe('');
    expect(E.unitText(E.units.count)).toBe('');
    expect(E.snippet({ unit: E.units.count, ranges: [] })).toBeNull();
    const last = E.units.count - 1;
    // The item's label on a line of its own, then its text; a snippet puts them on one line.
    expect(E.unitText(last)).toBe('（十八）\n其他优化营商环境规划的事项。');
    expect(E.snippet({ unit: last, ranges: [] })?.text).toBe('（十八） 其他优化营商环境规划的事项。');
  });

  it('refuses an index of another format, one that does not match its unit list, and missing files', () => {
    const units = JSON.parse(files['units.json']);
    const index = JSON.parse(files['index.json']);
    expect(() => SearchEngine.fromJSON({ ...units, v: units.v + 1 }, index)).toThrow(/search index format/);
    expect(() => SearchEngine.fromJSON(units, { ...index, v: index.v - 1 })).toThrow(/search index format/);
    expect(() => SearchEngine.fromJSON(units, { ...index, unitCount: index.unitCount + 1 })).toThrow(/does not match its unit list/);
    expect(() => SearchEngine.fromJSON(units, { ...index, shards: [1, ...index.shards.slice(1)] })).toThrow(/does not match its unit list/);
    expect(() => SearchEngine.fromJSON(units, { ...index, shards: [...index.shards.slice(0, -1), index.unitCount - 1] })).toThrow(/does not match its unit list/);
    expect(() => SearchEngine.fromJSON(units, { ...index, shards: undefined })).toThrow(/does not match its unit list/);
    expect(() => SearchEngine.fromFiles((p) => (p === 'index.json' ? undefined : files[p]))).toThrow(/search index missing/);
    expect(() => SearchEngine.fromFiles((p) => (p === 'units.json' ? undefined : files[p]))).toThrow(/search index missing/);
  });

  it('withShards fetches the shards a computation needs and runs it again; other errors go to the caller', async () => {
    const lazy = SearchEngine.fromFiles((p) => (p.startsWith('texts-') ? undefined : files[p]));
    const fetched: string[] = [];
    const r = await withShards(lazy, () => lazy.search('告知承诺制'), CancellationToken.None, async (file) => {
      fetched.push(file);
      return files[file];
    });
    expect(r).toEqual(E.search('告知承诺制'));
    expect(fetched.length).toBeGreaterThan(0);
    await expect(withShards(lazy, () => { throw new Error('boom'); }, CancellationToken.None, async (f) => files[f])).rejects.toThrow('boom');
    await expect(withShards(lazy, () => 1, CancellationToken.Cancelled, async (f) => files[f])).rejects.toSatisfy(isCancelled);
  });

  it('runSearch passes any other error on, even with a way to fetch shards', async () => {
    const bad = SearchEngine.fromFiles((p) => (p === 'texts-0.json' ? files[p].replace('"from":0', '"from":3') : files[p]));
    await expect(runSearch(bad, '告知承诺制', {}, CancellationToken.None, async () => undefined, async (f) => files[f])).rejects.toThrow(/does not match the index/);
  });

  it('runSearch without a way to fetch shards lets the missing shard through', async () => {
    const lazy = SearchEngine.fromFiles((p) => (p.startsWith('texts-') ? undefined : files[p]));
    await expect(runSearch(lazy, '告知承诺制', {}, CancellationToken.None, async () => undefined)).rejects.toThrow(/not loaded/);
  });
});

describe('words found in a document\'s title, 文号 or issuer', () => {
  it('a query found only there gives one hit for the document, opening its first unit', () => {
    // 青岛 is in a-qd's title, 人民政府令 in its 文号; no unit of it says either.
    const r = E.search('青岛 人民政府令');
    expect(r.hits.map((h) => [h.docId, h.field, h.unitId, h.unit])).toEqual([['a-qd', 'title', 'a-qd~ch1', -1]]);
    expect(r.total).toBe(1);
    // An issuer alone: the same, for the document it issued.
    expect(E.search('上海市财政局').hits.map((h) => [h.docId, h.field, h.unitId])).toEqual([['c-sh', 'title', 'c-sh~p1']]);
    // In 同篇 too.
    expect(E.search('青岛 人民政府令', { scope: 'doc' }).hits.map((h) => [h.docId, h.field])).toEqual([['a-qd', 'title']]);
  });

  it('a word in the title lets a unit match, but ranks it below a unit that says both words', () => {
    // 告知承诺制 and 青岛 are both in b-sd~o1's text; a-qd~ch1.ar2 says 告知承诺制 twice and has 青岛 only
    // in its document's title, which does not hold the whole query (no title tier).
    const r = E.search('青岛 告知承诺制');
    expect(r.hits.map((h) => h.unitId)).toEqual(['b-sd~o1', 'a-qd~ch1.ar2']);
    expect(r.hits.every((h) => h.field === 'text')).toBe(true);
  });

  it('a word excluded by the title or 文号 drops the whole document', () => {
    expect(units(E.search('告知承诺制 -人民政府令'))).toEqual(['b-sd~o1']);
    expect(E.search('告知承诺制 -人民政府令', { scope: 'doc' }).hits.map((h) => h.docId)).toEqual(['b-sd']);
    expect(units(E.search('担保 -沪发改'))).toEqual(['b-sd~o2', 'b-sd~o3']);
    expect(E.search('告知承诺制 -人民政府令', { field: 'title' }).total).toBe(0);
    expect(E.search('办法 -青岛', { field: 'title' }).total).toBe(0);
  });

  it('同篇: words in different units of one document; each unit that holds one is a hit', () => {
    const r = E.search('降低 小微企业', { scope: 'doc' });
    expect(units(r)).toEqual(['b-sd~o2', 'b-sd~o3']);
    // A word only in the title, the other in the text: the units with the text word.
    expect(units(E.search('上海市 热线', { scope: 'doc' }))).toEqual(['c-sh~p2']);
    // Excluded by a unit's text: the whole document goes.
    expect(E.search('融资担保 -降低', { scope: 'doc' }).hits.map((h) => h.docId)).toEqual(['c-sh']);
  });
});

describe('facet counts', () => {
  it('count hits per value, most first, then in character order; a city names its province', () => {
    // Hits: a-qd 1 (青岛市, 山东省), b-sd 3 (山东省), c-sh 1 (上海市).
    const r = E.search('告知承诺制 OR 融资担保');
    expect(r.total).toBe(5);
    // Strict: a value that is not a city carries no parent at all.
    expect(r.facets).toStrictEqual({
      region: [
        { value: '山东省', count: 4 },
        { value: '上海市', count: 1 },
        { value: '青岛市', count: 1, parent: '山东省' },
      ],
      issuer: [
        { value: '山东省人民政府办公厅', count: 3 },
        { value: '上海市发展和改革委员会', count: 1 },
        { value: '上海市财政局', count: 1 },
        { value: '青岛市人民政府', count: 1 },
      ],
      kind: [
        { value: '通知', count: 3 },
        { value: '办法', count: 1 },
        { value: '措施', count: 1 },
      ],
      year: [
        { value: '2022', count: 3 },
        { value: '2023', count: 2 },
      ],
    });
    expect(E.search('告知承诺制 OR 融资担保', { facets: false }).facets).toEqual({ region: [], issuer: [], kind: [], year: [] });
  });

  it('count each facet over the hits the other filters let through', () => {
    const r = E.search('告知承诺制 OR 融资担保', { filters: { region: ['上海市'], kind: ['通知'] } });
    expect(r.total).toBe(0);
    // Regions of the 通知 hits (b-sd), kinds of the 上海市 hits (c-sh), nothing that passes both.
    expect(r.facets).toEqual({ region: [{ value: '山东省', count: 3 }], issuer: [], kind: [{ value: '措施', count: 1 }], year: [] });
    const two = E.search('告知承诺制 OR 融资担保', { filters: { region: ['上海市', '青岛市'], year: ['2023'] } });
    expect(two.hits.map((h) => h.unitId).sort()).toEqual(['a-qd~ch1.ar2', 'c-sh~p1']);
    expect(two.facets.kind).toEqual([
      { value: '办法', count: 1 },
      { value: '措施', count: 1 },
    ]);
    // An empty selection filters nothing.
    expect(E.search('告知承诺制 OR 融资担保', { filters: { region: [] } }).total).toBe(5);
  });
});

describe('an engine over the user\'s own documents, scored on the corpus\'s scale', () => {
  // The user's index: two units of 4 characters (average length 4). The corpus (background): two units of 6.
  const own = doc('u-own', '某公司内部制度汇编', {}, [unit('u-own', 'p1', ['融资担保']), unit('u-own', 'p2', ['告知承诺'])]);
  const corpus = doc('b-bg', '某省优化营商环境条例', {}, [unit('b-bg', 'p1', ['融资担保费率']), unit('b-bg', 'p2', ['优化营商环境'])]);
  const filesOf = (d: PolicyDocument) => Object.fromEntries(buildSearchArtifacts([d]).map((f) => [f.path, f.data]));
  const ownFiles = filesOf(own);
  const corpusFiles = filesOf(corpus);

  it('alone, scores by its own statistics: BM25 with idf ln 2 for a phrase in one unit of two', () => {
    const U = SearchEngine.fromFiles((p) => ownFiles[p]);
    // idf = ln(1 + (2 − 1 + 0.5) / (1 + 0.5)) = ln 2; length term 1 − 0.75 + 0.75 · 4/4 = 1;
    // tf 1: ln 2 · 2.2 / (1 + 1.2) · √4 = 2 ln 2 = 1.386 (three decimals).
    expect(U.search('融资担保').hits.map((h) => [h.unitId, h.score])).toEqual([['u-own~p1', 1.386]]);
    expect(U.search('告知承诺').hits.map((h) => [h.unitId, h.score])).toEqual([['u-own~p2', 1.386]]);
  });

  it('with the corpus as background, counts the corpus\'s units, phrase frequencies and average length too', () => {
    const B = SearchEngine.fromFiles((p) => corpusFiles[p]);
    const U = SearchEngine.fromFiles((p) => ownFiles[p], B);
    // 4 units in all, average length 6 (the corpus's): length term 0.25 + 0.75 · 4/6 = 0.75, so
    // BM25 = idf · 2.2 / (1 + 1.2 · 0.75) · 2 = idf · 4.4 / 1.9.
    // 融资担保 is in one unit of each: idf = ln(1 + (4 − 2 + 0.5) / 2.5) = ln 2 → 1.605.
    expect(U.search('融资担保').hits.map((h) => [h.unitId, h.score])).toEqual([['u-own~p1', 1.605]]);
    // 告知承诺 only in the user's: idf = ln(1 + 3.5 / 1.5) = ln(10/3) → 2.788; it now ranks above 融资担保.
    expect(U.search('告知承诺').hits.map((h) => [h.unitId, h.score])).toEqual([['u-own~p2', 2.788]]);
    expect(U.search('融资担保 OR 告知承诺').hits.map((h) => h.unitId)).toEqual(['u-own~p2', 'u-own~p1']);
    // The hits are still only the user's own.
    expect(U.search('优化营商环境').total).toBe(0);
  });
});

describe('hits on a document\'s first unit, title hits and shard names', () => {
  it('a hit on a document\'s first unit is a text hit that says where it is', () => {
    // d-lab alone: its first unit (0) is the chapter heading 第五章 数据共享; 第四十三条 says 数据共享 too.
    const files = Object.fromEntries(buildSearchArtifacts([DOCS[3]]).map((f) => [f.path, f.data]));
    const D = SearchEngine.fromFiles((p) => files[p]);
    const hit = D.search('数据共享').hits.find((h) => h.unit === 0);
    expect(hit).toMatchObject({ unitId: 'd-lab~ch5', field: 'text', trail: ['第五章'], ranges: [[4, 8]] });
  });

  it('a title-only hit has no ranges in a unit text, only in its title', () => {
    const hit = E.search('营商环境规划').hits.find((h) => h.docId === 'e-empty')!;
    // 某市优化营商环境规划: the query is its last six characters.
    expect(hit).toMatchObject({ unit: -1, field: 'title', ranges: [], titleRanges: [[4, 10]] });
  });

  it('takes text shards numbered past 9 by name, and refuses a file that is not a shard', async () => {
    // Eleven notices, one text shard each (texts-0.json … texts-10.json); only the last says 告知承诺制.
    const notices = Array.from({ length: 11 }, (_, i) => {
      const id = `c${String(i).padStart(2, '0')}`;
      return doc(id, `某市第${i + 1}批政务服务事项清单`, {}, [unit(id, 'p1', [i === 10 ? '本批事项实行证明事项告知承诺制。' : `本批清单包括政务服务事项${i + 1}项。`])]);
    });
    const built = buildIndexData(flattenCorpus(notices), 'counting', 1);
    expect(built.texts.length).toBe(11);
    const files = shardFiles(built);
    const lazy = SearchEngine.fromJSON(built.units, built.index, (f) => (f.startsWith('texts-') ? undefined : files[f]));
    const fetched: string[] = [];
    const r = await runSearch(lazy, '告知承诺制', {}, CancellationToken.None, async () => undefined, async (f) => {
      fetched.push(f);
      return files[f];
    });
    expect(r.hits.map((h) => h.unitId)).toEqual(['c10~p1']);
    expect(fetched).toEqual(['texts-10.json']);
    expect(() => lazy.putShard('units.json', files['texts-0.json'])).toThrow('not a search shard: units.json');
    expect(() => lazy.putShard('index.json', files['postings-0.json'])).toThrow('not a search shard: index.json');
  });
});
