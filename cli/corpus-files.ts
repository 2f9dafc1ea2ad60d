/** File-system side of the corpus: where it lives, reading raw files, writing and reading the build. */
import { mkdir, readFile, readdir, rm, writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RawFile } from '../core/corpus/build.js';
import type { DocSummary, Manifest, PolicyDocument } from '../core/corpus/types.js';
import { restoreLibrary, restoreDocument } from '../core/corpus/restore.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
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

/**
 * Write the built corpus next to the raw files. Written to a temporary
 * directory first and swapped in, so a failed build (a full disk) leaves the
 * previous corpus intact.
 */
export async function writeCorpus(corpusDir: string, files: Map<string, string>): Promise<void> {
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
  for (const entry of ['docs', 'search']) await rm(path.join(corpusDir, entry), { recursive: true, force: true });
  for (const entry of await readdir(tmp)) {
    await rm(path.join(corpusDir, entry), { recursive: true, force: true });
    await rename(path.join(tmp, entry), path.join(corpusDir, entry));
  }
  await rm(tmp, { recursive: true, force: true });
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
