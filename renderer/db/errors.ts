/**
 * Storage failures as one typed error with a Chinese sentence for the UI.
 * Dexie wraps the browser's errors: a full disk arrives as a
 * QuotaExceededError, or as an AbortError or UnknownError ("Internal error
 * committing transaction", "No space left on device") whose `inner`,
 * `cause` or bulk `failures` hold the DOMException. Every one of them is
 * read before deciding.
 */
export type StorageErrorCode = 'quota' | 'closed' | 'blocked' | 'version' | 'unavailable' | 'failed';

const MESSAGES: Record<StorageErrorCode, string> = {
  quota: '保存失败：磁盘空间不足（本机存储空间已满）。请清理磁盘空间，或导出标注后删除不需要的内容，再重试。',
  closed: '保存失败：数据库已关闭（可能在另一个窗口中被升级或删除）。请重新加载页面后重试。',
  blocked: '保存失败：数据库正被另一个窗口占用，无法升级。请关闭政策阅读器的其他窗口后重试。',
  version: '无法打开数据库：它由较新版本的政策阅读器创建。请使用新版本打开。',
  unavailable: '保存失败：本机存储不可用（可能处于隐私模式或已被禁用）。',
  failed: '保存失败：写入本机数据库时出错。',
};

export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    readonly code: StorageErrorCode,
    message: string = MESSAGES[code],
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

/** The errors a failure is made of: itself, what it wraps (`inner`, `cause`) and a bulk operation's failures, breadth first. */
function chainOf(e: unknown): { name: string; message: string }[] {
  const out: { name: string; message: string }[] = [];
  const queue: unknown[] = [e];
  const seen = new Set<unknown>();
  while (queue.length && out.length < 20) {
    const cur = queue.shift();
    if (!cur || typeof cur !== 'object' || seen.has(cur)) continue;
    seen.add(cur);
    const o = cur as { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
    out.push({ name: typeof o.name === 'string' ? o.name : '', message: typeof o.message === 'string' ? o.message : '' });
    queue.push(o.inner, o.cause);
    if (Array.isArray(o.failures)) queue.push(...o.failures.slice(0, 5));
  }
  return out;
}

/** What a browser says when the disk or the origin's quota is full. */
const DISK_FULL = /quota|disk|no space|space left|storage.*full|full.*storage|ENOSPC/i;

export function storageErrorCode(e: unknown): StorageErrorCode {
  const chain = chainOf(e);
  const names = chain.map((c) => c.name);
  if (names.includes('QuotaExceededError')) return 'quota';
  // An aborted or failed commit is a full disk only when something in it says so.
  if (names.some((n) => n === 'AbortError' || n === 'UnknownError') && chain.some((c) => DISK_FULL.test(c.message))) return 'quota';
  if (names.includes('DatabaseClosedError')) return 'closed';
  if (names.includes('BlockedError') || names.includes('VersionChangeError')) return 'blocked';
  if (names.includes('VersionError')) return 'version';
  if (names.includes('MissingAPIError') || names.includes('InvalidAccessError')) return 'unavailable';
  return 'failed';
}

/** Any thrown value as a StorageError; `action` replaces the leading 保存 for reads and deletes (e.g. '删除'). */
export function toStorageError(e: unknown, action = '保存'): StorageError {
  if (e instanceof StorageError) return e;
  const code = storageErrorCode(e);
  let message = MESSAGES[code];
  if (action !== '保存') message = message.replace(/^保存/, action);
  if (code === 'failed') {
    const detail = e instanceof Error ? e.message : String(e);
    if (detail) message = `${message}（${detail}）`;
  }
  return new StorageError(code, message, e);
}
