/** File-system side of the corpus: where it lives, reading raw files, writing and reading the build. */
import { mkdir, readFile, readdir, rm, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { RawFile } from '../core/corpus/build.js';
import type { DocSummary, Manifest, PolicyDocument } from '../core/corpus/types.js';
import { restoreLibrary, restoreDocument } from '../core/corpus/restore.js';

import { PROJECT_ROOT } from './project-root.js';

export { PROJECT_ROOT };
export const DEFAULT_CORPUS_DIR = path.join(PROJECT_ROOT, 'resources', 'corpus');

export async function readRawFiles(rawDir: string): Promise<{ files: RawFile[]; unreadable: { file: string; message: string }[] }> {
  const names = (await readdir(rawDir)).filter((n) => !n.startsWith('.')).sort();
  const files: RawFile[] = [];
  const unreadable: { file: string; message: string }[] = [];
  for (const name of names) {
    try {
      files.push({ name, bytes: new Uint8Array(await readFile(path.join(rawDir, name))) });
    } catch (e) {
      unreadable.push({ file: name, message: `skipped: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
    }
  }
  return { files, unreadable };
}

const LOCK_FILE = '.build.lock';
/** Where the swap sets the previous build's entries aside until the new ones are in place (see writeCorpus). */
const SWAP_DIR = '.swap-previous';

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
        return { ok: false, message: `another build (pid ${pid}) is writing ${corpusDir}; wait for it to finish, or delete ${lockPath} if that process is not a build` };
      }
      await rm(lockPath, { force: true }); // stale: its process is gone
    }
  }
  return { ok: false, message: `could not take the build lock ${lockPath}` };
}

/**
 * Write the built corpus next to the raw files: into a temporary folder
 * first, then swapped in with renames only (each old entry renamed aside,
 * the new one renamed into place, the old ones deleted last). A failure
 * before the swap leaves the previous corpus untouched; a crash during it
 * leaves the previous entries in .swap-previous/, restored by the next build.
 */
export async function writeCorpus(corpusDir: string, files: Map<string, string>): Promise<void> {
  await recoverInterruptedSwap(corpusDir);
  const tmp = path.join(corpusDir, `.build-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  try {
    for (const [rel, content] of files) {
      const target = path.join(tmp, rel);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
    }
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw new Error(`could not write the corpus (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the previous build is unchanged`, { cause: e });
  }
  const aside = path.join(corpusDir, SWAP_DIR);
  await mkdir(aside, { recursive: true });
  const entries = await readdir(tmp);
  // Entries of the previous build that this one does not write (an old search/ layout) go aside too.
  const previous = new Set([...entries, 'docs', 'search', 'library.json', 'manifest.json']);
  for (const entry of previous) {
    await rename(path.join(corpusDir, entry), path.join(aside, entry)).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }
  // manifest.json last: its presence marks a complete swap (see recoverInterruptedSwap).
  entries.sort((a, b) => Number(a === 'manifest.json') - Number(b === 'manifest.json'));
  for (const entry of entries) await rename(path.join(tmp, entry), path.join(corpusDir, entry));
  await rm(tmp, { recursive: true, force: true });
  await rm(aside, { recursive: true, force: true });
}

/**
 * After a crash during the swap: manifest.json is renamed into place last, so
 * its presence means the new build is complete (drop what was set aside);
 * otherwise the half-swapped new entries are removed and the previous build
 * is put back whole.
 */
async function recoverInterruptedSwap(corpusDir: string): Promise<void> {
  const aside = path.join(corpusDir, SWAP_DIR);
  let entries: string[];
  try {
    entries = await readdir(aside);
  } catch {
    return;
  }
  const complete = await readdir(corpusDir).then((names) => names.includes('manifest.json'));
  if (!complete) {
    for (const entry of entries) {
      await rm(path.join(corpusDir, entry), { recursive: true, force: true });
      await rename(path.join(aside, entry), path.join(corpusDir, entry));
    }
  }
  await rm(aside, { recursive: true, force: true });
}

export async function loadLibrary(corpusDir: string): Promise<DocSummary[]> {
  return restoreLibrary(JSON.parse(await readFile(path.join(corpusDir, 'library.json'), 'utf8'))).docs;
}

export async function loadManifest(corpusDir: string): Promise<Manifest> {
  return JSON.parse(await readFile(path.join(corpusDir, 'manifest.json'), 'utf8')) as Manifest;
}

export async function loadDocument(corpusDir: string, id: string): Promise<PolicyDocument | null> {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) return null;
  try {
    return restoreDocument(JSON.parse(await readFile(path.join(corpusDir, 'docs', `${id}.json`), 'utf8')), id);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}
