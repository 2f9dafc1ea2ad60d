/**
 * The corpus folder's file-system side, called directly on small folders made
 * inside each test: the build lock, which folders a build may write, the
 * switch to a new version (and what a build stopped at each of its steps
 * leaves), retiring old versions without deleting what a build did not write,
 * replacing a flat corpus of an earlier build, and reading the current build.
 *
 * The builds are hand-made file lists in the corpus layout (two short Qingdao
 * policy documents and their index files), with the manifest's contentHash
 * worked out here by the formula Manifest documents, with node:crypto.
 * cli/kill-switch.test.ts kills a real build process at each file-system step;
 * these tests reach the same states without a process, one step at a time.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readFile, readdir, readlink, realpath, rename, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS_DIR, PROJECT_ROOT, acquireBuildLock, checkCorpusFolder, corpusRoot, loadDocument, loadLibrary, loadManifest, writeCorpus, type SwitchStep } from './corpus-files.js';

const dirs: string[] = [];
async function tmp(): Promise<string> {
  const d = await mkdtemp(path.join(os.tmpdir(), 'policy-reader-files-'));
  dirs.push(d);
  return d;
}
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

interface Doc {
  id: string;
  title: string;
  article: string;
}
const 政务服务: Doc = { id: 'p3ae65a0b828b', title: '青岛市政务服务管理办法', article: '第一条　为了规范政务服务，提高行政效能，根据有关法律、法规，结合本市实际，制定本办法。' };
const 营商环境: Doc = { id: 'p05c031fde29e', title: '青岛市关于进一步优化营商环境的若干措施', article: '一、压减企业开办时间，企业开办全流程压减至1个工作日内。' };
const 数据管理: Doc = { id: 'pdcad8b37bba8', title: '青岛市公共数据管理办法', article: '第二条　本市行政区域内公共数据的收集、共享、开放及其相关管理活动，适用本办法。' };

interface BuildOptions {
  /** library-head.json, variants.json, variants/ and variants-lsh.json: files builds before them did not write. */
  newer?: boolean;
  /** A search shard one folder deeper (search/shards/0.json). */
  nested?: boolean;
  /** Leave manifest.json out of the files (a build stopped before its manifest). */
  noManifest?: boolean;
}

/**
 * One build's files in the corpus layout, manifest.json first (a build's stream gives it last: the
 * version's name must come from the manifest wherever it is), and the manifest's contentHash:
 * SHA-256 of the sorted `path\nsha256(content)` lines of every other file, joined by '\n'.
 */
function build(docs: Doc[], opts: BuildOptions = {}): { files: [string, string][]; byPath: Record<string, string>; hash: string } {
  const f: Record<string, string> = {};
  f['library.json'] = JSON.stringify(docs.map((d) => ({ id: d.id, title: d.title, issuer: '青岛市人民政府', date: '2023-05-06' })));
  for (const d of docs) f[`docs/${d.id}.json`] = JSON.stringify({ formatVersion: 1, id: d.id, title: d.title, units: [{ id: `${d.id}~a1`, level: 'article', label: '第一条', paragraphs: [{ text: d.article, pages: [] }] }] });
  f['search/index.json'] = JSON.stringify({ terms: docs.map((d) => d.title.slice(0, 3)) });
  f['search/texts-0.json'] = JSON.stringify(docs.map((d) => d.article));
  if (opts.nested) f['search/shards/0.json'] = JSON.stringify({ 政务: [0], 数据: [1] });
  if (opts.newer) {
    f['library-head.json'] = JSON.stringify({ count: docs.length });
    f['variants.json'] = JSON.stringify({ groups: [] });
    for (const d of docs) f[`variants/${d.id}.json`] = JSON.stringify({ id: d.id, shingles: [] });
    f['variants-lsh.json'] = JSON.stringify({ bands: 16 });
  }
  const rels = Object.keys(f).sort();
  const hash = sha(rels.map((r) => `${r}\n${sha(f[r])}`).join('\n'));
  const manifest = JSON.stringify({ formatVersion: 1, contentHash: hash, counts: { rawFiles: docs.length, documents: docs.length, units: docs.length, characters: 100, skippedFiles: 0 }, rawFiles: [], warnings: [], notes: [], files: rels });
  const files: [string, string][] = [...(opts.noManifest ? [] : [['manifest.json', manifest] as [string, string]]), ...rels.map((r) => [r, f[r]] as [string, string])];
  return { files, byPath: Object.fromEntries(files), hash };
}

/** Every file under `dir` (not following links), relative path → text. */
async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const rel of (await readdir(dir, { recursive: true })) as string[]) {
    if ((await lstat(path.join(dir, rel))).isFile()) out[rel.split(path.sep).join('/')] = await readFile(path.join(dir, rel), 'utf8');
  }
  return out;
}
const names = async (dir: string) => (await readdir(dir)).sort();
const COMPAT = ['library.json', 'library-head.json', 'manifest.json', 'variants.json', 'variants', 'variants-lsh.json', 'docs', 'search'];

/** What a reader sees through the folder: the titles of the library and the text of every listed document. */
async function readerView(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const d of await loadLibrary(dir)) out.push(`${d.title}：${(await loadDocument(dir, d.id))?.units[0]?.paragraphs[0]?.text}`);
  return out;
}
const view = (docs: Doc[]) => docs.map((d) => `${d.title}：${d.article}`);

/** A corpus folder with raw/ and one build written into it; returns its version. */
async function builtCorpus(docs: Doc[], opts: BuildOptions = {}): Promise<{ dir: string; version: string }> {
  const dir = await tmp();
  await mkdir(path.join(dir, 'raw'));
  await writeFile(path.join(dir, 'raw', '001_青岛市政务服务管理办法.txt'), '青岛市政务服务管理办法\n第一条　为了规范政务服务');
  const { version } = await writeCorpus(dir, build(docs, opts).files);
  return { dir, version };
}

/** The pid of a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  expect(r.status).toBe(0);
  return r.pid!;
}

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
    expect(r).toEqual({ version: r.version, retired: [], kept: [] });

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
    expect((err as Error).message).toBe('could not write the corpus (ENOSPC); the previous build is unchanged');
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
    await expect(writeCorpus(dir, broken)).rejects.toThrow(/^could not write the corpus \(文档 p9 无法序列化\); the previous build is unchanged$/);
    expect(await names(path.join(dir, 'versions'))).toEqual([version]);
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
