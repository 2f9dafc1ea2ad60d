/**
 * Clause matching with a helper (clause-helper.ts: ClauseHelper, helperPairs; minhash.ts: BandWalk): the bands
 * dealt out between two walkers give the matches one walker gives. The helper here runs in this thread; the
 * build's, in a worker thread over shared memory, is tested in cli/clause-thread.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { PolicyDocument, Unit } from '../corpus/types.js';
import { mulberry32 } from '../util/random.js';
import { CANDIDATE_CLAUSE_SIMILARITY, matchClauseLists, prepare, unitSignatures } from './clause-matches.js';
import { helperBand, helperPairs, type ClauseHelper, type ClauseJob } from './clause-helper.js';
import { CLAUSE_LSH_ROWS, forEachCandidate, MAX_BUCKET, SIGNATURE_LENGTH } from './minhash.js';
import { keptMatches as kept } from '../../test-support/kept-matches.js';

const HAN = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质';

function doc(id: string, texts: string[]): PolicyDocument {
  const units = texts.map((t, i) => ({ id: `${id}~ar${i + 1}`, path: `ar${i + 1}`, level: 'article', label: '', heading: null, paragraphs: [{ text: t, pages: [] }], pages: [], children: [] }) as unknown as Unit);
  return { id, title: `某某办法${id}`, titleSource: 'title-line', issuer: '', issuers: [], date: null, effectiveDate: null, region: { level: 'unknown', province: null, city: null }, kind: '办法', addressees: null, signature: [], units } as unknown as PolicyDocument;
}

/**
 * Documents whose articles are drawn from 40 base clauses, each copied whole or with a share of its characters
 * replaced (so pairs of every similarity, met in early and late bands), plus one clause printed unchanged in
 * MAX_BUCKET + 12 documents (a crowd: paired within a window, and equal signatures) and articles of their own.
 */
function corpus(seed: number): PolicyDocument[] {
  const rnd = mulberry32(seed);
  const text = (len: number) => Array.from({ length: len }, () => HAN[Math.floor(rnd() * HAN.length)]).join('');
  const base = Array.from({ length: 40 }, () => text(50));
  const rewrite = (s: string, share: number) => [...s].map((c) => (rnd() < share ? HAN[Math.floor(rnd() * HAN.length)] : c)).join('');
  const everywhere = text(50);
  return Array.from({ length: 120 }, (_, d) => {
    const articles = Array.from({ length: 4 }, () => rewrite(base[Math.floor(rnd() * base.length)], [0, 0.1, 0.3, 0.5][Math.floor(rnd() * 4)]));
    if (d < MAX_BUCKET + 12) articles.push(everywhere);
    articles.push(text(40));
    return doc(`d${String(d).padStart(3, '0')}`, articles);
  });
}

/** A helper in this thread: walks its bands when started, then hands its batches over one per `take`, the rest when waited for. */
class InlineHelper implements ClauseHelper {
  batches: Float64Array[] = [];
  taken = 0;
  readonly walks = helperBand;
  constructor(private readonly accept = true) {}
  start(job: ClauseJob): boolean {
    if (!this.accept) return false;
    helperPairs(job, (t) => this.batches.push(t));
    return true;
  }
  take(wait: boolean): Float64Array[] {
    const out = wait ? this.batches.splice(0) : this.batches.splice(0, 1);
    this.taken += out.length;
    return out;
  }
}

function prepared(seed: number) {
  const p = prepare(corpus(seed));
  const { sigs, own } = unitSignatures(p, new Uint32Array(0));
  return { p, sigs, own };
}

describe('clause matching with a helper', () => {
  it('gives the matches one thread gives, on three corpora', () => {
    for (const seed of [1, 2, 3]) {
      const { p, sigs, own } = prepared(seed);
      const alone = kept(matchClauseLists(p, 'lsh', sigs, own));
      const helper = new InlineHelper();
      const shared = kept(matchClauseLists(p, 'lsh', sigs, own, helper));
      expect(shared).toEqual(alone);
      // The helper found pairs of its own and they were all taken, some between bands, the rest at the end.
      expect(helper.taken).toBeGreaterThan(1);
      expect(helper.batches).toEqual([]);
      expect(alone.length).toBeGreaterThan(500);
    }
  });

  it("is the helper's pairs and this thread's together: without the helper's, matches are missing", () => {
    const { p, sigs, own } = prepared(4);
    const dropping: ClauseHelper = { walks: helperBand, start: (job) => (helperPairs(job, () => undefined), true), take: () => [] };
    const alone = kept(matchClauseLists(p, 'lsh', sigs, own));
    const half = kept(matchClauseLists(p, 'lsh', sigs, own, dropping));
    expect(half.length).toBeLessThan(alone.length);
    expect(half.length).toBeGreaterThan(0);
  });

  it('a helper that declines leaves every band to this thread', () => {
    const { p, sigs, own } = prepared(5);
    const helper = new InlineHelper(false);
    expect(kept(matchClauseLists(p, 'lsh', sigs, own, helper))).toEqual(kept(matchClauseLists(p, 'lsh', sigs, own)));
    expect(helper.taken).toBe(0);
  });
});

