/**
 * The files of the current version, as the build that wrote them left them, so that the next build links a file it
 * would write again byte for byte (a hard link from the previous version's folder) instead of writing it (issue 20:
 * a rebuild after one changed raw file). At 10,000 documents a version is 21,000 files and 800 MB; a rebuild
 * changes a few dozen of them, yet wrote all 800 MB again, and held two full versions on disk until the old one
 * was retired.
 *
 * Kept in `cache/version-files.json`, named with the version it describes: after a build killed between its
 * switch and saving this, or a build by an older program, the names do not agree and nothing is linked. A file is
 * linked only when its SHA-256 is the one recorded for that name and the file in the previous version is, by its
 * size, modification time and inode, still the one the build wrote (as git trusts its index): a file edited in
 * place since is written again, never carried into the new version.
 */
import { linkSync, lstatSync } from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import type { FileContent } from '../core/corpus/file-stream.js';
import { sha256Hex } from './hash.js';
import { readRecord, saveRecord } from './build-records.js';

/** What a build knows of a file it wrote (or linked): its content's SHA-256 and the file's identity on disk. */
export interface WrittenFile {
  sha256: string;
  size: number;
  mtimeMs: number;
  ino: number;
}

const FILE = path.join('cache', 'version-files.json');
const FORMAT = 1;
/** Errors of a file system that has no hard links (FAT, exFAT, some network shares): stop trying for this build. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS']);

const isRecord = (v: unknown): v is [string, string, number, number, number] =>
  Array.isArray(v) && v.length === 5 && typeof v[0] === 'string' && /^[0-9a-f]{64}$/.test(v[1]) && v.slice(2).every((x) => typeof x === 'number' && Number.isFinite(x));

/** The files recorded for `version`, or null: none recorded, another version's, or a record that does not read. */
export async function readVersionFiles(corpusDir: string, version: string): Promise<Map<string, WrittenFile> | null> {
  const d = await readRecord(corpusDir, FILE, FORMAT, version);
  if (!d || !Array.isArray(d.files) || !d.files.every(isRecord)) return null;
  return new Map(d.files.map(([rel, sha256, size, mtimeMs, ino]) => [rel, { sha256, size, mtimeMs, ino }]));
}

/**
 * Record the files of `version`, now current (build-records.ts: written aside and renamed, so a build killed here
 * leaves the earlier record, of another version and not used, or this one whole). A record that cannot be written
 * costs the next build its links, not its output: the error is not the build's.
 */
export async function saveVersionFiles(corpusDir: string, version: string, files: Map<string, WrittenFile>): Promise<boolean> {
  // Nothing hashed, nothing to link next time (a writer given files without their hashes).
  if (!files.size) return false;
  return saveRecord(corpusDir, FILE, { format: FORMAT, version, files: Array.from(files, ([rel, f]) => [rel, f.sha256, f.size, f.mtimeMs, f.ino]) });
}

/**
 * Whether a file found on disk (its lstat, null when there is none) is still the one a build wrote: the inode says it
 * is the same file (not one put in its place), the size and modification time that it is as it was written.
 */
export function isAsWritten(st: { size: number; mtimeMs: number; ino: number } | null, was: WrittenFile): boolean {
  return st !== null && st.size === was.size && st.mtimeMs === was.mtimeMs && st.ino === was.ino;
}

function statOrNull(at: string): { size: number; mtimeMs: number; ino: number } | null {
  try {
    return lstatSync(at, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

/**
 * Puts each file of a new version in place: linked from the previous version's folder when it is the file the
 * previous build wrote there with this content, written otherwise. `files` is what the new version holds, for
 * saveVersionFiles once it is current.
 */
export class VersionPlacer {
  readonly files = new Map<string, WrittenFile>();
  linked = 0;
  /** Cleared at a refusal that says the file system has no hard links. */
  private linking = true;

  /** `previous`: the current version's folder and its record (readVersionFiles); null where there is none. */
  constructor(private readonly previous: { dir: string; files: Map<string, WrittenFile> } | null) {}

  /**
   * Put `content` at `target` (file `rel` of the new version); `sha256` of the content, when known, allows a link.
   * Content given as a function (a document whose hash was made before) is made only when the file is written, and
   * checked against that hash: the manifest and the next build's links trust it.
   */
  async place(rel: string, target: string, content: FileContent, sha256?: string): Promise<void> {
    // Linked at once, without yielding: a pending placement holds its content, and content given as a function holds
    // what makes it (a variants shard's: the whole detection, about 60 MB at 10,000 documents, kept through the
    // search index's making by the last shards' links waiting on the thread pool). Each link is two system calls.
    if (sha256 && this.tryLink(rel, target, sha256)) return;
    const text = typeof content === 'function' ? content() : content;
    if (typeof content === 'function' && sha256Hex(text) !== sha256) throw new Error(`${rel} 在算出哈希之后被改动`);
    const fh = await open(target, 'w');
    try {
      await fh.writeFile(text);
      if (sha256) {
        const st = await fh.stat();
        this.files.set(rel, { sha256, size: st.size, mtimeMs: st.mtimeMs, ino: st.ino });
      }
    } finally {
      await fh.close();
    }
  }

  private tryLink(rel: string, target: string, sha256: string): boolean {
    const was = this.linking ? this.previous?.files.get(rel) : undefined;
    if (!was || was.sha256 !== sha256) return false;
    const from = path.join(this.previous!.dir, rel);
    if (!isAsWritten(statOrNull(from), was)) return false;
    try {
      linkSync(from, target);
    } catch (e) {
      if (NO_LINKS.has(String((e as NodeJS.ErrnoException).code))) this.linking = false;
      return false;
    }
    this.files.set(rel, was);
    this.linked++;
    return true;
  }
}
