/**
 * The automatic backup from the renderer's side: shortly after changes (one
 * write for a burst of edits) and when the window goes away, the whole
 * annotation file goes to the main process, which keeps the last 10 in the
 * user-data folder. No-op in the browser preview.
 */
import { serializeAnnotationFile } from '../../core/annotations/file';
import { notify } from '../components/notices';
import { db } from '../db/database';
import { hasAutoBackup, writeAutoBackup } from '../platform/annotations';
import { userFilesForBackup } from './user-files-listing';

export const AUTO_BACKUP_DELAY_MS = 2000;

let timer: ReturnType<typeof setTimeout> | undefined;
let running: Promise<void> | null = null;
let lastFailure = '';

export async function backupNow(): Promise<void> {
  clearTimeout(timer);
  timer = undefined;
  if (!hasAutoBackup()) return;
  const work = (running ?? Promise.resolve()).then(async () => {
    const list = await db().allAnnotations();
    const r = await writeAutoBackup(serializeAnnotationFile(list, new Date(), await userFilesForBackup()));
    // Say it once per kind of failure, not after every keystroke's save.
    // The main process words the message (it starts with 自动备份失败：).
    if (!r.ok && r.message && r.message !== lastFailure) notify(r.message);
    lastFailure = r.ok ? '' : (r.message ?? '');
  });
  running = work.catch(() => {});
  return work;
}

export function scheduleAutoBackup(): void {
  if (!hasAutoBackup()) return;
  clearTimeout(timer);
  timer = setTimeout(() => void backupNow().catch(() => {}), AUTO_BACKUP_DELAY_MS);
}

let installed = false;

/** Flushes a pending backup when the page is hidden or closed (quit, reload). */
export function installAutoBackupFlush(): void {
  if (installed || typeof window === 'undefined') return;
  installed = true;
  window.addEventListener('pagehide', () => {
    if (timer !== undefined) void backupNow().catch(() => {});
  });
}
