/**
 * Small corpus folders for the tests of cli/corpus-files.ts (corpus-files.test.ts, corpus-switch.test.ts):
 * hand-made builds in the corpus layout (short Qingdao policy documents and their index files), with the
 * manifest's contentHash worked out here by the formula Manifest documents, with node:crypto, and what a
 * reader sees through a folder.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstat, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { loadDocument, loadLibrary, writeCorpus } from '../cli/corpus-files.js';

const dirs: string[] = [];
/** A new empty folder, removed by `removeTmpDirs` (each test file's afterAll). */
export async function tmp(): Promise<string> {
  const d = await mkdtemp(path.join(os.tmpdir(), 'policy-reader-files-'));
  dirs.push(d);
  return d;
}
export const removeTmpDirs = () => Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));

export const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export interface Doc {
  id: string;
  title: string;
  article: string;
}
export const 政务服务: Doc = { id: 'p3ae65a0b828b', title: '青岛市政务服务管理办法', article: '第一条　为了规范政务服务，提高行政效能，根据有关法律、法规，结合本市实际，制定本办法。' };
export const 营商环境: Doc = { id: 'p05c031fde29e', title: '青岛市关于进一步优化营商环境的若干措施', article: '一、压减企业开办时间，企业开办全流程压减至1个工作日内。' };
export const 数据管理: Doc = { id: 'pdcad8b37bba8', title: '青岛市公共数据管理办法', article: '第二条　本市行政区域内公共数据的收集、共享、开放及其相关管理活动，适用本办法。' };

export interface BuildOptions {
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
export function build(docs: Doc[], opts: BuildOptions = {}): { files: [string, string][]; byPath: Record<string, string>; hash: string } {
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
export async function tree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const rel of (await readdir(dir, { recursive: true })) as string[]) {
    if ((await lstat(path.join(dir, rel))).isFile()) out[rel.split(path.sep).join('/')] = await readFile(path.join(dir, rel), 'utf8');
  }
  return out;
}
export const names = async (dir: string) => (await readdir(dir)).sort();
export const COMPAT = ['library.json', 'library-head.json', 'manifest.json', 'variants.json', 'variants', 'variants-lsh.json', 'docs', 'search'];

/** What a reader sees through the folder: the titles of the library and the text of every listed document. */
export async function readerView(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const d of await loadLibrary(dir)) out.push(`${d.title}：${(await loadDocument(dir, d.id))?.units[0]?.paragraphs[0]?.text}`);
  return out;
}
export const view = (docs: Doc[]) => docs.map((d) => `${d.title}：${d.article}`);

/** A corpus folder with raw/ and one build written into it; returns its version. */
export async function builtCorpus(docs: Doc[], opts: BuildOptions = {}): Promise<{ dir: string; version: string }> {
  const dir = await tmp();
  await mkdir(path.join(dir, 'raw'));
  await writeFile(path.join(dir, 'raw', '001_青岛市政务服务管理办法.txt'), '青岛市政务服务管理办法\n第一条　为了规范政务服务');
  const { version } = await writeCorpus(dir, build(docs, opts).files);
  return { dir, version };
}

/** The pid of a process that has ended. */
export function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '']);
  expect(r.status).toBe(0);
  return r.pid!;
}
