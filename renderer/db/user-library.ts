/**
 * The user library in IndexedDB (schema v4, see migrations.ts): imported
 * originals and the documents built from them. Every change is one
 * transaction, so an import either lands whole or not at all, and removing a
 * file turns the annotations on its documents into orphans (未能定位) in the
 * same transaction: nothing the user wrote is dropped.
 */
import type { Table } from 'dexie';
import type { PolicyDocument } from '../../core/corpus/types';
import type { SourceKind } from '../../core/import/extract';
import type { Placement } from '../../core/import/placement';
import { db, type ReaderDatabase } from './database';
import { toStorageError } from './errors';
import { annotationRecord, type AnnotationRecord } from './records';

export interface UserFileRow {
  hash: string;
  name: string;
  kind: SourceKind;
  size: number;
  pages: number | null;
  importedAt: string;
  /** The original bytes, as the user gave them. */
  original: Blob;
  rawText: string;
  docIds: string[];
}

/** What the user corrected in the recognised metadata; applied over the built document. */
export interface DocEdits {
  title?: string;
  docNumber?: string | null;
  issuer?: string;
  date?: string | null;
  kind?: PolicyDocument['kind'];
  region?: PolicyDocument['region'];
}

export interface UserDocRow {
  id: string;
  fileHash: string;
  doc: PolicyDocument;
  edits: DocEdits;
  placements: Placement[];
}

const files = (d: ReaderDatabase) => d.table('userFiles') as Table<UserFileRow, string>;
const docs = (d: ReaderDatabase) => d.table('userDocs') as Table<UserDocRow, string>;
const annotations = (d: ReaderDatabase) => d.table('annotations') as Table<AnnotationRecord, string>;

async function guard<T>(run: () => Promise<T>, action?: string): Promise<T> {
  try {
    return await run();
  } catch (e) {
    throw toStorageError(e, action);
  }
}

export async function knownFileHashes(d = db()): Promise<string[]> {
  return guard(() => files(d).toCollection().primaryKeys(), '读取');
}

export async function userDocRows(d = db()): Promise<UserDocRow[]> {
  return guard(() => docs(d).toArray(), '读取');
}

export async function userDocRow(id: string, d = db()): Promise<UserDocRow | null> {
  return (await guard(() => docs(d).get(id), '读取')) ?? null;
}

export async function userFileRows(d = db()): Promise<UserFileRow[]> {
  return guard(() => files(d).toArray(), '读取');
}

/** Stores one imported file and its documents, all or nothing. */
export async function addImportedFile(file: UserFileRow, built: { doc: PolicyDocument; placements: Placement[] }[], d = db()): Promise<void> {
  await guard(
    () =>
      d.transaction('rw', files(d), docs(d), async () => {
        await files(d).add(file);
        await docs(d).bulkPut(built.map(({ doc, placements }) => ({ id: doc.id, fileHash: file.hash, doc, edits: {}, placements })));
      }),
    '保存',
  );
}

export async function saveDocEdits(id: string, edits: DocEdits, d = db()): Promise<void> {
  await guard(
    () =>
      d.transaction('rw', docs(d), async () => {
        const row = await docs(d).get(id);
        if (!row) throw new Error(`no user document ${id}`);
        await docs(d).put({ ...row, edits });
      }),
    '保存',
  );
}

/**
 * Removes an imported file and its documents. Annotations on them stay, marked
 * orphaned, so 我的标注 lists them under 未能定位 with their quote and note.
 * Returns how many annotations became orphans.
 */
export async function removeUserFile(hash: string, d = db()): Promise<number> {
  return guard(
    () =>
      d.transaction('rw', files(d), docs(d), annotations(d), async () => {
        const ids = await docs(d).where('fileHash').equals(hash).primaryKeys();
        const orphaned = await markOrphaned(ids, d);
        await docs(d).bulkDelete(ids);
        await files(d).delete(hash);
        return orphaned;
      }),
    '删除',
  );
}

/** Inside a transaction over the annotations: marks the annotations on these documents orphaned. */
async function markOrphaned(ids: readonly string[], d: ReaderDatabase): Promise<number> {
  let orphaned = 0;
  for (const id of ids) {
    const rows = await annotations(d).where('docId').equals(id).toArray();
    for (const r of rows) {
      if (r.orphaned) continue;
      const next = annotationRecord({ ...r.annotation, 'policyReader:orphaned': true });
      if (next) {
        await annotations(d).put(next);
        orphaned++;
      }
    }
  }
  return orphaned;
}

/**
 * Marks the annotations on removed documents orphaned (未能定位), for a store
 * kept elsewhere (Electron's user library on disk, renderer/platform/userLibrary.ts).
 * Returns how many became orphans.
 */
export async function orphanAnnotationsOf(ids: readonly string[], d = db()): Promise<number> {
  return guard(() => d.transaction('rw', annotations(d), () => markOrphaned(ids, d)), '保存');
}
