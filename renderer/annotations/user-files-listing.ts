/**
 * The user-library listing in annotation backups and exports, from the
 * renderer's side. Neither direction may cost the user annotations: a library
 * that cannot be read leaves the listing out (the backup is still written),
 * and an import or restore that cannot compare with the library says nothing
 * about missing files rather than failing after it already wrote.
 */
import type { AnnotationFile } from '../../core/annotations/model';
import { type ListedUserFile, missingAnnotatedFiles, missingFilesMessage } from '../../core/annotations/user-files';
import { knownFileHashes, listedUserFiles } from '../platform/userLibrary';

export async function userFilesForBackup(): Promise<ListedUserFile[] | undefined> {
  try {
    return await listedUserFiles();
  } catch (e) {
    console.warn('user library not listed in the backup', e);
    return undefined;
  }
}

/** "备份中有 N 个我的文件的标注：…；请重新导入…" for listed files this library lacks; null when none (or unknown). */
export async function missingFilesNote(file: Pick<AnnotationFile, 'annotations' | 'userFiles'>): Promise<string | null> {
  if (!file.userFiles?.length) return null;
  try {
    return missingFilesMessage(missingAnnotatedFiles(file.userFiles, file.annotations, await knownFileHashes()));
  } catch (e) {
    console.warn('user library not compared with the backup', e);
    return null;
  }
}
