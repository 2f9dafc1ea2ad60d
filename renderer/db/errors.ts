/**
 * Storage failures as one typed error with a Chinese sentence for the UI.
 * Dexie wraps the browser's errors: a full disk arrives as an AbortError or
 * a QuotaExceededError whose `inner` (or `inner.inner`) is the DOMException.
 */
export type StorageErrorCode = 'quota' | 'closed' | 'blocked' | 'version' | 'unavailable' | 'failed';

const MESSAGES: Record<StorageErrorCode, string> = {
  quota: '保存失败：本机存储空间已满。请清理磁盘空间，或导出标注后删除不需要的内容，再重试。',
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

function namesOf(e: unknown): string[] {
  const names: string[] = [];
  let cur: unknown = e;
  for (let depth = 0; cur && typeof cur === 'object' && depth < 5; depth++) {
    const o = cur as { name?: unknown; inner?: unknown };
    if (typeof o.name === 'string') names.push(o.name);
    cur = o.inner;
  }
  return names;
}

export function storageErrorCode(e: unknown): StorageErrorCode {
  const names = namesOf(e);
  if (names.includes('QuotaExceededError')) return 'quota';
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
