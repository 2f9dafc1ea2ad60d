/**
 * Where the user's own documents are stored, per host. Electron: on disk under
 * the user-data folder, through the bridge (electron/user-library.ts), so a
 * reset browser store cannot lose them. Browser preview: IndexedDB
 * (renderer/db/user-library.ts). Both expose the same functions; everything
 * else (importer, 我的文件, search sync) goes through these.
 *
 * Annotations stay in IndexedDB on both hosts: removing a file in Electron
 * removes it on disk first, then marks its annotations orphaned (未能定位) in
 * IndexedDB. Should that second step fail, the annotations still point at a
 * document that no longer exists, which the reader shows as 未能定位 too.
 */
import type { FileError, PolicyReaderBridge, UserFileEntry } from '../../electron/contract';
import type { PolicyDocument } from '../../core/corpus/types';
import type { Placement } from '../../core/import/placement';
import type { ListedUserFile } from '../../core/annotations/user-files';
import * as idb from '../db/user-library';
import type { DocEdits, UserDocRow, UserFileRow } from '../db/user-library';
import { bridge } from './bridge';

export type { DocEdits, UserDocRow, UserFileRow };

type Built = { doc: PolicyDocument; placements: Placement[] };

const failure = (r: FileError) => new Error(r.message);

// The listing is read once and kept until this module changes it (one window writes the library).
let cached: Promise<{ files: UserFileEntry[]; rows: UserDocRow[] }> | null = null;

function listing(b: PolicyReaderBridge) {
  cached ??= b.listUserLibrary().then((r) => {
    if (!r.ok) throw failure(r);
    const rows = r.files.flatMap((f) =>
      (JSON.parse(f.docsJson) as Built[]).map(({ doc, placements }) => ({ id: doc.id, fileHash: f.hash, doc, edits: (f.edits[doc.id] ?? {}) as DocEdits, placements })),
    );
    return { files: r.files, rows };
  });
  // A failed read is not kept: the next call tries again.
  cached.catch(() => (cached = null));
  return cached;
}

export async function knownFileHashes(): Promise<string[]> {
  const b = bridge();
  return b ? (await listing(b)).files.map((f) => f.hash) : idb.knownFileHashes();
}

export async function userDocRows(): Promise<UserDocRow[]> {
  const b = bridge();
  return b ? (await listing(b)).rows : idb.userDocRows();
}

export async function userDocRow(id: string): Promise<UserDocRow | null> {
  const b = bridge();
  return b ? ((await listing(b)).rows.find((r) => r.id === id) ?? null) : idb.userDocRow(id);
}

/** Stores one imported file and its documents, all or nothing. */
export async function addImportedFile(file: UserFileRow, built: Built[]): Promise<void> {
  const b = bridge();
  if (!b) return idb.addImportedFile(file, built);
  cached = null;
  const r = await b.importFiles([
    { name: file.name, kind: file.kind, bytes: new Uint8Array(await file.original.arrayBuffer()), hash: file.hash, pages: file.pages, rawText: file.rawText, docsJson: JSON.stringify(built) },
  ]);
  if (!r.ok) throw failure(r);
}

export async function saveDocEdits(id: string, edits: DocEdits): Promise<void> {
  const b = bridge();
  if (!b) return idb.saveDocEdits(id, edits);
  cached = null;
  const r = await b.saveUserDocEdits(id, edits);
  if (!r.ok) throw failure(r);
}

/** Removes an imported file and its documents; returns how many annotations became orphans (未能定位). */
export async function removeUserFile(hash: string): Promise<number> {
  const b = bridge();
  if (!b) return idb.removeUserFile(hash);
  cached = null;
  const r = await b.removeUserDocument(hash);
  if (!r.ok) throw failure(r);
  return idb.orphanAnnotationsOf(r.docIds);
}

/** The user library as an annotation backup or export lists it (no bytes): which files the annotations on user documents belong to. */
export async function listedUserFiles(): Promise<ListedUserFile[]> {
  const b = bridge();
  const files: { hash: string; name: string; size: number; importedAt: string; docIds: string[] }[] = b ? (await listing(b)).files : await idb.userFileRows();
  const rows = b ? (await listing(b)).rows : await idb.userDocRows();
  const titles = new Map(rows.map((r) => [r.id, r.edits.title ?? r.doc.title]));
  return files.map((f) => ({
    name: f.name,
    sha256: f.hash,
    size: f.size,
    importedAt: f.importedAt,
    documents: f.docIds.map((id) => ({ id, title: titles.get(id) ?? '' })),
  }));
}
