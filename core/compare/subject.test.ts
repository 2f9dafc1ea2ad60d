/**
 * "Related by subject" on real regulations at two dates (fixtures/laws, from LawRefBook/Laws, read
 * from the source's Markdown): the same regulation at two dates names the same subject, different
 * regulations share only the boilerplate every regulation prints.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lawDocFromMarkdown } from '../../test-support/law-markdown.js';
import { flattenUnits, unitOwnText } from '../corpus/structure.js';
import type { PolicyDocument } from '../corpus/types.js';
import { mulberry32 } from '../util/random.js';
import { articlesDoc, GREENING, HOUSING } from './fixtures/measures.js';
import { rankSubjects, SUBJECT_NEIGHBOURS, subjectPairs } from './subject.js';

const DIR = path.resolve(__dirname, 'fixtures/laws');
let docs: PolicyDocument[];
const byId = (id: string) => docs.find((d) => d.id === id)!;
const never = () => false;
const key = (p: { a: string; b: string }) => `${p.a},${p.b}`;

beforeAll(() => {
  docs = readdirSync(DIR)
    .filter((f) => f.endsWith('.md') && f !== 'SOURCE.md')
    .map((f) => lawDocFromMarkdown(f, readFileSync(path.join(DIR, f), 'utf8'))!);
});

describe('subjectPairs on real regulations', () => {
  it('pairs exactly the same regulation at its two dates, each pair once, ids in order, sorted', () => {
    const pairs = subjectPairs(docs, never);
    const titles = new Set(docs.map((d) => d.title));
    expect(titles.size).toBe(docs.length / 2); // the fixture: each regulation at two dates
    expect(pairs.map((p) => byId(p.a).title === byId(p.b).title)).toEqual(Array(titles.size).fill(true));
    expect(new Set(pairs.map((p) => byId(p.a).title)).size).toBe(titles.size);
    for (const p of pairs) expect(p.a < p.b).toBe(true);
    expect(pairs.map((p) => p.a + p.b)).toEqual(pairs.map((p) => p.a + p.b).sort());
  });

  it("a text variant does not take a neighbour's place: the document keeps its next best instead", () => {
    // Every document's pairs at threshold 0, declared text variants: the documents must find other neighbours,
    // which a top list cut before the variants were taken out would have left empty.
    const first = subjectPairs(docs, never, 0);
    const variants = new Set(first.map(key));
    const second = subjectPairs(docs, (i, j) => variants.has(`${docs[i].id},${docs[j].id}`) || variants.has(`${docs[j].id},${docs[i].id}`), 0);
    expect(second.filter((p) => variants.has(key(p)))).toEqual([]);
    const reached = new Set(second.flatMap((p) => [p.a, p.b]));
    // Most regulations share some rare wording (工商, 设区的市 …) with another one, far below the threshold.
    expect(reached.size).toBeGreaterThanOrEqual(docs.length / 2);
  });

  it(`keeps at most ${SUBJECT_NEIGHBOURS} neighbours of each document's own choosing`, () => {
    // At threshold 0 every document reached competes. Declaring each round's pairs text variants makes the
    // next round list the next best, until every pair sharing an informative term has been listed.
    const rounds: number[] = [];
    const listed = new Set<string>();
    for (let r = 0; r < 100; r++) {
      const pairs = subjectPairs(docs, (i, j) => listed.has(`${docs[i].id},${docs[j].id}`) || listed.has(`${docs[j].id},${docs[i].id}`), 0);
      if (!pairs.length) break;
      rounds.push(pairs.length);
      for (const p of pairs) listed.add(key(p));
    }
    // A pair is one of its documents' own best, so a round lists at most that many per document …
    for (const count of rounds) expect(count).toBeLessThanOrEqual(SUBJECT_NEIGHBOURS * docs.length);
    // … and documents with more candidates than that had to wait for the next rounds.
    expect(rounds.length).toBeGreaterThan(1);
    expect(rounds[0]).toBeLessThan(listed.size);
  });

  it("names terms that both documents' texts contain", () => {
    const text = (d: PolicyDocument) => d.title + flattenUnits(d.units).map(unitOwnText).join('|');
    const pairs = subjectPairs(docs, never, 0);
    expect(pairs.every((p) => p.terms.length > 0)).toBe(true);
    for (const p of pairs) for (const t of p.terms) expect([t, text(byId(p.a)).includes(t), text(byId(p.b)).includes(t)]).toEqual([t, true, true]);
    // The same regulation at two dates shares its title's words first.
    for (const p of subjectPairs(docs, never)) expect(byId(p.a).title).toContain(p.terms[0]);
  });
});

describe('subjectPairs on small hand-made corpora', () => {
  // Thirty documents of random ideographs, titled like the regulations around them (某市…管理办法: common title
  // words), so that the hand-made ones below are scored among a corpus; their own bigrams are found nowhere else.
  const rnd = mulberry32(3);
  const ideograph = () => String.fromCharCode(0x4e00 + Math.floor(rnd() * 0x5000));
  const text = (n: number) => Array.from({ length: n }, ideograph).join('');
  const noise = Array.from({ length: 30 }, (_, i) => articlesDoc(`r${String(i).padStart(2, '0')}`, `某市${text(4)}管理办法`, [text(1500)]));
  const pairsOf = (docs: PolicyDocument[]) => subjectPairs(docs, never).map((p) => `${p.a},${p.b}`);

  it("a place's or an issuer's name says who wrote a text, not what it is about", () => {
    const xm = { issuers: ['厦门市思明区人民政府'], region: { level: 'city', province: '福建省', city: '厦门市' } } as Partial<PolicyDocument>;
    const greening = articlesDoc('s1', '厦门市城市绿化管理办法', ['厦门市城市绿化工作由厦门市思明区人民政府统一领导，各街道办事处负责辖区内绿地的日常养护。', '新建居住区绿地面积不得低于总用地面积的百分之三十，厦门市思明区人民政府定期组织检查。'], xm);
    const housing = articlesDoc('s2', '厦门市住房公积金归集管理办法', ['厦门市住房公积金归集工作由厦门市思明区人民政府统一领导，各单位应当按时足额缴存职工住房公积金。', '职工提取住房公积金的，厦门市思明区人民政府所属经办机构应当在三个工作日内办结。'], xm);
    const province = articlesDoc('s3', '福建省城市绿化条例', ['福建省城市绿化工作由福建省人民政府统一领导，各设区的市人民政府负责本行政区域内绿地的日常养护。', '新建居住区绿地面积不得低于总用地面积的百分之三十，福建省人民政府定期组织检查。'], {
      issuers: ['福建省人民代表大会常务委员会'],
      region: { level: 'province', province: '福建省', city: null },
    } as Partial<PolicyDocument>);
    const pairs = subjectPairs([...noise, greening, housing, province], never);
    // The city's and the province's greening rules are on one subject; the city's greening and housing rules, by one
    // issuer (its full name, which holds the city's and the district's), are not.
    expect(pairs.map((p) => `${p.a},${p.b}`)).toEqual(['s1,s3']);
    expect(pairs[0].terms).toContain('绿化');
    for (const name of ['厦门', '福建', '思明', '明区']) expect(pairs[0].terms).not.toContain(name);
  });

  it(`ties go to the documents first in the list: one of four equal copies is left out of a document's ${SUBJECT_NEIGHBOURS}`, () => {
    const rule = articlesDoc('a', '某市城市绿化管理办法', [GREENING[0], '县城绿化工作由县住房和城乡建设局负责，乡镇人民政府负责本辖区内的绿化管理工作，村民委员会协助做好村庄绿化。']);
    const copies = ['c1', 'c2', 'c3', 'c4'].map((id) => articlesDoc(id, '某市城市绿化管理实施细则', GREENING));
    const copyPairs = ['c1,c2', 'c1,c3', 'c1,c4', 'c2,c3', 'c2,c4', 'c3,c4'];
    // Each copy's own three are other copies (score 1), so the rule's pairs are the rule's choice alone.
    expect(pairsOf([...noise, rule, ...copies])).toEqual(['a,c1', 'a,c2', 'a,c3', ...copyPairs]);
    expect(pairsOf([...noise, rule, ...copies.slice().reverse()])).toEqual(['a,c2', 'a,c3', 'a,c4', ...copyPairs]);
    // Identical documents are identical in subject, common title words (某市, 管理) included.
    expect(subjectPairs([...noise, rule, ...copies], never).find((p) => p.a === 'c1' && p.b === 'c2')!.score).toBe(1);
  });

  it('reads every word of a long document in a corpus of many distinct words', () => {
    // 70,000 characters of noise before its housing articles: the subject is at the end of the text.
    const long = articlesDoc('zl', '关于印发某市住房公积金提取管理办法的通知', [text(70_000), ...HOUSING, ...HOUSING]);
    const short = articlesDoc('zs', '某县住房公积金贷款实施细则', [HOUSING[1], '住房公积金贷款的期限最长不超过三十年，贷款额度根据借款人还款能力和住房公积金账户余额确定。']);
    const pairs = subjectPairs([...noise, long, short], never);
    expect(pairs.map((p) => `${p.a},${p.b}`)).toEqual(['zl,zs']);
    expect(pairs[0].terms.slice(0, 4)).toEqual(['住房', '房公', '公积', '积金']);
  });
});

describe('rankSubjects against a plain reading of its definition', () => {
  // The ranking's definition, written out directly over bigram codes (no index, no heap, no hash table): a term's
  // document frequency counts a document once (title and body alike); idf = ln((n + 1) / (df + 1)) + 1; terms in more
  // than max(2, min(300, ⌊n/4⌋)) documents are common. A title vector is its terms' idf, normalised; a body's key terms
  // are its 150 heaviest informative terms by (1 + ln tf)·idf, ties to the smaller code, normalised. Document j is
  // reached from i through an informative title term both titles hold or a key term both bodies keep, and scores
  // half its titles' cosine plus half its key terms'. Candidates at or over the threshold, best first, then by index.
  type Terms = { title: Int32Array; body: Int32Array; tf: Int32Array };
  function reference(docs: Terms[], threshold: number): [number, number][][] {
    const n = docs.length;
    const df = new Map<number, number>();
    for (const d of docs) for (const c of new Set([...d.title, ...d.body])) df.set(c, (df.get(c) ?? 0) + 1);
    const idf = (c: number) => Math.log((n + 1) / (df.get(c)! + 1)) + 1;
    const common = (c: number) => df.get(c)! > Math.max(2, Math.min(300, Math.floor(n / 4)));
    const unit = (m: Map<number, number>) => {
      const norm = Math.sqrt([...m.values()].reduce((s, w) => s + w * w, 0)) || 1;
      return new Map([...m].map(([c, w]) => [c, w / norm]));
    };
    const titles = docs.map((d) => unit(new Map([...d.title].map((c) => [c, idf(c)]))));
    const keys = docs.map((d) => {
      const weighed = [...d.body].map((c, k) => ({ c, w: (1 + Math.log(d.tf[k])) * idf(c) })).filter(({ c }) => !common(c));
      weighed.sort((x, y) => y.w - x.w || x.c - y.c);
      return unit(new Map(weighed.slice(0, 150).map(({ c, w }) => [c, w])));
    });
    const dot = (a: Map<number, number>, b: Map<number, number>) => [...a].reduce((s, [c, w]) => s + w * (b.get(c) ?? 0), 0);
    return docs.map((_, i) => {
      const out: [number, number][] = [];
      for (let j = 0; j < n; j++) {
        if (j === i) continue;
        const reached = [...titles[i].keys()].some((c) => !common(c) && titles[j].has(c)) || [...keys[i].keys()].some((c) => keys[j].has(c));
        const score = 0.5 * dot(titles[i], titles[j]) + 0.5 * dot(keys[i], keys[j]);
        if (reached && score >= threshold) out.push([j, score]);
      }
      // Scores within 1e-12 are one score (the ranking sums in another order): then the smaller index first.
      return out.sort((x, y) => (Math.abs(x[1] - y[1]) > 1e-12 ? y[1] - x[1] : x[0] - y[0]));
    });
  }

  /**
   * `n` documents of random codes: titles from 12 codes (so some are common), bodies from 120 with counts 1–4, a title
   * code in some bodies; documents 0 and 1 the same (equal scores everywhere); document 2's body 200 codes that each
   * one other document holds (so its 150 key terms are cut among weights that differ only by their counts).
   */
  function corpus(n: number, seed: number): Terms[] {
    const rnd = mulberry32(seed);
    const pick = (from: number, span: number, count: number) => [...new Set(Array.from({ length: count }, () => from + Math.floor(rnd() * span)))];
    const docs: Terms[] = Array.from({ length: n }, () => {
      const body = [...pick(1000, 120, 10 + Math.floor(rnd() * 30)), ...pick(0, 12, 2)];
      return { title: Int32Array.from(pick(0, 12, 2 + Math.floor(rnd() * 4))), body: Int32Array.from(new Set(body)), tf: Int32Array.from(new Set(body), () => 1 + Math.floor(rnd() * 4)) };
    });
    docs[1] = { title: docs[0].title.slice(), body: docs[0].body.slice(), tf: docs[0].tf.slice() };
    const wide = Array.from({ length: 200 }, (_, k) => 5000 + k);
    // Twenty more of count 1 in two more documents each (df 3, so lighter than any of the 200): never kept, being
    // lighter than the cut (common, and so never met, at 6 documents).
    const light = Array.from({ length: 20 }, (_, k) => 6000 + k);
    // The 200 in an order of their own (the first 150 met are not the 150 smallest), but the largest of count 1 after
    // them and the twenty last: a heap that let in an equal weight of a larger code, or a lighter one, would keep the last.
    const mixed = wide.slice(0, -1).map((c) => ({ c, r: rnd() }));
    const shuffled = [...mixed.sort((x, y) => x.r - y.r).map(({ c }) => c), wide[wide.length - 1], ...light];
    // Counts 4, 3, 2, 1, 1 by code in turn: four weights, forty codes each of the first three and eighty of 1, so the
    // heap orders unequal weights that the codes' order does not follow, and the cut at 150 falls among the eighty
    // equal ones (the 30 smallest codes of them kept).
    docs[2] = { title: docs[2].title, body: Int32Array.from(shuffled), tf: Int32Array.from(shuffled, (c) => (c >= 6000 ? 1 : [4, 3, 2, 1, 1][(c - 5000) % 5])) };
    // Each of the 200 in one more document's body, spread over documents 3…: df 2 for all, so their idf is one; each
    // of the twenty in two more.
    const add = (d: Terms, c: number) => {
      d.body = Int32Array.from([...d.body, c]);
      d.tf = Int32Array.from([...d.tf, 1]);
    };
    wide.forEach((c, k) => add(docs[3 + (k % (n - 3))], c));
    light.forEach((c, k) => [k, k + 1].forEach((m) => add(docs[3 + (m % (n - 3))], c)));
    return docs;
  }

  for (const [n, seed] of [
    [6, 1],
    [17, 2],
    [40, 3],
  ])
    it(`ranks as defined: ${n} documents (common above ${Math.max(2, Math.floor(n / 4))} documents), at threshold 0 and at the build's`, () => {
      const docs = corpus(n, seed);
      for (const threshold of [0, 0.22]) {
        const r = rankSubjects(docs, threshold);
        const got = docs.map((_, i) => Array.from(r.rankDoc.subarray(r.rankStart[i], r.rankStart[i + 1]), (j, k): [number, number] => [j, r.rankScore[r.rankStart[i] + k]]));
        const want = reference(docs, threshold);
        expect(got.map((list) => list.map(([j]) => j))).toEqual(want.map((list) => list.map(([j]) => j)));
        got.forEach((list, i) => list.forEach(([, s], k) => expect(s).toBeCloseTo(want[i][k][1], 12)));
      }
      // The copies score 1 with each other, and every other document lists them side by side, 0 before 1.
      const r = rankSubjects(docs, 0);
      expect(r.rankDoc[r.rankStart[0]]).toBe(1);
      expect(r.rankScore[r.rankStart[0]]).toBeCloseTo(1, 12);
    });
});
