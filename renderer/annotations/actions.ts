/**
 * What the UI does to annotations. Every action resolves to a result instead
 * of throwing: on failure the user is told in Chinese (app-wide notice) and the
 * error is returned, so the caller keeps its editor open with what was typed.
 * Successful writes schedule the automatic backup.
 */
import { type AnnotationPatch, type NewAnnotationInput, newAnnotation, retarget, updateAnnotation } from '../../core/annotations/create';
import type { Annotation } from '../../core/annotations/model';
import { notify } from '../components/notices';
import { loadContentHash } from '../data/corpus';
import { db } from '../db/database';
import { StorageError, toStorageError } from '../db/errors';
import { scheduleAutoBackup } from './autobackup';

export type ActionResult<T> = { ok: true; value: T } | { ok: false; error: StorageError };

async function run<T>(action: string, work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    const value = await work();
    try {
      scheduleAutoBackup();
    } catch (e) {
      // The write itself succeeded; a backup problem is reported by the backup, not as a failed save.
      console.warn('automatic backup not scheduled', e);
    }
    return { ok: true, value };
  } catch (e) {
    const error = toStorageError(e, action);
    notify(error.message);
    return { ok: false, error };
  }
}

/** The corpus version new annotations record; 'unknown' when the manifest cannot be read (they still re-anchor by quote). */
async function currentHash(): Promise<string> {
  try {
    return await loadContentHash();
  } catch {
    return 'unknown';
  }
}

export type CreateInput = Omit<NewAnnotationInput, 'now' | 'id' | 'contentHash'> & { contentHash?: string };

export async function create(input: CreateInput): Promise<ActionResult<Annotation>> {
  return run('保存', async () => {
    const a = newAnnotation({ ...input, contentHash: input.contentHash ?? (await currentHash()), now: new Date() });
    await db().putAnnotation(a);
    return a;
  });
}

/** Changes colour, note or tags. Fails with code 'failed' when the annotation no longer exists. */
export async function update(id: string, patch: AnnotationPatch): Promise<ActionResult<Annotation>> {
  return run('保存', async () => {
    const old = await db().getAnnotation(id);
    if (!old) throw new StorageError('failed', '保存失败：这条标注已被删除。');
    const a = updateAnnotation(old, patch, new Date());
    await db().putAnnotation(a);
    return a;
  });
}

/** Re-attaches (typically an orphan) to a new selection. */
export async function reattach(id: string, to: Omit<Parameters<typeof retarget>[1], 'contentHash'>): Promise<ActionResult<Annotation>> {
  return run('保存', async () => {
    const old = await db().getAnnotation(id);
    if (!old) throw new StorageError('failed', '保存失败：这条标注已被删除。');
    const a = retarget(old, { ...to, contentHash: await currentHash() }, new Date());
    await db().putAnnotation(a);
    return a;
  });
}

export interface Removed {
  annotation: Annotation | null;
  /** Puts the deleted annotation back exactly as it was (撤销). */
  undo(): Promise<ActionResult<Annotation | null>>;
}

export async function remove(id: string): Promise<ActionResult<Removed>> {
  return run('删除', async () => {
    const annotation = await db().deleteAnnotation(id);
    return {
      annotation,
      undo: () =>
        run('撤销', async () => {
          if (annotation) await db().putAnnotation(annotation);
          return annotation;
        }),
    };
  });
}
