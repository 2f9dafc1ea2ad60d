/**
 * A parse cache entry (parse-cache.ts) on a real seed: read whole it is the parse; read deferred its documents
 * hold only their counts and read their units from the file when asked, and only from the very file read; an
 * entry of another layout or cut short is no entry.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rename, rm, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assembleCorpus, compactJson, parseRawFile, unitCounts, type FileParse } from '../core/corpus/build.js';
import { deferredUnits } from '../core/corpus/deferred-units.js';
import { DEFAULT_CORPUS_DIR } from './corpus-files.js';
import { sha256Hex } from './hash.js';
import { deferredParseEntry, encodeParseEntry, parseEntryText, readCachedParse, readUnits, stampOf } from './parse-cache.js';
import { parseRawFolder } from './parse-pool.js';

const SEED = '000_57e3cdbe4450e5ba.txt'; // 66 documents
let seed: FileParse | undefined;
const parse = () => (seed ??= parseRawFile({ name: SEED, bytes: new Uint8Array(readFileSync(path.join(DEFAULT_CORPUS_DIR, 'raw', SEED))) }, sha256Hex));

const NONE: FileParse = { file: 'x.pdf', rawFile: null, warnings: [{ file: 'x.pdf', message: '已跳过：扫描件' }], notes: [], docs: [] };

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
async function entryFile(text: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'policy-reader-parse-cache-'));
  dirs.push(dir);
  const file = path.join(dir, 'entry.json');
  await writeFile(file, text);
  return file;
}
const readDeferred = async (file: string, reads = { count: 0 }) => deferredParseEntry(await readFile(file), file, stampOf(await stat(file)), reads);
/** The error `f` throws (an Error with a message: asserted), or a failure when it throws none. */
function thrown(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    return (e as Error).message;
  }
  throw new Error('nothing thrown');
}
const CHANGED = /^解析缓存文件 .*entry\.json 在构建过程中被改动或删除，本次构建已停止（上一版语料不受影响），请重新构建$/;

