/**
 * What the UI does to annotations. Every action resolves to a result instead
 * of throwing: on failure the user is told in Chinese (app-wide notice) and the
 * error is returned, so the caller keeps its editor open with what was typed.
 * Successful writes schedule the automatic backup.
 */
import { type AnnotationPatch, type NewAnnotationInput, confirmPlacement, newAnnotation, retarget, updateAnnotation } from '../../core/annotations/create';
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

/** 确认 on an annotation flagged 位置可能已变化: its new place is accepted (the original quote is kept). */
export async function confirmPlace(id: string): Promise<ActionResult<Annotation>> {
  return run('保存', async () => {
    const old = await db().getAnnotation(id);
    if (!old) throw new StorageError('failed', '保存失败：这条标注已被删除。');
    const a = confirmPlacement(old, new Date());
    if (a !== old) await db().putAnnotation(a);
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

export interface BookmarkToggle {
  /** The new bookmark, or null when the press removed one. */
  added: Annotation | null;
  /** Puts removed bookmarks back (撤销); null when one was added. */
  undo: (() => Promise<ActionResult<unknown>>) | null;
}

/** 书签 / b / ☆: adds the clause's (or document's) bookmark, or removes it; atomic in the database, so a double press never duplicates. */
export async function toggleBookmark(input: Pick<CreateInput, 'doc' | 'unit'>): Promise<ActionResult<BookmarkToggle>> {
  return run('保存', async () => {
    const candidate = newAnnotation({ motivation: 'bookmarking', doc: input.doc, unit: input.unit, contentHash: await currentHash(), now: new Date() });
    const r = await db().toggleBookmark(candidate);
    const removed = r.removed;
    return {
      added: r.added,
      undo: removed.length
        ? () =>
            run('撤销', async () => {
              for (const a of removed) await db().putAnnotation(a);
              return removed;
            })
        : null,
    };
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
