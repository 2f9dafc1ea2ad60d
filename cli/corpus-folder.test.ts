/**
 * The build against the folders it is given: what it refuses, what it never
 * deletes, odd entries in raw/, names that would play tricks on a terminal,
 * a flipped byte, the incremental rebuild (byte for byte a full build) and the
 * progress it prints. In-process through main(), on three small real raw files.
 */
import { spawnSync } from 'node:child_process';
import { cp, lstat, mkdir, mkdtemp, readFile, readdir, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandIO } from './io.js';
import { main } from './policy-reader.js';
import { DEFAULT_CORPUS_DIR } from './corpus-files.js';
import { MAX_RAW_FILE_BYTES } from './raw-files.js';
import { flattenCorpus } from '../core/search/corpus-units.js';
import { tree } from '../test-support/corpus-folders.js';
import type { PolicyDocument } from '../core/corpus/types.js';

const SMALL = ['001_3ae65a0b828b041b.txt', '002_05c031fde29e0e58.txt', '004_dcad8b37bba8431c.txt'];

function capture(extra: Partial<CommandIO> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    stdinIsTTY: true,
    async *stdinLines() {},
    ...extra,
  };
  return { io, out, err };
}

const tmpDirs: string[] = [];
async function corpusWith(files = SMALL): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'policy-reader-folder-'));
  tmpDirs.push(dir);
  await mkdir(path.join(dir, 'raw'));
  for (const f of files) await cp(path.join(DEFAULT_CORPUS_DIR, 'raw', f), path.join(dir, 'raw', f));
  return dir;
}
afterAll(() => Promise.all(tmpDirs.map((d) => rm(d, { recursive: true, force: true }))));

