/**
 * The build's clause thread (clause-thread.ts, clause-worker.ts): a real worker thread walks half the clause bands
 * over signatures and sets in shared memory while matchClauseLists walks the rest here. On real regulations
 * (core/compare/fixtures/laws) and a reprint of each, the matches must be one thread's; a thread that cannot be
 * had must leave the walk here; a walk that fails or a worker that dies must be the build's error, never a hang.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { lawsWithReprints } from '../test-support/law-markdown.js';
import { matchClauseLists, prepare, unitSignatures } from '../core/compare/clause-matches.js';
import { UnitSigs } from '../core/compare/unit-sigs.js';
import { ClauseThread, RUNNING } from './clause-thread.js';
import { keptMatches as kept } from '../test-support/kept-matches.js';

const { docs } = lawsWithReprints();

/** A copy of `a` in shared memory, as the variants threads make the entries these views come from. */
function shared(a: Uint32Array): Uint32Array {
  const out = new Uint32Array(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}

/** The laws prepared for matching; with `inShared`, every unit's set and signature moved to shared memory. */
function prepared(inShared: boolean) {
  const p = prepare(docs);
  const { sigs: all, own } = unitSignatures(p, new Uint32Array(0));
  // Each unit's signature in a list (as a job holds them), and as detection holds them.
  const list = Array.from({ length: all.length }, (_, u) => (inShared ? shared(all.of(u)) : all.of(u)));
  if (inShared) for (const u of p.units) u.set = shared(u.set);
  return { p, list, sigs: UnitSigs.of(list), own };
}

const threads: ClauseThread[] = [];
afterEach(async () => {
  await Promise.all(threads.splice(0).map((t) => t.stop()));
});
function thread(options: ConstructorParameters<typeof ClauseThread>[0]): ClauseThread {
  const t = new ClauseThread(options);
  threads.push(t);
  return t;
}

describe('the clause thread', () => {
  const { p, sigs, list, own } = prepared(true);
  const alone = kept(matchClauseLists(p, 'lsh', sigs, own));

  it('walking half the bands in a worker over shared memory, gives the matches of one thread', () => {
    expect(p.units.length).toBeGreaterThan(1000);
    expect(alone.length).toBeGreaterThan(1000);
    const t = thread({ jobs: 1, minItems: 100 });
    // What the build's thread is handed: batches of (item, item, similarity) triples, nothing else.
    const handed: unknown[] = [];
    const take = t.take.bind(t);
    t.take = (wait) => {
      const batches = take(wait);
      handed.push(...batches);
      return batches;
    };
    expect(kept(matchClauseLists(p, 'lsh', sigs, own, t))).toEqual(alone);
    expect(t.used).toBe(true);
    expect(handed.length).toBeGreaterThan(0);
    expect(handed.every((b) => b instanceof Float64Array && b.length > 0 && b.length % 3 === 0)).toBe(true);
  });

  it('is started from MIN_ITEMS_FOR_THREAD items (the size given), not below; pairs are not asked for before', () => {
    const job = { sigs: list.slice(0, 300), sets: p.units.slice(0, 300).map((u) => u.set), group: Int32Array.from(p.units.slice(0, 300), (u) => u.doc), ids: new Uint32Array(300) };
    expect(thread({ jobs: 1, minItems: 301 }).start(job)).toBe(false);
    const t = thread({ jobs: 1, minItems: 300 });
    expect(() => t.take(false)).toThrow(/before it was started/);
    expect(t.start(job)).toBe(true);
    t.take(true);
  });

  it('is not started without worker threads, below its size, or when a buffer is not shared: the walk is all here', () => {
    const plain = prepared(false);
    const cases: [ClauseThread, typeof plain][] = [
      [thread({ jobs: 0, minItems: 100 }), prepared(true)],
      [thread({ jobs: 1 }), prepared(true)],
      [thread({ jobs: 1, minItems: 100 }), plain],
    ];
    for (const [t, q] of cases) {
      expect(kept(matchClauseLists(q.p, 'lsh', q.sigs, q.own, t))).toEqual(alone);
      expect(t.used).toBe(false);
    }
    // One signature not shared is enough to keep the walk here.
    const one = prepared(true);
    one.list[7] = Uint32Array.from(one.list[7]);
    const t = thread({ jobs: 1, minItems: 100 });
    expect(kept(matchClauseLists(one.p, 'lsh', UnitSigs.of(one.list), one.own, t))).toEqual(alone);
    expect(t.used).toBe(false);
  });

  it('a walk that fails in the worker fails the matching, with the worker’s error', () => {
    const t = thread({ jobs: 1, minItems: 1 });
    // Signatures without their sets: the worker's first pair has nothing to measure.
    expect(t.start({ sigs: list.slice(0, 400), sets: [], group: Int32Array.from({ length: 400 }, (_, i) => i), ids: new Uint32Array(400) })).toBe(true);
    expect(() => t.take(true)).toThrow(/clause thread failed: TypeError/);
  });

  it('a worker that dies is reported once it has walked no band for the limit, not waited for for ever', async () => {
    const t = thread({ jobs: 1, minItems: 1, silentLimit: 300 });
    // A unit met by every other in every band: each band is slow enough to be stopped in the middle of.
    expect(t.start({ sigs: list, sets: p.units.map((u) => u.set), group: Int32Array.from(p.units, (u) => u.doc), ids: new Uint32Array(list.length) })).toBe(true);
    await (t as unknown as { worker: Worker }).worker.terminate();
    const began = performance.now();
    expect(() => t.take(true)).toThrow(/no band walked/);
    expect(performance.now() - began).toBeGreaterThanOrEqual(300);
  });
  /**
   * A thread started on a small walk whose worker is replaced by a stand-in that counts a band every 20 ms for `ms`,
   * then says it is done (`done`) or goes silent (a worker killed in the middle of its walk).
   */
  async function withStandIn(silentLimit: number, ms: number, done: boolean) {
    const t = thread({ jobs: 1, minItems: 1, silentLimit });
    expect(t.start({ sigs: list.slice(0, 400), sets: p.units.slice(0, 400).map((u) => u.set), group: Int32Array.from({ length: 400 }, (_, i) => i), ids: new Uint32Array(400) })).toBe(true);
    const inside = t as unknown as { worker: Worker; state: Int32Array };
    await inside.worker.terminate();
    const standIn = new Worker(
      `const { workerData: { state, ms, done } } = require('node:worker_threads');
       const began = Date.now();
       const tick = setInterval(() => {
         if (Date.now() - began < ms) return void Atomics.add(state, 1, 1);
         clearInterval(tick);
         if (!done) return;
         Atomics.store(state, 0, 1);
         Atomics.notify(state, 0);
       }, 20);`,
      { eval: true, workerData: { state: inside.state, ms, done } },
    );
    return { t, bands: () => Atomics.load(inside.state, 1), stop: () => standIn.terminate() };
  }

  it('a worker that keeps walking bands is waited for, however long the walk: the limit is on silence, not on the walk', async () => {
    // Bands counted for 2.5 s, twice and a half the limit, then the end.
    const { t, stop } = await withStandIn(1000, 2500, true);
    try {
      const began = performance.now();
      expect(t.take(true)).toEqual([]);
      expect(performance.now() - began).toBeGreaterThan(2000);
    } finally {
      await stop();
    }
  });

  it('a worker that dies after walking some bands is reported once it has been silent for the limit', async () => {
    const { t, bands, stop } = await withStandIn(500, 300, false);
    try {
      const began = performance.now();
      expect(() => t.take(true)).toThrow(/no band walked/);
      expect(bands()).toBeGreaterThan(0);
      expect(performance.now() - began).toBeGreaterThanOrEqual(500);
    } finally {
      await stop();
    }
  });

  it('stop() ends a worker in the middle of its walk, not when the walk is done', async () => {
    const t = thread({ jobs: 1, minItems: 1 });
    expect(t.start({ sigs: list, sets: p.units.map((u) => u.set), group: Int32Array.from(p.units, (u) => u.doc), ids: new Uint32Array(list.length) })).toBe(true);
    const inside = t as unknown as { worker: Worker; state: Int32Array };
    let exited = false;
    inside.worker.on('exit', () => (exited = true));
    // Once its first band is walked (it walks 31 of the 63, a few hundred ms in all here).
    while (Atomics.load(inside.state, 1) === 0) await new Promise((r) => setTimeout(r, 1));
    await t.stop();
    expect(exited).toBe(true);
    expect(Atomics.load(inside.state, 0)).toBe(RUNNING);
    expect(Atomics.load(inside.state, 1)).toBeLessThan(31);
  });
});