describe('a parse cache entry', () => {
  it('read whole is the parse it was made from', () => {
    const p = parse();
    expect(p.docs.length).toBeGreaterThan(3);
    expect(parseEntryText(encodeParseEntry(p))).toEqual(p);
    expect(parseEntryText(encodeParseEntry(NONE))).toEqual(NONE);
  });

  it('of a file with no document is one line, read deferred as it is', async () => {
    expect(encodeParseEntry(NONE)).not.toContain('\n');
    expect(await readDeferred(await entryFile(encodeParseEntry(NONE)))).toEqual(NONE);
  });

  it('read deferred holds each document’s counts, and reads its units from the file when asked', async () => {
    const p = parse();
    const file = await entryFile(encodeParseEntry(p));
    const lazy = (await readDeferred(file))!;
    expect(lazy.docs.map((d) => d.doc.units)).toEqual(p.docs.map(() => []));
    expect({ ...lazy, docs: lazy.docs.map((d) => ({ ...d, doc: { ...d.doc, units: [] } })) }).toEqual({ ...p, docs: p.docs.map((d) => ({ ...d, doc: { ...d.doc, units: [] } })) });
    lazy.docs.forEach((d, k) => {
      const later = deferredUnits(d.doc)!;
      expect({ unitCount: later.unitCount, charCount: later.charCount }).toEqual(unitCounts(p.docs[k].doc.units));
      expect(later.load()).toEqual(p.docs[k].doc.units);
    });
    // The last document's too (its line ends the file, with no newline after it).
    expect(deferredUnits(lazy.docs.at(-1)!.doc)!.load().length).toBe(p.docs.at(-1)!.doc.units.length);
  });

  it('read deferred, refuses to read units from a file changed or removed since: the build stops, it does not guess', async () => {
    const p = parse();
    const text = encodeParseEntry(p);
    const file = await entryFile(text);
    // A whole second, which setting a time keeps exactly (a file's own time has nanoseconds a Date drops).
    const mtime = new Date(2024, 0, 1);
    await utimes(file, mtime, mtime);
    const lazy = (await readDeferred(file))!;
    const units = () => deferredUnits(lazy.docs[1].doc)!.load();
    expect(units()).toEqual(p.docs[1].doc.units);
    // Each of the three marks alone: other bytes of another size at the same time; the same bytes written again
    // at another time; the same bytes and time in a file put in its place (another inode).
    await writeFile(file, `${text} `);
    await utimes(file, mtime, mtime);
    expect(thrown(units)).toMatch(CHANGED);
    await writeFile(file, text);
    await utimes(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(thrown(units)).toMatch(CHANGED);
    await utimes(file, mtime, mtime);
    expect(units()).toEqual(p.docs[1].doc.units);
    await writeFile(`${file}.new`, text);
    await utimes(`${file}.new`, mtime, mtime);
    await rename(`${file}.new`, file);
    expect(thrown(units)).toMatch(CHANGED);
    await rm(file);
    expect(thrown(units)).toMatch(CHANGED);
  });

  it('a range past the file’s end, or one that is not a list of units, is refused; each read closes its file', async () => {
    const file = await entryFile('{"not":"units"}\n[]');
    const stamp = stampOf(await stat(file));
    expect(readUnits(file, stamp, 16, 18)).toEqual([]);
    expect(thrown(() => readUnits(file, stamp, 0, 15))).toMatch(CHANGED);
    expect(thrown(() => readUnits(file, stamp, 16, 30))).toMatch(CHANGED);
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let k = 0; k < 50; k++) readUnits(file, stamp, 16, 18);
    for (let k = 0; k < 50; k++) thrown(() => readUnits(file, stamp, 0, 15));
    expect(open()).toBe(before);
  });

  it('of another layout, cut short or of too few lines is no entry (the file is parsed again)', async () => {
    const p = parse();
    const text = encodeParseEntry(p);
    const lines = text.split('\n');
    // The layout before this one: the parse as one JSON document.
    const older = JSON.stringify(p);
    const cut = text.slice(0, text.length >> 1);
    const fewer = lines.slice(0, -1).join('\n');
    const extra = `${text}\n[]`;
    const head = JSON.parse(lines[0]) as { format: string };
    const otherFormat = [JSON.stringify({ ...head, format: `${head.format}.1` }), ...lines.slice(1)].join('\n');
    const noDocs = JSON.stringify({ format: head.format });
    // The right number of lines, one of them not JSON.
    const brokenLine = [...lines.slice(0, -1), 'not json'].join('\n');
    expect(parseEntryText(brokenLine)).toBeNull();
    for (const bad of [older, cut, fewer, extra, `${text}\n`, otherFormat, noDocs, 'null', '', 'not json']) {
      expect(parseEntryText(bad)).toBeNull();
      expect(await readDeferred(await entryFile(bad))).toBeNull();
    }
    // Cut short after its head: the head says how long the entry is.
    const file = await entryFile(text);
    await truncate(file, Buffer.byteLength(text) - 10);
    expect(await readDeferred(file)).toBeNull();
    expect(readCachedParse(file, { count: 0 })).toBeNull();
    // A document's line one byte longer and the next one byte shorter: the same size, another layout.
    const moved = JSON.parse(lines[0]) as { lineBytes: number[] };
    moved.lineBytes[0]++;
    moved.lineBytes[1]--;
    const shifted = [JSON.stringify(moved), ...lines.slice(1)].join('\n');
    expect(Buffer.byteLength(shifted)).toBe(Buffer.byteLength(text));
    // Read whole, every line is checked against its length; read deferred, a line when it is read.
    expect(parseEntryText(shifted)).toBeNull();
    const misled = (await readDeferred(await entryFile(shifted)))!;
    expect(thrown(() => deferredUnits(misled.docs[1].doc)!.load())).toMatch(CHANGED);
  });

  it('read from its file, only its first line is read, however long it is', async () => {
    const p = parse();
    const text = encodeParseEntry(p);
    const file = await entryFile(text);
    const reads = { count: 0 };
    const read = readCachedParse(file, reads)!;
    expect(read.docs.map((d) => d.doc.title)).toEqual(p.docs.map((d) => d.doc.title));
    expect(reads.count).toBe(0);
    const same = read.docs.every((d, k) => JSON.stringify(deferredUnits(d.doc)!.load()) === JSON.stringify(p.docs[k].doc.units));
    expect(same).toBe(true);
    expect(reads.count).toBe(p.docs.length);
    // A head longer than the first read (64 KB), and one of a file with no newline (no documents).
    const long = { ...p, notes: [...p.notes, 'x'.repeat(200_000)] };
    expect(readCachedParse(await entryFile(encodeParseEntry(long)), reads)?.notes.at(-1)).toHaveLength(200_000);
    expect(readCachedParse(await entryFile(encodeParseEntry({ ...NONE, notes: ['y'.repeat(100_000)] })), reads)?.notes).toEqual(['y'.repeat(100_000)]);
    expect(readCachedParse(path.join(path.dirname(file), 'none.json'), reads)).toBeNull();
    // A folder where the entry should be: opened, but not read.
    expect(readCachedParse(path.dirname(file), reads)).toBeNull();
    // Each read closes its file, whether it reads an entry or not.
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let k = 0; k < 50; k++) readCachedParse(file, reads);
    for (let k = 0; k < 50; k++) readCachedParse(path.dirname(file), reads);
    expect(open()).toBe(before);
  });

  it('whose lengths are not whole numbers of bytes, or not one per document, is no entry', async () => {
    const text = encodeParseEntry(parse());
    const [first, ...lines] = text.split('\n');
    const head = JSON.parse(first) as { lineBytes: number[] };
    // The same total as the true lengths, so that only the lengths themselves are wrong.
    const withLengths = (lineBytes: number[]) => [JSON.stringify({ ...head, lineBytes }), ...lines].join('\n');
    const [l0, l1, ...rest] = head.lineBytes;
    for (const bad of [
      withLengths([-1, l0 + l1 + 1, ...rest]),
      withLengths([l0 + 0.5, l1 - 0.5, ...rest]),
      withLengths([l0 + l1 + 1, ...rest]),
      withLengths([l0, l1, ...rest, 0].map((n, k, all) => (k === all.length - 2 ? n - 1 : n))),
      [JSON.stringify({ ...head, lineBytes: undefined }), ...lines].join('\n'),
    ]) {
      expect(parseEntryText(bad)).toBeNull();
      expect(await readDeferred(await entryFile(bad))).toBeNull();
    }
    // Lines of the lengths the head says, one of them not JSON: read whole, no entry.
    const garbled = [first, ...lines.slice(0, -1), 'x'.repeat(Buffer.byteLength(lines.at(-1)!))].join('\n');
    expect(parseEntryText(garbled)).toBeNull();
  });

  it('through the parse phase: a rebuild’s documents come deferred and assemble to the first build’s; a cache file changed since stops the reading', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'policy-reader-parse-cache-'));
    dirs.push(dir);
    const rawDir = path.join(DEFAULT_CORPUS_DIR, 'raw');
    const names = [SEED, '001_3ae65a0b828b041b.txt'];
    const first = await parseRawFolder({ rawDir, names, corpusDir: dir, jobs: 0 });
    expect([first.parsed, first.cached]).toEqual([2, 0]);
    const whole = assembleCorpus(first.parses, sha256Hex).docs.map(compactJson);
    const again = await parseRawFolder({ rawDir, names, corpusDir: dir, jobs: 0 });
    expect([again.parsed, again.cached]).toEqual([0, 2]);
    const docs = assembleCorpus(again.parses, sha256Hex).docs;
    expect(docs.every((d) => deferredUnits(d))).toBe(true);
    expect(again.unitReads.count).toBe(0);
    expect(docs.map(compactJson)).toEqual(whole);
    expect(again.unitReads.count).toBe(docs.length);
    // Read again, then every cache file written again at another time: a document's units can no longer be trusted
    // to be those read.
    const later = assembleCorpus((await parseRawFolder({ rawDir, names, corpusDir: dir, jobs: 0 })).parses, sha256Hex).docs;
    const cacheDir = path.join(dir, 'cache', 'parse');
    for (const f of await readdir(cacheDir)) {
      const bytes = await readFile(path.join(cacheDir, f));
      await rm(path.join(cacheDir, f));
      await writeFile(path.join(cacheDir, f), bytes);
      await utimes(path.join(cacheDir, f), new Date(2020, 0, 1), new Date(2020, 0, 1));
    }
    expect(thrown(() => later[0].units)).toMatch(/^解析缓存文件 .*\.json 在构建过程中被改动或删除，本次构建已停止（上一版语料不受影响），请重新构建$/);
  });

  it('a rebuild holds what it parses as it holds a cached parse: units read from the entry just written, when asked', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'policy-reader-parse-pool-'));
    dirs.push(dir);
    const rawDir = path.join(DEFAULT_CORPUS_DIR, 'raw');
    const names = [SEED, '001_3ae65a0b828b041b.txt'];
    const held = await parseRawFolder({ rawDir, names, corpusDir: dir, jobs: 0 });
    const whole = assembleCorpus(held.parses, sha256Hex).docs;
    // A first build keeps the units it parsed.
    expect(whole.some((d) => deferredUnits(d))).toBe(false);
    await rm(path.join(dir, 'cache'), { recursive: true });
    const deferred = await parseRawFolder({ rawDir, names, corpusDir: dir, jobs: 0, deferParsed: true });
    expect([deferred.parsed, deferred.cached]).toEqual([2, 0]);
    const docs = assembleCorpus(deferred.parses, sha256Hex).docs;
    expect(docs.every((d) => deferredUnits(d))).toBe(true);
    expect(deferred.parsedUnitReads.count).toBe(0);
    expect(docs.map(compactJson)).toEqual(whole.map(compactJson));
    // Each document's units read once, from the entry: counted apart from a cached parse's.
    expect(deferred.parsedUnitReads.count).toBe(docs.length);
    expect(deferred.unitReads.count).toBe(0);
  });
});
