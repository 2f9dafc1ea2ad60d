/**
 * One entry of the parse cache (cache/parse/<key>, cli/parse-pool.ts): a raw file's parse, laid out so that a
 * rebuild reads an unchanged file's documents without their units, and their units only when asked
 * (core/corpus/deferred-units.ts).
 *
 * The entry is UTF-8 text of lines, none with a newline inside (JSON has none):
 *   line 1     the parse (FileParse) with every document's `units` empty, each document's unit counts, and the
 *              byte length of each later line;
 *   line 1+k   document k's units, as JSON.
 * A rebuild reads line 1 only, and knows from it where each later line lies; a document's units are read from the
 * file again, after checking it is the file that was read (same size, modification time and inode).
 */
import { closeSync, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import type { FileParse } from '../core/corpus/build.js';
import { unitCounts } from '../core/corpus/build.js';
import { deferUnits } from '../core/corpus/deferred-units.js';
import type { Unit } from '../core/corpus/types.js';

/**
 * Line 1's mark: an entry of another layout is not this one (it is parsed again). 3: the lines' lengths are in
 * line 1, so a rebuild reads only it (reading every entry whole was 227 MB at 10,000 documents).
 */
const FORMAT = 'parse-cache/3';
const NEWLINE = 0x0a;

type Head = Omit<FileParse, 'docs'> & { format: typeof FORMAT; docs: (FileParse['docs'][number] & { counts: { unitCount: number; charCount: number } })[]; lineBytes: number[] };

/** A parse as a cache entry's text. */
export function encodeParseEntry(parse: FileParse): string {
  const lines = parse.docs.map((d) => JSON.stringify(d.doc.units));
  const head: Head = {
    format: FORMAT,
    ...parse,
    docs: parse.docs.map((d) => ({ ...d, doc: { ...d.doc, units: [] }, counts: unitCounts(d.doc.units) })),
    lineBytes: lines.map((l) => Buffer.byteLength(l)),
  };
  return [JSON.stringify(head), ...lines].join('\n');
}

/** Which file was read: a document's units are read from that file only. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ino: number;
}

export const stampOf = (s: Stats): FileStamp => ({ size: s.size, mtimeMs: s.mtimeMs, ino: s.ino });

/**
 * Line 1 (`first`, `firstBytes` long) as this layout's head of an entry of `size` bytes: one line per document after
 * it, each as long as the head says. Null otherwise (another layout, cut short, or longer).
 */
function headOf(first: string, firstBytes: number, size: number): Head | null {
  let head: Head;
  try {
    head = JSON.parse(first) as Head;
  } catch {
    return null;
  }
  if (head?.format !== FORMAT || !Array.isArray(head.docs) || !Array.isArray(head.lineBytes) || head.lineBytes.length !== head.docs.length) return null;
  let end = firstBytes;
  for (const n of head.lineBytes) {
    if (!Number.isInteger(n) || n < 0) return null;
    end += 1 + n;
  }
  return end === size ? head : null;
}

const parseOf = (head: Head, units: (k: number) => Unit[] | null): FileParse => {
  const { format: _format, lineBytes: _lineBytes, ...rest } = head;
  return { ...rest, docs: head.docs.map(({ counts: _counts, ...d }, k) => ({ ...d, doc: { ...d.doc, units: units(k) ?? [] } })) };
};

/** An entry's text read whole, every document holding its units (a file parsed in this build). Null: not this layout. */
export function parseEntryText(text: string): FileParse | null {
  const [first, ...lines] = text.split('\n');
  const head = headOf(first, Buffer.byteLength(first), Buffer.byteLength(text));
  if (!head || lines.some((line, k) => Buffer.byteLength(line) !== head.lineBytes[k])) return null;
  try {
    return parseOf(head, (k) => JSON.parse(lines[k]) as Unit[]);
  } catch {
    return null;
  }
}

/**
 * A cache entry read from `file` (`stamp`: its size, time and inode when read; `bytes`: the file from its start, at
 * least its first line) with its documents' units deferred: each is read from `file` when the corpus asks for it
 * (counted in `reads`). Null: not this layout.
 */
export function deferredParseEntry(bytes: Uint8Array, file: string, stamp: FileStamp, reads: { count: number }): FileParse | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const newline = buf.indexOf(NEWLINE);
  const firstBytes = newline < 0 ? buf.length : newline;
  const head = headOf(buf.toString('utf8', 0, firstBytes), firstBytes, stamp.size);
  if (!head) return null;
  const parse = parseOf(head, () => null);
  let from = firstBytes + 1;
  parse.docs.forEach((d, k) => {
    const [at, to] = [from, from + head.lineBytes[k]];
    deferUnits(d.doc, { ...head.docs[k].counts, load: () => (reads.count++, readUnits(file, stamp, at, to)) });
    from = to + 1;
  });
  return parse;
}

/** First bytes read of an entry: most heads are shorter, and a longer one is read on to its end. */
const HEAD_BYTES = 64 * 1024;

/**
 * The cached parse in `file`, its documents' units deferred (deferredParseEntry); null when there is none or it is
 * not of this layout (the file is parsed again and the entry rewritten). Only its first line is read. Blocking
 * calls, as for the raw files (raw-files.ts readRawFile): a rebuild reads every entry.
 */
export function readCachedParse(file: string, reads: { count: number }): FileParse | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const stamp = stampOf(fstatSync(fd));
    // Read until the first line's end is in, or the file's.
    let buf = Buffer.allocUnsafe(Math.min(stamp.size, HEAD_BYTES));
    let n = 0;
    while (n < stamp.size) {
      if (n === buf.length) buf = Buffer.concat([buf, Buffer.allocUnsafe(Math.min(stamp.size - n, n))]);
      const read = readSync(fd, buf, n, buf.length - n, n);
      if (read === 0) break;
      n += read;
      if (buf.subarray(n - read, n).includes(NEWLINE)) break;
    }
    return deferredParseEntry(buf.subarray(0, n), file, stamp, reads);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/** Document units from bytes `from`–`to` of `file`, if it is still the file read as `stamp`. */
export function readUnits(file: string, stamp: FileStamp, from: number, to: number): Unit[] {
  const changed = () => new Error(`解析缓存文件 ${file} 在构建过程中被改动或删除，本次构建已停止（上一版语料不受影响），请重新构建`);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    throw changed();
  }
  try {
    const now = stampOf(fstatSync(fd));
    if (now.size !== stamp.size || now.mtimeMs !== stamp.mtimeMs || now.ino !== stamp.ino) throw changed();
    const buf = Buffer.alloc(to - from);
    let n = 0;
    while (n < buf.length) {
      const read = readSync(fd, buf, n, buf.length - n, from + n);
      if (read === 0) throw changed();
      n += read;
    }
    const units = JSON.parse(buf.toString('utf8')) as unknown;
    if (!Array.isArray(units)) throw changed();
    return units as Unit[];
  } catch (e) {
    throw e instanceof SyntaxError ? changed() : e;
  } finally {
    closeSync(fd);
  }
}