async function build(dir: string, ...args: string[]) {
  const c = capture();
  const code = await main(['build', '--corpus', dir, ...args], c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

const current = (dir: string) => path.join(dir, 'current');

describe('a folder that is not a corpus', () => {
  it('is refused with a message when it holds other files and no manifest, and nothing in it changes', async () => {
    const dir = await corpusWith();
    await mkdir(path.join(dir, 'docs'));
    await writeFile(path.join(dir, 'docs', 'report.txt'), '我的报告');
    await mkdir(path.join(dir, 'search'));
    await writeFile(path.join(dir, 'search', 'mine.txt'), '我的检索');
    await writeFile(path.join(dir, 'notes.txt'), '笔记');
    const before = await tree(dir);
    const r = await build(dir, '--jobs', '0');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/拒绝写入 .*不是构建写出的内容（.*notes\.txt.*）.*manifest\.json/);
    expect(await tree(dir)).toEqual(before);
    expect((await readdir(dir)).sort()).toEqual(['docs', 'notes.txt', 'raw', 'search']);
  });
});

describe("a corpus folder with the user's files in it", () => {
  it('keeps every file a build did not write, through rebuilds that retire old versions', async () => {
    const dir = await corpusWith();
    expect((await build(dir, '--jobs', '0')).code).toBe(0);
    const firstVersion = (await readdir(path.join(dir, 'versions')))[0];
    // The user's files: beside the corpus, and inside the version a later build retires.
    await writeFile(path.join(dir, 'notes.txt'), '笔记');
    await writeFile(path.join(dir, 'versions', firstVersion, 'docs', 'report.txt'), '我的报告');
    await writeFile(path.join(dir, 'raw', '.my-notes'), 'x');
    const r = await build(dir, '--jobs', '0');
    expect(r.code).toBe(0);
    expect(await readFile(path.join(dir, 'notes.txt'), 'utf8')).toBe('笔记');
    expect(await readFile(path.join(dir, 'versions', firstVersion, 'docs', 'report.txt'), 'utf8')).toBe('我的报告');
    expect(await readFile(path.join(dir, 'raw', '.my-notes'), 'utf8')).toBe('x');
    // Only the user's file is left of the retired version, and the build says it kept it.
    expect(await readdir(path.join(dir, 'versions', firstVersion), { recursive: true })).toEqual(['docs', path.join('docs', 'report.txt')]);
    expect(r.err).toMatch(/里有不是构建写出的文件，保留原样/);
  });

  it("replaces a flat corpus of an earlier build, proven by its manifest, and keeps the user's file among its docs", async () => {
    const dir = await corpusWith();
    expect((await build(dir, '--jobs', '0')).code).toBe(0);
    const built = await tree(current(dir));
    // The flat layout of builds before versioned folders: the same files at the top.
    await rm(path.join(dir, 'versions'), { recursive: true });
    for (const n of ['current', 'library.json', 'library-head.json', 'manifest.json', 'variants.json', 'variants', 'variants-lsh.json', 'docs', 'search']) await rm(path.join(dir, n), { recursive: true, force: true });
    for (const [rel, text] of Object.entries(built)) {
      await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
      await writeFile(path.join(dir, rel), text);
    }
    await writeFile(path.join(dir, 'docs', 'report.txt'), '我的报告');
    const r = await build(dir, '--jobs', '0');
    expect(r.code).toBe(0);
    expect(await readFile(path.join(dir, 'docs', 'report.txt'), 'utf8')).toBe('我的报告');
    expect(await readdir(path.join(dir, 'docs'))).toEqual(['report.txt']);
    expect(await tree(current(dir))).toEqual(built);
    expect((await lstat(path.join(dir, 'library.json'))).isSymbolicLink()).toBe(true);
  });
});

describe('raw/ entries that are not plain text files', () => {
  it('skips a FIFO, a symlink to /dev/zero, a folder and an oversized file with a warning each, and builds the rest', async () => {
    const dir = await corpusWith();
    const raw = path.join(dir, 'raw');
    expect(spawnSync('mkfifo', [path.join(raw, 'pipe.txt')]).status).toBe(0);
    await symlink('/dev/zero', path.join(raw, 'zero.txt'));
    await mkdir(path.join(raw, 'folder.txt'));
    await writeFile(path.join(raw, 'huge.txt'), '');
    await truncate(path.join(raw, 'huge.txt'), MAX_RAW_FILE_BYTES + 1); // sparse: nothing is written
    const r = await build(dir, '--jobs', '0');
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/警告：pipe\.txt：已跳过：不是普通文件（FIFO/);
    expect(r.err).toMatch(/警告：zero\.txt：已跳过：不是普通文件（设备文件）/);
    expect(r.err).toMatch(/警告：folder\.txt：已跳过：不是普通文件（文件夹）/);
    expect(r.err).toMatch(/警告：huge\.txt：已跳过：文件有 64 MB，超过单个原始文件 64 MB 的上限/);
    const manifest = JSON.parse(await readFile(path.join(current(dir), 'manifest.json'), 'utf8'));
    expect(manifest.rawFiles.map((f: { file: string }) => f.file)).toEqual(SMALL);
    expect(manifest.counts.skippedFiles).toBe(4);
  }, 30_000);
});

describe('names and bytes', () => {
  it('prints raw file names with terminal escapes and newlines escaped, in build and stats', async () => {
    const dir = await corpusWith([]);
    const evil = 'a\u001b[2J\n警告：all good\r.txt';
    await writeFile(path.join(dir, 'raw', evil), '');
    await cp(path.join(DEFAULT_CORPUS_DIR, 'raw', SMALL[0]), path.join(dir, 'raw', SMALL[0]));
    const r = await build(dir, '--jobs', '0');
    expect(r.code).toBe(0);
    const escaped = 'a\\x1b[2J\\x0a警告：all good\\x0d.txt';
    expect(r.err).toContain(`警告：${escaped}：已跳过：文件是空的`);
    const s = capture();
    expect(await main(['stats', '--corpus', dir], s.io)).toBe(0);
    const printed = [...r.out.split('\n'), ...r.err.split('\n'), ...s.out];
    expect(s.out.join('\n')).toContain(`警告：${escaped}：已跳过`);
    for (const line of printed) expect(line).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
    expect(printed.filter((l) => l.startsWith('警告：all good'))).toEqual([]);
  });

  it('keeps the documents of a UTF-8 file with one invalid byte and names its line', async () => {
    const dir = await corpusWith([]);
    const bytes = await readFile(path.join(DEFAULT_CORPUS_DIR, 'raw', '000_57e3cdbe4450e5ba.txt'));
    const at = bytes.indexOf(0x0a, bytes.length >> 1) + 1; // the first byte of a line in the middle
    const line = bytes.subarray(0, at).filter((b) => b === 0x0a).length + 1;
    bytes[at] = 0xff;
    await writeFile(path.join(dir, 'raw', 'broken.txt'), bytes);
    const r = await build(dir, '--jobs', '0', '--json');
    expect(r.code).toBe(0);
    expect(r.err).toContain(`警告：broken.txt：第 ${line} 行含无效的 UTF-8 字节`);
    const library = JSON.parse(await readFile(path.join(current(dir), 'library.json'), 'utf8')) as { title: string }[];
    expect(library.map((d) => d.title)).toContain('青岛市政务服务管理办法');
    expect(JSON.parse(r.out).skippedFiles).toBe(0);
  }, 60_000);
});

