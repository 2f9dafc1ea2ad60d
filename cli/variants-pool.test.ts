/**
 * The variants step's per-document work in worker threads (variants-pool.ts), on real regulations
 * (core/compare/fixtures/laws, read as their source gives them) and a copy of each under another id, so
 * the corpus has boilerplate (本条例自公布之日起施行, 县级以上人民政府…) in more than 20 documents and
 * signatures leave it out. The threads' entries must be the bytes detection makes in this thread, and
 * detection fed them must write the same files.
 */
import { describe, expect, it } from 'vitest';
import { lawsWithReprints } from '../test-support/law-markdown.js';
import type { PolicyDocument } from '../core/corpus/types.js';
import { variantsArtifacts } from '../core/compare/artifact.js';
import { commonShingles } from '../core/compare/common.js';
import { decodePreparedEntry, type PreparedCache } from '../core/compare/prepared-cache.js';
import { docWordings, wordingSets } from '../core/compare/clause-matches.js';
import { packSets, unpackSets } from './packed-sets.js';
import { prepareInWorkers } from './variants-pool.js';

// A province reprinting each regulation: another id, the same articles.
const { laws, reprints: copies, docs } = lawsWithReprints();

/** An in-memory cache by document id, recording what was stored. */
function memoryCache(store = new Map<string, Uint8Array>()) {
  const puts: string[] = [];
  const cache: PreparedCache = { get: (d) => store.get(d.id) ?? null, put: (d, e) => (puts.push(d.id), store.set(d.id, e)) };
  return { cache, store, puts };
}

const files = (cache?: PreparedCache) => [...variantsArtifacts(docs, { cache })].map((f) => `${f.path}\n${f.data}`);

describe('variant detection with its per-document work in worker threads', () => {
  // Detection in this thread, storing an entry per document: what the threads must reproduce.
  const inThread = memoryCache();
  const plain = files(inThread.cache);

  it('the corpus has boilerplate to leave out, and related texts to find', () => {
    expect(docs.length).toBe(32);
    // Every regulation prints a few phrases: with 32 documents, the shingles in 20 or more are common; with 16, none can be.
    const setOf = (d: PolicyDocument) => wordingSets(docWordings(d).wordings).docSet;
    expect(commonShingles(docs.map(setOf)).length).toBeGreaterThan(0);
    expect(commonShingles(laws.map(setOf)).length).toBe(0);
    expect(plain.join('\n')).toContain('"relation":"revision"');
    expect(inThread.puts.length).toBe(32);
  });

  it('makes every entry in threads, byte for byte the one detection makes, and detection fed them writes the same files', async () => {
    const made = memoryCache();
    const handed = await prepareInWorkers(docs, made.cache, { jobs: 2, minDocs: 1 });
    expect(made.puts.sort()).toEqual(docs.map((d) => d.id).sort());
    for (const d of docs) expect(Buffer.from(made.store.get(d.id)!).equals(Buffer.from(inThread.store.get(d.id)!))).toBe(true);
    // In shared memory (the clause thread reads them where they lie: clause-thread.ts).
    expect(docs.every((d) => made.store.get(d.id)!.buffer instanceof SharedArrayBuffer)).toBe(true);
    let asked = 0;
    // The common shingles counted for the threads are handed on, so detection does not count them again.
    expect(handed.common!.length).toBeGreaterThan(0);
    const counting: PreparedCache = { common: handed.common, get: (d) => (asked++, handed.get(d)), put: () => expect.unreachable('detection had every entry') };
    expect(files(counting)).toEqual(plain);
    expect(asked).toBe(32);
  });

  it('keeps stored entries that are still sound, and makes again those made under other boilerplate', async () => {
    // Entries of the regulations alone (16 documents: too few for any shingle to be common, so no boilerplate left out).
    const alone = memoryCache();
    variantsArtifacts(laws, { cache: alone.cache }); // detection runs, and stores its entries, when called
    const store = new Map(inThread.store);
    for (const d of laws.slice(0, 5)) store.set(d.id, alone.store.get(d.id)!);
    const stale = new Set(laws.slice(0, 5).map((d) => d.id));
    for (const d of laws.slice(0, 5)) expect(decodePreparedEntry(store.get(d.id)!, d)!.boiler.length).toBe(0);
    for (const d of laws.slice(0, 5)) expect(decodePreparedEntry(inThread.store.get(d.id)!, d)!.boiler.length).toBeGreaterThan(0);
    for (const d of copies.slice(0, 3)) store.delete(d.id);
    const mixed = memoryCache(store);
    const handed = await prepareInWorkers(docs, mixed.cache, { jobs: 1, minDocs: 1 });
    expect(mixed.puts.sort()).toEqual([...stale, ...copies.slice(0, 3).map((d) => d.id)].sort());
    for (const d of docs) expect(Buffer.from(mixed.store.get(d.id)!).equals(Buffer.from(inThread.store.get(d.id)!))).toBe(true);
    // Handed over already checked: the sound stored entries only, never a stale one or one made again in a thread.
    const remade = new Set(mixed.puts);
    for (const d of docs) expect(handed.checked!(d) === undefined).toBe(remade.has(d.id));
    for (const d of docs.filter((x) => !remade.has(x.id))) expect(handed.checked!(d)!.boiler).toEqual(decodePreparedEntry(inThread.store.get(d.id)!, d)!.boiler);
    // Detection decodes only what it was not handed checked, and writes what it writes without a cache.
    const asked: string[] = [];
    expect(files({ ...handed, get: (d) => (asked.push(d.id), handed.get(d)), put: () => expect.unreachable('detection had every entry') })).toEqual(plain);
    expect(asked.sort()).toEqual([...remade].sort());
  });

  it('starts no thread for fewer documents than minDocs: detection makes those itself', async () => {
    const store = new Map(inThread.store);
    store.delete(docs[0].id);
    const few = memoryCache(store);
    const handed = await prepareInWorkers(docs, few.cache, { jobs: 2, minDocs: 2 });
    expect(few.puts).toEqual([]);
    expect(handed.get(docs[0])).toBeNull();
    expect(files(handed)).toEqual(plain);
    expect(few.puts).toEqual([docs[0].id]);
  });
});

