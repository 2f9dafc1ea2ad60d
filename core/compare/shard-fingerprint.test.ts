/**
 * A shard's fingerprint (shard-fingerprint.ts) changes with anything its shard is made of, and with nothing else:
 * the order units and counterparts come in, and counterparts below CLAUSE_SIMILARITY, which the shard leaves out.
 */
import { describe, expect, it } from 'vitest';
import type { ClauseGraph } from './clause-matches.js';
import { ShardFingerprints } from './shard-fingerprint.js';

const IDS = ['pA~ar1', 'pA~ar2', 'pB~ar1', 'pB~ar2', 'pC~ar7'];

/** A clause graph from each unit's (other unit, similarity) entries, in the order given. */
function graph(rows: [number, number][][]): ClauseGraph {
  const start = new Uint32Array(rows.length + 1);
  rows.forEach((r, u) => (start[u + 1] = start[u] + r.length));
  return { start, other: Int32Array.from(rows.flat().map(([v]) => v)), sim: Float64Array.from(rows.flat().map(([, s]) => s)), pairs: 0 };
}

const BASE: [number, number][][] = [[[2, 1], [4, 0.642]], [[3, 0.5]], [[0, 1]], [[1, 0.5]], [[0, 0.642]]];
const print = (rows: [number, number][][], units = [0, 1], pairs: object[] = [], doc = 'pA') => new ShardFingerprints(IDS, graph(rows)).of(doc, units, pairs);
const PAIR = { a: 'pA', b: 'pB', relation: 'same' };

