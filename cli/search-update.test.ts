/**
 * The search update's records of unchanged documents (search-update.ts: `kept`), on real laws with label-only
 * articles (their 款's opening words are in the text shards) and a notice: after the notice changed, the index the
 * rebuild updates is, byte for byte, the one a full build makes, its unchanged laws' records taken from the
 * previous index.
 */
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandIO } from './io.js';
import { main } from './policy-reader.js';
import { guardedIndexFiles } from './search-update.js';
import { SearchIndexDamaged } from '../core/search/shard-reader.js';
import { tree } from '../test-support/corpus-folders.js';

const RAW = path.join(import.meta.dirname, '..', 'test-data', 'realtext', 'raw');
// Six laws (two text shards of units, so records are read from a shard that does not start at unit 0) and a notice, changed.
const FILES = ['001_L02-lines-indent-layout.txt', '006_L06-gazette-header.txt', '010_L09-compilation-pages.txt', '011_L10-compilation-run-pdfjs.txt', '012_L11-compilation-layout.txt', '013_L12-spaced-title.txt', '004_N01-notice-gap.txt'];
/** A notice added before the rebuild. */
const NEW = '009_N02-notice-indent-layout.txt';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function corpus(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'policy-reader-search-update-'));
  dirs.push(dir);
  await mkdir(path.join(dir, 'raw'));
  for (const f of FILES) await cp(path.join(RAW, f), path.join(dir, 'raw', f));
  return dir;
}

async function build(
  dir: string,
  ...args: string[]
): Promise<{ searchIndex: string; searchThreaded: boolean; searchUnitsIndexed: number; searchTextShardsMoved: number; linkedFiles: number; units: number; unitsRead: number; parsedUnitsRead: number; parsedFiles: number; documents: number }> {
  const out: string[] = [];
  const io: CommandIO = { out: (t) => out.push(t), err: () => undefined, stdinIsTTY: true, async *stdinLines() {} };
  expect(await main(['build', '--corpus', dir, '--json', ...args], io)).toBe(0);
  return JSON.parse(out.join('\n'));
}

/** The current version's search files, name → text. */
const searchFiles = (dir: string) => tree(path.join(dir, 'current', 'search'));

/** Each text shard's inode in the current version: a shard linked from the version before keeps it. */
async function textShardInodes(dir: string): Promise<Map<string, number>> {
  const at = path.join(dir, 'current', 'search');
  const names = (await readdir(at)).filter((f) => f.startsWith('texts-'));
  return new Map(await Promise.all(names.map(async (f) => [f, (await stat(path.join(at, f))).ino] as [string, number])));
}