describe('when the threads are not worth it', () => {
  const inThread = memoryCache();
  variantsArtifacts(docs, { cache: inThread.cache });
  const without = (n: number) => {
    const store = new Map(inThread.store);
    for (const d of docs.slice(0, n)) store.delete(d.id);
    return memoryCache(store);
  };

  it('with --jobs 0 makes nothing: detection makes the missing entries in its own thread', async () => {
    const c = without(4);
    const handed = await prepareInWorkers(docs, c.cache, { jobs: 0, minDocs: 1 });
    expect(c.puts).toEqual([]);
    expect(handed.get(docs[0])).toBeNull();
    expect(handed.get(docs[4])).not.toBeNull();
  });

  it('one thread makes every entry, batch after batch', async () => {
    const c = without(docs.length);
    const handed = await prepareInWorkers(docs, c.cache, { jobs: 1, minDocs: 1 });
    // More documents than one batch: each must have been made before detection runs.
    expect(docs.filter((d) => handed.get(d) === null)).toEqual([]);
    expect(c.puts.length).toBe(docs.length);
  });

  it('makes them from exactly minDocs missing documents', async () => {
    const c = without(3);
    await prepareInWorkers(docs, c.cache, { jobs: 1, minDocs: 3 });
    expect(c.puts.sort()).toEqual(docs.slice(0, 3).map((d) => d.id).sort());
  });
});

describe('packed shingle sets', () => {
  it('carry a document’s unit sets and its own set, and refuse lengths that do not add up', () => {
    const packed = packSets({ unitSets: [Uint32Array.of(3, 9), Uint32Array.of(), Uint32Array.of(7)], docSet: Uint32Array.of(1, 2, 4) });
    expect([...packed]).toEqual([3, 2, 0, 1, 3, 3, 9, 7, 1, 2, 4]);
    const back = unpackSets(packed);
    expect(back.unitSets.map((s) => [...s])).toEqual([[3, 9], [], [7]]);
    expect([...back.docSet]).toEqual([1, 2, 4]);
    expect(() => unpackSets(packed.subarray(0, 10))).toThrow('do not add up');
    expect(() => unpackSets(Uint32Array.of(1, 5, 0, 1))).toThrow('do not add up');
  });
});
