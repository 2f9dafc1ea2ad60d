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
    expect(toStorageError(aborted).message).toMatch(/^保存失败：本机存储空间已满/);
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
});
