import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAnnotationFile, serializeAnnotationFile } from '../../core/annotations/file';
import { testAnnotation, testDoc } from '../../test-support/annotation-fixtures';
import { db } from '../db/database';
import { addImportedFile, removeUserFile, saveDocEdits, type UserFileRow } from '../db/user-library';
import { decideRestoreOffer } from './restore-offer';
import { missingFilesNote, userFilesForBackup } from './user-files-listing';

const H1 = '1'.repeat(64);
const H2 = '2'.repeat(64);
const row = (hash: string, name: string, docIds: string[]): UserFileRow => ({ hash, name, kind: 'pdf', size: 4, pages: 1, importedAt: '2026-05-02T09:30:00.000Z', original: new Blob(['%PDF']), rawText: '# Page 1:\n文字', docIds });

afterEach(async () => {
  await db().delete();
  await db().open();
});

describe('the user library in backups and exports (browser preview store)', () => {
  it('an export lists the library (corrected titles, no bytes); importing it where a file is missing names that file', async () => {
    const a = testDoc('u0000000000a1', ['各地要抓好春耕生产。'], '关于做好春耕生产工作的通知');
    const b = testDoc('u0000000000b2', ['本方案自印发之日起实施。'], '实施方案（识别的标题）');
    await addImportedFile(row(H1, '省政府通知.pdf', [a.id]), [{ doc: a, placements: [] }]);
    await addImportedFile(row(H2, '实施方案.pdf', [b.id]), [{ doc: b, placements: [] }]);
    await saveDocEdits(b.id, { title: '市级实施方案' });
    const notes = [testAnnotation({ doc: a }), testAnnotation({ doc: b })];

    const text = serializeAnnotationFile(notes, new Date(), await userFilesForBackup());
    const parsed = parseAnnotationFile(text, { now: new Date() });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.file.userFiles?.map((f) => [f.name, f.sha256, f.size, f.documents])).toEqual([
      ['省政府通知.pdf', H1, 4, [{ id: 'u0000000000a1', title: '关于做好春耕生产工作的通知' }]],
      ['实施方案.pdf', H2, 4, [{ id: 'u0000000000b2', title: '市级实施方案' }]],
    ]);
    // Both files are here: nothing to re-import.
    expect(await missingFilesNote(parsed.file)).toBeNull();

    await removeUserFile(H2);
    expect(await missingFilesNote(parsed.file)).toBe('备份中有 1 个我的文件的标注：《市级实施方案》（实施方案.pdf）；请重新导入这些文件，在此之前其标注列于“未能定位”。');
  });

  it('the restore offer carries the listing of an automatic backup, and names the files this library lacks', async () => {
    const a = testDoc('u0000000000a1', ['各地要抓好春耕生产。'], '关于做好春耕生产工作的通知');
    const json = serializeAnnotationFile([testAnnotation({ doc: a })], '2026-05-03T00:00:00.000Z', [
      { name: '省政府通知.pdf', sha256: H1, size: 4, importedAt: '2026-05-02T09:30:00.000Z', documents: [{ id: a.id, title: a.title }] },
    ]);
    const offer = decideRestoreOffer(0, { ok: true, json, file: '/u/annotation-backups/x.json', savedAt: '2026-05-03T00:00:00.000Z' });
    expect(offer?.userFiles.map((f) => f.name)).toEqual(['省政府通知.pdf']);
    expect(await missingFilesNote(offer!)).toBe('备份中有 1 个我的文件的标注：《关于做好春耕生产工作的通知》（省政府通知.pdf）；请重新导入这些文件，在此之前其标注列于“未能定位”。');
  });
});
