/**
 * Rotating automatic backup of the annotation file, outside IndexedDB, in the
 * user-data folder: a reset browser store, a changed origin or a reinstall
 * that keeps user data cannot take the user's annotations with it.
 *
 * - Each write is a new file `annotations-n<sequence>-<UTC time>.json`, owner
 *   read/write only (0600), written atomically (temp file, fsync, rename:
 *   atomicWriteFile). A failed write (disk full) leaves every existing backup
 *   as it was and prunes nothing.
 * - Backups are ordered by the sequence number, one more than the highest in
 *   the folder, never by the time in the name: a clock that ran a year ahead
 *   and was corrected left names from the future, and ordering by them made
 *   every new backup the "oldest", pruned right after it was written. Names
 *   without a sequence (earlier versions) count as older than any with one.
 * - After a good write, only the newest KEEP files are kept, and never the
 *   file just written.
 * - A backup must pass the same validation as an import (parseAnnotationFile):
 *   a write that would not is refused, and reading skips such files, so the
 *   restore offer gets the newest VALID backup.
 * - A write identical to the newest backup is skipped (no churn on re-saves).
 * - Writes are serialised; `idle()` lets the app wait for the last one at quit.
 */
import nodeFs from 'node:fs';
import path from 'node:path';
import { parseAnnotationFile } from '../core/annotations/file.js';
import type { AutoBackupReadResult, AutoBackupWriteResult } from './contract';
import { atomicWriteFile, decodeUtf8, nodeWriteFs, readFileLimited, toFileError, type WriteFs } from './fs-safe';

export const AUTO_BACKUP_DIR = 'annotation-backups';
export const AUTO_BACKUP_KEEP = 10;
export const AUTO_BACKUP_MAX_BYTES = 50 * 1024 * 1024;
/** Owner read/write only: notes are private. */
export const AUTO_BACKUP_MODE = 0o600;
/** `annotations-n<sequence>-<time>.json`; the sequence orders them. */
const SEQ_NAME = /^annotations-n(\d{1,15})-(\d{8}T\d{9}Z)\.json$/;
/** Earlier versions: `annotations-<time>[-<n>].json`, ordered by time among themselves. */
const LEGACY_NAME = /^annotations-(\d{8}T\d{9}Z)(?:-(\d+))?\.json$/;
/** `annotations-before-loss-[n<sequence>-]<time>.json` (the sequence of the backup written with it; none in earlier versions). */
const LOSS_NAME = /^annotations-before-loss-(?:n(\d{1,15})-)?(\d{8}T\d{9}Z)\.json$/;
export const KEEP_BEFORE_LOSS = 3;

export interface AutoBackupFs extends WriteFs {
  mkdir(dir: string): Promise<void>;
  readdir(dir: string): Promise<string[]>;
  read(file: string, maxBytes: number): Promise<Uint8Array | null>;
}

export const nodeAutoBackupFs: AutoBackupFs = {
  ...nodeWriteFs,
  mkdir: async (dir) => {
    await nodeFs.promises.mkdir(dir, { recursive: true });
  },
  readdir: (dir) => nodeFs.promises.readdir(dir),
  read: readFileLimited,
};

export interface AutoBackupDeps {
  /** The user-data folder (app.getPath('userData')); backups go to a subfolder. */
  userData: string;
  fs?: AutoBackupFs;
  now?: () => Date;
  keep?: number;
  log?: (message: string) => void;
}

/** `20240501T080910123Z`: the ISO time without separators. */
function stamp(d: Date): string {
  return d.toISOString().replace(/[-:.]/g, '');
}

function sequenceOf(name: string): number | null {
  const m = SEQ_NAME.exec(name);
  return m ? Number(m[1]) : null;
}

/**
 * Backup file names, newest first: by sequence number; names from earlier
 * versions (no sequence) after them, by the time in the name and the -N
 * counter that ordered writes within one millisecond.
 */
export function sortBackups(names: readonly string[]): string[] {
  const legacyKey = (n: string) => {
    const m = LEGACY_NAME.exec(n)!;
    return `${m[1]}-${(m[2] ?? '0').padStart(6, '0')}`;
  };
  const compare = (a: string, b: string): number => {
    const sa = sequenceOf(a);
    const sb = sequenceOf(b);
    if (sa !== null || sb !== null) return (sb ?? -1) - (sa ?? -1);
    const ka = legacyKey(a);
    const kb = legacyKey(b);
    return ka < kb ? 1 : ka > kb ? -1 : 0;
  };
  return names.filter((n) => SEQ_NAME.test(n) || LEGACY_NAME.test(n)).sort(compare);
}

/** True when the text is an annotation file an import would accept (what a backup must be). */
export function isAnnotationFileJson(text: string): boolean {
  return parseAnnotationFile(text).ok;
}

