import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { testAnnotation, testDoc } from '../../test-support/annotation-fixtures';
import { isOrphaned } from '../../core/annotations/model';
import { ReaderDatabase } from './database';
import { StorageError } from './errors';
import { addImportedFile, knownFileHashes, orphanAnnotationsOf, removeUserFile, saveDocEdits, userDocRow, userDocRows, userFileRows, type UserFileRow } from './user-library';

let n = 0;
const open: ReaderDatabase[] = [];
function fresh(name = `u${n++}`, version?: number) {
  const d = version === undefined ? new ReaderDatabase(name) : new ReaderDatabase(name, version);
  open.push(d);
  return d;
}
afterEach(async () => {
  for (const d of open.splice(0)) await d.delete().catch(() => {});
});

const file = (hash: string, docIds: string[]): UserFileRow => ({ hash, name: `${hash}.pdf`, kind: 'pdf', size: 3, pages: 1, importedAt: '2026-01-01T00:00:00.000Z', original: new Blob(['%PDF']), rawText: '# Page 1:\n文字', docIds });

describe('user library (schema v4)', () => {
  it('upgrades a v3 database holding annotations: they are kept, the two tables are added empty', async () => {
    const name = `v3-${n++}`;
    const v3 = fresh(name, 3);
    const a = testAnnotation({ note: '保留' });
    await v3.putAnnotation(a);
    v3.close();
    const v4 = fresh(name);
    expect(v4.verno).toBe(4);
    expect(await v4.allAnnotations()).toEqual([a]);
    expect(await userDocRows(v4)).toEqual([]);
    expect(await knownFileHashes(v4)).toEqual([]);
  });

  it('stores a file and its documents together; a second add of the same file fails whole and changes nothing', async () => {
    const d = fresh();
    const doc = testDoc('u000000000a1', ['第一条　为了规范管理，制定本办法。']);
    await addImportedFile(file('h1', [doc.id]), [{ doc, placements: [] }], d);
    expect(await knownFileHashes(d)).toEqual(['h1']);
    expect((await userDocRow(doc.id, d))?.doc).toEqual(doc);
    const other = testDoc('u000000000b2', ['不同的文字。']);
    await expect(addImportedFile(file('h1', [other.id]), [{ doc: other, placements: [] }], d)).rejects.toBeInstanceOf(StorageError);
    // The failed add wrote no document either: the transaction is all or nothing.
    expect((await userDocRows(d)).map((r) => r.id)).toEqual([doc.id]);
  });

  it('keeps the user’s corrections beside the built document', async () => {
    const d = fresh();
    const doc = testDoc('u000000000c3', ['文字。']);
    await addImportedFile(file('h2', [doc.id]), [{ doc, placements: [] }], d);
    await saveDocEdits(doc.id, { title: '改过的标题', docNumber: '沪府发〔2024〕1号' }, d);
    const row = await userDocRow(doc.id, d);
    expect(row?.edits).toEqual({ title: '改过的标题', docNumber: '沪府发〔2024〕1号' });
    expect(row?.doc.title).toBe(doc.title);
  });

  it('removing a file removes its documents and keeps their annotations as orphans', async () => {
    const d = fresh();
    const doc = testDoc('u000000000d4', ['政务服务部门应当及时作出受理决定。']);
    const keep = testDoc('u000000000e5', ['另一份文件的文字。']);
    await addImportedFile(file('h3', [doc.id]), [{ doc, placements: [] }], d);
    await addImportedFile(file('h4', [keep.id]), [{ doc: keep, placements: [] }], d);
    const mine = testAnnotation({ doc, note: '我的批注' });
    const other = testAnnotation({ doc: keep });
    await d.putAnnotation(mine);
    await d.putAnnotation(other);
    expect(await removeUserFile('h3', d)).toBe(1);
    expect(await knownFileHashes(d)).toEqual(['h4']);
    expect(await userDocRow(doc.id, d)).toBeNull();
    const after = await d.getAnnotation(mine.id);
    expect(after && isOrphaned(after)).toBe(true);
    expect(after?.body).toEqual(mine.body);
    expect((await d.annotations.get(mine.id))?.orphaned).toBe(1);
    const untouched = await d.getAnnotation(other.id);
    expect(untouched && isOrphaned(untouched)).toBe(false);
  });

  it('lists the stored files with their original bytes and text', async () => {
    const d = fresh();
    const doc = testDoc('u000000000g7', ['文字。']);
    await addImportedFile(file('h5', [doc.id]), [{ doc, placements: [] }], d);
    const rows = await userFileRows(d);
    expect(rows.map((r) => [r.hash, r.name, r.rawText, r.docIds])).toEqual([['h5', 'h5.pdf', '# Page 1:\n文字', [doc.id]]]);
    expect(await rows[0].original.text()).toBe('%PDF');
  });

  it('corrections to a document that is not there are refused, naming it, and create nothing', async () => {
    const d = fresh();
    const err = await saveDocEdits('u000000000zz', { title: '标题' }, d).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect((err as StorageError).message).toBe('保存失败：写入本机数据库时出错。（no user document u000000000zz）');
    expect(await userDocRows(d)).toEqual([]);
  });

  it('counts only annotations that became orphans; one already orphaned or a damaged row is left as it is', async () => {
    const d = fresh();
    const doc = testDoc('u000000000h8', ['政务服务部门应当及时作出受理决定。']);
    await addImportedFile(file('h6', [doc.id]), [{ doc, placements: [] }], d);
    const fresh1 = testAnnotation({ doc, note: '新的' });
    const lost = { ...testAnnotation({ doc, note: '早已找不到' }), 'policyReader:orphaned': true as const };
    await d.putAnnotation(fresh1);
    await d.putAnnotation(lost);
    const lostRow = await d.annotations.get(lost.id);
    // A damaged row on the same document: its index copies say so, its object is broken.
    const damaged = { ...(await d.annotations.get(fresh1.id))!, id: 'urn:uuid:damaged', annotation: { id: 'urn:uuid:damaged' } as never };
    await d.annotations.put(damaged);
    expect(await removeUserFile('h6', d)).toBe(1);
    expect(await d.annotations.get(lost.id)).toEqual(lostRow);
    expect(await d.annotations.get('urn:uuid:damaged')).toEqual(damaged);
    expect(isOrphaned((await d.getAnnotation(fresh1.id))!)).toBe(true);
    // Orphaning again changes nothing and counts nothing.
    expect(await orphanAnnotationsOf([doc.id], d)).toBe(0);
  });
});
