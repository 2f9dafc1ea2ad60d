/**
 * 导出标注 / 导入标注 from the UI (我的标注 and the menu). Export writes the
 * standard annotation file through the platform (save dialog in Electron, a
 * download in the browser). Import validates the WHOLE file first
 * (parseAnnotationFile) and merges in one transaction, so a corrupt, foreign or
 * newer file changes nothing. Both resolve to a Chinese sentence for the UI
 * (null when the user cancelled).
 */
import { parseAnnotationFile, serializeAnnotationFile } from '../../core/annotations/file';
import type { Annotation } from '../../core/annotations/model';
import { db } from '../db/database';
import { openAnnotationFile, saveAnnotationFile } from '../platform/annotations';
import { scheduleAutoBackup } from './autobackup';

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export async function exportAnnotations(list?: readonly Annotation[]): Promise<string | null> {
  try {
    const all = list ?? (await db().allAnnotations());
    if (!all.length) return '没有可导出的标注。';
    const r = await saveAnnotationFile(serializeAnnotationFile(all, new Date()), `政策阅读器标注-${today()}.json`);
    if (!r.ok) return r.canceled ? null : r.message;
    return `已导出 ${all.length} 条标注：${r.where}`;
  } catch (e) {
    return `导出失败：${e instanceof Error ? e.message : String(e)}`;
  }
}

export async function importAnnotations(): Promise<string | null> {
  const file = await openAnnotationFile();
  if (!file.ok) return file.canceled ? null : file.message;
  const parsed = parseAnnotationFile(file.text);
  if (!parsed.ok) return parsed.message;
  try {
    const n = await db().importAnnotations(parsed.file.annotations);
    scheduleAutoBackup();
    return `已导入：新增 ${n.added} 条，更新 ${n.updated} 条，${n.unchanged} 条已存在未变。`;
  } catch (e) {
    return `${e instanceof Error ? e.message : String(e)} 未做任何更改。`;
  }
}