describe('the incremental build', () => {
  // The first build is made inside the test, not in beforeAll: Stryker counts code run in beforeAll as
  // "static" and runs every test of the file for each mutant it reaches (stryker.config.mjs).
  it('after one raw file changed, parses only that file and writes byte for byte what a full build writes', async () => {
    const incremental = await corpusWith();
    expect((await build(incremental)).code).toBe(0);
    const before = await tree(current(incremental));
    const changed = path.join(incremental, 'raw', SMALL[1]);
    await writeFile(changed, (await readFile(changed, 'utf8')).replace('青岛', '烟台'));
    const r = await build(incremental, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ parsedFiles: 1, cachedFiles: SMALL.length - 1 });
    // Every file the change left as it was is linked from the first build's version, not written (cli/version-files.ts);
    // the manifest is always written.
    const after = await tree(current(incremental));
    const unchanged = Object.keys(after).filter((rel) => rel !== 'manifest.json' && before[rel] === after[rel]);
    expect(unchanged.length).toBeGreaterThan(5);
    expect(unchanged.length).toBeLessThan(Object.keys(after).length - 2);
    expect(JSON.parse(r.out).linkedFiles).toBe(unchanged.length);
    // The first build's search index updated, not made again (cli/search-update.ts); the trees are compared below.
    // Only the changed documents' units were indexed from their text: the rest kept the first build's entries.
    expect(JSON.parse(r.out).searchIndex).toBe('updated');
    const changedDocs = Object.keys(after)
      .filter((rel) => /^docs\/.*\.json$/.test(rel) && before[rel] !== after[rel])
      .map((rel) => JSON.parse(after[rel]) as PolicyDocument);
    expect(changedDocs.length).toBeGreaterThan(0);
    expect(JSON.parse(r.out).searchUnitsIndexed).toBe(flattenCorpus(changedDocs).units.length);
    // The clause matches of the units the change did not reach are the first build's (core/compare/clause-lists.ts).
    expect(JSON.parse(r.out).clausesRematched).toBeGreaterThan(0);
    expect(JSON.parse(r.out).clausesRematched).toBeLessThan(JSON.parse(r.out).units / 2);
    const full = await corpusWith();
    await cp(changed, path.join(full, 'raw', SMALL[1]));
    const f = await build(full, '--json');
    expect(JSON.parse(f.out)).toMatchObject({ parsedFiles: SMALL.length, cachedFiles: 0, clausesRematched: null, linkedFiles: 0, searchIndex: 'built', variantShardsKept: 0, subjectTermsKept: 0, commonShinglesKept: false });
    expect(JSON.parse(f.out).searchUnitsIndexed).toBe(flattenCorpus(Object.keys(after).filter((rel) => /^docs\/.*\.json$/.test(rel)).map((rel) => JSON.parse(after[rel]) as PolicyDocument)).units.length);
    const [a, b] = [await tree(current(incremental)), await tree(current(full))];
    expect(Object.keys(a).length).toBeGreaterThan(5);
    expect(a).toEqual(b);
    expect(a['library.json']).toContain('烟台');
    // Only the entries this build used stay in the caches: one per raw file; for variants, one per document, the
    // clause matches, the measured pairs, the subject terms, the common shingles' counts and the shared clause counts.
    expect(await readdir(path.join(incremental, 'cache', 'parse'))).toHaveLength(SMALL.length);
    expect(await readdir(path.join(incremental, 'cache', 'variants'))).toHaveLength(JSON.parse(r.out).documents + 5);
    expect(await readdir(path.join(incremental, 'cache', 'variants'))).toEqual(expect.arrayContaining(['clauses.bin', 'pairs.bin', 'subject.bin', 'common.bin', 'shared.bin']));
  }, 120_000);
});

