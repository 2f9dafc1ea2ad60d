/**
 * The installed entry point, as the README documents it: `npx policy-reader …`
 * spawned from the project folder (bin/policy-reader.mjs running the compiled
 * dist/cli/policy-reader.mjs), not the TypeScript module. Each command must run once, so --json output is one
 * JSON value.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { npx } from '../test-support/npx.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS_DIR, PROJECT_ROOT } from './corpus-files.js';

let dir: string;
let built: { code: number; out: string; err: string };
// One build, shared by the tests that only read it (each spawned build costs seconds).
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'policy-reader-npx-'));
  await cp(path.join(DEFAULT_CORPUS_DIR, 'raw'), path.join(dir, 'raw'), { recursive: true });
  built = await npx(['build', '--corpus', dir, '--json']);
}, 180_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const docFiles = async () => (await readdir(path.join(dir, 'docs'))).length;
const manifest = async () => JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));

describe('npx policy-reader', () => {
  it('--version and --help print to stdout and exit 0', async () => {
    const pkg = JSON.parse(await readFile(path.join(PROJECT_ROOT, 'package.json'), 'utf8'));
    const v = await npx(['--version']);
    expect(v).toMatchObject({ code: 0, out: `policy-reader ${pkg.version}\n` });
    const h = await npx(['--help']);
    expect(h.code).toBe(0);
    expect(h.out).toMatch(/^用法：policy-reader <命令>/);
    expect(h.out.match(/用法：policy-reader/g)).toHaveLength(1);
    // Every command is listed with its name apart from its summary.
    for (const name of ['build', 'list', 'show', 'stats', 'search', 'variants', 'diff']) expect(h.out).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
    const none = await npx([]);
    expect(none.code).toBe(2);
    expect(none.err).toContain('用法：policy-reader');
  }, 60_000);

  it('build --json runs once and prints one JSON object; list --json lists exactly the documents written, with their titles', async () => {
    expect(built.code, built.err).toBe(0);
    const summary = JSON.parse(built.out);
    expect(summary).toMatchObject({ contentHash: (await manifest()).contentHash, parsedFiles: expect.any(Number), phases: expect.objectContaining({ parse: expect.any(Number) }) });
    const l = await npx(['list', '--json', '--corpus', dir]);
    expect(l.code).toBe(0);
    const listed = JSON.parse(l.out) as { id: string; title: string }[];
    // The listed ids are the document files on disk, and each entry is that file's document.
    expect(listed.map((d) => `${d.id}.json`).sort()).toEqual((await readdir(path.join(dir, 'docs'))).sort());
    for (const d of listed) expect(JSON.parse(await readFile(path.join(dir, 'docs', `${d.id}.json`), 'utf8')).title, d.id).toBe(d.title);
    expect(listed.map((d) => d.title)).toContain('青岛市政务服务管理办法');
  }, 120_000);

  it('a reader that stops early (| head) ends the command quietly, not with an EPIPE stack trace', async () => {
    const r = await new Promise<{ code: number; err: string }>((resolve, reject) => {
      const child = spawn('sh', ['-c', 'npx --no-install policy-reader variants | head -1 >/dev/null'], { cwd: PROJECT_ROOT });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, err: err.replace(/^npm warn.*\n/gm, '') }));
    });
    expect(r.err).not.toMatch(/EPIPE|Error/);
  }, 60_000);

  it('build --corpus DIR without DIR/raw says the raw folder is missing', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'policy-reader-noraw-'));
    const r = await npx(['build', '--corpus', empty]);
    await rm(empty, { recursive: true, force: true });
    expect(r.code).toBe(1);
    expect(r.err).toContain(`原始文件夹不存在：${path.join(empty, 'raw')}`);
  }, 60_000);

  it('refuses a build while another holds the lock, and leaves the corpus as it was', async () => {
    const before = await manifest();
    await writeFile(path.join(dir, '.build.lock'), `${process.pid}\n`); // a live process
    const r = await npx(['build', '--corpus', dir]);
    await rm(path.join(dir, '.build.lock'));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`另一个构建（进程 ${process.pid}）正在写入`);
    expect(await manifest()).toEqual(before);
    expect(await docFiles()).toBe(before.counts.documents);
  }, 60_000);

  it('two builds started together leave one complete corpus', async () => {
    const [a, b] = await Promise.all([npx(['build', '--corpus', dir, '--quiet']), npx(['build', '--corpus', dir, '--quiet'])]);
    expect([a.code, b.code].sort()).toContain(0);
    for (const r of [a, b]) if (r.code !== 0) expect(r.err).toContain('另一个构建');
    expect(await docFiles()).toBe((await manifest()).counts.documents);
    expect((await readdir(dir)).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(await readdir(path.join(dir, 'versions'))).toHaveLength(1);
  }, 120_000);
});
