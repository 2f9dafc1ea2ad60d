/**
 * Clause matching (clause-matches.ts) on small hand-made documents: which units are matched, counted one to
 * one per document pair, and what a document's stored entry holds. Whole detections are in detect.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { commonPart } from './common.js';
import {
  BestMatches,
  CLAUSE_SIMILARITY,
  docPairKey,
  docSignature,
  docWordings,
  matchClauses,
  MAX_CLAUSE_CANDIDATES,
  prepare,
  PreparedUnit,
  preparedEntry,
  sharedClauseCounts,
  unitSignatures,
  wordingSets,
  type ClauseGraph,
} from './clause-matches.js';
import { UnitSigs } from './unit-sigs.js';
import { articlesDoc as doc, GREENING, HOUSING, MEASURES } from './fixtures/measures.js';
import { decodePreparedEntry, type PreparedCache } from './prepared-cache.js';
import { SIGNATURE_LENGTH } from './minhash.js';
import { shingleSet } from './shingles.js';
import { setSimilarity } from './measures.js';
import { mulberry32 } from '../util/random.js';

/** Unit id pairs of a graph, each once, as "x|y" with x < y. */
function pairIds(p: ReturnType<typeof prepare>, g: ClauseGraph): string[] {
  const out = new Set<string>();
  for (let u = 0; u + 1 < g.start.length; u++)
    for (let k = g.start[u]; k < g.start[u + 1]; k++) {
      const [x, y] = [p.units[u].id, p.units[g.other[k]].id].sort();
      out.add(`${x}|${y}`);
    }
  return [...out].sort();
}

function match(docs: Parameters<typeof prepare>[0], method: 'lsh' | 'all-pairs' = 'lsh', common: Uint32Array = new Uint32Array(0)) {
  const p = prepare(docs);
  // As detection does: measuring every pair needs no signatures, and counts every unit as having its own shingles.
  const { sigs, own } = method === 'lsh' ? unitSignatures(p, common) : { sigs: new UnitSigs(0), own: new Int32Array(p.units.length).fill(8) };
  const g = matchClauses(p, method, sigs, own);
  return { p, g, counts: sharedClauseCounts(p, g) };
}

