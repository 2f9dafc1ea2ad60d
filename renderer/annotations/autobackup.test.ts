import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseAnnotationFile } from '../../core/annotations/file';
import { testAnnotation } from '../../test-support/annotation-fixtures';
import { subscribeNotices } from '../components/notices';
import { db } from '../db/database';
import { AUTO_BACKUP_DELAY_MS, backupNow, installAutoBackupFlush, scheduleAutoBackup } from './autobackup';

const writes: string[] = [];
let result: { ok: true; file: string; skipped: boolean } | { ok: false; code: 'no-space'; message: string } = { ok: true, file: 'f', skipped: false };
const listeners = new Map<string, () => void>();

beforeAll(() => {
  // The renderer's view of Electron: window.policyReader, as the preload exposes it.
  (globalThis as Record<string, unknown>).window = {
    policyReader: { writeAutoBackup: async (json: string) => (writes.push(json), result) },
    addEventListener: (ev: string, l: () => void) => listeners.set(ev, l),
  };
});
afterAll(() => {
  delete (globalThis as Record<string, unknown>).window;
});

const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
};

describe('automatic backup from the renderer', () => {
  it('one write for a burst of changes, after the delay, holding every annotation', async () => {
    const list = [testAnnotation({ note: '一' }), testAnnotation({ note: '二' })];
    for (const a of list) await db().putAnnotation(a);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    scheduleAutoBackup();
    scheduleAutoBackup();
    scheduleAutoBackup();
    vi.advanceTimersByTime(AUTO_BACKUP_DELAY_MS - 1);
    expect(writes).toHaveLength(0);
    vi.advanceTimersByTime(1);
    vi.useRealTimers();
    await settle();
    expect(writes).toHaveLength(1);
    const parsed = parseAnnotationFile(writes[0]);
    expect(parsed.ok && parsed.file.annotations.map((a) => a.id).sort()).toEqual(list.map((a) => a.id).sort());
  });

  it('a pending backup is written when the page goes away (quit, reload)', async () => {
    installAutoBackupFlush();
    writes.length = 0;
    scheduleAutoBackup();
    listeners.get('pagehide')!();
    await settle();
    expect(writes).toHaveLength(1);
    listeners.get('pagehide')!(); // nothing pending: no extra write
    await settle();
    expect(writes).toHaveLength(1);
  });

  it('a failed backup is told once, in Chinese, not after every save', async () => {
    const heard: string[] = [];
    const off = subscribeNotices((m) => heard.push(m));
    result = { ok: false, code: 'no-space', message: '自动备份失败：磁盘空间不足，文件未保存。' };
    await backupNow();
    await backupNow();
    expect(heard).toEqual(['自动备份失败：磁盘空间不足，文件未保存。']);
    off();
  });
});