describe('a rebuild’s search index', () => {
  it('links a text shard that did not move, and makes the index whole when a shard past the first was edited in place', async () => {
    const dir = await corpus();
    await build(dir);
    const before = await textShardInodes(dir);
    expect(before.size).toBeGreaterThan(1);
    const notice = path.join(dir, 'raw', FILES[6]);
    // The notice's wording changed, its units the same: every shard but its own is the previous one, in place.
    const text = await readFile(notice, 'utf8');
    const at = text.lastIndexOf('监管');
    expect(at).toBeGreaterThan(text.length / 2);
    await writeFile(notice, `${text.slice(0, at)}监督管理${text.slice(at + 2)}`);
    const r = await build(dir);
    expect(r.searchIndex).toBe('updated');
    expect(r.searchUnitsIndexed).toBeGreaterThan(0);
    const after = await textShardInodes(dir);
    const linked = [...after].filter(([f, ino]) => before.get(f) === ino);
    expect(r.searchTextShardsMoved).toBe(after.size - 1);
    expect(linked.length).toBe(after.size - 1);
    // The last shard edited in place since its build wrote it: not trusted, the index made whole.
    const last = path.join(dir, 'current', 'search', `texts-${after.size - 1}.json`);
    await writeFile(last, (await readFile(last, 'utf8')).replace('"texts":["', '"texts":["改'));
    await writeFile(notice, `${await readFile(notice, 'utf8')}\n本通知自印发之日起施行。\n`);
    expect((await build(dir)).searchIndex).toBe('built');
  }, 120_000);

  it('moves the shards after a law that grew by an article: the previous files with another start, the full build’s bytes', async () => {
    const dir = await corpus();
    const first = await build(dir);
    const before = await textShardInodes(dir);
    // Text appended to a raw file lands in its last document. The first such document by id: the shards after its own
    // move on by the units it gained.
    const docsDir = path.join(dir, 'current', 'docs');
    const docs = await Promise.all((await readdir(docsDir)).map(async (f) => JSON.parse(await readFile(path.join(docsDir, f), 'utf8')) as { id: string; sources: { file: string; startLine: number }[] }));
    const lastOfFile = new Map<string, { id: string; startLine: number }>();
    for (const d of docs) for (const s of d.sources) if ((lastOfFile.get(s.file)?.startLine ?? -1) < s.startLine) lastOfFile.set(s.file, { id: d.id, startLine: s.startLine });
    const [lead] = [...lastOfFile].sort(([, a], [, b]) => (a.id < b.id ? -1 : 1))[0];
    const raw = path.join(dir, 'raw', lead);
    await writeFile(raw, `${await readFile(raw, 'utf8')}\n第九十九条　本法自公布之日起施行。\n`);
    const r = await build(dir);
    expect(r.searchIndex).toBe('updated');
    // Updated in the search thread while the other files were written (cli/search-thread.ts).
    expect(r.searchThreaded).toBe(true);
    expect(r.units).toBeGreaterThan(first.units);
    // Some shards moved on, not linked: each written anew from the previous file, its start further on.
    const after = await textShardInodes(dir);
    const linked = [...after].filter(([f, ino]) => before.get(f) === ino).length;
    expect(r.searchTextShardsMoved).toBeGreaterThan(linked);
    const full = await corpus();
    await cp(raw, path.join(full, 'raw', lead));
    expect((await build(full)).searchIndex).toBe('built');
    expect(await searchFiles(dir)).toEqual(await searchFiles(full));
  }, 120_000);

  it('takes the unchanged laws’ records, opening words and all, from the previous index: the full build’s bytes', async () => {
    const dir = await corpus();
    await build(dir);
    const notice = path.join(dir, 'raw', FILES[6]);
    await writeFile(notice, `${await readFile(notice, 'utf8')}\n本通知自印发之日起施行。\n`);
    // A new document too: one the previous index does not hold.
    await cp(path.join(RAW, NEW), path.join(dir, 'raw', NEW));
    const r = await build(dir);
    expect(r.searchIndex).toBe('updated');
    // The laws' units kept their entries: only the notice's and the new document's were indexed from their text.
    expect(r.searchUnitsIndexed).toBeGreaterThan(0);
    expect(r.searchUnitsIndexed).toBeLessThan(r.units / 4);
    // Nor were the laws' units read back from the parse cache: their records came from the previous index.
    expect(r.unitsRead).toBe(0);
    const updated = await searchFiles(dir);
    // The laws have label-only articles, whose opening words the text shards keep.
    const textShards = Object.keys(updated).filter((f) => f.startsWith('texts-')).length;
    expect(textShards).toBeGreaterThan(1);
    // A text shard of laws only, all kept, is the previous one moved whole; the others were made from their records.
    expect(r.searchTextShardsMoved).toBeGreaterThan(0);
    expect(r.searchTextShardsMoved).toBeLessThan(textShards);
    const openings = Object.entries(updated)
      .filter(([f]) => f.startsWith('texts-'))
      .flatMap(([, json]) => Object.values((JSON.parse(json) as { openings: Record<string, string> }).openings));
    expect(openings.length).toBeGreaterThan(5);

    expect(r.searchThreaded).toBe(true);

    const full = await corpus();
    await cp(notice, path.join(full, 'raw', FILES[6]));
    await cp(path.join(RAW, NEW), path.join(full, 'raw', NEW));
    expect((await build(full)).searchIndex).toBe('built');
    expect(updated).toEqual(await searchFiles(full));
    // The same rebuild without threads updates the index in the build's thread: the same bytes.
    const alone = await corpus();
    await build(alone, '--jobs', '0');
    await cp(notice, path.join(alone, 'raw', FILES[6]));
    await cp(path.join(RAW, NEW), path.join(alone, 'raw', NEW));
    const inThread = await build(alone, '--jobs', '0');
    expect([inThread.searchIndex, inThread.searchThreaded]).toEqual(['updated', false]);
    expect(await searchFiles(alone)).toEqual(updated);
  }, 120_000);
});

