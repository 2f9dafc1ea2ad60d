/**
 * The CLI against a corpus built from the real seeds into a temporary
 * directory (the command itself, not a re-implementation).
 */
import { mkdtemp, readFile, rm, writeFile, mkdir, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIO } from './io.js';
import { main } from './policy-reader.js';
import { DEFAULT_CORPUS_DIR } from './corpus-files.js';

function capture(stdin: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    stdinIsTTY: stdin.length === 0,
    async *stdinLines() {
      yield* stdin;
    },
  };
  return { io, out, err };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'policy-reader-cli-'));
  await cp(path.join(DEFAULT_CORPUS_DIR, 'raw'), path.join(dir, 'raw'), { recursive: true });
  const c = capture();
  expect(await main(['build', '--corpus', dir, '--quiet'], c.io)).toBe(0);
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('policy-reader', () => {
  it('list --json prints every document with the documented fields', async () => {
    const c = capture();
    expect(await main(['list', '--json', '--corpus', dir], c.io)).toBe(0);
    const list = JSON.parse(c.out.join('\n'));
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
    expect(list).toHaveLength(manifest.counts.documents);
    for (const d of list) {
      expect(Object.keys(d).sort()).toEqual(['bodyMissing', 'charCount', 'date', 'docNumber', 'id', 'issuer', 'kind', 'region', 'sources', 'title', 'unitCount']);
      expect(d.sources[0]).toEqual({ file: expect.any(String), startLine: expect.any(Number), endLine: expect.any(Number), firstPage: d.sources[0].firstPage, lastPage: d.sources[0].lastPage });
    }
  });

  it('show --json prints the unit tree of a listed document; show prints its articles', async () => {
    const l = capture();
    await main(['list', '--json', '--corpus', dir], l.io);
    const banfa = JSON.parse(l.out.join('\n')).find((d: { title: string }) => d.title === '青岛市政务服务管理办法');
    const j = capture();
    expect(await main(['show', banfa.id, '--json', '--corpus', dir], j.io)).toBe(0);
    const doc = JSON.parse(j.out.join('\n'));
    expect(doc.units.filter((u: { level: string }) => u.level === 'chapter')).toHaveLength(8);
    const t = capture();
    expect(await main(['show', banfa.id, '--corpus', dir], t.io)).toBe(0);
    expect(t.out.join('\n')).toContain('第六十一条');
  });

  // sysfs refuses new folders even to root: a corpus folder the build may not create, on any Linux.
  it.skipIf(process.platform !== 'linux')('says in Chinese that it may not write a corpus folder, naming the folder and the code', async () => {
    const e = capture();
    expect(await main(['build', '--corpus', '/sys/kernel/policy-reader-corpus', '--raw', path.join(dir, 'raw')], e.io)).toBe(1);
    expect(e.err.join('\n')).toMatch(/^policy-reader build: 处理 \/sys\/kernel\/policy-reader-corpus 失败：没有权限，请换一个文件夹或检查权限（(EPERM|EACCES)）$/);
  });

  it('exits 1 with a clear message for an unknown id or a missing corpus, 2 for usage errors', async () => {
    const a = capture();
    expect(await main(['show', 'nope', '--corpus', dir], a.io)).toBe(1);
    expect(a.err.join()).toMatch(/没有编号为“nope”的文档/);
    const b = capture();
    expect(await main(['list', '--corpus', path.join(dir, 'missing')], b.io)).toBe(1);
    expect(b.err.join()).toMatch(/无法读取 .*library\.json（是否还没有运行 policy-reader build？）/);
    const c = capture();
    expect(await main(['frobnicate'], c.io)).toBe(2);
    expect(c.err.join()).toMatch(/未知命令“frobnicate”/);
    const d = capture();
    expect(await main(['list', '--bogus'], d.io)).toBe(2);
    expect(d.err.join()).toMatch(/未知选项 --bogus/);
  });

  it('says what is wrong with a command line in Chinese', async () => {
    const emptyRaw = await mkdtemp(path.join(os.tmpdir(), 'policy-reader-noraw-'));
    await mkdir(path.join(emptyRaw, 'raw'));
    const cases: [string[], number, RegExp][] = [
      [['list', '--corpus'], 2, /--corpus 需要一个值/],
      [['show', '--corpus', dir], 2, /需要一个文档编号（可用 policy-reader list 查看）/],
      [['diff', 'a', '--corpus', dir], 2, /需要两个文档编号（可用 policy-reader list 查看）/],
      [['search', '--scope', 'page', '通知', '--corpus', dir], 2, /--scope 只能是 clause 或 doc，不能是“page”/],
      [['search', '  ', '--corpus', dir], 2, /检索词是空的/],
      [['build', '--jobs', '1.5', '--corpus', emptyRaw], 2, /--jobs 需要一个非负整数/],
      [['build', '--corpus', emptyRaw], 1, /里没有原始文件/],
    ];
    for (const [args, code, message] of cases) {
      const e = capture();
      expect(await main(args, e.io), args.join(' ')).toBe(code);
      expect(e.err.join('\n'), args.join(' ')).toMatch(message);
    }
  });

  it('build skips bad raw files with a warning naming each, and keeps the good ones', async () => {
    const bad = await mkdtemp(path.join(os.tmpdir(), 'policy-reader-bad-'));
    await mkdir(path.join(bad, 'raw'));
    await writeFile(path.join(bad, 'raw', 'empty.txt'), '');
    await writeFile(path.join(bad, 'raw', 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    await writeFile(path.join(bad, 'raw', 'gbk.txt'), Buffer.from('b5dad2bbccf520b1beb0ecb7a8cacad3c3d3dac7e0b5bacad0d5fecef1b7fecef1a1a3', 'hex'));
    const c = capture();
    expect(await main(['build', '--corpus', bad], c.io)).toBe(0);
    const warnings = c.err.join('\n');
    expect(warnings).toMatch(/empty\.txt：已跳过：文件是空的/);
    expect(warnings).toMatch(/image\.txt：已跳过：.*二进制数据/);
    expect(warnings).toMatch(/gbk\.txt：文件不是有效的 UTF-8，已按 GB18030 编码读取/);
    const manifest = JSON.parse(await readFile(path.join(bad, 'manifest.json'), 'utf8'));
    // The two bad files are skipped as such; the GBK one is read, decoded right, and is the one document.
    expect(manifest.rawFiles.map((f: { file: string; encoding: string }) => [f.file, f.encoding])).toEqual([['gbk.txt', 'gb18030']]);
    expect(manifest.warnings.filter((w: { message: string }) => w.message.startsWith('已跳过：')).map((w: { file: string }) => w.file).sort()).toEqual(['empty.txt', 'image.txt']);
    const [doc] = JSON.parse(await readFile(path.join(bad, 'library.json'), 'utf8'));
    const shown = capture();
    expect(await main(['show', doc.id, '--corpus', bad], shown.io)).toBe(0);
    expect(shown.out.join('\n')).toContain('本办法适用于青岛市政务服务。');
    await rm(bad, { recursive: true, force: true });
  });

  it('stats reports counts that match the manifest', async () => {
    const c = capture();
    expect(await main(['stats', '--json', '--corpus', dir], c.io)).toBe(0);
    const stats = JSON.parse(c.out.join('\n'));
    const total = Object.values(stats.byKind as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(total).toBe(stats.documents);
    // National (中国银保监会) and unknown origin (signed articles) are told apart.
    expect(stats.byProvince['全国']).toBeGreaterThan(0);
    expect(stats.byProvince['未注明']).toBeGreaterThan(0);
    expect(stats.bodyMissing.map((b: { reason: string }) => b.reason)).toEqual(['blank-pages', 'blank-pages']);
    expect(Object.keys(stats.droppedLines)).toHaveLength(5);
    expect(stats.droppedLines['000_57e3cdbe4450e5ba.txt']).toMatchObject({ latin: 5 });
  });

  it('stats prints the same figures in Chinese: counts, each furniture rule by its name, the blank pages and the notes', async () => {
    const c = capture();
    expect(await main(['stats', '--corpus', dir], c.io)).toBe(0);
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
    const { documents, units, characters, rawFiles, skippedFiles } = manifest.counts;
    expect(c.out[0]).toBe(`文档 ${documents} 个，条款单元 ${units} 个，${characters} 字，原始文件 ${rawFiles} 个（跳过 ${skippedFiles} 个）`);
    expect(c.out[1]).toMatch(/^按文种：方案 \d+，/);
    expect(c.out).toContain('000_57e3cdbe4450e5ba.txt 中去掉的行：外文行 5，页眉页脚 4，移到文首的标题 3，作者署名 2');
    expect(c.out).toContain('002_05c031fde29e0e58.txt 中去掉的行：重复的标题 1');
    expect(c.out).toContain('001_3ae65a0b828b041b.txt 中去掉的行：无');
    expect(c.out.filter((l) => l.startsWith('没有正文：'))).toHaveLength(2);
    expect(c.out.find((l) => l.startsWith('没有正文：'))).toMatch(/（003_3b0432dd4a7437f5\.txt：标题后的第 \d+–\d+ 页没有文字（源 PDF 中可能是图片））$/);
    expect(c.out).toContain('说明：000_57e3cdbe4450e5ba.txt：第 1–12 行是卷首内容（没有标题和结构），不作为文档');
    // Nothing a reader reads is left in English (file names, document ids and the word PDF aside).
    for (const line of c.out) expect(line.replace(/\d+_[0-9a-f]+\.txt|\bp[0-9a-f]{11}\b|PDF/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });
});

// Two versions of one 解释 from the real-text set (2010 and its 2021 revision, printed and extracted apart).
describe('policy-reader variants, in words', () => {
  it('says why a revision is one, and nothing in English but ids and the measure’s name', async () => {
    const rev = await mkdtemp(path.join(os.tmpdir(), 'policy-reader-rev-'));
    try {
      await mkdir(path.join(rev, 'raw'));
      for (const f of ['083_L08-title3-pdfjs.txt', '108_L04-a5-plain.txt']) await cp(path.join(__dirname, '../test-data/realtext/raw', f), path.join(rev, 'raw', f));
      expect(await main(['build', '--corpus', rev, '--quiet'], capture().io)).toBe(0);
      const c = capture();
      expect(await main(['variants', '--corpus', rev], c.io)).toBe(0);
      expect(c.out.find((l) => l.includes('→'))).toMatch(/^ {4}p[0-9a-f]{11} → p[0-9a-f]{11} {2}修订（前后版本 2010-12-13 → 2021-12-30） {2}Jaccard \d+%/);
      for (const line of c.out) expect(line.replace(/\b[pf][0-9a-f]{11,12}\b|Jaccard/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    } finally {
      await rm(rev, { recursive: true, force: true });
    }
  }, 60_000);
});
