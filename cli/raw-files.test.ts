/**
 * One raw file read (raw-files.ts readRawFile): its bytes, or a Chinese reason it is skipped. The build's own tests
 * (corpus-folder.test.ts) read whole folders with FIFOs and oversized files; these are the cases at the edges.
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRawFile } from './raw-files.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'policy-reader-raw-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a raw file read', () => {
  it('gives its bytes up to the limit, and refuses one byte more', () => {
    writeFileSync(path.join(dir, 'ten.txt'), '第一条　十个字节'.slice(0, 3));
    const at = readRawFile(dir, 'ten.txt', 9);
    expect(at.ok && Buffer.from(at.bytes).toString()).toBe('第一条');
    const over = readRawFile(dir, 'ten.txt', 8);
    expect(over.ok).toBe(false);
    expect(!over.ok && over.message).toMatch(/^已跳过：文件有 0\.0 MB，超过单个原始文件 0\.0 MB 的上限/);
  });

  it('names why a file that cannot be opened is skipped', () => {
    symlinkSync(path.join(dir, 'gone.txt'), path.join(dir, 'dangling.txt'));
    const r = readRawFile(dir, 'dangling.txt');
    expect(r).toEqual({ ok: false, message: '已跳过：无法读取（ENOENT）' });
  });
});