describe('a rebuild that parses every file again (its parse cache gone, as after a parser upgrade)', () => {
  it('holds the parsed documents’ units in their entries, reads only the changed one’s, and writes the full build’s files', async () => {
    const dir = await corpus();
    await build(dir);
    await rm(path.join(dir, 'cache', 'parse'), { recursive: true });
    const notice = path.join(dir, 'raw', FILES[6]);
    await writeFile(notice, `${await readFile(notice, 'utf8')}\n本通知自印发之日起施行。\n`);
    const r = await build(dir);
    expect(r.parsedFiles).toBe(FILES.length);
    expect(r.unitsRead).toBe(0);
    // The changed notice's units are read back from its entry (to hash, compare and index it); the laws' are not.
    expect(r.parsedUnitsRead).toBeGreaterThan(0);
    expect(r.parsedUnitsRead).toBeLessThanOrEqual(4);
    const full = await corpus();
    await cp(notice, path.join(full, 'raw', FILES[6]));
    await build(full);
    const files = async (d: string) => ({ ...(await tree(path.join(d, 'current', 'docs'))), ...(await searchFiles(d)), ...(await tree(path.join(d, 'current', 'variants'))) });
    expect(await files(dir)).toEqual(await files(full));
  }, 120_000);
});

describe('a previous index damaged where its build’s check cannot see', () => {
  it('stops the rebuild with a Chinese message naming the shard, leaves the current version, and the next build makes the index whole', async () => {
    const dir = await corpus();
    await build(dir);
    const version = await readFile(path.join(dir, 'current', 'manifest.json'), 'utf8');
    // A law that grows by an article, first by id among the documents text appended to a raw file lands in: the
    // shards after its own are moved on, each read from the previous file as its file is made.
    const docsDir = path.join(dir, 'current', 'docs');
    const docs = await Promise.all((await readdir(docsDir)).map(async (f) => JSON.parse(await readFile(path.join(docsDir, f), 'utf8')) as { id: string; sources: { file: string; startLine: number }[] }));
    const lastOfFile = new Map<string, { id: string; startLine: number }>();
    for (const d of docs) for (const s of d.sources) if ((lastOfFile.get(s.file)?.startLine ?? -1) < s.startLine) lastOfFile.set(s.file, { id: d.id, startLine: s.startLine });
    const [lead] = [...lastOfFile].sort(([, a], [, b]) => (a.id < b.id ? -1 : 1))[0];
    // The last text shard's start changed in place, one digit for another: the same size, inode and time (set back to
    // the nanosecond), so it passes the check that it is as written, and fails only when read.
    const shards = (await readdir(path.join(dir, 'current', 'search'))).filter((f) => f.startsWith('texts-'));
    const lastShard = path.join(dir, 'current', 'search', `texts-${shards.length - 1}.json`);
    const { mtimeNs } = await stat(lastShard, { bigint: true });
    const json = await readFile(lastShard, 'utf8');
    const from = /^\{"v":\d+,"from":(\d+),/.exec(json)![1];
    expect(Number(from)).toBeGreaterThan(9);
    await writeFile(lastShard, json.replace(`"from":${from},`, `"from":${from.slice(0, -1)}${(Number(from.at(-1)) + 1) % 10},`));
    execFileSync('touch', ['-m', '-d', `@${mtimeNs / 1_000_000_000n}.${String(mtimeNs % 1_000_000_000n).padStart(9, '0')}`, lastShard]);
    const raw = path.join(dir, 'raw', lead);
    await writeFile(raw, `${await readFile(raw, 'utf8')}\n第九十九条　本法自公布之日起施行。\n`);
    const err: string[] = [];
    const io: CommandIO = { out: () => undefined, err: (t) => err.push(t), stdinIsTTY: true, async *stdinLines() {} };
    expect(await main(['build', '--corpus', dir, '--json'], io)).toBe(1);
    expect(err.join('\n')).toMatch(new RegExp(`上一版本的搜索索引在本次构建中读不出（search/texts-${shards.length - 1}\\.json）.*当前版本未变`));
    expect(await readFile(path.join(dir, 'current', 'manifest.json'), 'utf8')).toBe(version);
    // Asked again, it does not trust that index: made whole, the full build's bytes.
    expect((await build(dir)).searchIndex).toBe('built');
    const full = await corpus();
    await cp(raw, path.join(full, 'raw', lead));
    await build(full);
    expect(await searchFiles(dir)).toEqual(await searchFiles(full));
  }, 120_000);
});

describe('guardedIndexFiles', () => {
  /** A corpus folder with the record that says its index can be updated. */
  async function withRecord(): Promise<{ dir: string; record: string }> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'policy-reader-guarded-'));
    dirs.push(dir);
    await mkdir(path.join(dir, 'cache'));
    const record = path.join(dir, 'cache', 'search-index.json');
    await writeFile(record, '{"format":1}');
    return { dir, record };
  }
  const exists = (f: string) => stat(f).then(() => true, () => false);

  it('tells a previous shard that fails as it is read in Chinese, naming it, and forgets that the index can be updated', async () => {
    const { dir, record } = await withRecord();
    function* files() {
      yield { path: 'search/index.json', data: '{}' };
      throw new SearchIndexDamaged('search text shard texts-2.json does not start as the index says', 'texts-2.json');
    }
    const guarded = guardedIndexFiles(files(), dir);
    expect(guarded.next().value).toEqual({ path: 'search/index.json', data: '{}' });
    expect(await exists(record)).toBe(true);
    expect(() => guarded.next()).toThrow(/^上一版本的搜索索引在本次构建中读不出（search\/texts-2\.json）.*当前版本未变；再运行一次 policy-reader build 会重建整个搜索索引/);
    expect(await exists(record)).toBe(false);
  });

  it('does the same for a shard made only when the writer asks (one it could not link), and passes the rest as they are', async () => {
    const { dir, record } = await withRecord();
    const fine = { path: 'search/texts-0.json', make: () => new Uint8Array([1]), sha256: 'a' };
    const changed = (): Uint8Array => {
      throw new Error('search/texts-1.json is not as it was written');
    };
    const gone = { path: 'search/texts-1.json', make: changed, sha256: 'b' };
    const out = [...guardedIndexFiles([fine, gone][Symbol.iterator](), dir)];
    expect(out.map((f) => [f.path, f.sha256])).toEqual([['search/texts-0.json', 'a'], ['search/texts-1.json', 'b']]);
    expect([...(out[0].make() as Uint8Array)]).toEqual([1]);
    expect(await exists(record)).toBe(true);
    expect(() => out[1].make()).toThrow(/^上一版本的搜索索引在本次构建中读不出：.*（search\/texts-1\.json is not as it was written）$/);
    expect(await exists(record)).toBe(false);
    // Asked again, with the record already gone: said the same way.
    expect(() => out[1].make()).toThrow(/^上一版本的搜索索引在本次构建中读不出：/);
    // Damage the index does not place in a file is told without one.
    function* unplaced() {
      yield* [];
      throw new SearchIndexDamaged('search index is damaged: a posting or position string holds a character no number has');
    }
    expect(() => guardedIndexFiles(unplaced(), dir).next()).toThrow(/^上一版本的搜索索引在本次构建中读不出：它的文件/);
  });
});
