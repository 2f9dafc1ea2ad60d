/**
 * The search thread (search-thread.ts) on a corpus built from real laws: its update is the build's own, whatever order
 * the documents come in; and when it has nothing to give, or breaks, the build is not kept waiting. That a rebuild
 * through it gives the full build's bytes, and those of a rebuild without threads, is tested end to end in
 * search-update.test.ts.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../core/corpus/types.js';
import type { CommandIO } from './io.js';
import { main } from './policy-reader.js';
import { SearchThread } from './search-thread.js';
import { previousSearch, previousTextShards, searchFingerprint } from './search-update.js';
import { indexFiles } from '../core/search/artifacts.js';

const RAW = path.join(import.meta.dirname, '..', 'test-data', 'realtext', 'raw');
const FILES = ['001_L02-lines-indent-layout.txt', '006_L06-gazette-header.txt', '010_L09-compilation-pages.txt', '004_N01-notice-gap.txt'];

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function folder(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'policy-reader-search-thread-'));
  dirs.push(dir);
  return dir;
}

/** A corpus built from real laws and a notice by the command, its documents as written, and its index's files. */
async function built(): Promise<{ dir: string; docs: PolicyDocument[]; files: Map<string, string> }> {
  const dir = await folder();
  await mkdir(path.join(dir, 'raw'));
  for (const f of FILES) await cp(path.join(RAW, f), path.join(dir, 'raw', f));
  const io: CommandIO = { out: () => undefined, err: () => undefined, stdinIsTTY: true, async *stdinLines() {} };
  expect(await main(['build', '--corpus', dir, '--quiet'], io)).toBe(0);
  const docsDir = path.join(dir, 'current', 'docs');
  const docs = await Promise.all((await readdir(docsDir)).map(async (f) => JSON.parse(await readFile(path.join(docsDir, f), 'utf8')) as PolicyDocument));
  const searchDir = path.join(dir, 'current', 'search');
  const files = new Map(await Promise.all((await readdir(searchDir)).map(async (f) => [f, await readFile(path.join(searchDir, f), 'utf8')] as [string, string])));
  return { dir, docs, files };
}

/** An index's files by name, as the build writes them (moved text shards read from the previous version). */
function filesOf(reply: NonNullable<ReturnType<SearchThread['take']>>, prev: Parameters<typeof previousTextShards>[0]): Map<string, string> {
  const text = (data: string | Uint8Array) => (typeof data === 'string' ? data : new TextDecoder().decode(data));
  return new Map([...indexFiles(reply.updated!, previousTextShards(prev))].map((f) => [f.path, text('make' in f ? f.make() : f.data)]));
}

describe('SearchThread', () => {
  it("updates a built corpus's index to the build's own bytes, its documents in any order, one taken as changed", async () => {
    const { dir, docs, files } = await built();
    const prev = (await previousSearch(dir, searchFingerprint()))!;
    expect(prev).not.toBeNull();
    const recorded = (d: PolicyDocument) => prev.files.get(`docs/${d.id}.json`)!.sha256;
    // Every document unchanged, handed over in reverse: the index is the previous one.
    const same = SearchThread.start(prev, docs.slice().reverse(), recorded)!;
    const kept = same.take()!;
    await same.stop();
    expect(kept.updated).not.toBeNull();
    expect(kept.unitsIndexed).toBe(0);
    expect(filesOf(kept, prev)).toEqual(files);
    // One document taken as changed: its records made from its units, the same text, the same index.
    const changed = docs[docs.length >> 1].id;
    const one = SearchThread.start(prev, docs, (d) => (d.id === changed ? 'changed' : recorded(d)))!;
    const remade = one.take()!;
    await one.stop();
    expect(remade.unitsIndexed).toBeGreaterThan(0);
    expect(filesOf(remade, prev)).toEqual(files);
  }, 120_000);

  it('answers with no index when the previous one cannot be read, for the build to make it itself', async () => {
    const thread = SearchThread.start({ dir: await folder(), files: new Map() }, [], () => '')!;
    expect(thread).not.toBeNull();
    expect(thread.take()).toEqual({ updated: null, unitsIndexed: 0, textShardsMoved: 0 });
    await thread.stop();
    // Stopped, it has nothing more to say.
    expect(thread.take()).toBeNull();
  }, 60_000);

  it('is given up on past its time limit, and stopped', async () => {
    // A thread takes longer than this to start at all.
    const thread = SearchThread.start({ dir: await folder(), files: new Map() }, [], () => '', 0)!;
    expect(thread.take()).toBeNull();
    await thread.stop();
  }, 60_000);

  it('is not waited for once it broke, whatever its time limit', async () => {
    const broken = path.join(await folder(), 'broken.mjs');
    await writeFile(broken, "throw new Error('broken');\n");
    const limit = 20_000;
    const thread = SearchThread.start({ dir: await folder(), files: new Map() }, [], () => '', limit, pathToFileURL(broken))!;
    // The build's thread sees the break when its events run (it writes the other files before it asks).
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const asked = performance.now();
    expect(thread.take()).toBeNull();
    // At once, not after the limit.
    expect(performance.now() - asked).toBeLessThan(limit / 2);
    await thread.stop();
  }, 60_000);
});