describe('matchClauses', () => {
  it('pairs alike units of different documents, never two units of one document', () => {
    // pA prints its 1st measure twice; pB has the 1st and the 2nd.
    const { p, g } = match([doc('pB', '某区优化营商环境若干措施', [MEASURES[0], MEASURES[1]]), doc('pA', '某市优化营商环境若干措施', [MEASURES[0], MEASURES[0], MEASURES[1], GREENING[0]])]);
    expect(p.docs.map((d) => d.doc.id)).toEqual(['pA', 'pB']);
    expect(pairIds(p, g)).toEqual(['pA~ar1|pB~ar1', 'pA~ar2|pB~ar1', 'pA~ar3|pB~ar2']);
    expect(g.pairs).toBe(3);
    const all = match(p.docs.map((d) => d.doc), 'all-pairs');
    expect(pairIds(all.p, all.g)).toEqual(['pA~ar1|pB~ar1', 'pA~ar2|pB~ar1', 'pA~ar3|pB~ar2']);
    // Every pair is listed from both of its units.
    expect(g.start[g.start.length - 1]).toBe(6);
  });

  it('finds by LSH what measuring every pair finds', () => {
    const docs = [doc('pA', '甲', [...MEASURES, ...GREENING]), doc('pB', '乙', [MEASURES[1], GREENING[2], HOUSING[0]]), doc('pC', '丙', [HOUSING[0], MEASURES[4]])];
    const lsh = match(docs);
    const all = match(docs, 'all-pairs');
    expect(pairIds(lsh.p, lsh.g)).toEqual(['pA~ar2|pB~ar1', 'pA~ar5|pC~ar2', 'pA~ar8|pB~ar2', 'pB~ar3|pC~ar1']);
    expect(pairIds(all.p, all.g)).toEqual(pairIds(lsh.p, lsh.g));
  });

  it('leaves out a unit too short to tell, and one made of boilerplate', () => {
    const short = '本办法自发布之日起施行。'; // seven shingles of five characters
    const eight = '本办法由市司法局负责解释。'; // eight: just enough
    const docs = [doc('pA', '甲', [short, MEASURES[0], MEASURES[1], eight]), doc('pB', '乙', [short, MEASURES[0], MEASURES[1], eight])];
    const expected = ['pA~ar2|pB~ar2', 'pA~ar3|pB~ar3', 'pA~ar4|pB~ar4'];
    expect(pairIds(match(docs).p, match(docs).g)).toEqual(expected);
    const all = match(docs, 'all-pairs');
    expect(pairIds(all.p, all.g)).toEqual(expected);
    expect(all.g.pairs).toBe(3);
    // The 1st measure's shingles common to the corpus: it has no shingles of its own left to match on.
    const common = wordingSets(docWordings(doc('pX', '戊', [MEASURES[0]])).wordings).unitSets[0];
    const { p, g } = match(docs, 'lsh', common);
    expect(pairIds(p, g)).toEqual(['pA~ar3|pB~ar3', 'pA~ar4|pB~ar4']);
  });

  it(`keeps at most ${MAX_CLAUSE_CANDIDATES} counterparts per unit, and a pair while either of its units keeps it`, () => {
    // One measure in 15 documents: each unit has 14 equal candidates and keeps 12, at a tie those first in
    // document order. p12, p13 and p14 are each outside the other two's twelve: those three pairs alone are gone.
    const docs = Array.from({ length: 15 }, (_, i) => doc(`p${String(i).padStart(2, '0')}`, `某地优化营商环境措施${i}`, [MEASURES[2]]));
    const { p, g } = match(docs);
    const degrees = Array.from({ length: 15 }, (_, u) => g.start[u + 1] - g.start[u]);
    expect(degrees).toEqual([14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 12, 12, 12]);
    expect(g.pairs).toBe((15 * 14) / 2 - 3);
    const all = pairIds(p, g);
    expect(['p12~ar1|p13~ar1', 'p12~ar1|p14~ar1', 'p13~ar1|p14~ar1'].filter((x) => all.includes(x))).toEqual([]);
    expect(Math.min(...degrees)).toBe(MAX_CLAUSE_CANDIDATES);
  });
});

describe('sharedClauseCounts', () => {
  it('counts clauses matched one to one: a measure printed twice is matched once', () => {
    const { counts } = match([doc('pA', '甲', [MEASURES[0], MEASURES[0], MEASURES[1]]), doc('pB', '乙', [MEASURES[0], MEASURES[1]]), doc('pC', '丙', [MEASURES[1], HOUSING[0]]), doc('pD', '丁', GREENING)]);
    expect(Object.fromEntries(counts)).toEqual({ [docPairKey(0, 1, 4)]: 2, [docPairKey(0, 2, 4)]: 1, [docPairKey(1, 2, 4)]: 1 });
  });

  it('takes the best matches first', () => {
    // pB's single unit is a copy of pA's 2nd unit and a near copy of its 1st: matched to the copy.
    const near = MEASURES[0].replace('深化', '深入');
    const { p, g, counts } = match([doc('pA', '甲', [near, MEASURES[0]]), doc('pB', '乙', [MEASURES[0]])]);
    expect(pairIds(p, g)).toEqual(['pA~ar1|pB~ar1', 'pA~ar2|pB~ar1']);
    expect(counts.get(docPairKey(0, 1, 2))).toBe(1);
  });

  it('takes the best matches first, one to one, even where taking them in unit order would match more', () => {
    // pA's 1st unit is the 1st measure with one word changed, followed by a sentence that is pB's 2nd unit whole;
    // pA's 2nd unit is the 1st measure. Best first: (pA 1st, pB 2nd) and (pA 2nd, pB 1st), both whole: two.
    // In unit order pA's 1st would take pB's 1st (0.9 alike) and leave pA's 2nd nothing.
    const extra = '区政务服务中心设立企业开办专区，提供免费刻章和税控设备。';
    const { p, g, counts } = match([doc('pA', '甲', [MEASURES[0].replace('推行', '推进') + extra, MEASURES[0]]), doc('pB', '乙', [MEASURES[0], extra])]);
    expect(pairIds(p, g)).toEqual(['pA~ar1|pB~ar1', 'pA~ar1|pB~ar2', 'pA~ar2|pB~ar1']);
    expect(counts.get(docPairKey(0, 1, 2))).toBe(2);
  });

  it('counts only clauses alike from CLAUSE_SIMILARITY: a half-rewritten one makes the documents candidates, not a shared clause', () => {
    const half = '深化商事制度改革，推行企业开办全程网上办理，将企业开办时间压缩至半天，印章和发票同步免费发放到位。';
    const { p, g, counts } = match([doc('pA', '甲', [MEASURES[0]]), doc('pB', '乙', [half])], 'all-pairs');
    expect(g.pairs).toBe(1);
    expect(g.sim[0]).toBeGreaterThanOrEqual(0.25);
    expect(g.sim[0]).toBeLessThan(0.5);
    expect(pairIds(p, g)).toEqual(['pA~ar1|pB~ar1']);
    expect(counts.size).toBe(0);
    // At exactly CLAUSE_SIMILARITY the clause is shared; just under, it is not.
    g.sim.fill(CLAUSE_SIMILARITY);
    expect(sharedClauseCounts(p, g).get(docPairKey(0, 1, 2))).toBe(1);
    g.sim.fill(CLAUSE_SIMILARITY - 1e-9);
    expect(sharedClauseCounts(p, g).size).toBe(0);
  });

  it('a document pair key is the same either way round', () => {
    expect(docPairKey(2, 5, 10)).toBe(25);
    expect(docPairKey(5, 2, 10)).toBe(25);
  });
});

