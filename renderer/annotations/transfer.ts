/**
 * 导出标注 / 导入标注 from the UI (我的标注 and the menu). Export writes the
 * standard annotation file through the platform (save dialog in Electron, a
 * download in the browser). Import validates the WHOLE file first
 * (parseAnnotationFile) and merges in one transaction, so a corrupt, foreign or
 * newer file changes nothing. Both resolve to a Chinese sentence for the UI
 * (null when the user cancelled).
 */
import { CONFLICT_TAG, forReanchoring, parseAnnotationFile, serializeAnnotationFile } from '../../core/annotations/file';
import type { Annotation } from '../../core/annotations/model';
import { db } from '../db/database';
import { openAnnotationFile, saveAnnotationFile } from '../platform/annotations';
import { scheduleAutoBackup } from './autobackup';
import { runReanchor } from './startup';
import { missingFilesNote, userFilesForBackup } from './user-files-listing';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function exportAnnotations(list?: readonly Annotation[]): Promise<string | null> {
  try {
    const all = list ?? (await db().allAnnotations());
    if (!all.length) return '没有可导出的标注。';
    const r = await saveAnnotationFile(serializeAnnotationFile(all, new Date(), await userFilesForBackup()), `政策阅读器标注-${today()}.json`);
    if (!r.ok) return r.canceled ? null : r.message;
    return `已导出 ${all.length} 条标注：${r.where}`;
  } catch (e) {
    return `导出失败：${e instanceof Error ? e.message : String(e)}`;
  }
}

export async function importAnnotations(): Promise<string | null> {
  const file = await openAnnotationFile();
  if (!file.ok) return file.canceled ? null : file.message;
  // An import, not a restore: the file must also pass the import policy (no dates from the future, …).
  const parsed = parseAnnotationFile(file.text, { now: new Date() });
  if (!parsed.ok) return parsed.message;
  try {
    // A file's quotes are not trusted as quotations of their clause until re-anchoring found them there.
    const n = await db().importAnnotations(parsed.file.annotations.map(forReanchoring));
    scheduleAutoBackup();
    void runReanchor();
    const conflicts = n.conflicts ? `；${n.conflicts} 条与本机的版本不同，本机版本未改动，导入的版本另存一条并加了标签「${CONFLICT_TAG}」，请在“我的标注”中按该标签查看后取舍` : '';
    const missing = await missingFilesNote(parsed.file);
    return `已导入：新增 ${n.added} 条，更新 ${n.updated} 条，${n.unchanged} 条已存在未变${conflicts}。${missing ?? ''}`;
  } catch (e) {
    return `${e instanceof Error ? e.message : String(e)} 未做任何更改。`;
  }
}
