/**
 * MinHash signatures and LSH candidates on policy text: a copy has the copy's signature, a signature
 * of a union is the row-wise minimum of its parts', a band key follows exactly its rows, near-copies
 * meet in a bucket while texts that only share a subject do not, and a crowd of near-copies costs a
 * bounded number of pairs. Expected values come from the definitions, never from these functions.
 */
import { describe, expect, it } from 'vitest';
import { BUCKET_WINDOW, bandKey, bandKeys, CLAUSE_LSH_ROWS, forEachCandidate, LSH_BANDS, LSH_ROWS, lshCandidates, MAX_BUCKET, SIGNATURE_LENGTH, shuffledCrowd, shuffleKey, signature, signatureHash } from './minhash.js';
import { overlap, shingleSet } from './shingles.js';
import { overlapKey } from './units.js';

const set = (text: string) => shingleSet(overlapKey(text));

/** A province's notice: three articles of a regulation on the business environment. */
const PROVINCE = [
  '第十二条 县级以上人民政府应当加强对优化营商环境工作的组织领导，建立健全统筹推进、督促落实优化营商环境工作的相关机制，及时协调、解决优化营商环境工作中的重大问题。',
  '第十三条 县级以上人民政府发展改革部门是优化营商环境工作的主管部门，负责组织、指导、协调优化营商环境日常工作；其他有关部门应当按照各自职责，做好优化营商环境相关工作。',
  '第十四条 各级人民政府及其有关部门应当建立政企沟通机制，通过多种形式及时听取市场主体的反映和诉求，依法帮助市场主体协调解决生产经营中遇到的困难和问题。',
].join('');
/** A city's reprint of it with the last sentence rewritten. */
const CITY = PROVINCE.replace(
  '依法帮助市场主体协调解决生产经营中遇到的困难和问题。',
  '对市场主体反映的问题，应当在十五个工作日内予以答复并跟踪办理。',
);
/** Clauses on the same subject in other words: no copy of anything above. */
const UNRELATED = [
  '第五条 本市实行市场准入负面清单制度，清单以外的行业、领域、业务等，各类市场主体皆可依法平等进入，不得另设门槛。',
  '第二十条 政务服务机构应当推行一窗受理、并联审批，压减办理环节和申请材料，公开办理时限，实现政务服务事项网上可办。',
  '第三十一条 审计机关对财政资金使用情况开展专项审计，发现截留挪用专项资金的，责令限期改正，并依法追究有关人员的责任。',
  '第八条 鼓励金融机构创新小微企业信贷产品，合理降低融资成本，不得在发放贷款时附加不合理条件或者收取财务顾问费等费用。',
];

/** Sorted distinct union of shingle sets, made without the code under test. */
const union = (...sets: Uint32Array[]) => Uint32Array.from(new Set(sets.flatMap((s) => Array.from(s)))).sort();
const agreeingRows = (a: Uint32Array, b: Uint32Array) => a.reduce((n, v, k) => n + (v === b[k] ? 1 : 0), 0);
/** Pairs i < j that agree on all rows of some band: the candidates by definition. */
function sharingABand(sigs: Uint32Array[], rows: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < sigs.length; i++)
    for (let j = i + 1; j < sigs.length; j++)
      for (let b = 0; b < Math.floor(SIGNATURE_LENGTH / rows); b++)
        if (Array.from({ length: rows }, (_, r) => b * rows + r).every((k) => sigs[i][k] === sigs[j][k])) {
          out.push(`${i},${j}`);
          break;
        }
  return out;
}
const pairsOf = (sigs: Uint32Array[], group?: number[], rows?: number) => {
  const out: string[] = [];
  forEachCandidate(sigs, (i, j) => out.push(`${i},${j}`), group, rows);
  return out;
};

