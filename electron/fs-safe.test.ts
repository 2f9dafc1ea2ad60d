import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { atomicWriteFile, nodeWriteFs, toFileError, type WriteFs } from './fs-safe';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-fs-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const errno = (code: string) => Object.assign(new Error(`${code}: fake`), { code });

describe('atomicWriteFile', () => {
  it('writes a new file and replaces an existing one', async () => {
    const target = path.join(dir, '备份.json');
    await atomicWriteFile(target, '{"a":1}');
    expect(fs.readFileSync(target, 'utf8')).toBe('{"a":1}');
    await atomicWriteFile(target, new TextEncoder().encode('{"a":2}'));
    expect(fs.readFileSync(target, 'utf8')).toBe('{"a":2}');
    expect(fs.readdirSync(dir)).toEqual(['备份.json']);
  });

  it('on a full disk keeps the old file intact and leaves no temp file', async () => {
    const target = path.join(dir, 'doc.pdf');
    fs.writeFileSync(target, 'OLD CONTENT');
    const fullDisk: WriteFs = {
      ...nodeWriteFs,
      open: async (p, flags, mode) => {
        const h = await nodeWriteFs.open(p, flags, mode);
        return { ...h, write: async () => Promise.reject(errno('ENOSPC')) };
      },
    };
    await expect(atomicWriteFile(target, 'NEW', fullDisk)).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(fs.readFileSync(target, 'utf8')).toBe('OLD CONTENT');
    expect(fs.readdirSync(dir)).toEqual(['doc.pdf']);
  });

  it('a failing rename keeps the old file and removes the temp file', async () => {
    const target = path.join(dir, 'doc.pdf');
    fs.writeFileSync(target, 'OLD');
    const badRename: WriteFs = { ...nodeWriteFs, rename: async () => Promise.reject(errno('EACCES')) };
    await expect(atomicWriteFile(target, 'NEW', badRename)).rejects.toMatchObject({ code: 'EACCES' });
    expect(fs.readFileSync(target, 'utf8')).toBe('OLD');
    expect(fs.readdirSync(dir)).toEqual(['doc.pdf']);
  });

  it('keeps the permission bits of the file it replaces', async () => {
    const target = path.join(dir, 'private.json');
    for (const mode of [0o600, 0o640, 0o664]) {
      fs.writeFileSync(target, 'OLD');
      fs.chmodSync(target, mode);
      await atomicWriteFile(target, 'NEW');
      expect(fs.readFileSync(target, 'utf8')).toBe('NEW');
      expect((fs.statSync(target).mode & 0o777).toString(8)).toBe(mode.toString(8));
    }
    const fresh = path.join(dir, 'new.json');
    await atomicWriteFile(fresh, '{}');
    expect(fs.statSync(fresh).mode & 0o077 & ~process.umask()).toBe(0o044 & ~process.umask());
  });

  it('flushes the file, renames it, then flushes the folder', async () => {
    const target = path.join(dir, 'b.json');
    const steps: string[] = [];
    const spy: WriteFs = {
      ...nodeWriteFs,
      open: async (p, flags, mode) => {
        const h = await nodeWriteFs.open(p, flags, mode);
        return { ...h, sync: async () => (steps.push('sync file'), h.sync()) };
      },
      rename: async (a, b) => (steps.push('rename'), nodeWriteFs.rename(a, b)),
      syncDir: async (d) => (steps.push(`sync dir ${d === dir ? 'of target' : d}`), nodeWriteFs.syncDir(d)),
    };
    await atomicWriteFile(target, '{}', spy);
    expect(steps).toEqual(['sync file', 'rename', 'sync dir of target']);
    expect(fs.readFileSync(target, 'utf8')).toBe('{}');
  });

  it('fails cleanly when the folder does not exist', async () => {
    await expect(atomicWriteFile(path.join(dir, 'missing', 'x.json'), '{}')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('toFileError', () => {
  it('maps errno codes to codes and Chinese messages', () => {
    expect(toFileError(errno('ENOSPC'), '保存 PDF')).toEqual({
      ok: false,
      code: 'no-space',
      message: '保存 PDF失败：磁盘空间不足，文件未保存。请清理磁盘后重试。（ENOSPC）',
    });
    expect(toFileError(errno('EROFS'), '保存备份').code).toBe('permission');
    expect(toFileError(new Error('boom'), '保存备份')).toEqual({ ok: false, code: 'failed', message: '保存备份失败：boom' });
  });
});
