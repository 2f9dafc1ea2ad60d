/**
 * The restore offer: an empty annotations table beside a non-empty automatic
 * backup (a reset browser store, a changed origin or user-data path, a
 * reinstall) leads to a question, not to a blank app.
 */
import { parseAnnotationFile } from '../../core/annotations/file';
import type { Annotation } from '../../core/annotations/model';
import type { ListedUserFile } from '../../core/annotations/user-files';
import type { AutoBackupReadResult } from '../../electron/contract';

export interface RestoreOffer {
  annotations: Annotation[];
  /** When the backup was written (ISO). */
  savedAt: string;
  file: string;
  /** The user's own files the backup lists (empty for a backup written before listings). */
  userFiles: ListedUserFile[];
  /** Set at start when some listed files with annotations are not in this library: the sentence naming them. */
  missingFiles?: string | null;
}

/** Pure decision: offer only when the database holds no annotation and the newest valid backup holds some. */
export function decideRestoreOffer(annotationCount: number, backup: AutoBackupReadResult | null): RestoreOffer | null {
  if (annotationCount > 0 || !backup || !backup.ok) return null;
  const parsed = parseAnnotationFile(backup.json);
  if (!parsed.ok || parsed.file.annotations.length === 0) return null;
  return { annotations: parsed.file.annotations, savedAt: backup.savedAt, file: backup.file, userFiles: parsed.file.userFiles ?? [] };
}
