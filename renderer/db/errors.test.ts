import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { StorageError, storageErrorCode, toStorageError } from './errors';

describe('toStorageError', () => {
  it('finds a quota error Dexie wrapped in a transaction abort (inner, or inner.inner)', () => {
    const quota = new DOMException('quota', 'QuotaExceededError');
    const aborted = new Dexie.AbortError('Transaction aborted', quota);
    expect(aborted.name).toBe('AbortError');
    expect(storageErrorCode(aborted)).toBe('quota');
    expect(storageErrorCode(new Dexie.AbortError('outer', new Dexie.AbortError('mid', quota)))).toBe('quota');
    expect(toStorageError(aborted).message).toMatch(/^保存失败：磁盘空间不足/);
  });

  it('closed, blocked, newer version and unknown failures', () => {
    expect(storageErrorCode(new Dexie.DatabaseClosedError())).toBe('closed');
    expect(storageErrorCode(new Dexie.OpenFailedError('x', new Dexie.DatabaseClosedError()))).toBe('closed');
    expect(storageErrorCode({ name: 'BlockedError' })).toBe('blocked');
    expect(storageErrorCode(new Dexie.VersionError('x'))).toBe('version');
    expect(storageErrorCode(new Dexie.MissingAPIError('x'))).toBe('unavailable');
    const other = toStorageError(new Error('boom'), '删除');
    expect(other).toBeInstanceOf(StorageError);
    expect(other).toMatchObject({ code: 'failed', message: '删除失败：写入本机数据库时出错。（boom）' });
    expect(toStorageError(other)).toBe(other);
  });

  it('issue 16, item 10: a full disk arriving as AbortError or UnknownError with a quota or disk cause says 磁盘空间不足', () => {
    const full = [
      new Dexie.AbortError('Transaction aborted', new DOMException('Internal error committing transaction: disk full', 'UnknownError')),
      new Dexie.AbortError('Transaction aborted', new DOMException('The transaction was aborted: QuotaExceeded', 'AbortError')),
      new DOMException('IO error: No space left on device', 'UnknownError'),
      Object.assign(new Dexie.AbortError('Transaction aborted'), { cause: new DOMException('quota', 'QuotaExceededError') }),
      new Dexie.BulkError('bulkPut failed', [new DOMException('quota', 'QuotaExceededError')]),
    ];
    for (const e of full) {
      expect(storageErrorCode(e), String(e)).toBe('quota');
      const err = toStorageError(e);
      expect(err.message).toMatch(/^保存失败：磁盘空间不足/);
      expect(err.message).not.toMatch(/AbortError|UnknownError/);
    }
    // An abort with no disk cause is not called a full disk.
    expect(storageErrorCode(new Dexie.AbortError('Transaction aborted', new DOMException('constraint', 'ConstraintError')))).toBe('failed');
    expect(storageErrorCode(new DOMException('Internal error', 'UnknownError'))).toBe('failed');
  });

  it('issue 19 M13: a version change in another window (VersionChangeError) is the blocked message, not the generic one', () => {
    const e = new Dexie.AbortError('aborted', { name: 'VersionChangeError', message: 'versionchange' } as Error);
    expect(storageErrorCode({ name: 'VersionChangeError' })).toBe('blocked');
    expect(storageErrorCode(e)).toBe('blocked');
    expect(toStorageError(e).message).toMatch(/另一个窗口/);
  });
});