describe('signatures and stored entries', () => {
  it("a document's signature is the least of its units' values, position by position", () => {
    const a = Uint32Array.from({ length: SIGNATURE_LENGTH }, (_, i) => (i % 2 ? 10 : 20));
    const b = Uint32Array.from({ length: SIGNATURE_LENGTH }, (_, i) => (i % 2 ? 30 : 5));
    expect(Array.from(docSignature([0, 1], UnitSigs.of([a, b])).slice(0, 4))).toEqual([5, 10, 5, 10]);
    expect(Array.from(docSignature([1], UnitSigs.of([a, b])).slice(0, 2))).toEqual([5, 30]);
    expect(docSignature([], UnitSigs.of([a, b])).every((x) => x === 0xffffffff)).toBe(true);
  });

  it('a document is compared on its own units, not on its title, addressees or signature', () => {
    const d = { ...doc('pA', '某市优化营商环境若干措施', [MEASURES[0], MEASURES[1]]), addressees: '各区人民政府，市直各单位：', signature: ['某市人民政府'] };
    const { ids, wordings } = docWordings(d);
    expect(ids).toEqual(['pA~ar1', 'pA~ar2']);
    expect(wordings).toHaveLength(2);
    const { unitSets, docSet } = wordingSets(wordings);
    expect(unitSets.map((s) => s.length)).toEqual(wordings.map((w) => shingleSet(w).length));
    expect(docSet.length).toBeGreaterThanOrEqual(unitSets[0].length + unitSets[1].length - 8);
  });

  it("a worker's entry is the one detection stores for the document", () => {
    const docs = [doc('pA', '甲', [MEASURES[0], GREENING[0]]), doc('pB', '乙', [MEASURES[0], HOUSING[1]])];
    const stored = new Map<string, Uint8Array>();
    const cache: PreparedCache = { get: () => null, put: (d, e) => void stored.set(d.id, e) };
    const { ids, wordings } = docWordings(docs[0]);
    const { unitSets, docSet } = wordingSets(wordings);
    // Ten of the greening article's shingles are common in the corpus.
    const common = unitSets[1].slice(0, 10);
    const p = prepare(docs);
    unitSignatures(p, common, cache);
    expect([...stored.keys()]).toEqual(['pA', 'pB']);
    const entry = preparedEntry(ids, unitSets, docSet, common);
    expect(decodePreparedEntry(stored.get('pA')!, docs[0])).toEqual(entry);
    expect(Array.from(entry.boiler)).toEqual(Array.from(commonPart(unitSets, common)));
    expect(entry.boiler.length).toBe(10);
    expect(Array.from(entry.own)).toEqual([unitSets[0].length, unitSets[1].length - 10]);
  });

  it('a document taken from the cache is matched as if computed', () => {
    const docs = [doc('pB', '乙', [MEASURES[0], HOUSING[1]]), doc('pA', '甲', [MEASURES[0], GREENING[0]])];
    const stored = new Map<string, Uint8Array>();
    const puts: string[] = [];
    const cache: PreparedCache = { get: (d) => stored.get(d.id) ?? null, put: (d, e) => void (puts.push(d.id), stored.set(d.id, e)) };
    const first = prepare(docs, cache);
    const fresh = unitSignatures(first, new Uint32Array(0), cache);
    const again = prepare(docs, cache);
    expect(again.docs.map((d) => [d.doc.id, d.entry !== undefined])).toEqual([
      ['pA', true],
      ['pB', true],
    ]);
    const reused = unitSignatures(again, new Uint32Array(0), cache);
    // Taken, not computed and stored again.
    expect(puts).toEqual(['pA', 'pB']);
    const all = (sigs: UnitSigs) => Array.from({ length: sigs.length }, (_, u) => Array.from(sigs.of(u)));
    expect(all(reused.sigs)).toEqual(all(fresh.sigs));
    expect(Array.from(reused.own)).toEqual(Array.from(fresh.own));
    expect(pairIds(again, matchClauses(again, 'lsh', reused.sigs, reused.own))).toEqual(['pA~ar1|pB~ar1']);
    // Its units' sets are read where the stored entry holds them: the same shingles as computed, in the entry's bytes.
    expect(again.units.map((u) => Array.from(u.set))).toEqual(first.units.map((u) => Array.from(u.set)));
    expect(again.units.map((u) => u.size)).toEqual(first.units.map((u) => u.set.length));
    expect(again.units[0].set.buffer).toBe(stored.get('pA')!.buffer);
    expect(again.units[again.units.length - 1].set.buffer).toBe(stored.get('pB')!.buffer);
  });
});

