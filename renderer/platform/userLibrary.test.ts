/**
 * The host switch for the user library: without a bridge (browser preview) the
 * files go to IndexedDB; with one (Electron) they go through the bridge only,
 * and a removal still turns the annotations in IndexedDB into orphans.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { isOrphaned } from '../../core/annotations/model';
import { testAnnotation, testDoc } from '../../test-support/annotation-fixtures';
import type { PolicyReaderBridge, UserFileEntry, UserFileImport } from '../../electron/contract';
import { db } from '../db/database';
import * as idb from '../db/user-library';
import { addImportedFile, knownFileHashes, removeUserFile, saveDocEdits, userDocRow, userDocRows, type UserFileRow } from './userLibrary';

const host = globalThis as Record<string, unknown>;
afterEach(async () => {
  delete host.window;
  await db().transaction('rw', db().tables, () => Promise.all(db().tables.map((t) => t.clear())));
});

const HASH = 'c'.repeat(64);
const file = (docIds: string[]): UserFileRow => ({ hash: HASH, name: '通知.pdf', kind: 'pdf', size: 4, pages: 1, importedAt: '2026-01-01T00:00:00.000Z', original: new Blob(['%PDF']), rawText: '# Page 1:\n文字', docIds });

/** A bridge that keeps the library in memory the way electron/user-library.ts answers. */
function fakeBridge() {
  const files: UserFileEntry[] = [];
  const sent: UserFileImport[] = [];
  const b: Partial<PolicyReaderBridge> = {
    listUserLibrary: async () => ({ ok: true, files: structuredClone(files) }),
    importFiles: async (list) => {
      sent.push(...list);
      for (const f of list) {
        const docIds = (JSON.parse(f.docsJson) as { doc: { id: string } }[]).map((x) => x.doc.id);
        files.push({ hash: f.hash, name: f.name, kind: f.kind, size: f.bytes.byteLength, pages: f.pages, importedAt: 'now', docIds, edits: {}, docsJson: f.docsJson });
      }
      return { ok: true, hashes: list.map((f) => f.hash) };
    },
    saveUserDocEdits: async (id, edits) => {
      const f = files.find((x) => x.docIds.includes(id))!;
      f.edits[id] = edits;
      return { ok: true };
    },
    removeUserDocument: async (hash) => {
      const i = files.findIndex((f) => f.hash === hash);
      if (i < 0) return { ok: false, code: 'not-found', message: '我的文件中没有这个文件，它可能已被移除。' };
      const [f] = files.splice(i, 1);
      return { ok: true, docIds: f.docIds };
    },
  };
  // The renderer's view of Electron: window.policyReader, as the preload exposes it.
  host.window = { policyReader: b };
  return { files, sent };
}

describe('user library per host', () => {
  it('without a bridge (browser preview) stores in IndexedDB', async () => {
    const doc = testDoc('u000000000a1', ['第一条　为了规范管理，制定本办法。']);
    await addImportedFile(file([doc.id]), [{ doc, placements: [] }]);
    expect(await idb.knownFileHashes()).toEqual([HASH]);
    expect((await userDocRow(doc.id))?.doc).toEqual(doc);
  });

  it('with the bridge (Electron) stores through it, bytes and all, and nothing in IndexedDB', async () => {
    const bridge = fakeBridge();
    const doc = testDoc('u000000000b2', ['第一条　为了规范管理，制定本办法。']);
    await addImportedFile(file([doc.id]), [{ doc, placements: [] }]);
    expect(bridge.sent).toHaveLength(1);
    expect(new TextDecoder().decode(bridge.sent[0].bytes)).toBe('%PDF');
    expect(await idb.knownFileHashes()).toEqual([]);
    expect(await knownFileHashes()).toEqual([HASH]);
    expect((await userDocRows()).map((r) => r.doc)).toEqual([doc]);
    await saveDocEdits(doc.id, { title: '改过的标题' });
    expect((await userDocRow(doc.id))?.edits).toEqual({ title: '改过的标题' });
  });

  it('with the bridge, removing a file marks its annotations orphaned (未能定位) in IndexedDB', async () => {
    fakeBridge();
    const doc = testDoc('u000000000c3', ['政务服务部门应当及时作出受理决定。']);
    await addImportedFile(file([doc.id]), [{ doc, placements: [] }]);
    const a = testAnnotation({ doc, quote: '及时作出受理决定' });
    await db().putAnnotation(a);
    expect(await removeUserFile(HASH)).toBe(1);
    expect(await userDocRows()).toEqual([]);
    const kept = await db().allAnnotations();
    expect(kept.map((x) => x.id)).toEqual([a.id]);
    expect(isOrphaned(kept[0])).toBe(true);
    await expect(removeUserFile(HASH)).rejects.toThrow('它可能已被移除');
  });
});
