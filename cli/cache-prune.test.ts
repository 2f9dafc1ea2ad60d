import { mkdtemp, readdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneCacheDir } from './cache-prune.js';

describe('pruneCacheDir', () => {
  it('removes unused entries and killed builds’ temporary entries, and nothing named otherwise', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'cache-prune-'));
    const h = (c: string) => c.repeat(64);
    const names = [`${h('a')}.bin`, `${h('b')}.bin`, `${h('c')}.bin.4242.tmp`, 'notes.txt', 'mine.1.tmp', `${h('d')}.json`];
    for (const n of names) await writeFile(path.join(dir, n), 'x');
    try {
      expect(await pruneCacheDir(dir, /^[0-9a-f]{64}\.bin$/, new Set([`${h('a')}.bin`]))).toBe(2);
      expect((await readdir(dir)).sort()).toEqual([`${h('a')}.bin`, `${h('d')}.json`, 'mine.1.tmp', 'notes.txt'].sort());
      expect(await pruneCacheDir(path.join(dir, 'missing'), /^x$/, new Set())).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