describe('a prepared unit', () => {
  it('measures its clause similarity where the sets lie, as setSimilarity of the two sets', () => {
    const rnd = mulberry32(21);
    const sortedSet = (n: number) => Uint32Array.from(new Set(Array.from({ length: n }, () => Math.floor(rnd() * 60)))).sort();
    const sets = [sortedSet(40), sortedSet(30), sortedSet(9), sortedSet(5), new Uint32Array(0), sortedSet(50)];
    // All of them one after the other in one buffer, with a word before and after each that belongs to none.
    const words = new Uint32Array(sets.reduce((n, x) => n + x.length + 2, 0)).fill(7);
    const placed: PreparedUnit[] = [];
    let at = 0;
    sets.forEach((x, k) => {
      words.set(x, at + 1);
      placed.push(new PreparedUnit(`d~${k}`, k, words, at + 1, x.length));
      at += x.length + 2;
    });
    const alone = sets.map((x, k) => new PreparedUnit(`d~${k}`, k, x));
    for (let i = 0; i < sets.length; i++) {
      expect(Array.from(placed[i].set)).toEqual(Array.from(sets[i]));
      for (let j = 0; j < sets.length; j++) {
        const sim = setSimilarity(sets[i], sets[j]);
        expect([i, j, placed[i].similarity(placed[j])]).toEqual([i, j, sim]);
        expect([i, j, placed[i].similarity(alone[j])]).toEqual([i, j, sim]);
      }
    }
    // A contained short clause counts (0.85 of it found), not only the Jaccard.
    expect(new PreparedUnit('a', 0, sets[0]).similarity(new PreparedUnit('b', 1, sets[0].subarray(3, 12)))).toBe(1);
  });

  it('takes other sets when given them, and reads them from then on', () => {
    const u = new PreparedUnit('a', 0, Uint32Array.from([1, 2, 3, 4, 5, 6]), 1, 3);
    expect([Array.from(u.set), u.size]).toEqual([[2, 3, 4], 3]);
    u.set = Uint32Array.from([9, 10]);
    expect([Array.from(u.set), u.size]).toEqual([[9, 10], 2]);
    expect(u.similarity(new PreparedUnit('b', 1, Uint32Array.from([10, 11, 12])))).toBe(0.25);
  });
});

