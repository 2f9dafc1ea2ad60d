import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { updateAnnotation } from '../../core/annotations/create';
import { parseAnnotationFile, serializeAnnotationFile } from '../../core/annotations/file';
import { testAnnotation } from '../../test-support/annotation-fixtures';
import { ReaderDatabase } from './database';
import { StorageError } from './errors';
import { MIGRATIONS } from './migrations';

let n = 0;
const open: ReaderDatabase[] = [];
function fresh(name = `a${n++}`, version?: number) {
  const d = version === undefined ? new ReaderDatabase(name) : new ReaderDatabase(name, version);
  open.push(d);
  return d;
}
afterEach(async () => {
  vi.restoreAllMocks();
  for (const d of open.splice(0)) await d.delete().catch(() => {});
});

const sample = () => [
  testAnnotation({ note: '与我局现行做法不一致', tags: ['待研究'], colour: 'green' }),
  testAnnotation({ motivation: 'bookmarking' }),
  testAnnotation({ colour: 'pink', tags: ['汇报用', '待研究'] }),
];

/** Makes IndexedDB puts fail as a full disk does (a DOMException Dexie wraps). */
function failPutsAfter(okCalls: number, name = 'QuotaExceededError') {
  const proto = (globalThis as unknown as { IDBObjectStore: { prototype: { put: (...a: unknown[]) => unknown } } }).IDBObjectStore.prototype;
  const real = proto.put;
  let calls = 0;
  return vi.spyOn(proto, 'put').mockImplementation(function (this: unknown, ...args: unknown[]) {
    if (++calls > okCalls) throw new DOMException('The quota has been exceeded.', name);
    return real.apply(this, args);
  });
}

describe('schema v2', () => {
  it('upgrades a version-1 database that holds data: positions and settings kept, annotations table added', async () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual([1, 2, 3, 4]);
    // Nothing to upgrade: version 1 had no annotations (issue 19, spot 10: the old function could never see a row).
    expect(MIGRATIONS[1].upgrade).toBeUndefined();
    const name = `v1-${n++}`;
    const v1 = fresh(name, 1);
    await v1.savePosition('pdoc1', 'pdoc1~ar3', 120);
    await v1.setTheme('dark');
    await v1.setFontSize(22);
    expect(v1.verno).toBe(1);
    expect(v1.tables.map((t) => t.name).sort()).toEqual(['positions', 'settings']);
    v1.close();

    const v2 = fresh(name);
    expect(await v2.getPosition('pdoc1')).toMatchObject({ unitId: 'pdoc1~ar3', scrollTop: 120 });
    expect(await v2.getSettings()).toEqual({ theme: 'dark', fontSize: 22 });
    expect(v2.verno).toBe(4);
    const [a] = sample();
    await v2.putAnnotation(a);
    expect(await v2.annotationsForDoc('pdoc1')).toEqual([a]);
    expect((await v2.annotations.get(a.id))?.tags).toEqual(['待研究']);
  });

  it('v3 drops the indexes no query uses and keeps every annotation of a v2 database', async () => {
    const name = `v2-${n++}`;
    const v2 = fresh(name, 2);
    const list = sample();
    for (const a of list) await v2.putAnnotation(a);
    const rowsBefore = await v2.annotations.toArray();
    expect(v2.annotations.schema.indexes.map((i) => i.name)).toContain('tags');
    v2.close();

    const v3 = fresh(name, 3);
    expect(v3.verno).toBe(3);
    expect(v3.annotations.schema.indexes.map((i) => i.name).sort()).toEqual(['created', 'docId']);
    const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(await v3.annotations.toArray())).toEqual(byId(rowsBefore));
    expect(byId(await v3.allAnnotations())).toEqual(byId(list));
    expect(byId(await v3.annotationsForDoc(list[0].target['policyReader:document'].id))).toEqual(
      byId(list.filter((a) => a.target['policyReader:document'].id === list[0].target['policyReader:document'].id)),
    );
  });
});

