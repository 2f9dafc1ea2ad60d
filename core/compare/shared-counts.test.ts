/**
 * Shared clause counts kept between builds (shared-counts.ts), on a hand-made clause graph of four documents:
 * d0 (units 0, 1), d1 (2, 3), d2 (4), d3 (5). Matches: 0–2 at 0.9, 1–3 at 0.8, 0–3 at 0.6 (one to one: two for
 * d0–d1, 0–3 loses to 0–2), 4–5 at 0.7 (one for d2–d3), and 1–4 at 0.4 (under CLAUSE_SIMILARITY: none for d0–d2).
 */
import { describe, expect, it } from 'vitest';
import { BestMatches, docPairKey, type Prepared } from './clause-matches.js';
import { cachedSharedCounts } from './shared-counts.js';

const prepared = { docs: [{ units: [0, 1] }, { units: [2, 3] }, { units: [4] }, { units: [5] }], units: Array.from({ length: 6 }, () => ({})) } as unknown as Prepared;
const unitDoc = Int32Array.from([0, 0, 1, 1, 2, 3]);
const KEYS = ['a', 'b', 'c', 'd'];

function graph(pairs: [number, number, number][]) {
  const lists = new BestMatches(6, 12);
  for (const [i, j, sim] of pairs) lists.add(i, j, sim);
  return lists.graph();
}
const FULL = graph([
  [0, 2, 0.9],
  [1, 3, 0.8],
  [0, 3, 0.6],
  [4, 5, 0.7],
  [1, 4, 0.4],
]);
/** As FULL without 1–3: d0–d1 share one clause. */
const FEWER = graph([
  [0, 2, 0.9],
  [0, 3, 0.6],
  [4, 5, 0.7],
  [1, 4, 0.4],
]);

const asObject = (m: Map<number, number>) => Object.fromEntries([...m].sort((x, y) => x[0] - y[0]));
const pair = (a: number, b: number) => docPairKey(a, b, 4);

function memoryState() {
  const io = { bytes: null as Uint8Array | null, writes: 0, read: () => io.bytes, write: (b: Uint8Array) => void ((io.bytes = b.slice()), io.writes++) };
  return io;
}

describe('shared clause counts kept between builds', () => {
  it('counted one to one, at or above CLAUSE_SIMILARITY, when nothing is kept', () => {
    const state = memoryState();
    const r = cachedSharedCounts(prepared, FULL, unitDoc, KEYS, { changedDocs: null, readSum: null, writtenSum: 11 }, state);
    expect(asObject(r.shared)).toEqual({ [pair(0, 1)]: 2, [pair(2, 3)]: 1 });
    expect([r.kept, state.writes]).toEqual([0, 1]);
  });

  it("a pair of two unflagged documents keeps the earlier build's count; a pair with a flagged one is counted", () => {
    const state = memoryState();
    cachedSharedCounts(prepared, FULL, unitDoc, KEYS, { changedDocs: null, readSum: null, writtenSum: 11 }, state);
    // The graph now says one for d0–d1, but neither is flagged: their count is the stored two (the lists are the earlier ones).
    const r = cachedSharedCounts(prepared, FEWER, unitDoc, KEYS, { changedDocs: Uint8Array.from([0, 0, 1, 0]), readSum: 11, writtenSum: 12 }, state);
    expect(asObject(r.shared)).toEqual({ [pair(0, 1)]: 2, [pair(2, 3)]: 1 });
    expect(r.kept).toBe(1);
    // d1 flagged: d0–d1 is counted from the graph.
    const s = cachedSharedCounts(prepared, FEWER, unitDoc, KEYS, { changedDocs: Uint8Array.from([0, 1, 0, 0]), readSum: 12, writtenSum: 13 }, state);
    expect(asObject(s.shared)).toEqual({ [pair(0, 1)]: 1, [pair(2, 3)]: 1 });
    expect(s.kept).toBe(1);
  });

  it('documents are found by their keys whatever their numbers now', () => {
    const state = memoryState();
    cachedSharedCounts(prepared, FULL, unitDoc, KEYS, { changedDocs: null, readSum: null, writtenSum: 11 }, state);
    // The same four documents named in another order: d0 is 'b' now, d1 'a'. The stored a–b pair is d0–d1 still.
    const r = cachedSharedCounts(prepared, FEWER, unitDoc, ['b', 'a', 'c', 'd'], { changedDocs: Uint8Array.from([0, 0, 0, 0]), readSum: 11, writtenSum: 12 }, state);
    expect(asObject(r.shared)).toEqual({ [pair(0, 1)]: 2, [pair(2, 3)]: 1 });
    expect(r.kept).toBe(2);
  });

  it('counts all, keeping none, without the kept matches, beside another clause state, or without a state or keys', () => {
    const stateOf = () => {
      const state = memoryState();
      cachedSharedCounts(prepared, FULL, unitDoc, KEYS, { changedDocs: null, readSum: null, writtenSum: 11 }, state);
      return state;
    };
    const counted = { [pair(0, 1)]: 1, [pair(2, 3)]: 1 };
    const none = Uint8Array.from([0, 0, 0, 0]);
    for (const changes of [
      { changedDocs: null, readSum: 11, writtenSum: 12 },
      { changedDocs: none, readSum: null, writtenSum: 12 },
      // Written beside clause state 11, read beside 10: not these lists' counts.
      { changedDocs: none, readSum: 10, writtenSum: 12 },
    ]) {
      const r = cachedSharedCounts(prepared, FEWER, unitDoc, KEYS, changes, stateOf());
      expect([changes, asObject(r.shared), r.kept]).toEqual([changes, counted, 0]);
    }
    const damaged = stateOf();
    damaged.bytes![damaged.bytes!.length - 1] ^= 1;
    expect(cachedSharedCounts(prepared, FEWER, unitDoc, KEYS, { changedDocs: none, readSum: 11, writtenSum: 12 }, damaged).kept).toBe(0);
    expect(asObject(cachedSharedCounts(prepared, FEWER, unitDoc, null, { changedDocs: none, readSum: 11, writtenSum: 12 }, stateOf()).shared)).toEqual(counted);
    expect(asObject(cachedSharedCounts(prepared, FEWER, unitDoc, KEYS, { changedDocs: none, readSum: 11, writtenSum: 12 }, undefined).shared)).toEqual(counted);
  });

  it('writes the counts under the clause state written beside them, and nothing when none was', () => {
    const state = memoryState();
    cachedSharedCounts(prepared, FULL, unitDoc, KEYS, { changedDocs: null, readSum: null, writtenSum: null }, state);
    expect(state.writes).toBe(0);
    cachedSharedCounts(prepared, FULL, unitDoc, KEYS, { changedDocs: null, readSum: null, writtenSum: 21 }, state);
    const none = Uint8Array.from([0, 0, 0, 0]);
    // Read beside 21: kept. Beside 11: not.
    expect(cachedSharedCounts(prepared, FEWER, unitDoc, KEYS, { changedDocs: none, readSum: 11, writtenSum: null }, state).kept).toBe(0);
    expect(cachedSharedCounts(prepared, FEWER, unitDoc, KEYS, { changedDocs: none, readSum: 21, writtenSum: 22 }, state).kept).toBe(2);
    // What it wrote then (beside 22) is every pair, the kept ones too.
    const again = cachedSharedCounts(prepared, FEWER, unitDoc, KEYS, { changedDocs: none, readSum: 22, writtenSum: 23 }, state);
    expect([asObject(again.shared), again.kept]).toEqual([{ [pair(0, 1)]: 2, [pair(2, 3)]: 1 }, 2]);
  });
});
