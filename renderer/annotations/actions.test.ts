import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testDoc } from '../../test-support/annotation-fixtures';
import { noteOf, tagsOf } from '../../core/annotations/model';
import { subscribeNotices } from '../components/notices';
import { db } from '../db/database';
import { create, remove, update } from './actions';

const doc = testDoc('pact', ['政务服务部门应当及时作出受理决定。']);
const unit = doc.units[0];
const heard: string[] = [];
const off = subscribeNotices((m) => heard.push(m));

afterEach(async () => {
  vi.restoreAllMocks();
  heard.length = 0;
  await db().clearAnnotations();
});

function failPuts() {
  const proto = (globalThis as unknown as { IDBObjectStore: { prototype: { put: () => unknown } } }).IDBObjectStore.prototype;
  vi.spyOn(proto, 'put').mockImplementation(() => {
    throw new DOMException('full', 'QuotaExceededError');
  });
}

describe('annotation actions', () => {
  it('create, update, remove and undo', async () => {
    const c = await create({ motivation: 'commenting', doc, unit, range: { start: 0, end: 6 }, note: '与我局现行做法不一致', tags: ['待研究'], contentHash: 'h' });
    if (!c.ok) throw c.error;
    expect(c.value.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    const u = await update(c.value.id, { tags: ['待研究', '汇报用'], colour: 'blue' });
    if (!u.ok) throw u.error;
    expect(tagsOf((await db().getAnnotation(c.value.id))!)).toEqual(['待研究', '汇报用']);
    const r = await remove(c.value.id);
    if (!r.ok) throw r.error;
    expect(await db().getAnnotation(c.value.id)).toBeNull();
    const back = await r.value.undo();
    expect(back.ok).toBe(true);
    expect(await db().getAnnotation(c.value.id)).toEqual(u.value);
    expect(heard).toEqual([]);
  });

  it('a failed save tells the user in Chinese and returns the error; the caller still has what was typed', async () => {
    const c = await create({ motivation: 'highlighting', doc, unit, range: { start: 0, end: 6 }, contentHash: 'h' });
    if (!c.ok) throw c.error;
    failPuts();
    const typed = '很长的一段笔记\n第二行';
    const u = await update(c.value.id, { note: typed });
    expect(u.ok).toBe(false);
    if (!u.ok) expect(u.error.code).toBe('quota');
    expect(heard).toEqual([expect.stringMatching(/^保存失败：磁盘空间不足/)]);
    vi.restoreAllMocks();
    expect(noteOf((await db().getAnnotation(c.value.id))!)).toBe(''); // nothing half-stored
    const again = await update(c.value.id, { note: typed }); // the editor kept the text; retry works
    expect(again.ok && noteOf(again.value)).toBe(typed);
  });

  it('editing an annotation deleted meanwhile says so', async () => {
    const u = await update('urn:uuid:00000000-0000-4000-8000-000000000000', { note: 'x' });
    expect(u).toMatchObject({ ok: false, error: { message: '保存失败：这条标注已被删除。' } });
    off();
  });
});
