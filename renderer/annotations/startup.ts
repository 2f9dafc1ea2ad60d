/**
 * What the app does for annotations once at start: ask for persistent storage,
 * flush the automatic backup when the page goes away, offer to restore the
 * backup into an empty database, then re-anchor annotations made on another
 * corpus version. Each step fails on its own without stopping the others.
 */
import { useSyncExternalStore } from 'react';
import { notify } from '../components/notices';
import { db } from '../db/database';
import { StorageError, toStorageError } from '../db/errors';
import { requestPersistentStorage, readAutoBackup } from '../platform/annotations';
import { installAutoBackupFlush, scheduleAutoBackup } from './autobackup';
import { reanchorAll } from './reanchor';
import { decideRestoreOffer, type RestoreOffer } from './restore-offer';
import { missingFilesNote } from './user-files-listing';

let offer: RestoreOffer | null = null;
const listeners = new Set<() => void>();
function setOffer(next: RestoreOffer | null) {
  offer = next;
  for (const l of listeners) l();
}

/** The pending restore offer (null when there is none); RestoreDialog renders it. */
export function useRestoreOffer(): RestoreOffer | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => offer,
  );
}

export async function acceptRestore(): Promise<boolean> {
  const o = offer;
  if (!o) return false;
  try {
    const counts = await db().importAnnotations(o.annotations);
    setOffer(null);
    notify(`已从自动备份恢复 ${counts.added + counts.updated} 条标注。${o.missingFiles ?? ''}`);
    void runReanchor();
    return true;
  } catch (e) {
    notify(toStorageError(e, '恢复').message);
    return false;
  }
}

export function declineRestore(): void {
  setOffer(null);
}

/** The User Timing entry of the startup pass (DevTools' performance panel; `npm run bench:annotations` reads it). */
export const REANCHOR_MEASURE = 'policy-reader:reanchor';

/** One re-anchoring pass over what needs it (after start, a restore, an import); never throws. */
export async function runReanchor(): Promise<void> {
  try {
    const start = performance.now();
    const r = await reanchorAll();
    performance.measure(REANCHOR_MEASURE, { start, end: performance.now(), detail: { ...r.counts, written: r.written } });
    if (r.written > 0) scheduleAutoBackup();
    if (r.changes.some((c) => c.status === 'orphaned')) {
      notify(`语料已更新：${r.counts.orphaned} 条标注未能定位，已列入“我的标注”的“未能定位”。`);
    }
  } catch (e) {
    console.warn('re-anchoring failed', e);
  }
}

let started: Promise<void> | null = null;

export function startAnnotations(): Promise<void> {
  started ??= (async () => {
    void requestPersistentStorage();
    installAutoBackupFlush();
    // Another window still has an older schema open: the upgrade waits for it, and the user should know why.
    db().on('blocked', () => notify(new StorageError('blocked', '数据库正被政策阅读器的另一个窗口（或浏览器标签页）占用，无法升级。请关闭其他窗口后重新打开。').message));
    try {
      // Only an empty database needs the backup read (it can be megabytes).
      const count = await db().annotationCount();
      const o = count === 0 ? decideRestoreOffer(count, await readAutoBackup()) : null;
      if (o) {
        setOffer({ ...o, missingFiles: await missingFilesNote(o) });
        return; // re-anchoring runs after the user answered (restored annotations need it too)
      }
    } catch (e) {
      console.warn('restore check failed', e);
    }
    await runReanchor();
  })();
  return started;
}