describe('the parse cache', () => {
  it('an entry of an older layout, cut short or not JSON is parsed again, and the corpus is the same byte for byte', async () => {
    const dir = await corpusWith();
    expect((await build(dir)).code).toBe(0);
    const before = await tree(current(dir));
    const cacheDir = path.join(dir, 'cache', 'parse');
    const entries = (await readdir(cacheDir)).sort();
    expect(entries).toHaveLength(SMALL.length);
    // The layout before the documents' units were put on lines of their own: the parse as one JSON document.
    const [first, ...rest] = (await readFile(path.join(cacheDir, entries[0]), 'utf8')).split('\n');
    const { format: _format, ...head } = JSON.parse(first) as Record<string, unknown> & { docs: { doc: object; counts: object }[] };
    const older = { ...head, docs: head.docs.map(({ counts: _counts, ...d }, k) => ({ ...d, doc: { ...d.doc, units: JSON.parse(rest[k]) } })) };
    await writeFile(path.join(cacheDir, entries[0]), JSON.stringify(older));
    await truncate(path.join(cacheDir, entries[1]), 100);
    await writeFile(path.join(cacheDir, entries[2]), '\u0000\u0001 not an entry');
    const r = await build(dir, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ parsedFiles: SMALL.length, cachedFiles: 0 });
    expect(await tree(current(dir))).toEqual(before);
    // Rewritten in this layout: the next build takes every file from the cache.
    const again = await build(dir, '--json');
    expect(JSON.parse(again.out)).toMatchObject({ parsedFiles: 0, cachedFiles: SMALL.length });
    expect(await tree(current(dir))).toEqual(before);
  }, 120_000);
});