describe('MinHash signatures of clauses', () => {
  it('a copy has the same signature, written into the buffer given', () => {
    const a = set(PROVINCE);
    const copy = set(`　${PROVINCE.replace(/，/g, ', ')}`); // other spaces and commas: the same wording
    expect(Array.from(copy)).toEqual(Array.from(a));
    const shared = new Uint32Array(SIGNATURE_LENGTH * 2);
    const view = shared.subarray(SIGNATURE_LENGTH);
    const out = signature(copy, view);
    expect(out).toBe(view);
    expect(Array.from(shared.subarray(SIGNATURE_LENGTH))).toEqual(Array.from(signature(a)));
    expect(shared.subarray(0, SIGNATURE_LENGTH).every((v) => v === 0)).toBe(true);
    expect(signature(a).length).toBe(LSH_BANDS * LSH_ROWS);
  });

  it('the signature of a document is the row-wise minimum of its articles’ signatures, and of its shingles’', () => {
    const articles = PROVINCE.split(/(?=第十[二三四]条)/).map(set);
    expect(articles).toHaveLength(3);
    const whole = signature(union(...articles));
    const parts = articles.map((s) => signature(s));
    expect(Array.from(whole)).toEqual(Array.from(whole, (_, k) => Math.min(...parts.map((p) => p[k]))));
    // and of every single shingle: each row is the smallest hash of one of them
    const singles = Array.from(articles[0], (h) => signature(Uint32Array.of(h)));
    const first = signature(articles[0]);
    expect(Array.from(first)).toEqual(Array.from(first, (_, k) => Math.min(...singles.map((p) => p[k]))));
    // adding shingles never raises a row, and adding another article lowers some
    expect(parts[0].every((v, k) => whole[k] <= v)).toBe(true);
    expect(parts[0].some((v, k) => whole[k] < v)).toBe(true);
  });

  it('rows are different hash functions: one shingle has many different row values', () => {
    const one = signature(set('第十二条'));
    expect(new Set(one).size).toBeGreaterThan(SIGNATURE_LENGTH - 3);
  });

  it('the share of agreeing rows estimates the Jaccard similarity', () => {
    const p = set(PROVINCE);
    const c = set(CITY);
    const { jaccard } = overlap(p, c);
    // One sentence of about 25 characters changed in about 230: most 5-character shingles survive.
    expect(jaccard).toBeGreaterThan(0.75);
    expect(jaccard).toBeLessThan(0.95);
    const share = agreeingRows(signature(p), signature(c)) / SIGNATURE_LENGTH;
    expect(Math.abs(share - jaccard)).toBeLessThan(0.12);
    for (const u of UNRELATED) {
      const s = set(u);
      expect(overlap(p, s).jaccard).toBeLessThan(0.05);
      expect(agreeingRows(signature(p), signature(s)) / SIGNATURE_LENGTH).toBeLessThan(0.1);
    }
  });
});

describe('band keys', () => {
  const base = signature(set(PROVINCE));
  /** base with the given rows changed */
  const changed = (...rows: number[]) => base.map((v, k) => (rows.includes(k) ? v ^ 0x5a5a5a5a : v));

  it('two signatures have one key in a band exactly when they agree on all its rows', () => {
    // Rows 3 (first of band 1), 17 (last of band 5) and 125 (last row) for 3-row bands.
    const other = changed(3, 17, 125);
    const a = bandKeys(base);
    const b = bandKeys(other);
    expect(a).toHaveLength(LSH_BANDS);
    const differ = Array.from(a.keys()).filter((k) => a[k] !== b[k]);
    expect(differ).toEqual([1, 5, 41]);
    // 2-row bands: the same rows are in bands 1, 8 and 62
    const a2 = bandKeys(base, CLAUSE_LSH_ROWS);
    const b2 = bandKeys(other, CLAUSE_LSH_ROWS);
    expect(a2).toHaveLength(SIGNATURE_LENGTH / 2);
    expect(Array.from(a2.keys()).filter((k) => a2[k] !== b2[k])).toEqual([1, 8, 62]);
  });

  it('a band key is an unsigned 32-bit number, the one bandKeys lists', () => {
    const keys = bandKeys(base, 2);
    const direct = Array.from({ length: 63 }, (_, b) => bandKey(base, b, 2));
    expect(direct).toEqual(Array.from(keys));
    expect(Array.from({ length: LSH_BANDS }, (_, b) => bandKey(base, b))).toEqual(Array.from(bandKeys(base)));
    // Some of 105 hash values have the top bit set: they must still be positive.
    expect(direct.every((k) => Number.isInteger(k) && k >= 0 && k <= 0xffffffff)).toBe(true);
    expect(direct.some((k) => k >= 0x80000000)).toBe(true);
  });

  it('rows in another order are another band', () => {
    const swapped = base.slice();
    [swapped[0], swapped[1]] = [base[1], base[0]];
    expect(bandKey(swapped, 0)).not.toBe(bandKey(base, 0));
  });
});