describe('annotation queries', () => {
  it('put, read by document, delete returning the record for undo', async () => {
    const d = fresh();
    const list = sample();
    for (const a of list) await d.putAnnotation(a);
    expect(await d.annotationCount()).toBe(3);
    expect((await d.annotationsForDoc('pdoc1')).map((a) => a.id).sort()).toEqual(list.map((a) => a.id).sort());
    expect(await d.annotationsForDoc('other')).toEqual([]);
    const deleted = await d.deleteAnnotation(list[0].id);
    expect(deleted).toEqual(list[0]);
    expect(await d.getAnnotation(list[0].id)).toBeNull();
    await d.putAnnotation(deleted!);
    expect(await d.getAnnotation(list[0].id)).toEqual(list[0]);
    expect(await d.deleteAnnotation('urn:uuid:00000000-0000-4000-8000-999999999999')).toBeNull();
  });

  it('skips corrupt rows instead of failing the whole list', async () => {
    const d = fresh();
    await d.putAnnotation(sample()[0]);
    await d.annotations.put({ id: 'junk', annotation: { nope: true } } as never);
    expect(await d.allAnnotations()).toHaveLength(1);
  });

  it('export, wipe, import gives deep-equal data; a second import adds nothing; newer modified wins', async () => {
    const d = fresh();
    const list = sample();
    for (const a of list) await d.putAnnotation(a);
    const text = serializeAnnotationFile(await d.allAnnotations(), '2024-06-01T00:00:00.000Z');
    const before = await d.annotations.toArray();
    await d.clearAnnotations();
    expect(await d.annotationCount()).toBe(0);
    const parsed = parseAnnotationFile(text);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(await d.importAnnotations(parsed.file.annotations)).toEqual({ added: 3, updated: 0, unchanged: 0, conflicts: 0 });
    const sortById = <T extends { id: string }>(xs: T[]) => [...xs].sort((x, y) => x.id.localeCompare(y.id));
    expect(sortById(await d.annotations.toArray())).toEqual(sortById(before));
    expect(await d.importAnnotations(parsed.file.annotations)).toEqual({ added: 0, updated: 0, unchanged: 3, conflicts: 0 });
    expect(await d.annotationCount()).toBe(3);

    // A newer version that only moved (re-anchored elsewhere) replaces the stored one.
    const moved = { ...list[1], modified: '2030-01-01T00:00:00.000Z', target: { ...list[1].target, 'policyReader:contentHash': 'hash2' } };
    expect(await d.importAnnotations([moved])).toEqual({ added: 0, updated: 1, unchanged: 0, conflicts: 0 });
    expect(await d.getAnnotation(list[1].id)).toEqual(moved);
  });

  it('issue 16, item 4: importing a file again after a local edit never loses the edit, whatever the dates say', async () => {
    const d = fresh();
    const [a] = sample();
    // The file's version claims a later date than the user's edit (a clock that was ahead).
    const inFile = updateAnnotation(a, { note: '文件里的笔记' }, '2024-05-30T00:00:00.000Z');
    expect(await d.importAnnotations([inFile])).toMatchObject({ added: 1 });
    const edited = updateAnnotation(inFile, { note: '用户刚改的笔记' }, '2024-05-10T00:00:00.000Z');
    await d.putAnnotation(edited);
    expect(await d.importAnnotations([inFile])).toEqual({ added: 0, updated: 0, unchanged: 0, conflicts: 1 });
    expect(await d.getAnnotation(a.id)).toEqual(edited);
    const notes = (await d.allAnnotations()).map((x) => x.body.find((b) => b.purpose === 'commenting')?.value).sort();
    expect(notes).toEqual(['文件里的笔记', '用户刚改的笔记']);
    expect(await d.importAnnotations([inFile])).toEqual({ added: 0, updated: 0, unchanged: 1, conflicts: 0 });
    expect(await d.annotationCount()).toBe(2);
  });

  it('re-anchoring writes never overwrite an annotation the user edited meanwhile', async () => {
    const d = fresh();
    const [a, b] = sample();
    await d.putAnnotation(a);
    await d.putAnnotation(b);
    const userEdit = updateAnnotation(a, { note: '用户刚改的' }, '2030-01-01T00:00:00.000Z');
    await d.putAnnotation(userEdit);
    const moved = (x: typeof a) => ({ ...x, target: { ...x.target, 'policyReader:contentHash': 'new' } });
    expect(await d.saveReanchored([{ before: a, after: moved(a) }, { before: b, after: moved(b) }])).toBe(1);
    expect(await d.getAnnotation(a.id)).toEqual(userEdit);
    expect((await d.getAnnotation(b.id))!.target['policyReader:contentHash']).toBe('new');
  });
});

