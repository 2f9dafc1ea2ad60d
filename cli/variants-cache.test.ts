/**
 * The variants step's cache on disk (cli/variants-cache.ts): entries come back as they were stored, many read
 * into one shared slab, each on a 4-byte boundary (core reads them as Uint32 words), none disturbing another;
 * a detection that reads them writes what one without the cache writes.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { PolicyDocument, Unit } from '../core/corpus/types.js';
import { variantsArtifacts } from '../core/compare/artifact.js';
import { MIN_READ_AHEAD, pruneVariantsCache, VARIANTS_CACHE_DIR, variantsCache, writeAside } from './variants-cache.js';
import { AHEAD } from './read-ahead.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempCorpus = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'variants-cache-'));
  dirs.push(d);
  return d;
};

function doc(id: string, texts: string[]): PolicyDocument {
  const units = texts.map((t, i) => ({ id: `${id}~ar${i + 1}`, path: `ar${i + 1}`, level: 'article', label: `第${i + 1}条`, heading: null, paragraphs: [{ text: t, pages: [] }], pages: [], children: [] }) as unknown as Unit);
  return { id, title: `某某办法${id}`, titleSource: 'title-line', issuer: '', issuers: [], date: null, effectiveDate: null, region: { level: 'unknown', province: null, city: null }, kind: '办法', addressees: null, signature: [], units } as unknown as PolicyDocument;
}

describe('variantsCache', () => {
  it('reads many entries ahead in a thread of its own: each as stored, a missing one none, each counted as read', async () => {
    const dir = tempCorpus();
    const docs = Array.from({ length: MIN_READ_AHEAD + AHEAD + 6 }, (_, i) => doc(`d${i}`, [`第${i}份文件的第一条文字`]));
    const entries = docs.map((_, i) => Uint8Array.from({ length: 5 + (i % 7) }, (_, k) => (i * 31 + k) % 256));
    const writer = variantsCache(dir);
    docs.forEach((d, i) => i !== 3 && writer.put(d, entries[i]));
    const reader = variantsCache(dir);
    await reader.readAhead(docs);
    // The last entry grows after the thread made its slab, before it reaches it: no room, so it is read here.
    const last = docs.length - 1;
    entries[last] = new Uint8Array(5000).fill(7);
    writer.put(docs[last], entries[last]);
    const got = docs.map((d) => reader.get(d));
    await reader.endReadAhead();
    got.forEach((bytes, i) => (i === 3 ? expect(bytes).toBeNull() : expect([...bytes!]).toEqual([...entries[i]])));
    // The thread's slab, shared; the grown entry in one of this thread's.
    expect(got[0]!.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(got[last]!.buffer).not.toBeInstanceOf(SharedArrayBuffer);
    // A small slab of its own, not one for every entry in the folder or of 64 MB: such a buffer costs a full collection.
    expect(got[last]!.buffer.byteLength).toBe(1024 * 1024);
    expect(reader.read).toBe(docs.length - 1);
    expect(reader.used.size).toBe(docs.length);
    // Once it ends, entries are read here, as before.
    const again = reader.get(docs[0])!;
    expect([...again]).toEqual([...entries[0]]);
    expect(again.buffer).not.toBeInstanceOf(SharedArrayBuffer);
  });

  it('takes a FIFO or a folder in an entry’s place for no entry, without waiting for a writer', () => {
    const dir = tempCorpus();
    const [a, b] = ['a', 'b'].map((id) => doc(id, [`${id}的第一条文字`]));
    const writer = variantsCache(dir);
    writer.put(a, new Uint8Array(8).fill(1));
    writer.put(b, new Uint8Array(8).fill(2));
    const cacheDir = path.join(dir, VARIANTS_CACHE_DIR);
    const name = readdirSync(cacheDir).find((f) => readFileSync(path.join(cacheDir, f))[0] === 2)!;
    rmSync(path.join(cacheDir, name));
    execFileSync('mkfifo', [path.join(cacheDir, name)]);
    const reader = variantsCache(dir);
    expect(reader.get(b)).toBeNull();
    expect([...reader.get(a)!]).toEqual(Array(8).fill(1));
    expect(reader.read).toBe(1);
  });

  it('reads fewer entries than MIN_READ_AHEAD here: no thread for them; that many, ahead', async () => {
    const dir = tempCorpus();
    const docs = Array.from({ length: MIN_READ_AHEAD }, (_, i) => doc(`d${i}`, [`第${i}份文件的第一条文字`]));
    const writer = variantsCache(dir);
    docs.forEach((d, i) => writer.put(d, new Uint8Array(8).fill(i)));
    const few = variantsCache(dir);
    await few.readAhead(docs.slice(1));
    expect(few.get(docs[1])!.buffer).not.toBeInstanceOf(SharedArrayBuffer);
    await few.endReadAhead();
    const many = variantsCache(dir);
    await many.readAhead(docs);
    expect(many.get(docs[0])!.buffer).toBeInstanceOf(SharedArrayBuffer);
    await many.endReadAhead();
  });

  it('gives back each entry as stored, on a 4-byte boundary, whatever the lengths of those read before it', () => {
    const dir = tempCorpus();
    const docs = ['a', 'b', 'c', 'd'].map((id) => doc(id, [`${id}的第一条文字`]));
    // Lengths not multiples of 4 before the next: the slab must round each entry's place up.
    const entries = [5, 8, 13, 1].map((n, i) => Uint8Array.from({ length: n }, (_, k) => (i * 50 + k) % 256));
    const writer = variantsCache(dir);
    docs.forEach((d, i) => writer.put(d, entries[i]));
    expect(writer.written).toBe(4);

    const reader = variantsCache(dir);
    const got = docs.map((d) => reader.get(d)!);
    got.forEach((bytes, i) => {
      expect([...bytes]).toEqual([...entries[i]]);
      expect(bytes.byteOffset % 4).toBe(0);
    });
    // Read one after another into one slab: the first is still what it was after the last was read.
    expect([...got[0]]).toEqual([...entries[0]]);
    expect(got[0].buffer).toBe(got[3].buffer);
    expect(reader.read).toBe(4);
    expect(reader.used.size).toBe(4);
  });

  it('reads every entry in the folder into one slab, past 64 MB, counting only files named as entries', () => {
    const dir = tempCorpus();
    const docs = ['a', 'b', 'c'].map((id) => doc(id, [`${id}的第一条文字`]));
    // 90 MB of entries: 64 MB slabs held two of them, and a new buffer for each 64 MB started a full collection.
    const sizes = [30_000_001, 30_000_002, 30_000_003];
    const writer = variantsCache(dir);
    docs.forEach((d, i) => writer.put(d, new Uint8Array(sizes[i]).fill(i + 1)));
    // Neither a stray file nor the clause matches nor the measured pairs is an entry the slab makes room for.
    writeFileSync(path.join(dir, VARIANTS_CACHE_DIR, 'notes.txt'), new Uint8Array(5_000_000));
    writeFileSync(path.join(dir, VARIANTS_CACHE_DIR, 'clauses.bin'), new Uint8Array(7_000_000));
    writeFileSync(path.join(dir, VARIANTS_CACHE_DIR, 'pairs.bin'), new Uint8Array(3_000_000));

    const reader = variantsCache(dir);
    const got = docs.map((d) => reader.get(d)!);
    expect(got.map((b) => b.length)).toEqual(sizes);
    expect(got.map((b) => [b[0], b[b.length - 1]])).toEqual([[1, 1], [2, 2], [3, 3]]);
    expect(got[1].buffer).toBe(got[0].buffer);
    expect(got[2].buffer).toBe(got[0].buffer);
    // Each entry with the 3 bytes that may round its end up to a multiple of 4.
    expect(got[0].buffer.byteLength).toBe(30_000_004 + 30_000_005 + 30_000_006);
  });

  it('makes a 64 MB slab for an entry past the first, and falls back to one when the folder is more than a buffer can hold', () => {
    const dir = tempCorpus();
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => doc(id, [`${id}的第一条文字`]));
    const writer = variantsCache(dir);
    writer.put(a, new Uint8Array(40_000_000).fill(1));
    writer.put(b, new Uint8Array(40_000_000).fill(2));
    // A file named as entries are that is gone (a dangling link): not counted, and not in the way.
    symlinkSync(path.join(dir, 'gone'), path.join(dir, VARIANTS_CACHE_DIR, `${'0'.repeat(64)}.bin`));
    const reader = variantsCache(dir);
    const first = [reader.get(a)!, reader.get(b)!];
    expect(first[0].buffer.byteLength).toBe(80_000_006);
    expect(first[1].buffer).toBe(first[0].buffer);
    // Written after the first read: no room left in the first slab, so a new one of 64 MB, not of the entry's size.
    writer.put(c, new Uint8Array(2000).fill(3));
    const late = reader.get(c)!;
    expect([late[0], late.length]).toEqual([3, 2000]);
    expect(late.buffer.byteLength).toBe(64 * 1024 * 1024);

    // 5 GB of entries (a sparse file) is more than one buffer can be: the reads go to a 64 MB slab instead.
    writer.put(d, new Uint8Array(10).fill(4));
    const huge = path.join(dir, VARIANTS_CACHE_DIR, `${'f'.repeat(64)}.bin`);
    writeFileSync(huge, '');
    truncateSync(huge, 5 * 1024 ** 3);
    const big = variantsCache(dir).get(d)!;
    expect([...big]).toEqual(new Array(10).fill(4));
    expect(big.buffer.byteLength).toBe(64 * 1024 * 1024);
  });

  it('has no entry for a document it has not seen, and counts it as asked for', () => {
    const reader = variantsCache(tempCorpus());
    expect(reader.get(doc('x', ['没有缓存的文字']))).toBeNull();
    expect(reader.read).toBe(0);
    expect(reader.used.size).toBe(1);
  });

  it('a detection reading its entries from disk writes what one without the cache writes; a cut-short entry is recomputed', () => {
    const dir = tempCorpus();
    const shared = '县级以上人民政府应当加强对本行政区域内相关工作的领导，建立健全工作协调机制，将所需经费列入本级预算。';
    const docs = [
      doc('p1', ['为了规范政务服务，提高行政效率，根据有关法律法规，结合本市实际，制定本办法。', shared, '本办法自发布之日起施行。']),
      doc('p2', ['为了规范政务服务，提高行政效率，根据有关法律法规，结合本省实际，制定本办法。', shared, '本办法自公布之日起施行。']),
      doc('p3', ['为了加强档案管理，有效保护和利用档案，根据有关法律，制定本办法。', '档案馆应当按照国家有关规定向社会开放档案。']),
    ];
    const plain = [...variantsArtifacts(docs)];
    const first = [...variantsArtifacts(docs, { cache: variantsCache(dir) })];
    expect(first).toEqual(plain);
    const warm = variantsCache(dir);
    expect([...variantsArtifacts(docs, { cache: warm })]).toEqual(plain);
    expect(warm.read).toBe(docs.length);

    const files = readdirSync(path.join(dir, VARIANTS_CACHE_DIR)).filter((f) => !['clauses.bin', 'pairs.bin', 'common.bin', 'shared.bin'].includes(f));
    expect(files).toHaveLength(docs.length);
    truncateSync(path.join(dir, VARIANTS_CACHE_DIR, files[0]), 6);
    const damaged = variantsCache(dir);
    expect([...variantsArtifacts(docs, { cache: damaged })]).toEqual(plain);
    expect(damaged.written).toBe(1);
  });

  it("keeps the clause matches for the next build, finds a gone document's entry by name, and a cut-short state is matched again and replaced", () => {
    const dir = tempCorpus();
    const text = '为了规范政务服务，提高行政效率，根据有关法律法规，结合本市实际，制定本办法并组织实施。';
    const docs = [doc('p1', [text, '本办法自发布之日起施行。']), doc('p2', [text.replace('本市', '本省'), '本办法自公布之日起施行。']), doc('p3', ['档案馆应当按照国家有关规定向社会开放档案，并提供利用服务。'])];
    const plain = [...variantsArtifacts(docs.slice(0, 2))];
    const first = variantsCache(dir);
    variantsArtifacts(docs, { cache: first });
    const state = path.join(dir, VARIANTS_CACHE_DIR, 'clauses.bin');
    expect(first.clauseState!.read()!.length).toBeGreaterThan(40);
    // p3 is gone from the next build: its entry is found by the name the first build gave it.
    const next = variantsCache(dir);
    expect(next.entryByKey!(first.key!(docs[2]))).not.toBeNull();
    expect(next.entryByKey!('clauses.bin')).toBeNull();
    expect(next.entryByKey!('pairs.bin')).toBeNull();
    expect(next.entryByKey!('common.bin')).toBeNull();
    expect(next.entryByKey!('shared.bin')).toBeNull();
    expect(next.pairState!.read()!.length).toBeGreaterThan(24);
    expect(next.entryByKey!('../raw/a.txt')).toBeNull();
    expect([...variantsArtifacts(docs.slice(0, 2), { cache: next })]).toEqual(plain);

    truncateSync(state, 10);
    const cut = variantsCache(dir);
    expect([...variantsArtifacts(docs.slice(0, 2), { cache: cut })]).toEqual(plain);
    expect(cut.clauseState!.read()!.length).toBeGreaterThan(40);
  });
});

describe('the state files and the pruning', () => {
  it('gives back each state file as the last build wrote it, whole or in parts, to the next build', () => {
    const dir = tempCorpus();
    const first = variantsCache(dir);
    expect(first.pairState!.read()).toBeNull();
    first.clauseState!.writeParts([Uint8Array.of(1, 2), Uint8Array.of(3, 4)]);
    first.pairState!.write(Uint8Array.of(8));
    first.commonState!.write(Uint8Array.of(9, 9));
    first.sharedState!.write(Uint8Array.of(10));
    first.subjectState.writeParts!([Uint8Array.of(5, 6), new Uint8Array(0), Uint8Array.of(7)]);
    const next = variantsCache(dir);
    const read = (s: { read: () => Uint8Array | null } | undefined) => Array.from(s!.read()!);
    expect([next.clauseState, next.pairState, next.commonState, next.sharedState, next.subjectState].map(read)).toEqual([[1, 2, 3, 4], [8], [9, 9], [10], [5, 6, 7]]);
    // Each in a file of its own, named as the cache names its state.
    expect(readdirSync(path.join(dir, VARIANTS_CACHE_DIR)).sort()).toEqual(['clauses.bin', 'common.bin', 'pairs.bin', 'shared.bin', 'subject.bin']);
  });

  it('removes only what the cache names as its own: unused entries and killed builds\' leftovers, never a file named otherwise', async () => {
    const dir = tempCorpus();
    const cache = path.join(dir, VARIANTS_CACHE_DIR);
    mkdirSync(cache, { recursive: true });
    const hex = (c: string) => c.repeat(64);
    const own = [`${hex('a')}.bin`, `${hex('b')}.bin`, 'clauses.bin', `${hex('c')}.bin.4242.tmp`, 'clauses.bin.77.tmp'];
    const others = [`x${hex('d')}.bin`, `${hex('e')}.bin.orig`, 'notes-clauses.bin', 'clauses.bin.bak', 'clauses.bin.7.tmp.bak', 'README.txt'];
    for (const name of [...own, ...others]) writeFileSync(path.join(cache, name), 'x');
    expect(await pruneVariantsCache(dir, new Set([`${hex('a')}.bin`]))).toBe(3);
    expect(readdirSync(cache).sort()).toEqual([`${hex('a')}.bin`, 'clauses.bin', ...others].sort());
  });

  it("reads a gone document's entry by its name only inside the cache folder", () => {
    const dir = tempCorpus();
    const name = `${'f'.repeat(64)}.bin`;
    mkdirSync(path.join(dir, 'elsewhere'));
    mkdirSync(path.join(dir, VARIANTS_CACHE_DIR), { recursive: true });
    writeFileSync(path.join(dir, 'elsewhere', name), Uint8Array.of(1, 2, 3, 4));
    writeFileSync(path.join(dir, VARIANTS_CACHE_DIR, name), Uint8Array.of(9, 9, 9, 9));
    const cache = variantsCache(dir);
    expect(Array.from(cache.entryByKey!(name)!)).toEqual([9, 9, 9, 9]);
    expect(cache.entryByKey!(`../../elsewhere/${name}`)).toBeNull();
    expect(cache.entryByKey!(`${name}.orig`)).toBeNull();
  });
});

describe('writeAside', () => {
  it('writes parts one after the other, small ones gathered, large ones whole, and leaves no file aside', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'policy-reader-aside-'));
    try {
      const file = path.join(dir, 'state.bin');
      // Many small parts (more than a megabyte together), one larger than a megabyte, an empty one, then small again.
      const small = Array.from({ length: 3000 }, (_, i) => new Uint8Array(500).fill(i % 251));
      const large = new Uint8Array(1.5 * 1024 * 1024).fill(7);
      const parts = [...small, large, new Uint8Array(0), Uint8Array.of(1, 2, 3)];
      expect(writeAside(file, parts)).toBe(true);
      expect(Buffer.compare(readFileSync(file), Buffer.concat(parts))).toBe(0);
      expect(readdirSync(dir)).toEqual(['state.bin']);
      // Where it cannot be written (its folder is gone): false, and nothing is left.
      expect(writeAside(path.join(dir, 'gone', 'state.bin'), [Uint8Array.of(1)])).toBe(false);
      expect(readdirSync(dir)).toEqual(['state.bin']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
