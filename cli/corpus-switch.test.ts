/**
 * The switch to a new version (and what a build stopped at each of its steps leaves), retiring old versions
 * without deleting what a build did not write, and replacing a flat corpus of an earlier build, on small
 * hand-made folders (test-support/corpus-folders.ts). cli/kill-switch.test.ts kills a real build process at
 * each file-system step; these tests reach the same states without a process, one step at a time.
 */
import { mkdir, readFile, readlink, rename, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDocument, writeCorpus, type SwitchStep } from './corpus-files.js';
import { COMPAT, build, builtCorpus, deadPid, names, readerView, removeTmpDirs, tmp, tree, view, 政务服务, 营商环境, 数据管理 } from '../test-support/corpus-folders.js';

afterAll(removeTmpDirs);

describe('writing a build and switching readers to it', () => {
  it('writes the first build as a version named by time and content hash, points current and the fixed links at it', async () => {
    const dir = await tmp();
    await mkdir(path.join(dir, 'raw'));
    await writeFile(path.join(dir, 'raw', 'a.txt'), '青岛市政务服务管理办法');
    const b = build([政务服务, 营商环境], { newer: true, nested: true });
    const steps: SwitchStep[] = [];
    const t0 = Date.now();
    const r = await writeCorpus(dir, b.files, (s) => steps.push(s));
    const t1 = Date.now();
    expect(steps).toEqual(['staged', 'version-in-place', 'switched', 'links', 'retired']);
    const [time, hash12] = r.version.split('-');
    expect(hash12).toBe(b.hash.slice(0, 12));
    expect(time).toMatch(/^[0-9a-z]+$/);
    expect(parseInt(time, 36)).toBeGreaterThanOrEqual(t0);
    expect(parseInt(time, 36)).toBeLessThanOrEqual(t1);
    expect(r).toEqual({ version: r.version, retired: [], kept: [], linked: 0 });

    expect(await names(dir)).toEqual([...COMPAT, 'current', 'raw', 'versions'].sort());
    expect(await names(path.join(dir, 'versions'))).toEqual([r.version]);
    expect(await tree(path.join(dir, 'versions', r.version))).toEqual(b.byPath);
    expect(await readlink(path.join(dir, 'current'))).toBe(`versions/${r.version}`);
    for (const n of COMPAT) expect(await readlink(path.join(dir, n)), n).toBe(`current/${n}`);
    // Through the fixed links, as a reader that opens DIR/library.json does.
    expect(await readFile(path.join(dir, 'library.json'), 'utf8')).toBe(b.byPath['library.json']);
    expect(await readFile(path.join(dir, 'docs', `${营商环境.id}.json`), 'utf8')).toBe(b.byPath[`docs/${营商环境.id}.json`]);
    expect(await readerView(dir)).toEqual(view([政务服务, 营商环境]));
    expect(await readFile(path.join(dir, 'raw', 'a.txt'), 'utf8')).toBe('青岛市政务服务管理办法');
  });

  it('names a version without a manifest "nohash", and takes the hash from manifest.json only', async () => {
    const dir = await tmp();
    const r = await writeCorpus(dir, build([政务服务], { noManifest: true }).files);
    expect(r.version).toMatch(/^[0-9a-z]+-nohash$/);
  });

  it('retires the previous version once the new one is current: only the new version is left, and readers see it', async () => {
    const { dir, version: first } = await builtCorpus([政务服务, 营商环境], { newer: true, nested: true });
    const next = build([政务服务, 数据管理], { newer: true, nested: true });
    const r = await writeCorpus(dir, next.files);
    expect(r.retired).toEqual([first]);
    expect(r.kept).toEqual([]);
    expect(await names(path.join(dir, 'versions'))).toEqual([r.version]);
    // Every file of the new build is there, through current and through the fixed links.
    expect(await tree(path.join(dir, 'versions', r.version))).toEqual(next.byPath);
    for (const rel of Object.keys(next.byPath)) expect(await readFile(path.join(dir, rel), 'utf8'), rel).toBe(next.byPath[rel]);
    expect(await readerView(dir)).toEqual(view([政务服务, 数据管理]));
    expect(await loadDocument(dir, 营商环境.id)).toBeNull();
    for (const n of COMPAT) expect(await readlink(path.join(dir, n)), n).toBe(`current/${n}`);
  });

  it('replaces a fixed link that points elsewhere, and leaves a file of the same name alone', async () => {
    const { dir } = await builtCorpus([政务服务]);
    await rm(path.join(dir, 'library.json'));
    await symlink('versions/旧版/library.json', path.join(dir, 'library.json'));
    await rm(path.join(dir, 'variants.json'));
    await writeFile(path.join(dir, 'variants.json'), '我的文件');
    const r = await writeCorpus(dir, build([营商环境]).files);
    expect(await readlink(path.join(dir, 'library.json'))).toBe('current/library.json');
    expect(await readFile(path.join(dir, 'variants.json'), 'utf8')).toBe('我的文件');
    expect(r.kept).toEqual(['variants.json']);
  });

  it('leaves the previous build current and readable, and no staging folder, when writing the new one fails', async () => {
    const { dir, version } = await builtCorpus([政务服务, 营商环境]);
    const before = await tree(path.join(dir, 'versions', version));
    const fullDisk = Object.assign(new Error('no space left on device, write'), { code: 'ENOSPC' });
    function* failing(): Generator<[string, string]> {
      const files = build([数据管理]).files;
      yield files[0];
      yield files[1];
      throw fullDisk;
    }
    const err = await writeCorpus(dir, failing()).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe('无法写入新的语料版本：磁盘空间不足，请清理磁盘后重试（ENOSPC）。上一次构建的结果保持不变');
    expect((err as Error).cause).toBe(fullDisk);
    expect(await names(path.join(dir, 'versions'))).toEqual([version]);
    expect(await tree(path.join(dir, 'versions', version))).toEqual(before);
    expect(await readerView(dir)).toEqual(view([政务服务, 营商环境]));

    // A failure without an error code is named by its message; this one comes before the first file.
    const broken: Iterable<[string, string]> = {
      [Symbol.iterator]: () => ({
        next: () => {
          throw new Error('文档 p9 无法序列化');
        },
      }),
    };
    await expect(writeCorpus(dir, broken)).rejects.toThrow(/^无法写入新的语料版本：文档 p9 无法序列化。上一次构建的结果保持不变$/);
    expect(await names(path.join(dir, 'versions'))).toEqual([version]);

    // The file system refuses a write while others are in flight (a file where the build's folder is): the same,
    // whether more files follow (the build stops making them soon after, not at the end) or it was the last one.
    for (const later of [200, 0]) {
      let made = 0;
      function* clashing(): Generator<[string, string]> {
        const files = build([数据管理]).files;
        yield* files.slice(0, -1);
        yield ['docs', '{}'];
        for (; made < later; made++) yield [`docs/later-${made}.json`, '{}'];
      }
      const refused = await writeCorpus(dir, clashing()).catch((e: Error) => e);
      expect((refused as Error).message).toMatch(/^无法写入新的语料版本：处理 .*docs 失败：这是一个文件夹，不是文件（EISDIR）。上一次构建的结果保持不变$/);
      expect(made).toBeLessThan(100);
      expect(await names(path.join(dir, 'versions'))).toEqual([version]);
      expect(await tree(path.join(dir, 'versions', version))).toEqual(before);
      expect(await readerView(dir)).toEqual(view([政务服务, 营商环境]));
    }
  });

  it('leaves one complete build readable wherever a build stops, and the next build finishes the switch', async () => {
    const stops: [SwitchStep, 'old' | 'new'][] = [
      ['staged', 'old'],
      ['version-in-place', 'old'],
      ['switched', 'new'],
      ['links', 'new'],
    ];
    for (const [step, seen] of stops) {
      const { dir } = await builtCorpus([政务服务, 营商环境], { newer: true });
      await writeFile(path.join(dir, '工作笔记.txt'), '我的笔记');
      const stopped = writeCorpus(dir, build([政务服务, 数据管理], { newer: true, nested: true }).files, (s) => {
        if (s === step) throw new Error(`stopped at ${s}`);
      });
      await expect(stopped).rejects.toThrow(`stopped at ${step}`);
      expect(await readerView(dir), step).toEqual(seen === 'old' ? view([政务服务, 营商环境]) : view([政务服务, 数据管理]));
      // The next build, of other documents, ends with just its own version and nothing of the stopped one.
      const last = build([数据管理], { newer: true });
      const r = await writeCorpus(dir, last.files);
      expect(await names(path.join(dir, 'versions')), step).toEqual([r.version]);
      expect(await tree(path.join(dir, 'versions', r.version)), step).toEqual(last.byPath);
      expect(await readerView(dir), step).toEqual(view([数据管理]));
      expect(await names(dir), step).toEqual([...COMPAT, 'current', 'raw', 'versions', '工作笔记.txt'].sort());
      expect(await readFile(path.join(dir, '工作笔记.txt'), 'utf8')).toBe('我的笔记');
      expect(r.kept, step).toEqual([]);
    }
  });

  it("removes what killed builds left — staging folders, half-made links — and nothing of the user's with similar names", async () => {
    const { dir, version } = await builtCorpus([政务服务]);
    const pid = deadPid();
    const left = [`versions/.build-${pid}/docs/${数据管理.id}.json`, `.build-${pid}/library.json`];
    for (const f of left) {
      await mkdir(path.dirname(path.join(dir, f)), { recursive: true });
      await writeFile(path.join(dir, f), '{}');
    }
    for (const n of [`current.${pid}.tmp`, `library.json.${pid}.tmp`, `variants-lsh.json.${pid}.tmp`]) await symlink(`versions/${version}`, path.join(dir, n));
    const mine = ['草稿.12345.tmp', 'my-current.12345.tmp', 'current.12345.tmp.bak', 'docs.tmp'];
    for (const n of mine) await writeFile(path.join(dir, n), '我的');
    for (const n of ['old.build-12345', '.build-12345.bak', '.build-mine']) await mkdir(path.join(dir, n));
    const r = await writeCorpus(dir, build([营商环境]).files);
    expect(await names(dir)).toEqual([...COMPAT, 'current', 'raw', 'versions', ...mine, 'old.build-12345', '.build-12345.bak', '.build-mine'].sort());
    expect(await names(path.join(dir, 'versions'))).toEqual([r.version]);
    expect(await readerView(dir)).toEqual(view([营商环境]));
  });

  it('does not take into the new version what a dead build with this same pid left in its staging folder', async () => {
    const { dir } = await builtCorpus([政务服务]);
    const stale = path.join(dir, 'versions', `.build-${process.pid}`, 'docs', `${数据管理.id}.json`);
    await mkdir(path.dirname(stale), { recursive: true });
    await writeFile(stale, '{}');
    const next = build([营商环境]);
    const r = await writeCorpus(dir, next.files);
    expect(await tree(path.join(dir, 'versions', r.version))).toEqual(next.byPath);
    expect(await names(path.join(dir, 'versions'))).toEqual([r.version]);
  });
});