describe('bands dealt out (BandWalk)', () => {
  it('two walkers of complementary bands meet every pair one walker meets, each pair once', () => {
    const { p, sigs } = prepared(6);
    const group = p.units.map((u) => u.doc);
    const ids = p.units.map((_, i) => i * 7919);
    const walk = (mine?: (band: number) => boolean) => {
      const pairs: string[] = [];
      const bands: number[] = [];
      let band = 0;
      forEachCandidate(Array.from({ length: sigs.length }, (_, u) => sigs.of(u)), (i, j) => pairs.push(`${i},${j}`), group, CLAUSE_LSH_ROWS, ids, {
        mine: mine && ((b) => (mine(b) ? ((band = b), true) : false)),
        afterBand: () => bands.push(band),
      });
      return { pairs, bands };
    };
    const all = walk();
    const odd = walk(helperBand);
    const even = walk((b) => !helperBand(b));
    const bands = SIGNATURE_LENGTH / CLAUSE_LSH_ROWS;
    expect(odd.bands).toEqual(Array.from({ length: Math.floor(bands / 2) }, (_, k) => 2 * k + 1));
    expect(even.bands).toEqual(Array.from({ length: Math.ceil(bands / 2) }, (_, k) => 2 * k));
    expect(odd.pairs.length).toBeGreaterThan(0);
    expect(even.pairs.length).toBeGreaterThan(0);
    const both = [...odd.pairs, ...even.pairs];
    expect(new Set(both).size).toBe(both.length);
    expect(both.sort()).toEqual(all.pairs.sort());
    expect(new Set(all.pairs).size).toBe(all.pairs.length);
  });
});

describe('helperPairs', () => {
  // Items whose signatures differ in band 0 (rows 0 and 1) and agree from band 1 on: each pair is first met in
  // band 1, one of the helper's.
  const base = Uint32Array.from({ length: SIGNATURE_LENGTH }, (_, k) => 900 + k);
  const sig = (i: number) => {
    const s = base.slice();
    s[0] = i;
    s[1] = 100 + i;
    return s;
  };
  const items = (n: number) => ({ group: Int32Array.from({ length: n }, (_, i) => i), ids: Uint32Array.from({ length: n }, (_, i) => i) });

  it('reports the pairs it meets from CANDIDATE_CLAUSE_SIMILARITY on, one at exactly that similarity too', () => {
    expect(helperBand(1)).toBe(true);
    expect(CANDIDATE_CLAUSE_SIMILARITY).toBe(0.25);
    // 0 and 1 share 2 of 8 shingles (0.25; too short to count as contained); 2 shares 1 of 13 with each.
    const sets = [[1, 2, 3, 4, 5], [4, 5, 6, 7, 8], [5, 9, 10, 11, 12, 13, 14, 15, 16]].map((x) => Uint32Array.from(x));
    const reported: number[] = [];
    helperPairs({ sigs: [0, 1, 2].map(sig), sets, ...items(3) }, (t) => reported.push(...t));
    expect(reported).toEqual([0, 1, 0.25]);
  });

  it('reports in batches of at most the pairs asked, every pair once, a band’s last batch before the band is over', () => {
    const n = 7;
    const same = Uint32Array.from({ length: 10 }, (_, k) => 10 * k + 3);
    const batches: number[][] = [];
    const afterBands: number[] = [];
    helperPairs({ sigs: Array.from({ length: n }, (_, i) => sig(i)), sets: Array.from({ length: n }, () => same), ...items(n) }, (t) => batches.push([...t]), () => afterBands.push(batches.length), 2);
    // 21 pairs, all met in band 1, each of similarity 1: ten batches of two, then the band's last pair.
    expect(batches.map((b) => b.length / 3)).toEqual([2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 1]);
    expect(afterBands).toEqual(Array.from({ length: Math.floor(SIGNATURE_LENGTH / CLAUSE_LSH_ROWS / 2) }, () => 11));
    const pairs = batches.flat().reduce((out, v, k, all) => (k % 3 === 0 ? [...out, `${v},${all[k + 1]}@${all[k + 2]}`] : out), [] as string[]);
    const expected = Array.from({ length: n }, (_, x) => Array.from({ length: n - x - 1 }, (_, d) => `${x},${x + d + 1}@1`)).flat();
    expect(pairs.sort()).toEqual(expected.sort());
  });
});
