/**
 * A build killed at each step of its switch (issue 16 item 5): a real CLI
 * process (the compiled bin/policy-reader.mjs) is stopped just before its
 * n-th file-system change in the corpus folder (test-support/stop-at-step.mjs)
 * and killed there by its pid. Whatever n, a reader sees one complete build —
 * the previous one or the new one — and the next build finishes the job:
 * the new corpus, one version, no staging or retired folders left, the
 * user's files untouched.
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIO } from './io.js';
import { main } from './policy-reader.js';
import { DEFAULT_CORPUS_DIR, PROJECT_ROOT } from './corpus-files.js';

const OLD = ['001_3ae65a0b828b041b.txt', '002_05c031fde29e0e58.txt'];
const ADDED = '004_dcad8b37bba8431c.txt';
const BIN = path.join(PROJECT_ROOT, 'bin', 'policy-reader.mjs');
const PRELOAD = path.join(PROJECT_ROOT, 'test-support', 'stop-at-step.mjs');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = { out: (t) => out.push(t), err: (t) => err.push(t), stdinIsTTY: true, async *stdinLines() {} };
  return { io, out, err };
}
async function cli(args: string[]) {
  const c = capture();
  const code = await main(args, c.io);
  return { code, out: c.out.join('\n'), err: c.err.join('\n') };
}

/** The build as a child process, stopped before step `at` (0: run through); resolves with the steps it printed. */
function buildUntil(dir: string, at: number): Promise<{ steps: string[]; code: number | null; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', PRELOAD, BIN, 'build', '--corpus', dir, '--quiet'], {
      env: { ...process.env, STOP_DIR: dir, STOP_AT: String(at) },
    });
    const steps: string[] = [];
    let buffered = '';
    let killed = false;
    child.stderr.on('data', (d) => {
      buffered += d;
      let nl;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        if (!line.startsWith('STEP ')) continue;
        steps.push(line);
        if (at && line.startsWith(`STEP ${at} `)) {
          killed = true;
          process.kill(child.pid!, 'SIGKILL');
        }
      }
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ steps, code, killed }));
  });
}

/** What a reader sees: the manifest's hash, and every listed document readable. */
async function readerView(dir: string): Promise<{ contentHash: string; ids: string[] }> {
  const list = await cli(['list', '--json', '--corpus', dir]);
  expect(list.code, list.err).toBe(0);
  const ids = (JSON.parse(list.out) as { id: string }[]).map((d) => d.id);
  for (const id of ids) expect((await cli(['show', id, '--json', '--corpus', dir])).code, id).toBe(0);
  const stats = await cli(['stats', '--json', '--corpus', dir]);
  expect(stats.code, stats.err).toBe(0);
  const s = JSON.parse(stats.out);
  expect(s.documents).toBe(ids.length);
  return { contentHash: s.contentHash, ids: ids.sort() };
}

let template: string;
let before: { contentHash: string; ids: string[] };
let after: { contentHash: string; ids: string[] };
let steps: string[] = [];
const dirs: string[] = [];

/** A copy of the corpus built from OLD, with ADDED now in raw/ and a file of the user's beside it. */
async function scenario(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'policy-reader-kill-'));
  dirs.push(dir);
  await cp(template, dir, { recursive: true, verbatimSymlinks: true });
  await cp(path.join(DEFAULT_CORPUS_DIR, 'raw', ADDED), path.join(dir, 'raw', ADDED));
  return dir;
}

beforeAll(async () => {
  template = await mkdtemp(path.join(os.tmpdir(), 'policy-reader-kill-template-'));
  dirs.push(template);
  await mkdir(path.join(template, 'raw'));
  for (const f of OLD) await cp(path.join(DEFAULT_CORPUS_DIR, 'raw', f), path.join(template, 'raw', f));
  expect((await cli(['build', '--corpus', template, '--quiet'])).code).toBe(0);
  await writeFile(path.join(template, 'notes.txt'), '我的笔记');
  before = await readerView(template);
  // One build run through, listing its steps, gives what the corpus is after.
  const full = await scenario();
  const run = await buildUntil(full, 0);
  expect(run.code).toBe(0);
  steps = run.steps;
  after = await readerView(full);
}, 120_000);
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('a build killed during its switch', () => {
  it('has steps to kill at: the new version renamed in, the pointer switched, the old version retired', () => {
    expect(steps.length).toBeGreaterThan(8);
    expect(steps.some((s) => / rename current\.\d+\.tmp -> current$/.test(s))).toBe(true);
    expect(before.ids).not.toEqual(after.ids);
  });

  it('leaves the previous build or the new one readable at every step, and the next build completes the switch', async () => {
    const seen: string[] = [];
    for (let k = 1; k <= steps.length; k++) {
      const dir = await scenario();
      const run = await buildUntil(dir, k);
      expect(run.killed, `step ${k}`).toBe(true);
      const view = await readerView(dir);
      expect([before, after], `after a kill before ${steps[k - 1]}`).toContainEqual(view);
      seen.push(view.contentHash === before.contentHash ? 'old' : 'new');
      expect(await readFile(path.join(dir, 'notes.txt'), 'utf8')).toBe('我的笔记');
      // The next build takes over the dead build's lock, removes what it left, and ends on the new corpus.
      const next = await cli(['build', '--corpus', dir, '--quiet', '--jobs', '0']);
      expect(next.code, `${next.err} (step ${k})`).toBe(0);
      expect(await readerView(dir)).toEqual(after);
      expect(await readdir(path.join(dir, 'versions')), `step ${k}`).toHaveLength(1);
      expect((await readdir(dir)).filter((n) => n.startsWith('.') || n.endsWith('.tmp')), `step ${k}`).toEqual([]);
      expect(await readFile(path.join(dir, 'notes.txt'), 'utf8')).toBe('我的笔记');
      await rm(dir, { recursive: true, force: true });
    }
    // Killed before the pointer moved, readers keep the old build; after it, the new one.
    const switchAt = steps.findIndex((s) => / -> current$/.test(s)) + 1;
    expect(seen.slice(0, switchAt)).toEqual(Array(switchAt).fill('old'));
    expect(seen.slice(switchAt)).toEqual(Array(steps.length - switchAt).fill('new'));
  }, 600_000);
});
