/**
 * The user's own documents as the rest of the app sees them: documents like
 * the corpus's (loadLibrary and loadDocument in corpus.ts merge them in), with
 * the user's corrections of the recognised metadata applied. Changes (an
 * import, an edit, a removal) bump a version that the library hook listens to.
 */
import { useSyncExternalStore } from 'react';
import type { DocSummary, PolicyDocument } from '../../core/corpus/types';
import { isUserDocId } from '../../core/import/user-documents';
import { type DocEdits, type UserDocRow, userDocRow, userDocRows } from '../platform/userLibrary';

export { isUserDocId };

export function applyEdits(doc: PolicyDocument, edits: DocEdits): PolicyDocument {
  const out = { ...doc };
  if (edits.title !== undefined && edits.title.trim()) out.title = edits.title.trim();
  if (edits.docNumber !== undefined) out.docNumber = edits.docNumber?.trim() || null;
  if (edits.issuer !== undefined) {
    out.issuer = edits.issuer.trim();
    out.issuers = out.issuer ? out.issuer.split(/[、，,]/).map((s) => s.trim()).filter(Boolean) : [];
  }
  if (edits.date !== undefined) out.date = edits.date || null;
  if (edits.kind !== undefined) out.kind = edits.kind;
  if (edits.region !== undefined) out.region = edits.region;
  return out;
}

const docOf = (row: UserDocRow) => applyEdits(row.doc, row.edits);

let version = 0;
const listeners = new Set<() => void>();

/** Call after any change to the user library: caches drop and subscribers re-read. */
export function userLibraryChanged(): void {
  version++;
  for (const l of listeners) l();
}

export function onUserLibraryChange(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useUserLibraryVersion(): number {
  return useSyncExternalStore(onUserLibraryChange, () => version);
}

/** The user's documents as library entries. A store that cannot be read (private mode, blocked) leaves the corpus usable. */
export async function userSummaries(): Promise<DocSummary[]> {
  try {
    return (await userDocRows()).map(docOf);
  } catch {
    return [];
  }
}

export async function loadUserDocument(id: string): Promise<PolicyDocument> {
  const row = await userDocRow(id);
  if (!row) throw new Error(`我的文件中没有这篇文件（编号 ${id}）。它可能已被移除。`);
  return docOf(row);
}
