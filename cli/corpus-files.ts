/**
 * File-system side of the corpus: where it lives, the build lock, writing a
 * build and switching readers to it, and reading it back.
 *
 * Layout of a corpus folder (DIR, resources/corpus by default):
 *   raw/                       the user's raw texts (never written)
 *   versions/<version>/        one complete build: manifest.json, library.json, library-head.json, docs/, search/, variants.json, variants/, variants-lsh.json
 *   current -> versions/<v>    the pointer: a symlink, renamed into place last, so a reader sees
 *                              the previous build or the new one, never a mixture or a gap
 *   library.json, library-head.json, manifest.json, variants.json, variants, variants-lsh.json, docs, search
 *                              fixed links through current/, for readers that open DIR/library.json
 *   cache/parse/               parsed raw files by content (cli/parse-pool.ts)
 *   cache/variants/            per-document shingle sets and signatures by content (cli/variants-cache.ts)
 *   cache/version-files.json   the current version's files, so the next build links those it would write again (cli/version-files.ts)
 *   .build.lock                the running build's pid
 * A build writes versions/.build-<pid>/, renames it to versions/<v>, switches
 * `current`, and only then retires the previous versions, deleting only the
 * files their manifest lists. Readers resolve `current` once (corpusRoot) and
 * read one version throughout.
 */
import { lstat, mkdir, readFile, readdir, readlink, realpath, rename, rm, rmdir, symlink, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DocSummary, Manifest, PolicyDocument } from '../core/corpus/types.js';
import type { FileContent } from '../core/corpus/file-stream.js';
import { restoreLibrary, restoreDocument } from '../core/corpus/restore.js';
import { LIBRARY_HEAD_FILE } from '../core/corpus/library-head.js';
import { sha256Hex } from './hash.js';
import { readVersionFiles, saveVersionFiles, VersionPlacer, type WrittenFile } from './version-files.js';
import { PROJECT_ROOT } from './project-root.js';
import { systemErrorMessage } from './system-error.js';

export { PROJECT_ROOT };
export { readRawFiles } from './raw-files.js';
export const DEFAULT_CORPUS_DIR = path.join(PROJECT_ROOT, 'resources', 'corpus');

const LOCK_FILE = '.build.lock';
export const VERSIONS_DIR = 'versions';
export const CURRENT_LINK = 'current';
/** Top-level names that lead through `current` into the version, for readers that do not follow the pointer themselves. */
const COMPAT_LINKS = ['library.json', LIBRARY_HEAD_FILE, 'manifest.json', 'variants.json', 'variants', 'variants-lsh.json', 'docs', 'search'] as const;
/** What a build may find in DIR besides those: its own entries and the user's raw texts. */
const BUILD_ENTRIES = new Set<string>(['raw', VERSIONS_DIR, CURRENT_LINK, 'cache', LOCK_FILE, ...COMPAT_LINKS]);
const STAGING = /^\.build-\d+$/;
const RETIRING = /^\.old-/;
/** A link being made by pointTo when its build was killed (only our own names: a user's *.tmp is not ours). */
const TMP_LINK = /^(current|library\.json|library-head\.json|manifest\.json|variants\.json|variants|variants-lsh\.json|docs|search)\.\d+\.tmp$/;
/** The swap folder of builds before versioned folders: left alone (it may hold a user's files moved aside), but reported. */
const LEGACY_SWAP_DIR = '.swap-previous';

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One build at a time per corpus folder: a lock file created exclusively,
 * holding the builder's pid. A lock left by a process that no longer runs is
 * taken over.
 */
export async function acquireBuildLock(corpusDir: string): Promise<{ ok: true; release: () => Promise<void> } | { ok: false; message: string }> {
  await mkdir(corpusDir, { recursive: true });
  const lockPath = path.join(corpusDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(lockPath, `${process.pid}\n`, { flag: 'wx' });
      return { ok: true, release: () => rm(lockPath, { force: true }) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
      if (pid && pid !== process.pid && pidAlive(pid)) {
        return { ok: false, message: `另一个构建（进程 ${pid}）正在写入 ${corpusDir}：请等它完成；如果那个进程不是构建，可删除 ${lockPath} 后重试。` };
      }
      await rm(lockPath, { force: true }); // stale: its process is gone
    }
  }
  return { ok: false, message: `无法取得构建锁 ${lockPath}：请确认没有其他构建在运行后重试。` };
}

