/**
 * Placing an imported document among a built corpus (place.ts) without a rebuild: candidates from the shipped
 * LSH tables and from titles, each measured as the build measures it; small hand-made corpora (the sample's
 * regulations at two dates are placed in laws.test.ts).
 */
import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../corpus/types.js';
import type { LshTables, VariantPair } from './format.js';
import { detectVariantsWithTables } from './detect.js';
import { articlesDoc as doc, GREENING, HOUSING, MEASURES } from './fixtures/measures.js';
import { lshCandidates, placeDocument } from './place.js';

const corpus = [doc('pA', '某市优化营商环境若干措施', MEASURES), doc('pC', '某市城市绿化管理办法', GREENING), doc('pD', '某市住房公积金管理办法', [...HOUSING, MEASURES[3]])];
const tables = () => detectVariantsWithTables(corpus).lsh;
const byId = (id: string) => corpus.find((d) => d.id === id) ?? null;

/** A district's word-for-word copy of pA; a district's opinions taking three of pA's measures and pD's two articles. */
const copy = doc('pB', '某区优化营商环境若干措施', MEASURES);
const adapted = doc('pE', '某区关于进一步优化营商环境的实施意见', [...MEASURES.slice(0, 3), ...HOUSING]);
/** pC's title, rewritten as a whole: not one sentence in common. */
const rewritten = doc('pG', '某市城市绿化管理办法', [
  '城市绿地系统规划由城市人民政府组织编制，纳入城市总体规划，并向社会公布，接受公众监督和评议。',
  '公共绿地的养护管理由城市绿化行政主管部门负责，单位附属绿地由该单位负责，居住区绿地由物业服务企业负责。',
]);

/** A pair with its documents in id order (the build's order for all but revisions). */
const inIdOrder = (p: VariantPair): VariantPair => (p.a < p.b ? p : { ...p, a: p.b, b: p.a, aInB: p.bInA, bInA: p.aInB });

describe('lshCandidates', () => {
  it('finds the documents that share text with the new one, most bands first, and only those', () => {
    const t = tables();
    expect(lshCandidates(copy, t)).toEqual(['pA']);
    // pE shares three measures with pA and two articles with pD: pA shares more of its bands.
    expect(lshCandidates(adapted, t)).toEqual(['pA', 'pD']);
    expect(lshCandidates(adapted, t, 1)).toEqual(['pA']);
  });

  it('finds a document of the same title even when no text is shared', () => {
    expect(lshCandidates(rewritten, tables())).toEqual(['pC']);
  });

  it('never lists the document itself, and finds nothing for a document without text', () => {
    expect(lshCandidates(corpus[0], tables())).toEqual([]);
    expect(lshCandidates(doc('pH', '某市关于公布规范性文件清理结果的通知', []), tables())).toEqual([]);
  });

  it('refuses tables written with another signature layout', () => {
    const t = tables();
    for (const other of [{ bands: t.bands + 1 }, { rows: t.rows + 1 }, { shingle: t.shingle - 1 }] as Partial<LshTables>[])
      expect(() => lshCandidates(copy, { ...t, ...other })).toThrow('相似文本索引与本程序版本不符，请重新构建语料库');
  });
});

describe('lshCandidates: ranking', () => {
  const four = doc('pZ', '某县营商环境措施', MEASURES.slice(0, 4));

  it('lists every corpus document with the shared keys, more shared bands first, then by id', () => {
    // pA and pB are one text: they share every band with a third copy and tie; pZ has four of its five measures.
    const t = detectVariantsWithTables([...corpus, doc('pB', '某区优化营商环境若干措施', MEASURES), four]).lsh;
    expect(lshCandidates(doc('pX', '某镇优化营商环境若干措施', MEASURES), t)).toEqual(['pA', 'pB', 'pZ']);
  });

  it('ranks by shared bands, not by id', () => {
    // Four measures and the housing articles: more of pZ (four measures) than of pD (two articles and one measure).
    const t = detectVariantsWithTables([corpus[2], four]).lsh;
    expect(lshCandidates(doc('pE', '某区关于进一步优化营商环境的实施意见', [...MEASURES.slice(0, 4), ...HOUSING]), t)).toEqual(['pZ', 'pD']);
  });

  it('a document of the same title ranks before any sharing only text', () => {
    const t = detectVariantsWithTables([corpus[0], doc('pZ', '某市城市绿化管理办法', GREENING)]).lsh;
    expect(lshCandidates(doc('pT', '某市城市绿化管理办法', MEASURES.slice(0, 3)), t)).toEqual(['pZ', 'pA']);
  });

  it('a document without text has no candidates, not even one of its title', () => {
    expect(lshCandidates(doc('pH', '某市城市绿化管理办法', []), tables())).toEqual([]);
  });
});

describe('placeDocument', () => {
  it('a candidate of the same title that shares no text is read, and is no relation', async () => {
    const reads: string[] = [];
    const one = doc('pG', '某市城市绿化管理办法', ['城市绿地系统规划由城市人民政府组织编制，纳入城市总体规划，并向社会公布，接受公众监督和评议。']);
    expect(await placeDocument(one, tables(), (id) => (reads.push(id), byId(id)))).toEqual([]);
    expect(reads).toEqual(['pC']);
  });

  it('measures each candidate as the build would have, best first, reading only the candidates', async () => {
    const loads: string[] = [];
    const placed = await placeDocument(adapted, tables(), (id) => (loads.push(id), byId(id)));
    expect(loads).toEqual(['pA', 'pD']);
    const built = detectVariantsWithTables([...corpus, adapted]).variants;
    const builtPairs = [...built.families.flatMap((f) => f.pairs), ...built.links];
    expect(placed.map(inIdOrder)).toEqual([builtPairs.find((p) => p.a === 'pA')!, builtPairs.find((p) => p.a === 'pD')!]);
    expect(placed.map((p) => [p.relation, p.sharedClauses])).toEqual([
      ['adaptation', 3],
      ['adaptation', 2],
    ]);
  });

  it('a copy is the same text, every clause matched', async () => {
    const placed = await placeDocument(copy, tables(), byId);
    expect(placed.map(inIdOrder)).toEqual([{ a: 'pA', b: 'pB', relation: 'same', jaccard: 1, aInB: 1, bInA: 1, sharedClauses: 5 }]);
  });

  it('skips a candidate that cannot be read, and reads nothing for a document without candidates', async () => {
    const asked: string[] = [];
    expect(await placeDocument(adapted, tables(), (id) => (asked.push(id), id === 'pA' ? null : byId(id)))).toMatchObject([{ relation: 'adaptation', sharedClauses: 2 }]);
    expect(asked).toEqual(['pA', 'pD']);
    const none: string[] = [];
    const alone: PolicyDocument = doc('pH', '某市关于公布规范性文件清理结果的通知', ['经清理，继续有效的规范性文件目录予以公布，已废止和宣布失效的文件不再作为行政管理的依据。']);
    expect(await placeDocument(alone, tables(), (id) => (none.push(id), byId(id)))).toEqual([]);
    expect(none).toEqual([]);
  });
});
