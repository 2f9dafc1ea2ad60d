/**
 * The corpus folder's file-system side, called directly on small folders made inside each test: the build
 * lock, which folders a build may write, and reading the current build. The switch to a new version, retiring
 * old versions and replacing a flat corpus are in corpus-switch.test.ts; the folders in
 * test-support/corpus-folders.ts.
 */
import { mkdir, readFile, readdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS_DIR, PROJECT_ROOT, acquireBuildLock, checkCorpusFolder, corpusRoot, loadDocument, loadLibrary, loadManifest } from './corpus-files.js';
import { build, builtCorpus, deadPid, removeTmpDirs, tmp, 政务服务, 营商环境 } from '../test-support/corpus-folders.js';

afterAll(removeTmpDirs);

describe('the build lock', () => {
  it("is taken in a folder that does not exist yet, holds this process's pid, and is gone once released", async () => {
    const dir = path.join(await tmp(), '用户', '新语料');
    const lock = await acquireBuildLock(dir);
    expect(lock.ok).toBe(true);
    expect(await readFile(path.join(dir, '.build.lock'), 'utf8')).toBe(`${process.pid}\n`);
    if (lock.ok) await lock.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('is released without an error when the user has already deleted the lock file', async () => {
    const dir = await tmp();
    const lock = await acquireBuildLock(dir);
    await rm(path.join(dir, '.build.lock'));
    if (lock.ok) await expect(lock.release()).resolves.toBeUndefined();
    expect(lock.ok).toBe(true);
  });

  it('is refused while a build that still runs holds it, naming its pid and the lock file, and that lock is left alone', async () => {
    const dir = await tmp();
    const lockPath = path.join(dir, '.build.lock');
    // The process that started this test runner is alive for as long as the test runs.
    await writeFile(lockPath, `${process.ppid}\n`);
    expect(await acquireBuildLock(dir)).toEqual({
      ok: false,
      message: `另一个构建（进程 ${process.ppid}）正在写入 ${dir}：请等它完成；如果那个进程不是构建，可删除 ${lockPath} 后重试。`,
    });
    expect(await readFile(lockPath, 'utf8')).toBe(`${process.ppid}\n`);
  });

  it('is refused for a lock held by pid 1 (alive, whether or not this user may signal it)', async () => {
    const dir = await tmp();
    await writeFile(path.join(dir, '.build.lock'), '1\n');
    const lock = await acquireBuildLock(dir);
    expect(lock.ok).toBe(false);
    expect(await readFile(path.join(dir, '.build.lock'), 'utf8')).toBe('1\n');
  });

  it('is taken over from a build whose process is gone (killed, or the machine restarted)', async () => {
    const dir = await tmp();
    await writeFile(path.join(dir, '.build.lock'), `${deadPid()}\n`);
    const lock = await acquireBuildLock(dir);
    expect(lock.ok).toBe(true);
    expect(await readFile(path.join(dir, '.build.lock'), 'utf8')).toBe(`${process.pid}\n`);
  });

  it('is taken over when the lock file holds no pid (empty, or not a number)', async () => {
    for (const text of ['', '不是进程号\n']) {
      const dir = await tmp();
      await writeFile(path.join(dir, '.build.lock'), text);
      expect((await acquireBuildLock(dir)).ok, JSON.stringify(text)).toBe(true);
      expect(await readFile(path.join(dir, '.build.lock'), 'utf8')).toBe(`${process.pid}\n`);
    }
  });

  it('is taken over when the lock cannot be read (a link to nowhere, left by copying the folder)', async () => {
    const dir = await tmp();
    await symlink(path.join(dir, '不存在', '.build.lock'), path.join(dir, '.build.lock'));
    expect((await acquireBuildLock(dir)).ok).toBe(true);
    expect(await readFile(path.join(dir, '.build.lock'), 'utf8')).toBe(`${process.pid}\n`);
  });

  // sysfs refuses new files even to root: a folder the build may not write in, on any Linux.
  it.skipIf(process.platform !== 'linux')('is an error, not a refusal naming another build, when the lock file cannot be created', async () => {
    await expect(acquireBuildLock('/sys')).rejects.toMatchObject({ code: 'EACCES' });
  });

  it("is taken over from a dead build whose pid this process now has (pids are reused)", async () => {
    const dir = await tmp();
    await writeFile(path.join(dir, '.build.lock'), `${process.pid}\n`);
    expect((await acquireBuildLock(dir)).ok).toBe(true);
  });
});

describe('which folders a build may write', () => {
  const refusal = (dir: string, shown: string) =>
    `拒绝写入 ${dir}：这个文件夹里有不是构建写出的内容（${shown}），也没有 manifest.json 说明哪些文件是构建写的，构建可能覆盖或删除它们。请用 --corpus 指定一个空文件夹，或只含 raw/ 的文件夹。`;

  it('accepts a folder that does not exist yet, and one holding only raw/, hidden files and the entries of a build', async () => {
    expect(await checkCorpusFolder(path.join(await tmp(), '新语料'))).toEqual({ ok: true, notes: [] });
    const dir = await tmp();
    await mkdir(path.join(dir, 'raw'));
    await writeFile(path.join(dir, '.DS_Store'), '');
    await mkdir(path.join(dir, 'cache'));
    await mkdir(path.join(dir, 'versions'));
    // A first build stopped after making its links but before its manifest: the links are the build's.
    await symlink(path.join('current', 'docs'), path.join(dir, 'docs'));
    await symlink(path.join('current', 'library.json'), path.join(dir, 'library.json'));
    expect(await checkCorpusFolder(dir)).toEqual({ ok: true, notes: [] });
  });

  it("refuses a folder with the user's files and no manifest, listing them and the real files and folders where a build puts its links", async () => {
    const dir = await tmp();
    await mkdir(path.join(dir, 'raw'));
    await writeFile(path.join(dir, '工作笔记.txt'), '笔记');
    await mkdir(path.join(dir, 'docs'));
    await writeFile(path.join(dir, 'library.json'), '[]');
    // The user's names first, then the build's names in the order a build makes them.
    expect(await checkCorpusFolder(dir)).toEqual({ ok: false, message: refusal(dir, '工作笔记.txt、library.json、docs') });
  });

  it('names five of them and the count when there are more than five, all five when there are five', async () => {
    const dir = await tmp();
    const files = ['一.txt', '二.txt', '三.txt', '四.txt', '五.txt'];
    for (const f of files) await writeFile(path.join(dir, f), 'x');
    const five = await checkCorpusFolder(dir);
    expect(five.ok).toBe(false);
    const shownFive = /（(.*)），/.exec(five.ok ? '' : five.message)![1];
    expect(shownFive.split('、').sort()).toEqual([...files].sort());
    await writeFile(path.join(dir, '六.txt'), 'x');
    await writeFile(path.join(dir, '七.txt'), 'x');
    const seven = await checkCorpusFolder(dir);
    const shown = /（(.*)），/.exec(seven.ok ? '' : seven.message)![1];
    expect(shown).toMatch(/^[^、]+(、[^、]+){4} 等 7 项$/);
    const listed = shown.replace(/ 等 7 项$/, '').split('、');
    expect(new Set(listed).size).toBe(5);
    for (const n of listed) expect([...files, '六.txt', '七.txt']).toContain(n);
  });

  it('accepts a folder whose manifest says a build wrote it, flat or through current/, whatever else is in it', async () => {
    const flat = await tmp();
    await writeFile(path.join(flat, '工作笔记.txt'), '笔记');
    await mkdir(path.join(flat, 'docs'));
    await writeFile(path.join(flat, 'manifest.json'), build([政务服务]).byPath['manifest.json']);
    expect(await checkCorpusFolder(flat)).toEqual({ ok: true, notes: [] });

    const versioned = await tmp();
    await writeFile(path.join(versioned, '工作笔记.txt'), '笔记');
    await mkdir(path.join(versioned, 'versions', 'v1'), { recursive: true });
    await writeFile(path.join(versioned, 'versions', 'v1', 'manifest.json'), build([政务服务]).byPath['manifest.json']);
    await symlink(path.join('versions', 'v1'), path.join(versioned, 'current'));
    expect(await checkCorpusFolder(versioned)).toEqual({ ok: true, notes: [] });
  });

  it('does not take a manifest.json without a content hash, or one that is not JSON, for a build’s', async () => {
    for (const text of [JSON.stringify({ title: '我的清单', files: ['工作笔记.txt'] }), '{"contentHash": ']) {
      const dir = await tmp();
      await writeFile(path.join(dir, '工作笔记.txt'), '笔记');
      await writeFile(path.join(dir, 'manifest.json'), text);
      expect(await checkCorpusFolder(dir)).toEqual({ ok: false, message: refusal(dir, '工作笔记.txt、manifest.json') });
    }
  });

  it('notes the swap folder an older build left, and still accepts the folder', async () => {
    const dir = await tmp();
    await mkdir(path.join(dir, 'raw'));
    await mkdir(path.join(dir, '.swap-previous'));
    await writeFile(path.join(dir, '.swap-previous', 'library.json'), '[]');
    expect(await checkCorpusFolder(dir)).toEqual({
      ok: true,
      notes: [`${path.join(dir, '.swap-previous')} 是旧版构建中断时留下的，里面可能有被移开的文件；构建不会动它，确认无用后可自行删除`],
    });
  });
});

describe('reading the current build', () => {
  it("reads by default the project's resources/corpus, where raw/ holds the sample raw texts", async () => {
    expect(path.relative(PROJECT_ROOT, DEFAULT_CORPUS_DIR)).toBe(path.join('resources', 'corpus'));
    expect(await readdir(path.join(DEFAULT_CORPUS_DIR, 'raw'))).toContain('001_3ae65a0b828b041b.txt');
  });

  it('resolves current once to the version folder; a flat or missing folder is read as it is', async () => {
    const { dir, version } = await builtCorpus([政务服务]);
    expect(await corpusRoot(dir)).toBe(await realpath(path.join(dir, 'versions', version)));
    const flat = await tmp();
    expect(await corpusRoot(flat)).toBe(flat);
    const missing = path.join(flat, '不存在');
    expect(await corpusRoot(missing)).toBe(missing);
  });

  it('reads the library, the manifest and a document of the current version', async () => {
    const b = build([政务服务, 营商环境]);
    const { dir } = await builtCorpus([政务服务, 营商环境]);
    expect((await loadLibrary(dir)).map((d) => [d.id, d.title, d.issuer, d.date])).toEqual([
      [政务服务.id, '青岛市政务服务管理办法', '青岛市人民政府', '2023-05-06'],
      [营商环境.id, '青岛市关于进一步优化营商环境的若干措施', '青岛市人民政府', '2023-05-06'],
    ]);
    expect((await loadManifest(dir)).contentHash).toBe(b.hash);
    const doc = await loadDocument(dir, 营商环境.id);
    expect(doc?.title).toBe('青岛市关于进一步优化营商环境的若干措施');
    expect(doc?.units.map((u) => u.paragraphs[0].text)).toEqual(['一、压减企业开办时间，企业开办全流程压减至1个工作日内。']);
  });

  it('gives no document for an unknown id or one that would lead out of docs/, and an error for a broken document file', async () => {
    const { dir, version } = await builtCorpus([政务服务]);
    expect(await loadDocument(dir, 'p000000000000')).toBeNull();
    // docs/../library.json is the library: an id with a path in it must not reach it.
    for (const id of ['../library', 'a/../../library', '']) expect(await loadDocument(dir, id), id).toBeNull();
    await writeFile(path.join(dir, 'versions', version, 'docs', `${政务服务.id}.json`), '{"id": "p3ae65a0b828b", "title": ');
    await expect(loadDocument(dir, 政务服务.id)).rejects.toThrow(SyntaxError);
  });
});