describe('LSH candidates', () => {
  const texts = [PROVINCE, ...UNRELATED, CITY];
  const sigs = texts.map((t) => signature(set(t)));

  it('the city’s reprint is a candidate of the province’s notice; clauses that only share the subject are not', () => {
    expect(lshCandidates(sigs)).toEqual([[0, 5]]);
    expect(sharingABand(sigs, LSH_ROWS)).toEqual(['0,5']);
  });

  it('a pair in one group (units of one document) is left out', () => {
    expect(lshCandidates(sigs, [1, 2, 3, 4, 5, 1])).toEqual([]);
    expect(lshCandidates(sigs, [1, 2, 3, 4, 5, 6])).toEqual([[0, 5]]);
    // groups 0 and 0: 0 is a group like any other
    expect(lshCandidates(sigs, [0, 1, 2, 3, 4, 0])).toEqual([]);
  });

  it('with 2-row bands a pair agreeing on two rows only is a candidate; with 3-row bands it is not', () => {
    const a = Uint32Array.from({ length: SIGNATURE_LENGTH }, (_, k) => 1000 + k);
    const b = a.map((v, k) => (k === 110 || k === 111 ? v : v + 7));
    // rows 110 and 111: 2-row band 55 (past the 42nd); in 3-row bands they are in bands 36 and 37.
    expect(pairsOf([a, b], undefined, 2)).toEqual(['0,1']);
    expect(pairsOf([a, b])).toEqual([]);
    expect(pairsOf([a, b], undefined, 3)).toEqual([]);
  });

  it('a pair is reported once, from the first band it shares, and always as (smaller, larger)', () => {
    const a = Uint32Array.from({ length: SIGNATURE_LENGTH }, (_, k) => 1000 + k);
    // b agrees with a on bands 1, 3 and 7, c on band 7 only (so b and c on band 7), d on band 40 only.
    const only = (...bands: number[]) => a.map((v, k) => (bands.includes(Math.floor(k / LSH_ROWS)) ? v : v + 1_000_000 * (bands[0] + 1)));
    const sigsHere = [only(40), only(7), only(1, 3, 7), a];
    const seen: string[] = [];
    forEachCandidate(sigsHere, (i, j) => seen.push(`${i},${j}`));
    expect(seen.slice().sort()).toEqual(['0,3', '1,2', '1,3', '2,3']);
    expect(sharingABand(sigsHere, LSH_ROWS).sort()).toEqual(['0,3', '1,2', '1,3', '2,3']);
  });

  it('two signatures with one hash but not equal are not taken for copies: their pair is met in the first band they share', () => {
    // FNV-1a over the values: b differs from a in rows 1 and 2 (clause bands 0 and 1) so that the hash after row 2,
    // and so the whole hash, is a's: row 2's value absorbs the difference row 1 made. (Rows of one band would give
    // the two one key in that band too, a collision of another kind.)
    const P = 0x01000193;
    const a = Uint32Array.from({ length: SIGNATURE_LENGTH }, (_, k) => 5000 + 7 * k);
    const afterRow0 = Math.imul(0x811c9dc5 ^ a[0], P);
    const b = a.slice();
    b[1] = a[1] + 1;
    b[2] = (a[2] ^ Math.imul(afterRow0 ^ a[1], P) ^ Math.imul(afterRow0 ^ b[1], P)) >>> 0;
    expect(signatureHash(b)).toBe(signatureHash(a));
    expect(Array.from(b)).not.toEqual(Array.from(a));
    // c is a's copy: it meets a in band 0, and b in band 2, as a does.
    const seen: string[] = [];
    forEachCandidate([a, b, a.slice()], (i, j) => seen.push(`${i},${j}`), undefined, CLAUSE_LSH_ROWS);
    expect(seen.sort()).toEqual(['0,1', '0,2', '1,2']);
  });

  it('two signatures whose band keys collide without their rows agreeing are not a pair there: met once, in the band they share', () => {
    // FNV-1a over a band's two rows: b's row 1 absorbs the difference its row 0 made, so band 0 has a's key with
    // other rows. b agrees with a on band 5's rows, and on no other band's.
    const P = 0x01000193;
    const a = Uint32Array.from({ length: SIGNATURE_LENGTH }, (_, k) => 9000 + 13 * k);
    const b = a.map((v, k) => (Math.floor(k / CLAUSE_LSH_ROWS) === 5 ? v : v + 500_000));
    b[1] = (Math.imul(0x811c9dc5 ^ a[0], P) ^ a[1] ^ Math.imul(0x811c9dc5 ^ b[0], P)) >>> 0;
    expect(bandKey(b, 0, CLAUSE_LSH_ROWS)).toBe(bandKey(a, 0, CLAUSE_LSH_ROWS));
    expect([b[0], b[1]]).not.toEqual([a[0], a[1]]);
    expect(sharingABand([a, b], CLAUSE_LSH_ROWS)).toEqual(['0,1']);
    expect(pairsOf([a, b], undefined, CLAUSE_LSH_ROWS)).toEqual(['0,1']);
    // Without band 5 they share no band's rows: the collision alone makes no pair.
    const c = b.map((v, k) => (Math.floor(k / CLAUSE_LSH_ROWS) === 5 ? v + 1 : v));
    expect(bandKey(c, 0, CLAUSE_LSH_ROWS)).toBe(bandKey(a, 0, CLAUSE_LSH_ROWS));
    expect(pairsOf([a, c], undefined, CLAUSE_LSH_ROWS)).toEqual([]);
    // In a crowd too: 60 copies of a with b among them are one bucket in band 0, and b meets a copy only in band 5.
    const crowd = [...Array.from({ length: MAX_BUCKET + 12 }, () => a), b];
    const pairs = pairsOf(crowd, undefined, CLAUSE_LSH_ROWS);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(pairs.filter((p) => p.endsWith(`,${crowd.length - 1}`)).length).toBeGreaterThan(0);
  });

  it('copies of one clause in many documents: each pair once, none within a document', () => {
    // 10 documents print the province's article unchanged; documents 0–4 print it twice.
    const sig = signature(set(PROVINCE));
    const sigsHere = Array.from({ length: 15 }, () => sig);
    const group = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1, 2, 3, 4];
    const pairs = pairsOf(sigsHere, group);
    // 15 items: 105 pairs, less the 5 within a document.
    expect(pairs).toHaveLength(100);
    expect(new Set(pairs).size).toBe(100);
    expect(pairs.some((p) => ['0,10', '1,11', '4,14'].includes(p))).toBe(false);
  });
});