describe('prepare', () => {
  it("numbers documents and units in id order, whatever order it is given, and leaves the caller's list as it was", () => {
    const ids = ['p3', 'p0', 'p4', 'p1', 'p2'];
    const docs = ids.map((id, i) => doc(id, `措施${i}`, [MEASURES[i], GREENING[i % GREENING.length]]));
    const p = prepare(docs);
    expect(p.docs.map((d) => d.doc.id)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(p.units.map((u) => `${u.doc}:${u.id}`)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4'].flatMap((id, di) => [`${di}:${id}~ar1`, `${di}:${id}~ar2`]));
    expect(docs.map((d) => d.id)).toEqual(ids);
  });
});

describe('BestMatches', () => {
  /**
   * The graph BestMatches must give, worked out by brute force: each unit keeps its `cap` best counterparts (highest
   * similarity, then lowest index), and a pair kept by either unit is listed from both, with its similarity.
   */
  function expectedGraph(n: number, cap: number, pairs: [number, number, number][]): string[][] {
    const offers = Array.from({ length: n }, () => [] as [number, number][]);
    for (const [i, j, sim] of pairs) {
      offers[i].push([j, sim]);
      offers[j].push([i, sim]);
    }
    const adjacency = Array.from({ length: n }, () => new Map<number, number>());
    offers.forEach((list, i) => {
      for (const [j, sim] of [...list].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, cap)) {
        adjacency[i].set(j, sim);
        adjacency[j].set(i, sim);
      }
    });
    return adjacency.map((m) => [...m].map(([j, sim]) => `${j}:${sim}`).sort());
  }

  function graphOf(n: number, g: ClauseGraph): string[][] {
    return Array.from({ length: n }, (_, u) => {
      const out: string[] = [];
      for (let k = g.start[u]; k < g.start[u + 1]; k++) out.push(`${g.other[k]}:${g.sim[k]}`);
      return out.sort();
    });
  }

  it("keeps each unit's best matches whatever order they come in: the most similar, then the lowest index", () => {
    // Similarities from a few values, so that ties are common; pairs offered in a random order.
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const next = mulberry32(seed);
      const n = 9;
      const cap = 3;
      const pairs: [number, number, number][] = [];
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (next() < 0.8) pairs.push([i, j, [0.3, 0.5, 0.5, 0.7, 0.9][Math.floor(next() * 5)]]);
      for (let k = pairs.length - 1; k > 0; k--) {
        const r = Math.floor(next() * (k + 1));
        [pairs[k], pairs[r]] = [pairs[r], pairs[k]];
      }
      const best = new BestMatches(n, cap);
      for (const [i, j, sim] of pairs) best.add(i, j, sim);
      const g = best.graph();
      expect(graphOf(n, g), `seed ${seed}`).toEqual(expectedGraph(n, cap, pairs));
      expect(g.pairs * 2).toBe(g.start[n]);
      // The same graph from the mutual flags given whole, or in part (−1: looked up).
      const mutual = best.mutual();
      expect(graphOf(n, best.graph(mutual))).toEqual(graphOf(n, g));
      const some = Int8Array.from(mutual, (m, k) => (k % 2 ? m : -1));
      expect([...best.mutual(some)]).toEqual([...mutual]);
    }
  });

  it('takes a slot’s mutual flag where it is given, and looks it up where it is −1', () => {
    const best = new BestMatches(3, 2);
    best.add(0, 1, 0.9);
    best.offer(2, 0, 0.5);
    // Slots: unit 0's first (1: mutual), unit 1's first (0: mutual), unit 2's first (0: kept by 2 alone).
    expect([...best.mutual()]).toEqual([1, 0, 1, 0, 0, 0]);
    expect([...best.mutual(Int8Array.from([0, -1, -1, -1, 1, -1]))]).toEqual([0, 0, 1, 0, 1, 0]);
    // As looked up, unit 2's pair is listed from unit 0 too; said to be mutual, unit 0's own slot would list it, and none does.
    expect(graphOf(3, best.graph(best.mutual()))).toEqual([['1:0.9', '2:0.5'], ['0:0.9'], ['0:0.5']]);
    expect(graphOf(3, best.graph(Uint8Array.from([1, 0, 1, 0, 1, 0])))).toEqual([['1:0.9'], ['0:0.9'], ['0:0.5']]);
  });
});