const exists = (p: string) => lstat(p).then(
  () => true,
  () => false,
);

async function readManifestAt(dir: string): Promise<Manifest | null> {
  try {
    const m = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
    return typeof m.contentHash === 'string' ? m : null;
  } catch {
    return null;
  }
}

/**
 * A flat corpus written by a build before versioned folders: which of its
 * files the build wrote, proven by recomputing its manifest's contentHash over
 * them (library.json, library-head.json when there, docs/<id>.json of each listed id, variants.json, the
 * variants/ shards and the search files). Null when they do not add up: then nothing of it is deleted.
 */
async function legacyBuildFiles(corpusDir: string): Promise<string[] | null> {
  if ((await lstat(path.join(corpusDir, 'manifest.json')).catch(() => null))?.isFile() !== true) return null;
  const manifest = await readManifestAt(corpusDir);
  if (!manifest) return null;
  try {
    const ids = (JSON.parse(await readFile(path.join(corpusDir, 'library.json'), 'utf8')) as { id: string }[]).map((d) => d.id);
    const inFolder = async (dir: string) => ((await readdir(path.join(corpusDir, dir), { recursive: true }).catch(() => [])) as string[]).map((f) => `${dir}/${f.split(path.sep).join('/')}`);
    const search = await inFolder('search');
    const shards = (await inFolder('variants')).filter((f) => f.endsWith('.json'));
    const candidates = ['library.json', ...(await exists(path.join(corpusDir, LIBRARY_HEAD_FILE)) ? [LIBRARY_HEAD_FILE] : []), ...ids.map((id) => `docs/${id}.json`), ...(await exists(path.join(corpusDir, 'variants.json')) ? ['variants.json'] : []), ...shards, ...(await exists(path.join(corpusDir, 'variants-lsh.json')) ? ['variants-lsh.json'] : []), ...search];
    const files: string[] = [];
    for (const rel of candidates) if ((await lstat(path.join(corpusDir, rel))).isFile()) files.push(rel);
    const hashOf = async (set: string[]) => {
      const lines = [];
      for (const rel of [...set].sort()) lines.push(`${rel}\n${sha256Hex(await readFile(path.join(corpusDir, rel)))}`);
      return sha256Hex(lines.join('\n'));
    };
    return (await hashOf(files)) === manifest.contentHash ? [...files, 'manifest.json'] : null;
  } catch {
    return null;
  }
}

/**
 * May a build write into this folder? Yes when it holds nothing but a build's
 * own entries and raw/, or when a manifest says a build wrote it (then only
 * the build's files are ever replaced, the rest is left alone). A folder with
 * other files and no manifest is someone else's: refused.
 */
export async function checkCorpusFolder(corpusDir: string): Promise<{ ok: true; notes: string[] } | { ok: false; message: string }> {
  const names = await readdir(corpusDir).catch(() => [] as string[]);
  const notes: string[] = [];
  if (names.includes(LEGACY_SWAP_DIR)) notes.push(`${path.join(corpusDir, LEGACY_SWAP_DIR)} 是旧版构建中断时留下的，里面可能有被移开的文件；构建不会动它，确认无用后可自行删除`);
  // Hidden files (.DS_Store, an editor's) are not what a build would overwrite: only visible ones count.
  const foreign = names.filter((n) => !n.startsWith('.') && !BUILD_ENTRIES.has(n));
  const hasManifest = (await readManifestAt(path.join(corpusDir, CURRENT_LINK))) !== null || (await readManifestAt(corpusDir)) !== null;
  if (hasManifest) return { ok: true, notes };
  const unexpected = [...foreign];
  // A real file or folder where a build puts its links (docs/, library.json) is not the build's either.
  for (const n of COMPAT_LINKS) if (names.includes(n) && !(await lstat(path.join(corpusDir, n))).isSymbolicLink()) unexpected.push(n);
  if (!unexpected.length) return { ok: true, notes };
  const shown = unexpected.slice(0, 5).join('、') + (unexpected.length > 5 ? ` 等 ${unexpected.length} 项` : '');
  return {
    ok: false,
    message: `拒绝写入 ${corpusDir}：这个文件夹里有不是构建写出的内容（${shown}），也没有 manifest.json 说明哪些文件是构建写的，构建可能覆盖或删除它们。请用 --corpus 指定一个空文件夹，或只含 raw/ 的文件夹。`,
  };
}