describe('crowded buckets', () => {
  /** n signatures that agree on band `band` only (rows of other bands differ per item). */
  const crowd = (n: number, band: number) => {
    const a = Uint32Array.from({ length: SIGNATURE_LENGTH }, (_, k) => 1000 + k);
    return Array.from({ length: n }, (_, i) => a.map((v, k) => (Math.floor(k / LSH_ROWS) === band ? v : v + 100_000 * (i + 1))));
  };
  /** Pairs a crowd of m > MAX_BUCKET makes: each member with its BUCKET_WINDOW next in some order. */
  const windowed = (m: number) => BUCKET_WINDOW * m - (BUCKET_WINDOW * (BUCKET_WINDOW + 1)) / 2;

  it('a bucket of MAX_BUCKET members is paired in full', () => {
    expect(MAX_BUCKET).toBe(48);
    const pairs = pairsOf(crowd(MAX_BUCKET, 0));
    expect(pairs).toHaveLength((48 * 47) / 2);
    expect(pairs).toEqual(sharingABand(crowd(MAX_BUCKET, 0), LSH_ROWS).map(String));
  });

  it('one more member and each is paired with its BUCKET_WINDOW next neighbours only', () => {
    expect(BUCKET_WINDOW).toBe(8);
    for (const [m, band] of [
      [MAX_BUCKET + 1, 0],
      [60, 9],
    ]) {
      const pairs = pairsOf(crowd(m, band));
      expect(pairs).toHaveLength(windowed(m)); // 8·49 − 36 = 356, 8·60 − 36 = 444
      expect(new Set(pairs).size).toBe(pairs.length);
      const met = new Map<number, number>();
      for (const p of pairs) {
        const [i, j] = p.split(',').map(Number);
        expect(i).toBeLessThan(j);
        met.set(i, (met.get(i) ?? 0) + 1);
        met.set(j, (met.get(j) ?? 0) + 1);
      }
      // every member meets 8 to 16 others
      expect(met.size).toBe(m);
      expect(Math.min(...met.values())).toBeGreaterThanOrEqual(BUCKET_WINDOW);
      expect(Math.max(...met.values())).toBeLessThanOrEqual(2 * BUCKET_WINDOW);
    }
  });

  it('the window is a shuffled order, another in each band, not the members’ numbering', () => {
    const inBand0 = new Set(pairsOf(crowd(60, 0)));
    const inBand9 = new Set(pairsOf(crowd(60, 9)));
    const byIndex = (p: string) => {
      const [i, j] = p.split(',').map(Number);
      return j - i <= BUCKET_WINDOW;
    };
    expect([...inBand0].every(byIndex)).toBe(false);
    expect([...inBand9].filter((p) => inBand0.has(p)).length).toBeLessThan(inBand0.size / 2);
  });

  it('a crowd of copies from few documents: no pair within a document, each pair once', () => {
    // 60 copies of one clause in 3 documents (20 each): band 0 is a crowd, every later band agrees again.
    const sig = signature(set(PROVINCE));
    const sigsHere = Array.from({ length: 60 }, () => sig);
    const group = Array.from({ length: 60 }, (_, i) => i % 3);
    const pairs = pairsOf(sigsHere, group);
    expect(pairs.every((p) => p.split(',').map((x) => group[Number(x)])[0] !== p.split(',').map((x) => group[Number(x)])[1])).toBe(true);
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.length).toBeLessThanOrEqual(windowed(60));
  });
});

