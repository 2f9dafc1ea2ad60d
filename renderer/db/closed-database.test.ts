import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { testAnnotation, testDoc } from '../../test-support/annotation-fixtures';
import { ReaderDatabase } from './database';
import { addImportedFile, knownFileHashes, orphanAnnotationsOf, removeUserFile, saveDocEdits, userDocRow, userDocRows, userFileRows } from './user-library';

let n = 0;
const open: ReaderDatabase[] = [];
afterEach(async () => {
  for (const d of open.splice(0)) await d.delete().catch(() => {});
});

/** A database closed under the app (another window upgraded or deleted it): every call says what failed, in words for the user. */
async function closedDatabase() {
  const d = new ReaderDatabase(`cl${n++}`);
  open.push(d);
  await d.putAnnotation(testAnnotation({ note: '已存' }));
  d.close({ disableAutoOpen: true });
  return d;
}

const closed = (verb: string) => ({ code: 'closed', message: `${verb}失败：数据库已关闭（可能在另一个窗口中被升级或删除）。请重新加载页面后重试。` });

describe('a closed database: each call names its own action', () => {
  it('reads say 读取失败', async () => {
    const d = await closedDatabase();
    const a = testAnnotation({});
    await expect(d.getAnnotation(a.id)).rejects.toMatchObject(closed('读取'));
    await expect(d.annotationsForDoc('pdoc1')).rejects.toMatchObject(closed('读取'));
    await expect(d.allAnnotations()).rejects.toMatchObject(closed('读取'));
    await expect(d.annotationCount()).rejects.toMatchObject(closed('读取'));
    await expect(d.annotationsNotOn('hash2')).rejects.toMatchObject(closed('读取'));
    await expect(knownFileHashes(d)).rejects.toMatchObject(closed('读取'));
    await expect(userDocRows(d)).rejects.toMatchObject(closed('读取'));
    await expect(userDocRow('u1', d)).rejects.toMatchObject(closed('读取'));
    await expect(userFileRows(d)).rejects.toMatchObject(closed('读取'));
  });

  it('writes say 保存失败, imports 导入失败, deletions 删除失败', async () => {
    const d = await closedDatabase();
    const a = testAnnotation({});
    await expect(d.toggleBookmark(testAnnotation({ motivation: 'bookmarking' }))).rejects.toMatchObject(closed('保存'));
    await expect(d.saveReanchored([{ before: a, after: a }])).rejects.toMatchObject(closed('保存'));
    await expect(d.importAnnotations([a])).rejects.toMatchObject(closed('导入'));
    await expect(d.clearAnnotations()).rejects.toMatchObject(closed('删除'));
    const doc = testDoc('u000000000f6', ['文字。']);
    const file = { hash: 'h9', name: 'a.pdf', kind: 'pdf' as const, size: 3, pages: 1, importedAt: '2026-01-01T00:00:00.000Z', original: new Blob(['%PDF']), rawText: '', docIds: [doc.id] };
    await expect(addImportedFile(file, [{ doc, placements: [] }], d)).rejects.toMatchObject(closed('保存'));
    await expect(saveDocEdits(doc.id, {}, d)).rejects.toMatchObject(closed('保存'));
    await expect(orphanAnnotationsOf([doc.id], d)).rejects.toMatchObject(closed('保存'));
    await expect(removeUserFile('h9', d)).rejects.toMatchObject(closed('删除'));
  });
});