describe('the search index of a rebuild', () => {
  it('is made whole, with the same bytes, when the previous one cannot be trusted: a file edited, other code, no record', async () => {
    const dir = await corpusWith();
    expect((await build(dir)).code).toBe(0);
    const raw = path.join(dir, 'raw', SMALL[0]);
    let n = 0;
    let summary: { searchIndex: string; searchUnitsIndexed: number } | undefined;
    const rebuild = async () => {
      // Its document's first unit and its end: the documents before it are kept, so their units' mapping must stop at theirs.
      const text = (await readFile(raw, 'utf8')).replace(/为(第\d+次)?深入贯彻党的二十大/, `为第${++n}次深入贯彻党的二十大`);
      await writeFile(raw, `${text}\n第${n}次修改。`);
      const r = await build(dir, '--json');
      expect(r.code).toBe(0);
      summary = JSON.parse(r.out);
      return summary!.searchIndex;
    };
    expect(await rebuild()).toBe('updated');
    // A posting shard edited in place since its build wrote it (its size and time change).
    const shard = path.join(current(dir), 'search', 'postings-0.json');
    await writeFile(shard, (await readFile(shard, 'utf8')).replace('"postings":"', '"postings":"A'));
    expect(await rebuild()).toBe('built');
    expect(await rebuild()).toBe('updated');
    // A text shard edited in place: the unchanged documents' records are taken from the text shards.
    const texts = path.join(current(dir), 'search', 'texts-0.json');
    await writeFile(texts, (await readFile(texts, 'utf8')).replace('"texts":["', '"texts":["改'));
    expect(await rebuild()).toBe('built');
    expect(await rebuild()).toBe('updated');
    // An index made by other code: the record's fingerprint is not this program's.
    const state = path.join(dir, 'cache', 'search-index.json');
    await writeFile(state, (await readFile(state, 'utf8')).replace(/"fingerprint":"[0-9a-f]/, '"fingerprint":"x'));
    expect(await rebuild()).toBe('built');
    // A record of another version (a build killed after its switch, before its record), or of another format.
    await writeFile(state, (await readFile(state, 'utf8')).replace(/"version":"/, '"version":"x'));
    expect(await rebuild()).toBe('built');
    await writeFile(state, (await readFile(state, 'utf8')).replace(/"format":1/, '"format":2'));
    expect(await rebuild()).toBe('built');
    await rm(state);
    expect(await rebuild()).toBe('built');
    expect(await rebuild()).toBe('updated');
    // Only the changed file's document was indexed from its text; the documents before it kept their entries.
    const docsDir = path.join(current(dir), 'docs');
    const docs = await Promise.all((await readdir(docsDir)).map(async (f) => JSON.parse(await readFile(path.join(docsDir, f), 'utf8')) as PolicyDocument));
    const changed = docs.filter((d) => d.sources.some((s) => s.file === SMALL[0]));
    expect(changed.length).toBeGreaterThan(0);
    expect(summary!.searchUnitsIndexed).toBe(flattenCorpus(changed).units.length);
    const full = await corpusWith();
    await cp(raw, path.join(full, 'raw', SMALL[0]));
    expect(JSON.parse((await build(full, '--json')).out).searchIndex).toBe('built');
    expect(await tree(current(dir))).toEqual(await tree(current(full)));
  }, 180_000);
});

describe('progress', () => {
  it('prints plain lines when piped, JSON lines with --json, a bar redrawn in place on a terminal, nothing with --quiet', async () => {
    const dir = await corpusWith();
    const piped = await build(dir, '--jobs', '0');
    expect(piped.err).toMatch(/^解析原始文件 {2}文件 0\/3 {2}文档 0 {2}\d+\.\d s$/m);
    expect(piped.err).toMatch(/^解析原始文件 {2}文件 3\/3 {2}文档 \d+ {2}\d+\.\d s$/m);
    for (const label of ['合并相同文本', '建立检索索引', '查找相似文本', '写入新版本', '切换到新版本']) expect(piped.err).toContain(label);

    const json = await build(dir, '--jobs', '0', '--json');
    const events = json.err.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    expect(events.map((e) => e.phase)).toEqual(expect.arrayContaining(['parse', 'collapse', 'search', 'variants', 'write', 'switch']));
    expect(events.at(-1)).toMatchObject({ event: 'progress', phase: 'switch', files: 3, totalFiles: 3, elapsedMs: expect.any(Number) });
    expect(JSON.parse(json.out).phases).toEqual({ parse: expect.any(Number), collapse: expect.any(Number), search: expect.any(Number), variants: expect.any(Number), write: expect.any(Number), switch: expect.any(Number) });
    // The peak RSS as each phase ended is a running peak: the last phase's figure is the build's peak.
    const peaks = JSON.parse(json.out).peakRssMb as Record<string, number>;
    expect(Object.keys(peaks).sort()).toEqual(Object.keys(JSON.parse(json.out).phases).sort());
    expect(Object.values(peaks).every((mb) => mb > 10)).toBe(true);
    expect(peaks.switch).toBe(Math.max(...Object.values(peaks)));

    const drawn: string[] = [];
    const tty = capture({ errIsTTY: true, errWrite: (t) => drawn.push(t) });
    expect(await main(['build', '--corpus', dir, '--jobs', '0'], tty.io)).toBe(0);
    expect(drawn[0]).toMatch(/^\r\[\.{24}\] 解析原始文件/);
    expect(drawn.at(-2)).toMatch(/^\r\[#{24}\] 切换到新版本/);
    expect(drawn.at(-1)).toBe('\n');
    expect(tty.err.filter((l) => l.includes('解析原始文件'))).toEqual([]);

    const quiet = await build(dir, '--jobs', '0', '--quiet');
    expect(quiet.out + quiet.err).toBe('');
  }, 120_000);
});