function timeOf(name: string): string {
  const s = (SEQ_NAME.exec(name) ?? LEGACY_NAME.exec(name))![SEQ_NAME.test(name) ? 2 : 1];
  return `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
}

export interface AutoBackup {
  write(json: string): Promise<AutoBackupWriteResult>;
  readLatest(): Promise<AutoBackupReadResult>;
  /** Resolves when no write is in progress (quit waits for it). */
  idle(): Promise<void>;
  dir: string;
}

export function createAutoBackup(deps: AutoBackupDeps): AutoBackup {
  const fs = deps.fs ?? nodeAutoBackupFs;
  const now = deps.now ?? (() => new Date());
  const keep = Math.max(1, deps.keep ?? AUTO_BACKUP_KEEP);
  const log = deps.log ?? (() => {});
  const dir = path.join(deps.userData, AUTO_BACKUP_DIR);
  let queue: Promise<unknown> = Promise.resolve();

  async function list(): Promise<string[]> {
    try {
      return sortBackups(await fs.readdir(dir));
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') return [];
      throw e;
    }
  }

  async function readText(name: string): Promise<string | null> {
    const bytes = await fs.read(path.join(dir, name), AUTO_BACKUP_MAX_BYTES);
    if (!bytes) return null;
    const text = decodeUtf8(bytes);
    return text === null ? null : text.replace(/^\uFEFF/, '');
  }

  async function doWrite(json: string): Promise<AutoBackupWriteResult> {
    const valid = parseAnnotationFile(json);
    if (!valid.ok) return { ok: false, code: 'invalid', message: `自动备份的内容不是有效的标注文件，未写入。（${valid.message}）` };
    try {
      await fs.mkdir(dir);
      const existing = await list();
      const time = stamp(now());
      const sequence = Math.max(0, ...existing.map((n) => sequenceOf(n) ?? 0)) + 1;
      if (existing[0]) {
        const newest = await readText(existing[0]).catch(() => null);
        const before = newest === null ? null : annotationsOf(newest);
        const after = annotationsOf(json) ?? [];
        // The export time changes on every write; compare the annotations only.
        if (before && JSON.stringify(before) === JSON.stringify(after)) return { ok: true, file: path.join(dir, existing[0]), skipped: true };
        if (before && isMassLoss(before.length, after.length)) await keepBeforeLoss(existing[0], `n${sequence}-${time}`);
      }
      const name = `annotations-n${sequence}-${time}.json`;
      const file = path.join(dir, name);
      await atomicWriteFile(file, json, fs, AUTO_BACKUP_MODE);
      await prune([name, ...existing], name);
      return { ok: true, file, skipped: false };
    } catch (e) {
      log(`automatic backup failed: ${String(e)}`);
      return toFileError(e, '自动备份');
    }
  }

  /**
   * Most annotations vanished at once (a declined restore, a mistaken bulk
   * delete): the last backup that had them is copied aside under a name the
   * rotation never prunes, so ten quick saves cannot rotate it away. The
   * user can bring it back with 导入标注. At most KEEP_BEFORE_LOSS such copies.
   */
  async function keepBeforeLoss(newest: string, stamp: string): Promise<void> {
    const text = await readText(newest);
    if (text === null) return;
    const name = `annotations-before-loss-${stamp}.json`;
    await atomicWriteFile(path.join(dir, name), text, fs, AUTO_BACKUP_MODE);
    // Newest first by sequence (not by the clock), earlier versions' names after; never the copy just made.
    const key = (n: string) => {
      const m = LOSS_NAME.exec(n)!;
      return `${(m[1] ?? '').padStart(16, '0')}-${m[2]}`;
    };
    const pinned = (await fs.readdir(dir)).filter((n) => LOSS_NAME.test(n)).sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
    for (const old of pinned.slice(KEEP_BEFORE_LOSS)) if (old !== name) await fs.unlink(path.join(dir, old)).catch(() => {});
    log(`kept ${newest} aside: the new backup has far fewer annotations`);
  }

  /** Removes all but the newest `keep`; `written` (the backup just made) is never removed, whatever the order says. */
  async function prune(names: string[], written: string): Promise<void> {
    for (const old of sortBackups(names).slice(keep)) {
      if (old === written) continue;
      await fs.unlink(path.join(dir, old)).catch((e: unknown) => log(`could not remove old backup ${old}: ${String(e)}`));
    }
  }

  return {
    dir,
    write(json) {
      const p = queue.then(() => doWrite(json));
      queue = p.catch(() => {});
      return p;
    },
    async readLatest() {
      let names: string[];
      try {
        names = await list();
      } catch (e) {
        return toFileError(e, '读取自动备份');
      }
      // A damaged newest file must not hide an older good one.
      for (const name of names) {
        const text = await readText(name).catch(() => null);
        if (text !== null && isAnnotationFileJson(text)) return { ok: true, json: text, file: path.join(dir, name), savedAt: timeOf(name) };
        log(`skipping unreadable backup ${name}`);
      }
      return { ok: false, code: 'none', message: '没有可用的自动备份。' };
    },
    idle: () => queue.then(() => undefined),
  };
}

function annotationsOf(text: string): unknown[] | null {
  try {
    const v = (JSON.parse(text) as { annotations?: unknown }).annotations;
    return Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

/** At least 5 annotations and more than half of them gone in one step. */
export function isMassLoss(before: number, after: number): boolean {
  return before - after >= 5 && after < before / 2;
}

export interface QuittableApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/**
 * At quit (after the windows closed, whose renderer flushed its pending backup
 * on pagehide), waits for a backup write in progress, at most `timeoutMs`, so
 * the last change is on disk before the process exits.
 */
export function holdQuitForBackup(app: QuittableApp, backup: Pick<AutoBackup, 'idle'>, log: (m: string) => void = () => {}, timeoutMs = 5000): void {
  let released = false;
  app.on('will-quit', (event) => {
    if (released) return;
    event.preventDefault();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        log('quit: automatic backup still writing after the time limit');
        resolve();
      }, timeoutMs);
    });
    void Promise.race([backup.idle(), timeout]).then(() => {
      clearTimeout(timer);
      released = true;
      app.quit();
    });
  });
}