/** Steps of the switch, for a caller that reports them (the tests kill a build at each one). */
export type SwitchStep = 'staged' | 'version-in-place' | 'switched' | 'links' | 'retired';

const WRITE_AHEAD = 8;
const UNLINK_AHEAD = 16;

/**
 * Write one build as a new version and switch readers to it. The files are
 * written as they come (a stream that makes each when asked holds one at a
 * time: core corpusFileStream). A failure or a kill before the switch leaves
 * the previous version current (its staging folder is removed by the next
 * build); after it, the new one is current and the next build finishes
 * retiring the old ones.
 */
export async function writeCorpus(corpusDir: string, files: Iterable<CorpusFileOut>, onStep: (s: SwitchStep) => void = () => {}): Promise<{ version: string; retired: string[]; kept: string[]; linked: number }> {
  const versions = path.join(corpusDir, VERSIONS_DIR);
  await mkdir(versions, { recursive: true });
  await removeStaleStaging(corpusDir);
  const staging = path.join(versions, `.build-${process.pid}`);
  const placer = await placerFor(corpusDir);
  let manifestJson = '{}';
  // A few files in flight while the next is made: one at a time, the build waited on each file's open, write and
  // close (10,000 document files and the index's). Bounded, so memory holds WRITE_AHEAD files at most.
  const inFlight = new Set<Promise<void>>();
  let failed: unknown = null;
  try {
    const made = new Set<string>();
    for (const [rel, content, sha256] of files) {
      const target = path.join(staging, rel);
      const dir = path.dirname(target);
      if (!made.has(dir)) {
        await mkdir(dir, { recursive: true });
        made.add(dir);
      }
      const write: Promise<void> = placer.place(rel, target, content, sha256).then(
        () => void inFlight.delete(write),
        (e: unknown) => {
          inFlight.delete(write);
          failed ??= e;
        },
      );
      inFlight.add(write);
      if (inFlight.size >= WRITE_AHEAD) await Promise.race(inFlight);
      if (failed) throw failed;
      if (rel === 'manifest.json' && typeof content === 'string') manifestJson = content;
    }
    await Promise.all(inFlight);
    if (failed) throw failed;
  } catch (e) {
    // No write may still be running when the staging folder is removed.
    await Promise.all(inFlight);
    await rm(staging, { recursive: true, force: true });
    throw new Error(`无法写入新的语料版本：${systemErrorMessage(e) ?? (e as NodeJS.ErrnoException).code ?? (e as Error).message}。上一次构建的结果保持不变`, { cause: e });
  }
  onStep('staged');
  const manifest = JSON.parse(manifestJson) as Partial<Manifest>;
  const version = `${Date.now().toString(36)}-${String(manifest.contentHash ?? 'nohash').slice(0, 12)}`;
  await rename(staging, path.join(versions, version));
  onStep('version-in-place');
  const legacy = await legacyBuildFiles(corpusDir);
  await pointTo(path.join(corpusDir, CURRENT_LINK), path.join(VERSIONS_DIR, version));
  onStep('switched');
  await saveVersionFiles(corpusDir, version, placer.files);
  const kept = legacy ? await removeListed(corpusDir, legacy) : [];
  kept.push(...(await ensureCompatLinks(corpusDir)));
  onStep('links');
  const retired: string[] = [];
  for (const name of await readdir(versions)) {
    if (name === version || STAGING.test(name)) continue;
    const r = await retireVersion(versions, name);
    kept.push(...r.kept);
    if (r.retired) retired.push(name.replace(RETIRING, ''));
  }
  onStep('retired');
  // A folder of a flat corpus that keeps a user's file is also where its link would go: named once.
  return { version, retired, kept: [...new Set(kept)], linked: placer.linked };
}