describe('shuffledCrowd', () => {
  // Members as forEachCandidate hands them over: ascending indexes, from a seeded generator.
  const members = (m: number, seed: number) => {
    let x = seed;
    const out = new Set<number>();
    while (out.size < m) {
      x = (Math.imul(x, 1103515245) + 12345) >>> 0;
      out.add(x % 2_000_000);
    }
    return Uint32Array.from([...out].sort((a, b) => a - b));
  };
  const byKeyThenIndex = (list: Uint32Array, band: number) => [...list].sort((a, b) => shuffleKey(a, band) - shuffleKey(b, band) || a - b);

  it('orders a crowd by its shuffle key in the band, then by index, with the scratch reused', () => {
    const scratch = new Float64Array(500);
    for (const [m, band] of [
      [49, 0],
      [500, 7],
      [60, 62],
    ]) {
      const list = members(m, m * 31 + band);
      expect([...shuffledCrowd(list, band, scratch)]).toEqual(byKeyThenIndex(list, band));
      expect([...shuffledCrowd(list, band, scratch)]).not.toEqual([...list]);
    }
  });

  it('a crowd longer than the positions a double can pack is sorted the same way', () => {
    const list = members(300, 99);
    expect([...shuffledCrowd(list, 5, new Float64Array(300), 256)]).toEqual(byKeyThenIndex(list, 5));
    expect([...shuffledCrowd(list, 5, new Float64Array(300), 300)]).toEqual(byKeyThenIndex(list, 5));
  });
});
