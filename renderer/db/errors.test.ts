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

  it('each failure kind has its own Chinese sentence, and an action word replaces 保存 for reads and deletes', () => {
    expect(toStorageError(new Dexie.VersionError('x')).message).toBe('无法打开数据库：它由较新版本的政策阅读器创建。请使用新版本打开。');
    expect(toStorageError(new Dexie.MissingAPIError('x')).message).toBe('保存失败：本机存储不可用（可能处于隐私模式或已被禁用）。');
    expect(toStorageError({ name: 'InvalidAccessError', message: 'x' }, '读取').message).toBe('读取失败：本机存储不可用（可能处于隐私模式或已被禁用）。');
    expect(toStorageError({ name: 'BlockedError' }, '删除').message).toBe('删除失败：数据库正被另一个窗口占用，无法升级。请关闭政策阅读器的其他窗口后重试。');
    expect(toStorageError(new Dexie.DatabaseClosedError()).message).toBe('保存失败：数据库已关闭（可能在另一个窗口中被升级或删除）。请重新加载页面后重试。');
    // A failure that says nothing adds no empty brackets; a thrown string is shown as it is.
    expect(toStorageError(new Error('')).message).toBe('保存失败：写入本机数据库时出错。');
    expect(toStorageError('磁头损坏').message).toBe('保存失败：写入本机数据库时出错。（磁头损坏）');
  });

  it('a full disk reported only by the wrapped error (another name, its own words) is still 磁盘空间不足; a mere mention elsewhere is not', () => {
    // Plain objects: Dexie's own classes copy the inner message into the outer one.
    expect(storageErrorCode({ name: 'AbortError', message: 'aborted', inner: { name: 'Error', message: 'ENOSPC: no space left on device' } })).toBe('quota');
    expect(storageErrorCode({ name: 'UnknownError', message: 'Internal error', cause: { name: 'Error', message: 'Storage is full' } })).toBe('quota');
    // Not an aborted or failed commit: a key that happens to be called quota is no full disk.
    expect(storageErrorCode({ name: 'DataError', message: 'Failed to read key "quota"' })).toBe('failed');
  });

  it('an error whose wrapped chain never ends (a getter making a new error each time) is classified without hanging', () => {
    const endless = (depth: number): object => ({
      name: 'AbortError',
      message: `level ${depth}`,
      get inner() {
        return endless(depth + 1);
      },
    });
    expect(storageErrorCode(endless(0))).toBe('failed');
  });
});
