/**
 * Rotating automatic backup of the annotation file, outside IndexedDB, in the
 * user-data folder: a reset browser store, a changed origin or a reinstall
 * that keeps user data cannot take the user's annotations with it.
 *
 * - Each write is a new file `annotations-<UTC time>.json`, written atomically
 *   (temp file, fsync, rename: atomicWriteFile). A failed write (disk full)
 *   leaves every existing backup as it was and prunes nothing.
 * - After a good write, only the newest KEEP files are kept; the file just
 *   written is the newest, so pruning never removes the newest good backup.
 * - A write identical to the newest backup is skipped (no churn on re-saves).
 * - Writes are serialised; `idle()` lets the app wait for the last one at quit.
 */
import nodeFs from 'node:fs';
import path from 'node:path';
import type { AutoBackupReadResult, AutoBackupWriteResult } from './contract';
import { atomicWriteFile, decodeUtf8, nodeWriteFs, readFileLimited, toFileError, type WriteFs } from './fs-safe';

export const AUTO_BACKUP_DIR = 'annotation-backups';
export const AUTO_BACKUP_KEEP = 10;
export const AUTO_BACKUP_MAX_BYTES = 50 * 1024 * 1024;
const ANNOTATION_FORMAT = 'policy-reader/annotations';
const NAME = /^annotations-(\d{8}T\d{9}Z)(?:-(\d+))?\.json$/;
const LOSS_NAME = /^annotations-before-loss-\d{8}T\d{9}Z\.json$/;
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

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:.]/g, '').replace(/^(\d{8}T\d{6})(\d{3})Z$/, '$1$2Z');
}

/** Backup file names, newest first (names sort by time; a -N suffix orders writes within one millisecond). */
export function sortBackups(names: readonly string[]): string[] {
  const key = (n: string) => {
    const m = NAME.exec(n)!;
    return `${m[1]}-${(m[2] ?? '0').padStart(6, '0')}`;
  };
  return names.filter((n) => NAME.test(n)).sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
}

/** True when the text is JSON in the annotation file format (what a backup must be). */
export function isAnnotationFileJson(text: string): boolean {
  try {
    const v = JSON.parse(text) as { format?: unknown; annotations?: unknown } | null;
    return !!v && v.format === ANNOTATION_FORMAT && Array.isArray(v.annotations);
  } catch {
    return false;
  }
}

function timeOf(name: string): string {
  const m = NAME.exec(name)!;
  const s = m[1];
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
    if (!isAnnotationFileJson(json)) return { ok: false, code: 'invalid', message: '自动备份的内容不是标注文件，未写入。' };
    try {
      await fs.mkdir(dir);
      const existing = await list();
      const time = stamp(now());
      if (existing[0]) {
        const newest = await readText(existing[0]).catch(() => null);
        const before = newest === null ? null : annotationsOf(newest);
        const after = annotationsOf(json);
        // The export time changes on every write; compare the annotations only.
        if (before && after && JSON.stringify(before) === JSON.stringify(after)) return { ok: true, file: path.join(dir, existing[0]), skipped: true };
        if (before && after && isMassLoss(before.length, after.length)) await keepBeforeLoss(existing[0], time);
      }
      const base = `annotations-${time}`;
      let name = `${base}.json`;
      for (let i = 1; existing.includes(name); i++) name = `${base}-${i}.json`;
      const file = path.join(dir, name);
      await atomicWriteFile(file, json, fs);
      await prune([name, ...existing]);
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
  async function keepBeforeLoss(newest: string, time: string): Promise<void> {
    const text = await readText(newest);
    if (text === null) return;
    await atomicWriteFile(path.join(dir, `annotations-before-loss-${time}.json`), text, fs);
    const pinned = (await fs.readdir(dir)).filter((n) => LOSS_NAME.test(n)).sort().reverse();
    for (const old of pinned.slice(KEEP_BEFORE_LOSS)) await fs.unlink(path.join(dir, old)).catch(() => {});
    log(`kept ${newest} aside: the new backup has far fewer annotations`);
  }

  async function prune(names: string[]): Promise<void> {
    for (const old of sortBackups(names).slice(keep)) {
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