/** A file of a build: its path in the version, its content and, where the stream hashed it, the content's SHA-256 (which lets it be linked). */
export type CorpusFileOut = readonly [rel: string, content: FileContent, sha256?: string];

/** What places this build's files: linking from the current version those its record says are unchanged. */
async function placerFor(corpusDir: string): Promise<VersionPlacer> {
  const current = await currentVersion(corpusDir);
  return new VersionPlacer(current?.files ? { dir: current.dir, files: current.files } : null);
}

/** The current version: its name, its folder and the files its build recorded (null: no record for it); null without one. */
export async function currentVersion(corpusDir: string): Promise<{ version: string; dir: string; files: Map<string, WrittenFile> | null } | null> {
  const version = await currentVersionName(corpusDir);
  if (!version) return null;
  return { version, dir: path.join(corpusDir, VERSIONS_DIR, version), files: await readVersionFiles(corpusDir, version) };
}

/**
 * The current version's name alone, for records that only name it (cli/build-records.ts): its file record is 2.7 MB
 * of JSON at 10,000 documents, not read for them.
 */
export async function currentVersionName(corpusDir: string): Promise<string | null> {
  // `versions/<v>` as pointTo makes it; absolute where it is a junction (Windows).
  const target = await readlink(path.join(corpusDir, CURRENT_LINK)).catch(() => null);
  return target ? path.basename(target) : null;
}

/** Replace the symlink at `link` with one to `target` (relative), atomically: a new link renamed over the old. */
async function pointTo(link: string, target: string): Promise<void> {
  const tmp = `${link}.${process.pid}.tmp`;
  await rm(tmp, { force: true });
  // A junction on Windows: a directory link that needs no administrator right (it wants an absolute target).
  if (process.platform === 'win32') await symlink(path.resolve(path.dirname(link), target), tmp, 'junction');
  else await symlink(target, tmp);
  await rename(tmp, link);
}

/** The fixed links DIR/library.json → current/library.json …, made where the name is free (a user's file of that name is left alone). */
async function ensureCompatLinks(corpusDir: string): Promise<string[]> {
  const kept: string[] = [];
  for (const name of COMPAT_LINKS) {
    const at = path.join(corpusDir, name);
    const target = path.join(CURRENT_LINK, name);
    const st = await lstat(at).catch(() => null);
    if (st?.isSymbolicLink() && (await readlink(at)) === target) continue;
    if (st && !st.isSymbolicLink()) {
      kept.push(name);
      continue;
    }
    // Where links to files cannot be made (Windows without the right) there are none: readers follow `current` themselves.
    await pointTo(at, target).catch(() => undefined);
  }
  return kept;
}

/** Delete the listed files of a build under `root`, then the folders they leave empty; returns what had to stay (a user's files). */
async function removeListed(root: string, listed: string[]): Promise<string[]> {
  const dirs = new Set<string>();
  const mine = listed.filter((rel) => !(rel.split('/').includes('..') || path.isAbsolute(rel)));
  // UNLINK_AHEAD at a time: one after another, the 21,000 files of a 10,000-document version took 3.9 s of
  // a rebuild, waiting on each; the file system itself needs a tenth of that.
  let next = 0;
  const worker = async () => {
    while (next < mine.length) await unlink(path.join(root, mine[next++])).catch(() => undefined);
  };
  await Promise.all(Array.from({ length: UNLINK_AHEAD }, worker));
  for (const rel of mine) for (let d = path.posix.dirname(rel); d !== '.'; d = path.posix.dirname(d)) dirs.add(d);
  const kept: string[] = [];
  for (const d of [...dirs].sort((a, b) => b.length - a.length)) {
    await rmdir(path.join(root, d)).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOTEMPTY' || e.code === 'EEXIST') kept.push(d);
    });
  }
  return kept.filter((d) => !kept.some((k) => k !== d && k.startsWith(`${d}/`)));
}