// Textbook FNV-1a over UTF-16 code units (32-bit) and MurmurHash3's fmix32, written here apart from the code under test.
const BASIS_A = 0x811c9dc5;
const BASIS_B = 0x050c5d1f;
const fnv1a = (s: string, basis: number) => {
  let h = basis;
  for (const c of s.split('').map((ch) => ch.charCodeAt(0))) h = Math.imul(h ^ c, 16777619) >>> 0;
  return h;
};
const fmix32 = (h: number) => {
  h = (h ^ (h >>> 16)) >>> 0;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h = (h ^ (h >>> 13)) >>> 0;
  h = Math.imul(h, 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
};
const hex = (h: number) => h.toString(16).padStart(8, '0');

describe('a shard fingerprint', () => {
  it('is the same for the same makings, in whatever order the units and their counterparts come', () => {
    const p = print(BASE);
    expect(p).toMatch(/^[0-9a-f]{32}$/);
    expect(print(BASE, [1, 0])).toBe(p);
    expect(print([[[4, 0.642], [2, 1]], ...BASE.slice(1)])).toBe(p);
    // A counterpart under the shard's threshold is not in the shard, nor in its fingerprint; a similarity that rounds to the same thousandth neither.
    expect(print([[[2, 1], [4, 0.642], [3, 0.49]], ...BASE.slice(1)])).toBe(p);
    expect(print([[[2, 1], [4, 0.6421]], ...BASE.slice(1)])).toBe(p);
  });

  it('changes with a similarity, a counterpart, a unit, a counterpart moved to another unit, the pairs or the document', () => {
    const p = print(BASE);
    const others = [
      print([[[2, 1], [4, 0.643]], ...BASE.slice(1)]),
      print([[[2, 1], [3, 0.642]], ...BASE.slice(1)]),
      print([[[2, 1]], ...BASE.slice(1)]),
      print([[[2, 1], [4, 0.642], [3, 0.5]], ...BASE.slice(1)]),
      print(BASE, [0]),
      print([[[2, 1], [4, 0.642], [3, 0.5]], []]),
      print(BASE, [0, 1], [PAIR]),
      print(BASE, [0, 1], [], 'pB'),
    ];
    for (const q of others) expect(q).not.toBe(p);
    expect(new Set(others).size).toBe(others.length);
    // Each lane sees a counterpart's unit and likeness on its own: the two are seeded apart, not one hash twice.
    for (const q of others.slice(0, 4)) {
      expect(q.slice(0, 8)).not.toBe(p.slice(0, 8));
      expect(q.slice(8, 16)).not.toBe(p.slice(8, 16));
    }
  });

  it("does not change with another shard's counterparts", () => {
    const p = print(BASE);
    expect(print([...BASE.slice(0, 2), [[0, 0.9]], [[1, 0.7], [0, 0.6]], []])).toBe(p);
  });

  it("takes each pair as the shard writes it (its JSON), in the shard's order, one object or another", () => {
    const fingerprints = new ShardFingerprints(IDS, graph(BASE));
    const other = { a: 'pA', b: 'pC', relation: 'copy', jaccard: 0.9 };
    const p = fingerprints.of('pA', [0, 1], [PAIR, other]);
    // A pair hashed once is reused (it is in both its documents' shards): the same pair as another object gives the same.
    expect(fingerprints.of('pA', [0, 1], [{ ...PAIR }, { ...other }])).toBe(p);
    expect(print(BASE, [0, 1], [PAIR, other])).toBe(p);
    const changed = [
      fingerprints.of('pA', [0, 1], [other, PAIR]),
      fingerprints.of('pA', [0, 1], [PAIR]),
      fingerprints.of('pA', [0, 1], [PAIR, other, PAIR]),
      fingerprints.of('pA', [0, 1], [PAIR, { ...other, jaccard: 0.901 }]),
      // The same fields in another order are other bytes in the shard.
      fingerprints.of('pA', [0, 1], [{ b: 'pB', a: 'pA', relation: 'same' }, other]),
      fingerprints.of('pB', [0, 1], [PAIR, other]),
    ];
    for (const q of changed) {
      expect(q.slice(0, 16)).toBe(p.slice(0, 16));
      expect(q.slice(16, 24)).not.toBe(p.slice(16, 24));
      expect(q.slice(24)).not.toBe(p.slice(24));
    }
    expect(new Set(changed).size).toBe(changed.length);
  });

  it('ends in FNV-1a of the document, its unit count and its pair count, each pair folded in by its FNV-1a and MurmurHash3\'s finaliser, in two lanes seeded apart', () => {
    expect(print(BASE, [0, 1], []).slice(16)).toBe(hex(fnv1a('pA\n2\n0', BASIS_A)) + hex(fnv1a('pA\n2\n0', BASIS_B)));
    const lane = (basis: number) => fmix32((Math.imul(fnv1a('pA\n2\n1', basis), 16777619) ^ fnv1a(JSON.stringify(PAIR), basis)) >>> 0);
    expect(print(BASE, [0, 1], [PAIR]).slice(16)).toBe(hex(lane(BASIS_A)) + hex(lane(BASIS_B)));
  });

  it('starts with the sum over units of the unit bound to the sum over its counterparts, each lane with its own unit hashes and constants', () => {
    // Each lane: Σ over units u of fmix32(H(u) ^ fmix32(row(u) ^ C)), row(u) = Σ over counterparts v ≥ the threshold of
    // fmix32(H(v) ^ thousandths·K), with H the lane's FNV-1a of the unit id (sums mod 2³²).
    const lane = (basis: number, k: number, c: number, units: number[], rows: [number, number][][]) => {
      let sum = 0;
      for (const u of units) {
        let row = 0;
        for (const [v, sim] of rows[u]) if (sim >= 0.5) row = (row + fmix32((fnv1a(IDS[v], basis) ^ Math.imul(Math.round(sim * 1000), k)) >>> 0)) >>> 0;
        sum = (sum + fmix32((fnv1a(IDS[u], basis) ^ fmix32((row ^ c) >>> 0)) >>> 0)) >>> 0;
      }
      return hex(sum);
    };
    const rows: [number, number][][] = [[[2, 1], [4, 0.642], [3, 0.49]], [[3, 0.5]], [[0, 1]], [[1, 0.5], [0, 0.7]], [[0, 0.642], [2, 0.9]]];
    for (const units of [[0, 1], [2, 3, 4], [4]]) {
      const p = print(rows, units);
      expect(p.slice(0, 8)).toBe(lane(BASIS_A, 0x9e3779b1, 0x3c6ef372, units, rows));
      expect(p.slice(8, 16)).toBe(lane(BASIS_B, 0x7f4a7c15, 0x1b873593, units, rows));
    }
  });

  it('hashes more pairs than its first table holds, each still told apart', () => {
    const fingerprints = new ShardFingerprints(IDS, graph(BASE));
    const pairs = Array.from({ length: 3000 }, (_, k) => ({ a: 'pA', b: `p${k}`, relation: 'same' }));
    const prints = pairs.map((q) => fingerprints.of('pA', [0, 1], [q]));
    expect(new Set(prints).size).toBe(3000);
    // Asked again once the table has grown, each pair gives what it gave the first time.
    expect(pairs.map((q) => fingerprints.of('pA', [0, 1], [{ ...q }]))).toEqual(prints);
  });

  it('is 32 hexadecimal digits, leading zeros kept (the record of a build checks that form)', () => {
    const prints = Array.from({ length: 300 }, (_, k) => print(BASE, [0, 1], [{ k }]));
    expect(new Set(prints).size).toBe(300);
    for (const q of prints) expect(q).toMatch(/^[0-9a-f]{32}$/);
    // Among 300 random 8-digit parts some start with 0; every one is still 8 digits long.
    expect(prints.some((q) => /^0|^.{8}0|^.{16}0|^.{24}0/.test(q))).toBe(true);
  });
});