describe('re-anchoring writes, many at once', () => {
  it('a pass that updates hundreds of annotations still skips the one the user edited meanwhile', async () => {
    const d = fresh();
    const list = Array.from({ length: 260 }, (_, i) => testAnnotation({ note: `n${i}` }));
    await d.importAnnotations(list);
    const userEdit = updateAnnotation(list[7], { note: '用户刚改的' }, '2030-01-01T00:00:00.000Z');
    await d.putAnnotation(userEdit);
    const moved = (x: (typeof list)[number]) => ({ ...x, target: { ...x.target, 'policyReader:contentHash': 'new' } });
    expect(await d.saveReanchored(list.map((a) => ({ before: a, after: moved(a) })))).toBe(259);
    expect(await d.getAnnotation(userEdit.id)).toEqual(userEdit);
    expect((await d.getAnnotation(list[8].id))!.target['policyReader:contentHash']).toBe('new');
  });
});

describe('storage failures', () => {
  it('quota exceeded: a typed error with a Chinese message, nothing half-written', async () => {
    const d = fresh();
    await d.putAnnotation(sample()[0]);
    failPutsAfter(0);
    const err = await d.putAnnotation(sample()[1]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).code).toBe('quota');
    expect((err as StorageError).message).toMatch(/存储空间已满/);
    vi.restoreAllMocks();
    expect(await d.annotationCount()).toBe(1);
  });

  it('an import that fails half-way keeps nothing of it (one transaction)', async () => {
    const d = fresh();
    const existing = sample()[0];
    await d.putAnnotation(existing);
    const incoming = [testAnnotation({}), testAnnotation({}), testAnnotation({}), updateAnnotation(existing, { note: '新' }, '2031-01-01T00:00:00.000Z')];
    failPutsAfter(2);
    const err = await d.importAnnotations(incoming).catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).code).toBe('quota');
    expect((err as StorageError).message).toMatch(/^导入失败/);
    expect(await d.allAnnotations()).toEqual([existing]);
  });

  it('settings writes report failures instead of dropping them, and the stored value stays', async () => {
    const d = fresh();
    await d.setTheme('dark');
    failPutsAfter(0);
    await expect(d.setTheme('light')).rejects.toMatchObject({ name: 'StorageError', code: 'quota' });
    await expect(d.setFontSize(20)).rejects.toBeInstanceOf(StorageError);
    vi.restoreAllMocks();
    expect(await d.getSettings()).toMatchObject({ theme: 'dark', fontSize: 18 });
  });

  it('a closed database: a typed error, not a silent loss', async () => {
    const d = fresh();
    await d.putAnnotation(sample()[0]);
    d.close({ disableAutoOpen: true });
    const err = await d.putAnnotation(sample()[1]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).code).toBe('closed');
    expect((err as StorageError).message).toMatch(/数据库已关闭/);
    await expect(d.deleteAnnotation(sample()[0].id)).rejects.toMatchObject({ code: 'closed', message: expect.stringMatching(/^删除失败/) });
  });
});
