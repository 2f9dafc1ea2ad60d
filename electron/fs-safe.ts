/**
 * Writing user files without ever losing data: write a temporary file next to
 * the target (with the target's permission bits when it exists), flush it,
 * rename it over the target, then flush the folder so the rename itself
 * survives a power cut. If anything fails (disk full, permission, the folder
 * vanished) the temporary file is removed and an existing target is left
 * untouched. Errors become FileError values with a Chinese sentence for the UI.
 */
import crypto from 'node:crypto';
import nodeFs from 'node:fs';
import path from 'node:path';
import type { FileError, FileErrorCode } from './contract';

/** The calls atomicWriteFile needs; tests inject failures. */
export interface WriteFs {
  open(p: string, flags: string, mode?: number): Promise<{
    write(data: Uint8Array): Promise<unknown>;
    /** Sets the exact permission bits (open's mode is filtered by the umask). */
    chmod(mode: number): Promise<void>;
    sync(): Promise<void>;
    close(): Promise<void>;
  }>;
  rename(from: string, to: string): Promise<void>;
  unlink(p: string): Promise<void>;
  /** Permission bits of an existing file; null when there is none. */
  mode(p: string): Promise<number | null>;
  /** Flushes a folder's entries (the rename) to disk; a no-op where folders cannot be opened (Windows). */
  syncDir(dir: string): Promise<void>;
}

export const nodeWriteFs: WriteFs = {
  open: async (p, flags, mode) => {
    const h = await nodeFs.promises.open(p, flags, mode);
    return {
      write: async (data) => {
        // FileHandle.write may write partially; loop until done.
        let offset = 0;
        while (offset < data.byteLength) {
          const { bytesWritten } = await h.write(data, offset, data.byteLength - offset);
          if (bytesWritten <= 0) throw Object.assign(new Error('short write'), { code: 'EIO' });
          offset += bytesWritten;
        }
      },
      chmod: (mode) => h.chmod(mode),
      sync: () => h.sync(),
      close: () => h.close(),
    };
  },
  rename: (a, b) => nodeFs.promises.rename(a, b),
  unlink: (p) => nodeFs.promises.unlink(p),
  mode: async (p) => {
    try {
      return (await nodeFs.promises.stat(p)).mode & 0o7777;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  },
  syncDir: async (dir) => {
    let h: nodeFs.promises.FileHandle;
    try {
      h = await nodeFs.promises.open(dir, 'r');
    } catch (e) {
      // Windows cannot open a folder; NTFS journals the rename itself.
      if (['EISDIR', 'EPERM', 'EACCES'].includes((e as NodeJS.ErrnoException).code ?? '')) return;
      throw e;
    }
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  },
};

/** `newMode`: permission bits of a file that does not exist yet (an existing target keeps its own). */
export async function atomicWriteFile(target: string, data: Uint8Array | string, fs: WriteFs = nodeWriteFs, newMode = 0o644): Promise<void> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  // Replacing a file keeps who may read it (a 0600 backup must not become 0644).
  const existingMode = await fs.mode(target);
  let created = false;
  try {
    const handle = await fs.open(tmp, 'wx', existingMode ?? newMode);
    created = true;
    try {
      if (existingMode !== null) await handle.chmod(existingMode);
      await handle.write(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, target);
    created = false;
  } finally {
    if (created) await fs.unlink(tmp).catch(() => {});
  }
  await fs.syncDir(path.dirname(target));
}

const MESSAGES: Record<string, [FileErrorCode, string]> = {
  ENOSPC: ['no-space', '磁盘空间不足，文件未保存。请清理磁盘后重试。'],
  EDQUOT: ['no-space', '磁盘配额已满，文件未保存。'],
  EACCES: ['permission', '没有写入该位置的权限，文件未保存。请选择其他文件夹。'],
  EPERM: ['permission', '没有写入该位置的权限，文件未保存。请选择其他文件夹。'],
  EROFS: ['permission', '该位置是只读的，文件未保存。请选择其他文件夹。'],
  ENOENT: ['not-found', '找不到该文件或文件夹。'],
  ENOTDIR: ['not-found', '找不到该文件或文件夹。'],
  EISDIR: ['invalid', '所选路径是一个文件夹。'],
  EBUSY: ['failed', '文件正被其他程序占用，请关闭后重试。'],
  EMFILE: ['failed', '打开的文件过多，请稍后重试。'],
  ENOTREG: ['invalid', '所选的不是普通文件（可能是管道、设备或文件夹）。'],
};

/** Turns a Node error into a FileError; `action` names what failed, e.g. '保存 PDF'. */
export function toFileError(error: unknown, action: string): FileError {
  const code = (error as { code?: unknown } | null)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  const known = typeof code === 'string' ? MESSAGES[code] : undefined;
  if (known) return { ok: false, code: known[0], message: `${action}失败：${known[1]}（${code}）` };
  return { ok: false, code: 'failed', message: `${action}失败：${detail}` };
}

/**
 * A suggested file name from the renderer, made safe for every OS: no folders,
 * no control or reserved characters, no reserved Windows names, bounded length,
 * and the given extension.
 */
export function safeFileName(name: string, ext: string, fallback: string): string {
  let base = name
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[. ]+/, '')
    .replace(/[. ]+$/, '');
  if (base.toLowerCase().endsWith(`.${ext}`)) base = base.slice(0, -(ext.length + 1)).trim();
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base)) base = `_${base}`;
  if (!base) base = fallback;
  // Keep well under the usual 255-byte limit (UTF-8 CJK is 3 bytes a character).
  base = Array.from(base).slice(0, 80).join('');
  return `${base}.${ext}`;
}

/** Appends `.ext` when the user typed a name without it. */
export function withExtension(filePath: string, ext: string): string {
  return path.extname(filePath).toLowerCase() === `.${ext}` ? filePath : `${filePath}.${ext}`;
}

/**
 * Reads at most `maxBytes` of a regular file; returns null when the file is
 * larger. Anything else (a FIFO, a device, a folder) throws code ENOTREG:
 * opening a FIFO blocks until someone writes to it, and /dev/zero never ends.
 * The file is opened non-blocking and checked on the open handle, so nothing
 * can be swapped in between the check and the read.
 */
export async function readFileLimited(file: string, maxBytes: number): Promise<Uint8Array | null> {
  // O_NONBLOCK does not exist on Windows, where opening a named pipe does not wait for a writer.
  const handle = await nodeFs.promises.open(file, nodeFs.constants.O_RDONLY | (nodeFs.constants.O_NONBLOCK ?? 0));
  try {
    if (!(await handle.stat()).isFile()) throw Object.assign(new Error(`not a regular file: ${file}`), { code: 'ENOTREG' });
    const buf = Buffer.alloc(Math.min(maxBytes + 1, 1 << 20));
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) return null;
      chunks.push(Buffer.from(buf.subarray(0, bytesRead)));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/** Strict UTF-8 decode (BOM stripped); null when the bytes are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}
