/**
 * Reading raw/ without trusting it: only regular files are read (a FIFO would
 * block the build forever while it holds the lock, a symlink to /dev/zero
 * would never end), each within a size limit, and a file that cannot be read
 * is a warning naming it, never the end of the build.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

/** Larger than any text extracted from a PDF (a 2,000-page gazette is ~10 MB), small enough to parse in memory. */
export const MAX_RAW_FILE_BYTES = 64 * 1024 * 1024;

export type RawRead = { ok: true; bytes: Uint8Array } | { ok: false; message: string };

/** Names of the raw files, sorted, without hidden files (editors' swap files, .DS_Store). */
export async function listRawFiles(rawDir: string): Promise<string[]> {
  return (await readdir(rawDir)).filter((n) => !n.startsWith('.')).sort();
}

const MB = (n: number) => `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;

function kindOf(s: import('node:fs').Stats): string {
  if (s.isDirectory()) return '文件夹';
  if (s.isFIFO()) return 'FIFO（命名管道）';
  if (s.isSocket()) return '套接字';
  if (s.isCharacterDevice() || s.isBlockDevice()) return '设备文件';
  return '特殊文件';
}

/**
 * One raw file's bytes, or why it is skipped. Read with blocking calls: a regular file's read does not wait on
 * anything, and a rebuild reads all 6,000 of a 10,000-document corpus with a thread idle; through promises, each
 * file's open, stat, reads and close cost the build thread about 0.5 s in all (its other wait is the parse workers).
 */
export function readRawFile(rawDir: string, name: string, maxBytes = MAX_RAW_FILE_BYTES): RawRead {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading must not wait for a writer; what it is is checked on the open file (no race with a rename).
    fd = openSync(path.join(rawDir, name), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return { ok: false, message: `已跳过：无法读取（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, message: `已跳过：不是普通文件（${kindOf(stat)}），原始文件夹里只读取普通文件` };
    if (stat.size > maxBytes) {
      return { ok: false, message: `已跳过：文件有 ${MB(stat.size)}，超过单个原始文件 ${MB(maxBytes)} 的上限；请把它拆成几个文件再构建` };
    }
    // Read what stat promised, and one byte more to notice a file that grows while it is read.
    const buf = Buffer.alloc(stat.size + 1);
    let n = 0;
    for (;;) {
      const bytesRead = readSync(fd, buf, n, buf.length - n, n);
      if (bytesRead === 0) break;
      n += bytesRead;
      if (n === buf.length) return { ok: false, message: `已跳过：文件在读取时还在变大（超过了开始时的 ${MB(stat.size)}），请等写入结束后再构建` };
    }
    return { ok: true, bytes: new Uint8Array(buf.buffer, buf.byteOffset, n) };
  } catch (e) {
    return { ok: false, message: `已跳过：无法读取（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）` };
  } finally {
    closeSync(fd);
  }
}

/** Every raw file read at once, for tools that parse in one thread (scripts/realtext/eval.ts); the build streams them (parse-pool). */
export async function readRawFiles(rawDir: string): Promise<{ files: { name: string; bytes: Uint8Array }[]; unreadable: { file: string; message: string }[] }> {
  const files: { name: string; bytes: Uint8Array }[] = [];
  const unreadable: { file: string; message: string }[] = [];
  for (const name of await listRawFiles(rawDir)) {
    const r = readRawFile(rawDir, name);
    if (r.ok) files.push({ name, bytes: r.bytes });
    else unreadable.push({ file: name, message: r.message });
  }
  return { files, unreadable };
}
