/**
 * The user's own documents in Electron, on disk under the user-data folder,
 * beside (never inside) the bundled corpus, so a corpus rebuild cannot touch it.
 *
 *   user-library/
 *     objects/<sha256>/original   the file as the user gave it
 *     objects/<sha256>/raw.txt    its extracted raw text (`# Page N:` form for a PDF)
 *     objects/<sha256>/docs.json  the documents built from it, with their placements
 *     versions/v<n>.json          one complete listing: files, their documents' ids, the user's corrections
 *     current.json                the pointer: {"version":"v<n>"}
 *
 * The same atomic switch as the corpus build (cli/corpus-files.ts), with a
 * pointer file instead of a symlink (Windows user folders often refuse
 * symlinks): a change writes new objects and a new listing, each by temp file
 * + fsync + rename (fs-safe.ts), then renames the pointer into place last. A
 * change that fails or is killed before that rename leaves the pointer, and
 * so the library, as it was; what it wrote is removed when it fails, or found
 * unreferenced and replaced when the same file is imported again.
 *
 * Only names this module writes are ever deleted (the three object files, the
 * object folder when empty, listings named v<n>.json).
 */
import crypto from 'node:crypto';
import nodeFs from 'node:fs';
import path from 'node:path';
import type { FileError, UserDocEdits, UserEditResult, UserFileEntry, UserFileImport, UserImportResult, UserLibraryListResult, UserRemoveResult } from './contract';
import { atomicWriteFile, decodeUtf8, nodeWriteFs, readFileLimited, toFileError, type WriteFs } from './fs-safe';
import { LIMITS, tooLargeMessage } from './ipc';

export const USER_LIBRARY_DIR = 'user-library';
const OBJECT_FILES = ['original', 'raw.txt', 'docs.json'] as const;
const VERSION_NAME = /^v(\d{1,15})\.json$/;
/** Listings kept besides the current one: the previous state stays readable by hand. */
const KEEP_PREVIOUS = 1;

/** One file as the listing keeps it (no bytes, no documents: those are objects). */
type Listed = Omit<UserFileEntry, 'docsJson'>;
interface Listing {
  version: string;
  files: Listed[];
}

export interface UserLibraryDeps {
  /** The user-data folder (app.getPath('userData')). */
  userData: string;
  /** Atomic writes go through this; tests inject a failure. */
  fs?: WriteFs;
  now?: () => Date;
  log?: (message: string) => void;
}

export interface UserLibrary {
  list(): Promise<UserLibraryListResult>;
  import(files: UserFileImport[]): Promise<UserImportResult>;
  remove(fileHash: string): Promise<UserRemoveResult>;
  saveEdits(docId: string, edits: UserDocEdits): Promise<UserEditResult>;
  /** Resolves when every queued change has finished (quit). */
  idle(): Promise<void>;
}

const refused = (code: FileError['code'], message: string): FileError => ({ ok: false, code, message });

