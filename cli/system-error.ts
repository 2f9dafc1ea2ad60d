/**
 * A file-system error in words a corpus maintainer can act on, in Chinese like the build's other refusals: a full
 * disk or a folder the build may not write is the maintainer's to fix, and Node's own text ("EPERM: operation not
 * permitted, mkdir …") does not say so. The code stays at the end, for a search or a bug report.
 */
const REASONS: Record<string, string> = {
  ENOSPC: '磁盘空间不足，请清理磁盘后重试',
  EDQUOT: '磁盘配额已满，请清理后重试',
  EACCES: '没有权限，请换一个文件夹或检查权限',
  EPERM: '没有权限，请换一个文件夹或检查权限',
  EROFS: '该位置是只读的，请换一个文件夹',
  ENOENT: '找不到该文件或文件夹',
  ENOTDIR: '路径中有一段不是文件夹',
  EISDIR: '这是一个文件夹，不是文件',
  EBUSY: '文件正被其他程序占用，请关闭后重试',
  EMFILE: '打开的文件过多，请稍后重试',
};

/** `处理 /path 失败：原因（CODE）` for a known file-system error, or null (the caller says what it can). */
export function systemErrorMessage(error: unknown): string | null {
  const err = error as NodeJS.ErrnoException | null;
  const reason = typeof err?.code === 'string' ? REASONS[err.code] : undefined;
  if (!reason) return null;
  return `${err!.path ? `处理 ${err!.path} 失败：` : ''}${reason}（${err!.code}）`;
}
