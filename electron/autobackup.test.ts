/**
 * The rotating automatic backup against a real temporary folder (and an fs
 * that fails like a full disk), plus the quit hold, composed as main.ts does.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AUTO_BACKUP_DIR, type AutoBackupFs, createAutoBackup, holdQuitForBackup, nodeAutoBackupFs, sortBackups } from './autobackup';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pr-autobackup-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const file = (n: number) => JSON.stringify({ format: 'policy-reader/annotations', formatVersion: 1, exported: `t${n}`, annotations: [{ id: `a${n}` }] });
let clock = Date.parse('2024-05-01T08:00:00.000Z');
const now = () => new Date((clock += 1000));
const dir = () => path.join(tmp, AUTO_BACKUP_DIR);
const names = () => fs.readdirSync(dir()).sort();

describe('automatic backup', () => {
  it('writes atomically into the user-data folder: only complete files, no temp files left', async () => {
    const b = createAutoBackup({ userData: tmp, now });
    const r = await b.write(file(1));
    expect(r).toMatchObject({ ok: true, skipped: false });
    expect(names()).toHaveLength(1);
    expect(names()[0]).toMatch(/^annotations-\d{8}T\d{9}Z\.json$/);
    expect(fs.readFileSync(path.join(dir(), names()[0]), 'utf8')).toBe(file(1));
    const latest = await b.readLatest();
    expect(latest).toMatchObject({ ok: true, json: file(1) });
  });

  it('keeps the last 10, newest first, and skips a write identical to the newest', async () => {
    const b = createAutoBackup({ userData: tmp, now });
    for (let i = 1; i <= 13; i++) await b.write(file(i));
    expect(names()).toHaveLength(10);
    const kept = sortBackups(names()).map((n) => JSON.parse(fs.readFileSync(path.join(dir(), n), 'utf8')).annotations[0].id);
    expect(kept).toEqual(['a13', 'a12', 'a11', 'a10', 'a9', 'a8', 'a7', 'a6', 'a5', 'a4']);
    const same = JSON.stringify({ ...JSON.parse(file(13)), exported: 'later' });
    expect(await b.write(same)).toMatchObject({ ok: true, skipped: true });
    expect(names()).toHaveLength(10);
  });

  it('disk full during the write: an error in Chinese, the previous backups intact, nothing pruned, no temp file', async () => {
    const good = createAutoBackup({ userData: tmp, now });
    for (let i = 1; i <= 10; i++) await good.write(file(i));
    const before = Object.fromEntries(names().map((n) => [n, fs.readFileSync(path.join(dir(), n), 'utf8')]));
    const fullDisk: AutoBackupFs = {
      ...nodeAutoBackupFs,
      open: async (p, flags, mode) => {
        const h = await nodeAutoBackupFs.open(p, flags, mode);
        return {
          ...h,
          write: async (data: Uint8Array) => {
            await h.write(data.subarray(0, 10)); // a partial write, then the disk is full
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          },
        };
      },
    };
    const b = createAutoBackup({ userData: tmp, now, fs: fullDisk });
    const r = await b.write(file(11));
    expect(r).toMatchObject({ ok: false, code: 'no-space' });
    if (!r.ok) expect(r.message).toMatch(/^自动备份失败：磁盘空间不足/);
    const after = Object.fromEntries(names().map((n) => [n, fs.readFileSync(path.join(dir(), n), 'utf8')]));
    expect(after).toEqual(before);
    expect(await b.readLatest()).toMatchObject({ ok: true, json: file(10) });
  });

  it('reads the newest VALID backup: a damaged newest file does not hide an older good one', async () => {
    const b = createAutoBackup({ userData: tmp, now });
    await b.write(file(1));
    fs.writeFileSync(path.join(dir(), 'annotations-29990101T000000000Z.json'), '{"format": "policy-reader/annotations", "annot');
    fs.writeFileSync(path.join(dir(), 'notes.txt'), 'not a backup');
    expect(await b.readLatest()).toMatchObject({ ok: true, json: file(1) });
  });

  it('no folder yet, or only foreign files: no backup', async () => {
    const b = createAutoBackup({ userData: tmp, now });
    expect(await b.readLatest()).toMatchObject({ ok: false, code: 'none' });
    expect(await b.write('{"hello": 1}')).toMatchObject({ ok: false, code: 'invalid' });
    expect(fs.existsSync(dir())).toBe(false);
  });

  it('serialises concurrent writes (each lands, in order)', async () => {
    const b = createAutoBackup({ userData: tmp, now: () => new Date('2024-05-01T08:00:00.000Z') });
    const rs = await Promise.all([b.write(file(1)), b.write(file(2)), b.write(file(3))]);
    expect(rs.every((r) => r.ok && !r.skipped)).toBe(true);
    expect(names()).toHaveLength(3);
    expect(await b.readLatest()).toMatchObject({ ok: true, json: file(3) });
  });
});

describe('mass loss', () => {
  const many = (n: number, tag: string) =>
    JSON.stringify({ format: 'policy-reader/annotations', formatVersion: 1, exported: '', annotations: Array.from({ length: n }, (_, i) => ({ id: `${tag}${i}` })) });

  it('when most annotations vanish at once, the last full backup is kept aside where rotation never prunes it', async () => {
    const b = createAutoBackup({ userData: tmp, now });
    await b.write(many(40, 'x'));
    await b.write(many(1, 'y')); // e.g. 暂不恢复, then one new highlight
    for (let i = 0; i < 12; i++) await b.write(many(1, `z${i}`));
    const kept = names().filter((n) => n.startsWith('annotations-before-loss-'));
    expect(kept).toHaveLength(1);
    expect(JSON.parse(fs.readFileSync(path.join(dir(), kept[0]), 'utf8')).annotations).toHaveLength(40);
    expect(names().filter((n) => !n.startsWith('annotations-before-loss-'))).toHaveLength(10);
    // The restore offer still reads the newest rotating backup, not the copy.
    expect(JSON.parse(((await b.readLatest()) as { json: string }).json).annotations).toEqual([{ id: 'z110' }]);
  });

  it('ordinary deletions keep nothing aside', async () => {
    const b = createAutoBackup({ userData: tmp, now });
    await b.write(many(10, 'x'));
    await b.write(many(7, 'x'));
    await b.write(many(4, 'x'));
    expect(names().some((n) => n.startsWith('annotations-before-loss-'))).toBe(false);
  });
});

describe('holdQuitForBackup', () => {
  it('holds the quit until the write in progress finished, then quits once', async () => {
    const listeners: ((e: { preventDefault(): void }) => void)[] = [];
    let quits = 0;
    let prevented = 0;
    const app = { on: (_e: 'will-quit', l: (e: { preventDefault(): void }) => void) => listeners.push(l), quit: () => quits++ };
    let finish!: () => void;
    const idle = new Promise<void>((r) => (finish = r));
    holdQuitForBackup(app, { idle: () => idle });
    listeners[0]({ preventDefault: () => prevented++ });
    expect(prevented).toBe(1);
    await new Promise((r) => setTimeout(r, 10));
    expect(quits).toBe(0);
    finish();
    await new Promise((r) => setTimeout(r, 0));
    expect(quits).toBe(1);
    listeners[0]({ preventDefault: () => prevented++ }); // the second will-quit goes through
    expect(prevented).toBe(1);
  });

  it('quits anyway after the time limit', async () => {
    const listeners: ((e: { preventDefault(): void }) => void)[] = [];
    let quits = 0;
    holdQuitForBackup({ on: (_e, l) => listeners.push(l), quit: () => quits++ }, { idle: () => new Promise(() => {}) }, () => {}, 20);
    listeners[0]({ preventDefault: () => {} });
    await new Promise((r) => setTimeout(r, 50));
    expect(quits).toBe(1);
  });
});