describe('retiring old versions', () => {
  it("keeps the user's file inside a retired version, where the user left it, and says which folder", async () => {
    const { dir, version: old } = await builtCorpus([政务服务, 营商环境], { newer: true });
    await writeFile(path.join(dir, 'versions', old, 'docs', '我的报告.txt'), '我的报告');
    const r = await writeCorpus(dir, build([数据管理]).files);
    expect(r.retired).toEqual([old]);
    expect(r.kept).toEqual([`versions/${old}/docs`]);
    expect(await tree(path.join(dir, 'versions', old))).toEqual({ 'docs/我的报告.txt': '我的报告' });
    expect(await names(path.join(dir, 'versions', old))).toEqual(['docs']);
    expect(await names(path.join(dir, 'versions'))).toEqual([old, r.version].sort());
    // The build after that leaves it as it is, again.
    const again = await writeCorpus(dir, build([营商环境]).files);
    expect(again.kept).toEqual([`versions/${old}`]);
    expect(again.retired).toEqual([r.version]);
    expect(await tree(path.join(dir, 'versions', old))).toEqual({ 'docs/我的报告.txt': '我的报告' });
  });

  it('retires a version of many files (more than are deleted at once): every listed file, and none of the user\'s', async () => {
    const dir = await tmp();
    const listed = Array.from({ length: 300 }, (_, i) => `docs/d${i}.json`);
    const first = await writeCorpus(dir, [...listed.map((f): [string, string] => [f, `{"n":${f.length}}`]), ['manifest.json', JSON.stringify({ contentHash: 'a'.repeat(64), files: listed })]]);
    await writeFile(path.join(dir, 'versions', first.version, 'docs', '我的笔记.txt'), '笔记');
    const r = await writeCorpus(dir, build([数据管理]).files);
    expect(r.retired).toEqual([first.version]);
    expect(r.kept).toEqual([`versions/${first.version}/docs`]);
    expect(await tree(path.join(dir, 'versions', first.version))).toEqual({ 'docs/我的笔记.txt': '笔记' });
  });

  it('removes the nested folders of a retired version, and names only the deepest folder that holds a file of the user', async () => {
    const a = await builtCorpus([政务服务], { nested: true });
    const r = await writeCorpus(a.dir, build([营商环境]).files);
    expect(await names(path.join(a.dir, 'versions'))).toEqual([r.version]);

    const b = await builtCorpus([政务服务], { nested: true });
    await writeFile(path.join(b.dir, 'versions', b.version, 'search', 'shards', '备注.txt'), '备注');
    const rb = await writeCorpus(b.dir, build([营商环境]).files);
    expect(rb.kept).toEqual([`versions/${b.version}/search/shards`]);
    expect(await tree(path.join(b.dir, 'versions', b.version))).toEqual({ 'search/shards/备注.txt': '备注' });
  });

  it("names the version itself when the user's file is at its top, or when a folder the build wrote is already gone", async () => {
    const { dir, version: old } = await builtCorpus([政务服务, 营商环境]);
    await writeFile(path.join(dir, 'versions', old, '说明.txt'), '说明');
    await rm(path.join(dir, 'versions', old, 'docs'), { recursive: true });
    const r = await writeCorpus(dir, build([数据管理]).files);
    expect(r.kept).toEqual([`versions/${old}`]);
    expect(r.retired).toEqual([old]);
    expect(await tree(path.join(dir, 'versions', old))).toEqual({ '说明.txt': '说明' });
  });

  it("never deletes a folder in versions/ that no manifest says a build wrote, nor a listed path outside the version, but removes an empty one", async () => {
    const { dir, version: old } = await builtCorpus([政务服务]);
    await mkdir(path.join(dir, 'versions', '我的备份'));
    await writeFile(path.join(dir, 'versions', '我的备份', 'library.json'), '[]');
    await mkdir(path.join(dir, 'versions', '空文件夹'));
    // Only a name that starts with .old- is one a build set aside.
    await mkdir(path.join(dir, 'versions', '政策.old-备份'));
    await writeFile(path.join(dir, 'versions', '政策.old-备份', 'library.json'), '[]');
    await writeFile(path.join(dir, '工作笔记.txt'), '我的笔记');
    const outside = path.join(await tmp(), '别处.txt');
    await writeFile(outside, '别处的文件');
    // A manifest that lists paths out of its version: only what is inside is a build's to delete.
    const manifestPath = path.join(dir, 'versions', old, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
    manifest.files.push('../../工作笔记.txt', outside);
    await writeFile(manifestPath, JSON.stringify(manifest));
    const r = await writeCorpus(dir, build([营商环境]).files);
    expect(r.retired.sort()).toEqual([old, '空文件夹'].sort());
    expect([...r.kept].sort()).toEqual(['versions/我的备份', 'versions/政策.old-备份'].sort());
    expect(await names(path.join(dir, 'versions'))).toEqual([r.version, '我的备份', '政策.old-备份'].sort());
    expect(await readFile(path.join(dir, 'versions', '政策.old-备份', 'library.json'), 'utf8')).toBe('[]');
    expect(await readFile(path.join(dir, 'versions', '我的备份', 'library.json'), 'utf8')).toBe('[]');
    expect(await readFile(path.join(dir, '工作笔记.txt'), 'utf8')).toBe('我的笔记');
    expect(await readFile(outside, 'utf8')).toBe('别处的文件');
  }, 30_000);

  it('finishes retiring a version a killed build had set aside, and reports it by its own name', async () => {
    const { dir, version: old } = await builtCorpus([政务服务, 营商环境]);
    // Killed midway through retiring: renamed aside, some of its files already deleted.
    await rename(path.join(dir, 'versions', old), path.join(dir, 'versions', `.old-${old}`));
    await rm(path.join(dir, 'versions', `.old-${old}`, 'library.json'));
    await rm(path.join(dir, 'versions', `.old-${old}`, 'docs', `${政务服务.id}.json`));
    const r = await writeCorpus(dir, build([数据管理]).files);
    expect(r.retired).toEqual([old]);
    expect(r.kept).toEqual([]);
    expect(await names(path.join(dir, 'versions'))).toEqual([r.version]);
  });

  it("puts a set-aside version back under its own name when only the user's files are left in it", async () => {
    const { dir, version: old } = await builtCorpus([政务服务]);
    // Killed after deleting the manifest (the last of its files) and before the folder: only the user's file is left.
    const aside = path.join(dir, 'versions', `.old-${old}`);
    await rename(path.join(dir, 'versions', old), aside);
    for (const f of Object.keys(await tree(aside))) await rm(path.join(aside, f));
    await rm(path.join(aside, 'docs'), { recursive: true });
    await rm(path.join(aside, 'search'), { recursive: true });
    await writeFile(path.join(aside, '我的报告.txt'), '我的报告');
    const r = await writeCorpus(dir, build([营商环境]).files);
    expect(r.retired).toEqual([]);
    expect(r.kept).toEqual([`versions/${old}`]);
    expect(await names(path.join(dir, 'versions'))).toEqual([old, r.version].sort());
    expect(await tree(path.join(dir, 'versions', old))).toEqual({ '我的报告.txt': '我的报告' });
  });

  it("leaves a set-aside version where it is when a folder of its own name exists again, and says where the user's files are", async () => {
    const { dir, version: old } = await builtCorpus([政务服务]);
    const aside = path.join(dir, 'versions', `.old-${old}`);
    await rename(path.join(dir, 'versions', old), aside);
    await rm(path.join(aside, 'manifest.json'));
    await writeFile(path.join(aside, '我的报告.txt'), '我的报告');
    // The user has restored a copy of that version under its name.
    await mkdir(path.join(dir, 'versions', old));
    await writeFile(path.join(dir, 'versions', old, '副本.txt'), '副本');
    const r = await writeCorpus(dir, build([营商环境]).files);
    expect(r.retired).toEqual([]);
    expect([...r.kept].sort()).toEqual([`versions/${old}`, `versions/.old-${old}`].sort());
    expect((await tree(aside))['我的报告.txt']).toBe('我的报告');
    expect(await tree(path.join(dir, 'versions', old))).toEqual({ '副本.txt': '副本' });
  });

  it('removes a set-aside version a killed build had emptied, and reports it retired', async () => {
    const { dir, version: old } = await builtCorpus([政务服务]);
    await mkdir(path.join(dir, 'versions', `.old-${old}`));
    await rm(path.join(dir, 'versions', old), { recursive: true });
    const r = await writeCorpus(dir, build([营商环境]).files);
    expect(r.retired).toEqual([old]);
    expect(await names(path.join(dir, 'versions'))).toEqual([r.version]);
  });
});

describe('a flat corpus of a build before versioned folders', () => {
  /** The flat layout: a build's files at the top of the folder, a real manifest.json among them. */
  async function flatCorpus(b: ReturnType<typeof build>): Promise<string> {
    const dir = await tmp();
    await mkdir(path.join(dir, 'raw'));
    for (const [rel, text] of b.files) {
      await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await writeFile(path.join(dir, rel), text);
    }
    return dir;
  }

  it("is replaced when its manifest's hash proves the files are the build's, keeping the user's files among them", async () => {
    const dir = await flatCorpus(build([政务服务, 营商环境], { newer: true }));
    await writeFile(path.join(dir, 'docs', '我的报告.txt'), '我的报告');
    await writeFile(path.join(dir, 'variants', '说明.txt'), '说明');
    await writeFile(path.join(dir, '工作笔记.txt'), '笔记');
    const next = build([数据管理], { newer: true });
    const r = await writeCorpus(dir, next.files);
    expect([...r.kept].sort()).toEqual(['docs', 'variants']);
    expect(await tree(path.join(dir, 'docs'))).toEqual({ '我的报告.txt': '我的报告' });
    expect(await tree(path.join(dir, 'variants'))).toEqual({ '说明.txt': '说明' });
    expect(await readFile(path.join(dir, '工作笔记.txt'), 'utf8')).toBe('笔记');
    // Every other name of the build is now a link into the new version.
    for (const n of COMPAT.filter((n) => n !== 'docs' && n !== 'variants')) expect(await readlink(path.join(dir, n)), n).toBe(`current/${n}`);
    expect(await names(dir)).toEqual([...COMPAT, 'current', 'raw', 'versions', '工作笔记.txt'].sort());
    expect(await tree(path.join(dir, 'versions', r.version))).toEqual(next.byPath);
    expect(await readerView(dir)).toEqual(view([数据管理]));
  });

  it('is replaced entirely when it is of a build older still (no library-head.json, no variants)', async () => {
    const dir = await flatCorpus(build([政务服务, 营商环境], { nested: true }));
    const r = await writeCorpus(dir, build([数据管理]).files);
    expect(r.kept).toEqual([]);
    for (const n of COMPAT) expect(await readlink(path.join(dir, n)), n).toBe(`current/${n}`);
    expect(await names(dir)).toEqual([...COMPAT, 'current', 'raw', 'versions'].sort());
  });

  it('is left whole when its files do not add up to its manifest (a document edited since), and readers see the new build', async () => {
    const old = build([政务服务, 营商环境]);
    const dir = await flatCorpus(old);
    await writeFile(path.join(dir, 'docs', `${政务服务.id}.json`), '用户改过的文件');
    const r = await writeCorpus(dir, build([数据管理]).files);
    expect(r.kept).toEqual(['library.json', 'manifest.json', 'docs', 'search']);
    expect(await readFile(path.join(dir, 'library.json'), 'utf8')).toBe(old.byPath['library.json']);
    expect(await tree(path.join(dir, 'docs'))).toEqual({ [`${政务服务.id}.json`]: '用户改过的文件', [`${营商环境.id}.json`]: old.byPath[`docs/${营商环境.id}.json`] });
    expect(await readerView(dir)).toEqual(view([数据管理]));
  });

  it('is left whole when its library.json cannot be read', async () => {
    const dir = await flatCorpus(build([政务服务]));
    await writeFile(path.join(dir, 'library.json'), '[{"id": ');
    const r = await writeCorpus(dir, build([数据管理]).files);
    expect(r.kept).toEqual(['library.json', 'manifest.json', 'docs', 'search']);
    expect(await readFile(path.join(dir, 'docs', `${政务服务.id}.json`), 'utf8')).toBe(build([政务服务]).byPath[`docs/${政务服务.id}.json`]);
  });
});