export function createUserLibrary({ userData, fs = nodeWriteFs, now = () => new Date(), log = () => {} }: UserLibraryDeps): UserLibrary {
  const root = path.join(userData, USER_LIBRARY_DIR);
  const objects = path.join(root, 'objects');
  const versions = path.join(root, 'versions');
  const pointer = path.join(root, 'current.json');
  const objectDir = (hash: string) => path.join(objects, hash);

  // One change at a time: two imports racing would each switch to a listing without the other's file.
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(run: () => Promise<T>): Promise<T> {
    const next = queue.then(run, run);
    queue = next.catch(() => {});
    return next;
  }

  async function readJson(file: string): Promise<unknown> {
    const bytes = await readFileLimited(file, LIMITS.importTextChars * 4);
    const text = bytes && decodeUtf8(bytes);
    if (text == null) throw Object.assign(new Error(`unreadable ${file}`), { code: 'EINVAL' });
    return JSON.parse(text) as unknown;
  }

  /** The listing the pointer names; an empty library when there is no pointer yet. */
  async function current(): Promise<Listing> {
    let name: unknown;
    try {
      name = ((await readJson(pointer)) as { version?: unknown }).version;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { version: 'v0', files: [] };
      throw e;
    }
    if (typeof name !== 'string' || !VERSION_NAME.test(`${name}.json`)) throw new Error(`user-library/current.json names no version (${String(name)})`);
    const listing = (await readJson(path.join(versions, `${name}.json`))) as Listing;
    if (!Array.isArray(listing.files)) throw new Error(`user-library/versions/${name}.json has no file list`);
    return { version: name, files: listing.files };
  }

  /** Writes the listing as a new version, then renames the pointer to it: the switch. */
  async function switchTo(files: Listed[], from: Listing): Promise<void> {
    await nodeFs.promises.mkdir(versions, { recursive: true });
    const seq = Math.max(Number(from.version.slice(1)), ...(await versionSeqs())) + 1;
    const version = `v${seq}`;
    const listingFile = path.join(versions, `${version}.json`);
    try {
      await atomicWriteFile(listingFile, JSON.stringify({ version, files } satisfies Listing), fs);
      await atomicWriteFile(pointer, JSON.stringify({ version }), fs);
    } catch (e) {
      // A failure after the rename (flushing the folder) still switched: then the change stands.
      const named = await readJson(pointer).then(
        (p) => (p as { version?: unknown }).version,
        () => null,
      );
      if (named !== version) {
        // The pointer was not renamed: the listing is unreferenced, and ours.
        await nodeFs.promises.unlink(listingFile).catch(() => {});
        throw e;
      }
      log(`user library switched to ${version}, but: ${String(e)}`);
    }
    await retireListings(seq);
  }

  async function versionSeqs(): Promise<number[]> {
    const names = await nodeFs.promises.readdir(versions).catch(() => [] as string[]);
    return names.flatMap((n) => {
      const m = VERSION_NAME.exec(n);
      return m ? [Number(m[1])] : [];
    });
  }

  async function retireListings(currentSeq: number): Promise<void> {
    const old = (await versionSeqs()).filter((s) => s < currentSeq).sort((a, b) => b - a);
    for (const s of old.slice(KEEP_PREVIOUS)) await nodeFs.promises.unlink(path.join(versions, `v${s}.json`)).catch(() => {});
  }

  /** Deletes an object folder's files (only our three names), then the folder if that left it empty. */
  async function removeObject(hash: string): Promise<void> {
    for (const name of OBJECT_FILES) await nodeFs.promises.unlink(path.join(objectDir(hash), name)).catch(() => {});
    await nodeFs.promises.rmdir(objectDir(hash)).catch(() => {});
  }

  function docIdsOf(file: UserFileImport): string[] | FileError {
    let parsed: unknown;
    try {
      parsed = JSON.parse(file.docsJson);
    } catch {
      return refused('invalid', `导入失败：文件的识别结果无法保存（不是有效的 JSON）：${file.name}`);
    }
    const ids = Array.isArray(parsed) ? parsed.map((b) => (b as { doc?: { id?: unknown } } | null)?.doc?.id) : [];
    if (!ids.length || !ids.every((id): id is string => typeof id === 'string' && /^u[0-9a-f]{11}$/.test(id))) {
      return refused('invalid', `导入失败：文件的识别结果中没有可保存的文件：${file.name}`);
    }
    return ids;
  }

  return {
    list: () =>
      serial(async (): Promise<UserLibraryListResult> => {
        try {
          const listing = await current();
          const files: UserFileEntry[] = [];
          for (const f of listing.files) {
            const bytes = await readFileLimited(path.join(objectDir(f.hash), 'docs.json'), LIMITS.importTextChars * 4);
            const docsJson = bytes && decodeUtf8(bytes);
            if (docsJson == null) throw new Error(`user-library/objects/${f.hash}/docs.json is unreadable`);
            files.push({ ...f, docsJson });
          }
          return { ok: true, files };
        } catch (e) {
          return toFileError(e, '读取我的文件');
        }
      }),

    import: (incoming) =>
      serial(async (): Promise<UserImportResult> => {
        // Refusals first, before anything is written: nothing is half-imported.
        const prepared: { file: UserFileImport; docIds: string[] }[] = [];
        let listing: Listing;
        try {
          listing = await current();
        } catch (e) {
          return toFileError(e, '导入');
        }
        const held = new Set(listing.files.map((f) => f.hash));
        for (const file of incoming) {
          if (file.bytes.byteLength > LIMITS.importBytes) return refused('too-large', tooLargeMessage(file.name, file.bytes.byteLength));
          const hash = crypto.createHash('sha256').update(file.bytes).digest('hex');
          if (hash !== file.hash) return refused('invalid', `导入失败：文件内容与识别结果不符（可能在导入时被修改）：${file.name}`);
          if (held.has(hash)) return refused('duplicate', `这个文件已经导入过：${file.name}`);
          held.add(hash);
          const ids = docIdsOf(file);
          if (!Array.isArray(ids)) return ids;
          prepared.push({ file, docIds: ids });
        }
        const written: string[] = [];
        try {
          const importedAt = now().toISOString();
          for (const { file } of prepared) {
            // A folder for this hash that the listing does not name was left by an import that was killed: ours.
            await removeObject(file.hash);
            await nodeFs.promises.mkdir(objectDir(file.hash), { recursive: true });
            written.push(file.hash);
            await atomicWriteFile(path.join(objectDir(file.hash), 'original'), file.bytes, fs);
            await atomicWriteFile(path.join(objectDir(file.hash), 'raw.txt'), file.rawText, fs);
            await atomicWriteFile(path.join(objectDir(file.hash), 'docs.json'), file.docsJson, fs);
          }
          const added: Listed[] = prepared.map(({ file, docIds }) => ({ hash: file.hash, name: file.name, kind: file.kind, size: file.bytes.byteLength, pages: file.pages, importedAt, docIds, edits: {} }));
          await switchTo([...listing.files, ...added], listing);
          return { ok: true, hashes: added.map((f) => f.hash) };
        } catch (e) {
          for (const hash of written) await removeObject(hash);
          log(`user library import failed: ${String(e)}`);
          return toFileError(e, '导入');
        }
      }),

    remove: (fileHash) =>
      serial(async (): Promise<UserRemoveResult> => {
        try {
          const listing = await current();
          const file = listing.files.find((f) => f.hash === fileHash);
          if (!file) return refused('not-found', '我的文件中没有这个文件，它可能已被移除。');
          await switchTo(
            listing.files.filter((f) => f.hash !== fileHash),
            listing,
          );
          // Only after the switch: until then the library still names these files.
          await removeObject(fileHash);
          return { ok: true, docIds: file.docIds };
        } catch (e) {
          return toFileError(e, '移除');
        }
      }),

    saveEdits: (docId, edits) =>
      serial(async (): Promise<UserEditResult> => {
        try {
          const listing = await current();
          const file = listing.files.find((f) => f.docIds.includes(docId));
          if (!file) return refused('not-found', `我的文件中没有这篇文件（编号 ${docId}）。它可能已被移除。`);
          await switchTo(
            listing.files.map((f) => (f === file ? { ...f, edits: { ...f.edits, [docId]: edits } } : f)),
            listing,
          );
          return { ok: true };
        } catch (e) {
          return toFileError(e, '保存');
        }
      }),

    idle: () => queue.then(() => {}),
  };
}
