/**
 * A new version links the files of the previous one that it would write again byte for byte (cli/version-files.ts),
 * and writes the rest: never a file edited since the build wrote it, never on a record that is not the current
 * version's. On small hand-made builds written with their hashes, as the build's stream gives them.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
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
    for (const rel of Object.keys(first.byPath)) before.set(rel, await inode(dir, r1.version, rel));

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
    // The record now describes the new version, the linked files as the first build wrote them.
    const record = await readVersionFiles(dir, r2.version);
    expect([...record!.keys()].sort()).toEqual(Object.keys(second.byPath).filter((rel) => rel !== 'manifest.json').sort());
    expect(record!.get(`docs/${数据管理.id}.json`)!.sha256).toBe(sha(second.byPath[`docs/${数据管理.id}.json`]));
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
