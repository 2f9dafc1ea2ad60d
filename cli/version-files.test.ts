/**
 * A new version links the files of the previous one that it would write again byte for byte (cli/version-files.ts),
 * and writes the rest: never a file edited since the build wrote it, never on a record that is not the current
 * version's. On small hand-made builds written with their hashes, as the build's stream gives them.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus, type CorpusFileOut } from './corpus-files.js';
import { readVersionFiles, saveVersionFiles } from './version-files.js';
import { build, removeTmpDirs, sha, tmp, tree, 政务服务, 营商环境, 数据管理 } from '../test-support/corpus-folders.js';

afterAll(removeTmpDirs);

/** The files with the SHA-256 of each (not the manifest's), as corpusFileStream hands them to the writer. */
const hashed = (files: [string, string][]): CorpusFileOut[] => files.map(([rel, content]) => (rel === 'manifest.json' ? [rel, content] : [rel, content, sha(content)]));
const inode = async (dir: string, version: string, rel: string) => (await stat(path.join(dir, 'versions', version, rel))).ino;
const RECORD = (dir: string) => path.join(dir, 'cache', 'version-files.json');

describe('a new version and the files of the previous one', () => {
  it('links every file the previous version holds with the same content, and writes the others', async () => {
    const dir = await tmp();
    const first = build([政务服务, 营商环境], { newer: true });
    const r1 = await writeCorpus(dir, hashed(first.files));
    expect(r1.linked).toBe(0);
    const before = new Map<string, number>();
    const firstTimes = new Map<string, number>();
    for (const rel of Object.keys(first.byPath)) {
      before.set(rel, await inode(dir, r1.version, rel));
      firstTimes.set(rel, (await stat(path.join(dir, 'versions', r1.version, rel))).mtimeMs);
    }
    await new Promise((r) => setTimeout(r, 30)); // past the file system's clock tick: a file written again would show it

    const second = build([政务服务, 数据管理], { newer: true });
    const same = Object.keys(second.byPath).filter((rel) => rel !== 'manifest.json' && first.byPath[rel] === second.byPath[rel]);
    expect(same).toEqual(expect.arrayContaining([`docs/${政务服务.id}.json`, `variants/${政务服务.id}.json`, 'variants.json']));
    const r2 = await writeCorpus(dir, hashed(second.files));
    expect(r2.linked).toBe(same.length);
    expect(r2.retired).toEqual([r1.version]);
    expect(await tree(path.join(dir, 'versions', r2.version))).toEqual(second.byPath);
    for (const rel of Object.keys(second.byPath)) {
      const linked = same.includes(rel);
      expect([rel, (await inode(dir, r2.version, rel)) === before.get(rel)]).toEqual([rel, linked]);
    }
    // A linked file is the first build's, untouched: written again, it would have a new modification time.
    const kept = await stat(path.join(dir, 'versions', r2.version, `docs/${政务服务.id}.json`));
    expect(kept.mtimeMs).toBe(firstTimes.get(`docs/${政务服务.id}.json`));
    // The record now describes the new version, the linked files as the first build wrote them.
    const record = await readVersionFiles(dir, r2.version);
    expect([...record!.keys()].sort()).toEqual(Object.keys(second.byPath).filter((rel) => rel !== 'manifest.json').sort());
    expect(record!.get(`docs/${数据管理.id}.json`)!.sha256).toBe(sha(second.byPath[`docs/${数据管理.id}.json`]));
  });

  it('makes a document given as a function only when it must write it, and refuses one that is not what its hash says', async () => {
    const dir = await tmp();
    const b = build([政务服务, 营商环境], { newer: true });
    let made = 0;
    const lazily = (): CorpusFileOut[] => hashed(b.files).map(([rel, content, sha]) => (rel.startsWith('docs/') ? [rel, () => (made++, content as string), sha] : [rel, content, sha]));
    const r1 = await writeCorpus(dir, lazily());
    expect(made).toBe(2);
    expect(await tree(path.join(dir, 'versions', r1.version))).toEqual(b.byPath);
    made = 0;
    const r2 = await writeCorpus(dir, lazily());
    expect(made).toBe(0);
    expect(r2.linked).toBe(Object.keys(b.byPath).length - 1);

    const wrong = hashed(build([政务服务, 数据管理], { newer: true }).files).map(([rel, content, sha]): CorpusFileOut => (rel === `docs/${数据管理.id}.json` ? [rel, () => `${content as string} `, sha] : [rel, content, sha]));
    // A new document, so written (a linked one is the file its hash was recorded for).
    await expect(writeCorpus(dir, wrong)).rejects.toThrow(`无法写入新的语料版本：docs/${数据管理.id}.json 在算出哈希之后被改动。上一次构建的结果保持不变`);
    expect(await tree(path.join(dir, 'current'))).toEqual(b.byPath);
  });

  it('writes again a file edited in place since the build wrote it, so the new version holds what the build made', async () => {
    const dir = await tmp();
    const b = build([政务服务, 营商环境], { newer: true });
    const r1 = await writeCorpus(dir, hashed(b.files));
    const rel = `docs/${政务服务.id}.json`;
    const at = path.join(dir, 'versions', r1.version, rel);
    // Past the file system's clock tick, as a later edit is; the same size, as an edit of one character can be.
    await new Promise((r) => setTimeout(r, 30));
    const edited = (await readFile(at, 'utf8')).replace('政务服务', '政务公开');
    expect(Buffer.byteLength(edited)).toBe(Buffer.byteLength(b.byPath[rel]));
    await writeFile(at, edited);
    const r2 = await writeCorpus(dir, hashed(b.files));
    expect(r2.linked).toBe(Object.keys(b.byPath).length - 2);
    expect(await readFile(path.join(dir, 'versions', r2.version, rel), 'utf8')).toBe(b.byPath[rel]);
  });

  it('writes again a file replaced since, though its time was put back: of another size, another file of the same size, or gone', async () => {
    const dir = await tmp();
    const b = build([政务服务, 营商环境, 数据管理], { newer: true });
    const r1 = await writeCorpus(dir, hashed(b.files));
    const at = (rel: string) => path.join(dir, 'versions', r1.version, rel);
    const resized = `docs/${政务服务.id}.json`;
    const replaced = `docs/${营商环境.id}.json`;
    const gone = `docs/${数据管理.id}.json`;
    // Copies that keep times (cp -p, rsync -t) come with the time the build wrote: the record is given each one's
    // time here, to the nanosecond, so that only the size or only the inode tells them apart.
    const size = (await stat(at(replaced))).size;
    await writeFile(at(resized), b.byPath[resized].replace('政务服务', '政务'));
    await writeFile(at(replaced) + '.new', b.byPath[replaced].replace('营商环境', '营商氛围'));
    await rename(at(replaced) + '.new', at(replaced));
    expect((await stat(at(replaced))).size).toBe(size);
    const record = JSON.parse(await readFile(RECORD(dir), 'utf8')) as { files: [string, string, number, number, number][] };
    for (const entry of record.files) if (entry[0] === resized || entry[0] === replaced) entry[3] = (await stat(at(entry[0]))).mtimeMs;
    await writeFile(RECORD(dir), JSON.stringify(record));
    await rm(at(gone));
    const r2 = await writeCorpus(dir, hashed(b.files));
    expect(r2.linked).toBe(Object.keys(b.byPath).length - 1 - 3);
    for (const rel of [resized, replaced, gone]) expect(await readFile(path.join(dir, 'versions', r2.version, rel), 'utf8')).toBe(b.byPath[rel]);
  });

  it('links through a pointer that names its version by an absolute path, as a junction on Windows does', async () => {
    const dir = await tmp();
    const b = build([政务服务, 营商环境], { newer: true });
    const r1 = await writeCorpus(dir, hashed(b.files));
    await rm(path.join(dir, 'current'));
    await symlink(path.join(dir, 'versions', r1.version), path.join(dir, 'current'));
    const r2 = await writeCorpus(dir, hashed(b.files));
    expect(r2.linked).toBe(Object.keys(b.byPath).length - 1);
  });

  it('builds as before when the record cannot be saved, and leaves no half-written record', async () => {
    const dir = await tmp();
    const b = build([政务服务, 营商环境], { newer: true });
    await mkdir(path.join(RECORD(dir), 'in-the-way'), { recursive: true });
    const r1 = await writeCorpus(dir, hashed(b.files));
    expect(await tree(path.join(dir, 'versions', r1.version))).toEqual(b.byPath);
    expect(await readdir(path.join(dir, 'cache'))).toEqual(['version-files.json']);
    expect(await saveVersionFiles(dir, r1.version, new Map([['library.json', { sha256: sha('[]'), size: 2, mtimeMs: 3, ino: 4 }]]))).toBe(false);
    expect(await readdir(path.join(dir, 'cache'))).toEqual(['version-files.json']);
    const r2 = await writeCorpus(dir, hashed(b.files));
    expect(r2.linked).toBe(0);
  });

  it.skipIf(!existsSync('/proc/self/fd'))('closes every file it writes (a version is 21,000 files at 10,000 documents; /proc/self/fd lists what is open, Linux only)', async () => {
    const dir = await tmp();
    const b = build([政务服务, 营商环境, 数据管理], { newer: true });
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    await writeCorpus(dir, hashed(b.files));
    expect(open()).toBe(before);
  });

  it('links nothing on a record of another version (a build killed between its switch and its record) or one that does not read', async () => {
    const dir = await tmp();
    const b = build([政务服务, 营商环境], { newer: true });
    const r1 = await writeCorpus(dir, hashed(b.files));
    const record = JSON.parse(await readFile(RECORD(dir), 'utf8'));
    expect(record.version).toBe(r1.version);
    await writeFile(RECORD(dir), JSON.stringify({ ...record, version: 'mxa00000-000000000000' }));
    const r2 = await writeCorpus(dir, hashed(b.files));
    expect(r2.linked).toBe(0);
    expect(await tree(path.join(dir, 'versions', r2.version))).toEqual(b.byPath);

    for (const damaged of ['{"format":1,"version":', JSON.stringify({ ...record, version: r2.version, files: [['library.json', 'not a hash', 1, 2, 3]] })]) {
      const current = JSON.parse(await readFile(RECORD(dir), 'utf8')).version;
      await writeFile(RECORD(dir), damaged);
      const r = await writeCorpus(dir, hashed(b.files));
      expect([current, r.linked]).toEqual([current, 0]);
      expect(await tree(path.join(dir, 'versions', r.version))).toEqual(b.byPath);
    }
  });

  it('reads a record only when every entry is whole: a path, a SHA-256 in lower-case hex, and three finite numbers', async () => {
    const dir = await tmp();
    await mkdir(path.join(dir, 'cache'));
    const good = ['docs/p1.json', sha('x'), 12, 1733400000123.456, 42];
    const record = (files: unknown, extra: object = {}) => JSON.stringify({ format: 1, version: 'v1', files, ...extra });
    await writeFile(RECORD(dir), record([good, ['library.json', sha('y'), 2, 3, 4]]));
    expect(await readVersionFiles(dir, 'v1')).toEqual(
      new Map([
        ['docs/p1.json', { sha256: sha('x'), size: 12, mtimeMs: 1733400000123.456, ino: 42 }],
        ['library.json', { sha256: sha('y'), size: 2, mtimeMs: 3, ino: 4 }],
      ]),
    );
    const damaged: [string, string][] = [
      ['another format', record([good], { format: 2 })],
      ['no list', record({ 0: good })],
      ['not JSON', '{"format":1,'],
      ['null', 'null'],
      ['an entry not a list', record([good, { rel: 'a' }])],
      ['an entry like a list', record([good, { ...good, length: 5 }])],
      ['four fields', record([good, good.slice(0, 4)])],
      ['six fields', record([good, [...good, 1]])],
      ['a path not text', record([good, [7, ...good.slice(1)]])],
      ['a hash not text', record([good, ['a', 7, 1, 2, 3]])],
      ['a short hash', record([good, ['a', sha('x').slice(1), 1, 2, 3]])],
      ['a hash in capitals', record([good, ['a', sha('x').toUpperCase(), 1, 2, 3]])],
      ['a hash after junk', record([good, ['a', `x${sha('x')}`, 1, 2, 3]])],
      ['a hash before junk', record([good, ['a', `${sha('x')}x`, 1, 2, 3]])],
      ['a size as text', record([good, ['a', sha('x'), '1', 2, 3]])],
      ['an inode missing', record([good, ['a', sha('x'), 1, 2, null]])],
    ];
    for (const [what, text] of damaged) {
      await writeFile(RECORD(dir), text);
      expect([what, await readVersionFiles(dir, 'v1')]).toEqual([what, null]);
    }
    // A number too large for a double reads as Infinity: not a time.
    await writeFile(RECORD(dir), record([good]).replace('1733400000123.456', '1e999'));
    expect(await readVersionFiles(dir, 'v1')).toBeNull();
  });

  it('writes no record for files given without their hashes, and reads back what it saved', async () => {
    const dir = await tmp();
    expect(await saveVersionFiles(dir, 'v1', new Map())).toBe(false);
    expect(await readVersionFiles(dir, 'v1')).toBeNull();
    const files = new Map([['library.json', { sha256: sha('[]'), size: 2, mtimeMs: 1733400000123.456, ino: 42 }]]);
    expect(await saveVersionFiles(dir, 'v1', files)).toBe(true);
    expect(await readVersionFiles(dir, 'v1')).toEqual(files);
    expect(await readVersionFiles(dir, 'v2')).toBeNull();
  });
});
