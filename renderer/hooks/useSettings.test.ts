import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { subscribeNotices } from '../components/notices';
import { db } from '../db/database';
import { setFontSize, setTheme } from './useSettings';

afterEach(() => vi.restoreAllMocks());

describe('settings writes', () => {
  it('store the value, or tell the user in Chinese and leave the stored value as it was', async () => {
    const heard: string[] = [];
    const off = subscribeNotices((m) => heard.push(m));
    expect(await setTheme('dark')).toBe(true);
    expect(await setFontSize(20)).toBe(true);
    expect(heard).toEqual([]);

    const proto = (globalThis as unknown as { IDBObjectStore: { prototype: { put: () => unknown } } }).IDBObjectStore.prototype;
    vi.spyOn(proto, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    expect(await setTheme('light')).toBe(false);
    expect(await setFontSize(24)).toBe(false);
    vi.restoreAllMocks();
    expect(heard).toHaveLength(2);
    expect(heard[0]).toMatch(/^设置未保存。保存失败：磁盘空间不足/);
    expect(await db().getSettings()).toEqual({ theme: 'dark', fontSize: 20 });
    off();
  });
});
