/**
 * The per-document work of variant detection in worker threads (issue 20: the variants step was one thread,
 * 60–70 % of a 10,000-document build's CPU). Detection itself (core/compare/detect.ts) stays one synchronous
 * pass in this thread; what it computes for each document alone — shingle sets, and signatures over the
 * shingles that are not corpus boilerplate — is made here first, by the workers (variants-worker.ts), and
 * handed to it as stored entries through the per-document cache it already reads (prepared-cache.ts). It checks
 * each entry whole, as it checks one from disk, so the output is byte-identical with or without this step.
 *
 * Two rounds, because a signature leaves out the corpus's common shingles, which are known only once every
 * document's set is: (1) sets of the documents the cache lacks; the common shingles over all documents, here;
 * (2) entries (signatures) of those documents and of stored ones made with other common shingles.
 */
import { availableParallelism } from 'node:os';
import type { PolicyDocument } from '../core/corpus/types.js';
import { commonWithCache } from '../core/compare/common-counts.js';
import { commonHash } from '../core/compare/common.js';
import { decodePreparedEntry, madeWithCommon, type PreparedCache, type PreparedEntry } from '../core/compare/prepared-cache.js';
import { packSets, unpackSets } from './packed-sets.js';
import type { VariantsReply, VariantsRequest } from './variants-worker.js';
import { WorkerThread, workerUrl } from './worker-thread.js';

/** Below this many documents to compute, threads cost more than they save: detection computes them itself. */
export const MIN_DOCS_FOR_WORKERS = 64;
/** Documents per request: large enough to keep messages few, small enough to share the work evenly. */
const BATCH = 24;

type Thread = WorkerThread<VariantsRequest, VariantsReply>;

/** `items` in batches, each to whichever thread is free. */
async function inBatches<T>(items: T[], threads: Thread[], run: (t: Thread, batch: T[]) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    threads.map(async (t) => {
      for (let batch = items.slice(next, (next += BATCH)); batch.length; batch = items.slice(next, (next += BATCH))) await run(t, batch);
    }),
  );
}

/**
 * A cache for detection holding an entry for every document of `docs`: the sound ones `cache` has, the rest
 * made in `jobs` worker threads and stored in `cache` too. With fewer than MIN_DOCS_FOR_WORKERS to make (a
 * rebuild after a few changed files), none is made here: detection makes them, and stores them through `put`.
 */
export async function prepareInWorkers(
  docs: PolicyDocument[],
  cache: PreparedCache,
  { jobs = availableParallelism(), minDocs = MIN_DOCS_FOR_WORKERS }: { jobs?: number; minDocs?: number } = {},
): Promise<PreparedCache> {
  const held = new Map<PolicyDocument, Uint8Array>();
  const stored = new Map<PolicyDocument, PreparedEntry>();
  const missing: PolicyDocument[] = [];
  for (const doc of docs) {
    const bytes = cache.get(doc);
    const entry = bytes ? decodePreparedEntry(bytes, doc) : null;
    if (entry) {
      held.set(doc, bytes!);
      stored.set(doc, entry);
    } else missing.push(doc);
  }
  // Entries handed over checked: those in `stored` (a stale one is taken out of both maps below).
  const handOver: PreparedCache = {
    get: (doc) => held.get(doc) ?? null,
    put: (doc, entry) => cache.put(doc, entry),
    checked: (doc) => stored.get(doc),
    key: cache.key?.bind(cache),
    entryByKey: cache.entryByKey?.bind(cache),
    clauseState: cache.clauseState,
    pairState: cache.pairState,
    commonState: cache.commonState,
    sharedState: cache.sharedState,
  };
  if (jobs < 1 || missing.length < minDocs) return handOver;

  const threads: Thread[] = Array.from({ length: Math.min(jobs, Math.ceil(missing.length / BATCH)) }, () => new WorkerThread(workerUrl('variants-worker')));
  try {
    const ids = new Map<PolicyDocument, string[]>();
    const packs = new Map<PolicyDocument, Uint32Array>();
    await inBatches(missing, threads, async (t, batch) => {
      // The documents are copied to the thread (structured clone): cheaper than reading their wordings here.
      const r = await t.request({ kind: 'sets', docs: batch });
      batch.forEach((doc, k) => {
        ids.set(doc, r.ids![k]);
        packs.set(doc, r.buffers![k] as Uint32Array);
      });
    });

    // Over every document's set, as detection counts them (the order does not matter: counts, then sorted).
    const { common, kept } = commonWithCache(
      docs.map((doc) => stored.get(doc)?.docSet ?? unpackSets(packs.get(doc)!).docSet),
      docs,
      handOver,
    );
    const commonKey = commonHash(common);
    for (const [doc, entry] of stored)
      if (!madeWithCommon(entry, common, commonKey)) {
        ids.set(doc, entry.ids);
        packs.set(doc, packSets(entry));
        held.delete(doc);
        stored.delete(doc);
      }
    handOver.common = common;
    handOver.commonKept = kept;

    await Promise.all(threads.map((t) => t.request({ kind: 'common', common })));
    await inBatches([...packs.keys()], threads, async (t, batch) => {
      const sets = batch.map((doc) => packs.get(doc)!);
      batch.forEach((doc) => packs.delete(doc)); // handed over: the thread's now
      const r = await t.request({ kind: 'entries', docs: batch.map((doc, k) => ({ ids: ids.get(doc)!, sets: sets[k] })) }, sets.map((s) => s.buffer as ArrayBuffer));
      batch.forEach((doc, k) => {
        const entry = r.buffers![k] as Uint8Array;
        held.set(doc, entry);
        cache.put(doc, entry);
      });
    });
  } finally {
    await Promise.all(threads.map((t) => t.stop()));
  }
  return handOver;
}
