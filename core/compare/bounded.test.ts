/**
 * Candidate generation stays bounded when boilerplate is everywhere: documents that share only the
 * clauses every regulation prints are not candidates of each other, and a crowded LSH bucket is paired
 * within a window, not all pairs.
 */
import { describe, expect, it } from 'vitest';
import type { PolicyDocument, Unit } from '../corpus/types.js';
import { mulberry32 } from '../util/random.js';
import { commonShingles, commonThreshold, withoutCommon } from './common.js';
import { detectVariantsWithTables } from './detect.js';
import { BUCKET_WINDOW, forEachCandidate, LSH_BANDS, MAX_BUCKET } from './minhash.js';

const BOILERPLATE = [
  '县级以上人民政府应当加强对本行政区域内相关工作的领导，建立健全工作协调机制，将所需经费列入本级预算。',
  '违反本条例规定，构成违反治安管理行为的，由公安机关依法给予治安管理处罚；构成犯罪的，依法追究刑事责任。',
  '国家机关工作人员在监督管理工作中滥用职权、玩忽职守、徇私舞弊的，依法给予处分。',
  '本条例自公布之日起施行。',
];
const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质';

function doc(id: string, texts: string[]): PolicyDocument {
  const units = texts.map((t, i) => ({ id: `${id}~ar${i + 1}`, path: `ar${i + 1}`, level: 'article', label: '', heading: null, paragraphs: [{ text: t, pages: [] }], pages: [], children: [] }) as unknown as Unit);
  return { id, title: `某某条例${id}`, titleSource: 'title-line', issuer: '', issuers: [], date: null, effectiveDate: null, region: { level: 'unknown', province: null, city: null }, kind: '条例', addressees: null, signature: [], units } as unknown as PolicyDocument;
}

/** n documents of their own random text (five 60-character articles) plus the same boilerplate. */
function corpus(n: number, seed = 7): PolicyDocument[] {
  const rnd = mulberry32(seed);
  const text = (len: number) => Array.from({ length: len }, () => HAN[Math.floor(rnd() * HAN.length)]).join('');
  return Array.from({ length: n }, (_, i) => doc(`d${String(i).padStart(4, '0')}`, [...Array.from({ length: 5 }, () => text(60)), ...BOILERPLATE]));
}

describe('bounded candidates', () => {
  it('boilerplate in every document: no clause pairs, no family, candidates linear in the documents', () => {
    const docs = corpus(200);
    const { variants, stats } = detectVariantsWithTables(docs);
    expect(stats.commonShingles).toBeGreaterThan(0);
    expect(stats.clausePairs).toBe(0);
    expect(stats.docCandidates).toBeLessThan(docs.length);
    expect(variants.families).toEqual([]);
    expect(Object.keys(variants.clauses)).toEqual([]);
  });

  it('a copy among them is still found: its own text is not boilerplate', () => {
    const docs = corpus(120);
    const copy = { ...docs[5], id: 'copy', units: docs[5].units.map((u) => ({ ...u, id: `copy~${u.path}` })) } as PolicyDocument;
    const { variants } = detectVariantsWithTables([...docs, copy]);
    expect(variants.families.map((f) => f.members)).toEqual([[docs[5].id, 'copy'].sort()]);
  });

  it('common shingles: found exactly at the threshold, never below it', () => {
    const n = 100;
    const t = commonThreshold(n);
    // Shingle 7 in exactly t sets, shingle 9 in t − 1, every set has a private one.
    const sets = Array.from({ length: n }, (_, i) => Uint32Array.from([...(i < t ? [7] : []), ...(i < t - 1 ? [9] : []), 1000 + i]).sort());
    expect(Array.from(commonShingles(sets))).toEqual([7]);
    expect(Array.from(withoutCommon(Uint32Array.from([5, 7, 9]), Uint32Array.from([7])))).toEqual([5, 9]);
  });

  it('withoutCommon drops exactly the common shingles, 0 and the largest hash among them, and keeps the order', () => {
    let x = 12345;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
    const pool = Array.from({ length: 20000 }, next);
    const common = Uint32Array.from([0, 0xffffffff, ...pool.slice(0, 5000)]).sort();
    const set = Uint32Array.from(new Set([0, 1, 0xffffffff, 0xfffffffe, ...pool.slice(2500, 12000)])).sort();
    const isCommon = new Set(common);
    expect(Array.from(withoutCommon(set, common))).toEqual(Array.from(set).filter((h) => !isCommon.has(h)));
    expect(Array.from(withoutCommon(Uint32Array.from([1, 2]), common))).toEqual([1, 2]);
  });

  it('a crowded bucket is paired within a window: linear, and every member meets others', () => {
    const n = 500;
    const sig = new Uint32Array(LSH_BANDS * 3).fill(42);
    const sigs = Array.from({ length: n }, () => sig);
    let pairs = 0;
    const met = new Uint8Array(n);
    forEachCandidate(sigs, (i, j) => {
      expect(i).toBeLessThan(j);
      pairs++;
      met[i] = met[j] = 1;
    });
    expect(n).toBeGreaterThan(MAX_BUCKET);
    expect(pairs).toBeLessThanOrEqual(n * BUCKET_WINDOW);
    expect(met.every((x) => x === 1)).toBe(true);
  });

  it('every pair that shares a band is reported exactly once, copies (equal signatures) included', () => {
    // 8 equal signatures, 8 that agree with them in band 5 only, 8 that agree with nobody (LSH_ROWS = 3).
    const rows = 3;
    const base = Uint32Array.from({ length: LSH_BANDS * rows }, (_, k) => 1000 + k);
    const sigs: Uint32Array[] = [];
    for (let i = 0; i < 8; i++) sigs.push(base);
    for (let i = 0; i < 8; i++) sigs.push(base.map((v, k) => (Math.floor(k / rows) === 5 ? v : v + 100_000 * (i + 1))));
    for (let i = 0; i < 8; i++) sigs.push(base.map((v) => v + 10_000_000 * (i + 1)));
    const seen = new Map<string, number>();
    forEachCandidate(sigs, (i, j) => seen.set(`${i},${j}`, (seen.get(`${i},${j}`) ?? 0) + 1));
    const expected: string[] = [];
    for (let i = 0; i < sigs.length; i++)
      for (let j = i + 1; j < sigs.length; j++) {
        const shares = Array.from({ length: LSH_BANDS }, (_, b) => b).some((b) => [0, 1, 2].every((r) => sigs[i][b * rows + r] === sigs[j][b * rows + r]));
        if (shares) expected.push(`${i},${j}`);
      }
    expect(expected.length).toBe(28 + 8 * 8 + 28);
    expect([...seen.keys()].sort()).toEqual(expected.sort());
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });
});