/**
 * Delete a version readers no longer see: it is first renamed to .old-<name>
 * (no longer a version), then the files its manifest lists are deleted,
 * manifest.json last, so a build killed midway leaves it for the next build
 * to finish. What a build did not write stays, under the version's own name,
 * where the user left it.
 */
async function retireVersion(versions: string, name: string): Promise<{ retired: boolean; kept: string[] }> {
  const base = name.replace(RETIRING, '');
  let dir = path.join(versions, name);
  const listed = (await readManifestAt(dir))?.files;
  // Back under its own name, unless a version of that name exists again; returns where it is now.
  const putBack = async () => {
    const home = path.join(versions, base);
    if (dir !== home && !(await exists(home))) {
      await rename(dir, home);
      dir = home;
    }
    return `${VERSIONS_DIR}/${path.basename(dir)}`;
  };
  if (!listed) {
    // An empty folder is what a build killed just before its last rmdir leaves: removing it deletes no file.
    if (await rmdir(dir).then(
      () => true,
      () => false,
    ))
      return { retired: true, kept: [] };
    // Otherwise nothing says what a build wrote here (what is left is the user's): left as it is.
    return { retired: false, kept: [await putBack()] };
  }
  if (name === base) {
    const aside = path.join(versions, `.old-${base}`);
    await rename(dir, aside);
    dir = aside;
  }
  const kept = await removeListed(dir, listed);
  await unlink(path.join(dir, 'manifest.json')).catch(() => undefined);
  const gone = await rmdir(dir).then(
    () => true,
    () => false,
  );
  if (gone) return { retired: true, kept: [] };
  const at = await putBack();
  return { retired: true, kept: kept.length ? kept.map((k) => `${at}/${k}`) : [at] };
}

/**
 * Staging folders of builds that were killed: the lock is ours, so no other build is writing one, and
 * this build has not made its own yet. One named with this process's pid is a dead build's too (pids
 * are reused): left in place, its files would end up in this build's version.
 */
async function removeStaleStaging(corpusDir: string): Promise<void> {
  for (const where of [path.join(corpusDir, VERSIONS_DIR), corpusDir]) {
    for (const name of await readdir(where).catch(() => [] as string[])) {
      if (STAGING.test(name)) await rm(path.join(where, name), { recursive: true, force: true });
    }
  }
  for (const name of await readdir(corpusDir).catch(() => [] as string[])) {
    if (TMP_LINK.test(name)) await rm(path.join(corpusDir, name), { force: true });
  }
}

/**
 * The folder of the build readers should see: the target of `current`,
 * resolved once so that one command reads one version throughout; the folder
 * itself for a corpus without the pointer (a flat corpus: an older build, the
 * e2e fixture).
 */
export async function corpusRoot(corpusDir: string): Promise<string> {
  try {
    return await realpath(path.join(corpusDir, CURRENT_LINK));
  } catch {
    return corpusDir;
  }
}

export async function loadLibrary(corpusDir: string): Promise<DocSummary[]> {
  return restoreLibrary(JSON.parse(await readFile(path.join(await corpusRoot(corpusDir), 'library.json'), 'utf8'))).docs;
}

export async function loadManifest(corpusDir: string): Promise<Manifest> {
  return JSON.parse(await readFile(path.join(await corpusRoot(corpusDir), 'manifest.json'), 'utf8')) as Manifest;
}

export async function loadDocument(corpusDir: string, id: string): Promise<PolicyDocument | null> {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return null;
  try {
    return restoreDocument(JSON.parse(await readFile(path.join(await corpusRoot(corpusDir), 'docs', `${id}.json`), 'utf8')), id);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
